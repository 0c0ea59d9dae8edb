"""Data problems as values, and the one exception for input that cannot be read at all.

Ingest never raises on a bad row: it returns records plus a list of `Issue`s
(frictionless-py style). Only a file that is not a diary / treatment history /
questionnaire at all raises `InputError`, whose message says how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

FILE_LEFT_OUT = "file-left-out"
"""Issue code of a file that could not be read at all and was left out of the page (SPEC exit 1)."""


class Severity(Enum):
    """How much an issue changed what was counted."""

    REJECTED = "rejected"
    """The whole row was left out of every figure (e.g. its date cannot be read)."""
    DROPPED = "dropped"
    """One field of the row was left out; the row itself still counts."""
    DUPLICATE = "duplicate"
    """An exact copy of a row already counted; counted once (SPEC ``duplicates``)."""
    NOTICE = "notice"
    """Nothing was left out; an assumption or a fact the user should know (e.g. date order)."""


@dataclass(frozen=True)
class Issue:
    """One problem found in the input, located as a spreadsheet user would find it."""

    code: str
    """Stable machine code, e.g. ``date-unreadable``; documented in docs/formats.md."""
    severity: Severity
    """Whether the row was rejected, a field dropped, or nothing lost."""
    file: str
    """The file's name as the user supplied it (no directories)."""
    row: int | None
    """Spreadsheet row number (header = 1); ``None`` for whole-file issues."""
    column: str | None
    """The column header as written in the file; ``None`` when not about one column."""
    value: str | None
    """The offending cell as written (truncated to 80 characters), or ``None``."""
    message: str
    """Plain-language explanation for the user."""

    def sort_key(self) -> tuple[str, int, str, str]:
        """Order issues by file, row, column and code for stable output."""
        return (self.file, self.row or 0, self.column or "", self.code)


class InputError(Exception):
    """A file that cannot be read at all (binary, empty, not a table, wrong kind of file).

    The message names the file and says how to fix it; the CLI prints it as one line
    and exits 2, the app shows it beside the upload.
    """

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        """The file's name as the user supplied it."""
        self.reason = reason
        """What is wrong and how to fix it, without the file name."""


def clip(value: object, limit: int = 80) -> str:
    """Return ``value`` as text short enough to quote in an issue."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
