"""A file with both an end and a duration column: an empty duration is taken from the end.

Tonnta's CSV export (tonnta.thamlock.com/csv-format.html: ``Date, Start Time, End Time, Duration
(minutes), …``) leaves the duration empty when it was not calculated. tnprep read the end only when
a file had no duration column, so a row with an end and no duration lost its duration silently.
Now the end gives the duration of the rows whose duration cell is empty; a duration written is
kept as written, and the end beside it is not read (so an unreadable end there raises no issue).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from tnprep.ingest.attack_times import Starts, durations_from_end
from tnprep.ingest.dates import OrderDecision
from tnprep.ingest.decode import Table
from tnprep.ingest.row_issues import RowIssues
from tnprep.ingest.values import text_cells


def fill_from_end(
    table: Table,
    positions: tuple[int, int],
    written: pd.Series,
    starts: Starts,
    context: tuple[OrderDecision, RowIssues],
) -> pd.Series:
    """The durations written, with those of empty duration cells taken from the end.

    Args:
        table: The attack table.
        positions: The columns of the end and of the duration.
        written: The durations read from the duration column (seconds, NaN where none).
        starts: The rows' starts.
        context: The file's date order and its row issues.
    """
    end, duration = positions
    blank = text_cells(table.cells[duration]).eq("")
    if not blank.any():
        return written
    cells = table.cells.copy(deep=False)
    cells[end] = cells[end].where(blank.to_numpy(), None)
    decision, issues = context
    from_end = durations_from_end(replace(table, cells=cells), end, starts, decision, issues)
    return written.where(~blank.to_numpy(), from_end.to_numpy())
