"""The page is built only while the Report tab is open (issue 14), in a real browser.

The download after an edit must be the page of the record as edited, never an older one; the
open tab must stay open when the Data issues count changes.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from playwright.sync_api import Page, expect
from test_browser import download_pdf, upload, wait_for_text, wait_until_idle

WAIT_MS = 60_000
BROKEN_FORM = {"name": "broken.json", "mimeType": "application/json", "buffer": b"{broken"}

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


def page_text(pdf: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def open_tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_until_idle(page)


def selected_tab(page: Page) -> str:
    return page.locator('[role="tab"][aria-selected="true"]').inner_text().strip()


def test_the_download_after_an_edit_is_the_edited_page(page: Page) -> None:
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    expect(page.locator('[data-testid="stImage"]')).to_have_count(0)  # no preview made yet
    open_tab(page, "Questionnaire")
    field = page.get_by_label("Name", exact=True)
    field.fill("Quinn Afteredit")
    field.press("Tab")
    expect(page.get_by_text("Quinn Afteredit · period").first).to_be_attached(timeout=WAIT_MS)
    wait_until_idle(page)
    text = page_text(download_pdf(page))
    assert "Quinn Afteredit" in text
    assert "Alex Example" not in text
    expect(page.locator('[data-testid="stImage"] img')).to_have_count(1, timeout=WAIT_MS)
    page.get_by_text("Letter", exact=True).click()  # a setting changed with the Report open
    wait_until_idle(page)
    pdf = pypdf.PdfReader(io.BytesIO(download_pdf(page)))
    assert round(float(pdf.pages[0].mediabox.width)) == 612
    assert "Quinn Afteredit" in pdf.pages[0].extract_text()


@pytest.mark.parametrize("start", ["Treatments", "Data issues"])
def test_the_open_tab_stays_open_when_the_issue_count_changes(page: Page, start: str) -> None:
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    open_tab(page, start)
    upload(page, 2, [BROKEN_FORM])  # type: ignore[list-item]  # the sample goes: 18 → 1 issue
    wait_for_text(page, "In your files: 1 row or file not used.")
    wait_until_idle(page)
    assert selected_tab(page) == start
