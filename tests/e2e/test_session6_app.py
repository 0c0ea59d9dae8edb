"""A new user in a real browser, session 6: file details read whole; answers kept across the sample.

- "File details for technical support" was a canvas grid (``st.dataframe``): a screen reader met
  no table, and a phone cut it. It must be real tables, read whole at 390 px and at 200 % zoom,
  and pass axe.
- An answer the user gave that happened to equal the invented sample patient's (side "right",
  PHQ-9 "Several days") was taken for a value the sample left behind: it could not be chosen
  after the first upload, and was lost after a look at the sample.
- Quick looks at the sample (the switch turned on and off again before the app had drawn the
  sample) now and then emptied the user's whole form: the browser sent the user's own values
  back as the sample's, and they were then taken for "not typed".
Real exports are read in place from ``../shared/real-exports`` (COMMON.md), never copied.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe import blocking, describe, run_axe
from playwright.sync_api import Browser, Page, expect
from test_app_usability import PHONE, ZOOM_200, open_at
from test_browser import SAMPLES, upload, wait_for_text, wait_until_idle
from test_new_user import open_tab, real
from test_session5 import table_cells

WAIT_MS = 60_000
DETAILS = "File details for technical support"
FILES = (
    real("gchrg-yilativs-tsv", "yilativs-attacks.tsv"),
    real("bearable-export", "Bearable_Export_20210728.csv"),
)
"""A tab-separated log and a comma-separated export with a long name without spaces."""

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def open_details(page: Page) -> None:
    wait_for_text(page, "Alex Example")
    upload(page, 0, list(FILES))
    expect(page.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
    wait_until_idle(page)
    open_tab(page, "Data issues")
    page.get_by_text(DETAILS).click()
    wait_until_idle(page)


def assert_details_read_whole(page: Page) -> None:
    details = page.locator('[data-testid="stExpander"]').filter(has_text=DETAILS)
    tables = details.get_by_role("table")
    expect(tables).to_have_count(len(FILES), timeout=WAIT_MS)
    for text in ("tab", "comma", "Bearable_Export_20210728.csv", "yilativs-attacks.tsv"):
        cells = table_cells(page, text)
        assert cells, f"no table cell holds {text!r}"
        for cell in cells:
            assert cell["scrollWidth"] <= cell["clientWidth"] + 1, (text, cell)  # not cut
            assert cell["left"] >= 0 and cell["right"] <= cell["viewport"] + 1, (text, cell)
    for header in ("Format", "Text encoding", "Separator"):
        expect(tables.first.get_by_role("rowheader", name=header)).to_be_visible()
    assert describe(blocking(run_axe(page))) == []


@pytest.mark.parametrize(
    ("viewport", "scale"),
    [({"width": 1400, "height": 900}, 1), (PHONE, 1), (ZOOM_200, 2)],
    ids=["desktop", "phone", "zoom-200"],
)  # fmt: skip
def test_file_details_are_tables_read_whole(
    browser: Browser, app_url: str, viewport: dict[str, int], scale: float
) -> None:
    page = open_at(browser, app_url, viewport, scale)
    try:
        open_details(page)
        page.locator('[data-testid="stExpander"]').filter(has_text=DETAILS).get_by_role(
            "table"
        ).first.scroll_into_view_if_needed()
        assert_details_read_whole(page)
    finally:
        page.context.close()


def combobox(page: Page, label: str) -> str:
    return page.get_by_role("combobox", name=re.compile(label)).input_value()


def choose(page: Page, label: str, option: str) -> None:
    box = page.get_by_role("combobox", name=re.compile(label))
    box.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option).click()
    wait_until_idle(page)


SAMPLE_LIKE = {
    "^Side of the face": "right",
    r"^2\. Feeling down": "Several days (1)",
    r"^1\. Feeling nervous": "More than half the days (2)",
}
"""The user's own answers, each the same as the invented sample patient's."""
TOGGLE = "Show the sample patient"


def switch_sample(page: Page) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]').filter(
        has_text=TOGGLE
    ).locator("label").first.click()


def fill_form(page: Page, name: str, options: dict[str, str]) -> dict[str, str]:
    """Type the name and choose each option on the Questionnaire tab; return what was given."""
    open_tab(page, "Questionnaire")
    page.get_by_label("Name", exact=True).fill(name)
    page.keyboard.press("Tab")
    wait_until_idle(page)
    for label, option in options.items():
        choose(page, label, option)
    return {**options, "Name": name}


def yours_as_given(page: Page, labels: dict[str, str]) -> dict[str, str]:
    values = {label: combobox(page, label) for label in labels}
    values["Name"] = page.get_by_label("Name", exact=True).input_value()
    return values


def open_with_own_diary(page: Page) -> None:
    """From the sample at start-up to the user's own diary (asmith's), the sample gone."""
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    upload(page, 0, [real("asmith-headaches", "headaches.csv")])
    expect(page.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
    wait_until_idle(page)


def test_answers_like_the_samples_are_kept_across_looks_at_the_sample(page: Page) -> None:
    open_with_own_diary(page)
    given = fill_form(page, "Robin Own", SAMPLE_LIKE)
    assert yours_as_given(page, SAMPLE_LIKE) == given  # the sample's own value is not refused
    name = page.get_by_label("Name", exact=True)
    for _ in range(3):  # each look at the sample and back, not one lucky one
        switch_sample(page)
        expect(name).to_have_value("Alex Example", timeout=WAIT_MS)
        wait_until_idle(page)
        switch_sample(page)
        expect(name).to_have_value("Robin Own", timeout=WAIT_MS)
        wait_until_idle(page)
        page.wait_for_timeout(1000)  # a late second run would have started
        wait_until_idle(page)
        assert yours_as_given(page, SAMPLE_LIKE) == given


def rename_first_treatment(page: Page, words: str) -> None:
    """Add ``words`` to the first treatment's name (a canvas: its cell is found by position)."""
    open_tab(page, "Treatments")
    panel = page.get_by_role("tabpanel", name="Treatments")
    grid = panel.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # the tab's charts and tables laid out: the grid stays put
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 100, box["y"] + 52)  # the first row's Treatment cell
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    page.keyboard.press("End")
    page.keyboard.type(words)
    page.wait_for_timeout(300)  # the cell editor takes the typing in before Enter commits it
    page.keyboard.press("Enter")
    wait_until_idle(page)


def treatment_names(page: Page) -> list[str]:
    open_tab(page, "Report")
    button = page.get_by_role("button", name="Download the summary (JSON, for your next visit)")
    with page.expect_download(timeout=WAIT_MS) as info:
        button.click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    return [str(item["name"]) for item in data["treatments"]]


OWN = {
    "^Side of the face": "left",
    r"^2\. Feeling down": "Nearly every day (3)",
    r"^1\. Feeling nervous": "Several days (1)",
}
"""The user's own answers, none the same as the sample's."""
RENAMED = "Carbamazepine drug R7"
"""The first treatment renamed: a name no drug list knows (a known one is printed by its generic
name, so a rename to one would not be seen in the summary)."""


def test_quick_looks_at_the_sample_keep_your_form_and_treatments(page: Page) -> None:
    open_with_own_diary(page)
    upload(page, 1, [SAMPLES / "treatments.csv"])
    expect(page.get_by_role("button", name="Remove treatments.csv")).to_be_visible(timeout=WAIT_MS)
    wait_until_idle(page)
    rename_first_treatment(page, RENAMED.removeprefix("Carbamazepine"))
    assert RENAMED in treatment_names(page)
    given = fill_form(page, "Robin Quick", OWN)
    assert yours_as_given(page, OWN) == given
    for look, pause in enumerate([0, 0, 50, 150] * 4):  # sixteen: one lucky pass proves nothing
        switch_sample(page)
        page.wait_for_timeout(pause)
        switch_sample(page)  # off again before the sample is drawn
        page.wait_for_timeout(1000)
        wait_until_idle(page)
        assert (look, yours_as_given(page, OWN)) == (look, given)
    assert RENAMED in treatment_names(page)
