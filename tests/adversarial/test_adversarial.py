"""The adversarial corpus: each hostile input and its expected outcome (README.md has the table).

Small files live in ``files/``; big ones (a 100 MB line, a 50 MB file, zip bombs) are built here
at test time in memory or in ``tmp_path``, never committed. Outcomes are either "refused with an
``InputError`` whose message names the problem" or "read, with the text kept literally".
Memory is bounded with ``tracemalloc`` (peak of allocations made during the call); no timings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tomllib
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdf
import pytest
from zip_bombs import billion_laughs_xlsx, lying_zip_bomb, xlsx_zip_bomb

from tnprep import editing
from tnprep.cli import main
from tnprep.cli.batch import index_csv, run_batch
from tnprep.csv_safety import write_csv
from tnprep.ingest.decode import MAX_FILE_BYTES, read_table
from tnprep.ingest.diary import read_diary
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import InputError
from tnprep.model import Answers
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page

FILES = Path(__file__).parent / "files"
README = Path(__file__).parent / "README.md"
MB = 1024 * 1024
FORMULAS = (
    '=HYPERLINK("http://example.invalid/?"&A1,"click")',
    "@SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "talking; =1+1",
    "a;=HYPERLINK(1)",
    "x\t@SUM(1)",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


@contextmanager
def peak_memory() -> Iterator[list[int]]:
    """Record the peak bytes allocated inside the block (``result[0]`` after it ends)."""
    result: list[int] = []
    tracemalloc.start()
    try:
        yield result
    finally:
        result.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


def read_as_diary(name: str, data: bytes) -> object:
    return read_diary(data, name)


def read_as_treatments(name: str, data: bytes) -> object:
    return read_treatments(data, name)


def read_as_questionnaire(name: str, data: bytes) -> object:
    return read_questionnaires([(name, data)])


READERS: dict[str, Callable[[str, bytes], object]] = {
    "diary": read_as_diary,
    "treatments": read_as_treatments,
    "questionnaire": read_as_questionnaire,
}


def page_text(pdf: bytes) -> str:
    """The page's text without whitespace (the layout may wrap anywhere)."""
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    return re.sub(r"\s+", "", pages[0].extract_text())


def assert_no_formula_cells(text: str) -> None:
    """No cell starts a formula, read with ',' or with ';' (continental Excel's separator)."""
    for delimiter in (",", ";"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                if cell.startswith(FORMULA_STARTS):
                    assert re.fullmatch(r"[+-]?\d+(\.\d+)?", cell), (delimiter, cell)


# ---------------------------------------------------------------------------
# The committed corpus
# ---------------------------------------------------------------------------

REFUSED = {
    "nul_bytes.csv": "contains NUL bytes",
    "utf16_no_bom.csv": "UTF-16 without a byte-order mark",
    "really_html.csv": "is a web page",
    "html_with_bom.csv": "is a web page",
    "saved_web_page.csv": "is a web page",
    "really_pdf.csv": "is a PDF",
    "billion_laughs.xml": "is a web page or XML",
}
"""File → the words its InputError must contain, whichever reader is given it."""
READ = {
    "markup_diary.csv": "diary",
    "markup_treatments.csv": "treatments",
    "markup_questionnaire.json": "questionnaire",
}
"""File → the reader that reads it."""


def test_every_corpus_file_has_an_outcome_in_the_readme() -> None:
    files = {path.name for path in FILES.iterdir()}
    assert files == set(REFUSED) | set(READ)
    table = README.read_text(encoding="utf-8")
    assert all(f"`{name}`" in table for name in files)


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(("name", "words"), sorted(REFUSED.items()))
def test_corpus_file_is_refused_naming_the_problem(name: str, words: str, reader: str) -> None:
    with pytest.raises(InputError) as refused:
        READERS[reader](name, (FILES / name).read_bytes())
    assert str(refused.value).startswith(f"{name}: ")
    assert words in refused.value.reason
    assert "CSV UTF-8" in refused.value.reason  # and says how to fix it


def test_utf16_without_bom_says_what_it_probably_is() -> None:
    with pytest.raises(InputError, match="UTF-16 without a byte-order mark"):
        read_diary((FILES / "utf16_no_bom.csv").read_bytes(), "utf16_no_bom.csv")


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("notes", ["<script>alert(1)</script>", "+cmd|' /C calc'!A0",
                   "<para><font size=1>tiny</font></para>", '<a href="javascript:alert(1)">x</a>']),
        ("rescue", ["<img src=/etc/passwd>", "@SUM(1+1)", "-2+3", "&lt;not an entity&gt; &amp;"]),
    ],
)  # fmt: skip
def test_markup_in_a_diary_is_read_literally(column: str, expected: list[str]) -> None:
    diary = read_diary((FILES / "markup_diary.csv").read_bytes(), "markup_diary.csv")
    assert diary.rows_read == 4 and diary.rows_rejected == 0
    assert diary.table[column].tolist() == expected


def markup_summary() -> object:
    sources = Sources(
        [("markup_diary.csv", (FILES / "markup_diary.csv").read_bytes())],
        [("markup_treatments.csv", (FILES / "markup_treatments.csv").read_bytes())],
        [("markup_questionnaire.json", (FILES / "markup_questionnaire.json").read_bytes())],
    )
    return summarise_patient(load_patient(sources), start=None, end=None, today=dt.date(2024, 4, 1))


PRINTED_LITERALLY = (
    "<img src=/etc/passwd>",  # the name: an <img> ReportLab would otherwise try to load
    "<b>Dr Markup</b>",
    "<script>alert('diagnosis')</script>",
    "<font size=1>2019</font>",
    "<u>eating</u> & <i>chewing</i>",
    "<b>carbamazepine</b>",
    "<i>side effects</i>",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "<img src=x onerror=alert(1)> question one?",
    "@SUM(1+1) question two?",
)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_markup_in_every_printed_field_prints_literally(paper: str) -> None:
    text = page_text(build_page(markup_summary(), paper=paper))  # type: ignore[arg-type]
    missing = [item for item in PRINTED_LITERALLY if re.sub(r"\s+", "", item) not in text]
    assert missing == []


# ---------------------------------------------------------------------------
# Spreadsheet formulas in every CSV tnprep writes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("formula", FORMULAS)
def test_write_csv_neutralises_formulas(formula: str) -> None:
    text = write_csv(["header", formula], [[formula, "plain", -3, 2.5], [None, formula]])
    assert_no_formula_cells(text)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1][2:] == ["-3", "2.5"]  # numbers stay numbers
    assert rows[1][0].replace("'", "") == formula.replace("'", "")  # nothing else changed


def test_batch_index_neutralises_formulas(tmp_path: Path) -> None:
    intake, out = tmp_path / "intake", tmp_path / "out"
    for number, formula in enumerate((*FORMULAS[:4], "a;=1+1")):
        folder = intake / f"{formula}{number}".replace("/", "_")  # folder names start a formula
        folder.mkdir(parents=True)
        folder.joinpath("diary.csv").write_text(f"{formula},x\n1,2\n", encoding="utf-8")
    folders = sorted(intake.iterdir())
    out.mkdir()
    results = run_batch(folders, out, jobs=1, paper="a4", today=dt.date(2024, 4, 1))
    assert not any(result.ok for result in results)
    text = index_csv(results)
    assert_no_formula_cells(text)
    assert "=HYPERLINK" in text  # the message quotes the header, neutralised, not dropped


def test_app_treatment_download_neutralises_formulas() -> None:
    loaded = read_treatments((FILES / "markup_treatments.csv").read_bytes(), "t.csv")
    table = editing.treatment_table(loaded.records)
    assert_no_formula_cells(editing.treatments_csv(table).decode("utf-8-sig"))


def test_app_answers_download_neutralises_formulas() -> None:
    answers = Answers(name='=HYPERLINK("http://example.invalid")', questions=("@SUM(1+1)",))
    assert_no_formula_cells(editing.answers_csv(answers).decode("utf-8-sig"))


# ---------------------------------------------------------------------------
# Size: the upload limit, a 50 MB file, a 100 MB line
# ---------------------------------------------------------------------------


def test_the_app_upload_limit_is_32_mb_and_the_reader_takes_what_the_app_takes() -> None:
    # 32 MB: a ten-year diary (benchmarks/generate.py "heavy") is 14.6 MB (issue 14, item 8).
    config = tomllib.loads((Path(__file__).parents[2] / ".streamlit/config.toml").read_text())
    assert config["server"]["maxUploadSize"] == 32
    assert MAX_FILE_BYTES >= 32 * MB


@pytest.mark.timeout(120)
def test_a_50_mb_file_is_refused_by_the_cli_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = b"2024-01-01 10:00,5,45 s,right,V2,chewing,some notes here\n"
    path = tmp_path / "huge.csv"
    path.write_bytes(
        b"start,intensity,duration,side,division,triggers,notes\n" + row * (50 * MB // len(row))
    )
    with peak_memory() as peak:
        status = main(["check", "--diary", str(path)])
    assert status == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert "huge.csv: is 50.0 MB; tnprep reads files up to 32 MB" in error
    assert peak[0] < 1.2 * path.stat().st_size  # the file's own bytes, nothing more


@pytest.mark.timeout(120)
def test_a_100_mb_line_is_refused_before_it_is_decoded() -> None:
    data = b"start,intensity\n2024-01-01 10:00,5," + b"x," * (50 * MB)
    with peak_memory() as peak, pytest.raises(InputError, match=r"is 100\.0 MB"):
        read_diary(data, "one line.csv")
    assert peak[0] < 1 * MB


@pytest.mark.timeout(120)
def test_a_long_line_under_the_file_limit_is_refused_within_four_times_its_size() -> None:
    data = b"start,intensity\n2024-01-01 10:00,5," + b"xy," * (7 * MB)
    with peak_memory() as peak, pytest.raises(InputError, match="has a line of 22,020,"):
        read_diary(data, "long line.csv")
    assert peak[0] < 4 * len(data)


def test_an_unclosed_quote_in_a_big_file_is_refused_naming_the_quote() -> None:
    row = b"2024-01-01 10:00,5,fine\n"
    data = b"start,intensity,notes\n" + row + b'2024-01-02 10:00,5,"bad day\n' + row * 8000
    with pytest.raises(InputError, match="quote mark"):
        read_diary(data, "quote.csv")


# ---------------------------------------------------------------------------
# Zip bombs and entity expansion
# ---------------------------------------------------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("bomb", "words"),
    [(xlsx_zip_bomb, "inflates to an implausible size"), (lying_zip_bomb, "Excel workbook")],
)
def test_an_xlsx_zip_bomb_is_refused_in_bounded_memory(
    bomb: Callable[[], bytes], words: str
) -> None:
    data = bomb()
    for reader in READERS.values():
        with peak_memory() as peak, pytest.raises(InputError, match=words):
            reader("bomb.xlsx", data)
        assert peak[0] < 64 * MB


@pytest.mark.timeout(120)
@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_billion_laughs_in_an_xlsx_is_refused_in_bounded_memory(member: str) -> None:
    data = billion_laughs_xlsx(member)
    with peak_memory() as peak, pytest.raises(InputError, match="Excel workbook"):
        read_table(data, "laughs.xlsx")
    assert peak[0] < 64 * MB


# ---------------------------------------------------------------------------
# Regressions: holes found while building this corpus, since fixed
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"date,time,intensity\n2024-03-01,08:00,5\n2263-01-01,08:00,6\n",
     b"start,intensity\n2024-03-01 08:00,5\n2263-01-01 08:00,6\n",
     b"date,attacks\n2024-03-01,5\n2263-01-01,6\n"],
)  # fmt: skip
def test_a_year_past_pandas_range_is_a_rejected_row(data: bytes) -> None:
    # Regression: the fuzzer found 2263-01-01 raising OutOfBoundsDatetime (fixed in dates.py).
    diary = read_diary(data, "future.csv")
    assert (diary.rows_read, diary.rows_rejected) == (2, 1)
    assert [(issue.row, issue.code) for issue in diary.issues] == [(3, "date-unreadable")]


def test_a_migraine_buddy_preamble_with_an_unclosed_quote_is_refused() -> None:
    # Regression: csv.Error used to escape from formats/migraine_buddy.py.
    row = b"2024-01-01,morning,fine\n"
    data = b"Date,Time Period,Description\n" + b'2024-01-02,x,"open\n' + row * 8000
    with pytest.raises(InputError, match="quote mark"):
        read_diary(data, "buddy.csv")
