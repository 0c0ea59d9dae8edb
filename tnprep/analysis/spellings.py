"""Spellings of one name: names that differ only in case, spaces, hyphens or underscores.

A tracker's own list and a typed entry give one thing several spellings: the real Pavia event
log names its oxygen 'oxygen-demand-valve' 398 times and 'oxygen demand valve' 49 times. Counted
apart, the page shows two medicines where the patient took one. Only these differences are set
aside; any other ('oxygen 15 l', 'o2') keeps the names apart — tnprep never guesses a synonym.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping

_SEPARATORS = re.compile(r"[\s\-_]+")


def spelling_key(name: str) -> str:
    """The key two spellings of one name share: lower case, no spaces, hyphens or underscores."""
    return _SEPARATORS.sub("", name.casefold())


def grouped_spellings(counts: Mapping[str, int]) -> Counter[str]:
    """Counts by name with spellings of one name added together, under the most frequent one.

    Ties go to the spelling that sorts first, so the result does not depend on input order.
    """
    groups: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, count in counts.items():
        groups[spelling_key(name)][name] += count
    return Counter({most_frequent(group): sum(group.values()) for group in groups.values()})


def most_frequent(counter: Mapping[str, int]) -> str:
    """The spelling written most often; among equals, the one that sorts first."""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
