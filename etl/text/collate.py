"""French reading order: « Direction de l'éducation » before « … de l'urbanisme », « Établissements »
among the E.

Python's ``sorted`` compares code points (É after z); every list a reader sees (filter options,
table rows, chart bars, downloads) is sorted with ``key`` below instead. The Unicode Collation
Algorithm's default table (pyuca, pure Python) is the order of CLDR's root locale, which French
(France) follows: accents count after letters, case after accents.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from pyuca import Collator


@functools.cache
def _collator() -> Collator:
    return Collator()


def key(value, lang: str = "fr") -> tuple:
    """The sort key of a text (None and blanks sort last); English reads in the same order."""
    text = "" if value is None else str(value)
    return (not text.strip(), _collator().sort_key(text))


def sort(values: Iterable, lang: str = "fr") -> list:
    """``values`` in French reading order."""
    return sorted(values, key=lambda v: key(v, lang))


def sort_frame(frame, column: str, lang: str = "fr", ascending: bool = True):
    """``frame``'s rows ordered by ``column`` the French way (stable, index reset)."""
    order = sorted(range(len(frame)), key=lambda i: key(frame[column].iloc[i], lang), reverse=not ascending)
    return frame.iloc[order].reset_index(drop=True)
