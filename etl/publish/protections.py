"""The load's survey protections: each survey's tables protected once, into the file being built,
or taken over from the published file it replaces when the survey's key is unchanged.

A survey's key is the rule's version (etl.protection.suppression.RULE) and a digest of its cells
(counts by group and answer): a reload of the same surveys computes none, a changed or new survey is
the only one computed, a new rule computes them all again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from etl.model import survey_store, survey_tables
from etl.protection import suppression
from etl.store.db import open_duckdb


def key(cells: dict[str, pd.DataFrame]) -> str:
    """What a survey's protection is a function of: the rule's version and its cells by kind, hashed."""
    digests = (int(pd.util.hash_pandas_object(c, index=False).sum()) for c in cells.values())
    return f"{suppression.RULE}:" + ",".join(map(str, digests))


def store_protections(
    con, done: Callable[[int, int], None] | None = None, previous: Path | None = None
) -> tuple[int, int]:
    """Protect every staged survey into ``survey_protections``, in the database a load is building:
    (surveys, surveys computed). ``previous``: the published file the load replaces; a survey whose
    key is the one stored there keeps its stored tables, computed again never. ``done(k, n)`` is
    called once each survey is protected: ``k`` of the ``n`` surveys."""
    every = survey_tables.every_survey_cells(con)
    keys = {survey_id: key(cells) for survey_id, cells in every.items()}
    survey_store.create(con)
    kept = _take_over(con, previous, keys)
    computed = 0
    for position, (survey_id, cells) in enumerate(every.items(), 1):
        if survey_id not in kept:
            survey_store.write(con, survey_id, keys[survey_id], survey_tables.protected(cells))
            computed += 1
        if done:
            done(position, len(every))
    return len(every), computed


def _take_over(con, previous: Path | None, keys: dict[str, str]) -> set[str]:
    """Copy into ``con`` the stored tables of ``previous`` whose key is unchanged: their survey ids."""
    if previous is None or not Path(previous).exists():
        return set()
    old = open_duckdb(previous, read_only=True)
    try:
        same = [s for s, k in survey_store.keys(old).items() if keys.get(s) == k]
        rows = survey_store.rows(old, same) if same else []
    finally:
        old.close()
    survey_store.insert(con, rows)
    return set(same)
