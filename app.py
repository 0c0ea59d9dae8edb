"""tnprep's Streamlit app: upload, see, correct, complete, preview and download the page.

Streamlit only: widgets, cached wrappers and output. Reading, analysis, charts, the page and the
table conversions live in ``tnprep`` (no Streamlit there). Privacy rules followed here:

- nothing is written to disk; uploads stay in this session's memory;
- caches are keyed on the upload bytes and scoped to the session (``scope="session"``), so one
  person's result can never be served to another; there is no module-level mutable state;
- text a user supplied (file names, notes, answers, questions) is never rendered as Markdown or
  HTML: it is shown with ``st.text``, in tables, or as widget values;
- a file that cannot be read gives a plain message beside the upload, never a traceback.

Edits flow at once: the editing tabs are filled first (Streamlit lets a script fill tabs in any
order), then the summary is computed from the edited values, then the figures, charts and page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from tnprep import charts, editing
from tnprep.analysis.discussion import describe
from tnprep.catalogue import entries
from tnprep.ingest.answer_values import SCORE_WORDS
from tnprep.ingest.columns import FIELDS, match_columns
from tnprep.ingest.diary import combine_diaries, read_diary
from tnprep.ingest.fhir import GAD7, PHQ9, Panel
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import InputError, Issue
from tnprep.model import Answers, DateOrder, DiaryFile, Loaded, PatientData, Treatment
from tnprep.pipeline import summarise_patient
from tnprep.report import build_page
from tnprep.report.wording import duration_text, number_text
from tnprep.summary import Summary
from tnprep.summary_json import dumps

Source = tuple[str, bytes]

SAMPLE_FOLDER = Path(__file__).resolve().parent / "sample_data"
SAMPLE_DIARIES = ("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv")
SAMPLE_TREATMENTS = "treatments.csv"
SAMPLE_QUESTIONNAIRES = ("questionnaire.csv", "phq9_fhir.json")
TABLE_TYPES = ["csv", "tsv", "txt", "xlsx"]
QUESTIONNAIRE_TYPES = ["csv", "tsv", "txt", "json", "xlsx"]
DATE_ORDERS = {
    "Decide from the data": None,
    "Day first (03/04 = 3 April)": DateOrder.DAY_FIRST,
    "Month first (03/04 = 4 March)": DateOrder.MONTH_FIRST,
}
TAB_NAMES = ["Overview", "Treatments", "Questionnaire", "Questions", "Data issues", "Report"]
CARE_MESSAGE = (
    "You answered that, over the last two weeks, you have had thoughts that you would be better "
    "off dead or of hurting yourself. You are not alone with this. Please tell your clinician "
    "about it; you do not have to wait for your visit. If you are in danger now, contact your "
    "local emergency services now."
)
# Standard stem of both questionnaires (PHQ-9: Kroenke, Spitzer & Williams 2001; GAD-7: Spitzer
# et al. 2006); the item wording is tnprep.ingest.fhir's, checked against LOINC 44249-1 / 69737-5.
SCALE_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
# BNI pain intensity and facial numbness scores: Rogers et al. 2000, Int J Radiat Oncol Biol
# Phys 47:1013–1019 (the wording of the scale, shortened).
BNI_PAIN = {
    "I": "I — no pain, no medication",
    "II": "II — occasional pain, no medication needed",
    "III": "III — some pain, controlled with medication",
    "IIIa": "IIIa — no pain, continued medication",
    "IIIb": "IIIb — persistent pain, controlled with medication",
    "IV": "IV — some pain, not adequately controlled with medication",
    "V": "V — severe pain, or no pain relief",
}
BNI_NUMBNESS = {
    "I": "I — no facial numbness",
    "II": "II — mild facial numbness, not bothersome",
    "III": "III — facial numbness, somewhat bothersome",
    "IV": "IV — facial numbness, very bothersome",
}
SIDES = ("left", "right", "both")
SCORE_TEXT = {points: f"{word.capitalize()} ({points})" for word, points in SCORE_WORDS.items()}
"""The standard answer words of PHQ-9 and GAD-7 items with their points: 'Several days (1)'."""


@dataclass(frozen=True)
class Choices:
    """What the sidebar asks: the files, the period, the paper and the date order."""

    diaries: tuple[Source, ...]
    treatments: tuple[Source, ...]
    questionnaires: tuple[Source, ...]
    since: dt.date | None
    paper: str
    date_order: DateOrder | None


# ---------------------------------------------------------------------------
# Cached readers: keyed on the bytes, one cache per session
# ---------------------------------------------------------------------------


@st.cache_data(scope="session", show_spinner=False, max_entries=64)
def cached_diary(
    data: bytes, name: str, mapping: tuple[tuple[str, str], ...], order: str | None
) -> DiaryFile:
    """Read one diary file (raises ``InputError``; exceptions are not cached)."""
    return read_diary(
        data, name, mapping=dict(mapping), date_order=None if order is None else DateOrder(order)
    )


@st.cache_data(scope="session", show_spinner=False, max_entries=16)
def cached_treatments(data: bytes, name: str, order: str | None) -> Loaded[Treatment]:
    """Read a treatment history file."""
    return read_treatments(data, name, None if order is None else DateOrder(order))


@st.cache_data(scope="session", show_spinner=False, max_entries=16)
def cached_questionnaires(files: tuple[Source, ...]) -> Loaded[Answers]:
    """Read and merge the questionnaire files."""
    return read_questionnaires(list(files))


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def cached_page(summary_text: str, paper: str, _summary: Summary) -> bytes:
    """Build the page; keyed on the summary's full ``repr`` (``_summary`` is not hashed)."""
    return build_page(_summary, paper)


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def cached_preview(pdf: bytes) -> bytes | None:
    """Render the page to PNG in memory, or ``None`` when no renderer is installed."""
    try:
        import pypdfium2  # noqa: PLC0415 - optional: only the preview needs it
    except ImportError:
        return None
    import io  # noqa: PLC0415

    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=1.4).to_pil()
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def digest(*parts: bytes | str) -> str:
    """A short fingerprint of files or settings, to key widgets to the data that filled them."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode() if isinstance(part, str) else part)
        hasher.update(b"\x00")
    return hasher.hexdigest()[:16]


def sources_digest(sources: Sequence[Source], *extra: str) -> str:
    """Fingerprint of (name, bytes) pairs."""
    return digest(*[part for name, data in sources for part in (name, data)], *extra)


# ---------------------------------------------------------------------------
# Sidebar
# ---------------------------------------------------------------------------


def sidebar() -> Choices:
    """Ask for the files and settings; the sample data fill in when nothing is uploaded."""
    bar = st.sidebar
    bar.header("Your files")
    diaries = _uploads(bar.file_uploader(
        "Diaries (CSV, TSV or Excel)", type=TABLE_TYPES, accept_multiple_files=True, key="diaries"
    ))  # fmt: skip
    treatments = _uploads(bar.file_uploader(
        "Treatment history (CSV or Excel)", type=TABLE_TYPES, key="treatments"
    ))  # fmt: skip
    questionnaires = _uploads(bar.file_uploader(
        "Questionnaires (CSV, JSON, FHIR or Excel)", type=QUESTIONNAIRE_TYPES,
        accept_multiple_files=True, key="questionnaires",
    ))  # fmt: skip
    uploaded = bool(diaries or treatments or questionnaires)
    # No key: the switch's default follows the uploads (on when nothing is uploaded).
    if bar.toggle("Try it with sample data", value=not uploaded, help=_SAMPLE_HELP):
        diaries, treatments, questionnaires = _sample_files()
    bar.header("Period and page")
    since = bar.date_input(
        "Since my last visit", value=None, format="YYYY-MM-DD", key="since",
        help="The period starts on this day. Leave it empty to use every recorded day.",
    )  # fmt: skip
    paper = bar.radio("Paper size", ["A4", "Letter"], horizontal=True, key="paper")
    order = bar.radio("Dates like 03/04/2026", list(DATE_ORDERS), key="date_order")
    return Choices(
        diaries, treatments, questionnaires, _one_date(since), paper.lower(), DATE_ORDERS[order]
    )


_SAMPLE_HELP = (
    "Shows the invented patient in sample_data/ (synthetic data). Turned off when you upload "
    "your own files; while it is on, uploads are not used."
)


def _uploads(value: object) -> tuple[Source, ...]:
    files = value if isinstance(value, list) else [] if value is None else [value]
    return tuple((upload.name, upload.getvalue()) for upload in files)


def _one_date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _sample_files() -> tuple[tuple[Source, ...], tuple[Source, ...], tuple[Source, ...]]:
    def read(name: str) -> Source:
        return name, (SAMPLE_FOLDER / name).read_bytes()

    return (
        tuple(read(name) for name in SAMPLE_DIARIES),
        (read(SAMPLE_TREATMENTS),),
        tuple(read(name) for name in SAMPLE_QUESTIONNAIRES),
    )


# ---------------------------------------------------------------------------
# Reading, with plain messages for files that cannot be read
# ---------------------------------------------------------------------------


def show_problem(title: str, detail: str) -> None:
    """A fixed error title plus the detail as plain text (it holds file names and headers)."""
    st.error(title)
    st.text(detail)


def read_problem(name: str, error: Exception) -> str:
    """What to show for a file that could not be read at all."""
    if isinstance(error, InputError):
        return str(error)
    return f"{name}: could not be read ({type(error).__name__}). Save it as CSV UTF-8 and retry."


def load_diaries(
    choices: Choices,
) -> tuple[list[DiaryFile], dict[str, tuple[tuple[str, str], ...]]]:
    """Read each diary with its remembered column mapping; offer a mapping where one is needed."""
    order = None if choices.date_order is None else choices.date_order.value
    files: list[DiaryFile] = []
    used: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, data in choices.diaries:
        file_key = digest(name, data)
        mapping = remembered_mapping(file_key)
        try:
            diary_file: DiaryFile | None = cached_diary(data, name, mapping, order)
        except Exception as error:  # any unreadable upload: a message, never a traceback
            diary_file = None
            show_problem("A diary file could not be read; the other files are still used.",
                         read_problem(name, error))  # fmt: skip
        if diary_file is not None:
            files.append(diary_file)
            used[name] = mapping
        if needs_mapping(diary_file, mapping):
            mapping_panel(name, data, file_key, diary_file is None)
    return files, {name: pairs for name, pairs in used.items() if pairs}


def remembered_mapping(file_key: str) -> tuple[tuple[str, str], ...]:
    """The mapping the user chose for this file earlier in the session (empty if none)."""
    mappings: dict[str, tuple[tuple[str, str], ...]] = st.session_state.setdefault("mappings", {})
    return mappings.get(file_key, ())


def needs_mapping(diary_file: DiaryFile | None, mapping: Sequence[tuple[str, str]]) -> bool:
    """A file that failed, has unmatched columns, or was mapped by hand gets the mapping panel."""
    if diary_file is None or mapping:
        return True
    return diary_file.source_format == "generic table" and bool(diary_file.ignored_columns)


def mapping_panel(name: str, data: bytes, file_key: str, failed: bool) -> None:
    """Let the user pick the field of each header; the choice is remembered for this file."""
    try:
        headers = editing.diary_headers(data, name)
    except Exception:  # not a table: the read error above says so
        return
    remembered = dict(remembered_mapping(file_key))
    automatic = {
        headers[position]: field for position, field in match_columns(headers).fields.items()
    }
    shown = editing.mapping_choices(headers, automatic, remembered)
    title = "Match the columns of a diary file" if failed else "Some diary columns were not used"
    with st.expander(title, expanded=failed):
        st.text(f"{name}: choose what each column holds ('{editing.NOT_USED}' leaves it out).")
        table = pd.DataFrame({"column": list(shown), "field": list(shown.values())})
        edited = st.data_editor(
            table, key=f"map-{file_key}-{digest(repr(sorted(remembered.items())))}",
            hide_index=True, disabled=["column"], width="stretch",
            column_config={"field": st.column_config.SelectboxColumn(
                "Field", options=[editing.NOT_USED, *FIELDS], required=True)},
        )  # fmt: skip
    chosen = editing.mapping_changes(
        dict(zip(edited["column"], edited["field"], strict=True)), automatic
    )
    if chosen != remembered_mapping(file_key):
        st.session_state["mappings"][file_key] = chosen
        st.rerun()


def load_treatments(choices: Choices) -> Loaded[Treatment]:
    """Read the treatment history (an empty one when none is given or it cannot be read)."""
    order = None if choices.date_order is None else choices.date_order.value
    records: list[Treatment] = []
    issues: list[Issue] = []
    for name, data in choices.treatments:
        try:
            loaded = cached_treatments(data, name, order)
        except Exception as error:  # a message, never a traceback
            show_problem("The treatment history could not be read.", read_problem(name, error))
            continue
        records.extend(loaded.records)
        issues.extend(loaded.issues)
    return Loaded(tuple(records), tuple(issues))


def load_answers(choices: Choices) -> Loaded[Answers]:
    """Read the questionnaires, leaving out (with a message) any file that cannot be read."""
    readable = []
    for source in choices.questionnaires:
        try:
            cached_questionnaires((source,))
        except Exception as error:  # a message, never a traceback
            show_problem("A questionnaire could not be read; the others are still used.",
                         read_problem(source[0], error))  # fmt: skip
            continue
        readable.append(source)
    return cached_questionnaires(tuple(readable))


# ---------------------------------------------------------------------------
# Editing tabs
# ---------------------------------------------------------------------------


def treatments_tab(loaded: Loaded[Treatment], key: str) -> Loaded[Treatment]:
    """The history in an editable table; returns the treatments as edited, with their issues."""
    st.text("Add, change or remove rows. Dates may be 2019, 2019-03, March 2019 or 2019-03-14.")
    original = editing.treatment_table(loaded.records)
    edited = st.data_editor(
        original, key=f"treatments-{key}", num_rows="dynamic", hide_index=True, width="stretch",
        column_config=_TREATMENT_COLUMNS,
    )  # fmt: skip
    st.download_button(
        "Download the treatment history (CSV)", editing.treatments_csv(edited),
        file_name="treatments.csv", mime="text/csv", on_click="ignore",
    )  # fmt: skip
    with st.expander("Treatments tnprep knows (names, brands, category)"):
        catalogue = [
            (entry.name, entry.category.value, ", ".join(entry.aliases)) for entry in entries()
        ]
        st.dataframe(
            pd.DataFrame(catalogue, columns=["name", "category", "also written"]), hide_index=True
        )
    if editing.same_table(edited, original):
        return loaded
    return editing.treatments_from_table(edited)


_TREATMENT_COLUMNS = {
    "treatment": st.column_config.TextColumn("Treatment", required=True),
    "category": st.column_config.SelectboxColumn(
        "Category", options=list(editing.CATEGORY_CHOICES),
        help="Empty: taken from tnprep's list of TN treatments.",
    ),
    "start": st.column_config.TextColumn("Start"),
    "end": st.column_config.TextColumn("End", help="Empty = ongoing."),
    "dose": st.column_config.TextColumn("Dose", help="As said: 200 mg three times daily."),
    "response": st.column_config.TextColumn("Response", help="none, partial, good, complete, 40%"),
    "stopped_because": st.column_config.TextColumn("Stopped because"),
    "side_effects": st.column_config.TextColumn("Side effects"),
    "notes": st.column_config.TextColumn("Notes"),
}  # fmt: skip


def questionnaire_tab(base: Answers, key: str) -> Answers:
    """The intake form, filled from the uploads; returns the answers as edited."""
    st.subheader("About you")
    answers = _details(base, key)
    st.subheader("Pain and numbness (BNI scores)")
    answers = _bni(answers, key)
    answers = dataclasses.replace(
        answers, phq9=_scale(PHQ9, base.phq9, key), gad7=_scale(GAD7, base.gad7, key)
    )
    st.subheader("Impact, goals and interests")
    answers = _impact(answers, key)
    if base.other:
        st.text("Other answers from your files (kept as they are):")
        st.dataframe(pd.DataFrame(list(base.other), columns=["item", "answer"]), hide_index=True)
    _answer_downloads(answers)
    return answers


def _details(base: Answers, key: str) -> Answers:
    left, right = st.columns(2)
    name = left.text_input("Name", value=base.name or "", key=f"{key}-name")
    birth = right.date_input(
        "Date of birth", value=base.date_of_birth, min_value=dt.date(1900, 1, 1),
        max_value=dt.date.today(), format="YYYY-MM-DD", key=f"{key}-birth",
    )  # fmt: skip
    visit = left.date_input(
        "Visit date", value=base.visit_date, min_value=dt.date(2000, 1, 1),
        max_value=dt.date(2100, 12, 31), format="YYYY-MM-DD", key=f"{key}-visit",
    )  # fmt: skip
    clinician = right.text_input("Clinician", value=base.clinician or "", key=f"{key}-clinician")
    diagnosis = left.text_input(
        "Diagnosis (as told to you)", value=base.diagnosis or "", key=f"{key}-diagnosis"
    )
    onset = right.text_input("When it began", value=base.onset or "", key=f"{key}-onset")
    sides = [None, *SIDES, *([base.side] if base.side and base.side not in SIDES else [])]
    side = left.selectbox(
        "Side", sides, index=sides.index(base.side), key=f"{key}-side", format_func=_or_blank
    )
    divisions = right.multiselect(
        "Divisions", ["V1", "V2", "V3"], default=list(base.divisions), key=f"{key}-divisions"
    )
    return dataclasses.replace(
        base, name=editing.optional_text(name), date_of_birth=_one_date(birth),
        visit_date=_one_date(visit), clinician=editing.optional_text(clinician),
        diagnosis=editing.optional_text(diagnosis), onset=editing.optional_text(onset),
        side=side, divisions=tuple(divisions),
    )  # fmt: skip


def _or_blank(value: str | None) -> str:
    return "(not answered)" if value is None else value


def _bni(answers: Answers, key: str) -> Answers:
    pain = _choice("BNI pain intensity", BNI_PAIN, answers.bni_pain, f"{key}-bni-pain")
    numbness = _choice(
        "BNI facial numbness", BNI_NUMBNESS, answers.bni_numbness, f"{key}-bni-numbness"
    )
    return dataclasses.replace(answers, bni_pain=pain, bni_numbness=numbness)


def _choice(label: str, words: dict[str, str], value: str | None, key: str) -> str | None:
    options: list[str | None] = [None, *words]
    return st.selectbox(
        label, options, index=options.index(value) if value in options else 0, key=key,
        format_func=lambda option: "(not answered)" if option is None else words[option],
    )  # fmt: skip


def _scale(panel: Panel, values: tuple[int | None, ...], key: str) -> tuple[int | None, ...]:
    st.subheader("PHQ-9" if panel is PHQ9 else "GAD-7")
    st.text(SCALE_STEM)
    options: list[int | None] = [None, 0, 1, 2, 3]
    chosen = []
    for number, ((_, text), value) in enumerate(zip(panel.items, values, strict=True), start=1):
        chosen.append(st.selectbox(
            f"{number}. {text}", options, index=options.index(value),
            key=f"{key}-{panel.key}-{number}",
            format_func=lambda points: _or_blank(None if points is None else SCORE_TEXT[points]),
        ))  # fmt: skip
    return tuple(chosen)


def _impact(answers: Answers, key: str) -> Answers:
    def area(label: str, value: str | None, name: str) -> str | None:
        return editing.optional_text(
            st.text_area(label, value=value or "", key=f"{key}-{name}", height=80)
        )

    return dataclasses.replace(
        answers,
        impact_eating=area("Impact on eating", answers.impact_eating, "eating"),
        impact_sleep=area("Impact on sleep", answers.impact_sleep, "sleep"),
        impact_work=area("Impact on work", answers.impact_work, "work"),
        goals=area("Your goals for the visit", answers.goals, "goals"),
        interested_in=editing.text_lines(st.text_area(
            "Options you would like to talk about (one per line, e.g. surgery, clinical trials)",
            value="\n".join(answers.interested_in), key=f"{key}-interests", height=100,
        )),
    )  # fmt: skip


def _answer_downloads(answers: Answers) -> None:
    left, middle, right = st.columns(3)
    left.download_button(
        "Download the answers (CSV)", editing.answers_csv(answers),
        file_name="questionnaire.csv", mime="text/csv", on_click="ignore",
    )  # fmt: skip
    for column, panel in ((middle, PHQ9), (right, GAD7)):
        column.download_button(
            f"Download {'PHQ-9' if panel is PHQ9 else 'GAD-7'} (FHIR JSON)",
            editing.answers_fhir_json(answers, panel.key), file_name=f"{panel.key}_fhir.json",
            mime="application/fhir+json", on_click="ignore",
        )  # fmt: skip


def questions_tab(
    questions: Sequence[str], key: str
) -> tuple[tuple[str, ...], st.delta_generator.DeltaGenerator]:
    """The questions, editable and re-orderable; returns them and the box for discussion points."""
    left, right = st.columns(2)
    with left:
        st.text("Your questions. Change 'Order' to move one up or down; add rows at the bottom.")
        edited = st.data_editor(
            editing.question_table(questions), key=f"questions-{key}", num_rows="dynamic",
            hide_index=True, width="stretch",
            column_config={
                "order": st.column_config.NumberColumn("Order", min_value=1, step=1),
                "question": st.column_config.TextColumn("Question", width="large"),
            },
        )  # fmt: skip
    right.text("Points for discussion (from your data, for the clinician):")
    return editing.questions_from_table(edited), right.container()


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


def overview_tab(summary: Summary) -> None:
    """The at-a-glance figures and the charts."""
    patient = summary.patient
    st.text(
        f"{patient.name or 'Patient'} · period {_period_text(summary)} · data are patient-reported"
    )
    _metrics(summary)
    for chart in charts.overview_charts(summary):
        # The alt text is the chart's Vega-Lite description (its accessible name).
        st.altair_chart(chart.chart, width="stretch")


def _period_text(summary: Summary) -> str:
    period = summary.period
    if period.start is None or period.end is None:
        return "no diary days"
    return f"{period.start} to {period.end}, {period.days_recorded} of {period.days} days recorded"


def _metrics(summary: Summary) -> None:
    attacks, trend, scores = summary.attacks, summary.attacks.trend, summary.scores
    change = trend.change_percent
    delta = None if change is None else f"{change:+d} % vs previous {trend.window_days} days"
    first, second = st.columns(4), st.columns(4)
    first[0].metric("Attacks", attacks.total)
    first[1].metric(
        "Per recorded day", number_text(attacks.per_recorded_day), delta, delta_color="inverse"
    )
    first[2].metric("Recorded days", f"{summary.period.days_recorded} of {summary.period.days}")
    first[3].metric("Attack-free days", attacks.attack_free_days)
    second[0].metric(
        "Most in a day", number_text(attacks.max_per_day), help=f"on {attacks.max_day}"
    )
    second[1].metric(
        "Pain median / worst",
        f"{number_text(attacks.intensity_median)} / {number_text(attacks.intensity_max)}",
    )
    second[2].metric("Median duration", duration_text(attacks.duration_median_s))
    second[3].metric("PHQ-9 / GAD-7", f"{_score(scores.phq9)} / {_score(scores.gad7)}")


def _score(score: object) -> str:
    total = getattr(score, "score", None)
    return "–" if total is None else str(total)


def issues_tab(summary: Summary, files: Sequence[DiaryFile]) -> None:
    """Every issue, the accounting line, the files as read and the assumptions made."""
    account = summary.input
    st.text(
        f"Rows read {account.rows_read} = used {account.rows_used} + rejected "
        f"{account.rows_rejected} + duplicates {account.duplicates}"
    )
    issues = pd.DataFrame(
        [(issue.file, issue.row, issue.column, issue.value, issue.severity.value, issue.code,
          issue.message) for issue in account.issues],
        columns=["file", "row", "column", "value", "severity", "code", "message"],
    )  # fmt: skip
    issues["row"] = issues["row"].astype("Int64")
    st.dataframe(issues, hide_index=True, width="stretch")
    st.subheader("How each diary was read")
    st.dataframe(_files_table(files), hide_index=True, width="stretch")
    st.subheader("Assumptions")
    for line in summary.assumptions or ("None: every date order was decided from the data.",):
        st.text(line)


def _files_table(files: Sequence[DiaryFile]) -> pd.DataFrame:
    rows = [
        (item.file, item.shape.value, item.source_format, item.encoding, repr(item.delimiter),
         _order_text(item),
         item.rows_read, item.rows_rejected,
         "; ".join(f"{header} → {field}" for header, field in item.mapping),
         "; ".join(item.ignored_columns))
        for item in files
    ]  # fmt: skip
    columns = ["file", "shape", "format", "encoding", "delimiter", "date order", "rows read",
               "rejected", "columns used", "columns not used"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _order_text(item: DiaryFile) -> str:
    if item.date_order is None:
        return "–"
    return f"{item.date_order.value} ({item.date_order_source.value})"


def report_tab(summary: Summary, paper: str) -> None:
    """A preview of the page, the PDF and the summary JSON."""
    pdf = cached_page(repr(summary), paper, summary)
    json_text = dumps(summary)
    left, right = st.columns(2)
    left.download_button("Download the page (PDF)", pdf, file_name="tnprep-report.pdf",
                         mime="application/pdf", on_click="ignore", type="primary")  # fmt: skip
    right.download_button("Download the summary (JSON)", json_text, file_name="tnprep-summary.json",
                          mime="application/json", on_click="ignore")  # fmt: skip
    preview = cached_preview(pdf)
    if preview is None:
        st.text("No preview here (install pypdfium2 to see one); the PDF download works.")
    else:
        st.image(preview, alt="Preview of the one-page report for the clinician", width="stretch")
    with st.expander("Summary JSON"):
        st.code(json_text, language="json")


def care_message(summary: Summary, box: st.delta_generator.DeltaGenerator) -> None:
    """A calm message when PHQ-9 item 9 is above 0 (the page always flags it for the clinician)."""
    phq9 = summary.scores.phq9
    if phq9 is not None and phq9.item9 is not None and phq9.item9 > 0:
        box.info(CARE_MESSAGE)


# ---------------------------------------------------------------------------
# The recipe
# ---------------------------------------------------------------------------


def main() -> None:
    """One run of the app: sidebar, files, editing tabs, then figures, charts and page."""
    st.set_page_config(page_title="tnprep", layout="wide")
    st.title("tnprep — one page for your neurologist")
    choices = sidebar()
    care_box = st.container()
    diary_files, mappings = load_diaries(choices)
    treatments = load_treatments(choices)
    answers = load_answers(choices)
    tabs = dict(zip(TAB_NAMES, st.tabs(TAB_NAMES), strict=True))
    with tabs["Treatments"]:
        treatments = treatments_tab(
            treatments, sources_digest(choices.treatments, str(choices.date_order))
        )
    answer_key = sources_digest(choices.questionnaires)
    with tabs["Questionnaire"]:
        edited = questionnaire_tab(answers.records[0], answer_key)
    with tabs["Questions"]:
        questions, points_box = questions_tab(edited.questions, answer_key)
    data = PatientData(
        diary=combine_diaries(diary_files), treatments=treatments.records,
        answers=dataclasses.replace(edited, questions=questions),
        issues=(*treatments.issues, *answers.issues),
    )  # fmt: skip
    summary = summarise_patient(data, start=choices.since, end=None, today=dt.date.today())
    summary = dataclasses.replace(
        summary,
        assumptions=(*summary.assumptions, *editing.mapping_assumptions(diary_files, mappings)),
    )
    care_message(summary, care_box)
    for finding in summary.findings:
        points_box.text(f"• {describe(finding)}")
    with tabs["Overview"]:
        overview_tab(summary)
    with tabs["Data issues"]:
        issues_tab(summary, diary_files)
    with tabs["Report"]:
        report_tab(summary, choices.paper)


main()
