"""Write the bundled fonts' metrics files (``tnprep/report/fonts/*.metrics.json``).

Run after changing a bundled font or upgrading ReportLab; commit the result. The files record what
ReportLab's own parse of each font gives (``tnprep.report.pdf.font_faces``), so that a process
loads them instead of parsing the font again. The output is deterministic:
``tests/test_font_faces.py`` checks the committed files against a fresh run.

Usage::

    python tools/make_font_metrics.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnprep.report.pdf.font_faces import metrics_file, metrics_path  # noqa: E402
from tnprep.report.pdf.text import FONT_FILES  # noqa: E402


def main() -> None:
    """Write one metrics file beside each bundled font."""
    for font in FONT_FILES:
        metrics_path(font).write_bytes(metrics_file(font))
        print(f"wrote {metrics_path(font).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
