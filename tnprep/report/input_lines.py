"""Two short page lines about how the diary was recorded: rescue use and a pain scale not 0–10.

Pure text from the ``Summary`` (recorded facts, no judgement): "Rescue: 41 of 52 attacks —
oxygen 30, sumatriptan 12; helped: yes 35, no 4" and "Pain scale: … is on a 1–5 scale (median 2,
worst 5 of 5); not converted to 0–10".
"""

from __future__ import annotations

from tnprep.diary_info import scale_sentence
from tnprep.summary import RescueSummary, Summary

TOP_NAMES = 3
"""Rescue names shown before '+N more'."""
RESCUE_LABEL = "Rescue / medicines"
"""The line's label: attack-linked rescue and the medicine entries of event logs share it."""


def rescue_and_scale(summary: Summary) -> list[tuple[str, str]]:
    """(label, text) pairs for the attack-pattern block; empty when nothing to say."""
    lines: list[tuple[str, str]] = []
    rescue = rescue_text(summary.rescue)
    if rescue:
        lines.append((RESCUE_LABEL, rescue))
    scales = [
        f"{file}: {scale_sentence(info.scale)}"
        for file, info in summary.input.files
        if info.scale is not None
    ]
    if scales:
        lines.append(("Pain scale", "; ".join(scales)))
    return lines


def rescue_text(rescue: RescueSummary) -> str:
    """'with 41 of 52 attacks: oxygen 30, sumatriptan 12; helped: yes 35, no 4', or ''."""
    parts = []
    if rescue.attacks_with_record:
        text = f"with {rescue.attacks_with_rescue} of {rescue.attacks_with_record} attacks"
        if rescue.by_name:
            text += ": " + _top(rescue.by_name)
        if rescue.helped:
            text += "; helped: " + _top(rescue.helped)
        parts.append(text)
    if rescue.medicine_events:
        parts.append("medicine entries (not per attack): " + _top(rescue.medicine_events))
    return "; ".join(parts)


def _top(pairs: tuple[tuple[str, int], ...]) -> str:
    shown = [f"{name} {count}" for name, count in pairs[:TOP_NAMES]]
    if len(pairs) > TOP_NAMES:
        shown.append(f"+{len(pairs) - TOP_NAMES} more")
    return ", ".join(shown)
