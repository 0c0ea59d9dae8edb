"""The attack count says which names it holds when an event log's pain rows have several.

Every pain row of an event log counts as an attack, whatever it is called (SPEC *Event logs*).
The real Pavia symptom tracker (../shared/real-exports/gchrg-pavia-symptoms) logs 134 cluster
headaches (105 written 'cluster-headache', 29 'Cluster headache') and 5 migraines; the notice
named them, but the page's "139 in 111 days" hid that migraines are inside it. The count now
says "of which cluster-headache 134, migraine 5" — by name as recorded, no re-labelling, no
advice — and says nothing when every attack has one name.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.sections import build_glance
from tnprep.summary import Summary
from tnprep.summary_json import summary_to_json

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"
BEARABLE = CORPUS / "bearable-export" / "Bearable_Export_20210728.csv"
TODAY = dt.date(2026, 12, 3)


def _summary(
    files: list[tuple[str, bytes]], start: dt.date | None = None, end: dt.date | None = None
) -> Summary:
    return summarise_patient(
        load_patient(Sources(diaries=files)), start=start, end=end, today=TODAY
    )


def _names_line(summary: Summary) -> str | None:
    return build_glance(summary).names


def _page_text(summary: Summary, paper: str = "a4") -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, paper)))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_pavia_counts_its_attacks_by_name_spellings_together() -> None:
    summary = _summary([(PAVIA.name, PAVIA.read_bytes())])
    assert summary.attacks.total == 139
    assert summary.attacks.names == (("cluster-headache", 134), ("migraine", 5))


def test_the_count_on_the_page_says_of_which_by_name() -> None:
    summary = _summary([(PAVIA.name, PAVIA.read_bytes())])
    line = "Attacks by the name recorded: 139, of which cluster-headache 134, migraine 5."
    assert _names_line(summary) == line
    for paper in ("a4", "letter"):
        text = _page_text(summary, paper)
        assert line in text
        # directly under the figures that give the count
        assert text.index("139 in 111 days") < text.index(line) < text.index("PHQ-9")


def test_the_names_count_only_the_periods_attacks() -> None:
    summary = _summary(
        [(PAVIA.name, PAVIA.read_bytes())], dt.date(2019, 9, 1), dt.date(2019, 9, 14)
    )
    assert sum(count for _, count in summary.attacks.names) == summary.attacks.total == 5


def test_the_json_lists_the_names() -> None:
    document = summary_to_json(_summary([(PAVIA.name, PAVIA.read_bytes())]))
    assert document["attacks"]["names"] == [
        {"name": "cluster-headache", "count": 134},
        {"name": "migraine", "count": 5},
    ]


def test_a_pain_word_in_brackets_is_the_rating_not_another_name() -> None:
    """Bearable writes 'Headache (Mild)', 'Migraine (Moderate)': the word is the pain rating."""
    summary = _summary([(BEARABLE.name, BEARABLE.read_bytes())])
    assert summary.attacks.names == (("headache", 18), ("migraine", 4))
    assert (
        _names_line(summary)
        == "Attacks by the name recorded: 22, of which headache 18, migraine 4."
    )


def test_one_name_says_nothing() -> None:
    log = (
        b"Date,Time,Type,Name,Pain\n2026-01-02,08:00,symptom,TN attack,5\n"
        b"2026-01-03,09:00,symptom,tn-attack ,7\n2026-01-03,10:00,sleep,asleep,\n"
    )
    summary = _summary([("log.csv", log)])
    assert summary.attacks.names == (("tn attack", 2),)
    assert _names_line(summary) is None


def test_a_plain_attack_log_has_no_names() -> None:
    log = b"start,intensity\n2026-01-02 08:00,5\n2026-01-03 09:00,7\n"
    summary = _summary([("log.csv", log)])
    assert summary.attacks.names == ()
    assert _names_line(summary) is None


def test_attacks_without_a_name_are_counted_so_the_split_adds_up() -> None:
    events = (
        b"Date,Time,Type,Name,Pain\n2026-01-02,08:00,symptom,Headache,5\n"
        b"2026-01-02,09:00,symptom,Migraine,7\n2026-01-03,08:00,attack,,6\n"
    )
    plain = b"start,intensity\n2026-01-04 08:00,5\n"
    summary = _summary([("events.csv", events), ("plain.csv", plain)])
    assert summary.attacks.names == (("headache", 1), ("migraine", 1), ("no name", 2))
    assert _names_line(summary) == (
        "Attacks by the name recorded: 4, of which headache 1, migraine 1, no name 2."
    )


def test_many_names_name_the_six_most_frequent_and_count_the_rest() -> None:
    rows = [
        *(["Headache"] * 6), *(["Migraine"] * 5), *(["Facial pain"] * 4), *(["TN attack"] * 3),
        *(["Neuralgia"] * 2), "Trigeminal pain", "Face pain", "Tic attack",
    ]  # fmt: skip
    body = "".join(
        f"2026-01-{day + 1:02d},08:00,symptom,{name},5\n" for day, name in enumerate(rows)
    )
    summary = _summary([("log.csv", b"Date,Time,Type,Name,Pain\n" + body.encode())])
    assert len(summary.attacks.names) == 8
    assert _names_line(summary) == (
        "Attacks by the name recorded: 23, of which headache 6, migraine 5, facial pain 4, "
        "tn attack 3, neuralgia 2, face pain 1, 2 under 2 other names."
    )


PAVIA_XLSX = CORPUS / "gchrg-pavia-xlsx" / "Pavias-anfald-og-behandlinger.head.xlsx"


def test_an_attack_logs_type_column_naming_headaches_gives_the_names() -> None:
    """The same patient's headache-app workbook: a 'Type' column per attack (not a pain type).

    'Cluster Headache' 1497, 'Unknown Headache' 2, 'Migraine Headache' 1 were counted as 1,500
    attacks with no word anywhere of the migraine among them.
    """
    summary = _summary([(PAVIA_XLSX.name, PAVIA_XLSX.read_bytes())])
    assert summary.attacks.total == 1500
    assert summary.attacks.names == (
        ("cluster headache", 1497), ("unknown headache", 2), ("migraine headache", 1),
    )  # fmt: skip
    line = (
        "Attacks by the name recorded: 1500, of which cluster headache 1497, unknown headache 2, "
        "migraine headache 1."
    )
    assert _names_line(summary) == line
    assert line in _page_text(summary)


def test_a_type_column_of_other_words_gives_no_names() -> None:
    log = b"start,type,intensity\n2026-01-02 08:00,stabbing,5\n2026-01-03 09:00,electric,7\n"
    assert _summary([("log.csv", log)]).attacks.names == ()


def test_a_daily_logs_higher_count_is_said_so_the_line_adds_up() -> None:
    events = (
        b"Date,Time,Type,Name,Pain\n2026-01-02,08:00,symptom,Headache,5\n"
        b"2026-01-02,09:00,symptom,Migraine,7\n"
    )
    days = b"date,attacks\n2026-01-02,5\n"  # the higher count is used (SPEC: conflicts)
    summary = _summary([("events.csv", events), ("days.csv", days)])
    assert summary.attacks.total == 5
    assert _names_line(summary) == (
        "Attacks by the name recorded: 5, of which headache 1, migraine 1, "
        "3 from a daily log's counts."
    )
