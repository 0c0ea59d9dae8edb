"""The Data issues table's cells are Markdown-escaped so user text shows as typed (session 5)."""

from __future__ import annotations

import re

import pytest

from tnprep.app.data_issues import plain_cell


@pytest.mark.parametrize(
    "text",
    ["![x](http://tracker.invalid/p.png)", "**bold** <b>b</b>", ":red[x] $x$", "a\\b `c`"],
)
def test_every_markdown_character_is_escaped(text: str) -> None:
    escaped = plain_cell(text).replace("\u2060", "")
    # each ASCII punctuation character comes after a backslash of its own
    assert re.fullmatch(r"(?:\\[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~])*", escaped), escaped
    assert re.sub(r"\\(.)", r"\1", escaped) == text


def test_links_are_split_where_they_would_start_and_plain_words_untouched() -> None:
    assert plain_cell("see http://x.org") == "see http\\:\u2060\\/\\/x\\.org"
    assert plain_cell("www.x.org a@b.org") == "www\u2060\\.x\\.org a\u2060\\@b\\.org"
    assert plain_cell("Row not used 12") == "Row not used 12"
