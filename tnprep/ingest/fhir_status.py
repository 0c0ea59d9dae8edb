"""A FHIR QuestionnaireResponse's ``status``: a voided response is refused, an unfinished one said.

FHIR R4 QuestionnaireResponseStatus (http://hl7.org/fhir/R4/codesystem-questionnaire-answers-status
.html): ``in-progress`` — "partially filled out with answers but changes or additions are still
expected to be made to it"; ``completed`` — "the current content is regarded as definitive";
``amended`` — changed after completion; ``entered-in-error`` — "entered in error and voided";
``stopped`` — "partially filled out with answers but has been abandoned".

- ``entered-in-error``: the record itself says it is void (a wrong patient, a wrong form), so its
  answers — a PHQ-9 item 9 among them — are not this patient's to show or score. The file is
  refused whole (``InputError``): ``report`` names it in the page's top band and exits 1, like any
  file left out (SPEC *Command line*).
- ``in-progress`` and ``stopped``: the answers given are the patient's, and item 9 must still be
  seen, so they are scored as they stand (unanswered items already give a floor, not a total) with
  one ``fhir-not-final`` notice naming the status.
- ``completed``, ``amended`` or no status: read as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from tnprep.issues import InputError, Issue, IssueCode

VOID = "entered-in-error"
NOT_FINAL = {
    "in-progress": "still being filled in (in-progress)",
    "stopped": "abandoned before it was finished (stopped)",
}
"""Statuses whose answers are scored as they stand, with a notice, and how the notice says them."""


def refuse_void(resource: Mapping[str, object], file: str) -> None:
    """Raise ``InputError`` for a response its own record marks as entered in error (voided).

    Raises:
        InputError: ``status`` is ``entered-in-error``.
    """
    if resource.get("status") == VOID:
        raise InputError(
            file,
            "is a FHIR QuestionnaireResponse marked 'entered-in-error' (entered in error and "
            "voided) by the system that wrote it, so its answers were not used. Export the "
            "response that replaced it.",
        )


def not_final_notice(resource: Mapping[str, object], file: str) -> Issue | None:
    """One notice for a response still in progress or stopped; ``None`` for a final one."""
    status = resource.get("status")
    said = NOT_FINAL.get(status) if isinstance(status, str) else None
    if said is None:
        return None
    return Issue(
        code=IssueCode.FHIR_NOT_FINAL, file=file, row=None, column="status", value=str(status),
        message=(f"The file marks this response as {said}: its answers are used as they stand, "
                 "and items left unanswered give no total (a floor is shown)."),
    )  # fmt: skip
