"""The series and lists of the pages about people, sessions, hours and loads, over the published
database (the action plan's and the budget's: etl.model.actions_budget).

Each function is pure, ``(con, filters…) -> pandas.DataFrame``, with bound parameters, and opens
with its grain. Tables that split a headline figure read the contract's breakdowns
(etl.model.breakdowns); every "at D" rule (employed, member, held, active in the last 12 months, late)
is a macro of etl/model/model.sql, composed here, never written again.

Filters: ``as_of`` (D), ``start`` (first day of the period of a series, None =
since the start), ``organisation`` and ``direction`` (None = all).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from etl.intake.schema import TABLES
from etl.model import breakdowns
from etl.store.db import query
from etl.store.stored_reads import reads_records, shared

LEAD_ROLES = ("pilot", "project_lead", "hr_referent", "coordinator")
DIMENSIONS = {"organisation", "direction", "service", "site", "category"}
HOURS_DIMENSIONS = {"kind", "group", "organisation"}
# A label the data left blank (a respondent with no direction, a question with no theme), grouped as a
# code: the text layer words it (code_label("label", NOT_GIVEN) → « (non renseigné) », « (not given) »).
NOT_GIVEN = "(not_given)"

# --- shared SQL fragments (constants: only whitelisted names are ever spliced in)
# They narrow the model's macros (etl/model/model.sql: people_at, attendance_held,
# hours_lines) to a direction and a period; the definitions stay there.

_SCOPE = """
scope as (select * from people_at($as_of, $org, dir := $dir, svc := $svc))"""

_CURRENT_MEMBERSHIPS = """
current_memberships as (select * from memberships_at($as_of))"""

# One row per person of the scope with their status at D (active: as in etl.model.kpis).
_PEOPLE = f"""
with {_SCOPE}, {_CURRENT_MEMBERSHIPS},
people as (
    select s.*,
        s.person_id in (
            select person_id from hours_lines($as_of, $org, dir := $dir, svc := $svc) where in_last_12m(day, $as_of)
        ) as active,
        s.person_id in (select person_id from current_memberships where group_id is not null) as in_group,
        s.person_id in (
            select person_id from current_memberships where role in {LEAD_ROLES!r}
        ) as lead
    from scope s
)"""

# One row per line of time invested by the scope's people in [start, D] (sessions and contributions).
_HOURS = """
hours as (
    select h.*, p.organisation from hours_lines($as_of, $org, dir := $dir, svc := $svc) h join scope p using (person_id)
    where in_period(h.day, $start)
)"""

# One row per attendance row of the scope's people at sessions held in [start, D]. attendance_held
# keeps the scope's people alone (for the whole network, every row names a staff member: a reference
# the load checks); matching the rows against the scope a second time made DuckDB hold an
# organisation's attendance rows in a join's table, over its 256 MB at 100 times the demo.
_ROWS_HELD = """
rows_held as (
    select a.* from attendance_held($as_of, $org, dir := $dir, svc := $svc) a
    where in_period(a.session_day, $start)
)"""


_run = query  # the surveys layer reads through it too


def _scope(as_of=None, organisation=None, direction=None, start=None, service=None) -> dict:
    return {"as_of": as_of, "org": organisation, "dir": direction, "svc": service, "start": start}


# --- frame of the app -------------------------------------------------------------


def data_bounds(con, today: dt.date | None = None) -> pd.DataFrame:
    """One row: first_day and last_day of the data's dated facts (the model's ``dated_days``, planned
    sessions included: the date picker reaches them), last_day never after today."""
    sql = """
    -- one row for the whole database
    select min(day) as first_day, least(max(day), $today::date) as last_day from dated_days()
    """
    return _run(con, sql, today=today or dt.date.today())


def organisations(con) -> pd.DataFrame:
    """One row per (organisation, direction) of the staff, sorted."""
    sql = """
    -- one row per organisation and direction
    select distinct organisation, direction from stg_staff order by organisation, direction
    """
    return _run(con, sql)


def services(con) -> pd.DataFrame:
    """One row per (organisation, direction, service) of the staff with a service, sorted."""
    sql = """
    -- one row per organisation, direction and service
    select distinct organisation, direction, service from stg_staff where service is not null
    order by organisation, direction, service
    """
    return _run(con, sql)


def person(con, person_id: str) -> pd.DataFrame:
    """The staff row of one matricule (trimmed), for HR to see whom an action concerns: person_id,
    first_name, last_name, email, organisation, direction; empty when no staff row has it."""
    sql = """
    -- one row per staff row of the matricule (one: it is the key)
    select person_id, first_name, last_name, email, organisation, direction from stg_staff
    where person_id = trim($person)
    """
    return _run(con, sql, person=person_id)


@reads_records
def last_load(con) -> pd.DataFrame:
    """One row: the latest published load (loaded_at, source); empty when none."""
    sql = """
    -- one row: the latest published load
    select load_id, loaded_at, source from load_log where published
    order by loaded_at desc, load_id desc limit 1
    """
    return _run(con, sql)


# --- participation ----------------------------------------------------------------


def participation_by(
    con, as_of, dimension: str, organisation=None, direction=None, service=None
) -> pd.DataFrame:
    """One row per value of ``dimension`` with managers: label, managers, member_managers, rate, staff,
    members — the contract's participation breakdown (etl.model.breakdowns), for the pages.

    With every organisation shown, a direction is labelled with its organisation ("DRH (Agglo)"),
    so two organisations' directions of one name stay apart. An empty value is labelled None.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    by = "direction_in_organisation" if dimension == "direction" and organisation is None else dimension
    frame = breakdowns.breakdown(con, "participation", by, as_of, organisation, direction, service=service)
    frame = frame[frame["managers"] > 0].rename(columns={"manager_participation_rate": "rate"})
    return frame[["label", "managers", "member_managers", "rate", "staff", "members"]].reset_index(drop=True)


def lowest_directions(con, as_of, organisation=None, min_managers: int = 5, limit: int = 10) -> pd.DataFrame:
    """One row per direction with at least ``min_managers`` managers: the ``limit`` lowest rates."""
    frame = participation_by(con, as_of, "direction", organisation)
    frame = frame[frame["managers"] >= min_managers]
    return frame.sort_values(["rate", "managers"], ascending=[True, False]).head(limit).reset_index(drop=True)


def involvement_funnel(
    con, as_of, organisation=None, direction=None, service=None, managers_only=True
) -> pd.DataFrame:
    """One row per level of involvement, each among the one before: people.

    eligible (in post) > members > active in 12 months > active and engaged beyond attending (in a
    project group or holding a lead role) > active leads and referents. Pilots and referents hold
    their role for the whole network, not within a group, so a lead counts as engaged by that role.
    """
    sql = f"""
    {_PEOPLE},
    eligible as (select * from people where employed and (is_manager or not $managers_only))
    -- one row per level
    select * from (values
        (1, 'eligible', (select count(*) from eligible)),
        (2, 'members', (select count(*) from eligible where member)),
        (3, 'active', (select count(*) from eligible where member and active)),
        (4, 'engaged', (select count(*) from eligible where member and active and (in_group or lead))),
        (5, 'leads', (select count(*) from eligible where member and active and lead))
    ) t(position, level, people) order by position
    """
    return _run(
        con, sql, managers_only=bool(managers_only), **_scope(as_of, organisation, direction, service=service)
    )


_MONTH_ENDS = """
month_ends as (
    select least(last_day(m::date), $as_of::date) as day
    from generate_series(
        date_trunc('month', coalesce($start::date, (select min(joined_on) from stg_members)))::date,
        date_trunc('month', $as_of::date)::date, interval 1 month) t(m)
)"""


@shared  # nested in the slides' and the Comparer's reads (etl.publish.read_model)
def network_growth(con, as_of, start=None, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row per month of the period (its last day, or D) with staff in post: members, managers,
    member_managers, rate."""
    sql = f"""
    with {_SCOPE}, {_MONTH_ENDS},
    -- staff of one (hire_date, leave_date) are in post on the same days: each span is joined once
    -- per month, not each person (444 000 people x 70 months at 100x); employed_on is two plain
    -- ranges, so DuckDB joins them with an IEJoin, not a nested loop
    spans as (select hire_date, leave_date, is_manager, count(*) as people from scope group by all),
    in_post as (
        select e.day, coalesce(sum(g.people) filter (where g.is_manager), 0)::bigint as managers
        from month_ends e join spans g on employed_on(g.hire_date, g.leave_date, e.day)
        group by e.day
    ),
    member_days as (
        select distinct e.day, m.person_id from month_ends e join stg_members m
            on membership_on(m.joined_on, m.left_on, e.day)
    ),
    -- of the members at each month end, the scope's people employed then
    employed_members as (
        select md.day, count(*) as members, count(*) filter (where s.is_manager) as member_managers
        from member_days md join scope s
            on s.person_id = md.person_id and employed_on(s.hire_date, s.leave_date, md.day)
        group by md.day
    )
    -- one row per month
    select p.day as month, coalesce(m.members, 0) as members, p.managers,
        coalesce(m.member_managers, 0) as member_managers,
        coalesce(m.member_managers, 0) / nullif(p.managers, 0) as rate
    from in_post p left join employed_members m using (day)
    order by p.day
    """
    return _run(con, sql, **_scope(as_of, organisation, direction, start, service=service))


def milestones(con, as_of, start=None) -> pd.DataFrame:
    """One row per milestone in the period: day, kind (seminar or group), label."""
    sql = """
    -- one row per seminar held and per group created
    select date::date as day, 'seminar' as kind, title as label from sessions_held($as_of)
    where kind = 'seminar' and in_period(date, $start)
    union all
    select created_on, 'group', name from stg_groups
    where dated_by(created_on, $as_of) and in_period(created_on, $start)
    order by day, kind
    """
    return _run(con, sql, as_of=as_of, start=start)


def cohort_retention(
    con, as_of, organisation=None, direction=None, service=None, months=(6, 12, 24, 36)
) -> pd.DataFrame:
    """One row per joining year: joiners, then the share still members after each of ``months``.

    A person's cohort is the year of their first membership; each share counts the
    joiners who had reached that age at D (null when none had).
    """
    checks = ",\n".join(
        f"""avg(case when dated_by(first_joined + interval {int(m)} month, $as_of) then
            exists (select 1 from stg_members m where m.person_id = j.person_id
                and membership_on(m.joined_on, m.left_on, (first_joined + interval {int(m)} month)::date))::int
            end) as m{int(m)}"""
        for m in months
    )
    sql = f"""
    with {_SCOPE},
    joiners as (
        select person_id, min(joined_on) as first_joined from stg_members
        where dated_by(joined_on, $as_of) and person_id in (select person_id from scope) group by person_id
    )
    -- one row per joining year
    select year(first_joined) as cohort, count(*) as joiners,
        {checks}
    from joiners j group by cohort order by cohort
    """
    return _run(con, sql, **_scope(as_of, organisation, direction, service=service))


# --- training and time ------------------------------------------------------------


def sessions_by_month(con, as_of, start=None) -> pd.DataFrame:
    """One row per month and session kind: sessions held (all organisations)."""
    sql = """
    -- one row per month per kind
    select date_trunc('month', date)::date as month, kind, count(*) as sessions
    from sessions_held($as_of) where in_period(date, $start)
    group by all order by month, kind
    """
    return _run(con, sql, as_of=as_of, start=start)


def attendance_by_month(
    con, as_of, start=None, organisation=None, direction=None, service=None
) -> pd.DataFrame:
    """One row per month and attendance status: rows of the scope's people at held sessions."""
    sql = f"""
    with {_ROWS_HELD}
    -- one row per month per status
    select date_trunc('month', session_day)::date as month, status, count(*) as rows
    from rows_held group by all order by month, status
    """
    return _run(con, sql, **_scope(as_of, organisation, direction, start, service=service))


def attendance_summary(
    con, as_of, start=None, organisation=None, direction=None, service=None
) -> pd.DataFrame:
    """One row for the period: sessions held (all organisations), then over their attendance rows of
    the scope: registrations, attended, no_shows (absent or registered only), excused,
    attendance_rate, no_show_rate, unique_participants."""
    sql = f"""
    with {_ROWS_HELD}
    -- one row for the period
    select count(*) as registrations,
        count(*) filter (where status = 'attended') as attended,
        count(*) filter (where status in ('absent', 'registered')) as no_shows,
        count(*) filter (where status = 'excused') as excused,
        attended / nullif(registrations, 0) as attendance_rate,
        no_shows / nullif(registrations, 0) as no_show_rate,
        count(distinct person_id) filter (where status = 'attended') as unique_participants,
        (select count(*) from sessions_held($as_of) where in_period(date, $start)) as sessions
    from rows_held
    """
    return _run(con, sql, **_scope(as_of, organisation, direction, start, service=service))


def hours_by_month(con, as_of, start=None, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row per month and source (session, contribution): hours invested — the contract's hours
    breakdown by month, from ``start`` on."""
    frame = breakdowns.breakdown(con, "hours", "month", as_of, organisation, direction, start, service)
    long = (
        frame.drop(columns="hours")
        .melt(
            id_vars="label",
            value_vars=["session_hours", "contribution_hours"],
            var_name="source",
            value_name="hours",
        )
        .dropna(subset=["hours"])
    )
    long["month"] = pd.to_datetime(long["label"] + "-01").dt.date
    long["source"] = long["source"].str.removesuffix("_hours")
    return long[["month", "source", "hours"]].sort_values(["month", "source"], ignore_index=True)


def hours_by(
    con, dimension: str, as_of, start=None, organisation=None, direction=None, service=None
) -> pd.DataFrame:
    """One row per value of ``dimension`` (kind, group or organisation): key, label, hours, participants
    — the contract's hours breakdown, largest first. A group is labelled with its name; contributions
    count under the kind 'contribution'; hours outside any group have a null key."""
    if dimension not in HOURS_DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    frame = breakdowns.breakdown(con, "hours", dimension, as_of, organisation, direction, start, service)
    frame = frame.rename(columns={"label": "key"})
    frame["label"] = frame["key"]
    if dimension == "group":
        names = dict(con.execute("select group_id, name from stg_groups").fetchall())
        frame["label"] = [names.get(k, k) for k in frame["key"]]
    frame = frame[["key", "label", "hours", "participants"]]
    return frame.sort_values(["hours", "key"], ascending=[False, True], ignore_index=True)


def effort_curve(con, as_of, start=None, organisation=None, direction=None, service=None) -> pd.DataFrame:
    """One row per hundredth of the participants, the most involved first: people_share (0.01 … 1),
    hours_share (the share of the hours those participants carry; at 0.1 the headline's
    hours_share_top_10pct when the period is the whole history). Empty without participants."""
    sql = """
    with lines as (select * from hours_lines($as_of, $org, dir := $dir, svc := $svc) where in_period(day, $start))
    -- one row per hundredth of the participants
    select p / 100 as people_share, c.hours_share
    from generate_series(1, 100) t(p) join effort_ranked(lines) c on c.rank = ceil(c.n * p / 100)
    order by p
    """
    return _run(con, sql, **_scope(as_of, organisation, direction, start, service=service))


def top_sessions(
    con, as_of, start=None, organisation=None, direction=None, service=None, limit: int = 15
) -> pd.DataFrame:
    """One row per held session of the period, the ``limit`` most attended (ties: the earlier day,
    then the session id): day, kind, title, capacity, registrations, attended, fill_rate (attended /
    capacity)."""
    sql = f"""
    with {_ROWS_HELD}
    -- one row per session
    select r.session_id, r.session_day as day, r.kind, r.title, s.capacity,
        count(*) as registrations, count(*) filter (where r.status = 'attended') as attended,
        attended / nullif(s.capacity, 0) as fill_rate
    from rows_held r join stg_sessions s using (session_id)
    group by r.session_id, r.session_day, r.kind, r.title, s.capacity
    order by attended desc, day, r.session_id limit $limit
    """
    return _run(con, sql, limit=limit, **_scope(as_of, organisation, direction, start, service=service))


# --- data quality -----------------------------------------------------------------


@reads_records
def load_history(con) -> pd.DataFrame:
    """One row per load, latest first, with its rows read, loaded and rejected."""
    sql = """
    -- one row per load
    select l.load_id, l.loaded_at, l.source, l.published,
        sum(t.rows_read) as rows_read, sum(t.rows_loaded) as rows_loaded,
        sum(t.rows_rejected) as rows_rejected
    from load_log l left join load_tables t using (load_id)
    group by all order by l.loaded_at desc, l.load_id desc
    """
    return _run(con, sql)


@reads_records
def load_table_counts(con, load_id: int) -> pd.DataFrame:
    """One row per table of a load, in the contract's order (staff first, as a load reads them; the
    codes' alphabet read at random in French): files, rows read, loaded, rejected."""
    sql = """
    -- one row per table of the load
    select table_name, files, rows_read, rows_loaded, rows_rejected
    from load_tables where load_id = $load order by list_position($tables, table_name), table_name
    """
    return _run(con, sql, load=load_id, tables=[table.name for table in TABLES])


@reads_records
def load_rejects(con, load_id: int, table_name: str | None = None) -> pd.DataFrame:
    """One row per rejected value of a load: table, file, line, column, reason, raw values (JSON)."""
    sql = """
    -- one row per reject
    select table_name, file, line, column_name, reason, raw from load_rejects
    where load_id = $load and ($table is null or table_name = $table)
    order by table_name, file, try_cast(line as bigint) nulls last, line, column_name
    """
    return _run(con, sql, load=load_id, table=table_name)


@reads_records
def load_notes(con, load_id: int) -> pd.DataFrame:
    """One row per file or sheet a load ignored, with why."""
    sql = """
    -- one row per ignored file or sheet
    select file, detail from load_notes where load_id = $load order by file
    """
    return _run(con, sql, load=load_id)
