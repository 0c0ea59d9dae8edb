"""Header matching: alias table, header units and scales, explicit mapping, and the docs' table."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tnprep.ingest.columns import (
    ALIASES,
    FIELDS,
    header_key,
    match_columns,
    normalise_header,
    parse_mapping,
)

FORMATS_DOC = Path(__file__).resolve().parent.parent / "docs" / "formats.md"


@pytest.mark.parametrize(
    ("header", "key", "unit_seconds"),
    [
        ("Date", "date", None),
        ("Start Time", "starttime", None),
        ("start_time", "starttime", None),
        ("Date/Time", "datetime", None),
        ("TIMESTAMP", "timestamp", None),
        ("Trigger(s)", "triggers", None),
        ("Pain level", "painlevel", None),
        # a scale is not a unit, and never part of the key
        ("Pain (0-10)", "pain", None),
        ("Intensity (0-10)", "intensity", None),
        ("Pain 0–10", "pain", None),
        ("Severity [1 to 10]", "severity", None),
        # units are honoured on duration headers
        ("Duration", "duration", None),
        ("Duration (min)", "duration", 60.0),
        ("Duration (s)", "duration", 1.0),
        ("Length (sec)", "length", 1.0),
        ("Length (seconds)", "length", 1.0),
        ("Duration [min]", "duration", 60.0),
        ("Duration (hours)", "duration", 3600.0),
        ("Duration in minutes", "duration", 60.0),
        ("duration_s", "duration", 1.0),
        ("Dauer (Min.)", "dauer", 60.0),
        # a bracketed note on other headers: matched on the text before it
        ("Side (L/R)", "side", None),
        ("Time (24h)", "time", None),
        ("Attacks (n)", "attacks", None),
        # a unit on a header that is not a duration is no unit
        ("Notes (min)", "notes", None),
        ("Unknown (min)", "unknownmin", None),
    ],
)
def test_header_key(header: str, key: str, unit_seconds: float | None) -> None:
    result = header_key(header)
    assert (result.key, result.unit_seconds) == (key, unit_seconds)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Start Time", "start"),
        ("Timestamp", "start"),
        ("Date/Time", "start"),
        ("Date & Time", "start"),
        ("Started", "start"),
        ("Datum", "date"),
        ("Time", "time"),
        ("Uhrzeit", "time"),
        ("Pain", "intensity"),
        ("Pain level", "intensity"),
        ("Severity", "intensity"),
        ("Intensity (0-10)", "intensity"),
        ("Pain (0-10)", "intensity"),
        ("Duration", "duration"),
        ("Length (sec)", "duration"),
        ("Lasted", "duration"),
        ("Trigger(s)", "triggers"),
        ("Potential Triggers", "triggers"),
        ("Location", "location"),
        ("Pain Positions", "location"),
        ("Side", "side"),
        ("Branch", "division"),
        ("Type", "pain_type"),
        ("Rescue medication", "rescue"),
        ("Comments", "notes"),
        ("Number of attacks", "attacks"),
        ("Anfälle", "attacks"),
        ("Worst pain", "worst_intensity"),
        ("Background pain", "background_pain"),
        ("Helpful Medication", "medication_helpful"),
    ],
)
def test_headers_match_fields_case_space_and_punctuation_insensitively(
    header: str, field: str
) -> None:
    for variant in (header, header.upper(), header.lower(), f"  {header}  "):
        assert match_columns([variant]).fields == {0: field}, variant


def test_match_columns_reports_units_ignored_and_repeated_columns() -> None:
    match = match_columns(
        ["Date", "Time", "Duration (min)", "Pain (0-10)", "Mood", "Severity", "Weather"]
    )
    assert match.fields == {0: "date", 1: "time", 2: "duration", 3: "intensity"}
    assert match.units == {2: 60.0}
    assert match.ignored == (4, 6)
    assert match.duplicated == ((5, "intensity"),)


def test_explicit_mapping_wins_over_the_alias_table_and_can_ignore() -> None:
    match = match_columns(
        ["When?", "Ouch", "Pain", "Notes"],
        {"when": "start", "OUCH": "intensity", "Pain": "ignore", "Notes": "ignore"},
    )
    assert match.fields == {0: "start", 1: "intensity"}
    assert match.ignored == (2, 3)


def test_mapping_keeps_header_units() -> None:
    match = match_columns(["Dauer (min)"], {"Dauer (min)": "duration"})
    assert match.fields == {0: "duration"}
    assert match.units == {0: 60.0}


@pytest.mark.parametrize(
    ("pairs", "mapping"),
    [
        ([], {}),
        (["Ouch=intensity"], {"Ouch": "intensity"}),
        ([" Wann = start "], {"Wann": "start"}),
        (["A=B=notes"], {"A=B": "notes"}),  # the last '=' separates the field
        (["Geo=ignore", "Ouch=intensity"], {"Geo": "ignore", "Ouch": "intensity"}),
    ],
)
def test_parse_mapping(pairs: list[str], mapping: dict[str, str]) -> None:
    assert parse_mapping(pairs) == mapping


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("Ouch", """--map 'Ouch': write it as "Header=field"."""),
        ("=intensity", """--map '=intensity': write it as "Header=field"."""),
        ("Ouch=pain", "--map 'Ouch=pain': unknown field 'pain'; fields are: start, date, time,"),
    ],
)
def test_parse_mapping_errors_say_how_to_fix_it(pair: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_mapping([pair])
    assert str(raised.value).startswith(message)


def test_parse_mapping_error_lists_every_field() -> None:
    with pytest.raises(ValueError) as raised:
        parse_mapping(["Ouch=pain"])
    assert str(raised.value).endswith(", ".join((*FIELDS, "ignore")) + ".")


def test_no_alias_is_listed_twice() -> None:
    counts = Counter(alias for aliases in ALIASES.values() for alias in aliases)
    assert [alias for alias, count in counts.items() if count > 1] == []


def test_aliases_are_already_normalised() -> None:
    assert {a for aliases in ALIASES.values() for a in aliases if normalise_header(a) != a} == set()


def test_every_alias_matches_its_own_field() -> None:
    for field, aliases in ALIASES.items():
        for alias in aliases:
            assert match_columns([alias]).fields == {0: field}, alias


def documented_aliases() -> dict[str, tuple[str, ...]]:
    """The alias table printed in docs/formats.md (between its marker comments)."""
    text = FORMATS_DOC.read_text(encoding="utf-8")
    block = text.split("<!-- aliases:start -->")[1].split("<!-- aliases:end -->")[0]
    table: dict[str, tuple[str, ...]] = {}
    for line in block.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 or not cells[0].startswith("`"):
            continue
        table[cells[0].strip("`")] = tuple(re.findall(r"`([^`]+)`", cells[1]))
    return table


def test_docs_alias_table_equals_ALIASES_exactly() -> None:
    assert documented_aliases() == ALIASES


@pytest.mark.parametrize(
    ("header", "field"),
    [("Pain/10", "intensity"), ("Pain (out of 10)", "intensity"), ("Anfälle", "attacks")],
)
def test_scales_written_as_out_of_ten_and_umlauts(header: str, field: str) -> None:
    assert match_columns([header]).fields == {0: field}
