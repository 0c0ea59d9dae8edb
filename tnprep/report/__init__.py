"""tnprep.report: Summary → PageContent (``content``, pure) → one-page PDF bytes (``pdf``).

``build_page`` is the convenience the CLI and the app call; ``tnprep.report.pdf`` is the only
module in tnprep that imports ReportLab.
"""

from __future__ import annotations

from tnprep.report.content import Paper, build_content
from tnprep.summary import Summary

__all__ = ["Paper", "build_page"]


def build_page(
    summary: Summary, paper: Paper | str = "a4", *, include_name_in_metadata: bool = False
) -> bytes:
    """Return the one-page PDF for ``summary``.

    Args:
        summary: The patient's figures.
        paper: ``Paper.A4`` / ``Paper.LETTER`` or their values 'a4' / 'letter'.
        include_name_in_metadata: Put the patient's name in the PDF title (off by default).

    Returns:
        PDF bytes, identical for an identical summary.
    """
    from tnprep.report.pdf import render_pdf  # noqa: PLC0415 - ReportLab only when a page is built

    return render_pdf(
        build_content(summary, Paper(paper)), include_name_in_metadata=include_name_in_metadata
    )
