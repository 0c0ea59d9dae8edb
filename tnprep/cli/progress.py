"""One progress line per patient for ``batch`` on a terminal: count, rate and time left.

Counts only, never a folder name or patient text (STYLE habit 10). The clock is passed in so
the line is testable; ``batch`` gives ``time.monotonic``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO


def progress_line(done: int, total: int, elapsed_s: float) -> str:
    """'412/1000 patients · 17.3 a second · about 34 s left' (no rate before the first one)."""
    if done <= 0 or elapsed_s <= 0:
        return f"{done}/{total} patients"
    rate = done / elapsed_s
    left = (total - done) / rate
    return f"{done}/{total} patients · {rate:.1f} a second · {_left(left, done == total)}"


def _left(seconds: float, finished: bool) -> str:
    if finished:
        return "done"
    if seconds < 90:
        return f"about {seconds:.0f} s left"
    return f"about {seconds / 60:.0f} min left"


def progress_printer(
    total: int, stream: TextIO, clock: Callable[[], float]
) -> Callable[[int], None]:
    """A ``progress`` hook for ``run_batch``: rewrites one line of ``stream`` per patient."""
    start = clock()
    width = 0

    def show(done: int) -> None:
        nonlocal width
        line = progress_line(done, total, clock() - start)
        stream.write("\r" + line.ljust(width))  # pad over a longer previous line
        width = len(line)
        if done == total:
            stream.write("\n")
        stream.flush()

    return show
