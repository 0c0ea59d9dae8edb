"""A new user in a real browser, session 5: every issue read in full; answers dated as given.

- "What happened" on the Data issues tab was cut to one line (a canvas grid): each issue's whole
  text must be readable in the page, in a real table, with user text shown as typed (never as
  Markdown: no image fetched, no link made).
- A PHQ-9 answer changed in the app was dated with the file's old date; and the message above
  the tabs said nothing of an older file's item 9 that the page flags.
Real exports are read in place from ``../shared/real-exports`` (COMMON.md), never copied.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from axe import blocking, describe, run_axe
from conftest import RequestLog
from playwright.sync_api import Page, expect
from test_browser import upload, wait_for_text, wait_until_idle
from test_new_user import open_tab, real

from tnprep.report.wording import day_text

WAIT_MS = 60_000
LONG = (
    "The date cannot be read (slash dates are read month-first, decided from the other dates "
    "in the file); the row was left out of every figure."
)
"""One of the yilativs log's issues, longer than the old one-line cell showed."""
HOSTILE = "![x](http://tracker.invalid/pixel.png) **bold** <b>b</b> :red[x] $x$"

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def table_cells(page: Page, text: str, *, within: bool = False) -> list[dict[str, float]]:
    """Each real HTML table cell whose text is ``text`` — or, ``within``, holds it, spaces as
    shown — with its size and overflow (the Data issues tables of both session-5 suites)."""
    return page.locator("table td, table th").evaluate_all(
        """(cells, [text, within]) => cells
             .filter((cell) => within ? cell.innerText.replace(/\\s+/g, ' ').includes(text)
                                      : cell.innerText.trim() === text)
             .map((cell) => {
               const box = cell.getBoundingClientRect();
               return {width: box.width, left: box.left, right: box.right,
                       scrollWidth: cell.scrollWidth, clientWidth: cell.clientWidth,
                       scrollHeight: cell.scrollHeight, clientHeight: cell.clientHeight,
                       viewport: window.innerWidth};
             })""",
        [re.sub(r"\s+", " ", text) if within else text, within],
    )


def yilativs_data_issues(page: Page) -> None:
    """Upload the real 17-year yilativs log in place of the sample and open its Data issues."""
    wait_for_text(page, "Alex Example")
    upload(page, 0, [real("gchrg-yilativs-tsv", "yilativs-attacks.tsv")])
    expect(page.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
    wait_until_idle(page)
    open_tab(page, "Data issues")


def test_every_issue_is_read_in_full_in_a_table(page: Page) -> None:
    yilativs_data_issues(page)
    table = page.get_by_role("table").filter(has_text="What happened").first
    expect(table).to_be_visible(timeout=WAIT_MS)
    expect(table.get_by_role("columnheader", name="What happened")).to_be_visible()
    cells = table_cells(page, LONG)
    assert cells, "the whole text of the issue is not in any table cell"
    for cell in cells:
        assert cell["scrollWidth"] <= cell["clientWidth"] + 1, cell  # wrapped, not cut
        assert cell["scrollHeight"] <= cell["clientHeight"] + 1, cell
        assert cell["right"] <= cell["viewport"], cell  # within the window: no sideways scroll
    assert describe(blocking(run_axe(page))) == []


def test_user_text_in_an_issue_is_shown_as_typed(page: Page, request_log: RequestLog) -> None:
    wait_for_text(page, "Alex Example")
    diary = f"Date,Time,Pain\n2026-01-01,08:00,5\n{HOSTILE},09:00,4\n2026-01-03,10:00,6\n"
    upload(page, 0, [{"name": "d.csv", "mimeType": "text/csv", "buffer": diary.encode()}])  # type: ignore[list-item]
    expect(page.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
    wait_until_idle(page)
    open_tab(page, "Data issues")
    table = page.get_by_role("table").filter(has_text="What happened").first
    expect(table).to_be_visible(timeout=WAIT_MS)
    shown = table.locator("td").evaluate_all("(cells) => cells.map((cell) => cell.innerText)")
    # as typed: an invisible word joiner (U+2060) only splits where a link would start
    assert HOSTILE in [text.replace("\u2060", "").strip() for text in shown]
    expect(table.locator("img, a, strong, b")).to_have_count(0)
    assert request_log.off_loopback() == []


def form(day: str, items: str) -> dict[str, object]:
    rows = [f"phq9_{number},{value}" for number, value in enumerate(items, start=1)]
    text = "\n".join(["item,answer", "name,Robin Browser", f"questionnaire_date,{day}", *rows])
    return {"name": f"phq9-{day}.csv", "mimeType": "text/csv", "buffer": text.encode()}


def test_a_changed_answer_is_dated_today_and_the_page_agrees(page: Page) -> None:
    wait_for_text(page, "Alex Example")
    upload(page, 2, [form("2019-08-21", "111111112"), form("2023-04-06", "000000000")])  # type: ignore[list-item]
    wait_for_text(page, "Robin Browser ·")
    wait_until_idle(page)
    # The page flags the older file's item 9; the message above the tabs speaks of it too.
    above = page.get_by_text("On 21 August 2019 you answered (in phq9-2019-08-21.csv)")
    expect(above).to_be_visible(timeout=WAIT_MS)
    open_tab(page, "Questionnaire")
    today = dt.date.today()
    said = page.get_by_text(re.compile(r"^Answers you change or add below will be dated today"))
    expect(said).to_be_visible(timeout=WAIT_MS)
    page.get_by_role("combobox", name=re.compile(r"^1\. Little interest")).click()
    page.keyboard.type("Nearly every day")
    page.keyboard.press("Enter")
    wait_until_idle(page)
    changed = f"Your PHQ-9 answers as changed here are dated today, {day_text(today)}"
    expect(page.get_by_text(changed)).to_be_visible(timeout=WAIT_MS)
    open_tab(page, "Report")
    button = page.get_by_role("button", name="Download the summary (JSON, for your next visit)")
    with page.expect_download(timeout=WAIT_MS) as info:
        button.click()
    phq9 = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["scores"]["phq9"]
    assert (phq9["score"], phq9["date"], phq9["file"]) == (3, today.isoformat(), None)
    assert [item["date"] for item in phq9["older"]] == ["2023-04-06", "2019-08-21"]
