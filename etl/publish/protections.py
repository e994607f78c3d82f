"""The load's survey protections: each survey's tables protected once, into the file being built,
or taken over from the published file it replaces when the survey's key is unchanged.

A survey's key is the rule's version (etl.protection.suppression.RULE) and a digest of what its cells
are computed from, in SQL (etl.model.survey_tables.DIGESTS: its respondents, answers and questions):
a reload of the same surveys computes none and reads no cell, a changed or new survey is the only one
computed, a new rule computes them all again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from etl.model import survey_store, survey_tables
from etl.protection import suppression
from etl.store.db import connect_ro


def key(digest: str) -> str:
    """What a survey's protection is a function of: the rule's version and the digest of its rows."""
    return f"{suppression.RULE}:{digest}"


def store_protections(
    con, done: Callable[[int, int], None] | None = None, previous: Path | None = None
) -> tuple[int, int]:
    """Protect every staged survey into ``survey_protections``, in the database a load is building:
    (surveys, surveys computed). ``previous``: the published file the load replaces; a survey whose
    key is the one stored there keeps its stored tables, computed again never. ``done(k, n)`` is
    called once each survey is protected: ``k`` of the ``n`` surveys."""
    keys = {survey_id: key(digest) for survey_id, digest in survey_tables.digests(con).items()}
    survey_store.create(con)
    kept = _take_over(con, previous, keys)
    todo = [survey_id for survey_id in keys if survey_id not in kept]
    cells = survey_tables.every_survey_cells(con, todo) if todo else {}
    rows = []  # inserted at once: an insert per survey cost 5 ms of planning each
    for position, survey_id in enumerate(keys, 1):
        if survey_id in cells:
            tables = survey_tables.protected_tables(cells.pop(survey_id))
            rows += survey_store.as_rows(survey_id, keys[survey_id], tables)
        if done:
            done(position, len(keys))
    survey_store.insert(con, rows)
    return len(keys), len(todo)


def _take_over(con, previous: Path | None, keys: dict[str, str]) -> set[str]:
    """Copy into ``con`` the stored tables of ``previous`` whose key is unchanged: their survey ids."""
    if previous is None or not Path(previous).exists():
        return set()
    with connect_ro(previous, model=False) as old:
        same = [s for s, k in survey_store.keys(old).items() if keys.get(s) == k]
        rows = survey_store.rows(old, same) if same else []
    survey_store.insert(con, rows)
    return set(same)
