"""Earlier summaries for tests: JSON documents as tnprep writes them, and PreviousVisit values.

Usage (``tests/`` is on ``sys.path``)::

    from since_factory import earlier_document, earlier_bytes, with_earlier

    data = earlier_bytes(per_recorded_day=9.5)          # an earlier summary's bytes
    summary = with_earlier(make_summary(), earlier_document())   # Summary with ``since`` set
"""

from __future__ import annotations

import copy
import json
from typing import Any

from summary_factory import SAMPLE_QUESTIONS, make_summary

from tnprep.analysis.since import with_since
from tnprep.ingest.previous import read_previous_visits
from tnprep.summary import Summary
from tnprep.summary_json import summary_to_json


def earlier_document(**attacks: Any) -> dict[str, Any]:
    """The sample patient's summary JSON moved back to an earlier visit (2024-01-08).

    Its period ends 2024-01-07, the day before the sample period; ``attacks`` overrides keys of
    its ``attacks`` object. It lists carbamazepine as current (the sample stops it 2024-02-05).
    """
    document: dict[str, Any] = copy.deepcopy(summary_to_json(make_summary()))
    document["patient"]["visit_date"] = "2024-01-08"
    document["generated"] = "2024-01-07"
    document["period"] = {"start": "2023-10-10", "end": "2024-01-07", "days": 90,
                          "days_recorded": 80}  # fmt: skip
    figures = {"per_recorded_day": 9.5, "attack_free_days": 4, "intensity_max": 10.0,
               "intensity_median": 7.0}  # fmt: skip
    document["attacks"].update(figures, **attacks)
    document["scores"]["phq9"]["score"] = 14
    document["scores"]["bni_pain"] = "V"
    document["questions"] = [SAMPLE_QUESTIONS[2], "Is there a support group near me?"]
    document["treatments"] = [
        item | {"end": None, "ongoing": True} if item["name"] == "carbamazepine" else item
        for item in document["treatments"]
        if item["name"] != "oxcarbazepine"
    ]
    return document


def earlier_bytes(document: dict[str, Any] | None = None) -> bytes:
    """An earlier summary's bytes as ``report --summary-json`` writes them."""
    return json.dumps(document or earlier_document(), indent=2, ensure_ascii=False).encode()


def with_earlier(summary: Summary | None = None, *documents: dict[str, Any]) -> Summary:
    """``summary`` (default the sample) compared with ``documents`` (default one earlier)."""
    files = [(f"visit{index}.summary.json", earlier_bytes(document))
             for index, document in enumerate(documents or (earlier_document(),))]  # fmt: skip
    return with_since(summary or make_summary(), read_previous_visits(files))
