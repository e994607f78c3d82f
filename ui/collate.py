"""French collation (ICU, CLDR's French rules): « Direction de l'éducation » before « … de l'urbanisme ».

Python's ``sorted`` compares code points (É after z); every list a reader sees (filter options,
table rows, chart bars, downloads) is sorted with ``key`` below instead.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import icu


@functools.cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("fr_FR" if lang != "en" else "en_GB"))


def key(value, lang: str = "fr") -> bytes:
    """The sort key of a text (None and blanks sort last)."""
    text = "" if value is None else str(value)
    return (b"\x01" if not text.strip() else b"\x00") + _collator(lang).getSortKey(text)


def sort(values: Iterable, lang: str = "fr") -> list:
    """``values`` in French reading order."""
    return sorted(values, key=lambda v: key(v, lang))


def sort_frame(frame, column: str, lang: str = "fr", ascending: bool = True):
    """``frame``'s rows ordered by ``column`` the French way (stable, index reset)."""
    order = sorted(range(len(frame)), key=lambda i: key(frame[column].iloc[i], lang), reverse=not ascending)
    return frame.iloc[order].reset_index(drop=True)
