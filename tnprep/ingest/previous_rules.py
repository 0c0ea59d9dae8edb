"""The counting rules of an earlier summary: stated in ``figure_rules``, or told from its keys.

Every tnprep summary declares the schema ``tnprep.summary/1``, so the schema cannot tell an older
tnprep's rules. A summary made since session 6 names them (``figure_rules``); for an older one,
each rule is told from a key that came with it or later, checked against summaries written by
those commits (tests/old_summaries/README.md):

- ``pain-scales``: ``input.files`` (real files and their pain scales came together);
- ``event-log-days``: ``silences`` (which came after the event-log day rule);
- ``pain-0-not-attack``: ``attacks.trend.recent_attacks`` (which came after it), or a file whose
  ``rows_other_by_kind`` names the rows of pain 0.

A key that came later than its rule can only make an older summary look older than it is, so a
figure is at worst left uncompared, never compared across rules.
"""

from __future__ import annotations

from tnprep.figure_rules import EVENT_LOG_DAYS, PAIN_SCALES, PAIN_ZERO_NOT_ATTACK
from tnprep.ingest.no_pain import NO_PAIN_KIND
from tnprep.visits import PreviousRules


class DamagedError(Exception):
    """A key holds a value of the wrong type (message: the key path and what was expected)."""


def read_rules(document: dict[str, object]) -> PreviousRules:
    """Return the rules ``document`` (an earlier summary) was made under, with their facts.

    Raises:
        DamagedError: ``figure_rules`` or ``input.files`` is not what tnprep writes.
    """
    files = _files(document)
    kinds = None if files is None else tuple(str(item.get("kind", "")) for item in files)
    pain_zero = None if files is None else any(_has_pain_zero(item) for item in files)
    stated = document.get("figure_rules")
    rules = _stated(stated) if stated is not None else _told(document, files, pain_zero)
    silences = _dictionary(document.get("silences"))
    counted_as = silences.get("counted_as")
    days = silences.get("days")
    return PreviousRules(
        rules=rules,
        stated=stated is not None,
        file_kinds=kinds,
        pain_zero_rows=pain_zero if PAIN_ZERO_NOT_ATTACK in rules else None,
        silences=counted_as if isinstance(counted_as, str) else "attack-free",
        silence_days=days if isinstance(days, int) and not isinstance(days, bool) else None,
    )


def _stated(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DamagedError("'figure_rules' is not a list of text")
    return tuple(value)


def _told(
    document: dict[str, object], files: list[dict[str, object]] | None, pain_zero: bool | None
) -> tuple[str, ...]:
    """The rules an older summary's keys show (see the module's docstring)."""
    trend = _dictionary(_dictionary(document.get("attacks")).get("trend"))
    shown = {
        PAIN_SCALES: files is not None,
        EVENT_LOG_DAYS: "silences" in document,
        PAIN_ZERO_NOT_ATTACK: "recent_attacks" in trend or bool(pain_zero),
    }
    return tuple(rule for rule, present in shown.items() if present)


def _files(document: dict[str, object]) -> list[dict[str, object]] | None:
    """``input.files``, or ``None`` when the summary has none."""
    files = _dictionary(document.get("input")).get("files")
    if files is None:
        return None
    if not isinstance(files, list) or not all(isinstance(item, dict) for item in files):
        raise DamagedError("'input.files' is not a list of objects")
    return files


def _has_pain_zero(item: dict[str, object]) -> bool:
    kinds = item.get("rows_other_by_kind")
    return isinstance(kinds, dict) and bool(kinds.get(NO_PAIN_KIND))


def _dictionary(value: object) -> dict[str, object]:
    """A sub-object, or an empty one (a damaged one is refused by ``ingest.previous``)."""
    return value if isinstance(value, dict) else {}
