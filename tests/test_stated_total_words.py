"""A stated total beside unanswered items: the notice says what the page shows (a floor)."""

from __future__ import annotations

from pathlib import Path

from tnprep.ingest.questionnaire import read_questionnaires

SDC = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports" / "hl7-sdc-phq9"
    / "questionnaireresponse-sdc-profile-example-PHQ9.json"
)  # fmt: skip


def test_stated_total_with_an_item_missing_names_the_floor_not_a_total() -> None:
    # HL7's SDC example (items add up to 10, states 13) with item 3 (answered 0) removed.
    text = SDC.read_text(encoding="utf-8")
    start = text.index('"linkId": "H1/T1/Q3"')
    opening = text.rindex("{", 0, start)
    closing = text.index('"linkId": "H1/T1/Q4"')
    trimmed = text[:opening] + text[text.rindex("{", 0, closing) :]
    loaded = read_questionnaires([(SDC.name, trimmed.encode("utf-8"))])
    (issue,) = loaded.issues
    assert "8 of 9 items are answered (at least 10)" in issue.message
    assert "total of the items" not in issue.message
    assert issue.message.endswith("tnprep shows at least 10, from the answered items.")
