"""The headline indicators of the data contract (section 4): the one place they are computed.

Pages, exports and the command line all call `headline`, so a figure is the
same everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import duckdb

from etl.store.stored_reads import shared

NAMES = (
    "managers",
    "member_managers",
    "manager_participation_rate",
    "members",
    "sessions_held",
    "attendance_rate",
    "hours_invested",
    "active_members_12m",
    "participants",
    "hours_per_participant",
    "hours_share_top_10pct",
    "cross_direction_hours_share",
    "budget_spent_eur",
    "budget_planned_eur",
    "ideas_total",
    "ideas_retained",
    "actions_total",
    "actions_priority",
    "actions_done",
    "actions_late",
    "survey_response_rate",
)

# one row: the people's indicators at $d for $org and $dir (NULL: everyone); the attendance rows
# are matched once (att) and read both for the attendance rate and for the lines of hours
PEOPLE_SQL = """
WITH people AS (SELECT * FROM people_at($d, $org, dir := $dir, svc := $svc)),
att AS (SELECT * FROM attendance_held($d, $org, dir := $dir, svc := $svc)),
hrs AS (SELECT * FROM hours_lines_of(att, $d, $org, dir := $dir, svc := $svc)),
active AS (SELECT DISTINCT person_id FROM hrs WHERE in_last_12m(day, $d))
SELECT *, member_managers / nullif(managers, 0) AS manager_participation_rate,
    hours_invested / nullif(participants, 0) AS hours_per_participant FROM (SELECT
    (SELECT count(*) FROM people WHERE employed AND is_manager) AS managers,
    (SELECT count(*) FROM people WHERE employed AND is_manager AND member) AS member_managers,
    (SELECT count(*) FROM people WHERE employed AND member) AS members,
    (SELECT count_if(status = 'attended') / nullif(count(*), 0) FROM att) AS attendance_rate,
    (SELECT sum(hours) FROM hrs) AS hours_invested,
    (SELECT count(DISTINCT person_id) FROM hrs) AS participants,
    (SELECT count(*) FROM people WHERE employed AND member AND person_id IN (SELECT person_id FROM active))
        AS active_members_12m,
    (SELECT top_tenth_share FROM top_tenth_of(hrs)) AS hours_share_top_10pct,
    (SELECT coalesce(sum(hours) FILTER (WHERE across), 0) / nullif(sum(hours), 0)
        FROM across_rows($d, false, $org, dir := $dir, svc := $svc))
        AS cross_direction_hours_share
)
"""

# one row: the network's indicators at $d (sessions, budget, ideas, actions: never narrowed), and
# the survey rate (null under an organisation or a direction)
NETWORK_SQL = """
WITH acts AS (SELECT * FROM action_status_at($d)),
ideas AS (SELECT * FROM ideas_at($d)),
survey AS (SELECT * FROM latest_survey($d))
SELECT
    (SELECT count(*) FROM sessions_held($d)) AS sessions_held,
    (SELECT sum(spent_eur) FROM stg_budget WHERE dated_by(date, $d)) AS budget_spent_eur,
    (SELECT sum(planned_eur) FROM stg_budget WHERE in_year_of(date, $d)) AS budget_planned_eur,
    (SELECT count(*) FROM ideas) AS ideas_total,
    (SELECT count_if(retained) FROM ideas) AS ideas_retained,
    (SELECT count(*) FROM acts) AS actions_total,
    (SELECT count_if(priority) FROM acts) AS actions_priority,
    (SELECT count_if(status = 'done') FROM acts) AS actions_done,
    (SELECT count_if(late_on(due_on, status, $d)) FROM acts) AS actions_late,
    CASE WHEN $org IS NULL AND $dir IS NULL AND $svc IS NULL THEN (
        SELECT (SELECT count(*) FROM stg_survey_respondents r WHERE r.survey_id = s.survey_id)
               / nullif(s.invited, 0)
        FROM survey s) END AS survey_response_rate
"""


@shared  # nested in the slides' and the Comparer's reads (etl.publish.read_model)
def headline(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    organisation: str | None = None,
    direction: str | None = None,
    service: str | None = None,
) -> dict:
    """Every section 4 indicator at `as_of`, for everyone or one organisation; no data -> None.

    A direction, and a service within it, narrow the people indicators the way an organisation does
    (an extension of the contract: sessions, budget, ideas and actions stay whole; the survey rate is
    null).
    """
    row = {
        **_row(con, PEOPLE_SQL, as_of, organisation, direction, service),
        **network(con, as_of, organisation, direction, service),
    }
    out = {"as_of": as_of.isoformat(), **{name: _plain(row[name]) for name in NAMES}}
    if organisation is not None:
        out["organisation"] = organisation
    if direction is not None:
        out["direction"] = direction
    if service is not None:
        out["service"] = service
    return out


def network(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    organisation: str | None = None,
    direction: str | None = None,
    service: str | None = None,
) -> dict:
    """The headline's network indicators alone (sessions, budget, ideas, actions, the survey rate),
    without the people's: a read that needs no attendance (the ideas-to-actions funnel) skips it."""
    return _row(con, NETWORK_SQL, as_of, organisation, direction, service)


def _row(con, sql: str, as_of, organisation, direction, service=None) -> dict:
    """The one row of ``sql`` at ``as_of`` for the scope, by column name (values as DuckDB gives them)."""
    cur = con.execute(sql, {"d": as_of, "org": organisation, "dir": direction, "svc": service})
    return dict(zip([c[0] for c in cur.description], cur.fetchone(), strict=True))


def _plain(value):
    """Decimals and numpy scalars as JSON-ready int/float."""
    if value is None or isinstance(value, int | float):
        return value
    return float(value)


def organisations(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT organisation FROM stg_staff ORDER BY 1").fetchall()]


class UnknownScope(NamedTuple):
    """No staff row has ``value`` in ``column``; ``known``: the values staff rows have
    (worded by the text layer: ``scope.unknown``)."""

    column: str
    value: str
    known: list[str]


def unknown_scope(
    con: duckdb.DuckDBPyConnection, organisation: str | None, direction: str | None
) -> UnknownScope | None:
    """What to warn about when no staff row has that organisation (or direction), with the known ones."""
    for column, value in (("organisation", organisation), ("direction", direction)):
        if value is None:
            continue
        known = [r[0] for r in con.execute(f"SELECT DISTINCT {column} FROM stg_staff ORDER BY 1").fetchall()]
        if value.strip().lower() not in {k.strip().lower() for k in known}:
            return UnknownScope(column, value, known)
    return None
