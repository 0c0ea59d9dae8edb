"""A column's distinct cells, each stripped once, and the code of every row's cell (issue 15).

Diaries repeat the same few cells ('45s', '7', 'right', 'V2') hundreds of thousands of times.
The column is factorised once on its raw cells (in C), only the distinct cells are stripped and
read, and the results are spread back over the rows by their codes. The text of a distinct cell
is exactly what ``values.text_cells`` gives for each of its rows: the same conversion to text and
the same strip, run on a Series of the column's own text type, so the same engine (pyarrow or
Python) does the work.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

T = TypeVar("T")


@dataclass(frozen=True)
class Distinct:
    """The distinct stripped cells of one column and where each row's cell is among them."""

    codes: npt.NDArray[np.intp]
    """For each row, the position of its cell's text in ``texts``."""
    texts: list[str]
    """Each distinct cell, stripped ('' for a blank one); no two are equal."""
    index: pd.Index
    """The column's row index (spreadsheet row numbers)."""
    dtype: pd.StringDtype
    """The column's text type: vectorised string methods on ``series()`` run as on the column."""

    def series(self, texts: Sequence[str] | None = None) -> pd.Series:
        """The distinct texts (or others, one per distinct cell) as a Series of the text type."""
        return pd.Series(self.texts if texts is None else list(texts), dtype=self.dtype)

    def counts(self) -> npt.NDArray[np.intp]:
        """How many rows hold each distinct cell."""
        return np.bincount(self.codes, minlength=len(self.texts))

    def spread(self, per_distinct: Any, dtype: Any = None) -> pd.Series:
        """One value per distinct cell (a Series, array or list) spread back over the rows."""
        if isinstance(per_distinct, pd.Series):
            spread = per_distinct.take(self.codes)
            spread.index = self.index
            return spread if dtype is None else spread.astype(dtype)
        array = np.empty(len(per_distinct), dtype=object)
        array[:] = list(per_distinct)
        # copy=False: pandas 3 would copy the array just made (issue 15)
        return pd.Series(array[self.codes] if len(self.codes) else [], index=self.index,
                         dtype=object if dtype is None else dtype, copy=False)  # fmt: skip

    def spread_mask(self, per_distinct: npt.NDArray[np.bool_] | Sequence[bool]) -> pd.Series:
        """A boolean per distinct cell spread back over the rows."""
        flags = np.asarray(per_distinct, dtype=bool)
        return pd.Series(flags[self.codes] if len(self.codes) else [], index=self.index,
                         dtype=bool)  # fmt: skip


_MEMO: ContextVar[dict[tuple[str, int], tuple[Any, pd.Index, Any]] | None] = ContextVar(
    "tnprep_ingest_memo", default=None
)


@contextlib.contextmanager
def one_table() -> Iterator[None]:
    """While one table is read, a column's stripped text or distinct cells are computed once.

    Several readers look at the same column (the intensity: words, numbers, range); inside this
    block the second look reuses the first. Nothing is kept after the block.
    """
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(kind: str, cells: pd.Series, compute: Callable[[pd.Series], T]) -> T:
    """``compute(cells)``, or its earlier result for the same column inside ``one_table``.

    The same column is the same array object (kept alive by the entry, so its id is not reused)
    with an equal row index.
    """
    memo = _MEMO.get()
    if memo is None:
        return compute(cells)
    key = (kind, id(cells.array))
    entry = memo.get(key)
    if entry is not None and entry[0] is cells.array and entry[1].equals(cells.index):
        result: T = entry[2]
        return result
    result = compute(cells)
    memo[key] = (cells.array, cells.index, result)
    return result


def distinct_text(cells: pd.Series) -> Distinct:
    """Factorise a column once: its distinct stripped texts and each row's code."""
    return remembered("distinct", cells, _distinct_text)


def _distinct_text(cells: pd.Series) -> Distinct:
    text = cells if isinstance(cells.dtype, pd.StringDtype) else cells.astype("string")
    dtype = cast(pd.StringDtype, text.dtype)  # both branches give a string dtype
    raw_codes, raw = pd.factorize(text, use_na_sentinel=False)
    stripped = pd.Series(raw, dtype=text.dtype).fillna("").str.strip()
    codes, texts = pd.factorize(stripped.to_numpy(dtype=object))
    # Stripping merged no two cells (the usual case): the codes are 0, 1, 2 … in the order of
    # the raw cells', so each row's code is its raw code, with no pass over the rows (issue 15).
    merged = len(texts) < len(codes)
    return Distinct(
        codes=np.asarray(codes[raw_codes] if merged else raw_codes, dtype=np.intp),
        texts=[str(value) for value in texts],
        index=cells.index,
        dtype=dtype,
    )


def text_bytes(cells: pd.Series) -> bytes | None:
    """The UTF-8 bytes behind a pyarrow-backed text column, or ``None`` for any other column.

    The bytes hold every cell's text (and may hold more: a sliced array keeps its whole buffer),
    so a character absent from them is absent from every cell: a cheap test in C that lets a
    per-cell pass be skipped when it could not change anything.
    """
    if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
        return None
    chunks = cells.array.__arrow_array__().chunks
    if any(str(chunk.type) not in _OFFSET_TYPES for chunk in chunks):
        return None  # another layout (a string view): no shortcut
    return b"".join(_chunk_bytes(chunk) for chunk in chunks)


_OFFSET_TYPES = ("string", "large_string")
"""Arrow string types laid out as offsets and one data buffer (the layout read here)."""


def _chunk_bytes(chunk: Any) -> bytes:
    """The bytes of one Arrow string chunk's own cells (a slice skips its buffer's other cells)."""
    _, offsets, data = chunk.buffers()
    if data is None or not len(chunk):
        return b""
    width = np.int64 if str(chunk.type).startswith("large") else np.int32
    bounds = np.frombuffer(offsets, dtype=width)
    start, end = int(bounds[chunk.offset]), int(bounds[chunk.offset + len(chunk)])
    return bytes(memoryview(data)[start:end])


def text_layout(
    cells: pd.Series,
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """(bytes, start of each cell, end of each cell) of an ASCII pyarrow-backed text column.

    ``None`` for any other column (Python objects, a missing cell, any byte over 127), so that a
    caller testing characters at fixed places from a cell's start or end tests exactly what a
    pattern would (one byte is one character).
    """
    if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
        return None
    array = cells.array.__arrow_array__().combine_chunks()
    if array.null_count or str(array.type) not in _OFFSET_TYPES:
        return None
    _, offsets, data = array.buffers()
    width = np.int64 if str(array.type).startswith("large") else np.int32
    bounds = np.frombuffer(offsets, dtype=width)[array.offset : array.offset + len(array) + 1]
    text = np.zeros(0, dtype=np.uint8) if data is None else np.frombuffer(data, dtype=np.uint8)
    text = text[int(bounds[0]) : int(bounds[-1])] if len(bounds) else text[:0]
    if text.size and int(text.max()) > 127:
        return None
    bounds = bounds.astype(np.int64) - (int(bounds[0]) if len(bounds) else 0)
    return text, bounds[:-1], bounds[1:]
