"""Build hostile XLSX files in memory at test time (never committed): zip bombs and billion laughs.

Each starts from a real one-sheet workbook written by openpyxl, so only the hostile part differs
from what Excel would produce.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
BOMB_BYTES = 300 * 1024 * 1024
"""What the bomb's sheet inflates to: past tnprep's 200 MB ceiling, yet quick to deflate."""
_CHUNK = 4 * 1024 * 1024


def workbook_bytes() -> bytes:
    """A small, valid attack-log workbook."""
    book = Workbook()
    sheet = book.active
    sheet.append(["start", "intensity"])
    sheet.append(["2024-03-01 08:00", 6])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rebuild(replace: dict[str, Callable[[zipfile.ZipFile, str], None]]) -> bytes:
    """The workbook with the named members written by ``replace`` instead of copied."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name in replace:
                replace[name](target, name)
            else:
                target.writestr(name, source.read(name))
    return buffer.getvalue()


def _write_padded_sheet(target: zipfile.ZipFile, name: str) -> None:
    """A valid sheet padded with whitespace to ``BOMB_BYTES``, streamed (never held in memory)."""
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    tail = b"<sheetData/></worksheet>"
    with target.open(name, "w") as stream:
        stream.write(head)
        padding = b" " * _CHUNK
        for _ in range((BOMB_BYTES - len(head) - len(tail)) // _CHUNK):
            stream.write(padding)
        stream.write(tail)


def xlsx_zip_bomb() -> bytes:
    """An honest zip bomb: its directory says the sheet inflates to 300 MB (the file is ~300 KB)."""
    return _rebuild({SHEET: _write_padded_sheet})


def lying_zip_bomb() -> bytes:
    """The same bomb with the sheet's declared size rewritten to 1 KB in both zip headers.

    Python's zipfile stops inflating at the declared size and then fails the CRC check, so the
    lie cannot make the reader inflate more than it checked.
    """
    data = bytearray(xlsx_zip_bomb())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    assert data[info.header_offset : info.header_offset + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, info.header_offset + 22, 1024)  # local header: size
    name = SHEET.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + length]) == name:
            struct.pack_into("<I", data, central + 24, 1024)  # central directory: size
            return bytes(data)
        central = data.find(b"PK\x01\x02", central + 4)
    raise AssertionError("the sheet is not in the central directory")


def billion_laughs_xlsx(member: str) -> bytes:
    """A workbook whose ``member`` opens with a billion-laughs DTD (defusedxml must forbid it)."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        entities.append(f'<!ENTITY lol{level} "' + f"&lol{level - 1};" * 10 + '">')
    doctype = "<!DOCTYPE lolz [" + "".join(entities) + "]>"

    def write(target: zipfile.ZipFile, name: str) -> None:
        source = zipfile.ZipFile(io.BytesIO(workbook_bytes())).read(name).decode("utf-8")
        body = source.split("?>", 1)[-1]
        root_end = body.index(">") + 1
        target.writestr(name, f"{doctype}{body[:root_end]}<v>&lol9;</v>{body[root_end:]}")

    return _rebuild({member: write})
