"""The action plan's and the budget's series and lists, over the published database.

Ideas, actions and budget belong to the network, not to people: they stay whole under an
organisation or a direction (contract section 4); only the budget summary's people (participants,
hours) follow them, as the headline's. Action status and progress at D are the model's
``action_status_at``; each function is ``(con, filters…) -> DataFrame``, as etl.model.queries's.
"""

from __future__ import annotations

import pandas as pd

from etl.model import breakdowns, kpis
from etl.store.db import query

ACTION_DIMENSIONS = {"axis", "group", "status"}
LIGHTS = ("green", "amber", "red", "grey")


def action_funnel(con, as_of) -> pd.DataFrame:
    """One row per stage, named after its headline indicator (ideas_total … actions_done): count."""
    h = kpis.network(con, as_of)  # the headline's own figures, without its people's (attendance)
    stages = ["ideas_total", "ideas_retained", "actions_total", "actions_done"]
    return pd.DataFrame({"level": stages, "count": [h[name] for name in stages]})


# dimension -> (key, label) expressions
_ACTION_KEYS = {
    "axis": ("a.axis", "a.axis"),
    "group": ("a.group_id", "coalesce(g.name, a.group_id)"),
    "status": ("a.status", "a.status"),
}


def actions_by(con, as_of, dimension: str) -> pd.DataFrame:
    """One row per value of ``dimension`` (axis, group or status) and status at D: key, label, actions.

    A group is labelled with its name; actions without an axis or a group have a null key.
    """
    if dimension not in ACTION_DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    key, label = _ACTION_KEYS[dimension]
    sql = f"""
    -- one row per {dimension} per status at D
    select {key} as key, {label} as label, a.status, count(*) as actions
    from action_status_at($as_of) a left join stg_groups g on g.group_id = a.group_id
    group by all order by label nulls last, a.status
    """
    return query(con, sql, as_of=as_of)


def actions_by_month(con, as_of, start=None) -> pd.DataFrame:
    """One row per month of the period (its last day, or D) and status: actions in that status then."""
    sql = """
    with month_ends as (
        select least(last_day(m::date), $as_of::date) as day
        from generate_series(
            date_trunc('month', coalesce($start::date, (
                select min(d) from (select min(start_on) as d from stg_actions
                                    union all select min(as_of) from stg_action_updates))))::date,
            date_trunc('month', $as_of::date)::date, interval 1 month) t(m)
    )
    -- one row per month per status
    select e.day as month, a.status, count(*) as actions
    from month_ends e, lateral (select status from action_status_at(e.day)) a
    group by all order by month, a.status
    """
    return query(con, sql, as_of=as_of, start=start)


def action_list(con, as_of) -> pd.DataFrame:
    """One row per action at D: title, axis, group, priority, owner, owner_name (the staff's name
    when the owner is a matricule), start_on, due_on, status, progress_pct, expected_pct, late, light.
    """
    sql = """
    -- one row per action
    select a.action_id, a.title, a.axis, coalesce(g.name, a.group_id) as "group", a.priority,
        a.owner, coalesce(nullif(trim(concat_ws(' ', s.first_name, s.last_name)), ''), a.owner) as owner_name,
        a.start_on, a.due_on, a.status, a.progress_pct,
        expected_pct(a.start_on, a.due_on, $as_of::date) as expected_pct,
        late_on(a.due_on, a.status, $as_of) as late,
        status_light(a.start_on, a.due_on, a.progress_pct, a.status, $as_of::date) as light
    from action_status_at($as_of) a
    left join stg_groups g on g.group_id = a.group_id
    left join stg_staff s on s.person_id = a.owner
    order by a.due_on nulls last, a.action_id
    """
    frame = query(con, sql, as_of=as_of)
    frame["late"] = frame["late"].fillna(False).astype(bool)
    return frame


def late_actions(con, as_of) -> pd.DataFrame:
    """One row per late action at D (due_on < D, neither done nor abandoned), oldest due date first."""
    frame = action_list(con, as_of)
    return frame[frame["late"]].reset_index(drop=True)


def priority_actions(con, as_of) -> pd.DataFrame:
    """One row per priority action at D, by due date."""
    frame = action_list(con, as_of)
    return frame[frame["priority"].fillna(False).astype(bool)].reset_index(drop=True)


def action_lights(con, as_of) -> pd.DataFrame:
    """One row per light (green, amber, red, grey): actions."""
    counts = action_list(con, as_of)["light"].value_counts()
    return pd.DataFrame({"light": LIGHTS, "actions": [int(counts.get(light, 0)) for light in LIGHTS]})


# --- budget -----------------------------------------------------------------------
# planned_eur counts in the calendar year of its date; spent_eur when dated ≤ D. In a
# period, planned counts for the years the period touches and spent for its days.
EUROS = ("planned_eur", "spent_eur", "spent_to_date_eur")


def budget_by_year(con, as_of, start=None) -> pd.DataFrame:
    """One row per year up to D's year: planned_eur (that year's rows), spent_eur (its rows dated ≤ D)
    — the contract's budget breakdown by year, rows dated from ``start`` on."""
    frame = breakdowns.breakdown(con, "budget", "year", as_of, since=start)
    frame = frame[frame["label"].notna()].astype({"label": int}).rename(columns={"label": "year"})
    return frame.drop(columns="spent_to_date_eur").fillna({"planned_eur": 0.0, "spent_eur": 0.0})


def budget_by_category(con, as_of, start=None) -> pd.DataFrame:
    """One row per category: planned_eur and spent_eur (D's year, spent dated ≤ D), spent_to_date_eur
    (all dated ≤ D), largest planned first —
    the contract's budget breakdown by category, rows dated from ``start`` on."""
    frame = breakdowns.breakdown(con, "budget", "category", as_of, since=start)
    frame = frame.rename(columns={"label": "category"}).fillna(dict.fromkeys(EUROS, 0.0))
    return frame.sort_values(["planned_eur", "category"], ascending=[False, True], ignore_index=True)


def budget_cumulative(con, as_of, start=None) -> pd.DataFrame:
    """One row per month of the period: spent_eur that month, cumulative_spent_eur since the first
    spending (so the last month ends on the headline's budget_spent_eur)."""
    sql = """
    with spent as (select date, spent_eur from stg_budget where spent_eur is not null and dated_by(date, $as_of)),
    months as (
        select m::date as month from generate_series(
            date_trunc('month', (select min(date) from spent))::date,
            date_trunc('month', $as_of::date)::date, interval 1 month) t(m)
    ),
    monthly as (
        select m.month, coalesce(sum(s.spent_eur), 0) as spent_eur
        from months m left join spent s on date_trunc('month', s.date) = m.month group by m.month
    )
    -- one row per month
    select month, spent_eur, sum(spent_eur) over (order by month) as cumulative_spent_eur
    from monthly qualify in_period(month, date_trunc('month', $start::date))
    order by month
    """
    return query(con, sql, as_of=as_of, start=start)


def budget_by_group(con, as_of, start=None) -> pd.DataFrame:
    """One row per group with budget: group_id, label (its name), spent_eur and planned_eur (D's year,
    spent dated ≤ D), spent_to_date_eur — the contract's budget breakdown by group, rows dated from
    ``start`` on."""
    frame = breakdowns.breakdown(con, "budget", "group", as_of, since=start)
    frame = frame[frame["label"].notna()].rename(columns={"label": "group_id"})
    names = query(con, "select group_id, name from stg_groups")
    frame = frame.merge(names, on="group_id", how="left").fillna(dict.fromkeys(EUROS, 0.0))
    frame["label"] = frame["name"].where(frame["name"].notna(), frame["group_id"])
    frame = frame[(frame[list(EUROS)] > 0).any(axis=1)]
    columns = ["group_id", "label", "spent_eur", "planned_eur", "spent_to_date_eur"]
    return frame[columns].sort_values(
        ["spent_to_date_eur", "label"], ascending=[False, True], ignore_index=True
    )


def budget_summary(con, as_of, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row at D: spent_eur (all dated ≤ D), planned_eur and spent_year_eur (D's year), execution
    (spent_year / planned), participants and hours_invested (the headline's), cost_per_participant,
    cost_per_hour.

    The money stays whole; the people (participants, hours) follow the organisation and direction.
    """
    h = kpis.headline(con, as_of, organisation, direction, service)
    sql = """
    -- one row for the database at D
    select (select sum(spent_eur) from stg_budget
            where dated_by(date, $as_of) and in_year_of(date, $as_of::date)) as spent_year_eur
    """
    row = query(con, sql, as_of=as_of).iloc[0]
    spent, planned, hours = h["budget_spent_eur"], h["budget_planned_eur"], h["hours_invested"]
    out = {
        "spent_eur": spent,
        "planned_eur": planned,
        "spent_year_eur": _or_none(row["spent_year_eur"]),
        "participants": h["participants"],
        "hours_invested": hours,
    }
    out["execution"] = _ratio(out["spent_year_eur"], planned)
    out["cost_per_participant"] = _ratio(spent, out["participants"])
    out["cost_per_hour"] = _ratio(spent, hours)
    return pd.DataFrame([out])


def _or_none(value):
    return None if pd.isna(value) else float(value)


def _ratio(numerator, denominator):
    """numerator / denominator, None when either is missing or the denominator is 0."""
    return numerator / denominator if numerator is not None and denominator else None
