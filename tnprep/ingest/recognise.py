"""Tell a diary, a treatment history and a questionnaire apart by their content, not their names.

Used by ``batch``, where a nurse drops a patient's files into a folder with whatever names they
came with. JSON is a questionnaire; a table with ``item`` and ``answer`` columns is a questionnaire;
a table naming a treatment (``Treatment``, ``Medication``, ``Drug`` …) and none of the diary's own
columns is a treatment history, and so is an EHR medication list (``START, STOP, PATIENT …
DESCRIPTION``); any other table is read as a diary — where ``read_diary`` recognises an event log
or refuses a table that is not a pain diary, the same way for ``report`` and ``batch``.
"""

from __future__ import annotations

from enum import Enum

from tnprep.ingest.columns import match_columns, normalise_header
from tnprep.ingest.decode import decode_head, head_lines, read_table, sniff_delimiter, text_header
from tnprep.ingest.ehr_medications import is_medication_list
from tnprep.ingest.questionnaire import ANSWER_HEADERS, ITEM_HEADERS
from tnprep.ingest.treatments import HEADER_ALIASES
from tnprep.ingest.treatments_refusal import fhir_refusal, resource_type

_HEAD_LINES = 50
_TREATMENT_HEADERS = frozenset(HEADER_ALIASES["treatment"]) - {"name"}
# "side" is not here: a treatment history may say which side a procedure treated.
_DIARY_ONLY = frozenset(
    {"time", "duration", "intensity", "location", "division", "triggers", "attacks",
     "worst_intensity", "background_pain"}
)  # fmt: skip


class InputKind(Enum):
    """The three kinds of patient file."""

    DIARY = "diary"
    TREATMENTS = "treatment history"
    QUESTIONNAIRE = "questionnaire"


def recognise(data: bytes, file: str) -> InputKind:
    """Return the kind of ``file`` from its bytes.

    Raises:
        InputError: the file is not a table or JSON at all.
        UnreadResourceError: a FHIR resource other than a QuestionnaireResponse (a
            MedicationStatement, say), refused in the same words on every option.
    """
    header = _header(data, file)
    if header is None:
        kind = resource_type(data)
        if kind is not None and kind != "QuestionnaireResponse":
            raise fhir_refusal(file, kind)
        return InputKind.QUESTIONNAIRE
    keys = {normalise_header(cell) for cell in header}
    if keys & set(ITEM_HEADERS) and keys & set(ANSWER_HEADERS):
        return InputKind.QUESTIONNAIRE
    if is_medication_list(header):
        return InputKind.TREATMENTS  # an EHR medication list (START, STOP, … DESCRIPTION)
    diary_fields = set(match_columns(header).fields.values())
    if keys & _TREATMENT_HEADERS and not diary_fields & _DIARY_ONLY:
        return InputKind.TREATMENTS
    return InputKind.DIARY


def _header(data: bytes, file: str) -> tuple[str, ...] | None:
    """The header row, or ``None`` for JSON; a text file's header comes from its first lines only.

    Parsing a ten-year diary just to read its header would double the cost of reading it.
    """
    if data.startswith(b"PK\x03\x04"):
        return read_table(data, file).header
    text, encoding = decode_head(data, file, _HEAD_LINES)
    if text.lstrip().startswith(("{", "[")):
        return None
    head = "\n".join(head_lines(text, _HEAD_LINES))
    return text_header(head, file, encoding, sniff_delimiter(head))
