"""Cached reads for the pages: every figure comes from etl.kpis or etl.queries through here.

Each cached function takes the published database's path and version as its
first arguments, so a new load is shown at once and a test database never
serves another's cache. A connection is opened per read and closed at once
(etl.db.connect_ro): loads replace the file, nothing may pin it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from etl import db, kpis, queries, surveys


def _key() -> tuple[str, object]:
    path = str(db.published_path())
    return path, db.version(path)


def published() -> bool:
    """Whether a database has been published where the dashboard reads."""
    return db.version() is not None


# The read APIs a page may call by name: etl.queries, and etl.surveys (small groups hidden there).
_APIS = {"queries": queries, "surveys": surveys}


@st.cache_data(show_spinner=False, max_entries=1024)
def _frame(path: str, version, name: str, items: tuple, api: str = "queries") -> pd.DataFrame:
    with db.connect_ro(path) as con:
        return getattr(_APIS[api], name)(con, **dict(items))


def frame(name: str, **kwargs) -> pd.DataFrame:
    """``etl.queries.<name>(con, **kwargs)``, cached on the published version."""
    return _frame(*_key(), name, tuple(sorted(kwargs.items())))


def survey(name: str, **kwargs) -> pd.DataFrame:
    """``etl.surveys.<name>(con, **kwargs)``, cached like ``frame``."""
    return _frame(*_key(), name, tuple(sorted(kwargs.items())), "surveys")


@st.cache_data(show_spinner=False, max_entries=256)
def _headline(path: str, version, as_of: dt.date, organisation: str | None, direction: str | None) -> dict:
    with db.connect_ro(path) as con:
        return kpis.headline(con, as_of, organisation, direction)


def headline(as_of: dt.date, organisation: str | None = None, direction: str | None = None) -> dict:
    """The headline indicators (etl.kpis); a direction narrows the people indicators."""
    return dict(_headline(*_key(), as_of, organisation, direction))


def bounds() -> dict:
    """``first_day`` and ``last_day`` of the data (today's date when the database is empty)."""
    row = frame("data_bounds").iloc[0]
    today = dt.date.today()
    return {name: today if pd.isna(row[name]) else pd.Timestamp(row[name]).date() for name in row.index}


def organisations() -> list[tuple[str, str]]:
    """(organisation, direction) pairs of the staff."""
    return list(frame("organisations").itertuples(index=False, name=None))


def last_load() -> dict | None:
    """The latest published load (load_id, loaded_at, source), or None."""
    rows = frame("last_load")
    return None if rows.empty else rows.iloc[0].to_dict()
