"""Builders for the diary DataFrames: every stage (and every test) gets the same columns and dtypes.

The column contracts are ``tnprep.model.ATTACK_COLUMNS`` and ``DAY_COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from tnprep.model import ATTACK_COLUMNS, DAY_COLUMNS

_TUPLE_COLUMNS = (
    "triggers",
    "medication_helpful",
    "medication_somewhat",
    "medication_unhelpful",
    "medication_unsure",
)
_TEXT_ATTACK_COLUMNS = ("side", "pain_type", "rescue", "rescue_helped", "notes", "file")
_BOOL_COLUMNS = ("division_v1", "division_v2", "division_v3", "time_unknown")


def attack_frame(columns: dict[str, Sequence[Any] | pd.Series] | None = None) -> pd.DataFrame:
    """Return an attack DataFrame with exactly ATTACK_COLUMNS, filling absent columns with blanks.

    Args:
        columns: Column name → values; every column must have the same length. ``start``
            is required when any column is given. The caller gives up the Series it passes: the
            frame may hold their data without a copy.

    Returns:
        A new DataFrame with a fresh RangeIndex and the documented dtypes.
    """
    columns = dict(columns or {})
    length = _length(columns)
    start = columns.get("start")
    if isinstance(start, pd.Series) and start.dtype == "datetime64[ns]":
        stamps: Any = start.array  # a reader's column, taken over as it is (no ~3 MB copy)
    else:
        stamps = pd.to_datetime(_values(columns, "start", length, pd.NaT)).astype("datetime64[ns]")
    built: dict[str, Any] = {"start": stamps}
    for name in ("duration_s", "intensity"):
        built[name] = _typed(columns, name, length, float("nan"), "float64")
    for name in _BOOL_COLUMNS:
        built[name] = _typed(columns, name, length, False, "bool")
    for name in _TUPLE_COLUMNS:
        built[name] = _tuple_series(columns.get(name), length).array
    for name in _TEXT_ATTACK_COLUMNS:
        built[name] = _typed(columns, name, length, pd.NA, "string")
    built["row"] = _typed(columns, "row", length, 0, "int64")
    # One constructor in the contract's order: no column inserted one by one, no reordering
    # copy, and no copy of the columns just built (copying and regrouping 364,606 rows' columns
    # by type cost ~20 ms; issue 15). A Series given is taken over, not copied.
    return pd.DataFrame(
        {name: built[name] for name in ATTACK_COLUMNS}, index=pd.RangeIndex(length), copy=False
    )


def day_frame(columns: dict[str, Sequence[Any] | pd.Series] | None = None) -> pd.DataFrame:
    """Return a daily-log DataFrame with exactly DAY_COLUMNS, filling absent columns with blanks.

    Args:
        columns: Column name → values; every column must have the same length.

    Returns:
        A new DataFrame with a fresh RangeIndex and the documented dtypes.
    """
    columns = dict(columns or {})
    length = _length(columns)
    frame = pd.DataFrame(index=pd.RangeIndex(length))
    dates = pd.to_datetime(_values(columns, "date", length, pd.NaT))
    frame["date"] = pd.Series(dates).dt.normalize().astype("datetime64[ns]").to_numpy()
    frame["attacks"] = _typed(columns, "attacks", length, pd.NA, "Float64")
    for name in ("worst_intensity", "background_pain"):
        frame[name] = _typed(columns, name, length, float("nan"), "float64")
    for name in ("notes", "file"):
        frame[name] = _typed(columns, name, length, pd.NA, "string")
    frame["row"] = _typed(columns, "row", length, 0, "int64")
    return frame[list(DAY_COLUMNS)]


def concat_frames(frames: Iterable[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    """Concatenate frames of one kind, returning ``empty`` (with its dtypes) when there are none."""
    non_empty = [frame for frame in frames if len(frame)]
    if not non_empty:
        return empty
    return pd.concat(non_empty, ignore_index=True)


def _length(columns: dict[str, Sequence[Any] | pd.Series]) -> int:
    lengths = {len(values) for values in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"columns differ in length: {sorted(lengths)}")
    return lengths.pop() if lengths else 0


def _typed(
    columns: dict[str, Sequence[Any] | pd.Series], name: str, length: int, blank: Any, dtype: Any
) -> Any:
    """One column as an array of ``dtype``; a missing column is all ``blank``.

    A Series is converted as a whole (never through Python objects) and positioned by order.
    """
    values = columns.get(name)
    if values is None and dtype == "string" and blank is pd.NA:
        return _missing_text(length)
    if values is None:
        return pd.Series(blank, index=pd.RangeIndex(length), dtype=dtype).array
    if isinstance(values, pd.Series):
        return values.astype(dtype).array
    return pd.array(list(values), dtype=dtype)


def _missing_text(length: int) -> Any:
    """A 'string' array of ``length`` missing values, its buffers left untouched (issue 15).

    Every cell missing means every offset 0 and every validity bit 0: both buffers are
    ``np.zeros``, which the system hands over as pages of zeros not yet touched, so an absent
    column of a ten-year diary costs no memory until it is read (``pa.nulls`` wrote ~3 MB a
    column; four absent text columns raised the high-water mark by ~12 MB).
    """
    import pyarrow as pa  # type: ignore[import-untyped]  # noqa: PLC0415 - imported by pandas

    validity = pa.py_buffer(np.zeros((length + 7) // 8, dtype=np.uint8))
    offsets = pa.py_buffer(np.zeros(length + 1, dtype=np.int64))
    cells = pa.Array.from_buffers(
        pa.large_string(), length, [validity, offsets, pa.py_buffer(b"")], null_count=length
    )
    return pd.arrays.ArrowStringArray(pa.chunked_array([cells], type=pa.large_string()))


def _values(
    columns: dict[str, Sequence[Any] | pd.Series], name: str, length: int, blank: Any
) -> Any:
    values = columns.get(name)
    if values is None:
        return [blank] * length
    if isinstance(values, pd.Series):
        return values.to_numpy()
    return list(values)


def _tuple_series(values: Sequence[Any] | pd.Series | None, length: int) -> pd.Series:
    """A column of tuples; a reader's Series already holds tuples and is taken as it is.

    Neither is copied: pandas 3 copies a NumPy array given to ``pd.Series`` unless told not
    to, ~3 MB of freshly touched memory per column of a ten-year diary (issue 15).
    """
    if isinstance(values, pd.Series) and values.dtype == object:
        return values  # only its values are used (``.array``), so its index does not matter
    array = np.empty(length, dtype=object)
    if values is None:
        array.fill(())  # an absent column: one shared empty tuple, no per-row work
    elif length:
        array[:] = [tuple(value) for value in values]
    return pd.Series(array, dtype="object", copy=False)
