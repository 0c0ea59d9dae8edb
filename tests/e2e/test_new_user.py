"""A new user's path in a real browser (session 4): real exports uploaded, a rename, a file twice.

axe-core runs on the Overview in the states a user reaches with real files (no diary yet; a
date-only log; three real exports at once), not only on the sample. Real exports are read in
place from ``../shared/real-exports`` (COMMON.md), never copied.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe import blocking, describe, run_axe
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from test_browser import upload, wait_for_text, wait_until_idle

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-exports"
WAIT_MS = 60_000

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

COUNT_RUNS = """() => {
  window.__runs = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') window.__runs += 1;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def real(folder: str, name: str) -> Path:
    path = REAL / folder / name
    assert path.is_file(), f"missing real export {path} (see COMMON.md: ../shared/real-exports)"
    return path


def open_tab(page: Page, name: str) -> None:
    """Click a tab and wait for the run the switch starts (under load it starts late)."""
    tab = page.get_by_role("tab", name=re.compile(f"^{re.escape(name)}"))
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true", timeout=WAIT_MS)
    page.wait_for_timeout(800)  # the switch's rerun has started (an idle page before it passes)
    wait_until_idle(page)


def overview_settled(page: Page, charts: int) -> None:
    """The Overview open and its charts drawn (they are drawn after the tab's rerun)."""
    open_tab(page, "Overview")
    drawn = page.locator('[data-testid="stVegaLiteChart"]')
    expect(drawn).to_have_count(charts, timeout=WAIT_MS)
    for index in range(charts):
        # a long period's chart is drawn on a canvas (Streamlit's choice for large data)
        expect(drawn.nth(index).locator("svg, canvas").first).to_be_attached(timeout=WAIT_MS)


FORM_ONLY = {"name": "intake.csv", "mimeType": "text/csv", "buffer": b"item,answer\nname,Robin\n"}


@pytest.mark.parametrize(
    ("files", "position", "charts"),
    [
        ([FORM_ONLY], 2, 0),
        ([real("asmith-headaches", "headaches.csv")], 0, 2),
        (
            [
                real("gchrg-yilativs-tsv", "yilativs-attacks.tsv"),
                real("gchrg-pavia-symptoms", "Pavia-anfald-nobbism-Symptoms.head.csv"),
                real("bearable-export", "Bearable_Export_20210728.csv"),
            ],
            0,
            3,
        ),
    ],
    ids=["no-diary", "date-only-log", "three-real-exports"],
)
def test_axe_on_the_overview_with_real_files(
    page: Page, files: list[object], position: int, charts: int
) -> None:
    # Regression: empty charts (no diary, no triggers) failed axe svg-img-alt (serious).
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    upload(page, position, files)  # type: ignore[arg-type]
    expect(page.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
    overview_settled(page, charts)
    assert describe(blocking(run_axe(page))) == []


def test_typing_while_the_issue_count_changes_is_kept_and_the_app_runs_once(page: Page) -> None:
    # Regression: the count was in the Data issues tab's label. Renaming the sample made the
    # earlier visit "another patient's summary" (18 → 19 issues): the app ran twice, and the new
    # label made a new tab widget, so the browser drew every tab again and dropped what the user
    # was typing in the next field.
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    open_tab(page, "Questionnaire")
    page.evaluate(COUNT_RUNS)
    page.get_by_label("Name", exact=True).fill("Sam Renamed")
    goals = page.get_by_label("Your goals for the visit")
    goals.click()  # the name is sent as it loses focus; the user types on meanwhile
    page.keyboard.press("End")
    page.keyboard.type(" Sleep through the night.")
    page.wait_for_timeout(1000)  # the run for the name has started
    wait_until_idle(page)
    page.wait_for_timeout(1500)  # a second run would start within this
    wait_until_idle(page)
    assert goals.input_value().endswith(" Sleep through the night.")
    assert page.evaluate("() => window.__runs") == 1
    wait_for_text(page, "In your files: 14 duplicates counted once, 5 notes.")
    assert [item.inner_text() for item in page.get_by_role("tab").all()] == [
        "Overview", "Treatments", "Questionnaire", "Questions", "Data issues", "Report",
    ]  # fmt: skip


def test_the_same_diary_twice_is_said_not_a_crash(page: Page) -> None:
    wait_for_text(page, "Alex Example")
    diary = real("asmith-headaches", "headaches.csv")
    upload(page, 0, [diary, diary])
    wait_for_text(page, "headaches.csv: added twice")
    wait_until_idle(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("This app has encountered an error")).to_have_count(0)


def test_the_buttons_beside_an_uploaded_file_carry_no_extra_word(page: Page) -> None:
    # Regression: "diaries" was appended to every button of the uploader, so the remove and add
    # buttons beside an uploaded file read "⊗ diaries" and "+ diaries", cut off.
    wait_for_text(page, "Alex Example")
    upload(page, 0, [real("asmith-headaches", "headaches.csv")])
    remove = page.get_by_role("button", name="Remove headaches.csv")
    expect(remove).to_be_visible(timeout=WAIT_MS)
    uploader = page.locator(".st-key-diaries")
    after = uploader.get_by_role("button").evaluate_all(
        "(buttons) => buttons.map((b) => getComputedStyle(b, '::after').content)"
    )
    assert set(after) <= {"none", "normal"}


def test_a_reload_with_your_own_files_in_is_asked_first(page: Page) -> None:
    # Regression: a reload (or a closed tab) dropped every upload and edit without a word.
    wait_for_text(page, "Alex Example")
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("tab", name="Treatments").click()  # the browser asks only after a click
    wait_until_idle(page)
    page.reload(wait_until="commit")  # on the sample: nothing to lose, nothing asked
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    assert asked == []
    upload(page, 0, [real("asmith-headaches", "headaches.csv")])
    expect(page.get_by_text("Alex Example")).to_have_count(0, timeout=WAIT_MS)
    wait_until_idle(page)
    page.get_by_role("tab", name="Treatments").click()
    wait_until_idle(page)
    with pytest.raises(PlaywrightTimeoutError):  # dismissed: the reload does not happen
        page.reload(timeout=5_000)
    assert asked == ["beforeunload"]
    expect(page.get_by_role("button", name="Remove headaches.csv")).to_be_visible()
