"""The app in a real browser: upload, download the page, stay on loopback, keep sessions apart.

Drives Debian's ``/usr/bin/chromium`` through Playwright against ``streamlit run app.py`` on a
free loopback port (see ``conftest.py``). Every request the page makes is recorded; any request
that leaves loopback is blocked and fails the test.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from conftest import RequestLog, open_page
from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_data"
WAIT_MS = 60_000

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


def questionnaire(name: str) -> dict[str, object]:
    text = f"item,answer\nname,{name}\nvisit_date,2026-11-02\nquestion,What next for {name}?\n"
    return {"name": "intake.csv", "mimeType": "text/csv", "buffer": text.encode()}


def upload(page: Page, position: int, files: list[dict[str, object]] | list[Path]) -> None:
    """Set the files of sidebar uploader ``position`` (0 diaries, 1 treatments, 2 forms)."""
    uploader = page.locator('[data-testid="stFileUploader"]').nth(position)
    uploader.locator('input[type="file"]').set_input_files(files)  # type: ignore[arg-type]


def wait_for_text(page: Page, text: str) -> None:
    expect(page.get_by_text(text, exact=False).first).to_be_visible(timeout=WAIT_MS)


_SETTLED_MS = 250


def wait_until_idle(page: Page) -> None:
    """Wait until the app's script is not running and nothing is drawn stale, twice in a row.

    A click's rerun may not have begun when the first check runs (the script is still
    'notRunning' from before), and stale elements fade while a rerun draws: an audit or a
    download then meets the old page. The state must hold ``_SETTLED_MS`` apart to count.
    """
    app = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')
    stale = page.locator('[data-stale="true"]')
    for _ in range(WAIT_MS // _SETTLED_MS):
        expect(app).to_have_count(1, timeout=WAIT_MS)
        expect(stale).to_have_count(0, timeout=WAIT_MS)
        page.wait_for_timeout(_SETTLED_MS)
        if app.count() == 1 and stale.count() == 0:
            return
    raise AssertionError("the app did not settle")


def metric_value(page: Page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def download_pdf(page: Page) -> bytes:
    page.get_by_role("tab", name="Report").click()
    button = page.get_by_role("button", name="Download the page (PDF)")
    expect(button).to_be_visible(timeout=WAIT_MS)
    with page.expect_download(timeout=WAIT_MS) as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def test_sample_data_render_and_stay_on_loopback(page: Page, request_log: RequestLog) -> None:
    wait_for_text(page, "Alex Example")
    wait_until_idle(page)
    assert metric_value(page, "Attacks") == "752"
    for tab in ("Treatments", "Questionnaire", "Questions", "Data issues", "Report", "Overview"):
        page.get_by_role("tab", name=tab).click()
        wait_until_idle(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=WAIT_MS)
    assert request_log.urls  # the log works
    assert request_log.off_loopback() == []


def test_upload_and_download_the_page(page: Page, request_log: RequestLog) -> None:
    wait_for_text(page, "Alex Example")
    upload(page, 0, [SAMPLES / "attack_log.csv", SAMPLES / "paper_diary.csv"])
    upload(page, 1, [SAMPLES / "treatments.csv"])
    upload(page, 2, [questionnaire("Robin Uploadtest")])  # type: ignore[list-item]
    wait_for_text(page, "Robin Uploadtest ·")
    wait_until_idle(page)
    pdf = pypdf.PdfReader(io.BytesIO(download_pdf(page)))
    assert len(pdf.pages) == 1
    assert "Robin Uploadtest" in pdf.pages[0].extract_text()
    assert request_log.off_loopback() == []


def test_two_sessions_each_see_only_their_own_patient(browser: Browser, app_url: str) -> None:
    logs = {name: RequestLog() for name in ("Ada Firstsession", "Ben Secondsession")}
    pages = {name: open_page(browser, app_url, log) for name, log in logs.items()}
    try:
        for page in pages.values():
            wait_for_text(page, "Alex Example")
        for name, page in pages.items():  # both upload before either is checked
            upload(page, 2, [questionnaire(name)])  # type: ignore[list-item]
        for name, page in pages.items():
            wait_for_text(page, f"{name} ·")
            wait_until_idle(page)
        for name, page in pages.items():
            other = next(other for other in pages if other != name)
            body = page.locator("body").inner_text()
            assert name in body
            assert other not in body
            pdf_text = pypdf.PdfReader(io.BytesIO(download_pdf(page))).pages[0].extract_text()
            assert name in pdf_text
            assert other not in pdf_text
        assert all(log.off_loopback() == [] for log in logs.values())
    finally:
        for page in pages.values():
            page.context.close()
