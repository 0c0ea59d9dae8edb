"""Indented JSON text, byte for byte as ``json.dumps(value, indent=…)`` writes it, faster.

``json.dumps`` with an indent runs the standard library's pure-Python encoder (its C encoder
only writes compact text): a ten-year summary's ~3,650 daily objects took ~10 ms warm through
~73,000 generator steps. Here the tree is walked in Python only down to the *flat* containers
(objects and arrays holding no object or array) and the arrays of flat objects (the days); each
of those is written by one call of the C encoder, whose item separator carries the newline and
the indent of the depth. The C encoder escapes a newline inside text, so every raw newline of
its output is a separator: the brackets can be moved onto their own lines, and the boundaries
between the objects of an array re-indented, by plain text replacement, with no parsing.

Same text as ``json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)`` for every
value it accepts (``tests/test_indented_json.py`` checks it, Hypothesis-generated); the values
it refuses raise the same exception types, except that a container holding itself raises
``RecursionError`` rather than ``ValueError`` (a summary is a tree: it never does).
"""

from __future__ import annotations

import json
import json.encoder
import math
from collections.abc import Callable, Iterable
from itertools import chain
from json.encoder import encode_basestring

_Encoder = Callable[[object, int], list[str]]

_MAKE_ENCODER: Callable[..., _Encoder] | None = getattr(json.encoder, "c_make_encoder", None)
"""The standard library's C encoder factory (``None`` where the interpreter has none)."""

_CONTAINERS = (dict, list, tuple)
_SCALARS = frozenset({str, int, float, bool, type(None)})
"""Exact types written as a scalar (subclasses are checked against ``_CONTAINERS``)."""


def dumps_indented(value: object, indent: int = 2) -> str:
    """Return ``json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)``.

    Falls back to ``json.dumps`` itself where the interpreter has no C encoder.
    """
    if _MAKE_ENCODER is None:  # pragma: no cover - CPython always has it
        return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)
    chunks: list[str] = []
    _Writer(" " * indent, _MAKE_ENCODER).write(value, 0, chunks)
    return "".join(chunks)


def _all_scalar(kinds: set[type]) -> bool:
    """True when no type of ``kinds`` is written as an object or an array."""
    return kinds <= _SCALARS or not any(issubclass(kind, _CONTAINERS) for kind in kinds)


def _flat_objects(objects: Iterable[dict[object, object]]) -> bool:
    """True when every object has an item and no object or array among its values."""
    values = chain.from_iterable(map(dict.values, objects))
    return all(objects) and _all_scalar(set(map(type, values)))


def _refuse(value: object) -> object:
    """``JSONEncoder.default``: what cannot be written is refused with the same message."""
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


class _Writer:
    """Writes one value; C encoders are made once per depth (their separators differ)."""

    def __init__(self, indent: str, make_encoder: Callable[..., _Encoder]) -> None:
        self._indent = indent
        self._make_encoder = make_encoder
        self._encoders: dict[int, _Encoder] = {}

    def _encoder(self, depth: int) -> _Encoder:
        """The C encoder whose item separator starts a new line indented to ``depth``."""
        encoder = self._encoders.get(depth)
        if encoder is None:
            separator = ",\n" + self._indent * depth
            encoder = self._make_encoder(
                None, _refuse, encode_basestring, None, ": ", separator, False, False, False
            )
            self._encoders[depth] = encoder
        return encoder

    def scalar(self, value: object) -> str:
        """A value that is neither an object nor an array, as ``json.dumps`` writes it."""
        if type(value) is str:
            return encode_basestring(value)
        if type(value) is int:
            return int.__repr__(value)
        if type(value) is float and math.isfinite(value):
            return float.__repr__(value)
        return "".join(self._encoder(0)(value, 0))  # the rest; NaN refused as json.dumps does

    def write(self, value: object, depth: int, chunks: list[str]) -> None:
        """Append ``value``'s text, its first line indented to ``depth`` by the caller."""
        if isinstance(value, dict):
            items: Iterable[object] = value.values()
        elif isinstance(value, list | tuple):
            items = value
        else:
            chunks.append(self.scalar(value))
            return
        kinds = set(map(type, items))
        if not value:
            chunks.append("{}" if isinstance(value, dict) else "[]")
        elif _all_scalar(kinds):
            self._flat(value, depth, chunks)
        elif kinds == {dict} and not isinstance(value, dict) and _flat_objects(value):
            self._table(value, depth, chunks)
        else:
            self._nested(value, depth, chunks)

    def _flat(self, value: object, depth: int, chunks: list[str]) -> None:
        """A container of scalars: one C-encoder call, its brackets moved onto their lines."""
        text = "".join(self._encoder(depth + 1)(value, 0))
        inner = "\n" + self._indent * (depth + 1)
        chunks.append(text[0] + inner + text[1:-1] + "\n" + self._indent * depth + text[-1])

    def _table(self, value: object, depth: int, chunks: list[str]) -> None:
        """An array of non-empty objects of scalars (the summary's days): one C-encoder call.

        The C text is ``[{…}`` + separator + ``{…}…]``, every separator at the depth of the
        objects' items. Inside an object of scalars a separator is followed by a key's quote,
        so ``}`` + separator + ``{`` is exactly a boundary between two objects: it is rewritten
        with the array's own indent, and the outer brackets moved onto their lines.
        """
        text = "".join(self._encoder(depth + 2)(value, 0))
        outer, array, item = (self._indent * level for level in (depth, depth + 1, depth + 2))
        body = text[2:-2].replace("},\n" + item + "{", "\n" + array + "},\n" + array + "{\n" + item)
        chunks.append("[\n" + array + "{\n" + item + body + "\n" + array + "}\n" + outer + "]")

    def _nested(
        self, value: dict[object, object] | list[object] | tuple[object, ...], depth: int,
        chunks: list[str],
    ) -> None:  # fmt: skip
        """A container holding containers: item by item, as the standard library lays them out."""
        inner = "\n" + self._indent * (depth + 1)
        separator = "," + inner
        pairs = value.items() if isinstance(value, dict) else ((None, item) for item in value)
        chunks.append("{" if isinstance(value, dict) else "[")
        for position, (key, item) in enumerate(pairs):
            start = separator if position else inner
            if isinstance(value, dict):
                start += self._key(key) + ": "
            if type(item) in _SCALARS:
                chunks.append(start + self.scalar(item))
            else:
                chunks.append(start)
                self.write(item, depth + 1, chunks)
        chunks.append("\n" + self._indent * depth + ("}" if isinstance(value, dict) else "]"))

    def _key(self, key: object) -> str:
        """An object key as ``json.dumps`` writes it: numbers, booleans and null as text."""
        if isinstance(key, str):
            text = key
        elif isinstance(key, float):
            text = self.scalar(float(key))  # its repr; NaN and infinities refused
        elif key is True or key is False or key is None:
            text = self.scalar(key)
        elif isinstance(key, int):
            text = int.__repr__(key)
        else:
            kind = key.__class__.__name__
            raise TypeError(f"keys must be str, int, float, bool or None, not {kind}")
        return encode_basestring(text)
