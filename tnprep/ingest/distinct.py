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

    codes: npt.NDArray[np.integer[Any]]
    """For each row, the position of its cell's text in ``texts`` (32- or 64-bit)."""
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
        """How many rows hold each distinct cell (counted a block of rows at a time)."""
        counts = np.zeros(len(self.texts), dtype=np.intp)
        for begin in range(0, len(self.codes), ROW_BLOCK):  # bincount copies 32-bit codes
            counts += np.bincount(self.codes[begin : begin + ROW_BLOCK], minlength=len(counts))
        return counts

    def spread(self, per_distinct: Any, dtype: Any = None) -> pd.Series:
        """One value per distinct cell (a Series, array or list) spread back over the rows."""
        if isinstance(per_distinct, pd.Series):
            # The values taken, not the Series: its index taken too was ~3 MB per column of
            # a ten-year diary, thrown away for the column's own (issue 15).
            if isinstance(per_distinct.dtype, np.dtype):  # numpy's own gather: pandas' take
                values = per_distinct.to_numpy()[self.codes]  # made 32-bit codes 64-bit first
            else:
                values = per_distinct.array.take(self.codes)
            spread = pd.Series(values, index=self.index, name=per_distinct.name, copy=False)
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
    raw_codes, raw = _factorised(text)
    stripped = pd.Series(raw, dtype=text.dtype).fillna("").str.strip()
    codes, texts = pd.factorize(stripped.to_numpy(dtype=object))
    # Stripping merged no two cells (the usual case): the codes are 0, 1, 2 … in the order of
    # the raw cells', so each row's code is its raw code, with no pass over the rows (issue 15).
    merged = len(texts) < len(codes)
    return Distinct(
        codes=codes[raw_codes] if merged else raw_codes,
        texts=[str(value) for value in texts],
        index=cells.index,
        dtype=dtype,
    )


ROW_BLOCK = 1 << 13
"""Rows a whole-column numpy test takes at a time (issue 15).

A step's arrays stay at most 64 KiB: below the C library's threshold for memory of its own,
so they are reused from one block to the next. Whole-column temporaries were fresh memory each
time (~3 MB a column of a ten-year diary), and the system handing over those pages was most of
a first run's extra cost. (Blocks of 256 KiB were fresh memory too, in some runs.)
"""
_PIECE = 1 << 16
"""Bytes of a column's text looked at at a time by ``text_pieces`` (below that threshold)."""


def _factorised(text: pd.Series) -> tuple[npt.NDArray[np.integer[Any]], Any]:
    """(each row's code, the distinct cells): ``pd.factorize(text, use_na_sentinel=False)``.

    A pyarrow-backed column is encoded by Arrow itself, whose 32-bit codes are used as they
    are; pandas turned them into a new 64-bit array (~3 MB a column of a ten-year diary; issue
    15). Both give a missing cell a code of its own and number cells in order of appearance.
    """
    if not isinstance(text.dtype, pd.StringDtype) or text.dtype.storage != "pyarrow":
        return pd.factorize(text, use_na_sentinel=False)
    import pyarrow.compute as pc  # type: ignore[import-untyped]  # noqa: PLC0415 - by pandas

    encoded = pc.dictionary_encode(arrow_array(text), null_encoding="encode")
    return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary.to_pylist()


def text_pieces(cells: pd.Series) -> Iterator[bytes] | None:
    """The UTF-8 bytes behind a pyarrow-backed text column in pieces, or ``None`` for another.

    The pieces, one after the other, hold every cell's text (and may hold more: a sliced
    array keeps its whole buffer), so a character absent from them is absent from every cell: a
    cheap test in C that lets a per-cell pass be skipped when it could not change anything. A
    test for two or more bytes together must carry the end of one piece into the next. Pieces
    of ``_PIECE`` bytes, copied one at a time, where one copy of the whole text touched ~6 MB of
    fresh memory for a ten-year diary's date column (issue 15).
    """
    if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
        return None
    chunks = cells.array.__arrow_array__().chunks
    if any(str(chunk.type) not in _OFFSET_TYPES for chunk in chunks):
        return None  # another layout (a string view): no shortcut
    return _pieces(chunks)


_OFFSET_TYPES = ("string", "large_string")
"""Arrow string types laid out as offsets and one data buffer (the layout read here)."""


def _pieces(chunks: Sequence[Any]) -> Iterator[bytes]:
    """Each chunk's own cells' bytes (a slice skips its buffer's other cells), piece by piece."""
    for chunk in chunks:
        _, offsets, data = chunk.buffers()
        if data is None or not len(chunk):
            continue
        width = np.int64 if str(chunk.type).startswith("large") else np.int32
        bounds = np.frombuffer(offsets, dtype=width)
        start, end = int(bounds[chunk.offset]), int(bounds[chunk.offset + len(chunk)])
        view = memoryview(data)
        for begin in range(start, end, _PIECE):
            yield bytes(view[begin : min(begin + _PIECE, end)])


def arrow_array(cells: pd.Series) -> Any:
    """The one ``pyarrow.Array`` behind a pyarrow-backed column, without a copy when it can.

    ``combine_chunks`` copies even a column of one chunk (a file's column always is one):
    ~9 MB for a ten-year diary's date column, each time it was looked at (issue 15).
    """
    chunked = cells.array.__arrow_array__()
    return chunked.chunk(0) if chunked.num_chunks == 1 else chunked.combine_chunks()


def text_layout(
    cells: pd.Series,
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """(bytes, start of each cell, end of each cell) of an ASCII pyarrow-backed text column.

    The bytes are the column's whole buffer, and the starts and ends are places in it: all
    three are views of the column's own memory, nothing is copied (issue 15). ``None`` for any
    other column (Python objects, a missing cell, any byte over 127), so that a caller testing
    characters at fixed places from a cell's start or end tests exactly what a pattern would
    (one byte is one character).
    """
    if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
        return None
    array = arrow_array(cells)
    if array.null_count or str(array.type) not in _OFFSET_TYPES:
        return None
    _, offsets, data = array.buffers()
    width = np.int64 if str(array.type).startswith("large") else np.int32
    window = slice(array.offset, array.offset + len(array) + 1)
    bounds: npt.NDArray[np.int64] = np.frombuffer(offsets, dtype=width)[window].astype(
        np.int64, copy=False
    )
    text = np.zeros(0, dtype=np.uint8) if data is None else np.frombuffer(data, dtype=np.uint8)
    used = text[int(bounds[0]) : int(bounds[-1])] if len(bounds) else text[:0]
    if used.size and int(used.max()) > 127:
        return None
    return text, bounds[:-1], bounds[1:]
