"""The levers: where the network's effort goes, by theme (the session's theme, a contribution's or
an idea's or an action's group's theme), on the model's macros (hours_lines, ideas_at,
action_status_at). A theme left empty reads as None."""

from __future__ import annotations

import pandas as pd

from etl.store.db import query

# The scope's hours lines of the period, each with its theme (hours_lines: the session's, or the
# contribution's group's).
_LINES = """
lines as (select * from hours_lines($as_of, $org, dir := $dir, svc := $svc) where in_period(day, $start))"""


def by_theme(con, as_of, start=None, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row per theme: label, hours, participants (the hours breakdown by theme), sessions (held
    sessions of the period the scope's people attended), ideas and retained (counted at D, by their
    group's theme), actions and done (status at D, by their group's theme); most hours first."""
    sql = f"""
    with {_LINES},
    h as (select theme, sum(hours) as hours, count(distinct person_id) as participants from lines group by theme),
    s as (
        select theme, count(distinct session_id) as sessions from attendance_held($as_of, $org, dir := $dir, svc := $svc)
        where status = 'attended' and in_period(session_day, $start) group by theme
    ),
    i as (
        select g.theme, count(*) as ideas, count(*) filter (where i.retained) as retained
        from ideas_at($as_of) i left join stg_groups g using (group_id) group by g.theme
    ),
    a as (
        select g.theme, count(*) as actions, count(*) filter (where a.status = 'done') as done
        from action_status_at($as_of) a left join stg_groups g using (group_id) group by g.theme
    ),
    themes as (select theme from h union select theme from s union select theme from i union select theme from a)
    -- one row per theme
    select t.theme as label, coalesce(h.hours, 0) as hours, coalesce(h.participants, 0) as participants,
        coalesce(s.sessions, 0) as sessions, coalesce(i.ideas, 0) as ideas, coalesce(i.retained, 0) as retained,
        coalesce(a.actions, 0) as actions, coalesce(a.done, 0) as done
    from themes t
    left join h on h.theme is not distinct from t.theme left join s on s.theme is not distinct from t.theme
    left join i on i.theme is not distinct from t.theme left join a on a.theme is not distinct from t.theme
    order by hours desc, label nulls last
    """
    return query(con, sql, as_of=as_of, start=start, org=organisation, dir=direction, svc=service)


def theme_by_year(con, as_of, start=None, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row per year and theme with hours up to D: year, label (the theme), hours, participants."""
    sql = f"""
    with {_LINES}
    -- one row per year and theme
    select year(day) as year, theme as label, sum(hours) as hours, count(distinct person_id) as participants
    from lines group by year, theme order by year, hours desc, label nulls last
    """
    return query(con, sql, as_of=as_of, start=start, org=organisation, dir=direction, svc=service)
