"""Working across directions: the Transversalité page's reads, on the model's macros.

The definitions are etl/model/model.sql's (``session_groups``: who attended a held session, with their
group and whether another group was there; ``across_rows``: those of the scope's people). A group is
the person's direction, or their organisation with ``by="organisation"``.

``gather``: groups with fewer than ``LEAST`` participants in the rows read are shown as one group,
``OTHERS`` (« Autres directions », worded by the interface), as a group-to-group analysis does for
viewers and presenters: a group of two people's hours is their own.
"""

from __future__ import annotations

import pandas as pd

from etl.store.db import query
from etl.store.stored_reads import shared

LEAST = 5  # the smallest group shown by its name when gathering
OTHERS = "__others__"  # the code of the gathered groups (never a direction's name: it is not text HR writes)
BY = ("direction", "organisation")
# the kind of each column of ``groups`` (how a table or a sheet writes it)
GROUP_KINDS = {
    "label": "text",
    "participants": "int",
    "hours": "hours",
    "cross_hours": "hours",
    "cross_hours_share": "pct",
    "groups_met": "int",
    "sessions": "int",
    "cross_sessions": "int",
}

# The rows read (the scope's people's attended rows of sessions held at D, from $start on), each
# group's people, and each row's shown group (_LABEL): its own, or OTHERS when gathered and the group
# has fewer than $least participants.
_ROWS = """
rows as (
    select * from across_rows($as_of, $by_org, $org, dir := $dir, svc := $svc) where in_period(session_day, $start)
),
group_people as (select distinct grp, person_id from rows),
small as (select grp from group_people group by grp having $gather and count(*) < $least)"""
_LABEL = "case when grp in (select grp from small) then $others else grp end"


def _params(as_of, by, organisation, direction, start, gather, service=None) -> dict:
    if by not in BY:
        raise ValueError(f"unknown group {by!r}")
    return {
        "as_of": as_of,
        "by_org": by == "organisation",
        "org": organisation,
        "dir": direction,
        "svc": service,
        "start": start,
        "gather": gather,
        "least": LEAST,
        "others": OTHERS,
    }


@shared  # nested in the slides' and the Comparer's reads (etl.publish.read_model)
def groups(
    con, as_of, by="direction", organisation=None, direction=None, service=None, start=None, gather=False
):
    """One row per shown group: label, participants, hours, cross_hours, cross_hours_share, groups_met
    (other groups seen in its sessions), sessions, cross_sessions — the transversality breakdown,
    gathered; the most working across first."""
    sql = f"""
    with {_ROWS},
    -- the rows reduced once to each group's sessions, a quarter of them at 100 times the demo: what
    -- follows never reads the rows again (a group's shown label depends on its group alone)
    group_sessions as (
        select grp, session_id, any_value(across) as across, sum(hours) as hours from rows group by grp, session_id
    ),
    labels as (select grp, {_LABEL} as label from group_people group by grp),
    -- one row per shown group and session it attended: its hours there, whether another group was
    -- there (a session's ``across``); its sessions are then its rows, counted without a distinct
    visits as (
        select label, session_id, any_value(across) as across, sum(hours) as hours
        from group_sessions join labels using (grp) group by label, session_id
    ),
    people as (
        select label, count(distinct person_id) as participants from group_people join labels using (grp)
        group by label
    ),
    met as (
        select s.label, count(distinct o.grp) as groups_met
        from (select label, grp, session_id from group_sessions join labels using (grp)) s
        join (select distinct session_id, grp from session_groups($as_of, $by_org)) o
            on o.session_id = s.session_id and o.grp <> s.grp
        group by s.label
    )
    -- one row per shown group
    select label, any_value(p.participants) as participants, sum(hours) as hours,
        coalesce(sum(hours) filter (where across), 0) as cross_hours,
        coalesce(sum(hours) filter (where across), 0) / nullif(sum(hours), 0) as cross_hours_share,
        coalesce(any_value(m.groups_met), 0) as groups_met,
        count(*) as sessions, count(*) filter (where across) as cross_sessions
    from visits join people p using (label) left join met m using (label)
    group by label
    order by label = $others, cross_hours_share desc nulls last, label
    """
    return query(con, sql, **_params(as_of, by, organisation, direction, start, gather, service))


def links(
    con, as_of, by="direction", organisation=None, direction=None, service=None, start=None, gather=False
):
    """One row per pair of shown groups (label < other) that attended a held session together: label,
    other, sessions, hours (the sessions' durations: the time they spent together) — the links
    breakdown, gathered."""
    sql = f"""
    with {_ROWS},
    met as (select distinct session_id, {_LABEL} as label from rows)
    -- one row per pair of shown groups
    select a.label, b.label as other, count(*) as sessions, sum(s.duration_hours) as hours
    from met a join met b on a.session_id = b.session_id and a.label < b.label
    join stg_sessions s on s.session_id = a.session_id
    group by a.label, b.label
    order by hours desc, a.label, b.label
    """
    return query(con, sql, **_params(as_of, by, organisation, direction, start, gather, service))


def meeting_sessions(
    con, as_of, organisation=None, direction=None, service=None, start=None, limit: int = 10
):
    """One row per held session with a row of the scope's people, the ``limit`` that brought the most
    directions together: day, kind, title, directions (among everyone who attended), participants."""
    sql = """
    with mine as (
        select distinct session_id from across_rows($as_of, false, $org, dir := $dir, svc := $svc)
        where in_period(session_day, $start)
    )
    -- one row per session
    select g.session_id, any_value(g.session_day) as day, any_value(s.kind) as kind, any_value(s.title) as title,
        count(distinct g.grp) as directions, count(distinct g.person_id) as participants
    from session_groups($as_of, false) g join mine using (session_id) join stg_sessions s using (session_id)
    group by g.session_id
    order by directions desc, participants desc, day desc, g.session_id
    limit $limit
    """
    return query(
        con, sql, as_of=as_of, org=organisation, dir=direction, svc=service, start=start, limit=limit
    )


def by_quarter(con, as_of, organisation=None, direction=None, service=None, start=None) -> pd.DataFrame:
    """One row per quarter with attended rows up to D: quarter (its first day), hours, cross_hours,
    cross_hours_share (as cross_direction_hours_share, over that quarter's sessions)."""
    sql = """
    -- one row per quarter
    select date_trunc('quarter', session_day)::date as quarter, sum(hours) as hours,
        coalesce(sum(hours) filter (where across), 0) as cross_hours,
        coalesce(sum(hours) filter (where across), 0) / nullif(sum(hours), 0) as cross_hours_share
    from across_rows($as_of, false, $org, dir := $dir, svc := $svc)
    where in_period(session_day, date_trunc('quarter', $start::date))
    group by quarter order by quarter
    """
    return query(con, sql, as_of=as_of, org=organisation, dir=direction, svc=service, start=start)
