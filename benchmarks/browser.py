"""Browser benchmark of the app (issue 14): how long until the page settles after a user acts.

Not a test: it prints timings, medians of several runs, for docs/performance.md.

- **edit → settled (sample)**: on the sample patient, type a new name in the Questionnaire tab
  and press Tab; the clock stops when the script run has ended and the Overview line shows the
  new name (the figures, charts and page have been rebuilt from the edit).
- **upload → settled (ten-year diary)**: upload ``benchmarks/generate.py``'s heavy diary (10
  years, 364,606 rows, 14.6 MB); the clock stops when the run has ended, the figures show the
  ten years and every chart has drawn.
- **tab → settled (sample)**: the tabs rerun the app when switched (the page is built only while
  the Report tab is open): open the Report tab from the Questionnaire tab (the clock stops when
  the run has ended and the preview image has loaded) and the Overview from the Report tab (when
  its charts have drawn). The same clicks time an older app whose tabs switched in the browser.

Drives Debian's ``/usr/bin/chromium`` through Playwright against ``streamlit run app.py`` on a
loopback port (the browser tests' server helper). Usage::

    python benchmarks/generate.py /tmp/bench
    python benchmarks/browser.py /tmp/bench/heavy/diary.csv [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

WAIT_MS = 300_000
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settled(page: Page) -> None:
    """The script run has ended; no chart or image on the open tab is still drawing or loading."""
    expect(page.locator(IDLE)).to_have_count(1, timeout=WAIT_MS)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                 .filter((chart) => chart.offsetParent !== null)
                 .every((chart) => chart.querySelector('svg, canvas'))
              && [...document.querySelectorAll('[data-testid="stImage"] img')]
                 .filter((image) => image.offsetParent !== null)
                 .every((image) => image.complete && image.naturalWidth > 0)""",
        timeout=WAIT_MS,
    )


def open_sample(browser: object, url: str) -> Page:
    page: Page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page.goto(url)
    expect(page.get_by_text("Alex Example").first).to_be_visible(timeout=WAIT_MS)
    settled(page)
    return page


def edit_once(page: Page, name: str) -> float:
    """Seconds from committing a typed name to the page settled with it."""
    field = page.get_by_label("Name", exact=True)
    field.fill(name)
    start = time.perf_counter()
    field.press("Tab")
    expect(page.get_by_text(f"{name} · period").first).to_be_attached(timeout=WAIT_MS)
    settled(page)
    return time.perf_counter() - start


def switch_once(page: Page, tab: str, ready: str) -> float:
    """Seconds from clicking ``tab`` to the page settled with ``ready`` (a CSS selector) shown."""
    start = time.perf_counter()
    page.get_by_role("tab", name=tab).click()
    expect(page.locator(ready).first).to_be_visible(timeout=WAIT_MS)
    settled(page)
    return time.perf_counter() - start


def switches(page: Page, repeat: int) -> tuple[list[float], list[float]]:
    """Questionnaire → Report (preview loaded) and Report → Overview (charts drawn), timed."""
    to_report, to_overview = [], []
    for _ in range(repeat):
        page.get_by_role("tab", name="Questionnaire").click()
        settled(page)
        to_report.append(switch_once(page, "Report", '[data-testid="stImage"] img'))
        to_overview.append(switch_once(page, "Overview", '[data-testid="stVegaLiteChart"] svg'))
    return to_report, to_overview


def upload_once(browser: object, url: str, diary: Path) -> float:
    """Seconds from choosing the ten-year diary to the page settled with its figures."""
    page = open_sample(browser, url)
    uploader = page.locator('[data-testid="stFileUploader"]').first
    start = time.perf_counter()
    uploader.locator('input[type="file"]').set_input_files(diary)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Recorded days").first
    expect(metric).to_contain_text("3,6", timeout=WAIT_MS)
    settled(page)
    elapsed = time.perf_counter() - start
    page.context.close()
    return elapsed


def main() -> None:
    """Run every measure ``--repeat`` times and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("diary", type=Path, help="the heavy diary from benchmarks/generate.py")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = open_sample(browser, url)
        page.get_by_role("tab", name="Questionnaire").click()
        edit_once(page, "Warm Up")
        edits = [edit_once(page, f"Edit Number{index}") for index in range(arguments.repeat)]
        to_report, to_overview = switches(page, arguments.repeat)
        measures = [("edit → settled (sample)", edits),
                    ("tab → settled, Questionnaire → Report (sample)", to_report),
                    ("tab → settled, Report → Overview (sample)", to_overview)]  # fmt: skip
        page.context.close()
        uploads = [upload_once(browser, url, arguments.diary) for _ in range(arguments.repeat)]
        browser.close()
    for label, values in (*measures, ("upload → settled (ten-year diary)", uploads)):
        runs = ", ".join(f"{value:.2f}" for value in values)
        print(f"{label}: median {statistics.median(values):.2f} s (runs: {runs})")


if __name__ == "__main__":
    main()
