"""The README's screenshots of each tab, with the sample data: run this file with Python.

Writes ``docs/app-<tab>.png`` at 1400×900 and ``docs/app-phone-overview.png`` at 390×844 (a
phone) with Debian's Chromium, the same way the browser tests drive the app. Not collected by
pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server

TABS = ("Overview", "Treatments", "Questionnaire", "Questions", "Data issues", "Report")
WAIT_MS = 60_000


def settle(page: Page) -> None:
    """Wait for the script run to end and charts and images to paint."""
    idle = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')
    expect(idle).to_have_count(1, timeout=WAIT_MS)
    page.wait_for_timeout(1500)


def main(folder: Path = ROOT / "docs") -> None:
    """Write one screenshot per tab into ``folder``."""
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        expect(page.get_by_text("Alex Example").first).to_be_visible(timeout=WAIT_MS)
        for tab in TABS:
            page.get_by_role("tab", name=re.compile(f"^{tab}")).click()
            settle(page)
            name = tab.lower().replace(" ", "-")
            page.screenshot(path=str(folder / f"app-{name}.png"))
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(url)
        expect(phone.get_by_text("Alex Example").first).to_be_visible(timeout=WAIT_MS)
        settle(phone)
        phone.screenshot(path=str(folder / "app-phone-overview.png"))
        browser.close()


if __name__ == "__main__":
    main()
