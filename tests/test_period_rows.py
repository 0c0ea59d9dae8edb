"""A chosen period (``--from`` / ``--to``, the app's "Since my last visit") says what it holds.

Every figure of the page covers the period, but the footer said "139 used" — the whole file's
count — on a page whose figures cover 5 attacks, and a reader takes the footer's count as the
page's basis. The page, the JSON and the app now say how many used rows are in the period and
how many lie outside it, and the header says the period was chosen and what the diaries span;
the row account (``rows_read = rows_used + rows_rejected + duplicates + rows_other``) is kept.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.sections import build_footer, build_header, period_rows_text
from tnprep.summary import Summary
from tnprep.summary_json import summary_to_json

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"
TODAY = dt.date(2026, 12, 3)
SEPTEMBER = (dt.date(2019, 9, 1), dt.date(2019, 9, 14))


def _pavia(start: dt.date | None = None, end: dt.date | None = None) -> Summary:
    data = load_patient(Sources(diaries=[(PAVIA.name, PAVIA.read_bytes())]))
    return summarise_patient(data, start=start, end=end, today=TODAY)


def _text(summary: Summary) -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, "a4")))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_a_chosen_period_counts_its_rows_and_the_rows_outside_it() -> None:
    summary = _pavia(*SEPTEMBER)
    assert summary.period.chosen
    assert (summary.period.diary_start, summary.period.diary_end) == (
        dt.date(2019, 7, 21), dt.date(2019, 11, 24),
    )  # fmt: skip
    account = summary.input
    assert account.rows_used == 139
    assert account.rows_in_period == summary.attacks.total == 5
    assert account.rows_outside_period == 134
    assert account.rows_read == (
        account.rows_used + account.rows_rejected + account.duplicates + account.rows_other
    )


def test_the_footer_says_the_period_holds_5_of_the_139_used_rows() -> None:
    quality = build_footer(_pavia(*SEPTEMBER)).quality
    assert "139 used (5 dated in this page's period, 134 outside it)" in quality
    assert "139 used," not in quality


def test_the_header_says_the_period_was_chosen_and_what_the_diaries_span() -> None:
    fields = dict((field.label, field.value) for field in build_header(_pavia(*SEPTEMBER)).period)
    assert fields["Period"] == "1 Sep 2019 – 14 Sep 2019 (14 days)"
    assert fields["Chosen from"] == "21 Jul 2019 – 24 Nov 2019"


def test_the_page_prints_both_counts() -> None:
    text = _text(_pavia(*SEPTEMBER))
    assert "Period: 1 Sep 2019 – 14 Sep 2019 (14 days)" in text
    assert "Chosen from: 21 Jul 2019 – 24 Nov 2019 Born" in text  # not cut
    assert "5 dated in this page's period, 134 outside it" in text


def test_the_json_says_the_period_was_chosen_and_counts_its_rows() -> None:
    document = summary_to_json(_pavia(*SEPTEMBER))
    assert document["period"]["chosen"] is True
    assert document["period"]["diary_start"] == "2019-07-21"
    assert document["period"]["diary_end"] == "2019-11-24"
    assert document["input"]["rows_in_period"] == 5
    assert document["input"]["rows_outside_period"] == 134


def test_without_a_chosen_period_nothing_changes() -> None:
    summary = _pavia()
    assert not summary.period.chosen
    assert summary.input.rows_in_period == 139
    assert summary.input.rows_outside_period == 0
    assert period_rows_text(summary) is None
    assert "139 used, 0 rejected" in build_footer(summary).quality
    fields = dict((field.label, field.value) for field in build_header(summary).period)
    assert list(fields) == ["Period", "Recorded days"]
    document = summary_to_json(summary)
    assert document["period"]["chosen"] is False
    assert document["input"]["rows_outside_period"] == 0


def test_a_chosen_period_holding_every_row_says_it_was_chosen_and_nothing_outside() -> None:
    summary = _pavia(dt.date(2019, 7, 1), dt.date(2019, 12, 31))
    assert summary.period.chosen
    assert summary.input.rows_outside_period == 0
    assert "139 used, 0 rejected" in build_footer(summary).quality
    fields = dict((field.label, field.value) for field in build_header(summary).period)
    assert fields["Chosen from"] == "21 Jul 2019 – 24 Nov 2019"


def test_the_apps_line_is_the_pages_words() -> None:
    line = period_rows_text(_pavia(*SEPTEMBER))
    assert line == "139 used (5 dated in this page's period, 134 outside it)"


def test_a_daily_log_counts_its_day_rows() -> None:
    log = b"date,attacks\n2024-01-01,3\n2024-01-02,0\n2024-01-03,5\n2024-01-04,1\n"
    data = load_patient(Sources(diaries=[("days.csv", log)]))
    summary = summarise_patient(
        data, start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 3), today=TODAY
    )
    assert (summary.input.rows_in_period, summary.input.rows_outside_period) == (2, 2)
    assert summary.attacks.total == 5


def test_a_workbooks_medicine_sheet_rows_are_not_called_event_log_rows() -> None:
    """Pavia's workbook: 1,499 rows of its medicine sheet are other rows, not an event log's."""
    workbook = CORPUS / "gchrg-pavia-xlsx" / "Pavias-anfald-og-behandlinger.head.xlsx"
    data = load_patient(Sources(diaries=[(workbook.name, workbook.read_bytes())]))
    summary = summarise_patient(data, start=None, end=None, today=TODAY)
    assert summary.input.rows_other > 0
    assert not any(info.kind == "event log" for _, info in summary.input.files)
    quality = build_footer(summary).quality
    # named by kind since the session 6 review: "(not attacks: medicine 1499)"
    assert f"{summary.input.rows_other} other rows (not attacks: medicine " in quality
    assert "event-log" not in quality
