"""How many printed lines each flexible paragraph may take, and what a layout showed.

The page is first laid out with ``CLAMPED`` limits (each attack-pattern field 3 lines, each
ledger line 3, the acute-burden line 3, the notes under the ledger 2, each question 3, each
discussion point 4). When that layout leaves room, ``page.render_pdf`` lays the page out once
more with ``ROOMY`` limits — every such paragraph as many lines as its text needs, up to
``ROOMY_LINES`` — and keeps it only when it still fits and ``hides_nothing`` (docs/page.md
*Spare room*).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tnprep.report.pdf.blocks import MORE, Block

ROOMY_LINES = 8
"""Most printed lines any flexible paragraph takes on a page with room (the app has the rest)."""
ROOMY_PATTERN_MOST = 300.0
"""Most the attack pattern column takes on a page with room (points; the first layout: 150)."""


@dataclass(frozen=True)
class Limits:
    """Printed lines each flexible paragraph may take, and the attack pattern column's most."""

    pattern: int = 3
    """Each attack-pattern field."""
    pattern_most: float = 150.0
    """Most the attack pattern column may take (points); further answers are counted."""
    ledger: int = 3
    """Each ledger line."""
    burden: int = 3
    """The acute-burden line."""
    note: int = 2
    """Each before/after sentence, the options not yet tried, the range source line."""
    question: int = 3
    """Each of the patient's questions."""
    discussion: int = 4
    """Each discussion point."""


CLAMPED = Limits()
"""The first layout's limits."""
ROOMY = Limits(
    pattern=ROOMY_LINES,
    pattern_most=ROOMY_PATTERN_MOST,
    ledger=ROOMY_LINES,
    burden=ROOMY_LINES,
    note=ROOMY_LINES,
    question=ROOMY_LINES,
    discussion=ROOMY_LINES,
)
"""The second layout's limits, tried only when the first leaves room."""


def hides_nothing(first: Block, roomy: Block) -> bool:
    """True when ``roomy`` shows at least what ``first`` shows, kind by kind.

    Each shown item is tagged (kind, level): level 0 printed whole, 1 in brief ('Also tried'),
    2 named on a '+N more' line. For every kind and level, ``roomy`` must show as many items at
    that level or better; and it must not add a '+N more' line.
    """
    before, after = Counter(first.shown), Counter(roomy.shown)
    if after[(MORE, 0)] > before[(MORE, 0)]:
        return False
    for kind in {kind for kind, _ in before if kind != MORE}:
        for level in range(3):
            wanted = sum(before[(kind, better)] for better in range(level + 1))
            if sum(after[(kind, better)] for better in range(level + 1)) < wanted:
                return False
    return True
