"""FHIR R4 (and STU3) QuestionnaireResponse for PHQ-9 and GAD-7: read one into answers, write one.

Items are known by their LOINC item code, in ``item[].code[].code`` (which some producers add,
although R4 defines ``code`` only on the Questionnaire), in STU3's ``item[].definition``, or at the
end of ``linkId`` ('/44250-9', the LHC-Forms convention); when the questionnaire URL names the
panel, by a numbered linkId ('q3', 'PHQ.3', the MII PRO module's 'phq-gad7-q03'; 'PHQ.10' is
PHQ-9's difficulty item). A file with no codes at all (HL7's own
SDC example: linkIds 'H1/T1/Q1', answers 'Several days') is known by its questionnaire's canonical
URL or title ('…PHQ9', 'gad-7') and each item by the standard item wording (``wording.py``).
The response's ``authored`` date becomes ``questionnaire_date``; a total the file states
(LOINC 44261-6 / 70274-6, or an item worded as a total score) becomes ``phq9_total`` /
``gad7_total``, compared with the items by the reader. The LOINC codes and their order were
checked against the HL7 Personal Health Record Format IG examples
(github.com/HL7/personal-health-record-format-ig,
input/fsh/pghd/examples/Mind/QuestionnaireResponse-ScoredAssessment-PHQ9.fsh and -GAD7.fsh) and
the LOINC answer list LL358-3 (LA6568-5 … LA6571-9). Note GAD-7 item 2 is 68509-9.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tnprep.ingest import fhir_status
from tnprep.ingest.answer_items import RawAnswer, answers_to_rows, match_item
from tnprep.ingest.wording import item_by_wording, panel_by_name
from tnprep.issues import Issue, IssueCode, clip
from tnprep.model import Answers

__all__ = ["GAD7", "PHQ9", "Panel", "answers_to_fhir", "answers_to_rows", "read_response"]

LOINC = "http://loinc.org"
"""The LOINC code system URI."""


@dataclass(frozen=True)
class Panel:
    """A LOINC questionnaire panel and its items in form order."""

    key: str
    """tnprep's item prefix: 'phq9' or 'gad7'."""
    title: str
    code: str
    """LOINC panel code."""
    total_code: str
    """LOINC code of the reported total score (tnprep computes the total itself)."""
    items: tuple[tuple[str, str], ...]
    """(LOINC item code, item text) for items 1…n."""

    @property
    def canonical(self) -> str:
        """The Questionnaire canonical URL written into a response."""
        return f"{LOINC}/q/{self.code}"


PHQ9 = Panel(
    "phq9",
    "PHQ-9 quick depression assessment panel",
    "44249-1",
    "44261-6",
    (
        ("44250-9", "Little interest or pleasure in doing things"),
        ("44255-8", "Feeling down, depressed, or hopeless"),
        ("44259-0", "Trouble falling or staying asleep, or sleeping too much"),
        ("44254-1", "Feeling tired or having little energy"),
        ("44251-7", "Poor appetite or overeating"),
        (
            "44258-2",
            "Feeling bad about yourself - or that you are a failure or have let "
            "yourself or your family down",
        ),
        (
            "44252-5",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
        ),
        (
            "44253-3",
            "Moving or speaking so slowly that other people could have noticed, or "
            "the opposite - being so fidgety or restless that you have been moving around a lot "
            "more than usual",
        ),
        (
            "44260-8",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
        ),
    ),
)
"""PHQ-9 (Kroenke, Spitzer & Williams 2001), LOINC 44249-1."""

GAD7 = Panel(
    "gad7",
    "Generalized anxiety disorder 7 item (GAD-7)",
    "69737-5",
    "70274-6",
    (
        ("69725-0", "Feeling nervous, anxious, or on edge"),
        ("68509-9", "Not being able to stop or control worrying"),
        ("69733-4", "Worrying too much about different things"),
        ("69734-2", "Trouble relaxing"),
        ("69735-9", "Being so restless that it is hard to sit still"),
        ("69689-8", "Becoming easily annoyed or irritable"),
        ("69736-7", "Feeling afraid, as if something awful might happen"),
    ),
)
"""GAD-7 (Spitzer et al. 2006), LOINC 69737-5."""

PANELS = {panel.key: panel for panel in (PHQ9, GAD7)}
"""The panels by tnprep prefix."""

ANSWER_CODES = {"LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3}
"""LOINC answer list LL358-3: Not at all, Several days, More than half the days,
Nearly every day."""
_ANSWER_DISPLAY = ("Not at all", "Several days", "More than half the days", "Nearly every day")

DIFFICULTY_CODE = "69722-7"
"""LOINC code of PHQ-9 item 10 (how difficult the problems have made things)."""
# LOINC answer list LL359-1 (PHQ-9 item 10), checked at loinc.org/LL359-1.
DIFFICULTY_ANSWER_CODES = {
    "LA6572-7": "not difficult at all",
    "LA6573-5": "somewhat difficult",
    "LA6575-0": "very difficult",
    "LA6574-3": "extremely difficult",
}
"""PHQ-9 item 10 answer codes and their words."""

_ITEM_BY_CODE = {
    code: f"{panel.key}_{number}"
    for panel in PANELS.values()
    for number, (code, _) in enumerate(panel.items, start=1)
} | {DIFFICULTY_CODE: "phq9_10"}
_TOTAL_CODES = {panel.total_code: panel for panel in PANELS.values()}
_LOINC_AT_END = re.compile(r"(\d{1,6}-\d)$")
_NUMBERED_TOKEN = re.compile(r"^(?:q|item|question)?0*([1-9][0-9]?)$")
"""The last part of a numbered linkId: '3', 'q3', 'q03' ('PHQ.3', 'phq-gad7-q03', 'item3')."""
_PANEL_TOKENS = frozenset({"phq", "phq9", "gad", "gad7", "q", "item", "items", "question"})
"""Parts a numbered linkId may start with ('PHQ.1', the MII PRO module's 'phq-gad7-q01')."""
_PANEL_ITSELF = re.compile(r"^(?:phq|gad)[-_ ]?[97]$")
"""'PHQ-9', 'gad7': the questionnaire's own name, never item 9 or 7 ('PHQ.9' is item 9)."""


def read_response(resource: Mapping[str, object], file: str) -> tuple[list[RawAnswer], list[Issue]]:
    """Read a QuestionnaireResponse's answers (nested groups included), in document order.

    PHQ-9 and GAD-7 items get their tnprep names ('phq9_1'); other items keep their linkId (or
    text) and are matched by name like any other answer, or kept as other answers. The
    response's own status is heeded (``fhir_status``).

    Raises:
        InputError: the response is marked ``entered-in-error`` (voided).
    """
    fhir_status.refuse_void(resource, file)
    panel = _panel_of(resource.get("questionnaire"))
    entries = _authored(resource, file)
    unfinished = fhir_status.not_final_notice(resource, file)
    issues: list[Issue] = [] if unfinished is None else [unfinished]
    recognised = panel is not None
    placed: list[str] = []
    for item in _walk(resource.get("item")):
        link = _text(item.get("linkId"))
        code = _item_code(item, link)
        name = _item_name(item, code, panel, link)
        recognised = recognised or name is not None
        answers = [_answer_value(answer) for answer in _mappings(item.get("answer"))]
        if answers:
            label = name or _label(item, link)
            value = answers[0] if len(answers) == 1 else answers
            entries.append(RawAnswer(label, value, file, None, link or label))
            placed.append(label)
    if not recognised and entries:
        issues.append(_not_recognised(file))
    elif panel is not None and placed and not any(_in_panel(label, panel) for label in placed):
        issues.append(_not_placed(file, panel, len(placed)))
    return entries, issues


def _in_panel(label: str, panel: Panel) -> bool:
    return label in {f"{panel.key}_{number}" for number in range(1, len(panel.items) + 1)}


def _authored(resource: Mapping[str, object], file: str) -> list[RawAnswer]:
    """The response's ``authored`` date as the questionnaire date (R4 and STU3 alike)."""
    authored = _text(resource.get("authored"))
    if authored is None:
        return []
    return [RawAnswer("questionnaire_date", authored, file, None, "authored")]


def _item_name(
    item: Mapping[str, object], code: str | None, panel: Panel | None, link: str | None
) -> str | None:
    """Tnprep's item name: by LOINC code, by a numbered linkId, else by the standard wording."""
    if code in _TOTAL_CODES:
        return f"{_TOTAL_CODES[code].key}_total"
    if panel is not None and _names_total(link):
        return f"{panel.key}_total"  # 'phq-gad7-score-total' (MII PRO module)
    by_code = _ITEM_BY_CODE.get(code or "") or _numbered(panel, link)
    if by_code is not None:
        return by_code
    return item_by_wording(_text(item.get("text")), panel.key if panel else None)


def _walk(items: object) -> list[Mapping[str, object]]:
    """Every item in document order, groups and answers' nested items included (no recursion)."""
    found: list[Mapping[str, object]] = []
    pending = list(reversed(_mappings(items)))
    while pending:
        item = pending.pop()
        found.append(item)
        children = _mappings(item.get("item"))
        for answer in _mappings(item.get("answer")):
            children.extend(_mappings(answer.get("item")))
        pending.extend(reversed(children))
    return found


def _mappings(value: object) -> list[Mapping[str, object]]:
    if not isinstance(value, list):
        return []
    return [element for element in value if isinstance(element, dict)]


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _panel_of(questionnaire: object) -> Panel | None:
    """The panel a questionnaire reference names: its LOINC code, else its name ('…PHQ9')."""
    if isinstance(questionnaire, dict):  # STU3: a Reference {"reference": …, "display": …}
        questionnaire = " ".join(
            str(questionnaire.get(key) or "") for key in ("reference", "display")
        )
    text = _text(questionnaire) or ""
    by_code = next((panel for panel in PANELS.values() if panel.code in text), None)
    if by_code is not None:
        return by_code
    key = panel_by_name(text)
    return PANELS.get(key) if key is not None else None


def _item_code(item: Mapping[str, object], link: str | None) -> str | None:
    for coding in _mappings(item.get("code")):
        code = _text(coding.get("code"))
        if code in _ITEM_BY_CODE or code in _TOTAL_CODES:
            return code
    for where in (_text(item.get("definition")), link):  # STU3 keeps the code in definition
        found = _LOINC_AT_END.search(where or "")
        if found and (found.group(1) in _ITEM_BY_CODE or found.group(1) in _TOTAL_CODES):
            return found.group(1)
    found = _LOINC_AT_END.search(link or "")
    return found.group(1) if found else None


def _numbered(panel: Panel | None, link: str | None) -> str | None:
    """Item n of a panel named by the questionnaire URL: linkIds 'q3', '3', 'PHQ.3', 'phq-gad7-q03'.

    PHQ-9's item 10 (how difficult) is 'PHQ.10'. The panel's own name ('PHQ-9') is no item.
    """
    if panel is None or link is None or _PANEL_ITSELF.match(link.casefold()):
        return None
    *prefix, last = re.findall(r"[a-z0-9]+", link.casefold()) or [""]
    found = _NUMBERED_TOKEN.match(last)
    if found is None or not set(prefix) <= _PANEL_TOKENS:
        return None
    number = int(found.group(1))
    if number <= len(panel.items):
        return f"{panel.key}_{number}"
    return "phq9_10" if panel is PHQ9 and number == len(panel.items) + 1 else None


def _names_total(link: str | None) -> bool:
    """A linkId of the panel's name parts and 'total' ('phq-gad7-score-total', 'total')."""
    parts = set(re.findall(r"[a-z0-9]+", (link or "").casefold()))
    return "total" in parts and parts <= _PANEL_TOKENS | {"total", "score", "sum"}


def _label(item: Mapping[str, object], link: str | None) -> str:
    """The name of an item outside PHQ-9/GAD-7: its linkId if that names an item, else its text."""
    text = _text(item.get("text"))
    if link is not None and (match_item(link) is not None or text is None):
        return link
    return text or "(unnamed item)"


def _answer_value(answer: Mapping[str, object]) -> object:
    coding = answer.get("valueCoding")
    if isinstance(coding, dict):
        code = _text(coding.get("code"))
        if code in ANSWER_CODES:
            return ANSWER_CODES[code]
        if code in DIFFICULTY_ANSWER_CODES:
            return DIFFICULTY_ANSWER_CODES[code]
        return _text(coding.get("display")) or code
    for key, value in answer.items():
        if key.startswith("value"):
            return value
    return None


def _not_recognised(file: str) -> Issue:
    return Issue(
        code=IssueCode.FHIR_NOT_PHQ9_GAD7,
        file=file,
        row=None,
        column=None,
        value=None,
        message="The QuestionnaireResponse is not a PHQ-9 or GAD-7 (no LOINC 44249-1 or 69737-5 "
        "and no PHQ-9 or GAD-7 name in 'questionnaire', no known item code or standard item "
        "wording); its answers are kept by item name.",
    )


def _not_placed(file: str, panel: Panel, answered: int) -> Issue:
    name = "PHQ-9" if panel is PHQ9 else "GAD-7"
    item9 = " (so item 9 is not known: ask)" if panel is PHQ9 else ""
    return Issue(
        code=IssueCode.FHIR_ITEMS_NOT_PLACED,
        file=file,
        row=None,
        column=None,
        value=None,
        message=f"The QuestionnaireResponse names {name}, but none of its {answered} answers "
        f"could be matched to a {name} item (no LOINC item code, numbered linkId or standard "
        f"wording); no {name} score is given{item9}, and the answers are kept by item name.",
    )


def answers_to_fhir(answers: Answers, questionnaire: str) -> dict[str, object]:
    """Write the PHQ-9 ('phq9') or GAD-7 ('gad7') answers as a FHIR R4 QuestionnaireResponse.

    Unanswered items are left out, and the status is then 'in-progress' instead of 'completed'.

    Raises:
        ValueError: ``questionnaire`` is neither 'phq9' nor 'gad7'.
    """
    panel = PANELS.get(questionnaire)
    if panel is None:
        raise ValueError(f"questionnaire must be 'phq9' or 'gad7', not {clip(questionnaire, 20)!r}")
    values: tuple[int | None, ...] = getattr(answers, panel.key)
    items = [
        _response_item(code, text, value)
        for (code, text), value in zip(panel.items, values, strict=True)
        if value is not None
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": panel.canonical,
        "status": "completed" if len(items) == len(panel.items) else "in-progress",
        "item": items,
    }


def _response_item(code: str, text: str, value: int) -> dict[str, object]:
    coding = {"system": LOINC, "code": _CODE_OF_VALUE[value], "display": _ANSWER_DISPLAY[value]}
    return {"linkId": f"/{code}", "text": text, "answer": [{"valueCoding": coding}]}


_CODE_OF_VALUE = {value: code for code, value in ANSWER_CODES.items()}
