"""JSON text of a summary, byte for byte as ``json.dumps`` writes it with indent 2.

The call replaced is ``json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)``. With
an indent the standard library encodes through its pure-Python generators (its C encoder takes
no indent): ~1.1 ms for a typical summary, most of it the ~90 per-day objects, once per patient
in a batch. Here each container is joined as a string directly (~0.55 ms). Anything this plain
recipe does not cover (a key that is not a string, a value of another type, a NaN)
falls back to ``json.dumps`` itself, so the text never differs (tests/test_summary_json_text.py
checks it on the sample, the corpus and Hypothesis-generated summaries and values).
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "


class _UnsupportedError(Exception):
    """A value this recipe does not write; the standard encoder writes the whole text."""


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)``, faster."""
    try:
        return _encode(value, "\n")
    except _UnsupportedError:
        return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)


def _encode(value: Any, newline: str) -> str:  # noqa: PLR0911 - one return per JSON type
    """One value; ``newline`` is a line break plus the indent of the value's own line.

    The checks follow the standard encoder's own order, so a subclass is written as it would be.
    """
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _UnsupportedError  # json.dumps raises its own ValueError (allow_nan=False)
        return float.__repr__(value)
    if isinstance(value, list | tuple):
        return _array(value, newline)
    if isinstance(value, dict):
        return _object(value, newline)
    raise _UnsupportedError


def _array(items: list[Any] | tuple[Any, ...], newline: str) -> str:
    if not items:
        return "[]"
    inner = newline + _INDENT
    return (
        "[" + inner + ("," + inner).join([_encode(item, inner) for item in items]) + newline + "]"
    )


def _object(fields: dict[Any, Any], newline: str) -> str:
    if not fields:
        return "{}"
    inner = newline + _INDENT
    parts = []
    for key, item in fields.items():
        if not isinstance(key, str):
            raise _UnsupportedError
        parts.append(str(encode_basestring(key)) + ": " + _encode(item, inner))
    return "{" + inner + ("," + inner).join(parts) + newline + "}"
