"""The batch progress line: count, rate and time left, one rewritten line per patient."""

from __future__ import annotations

import io

import pytest

from tnprep.cli.progress import progress_line, progress_printer


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "expected"),
    [
        (0, 1000, 0.0, "0/1000 patients"),
        (10, 1000, 2.0, "10/1000 patients · 5.0 a second · about 3 min left"),
        (400, 1000, 20.0, "400/1000 patients · 20.0 a second · about 30 s left"),
        (1000, 1000, 50.0, "1000/1000 patients · 20.0 a second · done"),
    ],
)
def test_progress_line(done: int, total: int, elapsed: float, expected: str) -> None:
    assert progress_line(done, total, elapsed) == expected


def test_printer_rewrites_one_line_and_ends_it() -> None:
    ticks = iter([0.0, 1.0, 2.0, 3.0])
    stream = io.StringIO()
    show = progress_printer(3, stream, lambda: next(ticks))
    for done in (1, 2, 3):
        show(done)
    written = stream.getvalue()
    assert written.count("\r") == 3 and written.endswith("\n")
    assert written.rstrip().endswith("3/3 patients · 1.0 a second · done")
    assert "\n" not in written[:-1]
