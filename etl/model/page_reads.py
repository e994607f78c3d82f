"""Reads the pages need beyond the breakdowns (etl/model/breakdowns.py) and the headline (etl/model/kpis.py).

Each function is ``(con, filters…) -> DataFrame`` (or a value), opens with its grain, and composes
the macros of etl/model/model.sql (people_at, memberships_at, dated_by…): no "at D" predicate is
written again here. The pages reach them through ``ui.reads`` (cached on the published version).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from etl.store.db import query

# data_bounds(today=EVER): the data's own last day, the same whatever day it is read (a read of the
# read model, etl.publish.read_model); ``opening`` puts it back under today's date at each run
EVER = dt.date.max


def opening(bounds: pd.DataFrame, reference: dt.date | None, today: dt.date) -> dict:
    """``first_day`` and ``last_day`` of the data (``today`` when the database is empty; the last day
    never after ``today``) and ``reference_day``: the day the app opens on, the reference date within
    them. ``bounds`` is etl.model.queries.data_bounds's row, ``reference`` this module's reference_day."""
    row = bounds.iloc[0]
    out = {name: today if pd.isna(row[name]) else pd.Timestamp(row[name]).date() for name in row.index}
    out["last_day"] = min(out["last_day"], today)
    day = min(max(reference, out["first_day"]), out["last_day"]) if reference else out["last_day"]
    return {**out, "reference_day": day}


# The network's roles, in the order a reader meets them (etl/intake/schema.py's enum "role").
ROLES = ("coordinator", "pilot", "project_lead", "hr_referent", "member")


def reference_day(con) -> dt.date | None:
    """The data's reference date: the last day something was recorded (an attendance status other
    than "registered", a contribution, a membership, an action update, an idea, an expense).

    A session planned after the extraction, with people only registered, is not a fact yet: the
    demo's iX'Pressos of 21/12/2017 would otherwise count as held with 36 people registered.
    """
    sql = """
    -- one row for the whole database
    select max(day) as day from dated_days() where recorded
    """
    day = query(con, sql).iloc[0]["day"]
    return None if pd.isna(day) else pd.Timestamp(day).date()


def roles_at(con, as_of, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row per role of the network (coordinator, pilot, project lead, HR referent, member):
    ``people`` of the scope employed at D holding a membership of that role current at D.

    A person holding two roles counts once in each, so the rows do not add up to the members.
    """
    sql = """
    with scope as (select * from people_at($as_of, $org, dir := $dir, svc := $svc) where employed),
    held as (
        select distinct m.role, m.person_id from memberships_at($as_of) m
        where m.person_id in (select person_id from scope)
    )
    -- one row per role held by someone
    select role, count(*) as people from held group by role
    """
    found = query(con, sql, as_of=as_of, org=organisation, dir=direction, svc=service)
    counts = dict(zip(found["role"], found["people"], strict=True))
    return pd.DataFrame({"role": list(ROLES), "people": [int(counts.get(r, 0)) for r in ROLES]})
