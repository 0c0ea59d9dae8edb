"""Write tnprep's synthetic sample data into ``sample_data/`` or a folder given as argument.

Every value here is invented: "Alex Example" is not a person, and no row comes from a real
diary. The output is deterministic: each file has its own ``random.Random(seed)``, nothing
reads the clock, and running the script twice gives identical bytes
(``tests/test_sample_data.py`` checks the committed files against a fresh run).

Usage::

    python tools/make_sample_data.py [OUT_DIR]

What each file is for, and the figures the ingest must produce from it, is in
``sample_data/README.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

FIRST_DAY = dt.date(2026, 8, 1)
LAST_DAY = dt.date(2026, 10, 29)
OXCARBAZEPINE_START = dt.date(2026, 9, 10)
OXCARBAZEPINE_DOSE_UP = dt.date(2026, 9, 24)
BAD_DAYS = {dt.date(2026, 8, 8): 22, dt.date(2026, 8, 21): 25, dt.date(2026, 9, 2): 21}
"""Cluster days of 20+ attacks before the medication change."""
ATTACK_FREE_DAYS = (dt.date(2026, 10, 11), dt.date(2026, 10, 18), dt.date(2026, 10, 25))
CONTINUOUS_DAYS = (*BAD_DAYS, dt.date(2026, 8, 14), dt.date(2026, 9, 6))
"""Days whose last attack is a longer continuous ache rather than a paroxysm."""
DAY_NOTES = {
    dt.date(2026, 8, 8): "bad day, cold wind on the way to work",
    dt.date(2026, 8, 21): "dentist check-up, could hardly open my mouth afterwards",
    dt.date(2026, 9, 2): "terrible day, gave up on lunch",
    OXCARBAZEPINE_START: "started oxcarbazepine 300 mg twice a day",
    OXCARBAZEPINE_DOSE_UP: "oxcarbazepine up to 600 mg twice a day",
    dt.date(2026, 9, 27): "a bit dizzy in the morning",
    dt.date(2026, 10, 5): "better week, eating more normally",
}
"""Notes written on the first daytime attack of a day."""
DUPLICATE_COUNT = 14
"""Attack-log rows that Migraine Buddy also holds, to the minute, intensity and second."""
MIGRAINE_BUDDY_COUNT = 40

# Each window of the day: (first minute, last minute, weight, triggers that fit it).
# Weights make meals and waking hours common and nights rare, as TN diaries show.
DAY_WINDOWS = (
    (7 * 60, 8 * 60 + 30, 4, ("brushing teeth", "washing face", "chewing", "talking")),
    (12 * 60, 13 * 60 + 30, 5, ("chewing", "chewing; talking", "talking")),
    (18 * 60, 19 * 60 + 45, 5, ("chewing", "chewing; talking")),
    (9 * 60, 17 * 60, 4, ("cold wind", "talking", "touch", "")),
    (20 * 60, 22 * 60 + 30, 2, ("talking", "touch", "brushing teeth", "")),
    (2 * 60, 5 * 60, 0.4, ("",)),
)
PAROXYSM_SECONDS = (5, 10, 15, 20, 30, 40, 45, 60, 75, 90, 120)
PAROXYSM_WEIGHTS = (2, 4, 4, 5, 6, 4, 4, 6, 2, 3, 4)


@dataclass(frozen=True)
class Attack:
    """One invented attack, before it is written in any file's own style."""

    start: dt.datetime
    duration_s: int
    intensity: int
    division: str
    """'V2', 'V3' or 'V2/V3'."""
    triggers: str
    """As written in the attack log ('chewing; talking'), '' when spontaneous."""
    pain_type: str
    rescue: str = ""
    notes: str = ""
    duration_text: str = ""
    """The duration as the attack log writes it ('45s', '1:30', '2 min', …)."""


# ---------------------------------------------------------------------------
# The 90-day attack log
# ---------------------------------------------------------------------------


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return every day from ``first`` to ``last`` inclusive."""
    return [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]


def treatment_effect(day: dt.date) -> float:
    """Return 0 before oxcarbazepine, rising to 1 two weeks after it started."""
    elapsed = (day - OXCARBAZEPINE_START).days
    return min(max(elapsed / 14, 0.0), 1.0)


def daily_count(day: dt.date, rng: random.Random) -> int:
    """Return the number of attacks on ``day``: 6–9 before, 2–4 after the medication change."""
    if day in ATTACK_FREE_DAYS:
        return 0
    if day in BAD_DAYS:
        return BAD_DAYS[day]
    effect = treatment_effect(day)
    if effect == 0:
        return rng.randint(6, 9)
    if effect == 1:
        return rng.randint(2, 4)
    return max(2, round(7.5 - 4.5 * effect + rng.uniform(-1, 1)))


def intensity(day: dt.date, rng: random.Random) -> int:
    """Return a pain score: 5–9 before the medication change, 3–7 after, blended in between."""
    shift = round(2 * treatment_effect(day))
    return rng.choices((5, 6, 7, 8, 9), weights=(2, 3, 4, 3, 1))[0] - shift


def cluster_sizes(count: int, bad_day: bool, rng: random.Random) -> list[int]:
    """Split a day's attacks into bursts; bad days come in long bursts."""
    choices = (3, 4, 5, 6) if bad_day else (1, 1, 2, 2, 3, 4)
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(min(rng.choice(choices), count - sum(sizes)))
    return sizes


def duration_text(seconds: int, rng: random.Random) -> str:
    """Write a duration the way people type it: '45s', '30 sec', '1 min 30 s', '1:30', '2 min'."""
    minutes, rest = divmod(seconds, 60)
    if minutes == 0:
        return rng.choice((f"{seconds}s", f"{seconds} sec"))
    if rest == 0:
        return rng.choice((f"{minutes} min", f"{minutes}:00", f"{minutes} min"))
    return rng.choice((f"{minutes} min {rest} s", f"{minutes}:{rest:02d}"))


def burst(day: dt.date, size: int, used: set[int], rng: random.Random) -> list[Attack]:
    """Return one burst of attacks a few minutes apart, started in a typical window of the day."""
    first, last, _, triggers = rng.choices(DAY_WINDOWS, weights=[w[2] for w in DAY_WINDOWS])[0]
    minute = rng.randint(first, last)
    trigger = rng.choice(triggers)
    attacks = []
    for index in range(size):
        while minute in used:  # one attack per minute keeps the log free of exact duplicates
            minute += 1
        used.add(minute)
        seconds = rng.choices(PAROXYSM_SECONDS, weights=PAROXYSM_WEIGHTS)[0]
        attacks.append(
            Attack(
                start=dt.datetime.combine(day, dt.time(minute // 60, minute % 60)),
                duration_s=seconds,
                intensity=intensity(day, rng),
                division=rng.choices(("V2/V3", "V2", "V3"), weights=(5, 3, 2))[0],
                triggers=trigger if index == 0 or rng.random() < 0.7 else "",
                pain_type="paroxysmal",
                duration_text=duration_text(seconds, rng),
            )
        )
        minute += rng.randint(1, 6)
    return attacks


def with_rescue(attack: Attack, bad_day: bool, rng: random.Random) -> Attack:
    """Add a rescue treatment to some severe attacks, mostly on bad days."""
    chance = 0.35 if bad_day else 0.04
    if attack.intensity >= 8 and rng.random() < chance:
        return replace(attack, rescue=rng.choice(("lidocaine spray", "warm compress")))
    return attack


def as_continuous(attack: Attack, rng: random.Random) -> Attack:
    """Turn a day's last attack into the dull continuous ache some patients log after a burst."""
    minutes = rng.choice((20, 25, 40, 45))
    return replace(
        attack,
        duration_s=minutes * 60,
        duration_text=f"{minutes} min",
        pain_type="continuous",
        intensity=max(attack.intensity - 2, 5),
        triggers="",
        notes="dull ache after the attacks",
    )


def attacks_on(day: dt.date, rng: random.Random) -> list[Attack]:
    """Return the day's attacks in time order, with notes, rescues and continuous pain."""
    count = daily_count(day, rng)
    bad_day = day in BAD_DAYS
    used: set[int] = set()
    attacks = [
        a for size in cluster_sizes(count, bad_day, rng) for a in burst(day, size, used, rng)
    ]
    attacks = sorted((with_rescue(a, bad_day, rng) for a in attacks), key=lambda a: a.start)
    attacks = [replace(a, notes="woke me up") if a.start.hour < 6 else a for a in attacks]
    if attacks and day in CONTINUOUS_DAYS:
        attacks[-1] = as_continuous(attacks[-1], rng)
    daytime = [index for index, attack in enumerate(attacks) if attack.start.hour >= 6]
    if daytime and day in DAY_NOTES:
        attacks[daytime[0]] = replace(attacks[daytime[0]], notes=DAY_NOTES[day])
    return attacks


def attack_log() -> list[Attack]:
    """Return the 90-day attack log of the invented patient, in time order."""
    rng = random.Random(20260801)
    return [attack for day in days(FIRST_DAY, LAST_DAY) for attack in attacks_on(day, rng)]


def attack_log_csv(attacks: Sequence[Attack]) -> bytes:
    """Write the attack log like a spreadsheet export: ISO dates, our aliases, UTF-8."""
    header = ["Date", "Time", "Duration", "Pain (0-10)", "Side", "Location", "Trigger(s)"]
    rows = [[*header, "Type", "Rescue", "Notes"]]
    for attack in attacks:
        rows.append(
            [
                attack.start.date().isoformat(),
                attack.start.strftime("%H:%M"),
                attack.duration_text,
                str(attack.intensity),
                "Right",
                attack.division,
                attack.triggers,
                attack.pain_type,
                attack.rescue,
                attack.notes,
            ]
        )
    return csv_bytes(rows, line_end="\n")


# ---------------------------------------------------------------------------
# Paper daily log (cp1252, semicolons, decimal commas)
# ---------------------------------------------------------------------------

PAPER_FIRST_DAY = dt.date(2026, 7, 1)
PAPER_LAST_DAY = dt.date(2026, 8, 10)
PAPER_GAP = (dt.date(2026, 7, 13), dt.date(2026, 7, 19))
"""A week the paper diary was left at home: not transcribed, so a gap."""
PAPER_CONFLICT_DAY = dt.date(2026, 8, 6)
PAPER_CONFLICT_EXTRA = 3
"""On the conflict day the paper count is this much higher than the attack log's."""
PAPER_NOTES = {
    dt.date(2026, 7, 3): "lunch at the café, had to stop eating",
    dt.date(2026, 7, 9): "windy, only 9 °C in the morning",
    dt.date(2026, 7, 24): "very bad day; soup only",
    dt.date(2026, 8, 1): "started the phone app today",
    PAPER_CONFLICT_DAY: "counted on paper too",
}


def decimal_comma(value: float) -> str:
    """Write 6.5 as '6,5' and 7.0 as '7', as a European spreadsheet would."""
    return f"{value:g}".replace(".", ",")


def paper_row(
    day: dt.date, counts: Counter[dt.date], worst: dict[dt.date, int], rng: random.Random
) -> list[str]:
    """Return one transcribed paper line; overlap days copy the attack log, except the conflict."""
    if day in counts:
        attacks = counts[day] + (PAPER_CONFLICT_EXTRA if day == PAPER_CONFLICT_DAY else 0)
        worst_pain: str = str(worst[day])
    else:
        attacks = 18 if day == dt.date(2026, 7, 24) else rng.randint(5, 10)
        worst_pain = decimal_comma(rng.choice((6, 6.5, 7, 7.5, 8, 8.5, 9)))
    if day == dt.date(2026, 7, 28):
        worst_pain = ""  # not written down that day
    background = decimal_comma(rng.choice((0, 0.5, 1, 1.5, 2, 2.5, 3)))
    return [
        day.strftime("%d.%m.%Y"),
        str(attacks),
        worst_pain,
        background,
        PAPER_NOTES.get(day, ""),
    ]


def paper_diary_csv(attacks: Sequence[Attack]) -> bytes:
    """Write the paper diary transcription: semicolons, dd.mm.yyyy, decimal commas, cp1252, CRLF."""
    rng = random.Random(20260701)
    counts = Counter(a.start.date() for a in attacks)
    worst = {day: max(a.intensity for a in attacks if a.start.date() == day) for day in counts}
    rows = [["Datum", "Attacks", "Worst pain", "Background pain", "Notes"]]
    for day in days(PAPER_FIRST_DAY, PAPER_LAST_DAY):
        if not PAPER_GAP[0] <= day <= PAPER_GAP[1]:
            rows.append(paper_row(day, counts, worst, rng))
    return csv_bytes(rows, delimiter=";", line_end="\r\n", encoding="cp1252")


# ---------------------------------------------------------------------------
# Migraine Buddy export (October)
# ---------------------------------------------------------------------------

# The header exactly as the app writes it (one comma-joined line is easier to check by eye).
MIGRAINE_BUDDY_HEADER = (  # noqa: SIM905
    "#,Started,Lasted,Start UTC Offset (min),End UTC Offset (min),Geohash,Attack Types,"
    "Attack Location,Pain Level,Affected Activities,Potential Triggers,Symptoms,"
    "Most Bothersome Symptom,Premonitory Symptoms,Pain Positions,Helpful Medication,"
    "Somewhat Helpful Medication,Unhelpful Medication,Unsure Medication,"
    "Helpful Non Drug Relief Methods,Somewhat Helpful Non Drug Relief Methods,"
    "Unhelpful Non Drug Relief Methods,Unsure Non Drug Relief Methods,Notes"
).split(",")
MIGRAINE_BUDDY_PREAMBLE = (
    ("Date", "Time Period", "Description", "Notes"),
    ("No ongoing events recorded during this period.", "", "", ""),
    ("9/24/26", "Medication", "Oxcarbazepine 600 mg twice a day", "Dose increased"),
)
SUMMER_TIME_ENDS = dt.datetime(2026, 10, 25, 3, 0)
"""Central European Summer Time (UTC+120 min) ends; CET is UTC+60 min."""
PLACES = {"Home": "", "Work": "u0yjjd", "Outside": "u0yjjd", "In transit": "u0yjj1"}
"""Where an attack happened → the geohash Migraine Buddy stores (public Frankfurt landmarks;
home is left empty as a user without location access would have it)."""
PAIN_POSITIONS = {"V2": "Right Cheek", "V3": "Right Jaw", "V2/V3": "Right Jaw, Right Cheek"}
MULTILINE_NOTE = "Attack while eating dinner,\nhad to stop and wait"


def migraine_buddy_attacks(attacks: Sequence[Attack]) -> list[Attack]:
    """Return ~40 October attacks: copies of some attack-log rows plus attacks logged only here."""
    rng = random.Random(20261001)
    october = [a for a in attacks if a.start.month == 10]
    whole_minutes = [
        a for a in october if a.pain_type == "paroxysmal" and a.duration_s in (60, 120)
    ]
    copies = rng.sample(whole_minutes, DUPLICATE_COUNT)
    taken = {a.start for a in attacks}
    extra_days = sorted({a.start.date() for a in october})
    extra: list[Attack] = []
    while len(copies) + len(extra) < MIGRAINE_BUDDY_COUNT:
        candidate = buddy_only_attack(rng.choice(extra_days), rng)
        # Never the same minute as another row, so no duplicate arises by accident.
        if candidate.start not in taken:
            taken.add(candidate.start)
            extra.append(candidate)
    return sorted([*copies, *extra], key=lambda a: a.start)


def buddy_only_attack(day: dt.date, rng: random.Random) -> Attack:
    """Return an attack recorded in Migraine Buddy only (whole minutes, as the app stores them)."""
    first, last, _, triggers = rng.choices(
        DAY_WINDOWS[:5], weights=[w[2] for w in DAY_WINDOWS[:5]]
    )[0]
    minute = rng.randint(first, last)
    return Attack(
        start=dt.datetime.combine(day, dt.time(minute // 60, minute % 60)),
        duration_s=rng.choice((60, 60, 120, 180)),
        intensity=intensity(day, rng),
        division=rng.choices(("V2/V3", "V2", "V3"), weights=(5, 3, 2))[0],
        triggers=rng.choice(triggers),
        pain_type="paroxysmal",
    )


def buddy_list(triggers: str) -> str:
    """Write 'chewing; talking' as Migraine Buddy's 'Chewing, Talking'."""
    return ", ".join(part.strip().capitalize() for part in triggers.split(";") if part.strip())


def buddy_row(number: int, attack: Attack, rng: random.Random) -> list[str]:
    """Return one Migraine Buddy attack row (every field quoted on output, as the app does)."""
    start = attack.start
    offset = "120" if start < SUMMER_TIME_ENDS else "60"
    place = rng.choice(("Home", "Home", "Work", "Outside", "In transit"))
    hours, minutes = divmod(attack.duration_s // 60, 60)
    eating = any(word in attack.triggers for word in ("chewing", "talking"))
    rescue = rng.random() < 0.15
    return [
        str(number),
        f"{start.month}/{start.day}/{start:%y} {start.hour}:{start:%M}",
        f"{hours:02d}h {minutes:02d}m",
        offset,
        offset,
        PLACES[place],
        "Trigeminal neuralgia",
        place,
        str(attack.intensity),
        "Eating, Talking" if eating else "",
        buddy_list(attack.triggers),
        rng.choice(("Electric shock pain", "Electric shock pain, Stabbing pain")),
        "Electric shock pain",
        "Tingling" if rng.random() < 0.1 else "",
        PAIN_POSITIONS[attack.division],
        "",
        "Lidocaine spray" if rescue else "",
        "",
        "" if rescue else "No medication",
        "Warm compress" if rng.random() < 0.2 else "",
        "",
        "",
        "",
        "",
    ]


def migraine_buddy_csv(attacks: Sequence[Attack]) -> bytes:
    """Write the Migraine Buddy export: preamble table, blank line, attack table, all quoted."""
    rng = random.Random(20261002)
    rows = [
        buddy_row(number, a, rng) for number, a in enumerate(migraine_buddy_attacks(attacks), 1)
    ]
    rows[9][-1] = MULTILINE_NOTE
    preamble = csv_bytes(MIGRAINE_BUDDY_PREAMBLE, line_end="\n", quote_all=True)
    table = csv_bytes([MIGRAINE_BUDDY_HEADER, *rows], line_end="\n", quote_all=True)
    return preamble + b"\n" + table + b"\n"  # the app ends its export with a blank line


# ---------------------------------------------------------------------------
# Hand-written files: messy diary, ambiguous dates, treatments, questionnaires
# ---------------------------------------------------------------------------

MESSY_DIARY = """\
Date,Time,Duration (min),Pain,Side,Location,Triggers,Notes
01/06/2026,08:12,0.5,7,Right,V2,chewing,
01/06/2026,08:15,1,8,Right,V2/V3,chewing; talking,
32/13/2026,09:00,1,6,Right,V2,,
02/06/2026,07:40,0.5,6,RIGHT,V2,brushing teeth,
,12:30,1,7,Right,V3,chewing,forgot the date
02/06/2026,25:61,1,6,Right,V2,,
03/06/2026,10:05,0.5,11,Right,V2,touch,
03/06/2026,10:09,1,high,Right,V2,touch,

04/06/2026,13:20,-30s,6,Right,V3,chewing,
04/06/2026,13:24,forever,7,Right,V3,chewing,
05/06/2026,08:02,1,6,middle,V2,cold wind,
05/06/2026,08:30,0.5,5,Right,V4,cold wind,
,,,,,,,
06/06/2026,19:10,2,8,Right,V2/V3,chewing; talking,at the dinner table
06/06/2026,19:10,2,8,Right,V2/V3,chewing; talking,at the dinner table
07/06/2026,12:45,1,6,Right Jaw,V3,chewing,
08/06/2026,09:30,0.5,5,Right,V2,touch,"=HYPERLINK(""http://x"",""y"")"
09/06/2026,18:05,1,7,Right,V2,talking,<b>markup</b>
10/06/2026,11:11,0.5,6,right,V2,,
14/06/2026,07:55,1,7,Right,V2,brushing teeth,
11/06/2026,20:15,0.5,4,Right,V2,talking,
12/06/2026,12:20,1.5,6,Right,V2/V3,chewing,
13/06/2026,18:40,1,7,Right,V3,chewing; talking,
15/06/2026,08:05,0.5,5,Right,V2,cold wind,
"""
"""Row numbers as a spreadsheet shows them are documented in sample_data/README.md; keep in step."""

AMBIGUOUS_DATES = """\
Date,Time,Duration,Pain,Side,Location,Trigger(s)
01/05/2026,07:45,30s,6,Right,V2,brushing teeth
02/05/2026,12:40,1 min,7,Right,V2/V3,chewing
03/05/2026,18:55,45s,6,Right,V3,chewing
05/05/2026,09:10,20s,5,Right,V2,cold wind
06/05/2026,13:05,1:30,7,Right,V2/V3,chewing; talking
08/05/2026,19:20,40s,6,Right,V3,chewing
10/05/2026,07:30,15s,5,Right,V2,washing face
12/05/2026,12:15,2 min,8,Right,V2/V3,chewing
"""
"""Every slash date reads both ways (1–12 May, or 5 January – 5 December)."""

# The treatment history and questionnaire are written by hand, exactly as the files hold them.
TREATMENTS = (
    "treatment,category,start,end,dose,response,stopped_because,side_effects,notes,side,outcome,"
    "recurrence,complications\n"
    "Carbamazepine,,2018,2018-02,100 mg twice daily,,dose increased,,started by the GP,,,,\n"
    "Carbamazepine,,2018-02,2019-03,200 mg three times daily,good,side effects,"
    '"hyponatraemia (sodium 128), dizziness",worked well at first,,,,\n'
    "Gabapentin,,2019-03,2019-09,300mg tds,none,inefficacy,tiredness,,,,,\n"
    "Baclofen,,2019-10-07,2020-03-15,10 mg tds,20%,inefficacy,drowsiness,,,,,\n"
    "Lamotrigine,,2020-02-03,2020-02-16,25 mg daily,,dose increased,,added to baclofen,,,,\n"
    "Lamotrigine,,2020-02-17,2020-03-01,50 mg daily,,dose increased,,,,,,\n"
    "Lamotrigine,,2020-03-02,2020-03-29,50 mg twice daily,,dose increased,,,,,,\n"
    "Lamotrigine,,2020-03-30,2021-01-31,100 mg twice daily,40%,"
    '"not enough relief, surgery planned",,slow titration,,,,\n'
    "Microvascular decompression,procedure,2021-03-18,2021-03-18,,partial,,,"
    '"nearly pain-free for a year, attacks returned May 2022",right,pain-free,May 2022,'
    "numb patch on right upper lip\n"
    "Tegretol,,2022-06,2022-08,100 mg twice daily,partial,side effects,"
    '"dizziness, low sodium again",retried at a low dose after the recurrence,,,,\n'
    "Pregabalin,,2022-09,2023-06,150 mg twice daily,30%,inefficacy,"
    '"weight gain, foggy thinking",,,,,\n'
    "Acupuncture,complementary,2023-09,2024-01,10 sessions,none,inefficacy,,,,,,\n"
    "Cognitive behavioural therapy,psychological,2024-03,2024-09,12 weekly sessions,partial,"
    "course finished,,helped with fear of eating,,,,\n"
    "Botox injections,injection or block,2025-02,2025-08,2 rounds,30%,inefficacy,"
    "lopsided smile for two weeks,,right,,,\n"
    "Oxcarbazepine,,2026-09-10,2026-09-23,300 mg bd,,dose increased,,starting dose,,,,\n"
    "Oxcarbazepine,,2026-09-24,,600 mg bd,60%,,mild dizziness in the morning,,,,,\n"
)
"""Eight years of treatment; partial dates, doses and responses written the way patients do."""

QUESTIONNAIRE = """\
item,answer
name,Alex Example
date_of_birth,1968-04-12
visit_date,2026-11-02
clinician,Dr Jordan Sample
diagnosis,"Trigeminal neuralgia, right"
onset,2017
side,right
divisions,"V2, V3"
bni_pain,IV
bni_numbness,II
gad7_1,2
gad7_2,2
gad7_3,1
gad7_4,2
gad7_5,1
gad7_6,1
gad7_7,2
impact_eating,Soft food only on bad days; meals take twice as long
impact_sleep,Woken by attacks two or three nights a week before the new medicine
impact_work,Cut down to four days a week; phone calls are hard
goals,Eat and talk without fear; keep working
emergency_visits,1 (21 August 2026)
iv_infusions,none
days_unable_to_eat,about 6 in August
weight_lost,4 kg since July
driving,Does not drive on bad days
age_at_onset,48
question,Is 600 mg twice a day the most oxcarbazepine I can take?
question,"Should my sodium be checked, since carbamazepine lowered it?"
question,"Would a second operation help, or is another procedure better now?"
question,What should I do on a day with 20 or more attacks?
question,Can I drive while on oxcarbazepine?
interested_in,surgery
interested_in,clinical trials
interested_in,psychology
dental_history,"Two teeth checked in 2017, nothing found"
"""
"""The intake answers (GAD-7 total 11); `dental_history` is an unknown item, kept as other."""

# PHQ-9 item order → LOINC item codes, as published in LOINC panel 44249-1 (checked against
# the HL7 PHR format IG's PHQ-9 questionnaire); answers use LOINC answer list LL358-3.
PHQ9_ITEMS = (
    ("44250-9", "Little interest or pleasure in doing things"),
    ("44255-8", "Feeling down, depressed, or hopeless"),
    ("44259-0", "Trouble falling or staying asleep, or sleeping too much"),
    ("44254-1", "Feeling tired or having little energy"),
    ("44251-7", "Poor appetite or overeating"),
    (
        "44258-2",
        "Feeling bad about yourself-or that you are a failure or have let yourself "
        "or your family down",
    ),
    (
        "44252-5",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
    ),
    (
        "44253-3",
        "Moving or speaking so slowly that other people could have noticed. Or the opposite-being "
        "so fidgety or restless that you have been moving around a lot more than usual",
    ),
    ("44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way"),
)
PHQ9_ANSWERS = (
    ("LA6568-5", "Not at all"),
    ("LA6569-3", "Several days"),
    ("LA6570-1", "More than half the days"),
    ("LA6571-9", "Nearly every day"),
)
PHQ9_SCORES = (2, 1, 2, 2, 1, 1, 1, 0, 1)
"""Total 11 (moderate, 10–14); item 9 = 1 'Several days', so the page must flag it."""


def phq9_json() -> bytes:
    """Return a FHIR R4 QuestionnaireResponse for PHQ-9, items keyed by LOINC code in ``linkId``."""
    items = [
        {
            "linkId": f"/{code}",
            "text": text,
            "answer": [
                {
                    "valueCoding": {
                        "system": "http://loinc.org",
                        "code": PHQ9_ANSWERS[score][0],
                        "display": PHQ9_ANSWERS[score][1],
                    }
                }
            ],
        }
        for (code, text), score in zip(PHQ9_ITEMS, PHQ9_SCORES, strict=True)
    ]
    response = {
        "resourceType": "QuestionnaireResponse",
        "id": "phq9-alex-example",
        "questionnaire": "http://loinc.org/q/44249-1",
        "status": "completed",
        "subject": {"display": "Alex Example"},
        "authored": "2026-10-30T18:20:00+01:00",
        "item": items,
    }
    return (json.dumps(response, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# The earlier visit (2026-09-07): its summary JSON, made by tnprep itself
# ---------------------------------------------------------------------------

PREVIOUS_VISIT = dt.date(2026, 9, 7)
PREVIOUS_PERIOD_END = dt.date(2026, 9, 6)
"""The earlier visit, three days before oxcarbazepine; its page covered the diaries up to here."""

PREVIOUS_QUESTIONNAIRE = """\
item,answer
name,Alex Example
date_of_birth,1968-04-12
visit_date,2026-09-07
clinician,Dr Jordan Sample
diagnosis,"Trigeminal neuralgia, right"
onset,2017
side,right
divisions,"V2, V3"
bni_pain,V
bni_numbness,II
phq9_1,2
phq9_2,2
phq9_3,2
phq9_4,2
phq9_5,1
phq9_6,2
phq9_7,1
phq9_8,1
phq9_9,1
gad7_1,2
gad7_2,2
gad7_3,2
gad7_4,2
gad7_5,1
gad7_6,2
gad7_7,2
question,"Would a second operation help, or is another procedure better now?"
question,"Should my sodium be checked, since carbamazepine lowered it?"
question,Is there a medicine for trigeminal neuralgia I have not tried yet?
question,Could I have a letter for my employer about shorter hours?
"""
"""The earlier visit's answers: PHQ-9 14, GAD-7 13, BNI pain V; two questions come back later."""


def previous_visit_summary(files: dict[str, bytes]) -> bytes:
    """The earlier visit's summary JSON, exactly as ``report --summary-json`` writes it.

    Equivalent to ``python -m tnprep report --diary attack_log.csv --diary paper_diary.csv
    --diary migraine_buddy.csv --treatments <history without oxcarbazepine> --questionnaire
    <PREVIOUS_QUESTIONNAIRE> --to 2026-09-06 --summary-json …`` run on 2026-09-06: the history and
    answers are those of that day, so they are built here rather than kept as sample files.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tnprep.pipeline import Sources, load_patient, summarise_patient  # noqa: PLC0415
    from tnprep.summary_json import dumps  # noqa: PLC0415

    history = "".join(line for line in TREATMENTS.splitlines(keepends=True)
                      if not line.startswith("Oxcarbazepine"))  # fmt: skip
    sources = Sources(
        diaries=[(name, files[name]) for name in DEFAULT_DIARIES],
        treatments=[("treatments.csv", history.encode("utf-8"))],
        questionnaires=[("questionnaire.csv", PREVIOUS_QUESTIONNAIRE.encode("utf-8"))],
    )
    summary = summarise_patient(
        load_patient(sources), start=None, end=PREVIOUS_PERIOD_END, today=PREVIOUS_PERIOD_END
    )
    return dumps(summary).encode("utf-8")


DEFAULT_DIARIES = ("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv")
"""The diaries of the sample page (README's report command)."""


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def csv_bytes(
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ",",
    line_end: str = "\r\n",
    encoding: str = "utf-8",
    quote_all: bool = False,
) -> bytes:
    """Return ``rows`` as CSV bytes in the given dialect and encoding."""
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator=line_end,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def sample_files() -> dict[str, bytes]:
    """Return every sample file's name and bytes (README.md is written by hand)."""
    attacks = attack_log()
    files = {
        "attack_log.csv": attack_log_csv(attacks),
        "paper_diary.csv": paper_diary_csv(attacks),
        "migraine_buddy.csv": migraine_buddy_csv(attacks),
        "messy_diary.csv": MESSY_DIARY.encode("utf-8"),
        "ambiguous_dates.csv": AMBIGUOUS_DATES.encode("utf-8"),
        "treatments.csv": TREATMENTS.encode("utf-8"),
        "questionnaire.csv": QUESTIONNAIRE.encode("utf-8"),
        "phq9_fhir.json": phq9_json(),
    }
    files["previous_visit.summary.json"] = previous_visit_summary(files)
    return files


def main(out_dir: Path) -> None:
    """Write every sample file into ``out_dir`` (created when missing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, content in sample_files().items():
        (out_dir / name).write_bytes(content)


if __name__ == "__main__":
    main(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parent.parent / "sample_data"
    )
