"""A new user in a real browser, session 5 (second app pass): how each diary was read, whole.

- "How each diary was read" was a canvas grid: "Columns used" was cut off on the right (a
  screen reader met no table). Every cell must be readable whole, in a real table, on a desktop
  and on a 390 px phone, and pass axe.
- A PHQ-9 downloaded as FHIR from the app carried no date: read back in, it was undated.
Real exports are read in place from ``../shared/real-exports`` (COMMON.md), never copied.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe import blocking, describe, run_axe
from conftest import RequestLog, open_page
from playwright.sync_api import Browser, Page, expect
from test_browser import upload, wait_for_text, wait_until_idle
from test_new_user import open_tab
from test_session5 import table_cells, yilativs_data_issues

WAIT_MS = 60_000
USED = (
    "date → Date; time (24h) → Time of day; length  (min) → How long it lasted; "
    "pain level (1-5) → Pain (a 1–5 scale; not converted to 0–10); "
    "treatmen → Rescue medicine taken; treatment helped → Whether the rescue helped; "
    "Timestamp → Date and time of the attack"
)
"""The yilativs log's columns as read (one cell; the grid showed its first words only)."""
NOT_USED = "pain description; shadows remain; prevention treatment; and 11 columns without a header"

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def assert_read_whole(page: Page) -> None:
    for text in (USED, NOT_USED, "yilativs-attacks.tsv"):
        cells = table_cells(page, text, within=True)
        assert cells, f"no table cell holds {text!r}"
        for cell in cells:
            assert cell["scrollWidth"] <= cell["clientWidth"] + 1, (text, cell)  # not cut
            assert cell["left"] >= 0 and cell["right"] <= cell["viewport"] + 1, (text, cell)


def test_how_each_diary_was_read_is_read_whole_on_desktop_and_phone(page: Page) -> None:
    yilativs_data_issues(page)
    expect(page.get_by_role("table").filter(has_text="Columns used").first).to_be_visible(
        timeout=WAIT_MS
    )
    assert_read_whole(page)
    assert describe(blocking(run_axe(page))) == []
    page.set_viewport_size({"width": 390, "height": 844})
    wait_until_idle(page)
    page.get_by_role("table").filter(has_text="Columns used").first.scroll_into_view_if_needed()
    assert_read_whole(page)
    assert describe(blocking(run_axe(page))) == []


def form(day: str, items: str) -> dict[str, object]:
    rows = [f"phq9_{number},{value}" for number, value in enumerate(items, start=1)]
    text = "\n".join(["item,answer", "name,Robin Browser", f"questionnaire_date,{day}", *rows])
    return {"name": f"phq9-{day}.csv", "mimeType": "text/csv", "buffer": text.encode()}


def download(page: Page, name: str) -> Path:
    button = page.get_by_role("button", name=name)
    with page.expect_download(timeout=WAIT_MS) as info:
        button.click()
    return Path(info.value.path())


def summary_phq9(page: Page) -> dict[str, object]:
    open_tab(page, "Report")
    path = download(page, "Download the summary (JSON, for your next visit)")
    phq9: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))["scores"]["phq9"]
    return phq9


def test_a_fhir_download_read_back_is_the_same_dated_administration(
    page: Page, browser: Browser, app_url: str, request_log: RequestLog
) -> None:
    wait_for_text(page, "Alex Example")
    upload(page, 2, [form("2019-08-21", "111111112")])  # type: ignore[list-item]
    wait_for_text(page, "Robin Browser ·")
    wait_until_idle(page)
    open_tab(page, "Questionnaire")
    label = "Day you gave the PHQ-9 / GAD-7 answers you enter or change here"
    for part, value in (("year", "2024"), ("month", "05"), ("day", "06")):
        page.get_by_role("spinbutton", name=f"{part}, {label}").click()
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    wait_until_idle(page)
    page.get_by_role("combobox", name=re.compile(r"^1\. Little interest")).click()
    page.keyboard.type("Nearly every day")
    page.keyboard.press("Enter")
    wait_until_idle(page)
    expect(
        page.get_by_text(re.compile(r"answers as changed here are dated 6 May 2024"))
    ).to_be_visible(timeout=WAIT_MS)
    fhir = download(page, "Download PHQ-9 (FHIR JSON)")
    resource = json.loads(fhir.read_text(encoding="utf-8"))
    assert resource["authored"] == "2024-05-06"
    given = summary_phq9(page)
    assert (given["score"], given["date"]) == (12, "2024-05-06")
    # A new user (a fresh session) uploads the downloaded file: the same dated administration.
    again = open_page(browser, app_url, request_log)
    try:
        wait_for_text(again, "Alex Example")
        upload(again, 2, [{"name": "phq9_fhir.json", "mimeType": "application/json",
                           "buffer": fhir.read_bytes()}])  # type: ignore[list-item]  # fmt: skip
        expect(again.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
        wait_until_idle(again)
        read_back = summary_phq9(again)
        assert (read_back["score"], read_back["date"], read_back["file"]) == (
            12, "2024-05-06", "phq9_fhir.json"
        )  # fmt: skip
    finally:
        again.context.close()
