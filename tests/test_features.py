"""TN features as recorded: short attacks, triggered or spontaneous, sides, background pain."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from tnprep.analysis.coverage import in_files
from tnprep.analysis.features import features, files_with_trigger_column, sides_seen
from tnprep.ingest.frames import attack_frame, day_frame
from tnprep.model import DateOrderSource, Diary, DiaryFile, DiaryShape
from tnprep.summary import Features

NAN = float("nan")

ATTACKS = attack_frame(
    {
        "start": ["2024-01-01 08:00"] * 6,
        "duration_s": [5, 120, 121, NAN, 600, 60],
        "side": ["right", "right", None, "right", "right", "right"],
        "division_v2": [True, True, False, False, True, False],
        "division_v3": [False, True, False, False, False, False],
        "triggers": [("eating",), (), ("none",), (), ("wind",), ()],
        "pain_type": ["paroxysmal", "paroxysmal", "continuous", None, None, "paroxysmal"],
        "file": ["asked.csv"] * 4 + ["not-asked.csv"] * 2,
    }
)
DAYS = day_frame(
    {
        "date": ["2024-01-01", "2024-01-02", "2024-01-02", "2024-01-03", "2024-01-04"],
        "background_pain": [0, 2, 4, NAN, 3],
    }
)


def test_features_by_hand() -> None:
    result = features(ATTACKS, DAYS, {"asked.csv"})
    assert result == Features(
        short_attacks=3,  # 5 s, 60 s and exactly 120 s
        with_duration=5,
        triggered=2,  # 'none' is not a trigger
        spontaneous=1,  # row 3 of asked.csv says 'none'; not-asked.csv never asked
        trigger_unknown=2,  # rows 2 and 4 of asked.csv left the trigger blank
        sides_seen=("right",),
        divisions_seen=("V2", "V3"),
        paroxysmal=3,
        continuous=1,
        background_pain_days=2,  # 2 January (highest 4) and 4 January (3)
        background_pain_recorded_days=3,
        background_pain_median=3.0,  # 0, 4, 3
    )
    assert result.unilateral is True


def test_no_trigger_column_means_no_spontaneous_attacks() -> None:
    result = features(ATTACKS, DAYS, frozenset())
    assert (result.spontaneous, result.trigger_unknown) == (0, 0)


def test_only_a_written_no_trigger_is_spontaneous() -> None:
    """A blank cell or 'unknown' does not say the attack came without a trigger."""
    written = [("Spontaneous",), ("no trigger",), ("None.",), ("unknown",), ("n/a",), ("-",)]
    written += [(), ()]
    attacks = attack_frame(
        {
            "start": ["2024-01-01 08:00"] * (len(written) + 1),
            "triggers": [*written, ("chewing", "none")],
            "file": ["asked.csv"] * (len(written) + 1),
        }
    )
    result = features(attacks, DAYS, {"asked.csv"})
    # unknown: 'unknown', 'n/a', '-' and the two blank cells
    assert (result.triggered, result.spontaneous, result.trigger_unknown) == (1, 3, 5)


def test_sides_seen_bilateral_and_unknown() -> None:
    attacks = attack_frame({"start": ["2024-01-01"] * 3, "side": ["left", "right", "left"]})
    assert features(attacks, day_frame(), ()).sides_seen == ("left", "right")
    assert features(attacks, day_frame(), ()).unilateral is False
    assert features(attack_frame(), day_frame(), ()).unilateral is None


def test_empty_rows() -> None:
    result = features(attack_frame(), day_frame(), ())
    assert (result.with_duration, result.background_pain_median) == (0, None)


def test_files_with_trigger_column_reads_the_mapping() -> None:
    def diary_file(name: str, mapping: tuple[tuple[str, str], ...], shape: DiaryShape) -> DiaryFile:
        return DiaryFile(
            name, shape, "generic table", "utf-8", ",", None, DateOrderSource.NOT_NEEDED,
            mapping, (), 0, 0, pd.DataFrame(),
        )  # fmt: skip

    files = (
        diary_file(
            "a.csv", (("Start", "start"), ("Trigger(s)", "triggers")), DiaryShape.ATTACK_LOG
        ),
        diary_file("b.csv", (("Start", "start"),), DiaryShape.ATTACK_LOG),
        diary_file("c.csv", (("Triggers", "triggers"),), DiaryShape.DAILY_LOG),
    )
    diary = Diary(files=files, attacks=attack_frame(), days=day_frame(), duplicates=0, issues=())
    assert files_with_trigger_column(diary) == frozenset({"a.csv"})


_SIDES = st.lists(st.sampled_from(["left", "right", "both", "middle", "Left", None]), max_size=20)


@given(_SIDES)
def test_sides_seen_are_the_distinct_sides_sorted(sides: list[str | None]) -> None:
    column = pd.Series(sides, dtype="string")
    assert sides_seen(column) == tuple(sorted(str(side) for side in column.dropna().unique()))


@given(
    st.lists(st.sampled_from(["a.csv", "b.csv", "c.csv", "d", "e", "f", None]), max_size=20),
    st.sets(st.sampled_from(["a.csv", "b.csv", "c.csv", "d", "e", "f", "g"])),
)
def test_in_files_as_isin_gives_it(files: list[str | None], names: set[str]) -> None:
    column = pd.Series(files, dtype="string")
    expected = column.isin(list(names)).fillna(False).astype(bool).tolist()
    assert in_files(column, names).tolist() == expected


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["2024-01-01", "2024-01-02", "2024-01-05", None]),
            st.sampled_from([0.0, 0.5, 2.0, 4.0, 10.0, NAN]),
        ),
        max_size=12,
    )
)
def test_background_pain_as_grouping_by_day_gives_it(rows: list[tuple[str | None, float]]) -> None:
    days = day_frame(
        {"date": [row[0] for row in rows], "background_pain": [row[1] for row in rows]}
    )
    known = days.dropna(subset=["background_pain"])
    by_day = known.groupby("date")["background_pain"].max()  # the pandas recipe
    result = features(attack_frame(), days, ())
    assert result.background_pain_days == int((by_day > 0).sum())
    assert result.background_pain_recorded_days == len(by_day)
    expected = None if by_day.empty else float(by_day.median())
    assert repr(result.background_pain_median) == repr(expected)
