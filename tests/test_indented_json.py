"""The indented JSON writer: the text of json.dumps with an indent (differential, Hypothesis)."""

from __future__ import annotations

import enum
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnprep.indented_json import dumps_indented

GOLDEN = Path(__file__).resolve().parent / "golden"


def reference(value: object, indent: int = 2) -> str:
    """The standard library's text, which the writer must equal byte for byte."""
    return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8
) | st.sampled_from(
    ["", "}", "{", "},\n  {", '"', "\\", "\n", "\u2028", "é", "\x00", "  ", "[]", "{}"]
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT
)
_KEYS = (
    _TEXT
    | st.integers()
    | st.booleans()
    | st.none()
    | st.floats(allow_nan=False, allow_infinity=False)
)
_FLAT_OBJECT = st.dictionaries(_TEXT, _SCALARS, min_size=1, max_size=4)


def _containers(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return (
        st.lists(children, max_size=4)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(_KEYS, children, max_size=4)
        | st.lists(_FLAT_OBJECT, min_size=1, max_size=4)  # an array of days
    )


_VALUES = st.recursive(_SCALARS, _containers, max_leaves=40)


@settings(max_examples=400)
@given(_VALUES, st.sampled_from([2, 0, 1, 4]))
def test_same_text_as_json_dumps(value: object, indent: int) -> None:
    assert dumps_indented(value, indent) == reference(value, indent)


@given(st.lists(_FLAT_OBJECT, min_size=1, max_size=6), st.integers(0, 3))
def test_arrays_of_flat_objects_at_any_depth(days: list[dict[str, object]], depth: int) -> None:
    value: object = days
    for _ in range(depth):
        value = {"wrapped": value, "and": [value]}
    assert dumps_indented(value) == reference(value)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        (),
        {"a": {}, "b": [], "c": [{}], "d": [{}, {"x": 1}], "e": [{"x": 1}, {}]},
        [{"x": 1}, {"y": [1]}],
        [{"x": 1}, [1, 2]],
        {1: "one", 2.5: "float", False: "no", None: "none", "1": "text"},
        [1, [2, [3, [4, []]]]],
        {"nested": {"deeper": {"deepest": [{"a": "}},\n    {"}]}}},
        [-0.0, 1e300, 1e-300, 5e-324, 2**70, -(2**70)],
    ],
)
def test_edge_cases(value: object) -> None:
    assert dumps_indented(value) == reference(value)


class Level(enum.IntEnum):
    """An int subclass: json.dumps writes its number."""

    HIGH = 3


class Number(float):
    """A float subclass: json.dumps writes float.__repr__ of it."""

    def __repr__(self) -> str:
        return "not this"


def test_subclasses_written_as_json_dumps_writes_them() -> None:
    value = {"level": Level.HIGH, "number": Number(1.5), Level.HIGH: [Number(2.5), Level.HIGH]}
    assert dumps_indented(value) == reference(value)


@pytest.mark.parametrize(
    "value",
    [
        float("nan"),
        [1, float("inf")],
        {"a": [{"b": -math.inf}]},
        {"a": {"b": [1, {"c": float("nan")}]}},
        {float("nan"): 1},
    ],
)
def test_refuses_what_json_dumps_refuses_not_a_number(value: object) -> None:
    with pytest.raises(ValueError):
        reference(value)
    with pytest.raises(ValueError):
        dumps_indented(value)


@pytest.mark.parametrize(
    "value",
    [{1, 2}, [object()], {"a": [{"b": b"bytes"}]}, {("tuple", "key"): 1}, {"a": {"b": {(1,): 2}}}],
)
def test_refuses_what_json_dumps_refuses_not_serialisable(value: object) -> None:
    with pytest.raises(TypeError):
        reference(value)
    with pytest.raises(TypeError):
        dumps_indented(value)


def test_the_golden_summary_is_written_the_same() -> None:
    text = (GOLDEN / "sample_summary.json").read_text(encoding="utf-8")
    value = json.loads(text)
    assert dumps_indented(value) + "\n" == text
