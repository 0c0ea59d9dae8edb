"""The bundled fonts' metrics, read from files shipped beside them instead of parsed per process.

ReportLab's ``TTFont`` parses a TrueType file's tables (names, header, character map, widths,
glyph offsets) in Python every time a process registers it: ~7 ms for each DejaVu weight, paid by
every ``tnprep report`` and every batch worker. ``tools/make_font_metrics.py`` records what that
parse gives for the two bundled fonts in ``fonts/<font>.metrics`` (committed, shipped in the
package): one line of JSON (names, numbers, the font's SHA-256, the ReportLab version, the table
lengths), then the tables as little-endian arrays. ``bundled_font`` loads it instead (~1 ms).

The result must be the font ReportLab would have made, attribute for attribute, so the PDF is the
same byte for byte (``tests/test_font_faces.py`` checks both, and that regenerating a metrics file
gives the same bytes). A metrics file is used only when it names the ReportLab version installed
and the SHA-256 of the font file's bytes as read; otherwise the font is parsed as before. Nothing
is written at run time.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from collections.abc import Callable
from fnmatch import fnmatch
from itertools import accumulate
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import (
    TTEncoding,
    TTFNameBytes,
    TTFont,
    TTFontFace,
    TTFontParser,
)

FORMAT = 1
"""Version of the metrics file layout (raise it when the layout changes)."""

NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
"""Name-table strings (``TTFNameBytes``: UTF-8 bytes that remember the decoded text)."""
NUMBERS = (
    "ascent",
    "descent",
    "capHeight",
    "stemV",
    "italicAngle",
    "underlinePosition",
    "underlineThickness",
    "flags",
    "numGlyphs",
    "_full_font",
    "unitsPerEm",
    "defaultWidth",
    "_pos",
)
"""Numbers and flags, kept with their JSON type (an int stays an int, a float a float)."""
TABLES = ("charToGlyph", "glyphToChar", "charWidths", "hmetrics", "glyphPos")
"""The per-character and per-glyph tables, stored as arrays after the header line."""
OTHERS = ("fontRevision", "bbox", "_pdfScale")
"""A tuple, a list, and the scaling function ReportLab keeps (rebuilt from ``unitsPerEm``)."""
RECORDED = frozenset((*NAMES, *NUMBERS, *TABLES, *OTHERS))
"""Every attribute ``TTFontFile.extractInfo`` sets (the generator refuses to run otherwise)."""
ARRAYS = (
    ("codes", "I"),  # charToGlyph's keys, in its order
    ("glyphs", "I"),  # charToGlyph's values
    ("mappedGlyphs", "I"),  # glyphToChar's keys, in its order
    ("mappedCounts", "I"),  # how many code points each of them has
    ("mappedCodes", "I"),  # those code points, one glyph after another
    ("widthCodes", "I"),  # charWidths' keys, in its order
    ("widths", "d"),  # charWidths' values
    ("advances", "d"),  # hmetrics' first members (see ``integerAdvances``)
    ("bearings", "I"),  # hmetrics' second members
    ("glyphPos", "I"),
)
"""The arrays after the header line, in file order: (name, ``array`` type code)."""
ITEM_SIZES = {"I": 4, "d": 8}
"""Bytes per item in the file (a platform whose ``array`` differs parses the font instead)."""


def bundled_font(name: str, path: Path) -> TTFont:
    """A ReportLab ``TTFont`` for ``path``, from its metrics file when that file still fits.

    Falls back to ReportLab's own parse when there is no metrics file, or it was made with another
    ReportLab version, for other font bytes or in another layout.
    """
    loaded = _metrics(path)
    if loaded is None:
        return TTFont(name, str(path))
    header, arrays = loaded
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    TTFontParser.__init__(face, str(path))  # reads the bytes, header and table directory
    if hashlib.sha256(face._ttf_data).hexdigest() != header["sha256"]:
        return TTFont(name, str(path))
    face.__dict__.update(face_attributes(header, arrays))
    return _font(name, face)


def metrics_path(font: Path) -> Path:
    """Where the metrics of ``font`` are shipped: ``DejaVuSans.ttf`` → ``DejaVuSans.metrics``."""
    return font.with_suffix(".metrics")


def _metrics(path: Path) -> tuple[dict[str, Any], dict[str, list[Any]]] | None:
    """The header and arrays of ``path``'s metrics file, or None when it is absent or unfit."""
    try:
        data = metrics_path(path).read_bytes()
    except FileNotFoundError:
        return None
    line, _, body = data.partition(b"\n")
    header: dict[str, Any] = json.loads(line)
    fits = header.get("format") == FORMAT and header.get("reportlab") == reportlab.Version
    if not fits or any(array(code).itemsize != size for code, size in ITEM_SIZES.items()):
        return None
    arrays, offset = {}, 0
    for (name, code), length in zip(ARRAYS, header["lengths"], strict=True):
        values = array(code)
        values.frombytes(body[offset : offset + length * ITEM_SIZES[code]])
        offset += length * ITEM_SIZES[code]
        if sys.byteorder == "big":
            values.byteswap()
        arrays[name] = values.tolist()
    return header, arrays


def face_attributes(header: dict[str, Any], arrays: dict[str, list[Any]]) -> dict[str, object]:
    """The attributes ``extractInfo`` would set, rebuilt from a metrics file's header and arrays."""
    attributes: dict[str, object] = {
        name: TTFNameBytes(text.encode("utf-8")) for name, text in header["names"].items()
    }
    attributes.update(header["numbers"])
    attributes["fontRevision"] = tuple(header["fontRevision"])
    attributes["bbox"] = header["bbox"]
    attributes["_pdfScale"] = _scale(header["numbers"]["unitsPerEm"])
    attributes["charToGlyph"] = dict(zip(arrays["codes"], arrays["glyphs"], strict=True))
    codes, counts = arrays["mappedCodes"], arrays["mappedCounts"]
    ends = accumulate(counts)
    lists = (codes[end - count : end] for end, count in zip(ends, counts, strict=True))
    attributes["glyphToChar"] = dict(zip(arrays["mappedGlyphs"], lists, strict=True))
    attributes["charWidths"] = dict(zip(arrays["widthCodes"], arrays["widths"], strict=True))
    whole = header["integerAdvances"]
    advances = [*map(int, arrays["advances"][:whole]), *arrays["advances"][whole:]]
    attributes["hmetrics"] = list(zip(advances, arrays["bearings"], strict=True))
    attributes["glyphPos"] = arrays["glyphPos"]
    return attributes


def _scale(units_per_em: int) -> Callable[[float], float]:
    """ReportLab's glyph units → 1/1000 em scaling, with its arithmetic (``extractInfo``)."""
    if units_per_em == 1000:
        return lambda value: value
    multiplier = 1000 / units_per_em
    return lambda value: value * multiplier


def _font(name: str, face: TTFontFace) -> TTFont:
    """``TTFont(name, path)`` around a face already made (``TTFont.__init__`` minus the parse)."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def metrics_file(font: Path) -> bytes:
    """The metrics file of ``font`` as ReportLab parses it (``tools/make_font_metrics.py``)."""
    face = TTFontFace(str(font))
    parsed_only = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(parsed_only, None)
    TTFontParser.__init__(parsed_only, str(font))
    added_by_extract = set(vars(face)) - set(vars(parsed_only))
    if not added_by_extract <= RECORDED <= set(vars(face)):
        raise RuntimeError(f"ReportLab's face attributes changed: {added_by_extract ^ RECORDED}")
    tables = _tables(face)
    header = {
        "format": FORMAT,
        "font": font.name,
        "sha256": hashlib.sha256(face._ttf_data).hexdigest(),
        "reportlab": reportlab.Version,
        "names": {name: getattr(face, name).ustr for name in NAMES},
        "numbers": {name: getattr(face, name) for name in NUMBERS},
        "fontRevision": list(face.fontRevision),
        "bbox": face.bbox,
        "lengths": [len(tables[name]) for name, _ in ARRAYS],
        "integerAdvances": _integer_advances(face),
    }
    body = []
    for name, code in ARRAYS:
        values = array(code, tables[name])
        if sys.byteorder == "big":
            values.byteswap()
        body.append(values.tobytes())
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + b"".join(body)


def _integer_advances(face: TTFontFace) -> int:
    """How many of ``hmetrics``' advances are ints (the first ``numberOfHMetrics``).

    ReportLab repeats the last full metric's advance, already scaled to a float, for the rest.
    """
    kinds = [type(pair[0]) for pair in face.hmetrics]
    whole = kinds.count(int)
    if kinds != [int] * whole + [float] * (len(kinds) - whole):
        raise RuntimeError("ReportLab's hmetrics changed: ints and floats are mixed")
    return whole


def _tables(face: TTFontFace) -> dict[str, list[Any]]:
    """The face's tables as the flat lists ``ARRAYS`` names."""
    return {
        "codes": list(face.charToGlyph),
        "glyphs": list(face.charToGlyph.values()),
        "mappedGlyphs": list(face.glyphToChar),
        "mappedCounts": [len(codes) for codes in face.glyphToChar.values()],
        "mappedCodes": [code for codes in face.glyphToChar.values() for code in codes],
        "widthCodes": list(face.charWidths),
        "widths": list(face.charWidths.values()),
        "advances": [pair[0] for pair in face.hmetrics],
        "bearings": [pair[1] for pair in face.hmetrics],
        "glyphPos": list(face.glyphPos),
    }
