"""CSV cells that a spreadsheet will not execute.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula
by Excel and LibreOffice (OWASP "CSV injection"); a patient note such as ``=HYPERLINK(…)`` would
become a live link in a nurse's spreadsheet. Every CSV tnprep writes passes its cells through
``safe_cell``, which prefixes such a cell with an apostrophe — shown by spreadsheets as plain text.

A spreadsheet whose list separator is ``;`` (Excel in most of continental Europe) splits an
unquoted ``a;=HYPERLINK(…)`` into two cells, the second a formula, and a line break inside a
cell then ends its row; so an apostrophe also goes after a ``;``, tab or line break that is
followed by a formula character.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_INNER_FORMULA = re.compile(r"([;\t\r\n])(?=[=+\-@])")


def safe_cell(value: object) -> str:
    """Return ``value`` as CSV text that no spreadsheet treats as a formula.

    Plain numbers (``-3``, ``+2.5``) are left alone: they are values, not formulas.
    """
    text = "" if value is None else str(value)
    text = _INNER_FORMULA.sub(r"\1'", text)
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Write a CSV document (CRLF line ends, minimal quoting) with every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
