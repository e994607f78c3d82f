"""Cached reads for the pages: every figure comes from etl.model.kpis or etl.model.queries through here.

Each cached function takes the published database's path and version as its
first arguments, so a new load is shown at once and a test database never
serves another's cache. A connection is opened per read and closed at once
(etl.store.db.connect_ro): loads replace the file, nothing may pin it. A read
is first looked up in the file's read model (the pages' default reads, computed
at publish: etl.publish.read_model), and computed only when it is not there.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

import duckdb
import streamlit as st

from etl.documents import comparison
from etl.documents import slide_specs as messages
from etl.model import actions_budget, breakdowns, kpis, levers, page_reads, queries, roadmap, working_across
from etl.model import survey_results as surveys
from etl.publish import read_model
from etl.store import db, stored_reads
from etl.text import collate
from ui import auth


def _key() -> tuple[str, object]:
    path = str(db.published_path())
    return path, db.version(path)


def published() -> bool:
    """Whether a database has been published where the dashboard reads."""
    return db.version() is not None


P = ParamSpec("P")
R = TypeVar("R")
_READERS: dict[str, Callable] = {}


def reader(fn: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R]) -> Callable[P, R]:
    """``fn(con, ...)`` of the read API, as a page calls it: ``fn(...)`` on the published database,
    cached on its version. Pages import these names, never a query by its string name."""
    key = f"{fn.__module__}.{fn.__qualname__}"
    _READERS[key] = fn

    @functools.wraps(fn)
    def read(*args: P.args, **kwargs: P.kwargs) -> R:
        # names blanked here, on the server, for a role that may not see them (ui.auth)
        return auth.masked(_call(*_key(), key, args, tuple(sorted(kwargs.items()))))

    return read


@st.cache_data(show_spinner=False, max_entries=2048)
def _call(path: str, version, key: str, args: tuple, kwargs: tuple):
    fn, kwargs = _READERS[key], dict(kwargs)
    with db.connect_ro(path, model=False) as con:
        # the read model first: the pages' default reads, computed at publish (etl.publish.read_model)
        stored = stored_reads.find(con, read_model.call_text(fn, args, kwargs))
        if stored is not stored_reads.MISSING:
            return stored
        db.install_model(con)
        return fn(con, *args, **kwargs)


# --- the read API of the pages (etl.model.breakdowns, etl.model.kpis, etl.model.queries, etl.model.survey_results)

breakdown = reader(breakdowns.breakdown)
headline = reader(kpis.headline)
data_bounds = reader(queries.data_bounds)
_organisations = reader(queries.organisations)
_services = reader(queries.services)
_last_load = reader(queries.last_load)

participation_by = reader(queries.participation_by)
involvement_funnel = reader(queries.involvement_funnel)
network_growth = reader(queries.network_growth)
milestones = reader(queries.milestones)
cohort_retention = reader(queries.cohort_retention)
lowest_directions = reader(queries.lowest_directions)

sessions_by_month = reader(queries.sessions_by_month)
attendance_by_month = reader(queries.attendance_by_month)
attendance_summary = reader(queries.attendance_summary)
hours_by_month = reader(queries.hours_by_month)
hours_by = reader(queries.hours_by)
top_sessions = reader(queries.top_sessions)
effort_curve = reader(queries.effort_curve)
levers_by_theme = reader(levers.by_theme)
levers_by_year = reader(levers.theme_by_year)

transversality_groups = reader(working_across.groups)
transversality_links = reader(working_across.links)
meeting_sessions = reader(working_across.meeting_sessions)
transversality_by_quarter = reader(working_across.by_quarter)

action_funnel = reader(actions_budget.action_funnel)
actions_by = reader(actions_budget.actions_by)
actions_by_month = reader(actions_budget.actions_by_month)
action_list = reader(actions_budget.action_list)
late_actions = reader(actions_budget.late_actions)
priority_actions = reader(actions_budget.priority_actions)
action_lights = reader(actions_budget.action_lights)
roadmap_tree = reader(roadmap.roadmap)

budget_summary = reader(actions_budget.budget_summary)
budget_by_year = reader(actions_budget.budget_by_year)
budget_by_category = reader(actions_budget.budget_by_category)
budget_cumulative = reader(actions_budget.budget_cumulative)
budget_by_group = reader(actions_budget.budget_by_group)

load_history = reader(queries.load_history)
load_table_counts = reader(queries.load_table_counts)
load_rejects = reader(queries.load_rejects)
load_notes = reader(queries.load_notes)

survey_list = reader(surveys.survey_list)
survey_results = reader(surveys.results)

this_network = reader(comparison.this_network)
slide_specs = reader(messages.slide_specs)  # the slideshow, the deck and the report: one list


def bounds() -> dict:
    """``first_day`` and ``last_day`` of the data (today's date when the database is empty, the last
    day never after today), and ``reference_day``: the day the app opens on (etl.model.page_reads.opening)."""
    return page_reads.opening(data_bounds(today=page_reads.EVER), reference_day(), dt.date.today())


def organisations() -> list[tuple[str, str]]:
    """(organisation, direction) pairs of the staff."""
    return list(_organisations().itertuples(index=False, name=None))


def services() -> list[tuple[str, str, str]]:
    """(organisation, direction, service) triples of the staff with a service."""
    return list(_services().itertuples(index=False, name=None))


def last_load() -> dict | None:
    """The latest published load (load_id, loaded_at, source), or None."""
    rows = _last_load()
    return None if rows.empty else rows.iloc[0].to_dict()


# --- reads of etl/model/page_reads.py (the pages' own figures, on the model's macros)

reference_day = reader(page_reads.reference_day)
roles_at = reader(page_reads.roles_at)


def _in_reading_order(read: Callable, column: str = "label") -> Callable:
    """A read whose rows come in French reading order of ``column`` (etl.text.collate), for tables and
    downloads alike (the contract's code-point order is for scripts)."""

    @functools.wraps(read)
    def ordered(*args, **kwargs):
        frame = read(*args, **kwargs)
        return collate.sort_frame(frame, column) if column in frame.columns else frame

    return ordered


participation_by = _in_reading_order(participation_by)
