"""How a diary file was read beyond its columns (kind, other rows, scale, sheets): JSON and text.

Shared by ``check`` (text and ``--json``) and the summary JSON's ``input.files``.
"""

from __future__ import annotations

from tnprep.ingest.scales import NOT_STATED
from tnprep.model import DiaryInfo, DiaryShape, PainScale

JsonObject = dict[str, object]


def scale_json(scale: PainScale | None) -> JsonObject | None:
    """A pain scale: ``{"column", "scale", "low", "high", "source", "converted", …}``."""
    if scale is None:
        return None
    return {
        "column": scale.column,
        "scale": scale.label,
        "low": scale.low,
        "high": scale.high,
        "source": scale.source,
        "converted": scale.converted,
        "median": scale.median,
        "max": scale.maximum,
        "min": scale.minimum,
        "words": [{"word": word, "count": count} for word, count in scale.words],
    }


def diary_info_json(info: DiaryInfo) -> JsonObject:
    """The file's kind, rows of other kinds, medicine events, scale and sheets."""
    return {
        "kind": info.kind,
        "rows_other": sum(count for _, count in info.other_kinds),
        "rows_other_by_kind": {kind: count for kind, count in info.other_kinds},
        "medicine_events": [{"name": name, "count": count} for name, count in info.medicine_events],
        "scale": scale_json(info.scale),
        "sheets_read": list(info.sheets_read),
        "sheets_skipped": list(info.sheets_skipped),
    }


def scale_sentence(scale: PainScale) -> str:
    """'pain level (1-5) is on a 1–5 scale (median 2, worst 5); not converted to 0–10'."""
    if scale.source == NOT_STATED:
        return (
            f"{scale.column}: no scale stated in the file; read as 0–10"
            f" (values {scale.minimum:g}–{scale.maximum:g})"
        )
    if scale.low is None:
        words = ", ".join(f"{word} {count}" for word, count in scale.words)
        return f"pain recorded as words ({words}); not converted to 0–10"
    if scale.converted:
        return (
            f"{scale.column} is on a {scale.label} scale; converted to 0–10 "
            f"(value × 10 / {scale.high:g})"
        )
    figures = (
        f" (median {scale.median:g}, worst {scale.maximum:g} of {scale.high:g})"
        if scale.median is not None and scale.maximum is not None
        else ""
    )
    return f"{scale.column} is on a {scale.label} scale{figures}; not converted to 0–10"


def diary_info_lines(info: DiaryInfo) -> list[str]:
    """Indented lines for ``check``: other kinds, medicine events, scale, sheets."""
    lines = []
    if info.other_kinds:
        kinds = ", ".join(f"{kind} {count}" for kind, count in info.other_kinds)
        lines.append(f"  other rows by kind (not attacks): {kinds}")
    if info.medicine_events:
        events = ", ".join(f"{name} {count}" for name, count in info.medicine_events[:8])
        lines.append(f"  medicine events: {events}")
    if info.scale is not None:
        lines.append(f"  pain scale: {scale_sentence(info.scale)}")
        # a daily log's pain is read as 0–10 only (SPEC *daily log*): no other scale to give
        if info.scale.source == NOT_STATED and info.kind != DiaryShape.DAILY_LOG.value:
            lines.append(
                "    if the diary used another scale, give it, e.g. "
                f'--scale "{info.scale.column}=1-5" (or 0-100)'
            )
    if info.sheets_read:
        lines.append("  sheets read: " + ", ".join(info.sheets_read))
    if info.sheets_skipped:
        lines.append("  sheets skipped: " + ", ".join(info.sheets_skipped))
    return lines
