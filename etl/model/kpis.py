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

# One row: the people's indicators at $d for $org and $dir (NULL: everyone); the attendance rows are
# matched once (att) and read both for the attendance rate and for the lines of hours. Written as a
# cross join of one-row aggregates, not as a select of scalar subqueries: DuckDB's join-order
# optimizer spent 20 ms planning the dozen subqueries that one select makes, more than their run on
# the demo (a headline 80 ms -> 30 ms; tests/test_kpis.py checks both forms give the same row).
PEOPLE_SQL = """
WITH people AS (SELECT * FROM people_at($d, $org, dir := $dir, svc := $svc)),
att AS (SELECT * FROM attendance_held($d, $org, dir := $dir, svc := $svc)),
hrs AS (SELECT * FROM hours_lines_of(att, $d, $org, dir := $dir, svc := $svc)),
active AS (SELECT DISTINCT person_id FROM hrs WHERE in_last_12m(day, $d))
SELECT *, member_managers / nullif(managers, 0) AS manager_participation_rate,
    hours_invested / nullif(participants, 0) AS hours_per_participant FROM
    (SELECT count(*) FILTER (WHERE employed AND is_manager) AS managers,
        count(*) FILTER (WHERE employed AND is_manager AND member) AS member_managers,
        count(*) FILTER (WHERE employed AND member) AS members,
        count(*) FILTER (WHERE employed AND member AND person_id IN (SELECT person_id FROM active))
            AS active_members_12m
    FROM people),
    (SELECT count_if(status = 'attended') / nullif(count(*), 0) AS attendance_rate FROM att),
    (SELECT sum(hours) AS hours_invested, count(DISTINCT person_id) AS participants FROM hrs),
    (SELECT top_tenth_share AS hours_share_top_10pct FROM top_tenth_of(hrs)),
    (SELECT coalesce(sum(hours) FILTER (WHERE across), 0) / nullif(sum(hours), 0)
        AS cross_direction_hours_share
    FROM across_rows($d, false, $org, dir := $dir, svc := $svc))
"""

# One row: the network's indicators at $d (sessions, budget, ideas, actions: never narrowed), and
# the survey rate (null under an organisation or a direction); one-row aggregates cross joined, as
# above. An empty set counts as SQL counts it: count(*) 0, count_if and sum NULL.
NETWORK_SQL = """
SELECT * FROM
    (SELECT count(*) AS sessions_held FROM sessions_held($d)),
    (SELECT sum(spent_eur) FILTER (WHERE dated_by(date, $d)) AS budget_spent_eur,
        sum(planned_eur) FILTER (WHERE in_year_of(date, $d)) AS budget_planned_eur
    FROM stg_budget),
    (SELECT count(*) AS ideas_total, count_if(retained) AS ideas_retained FROM ideas_at($d)),
    (SELECT count(*) AS actions_total, count_if(priority) AS actions_priority,
        count_if(status = 'done') AS actions_done, count_if(late_on(due_on, status, $d)) AS actions_late
    FROM action_status_at($d)),
    (SELECT CASE WHEN $org IS NULL AND $dir IS NULL AND $svc IS NULL THEN (
        SELECT (SELECT count(*) FROM stg_survey_respondents r WHERE r.survey_id = s.survey_id)
               / nullif(s.invited, 0)
        FROM latest_survey($d) s) END AS survey_response_rate)
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
    without the people's: a read that needs no attendance (the ideas-to-actions funnel) skips it.
    The same for every scope but the survey rate (null within one): read once per day when shared
    (the read model's scopes, the open-data series' organisations)."""
    row = _whole_network(con, as_of)
    if organisation is not None or direction is not None or service is not None:
        row["survey_response_rate"] = None  # as NETWORK_SQL says it within a scope
    return row


@shared
def _whole_network(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict:
    return _row(con, NETWORK_SQL, as_of, None, None, None)


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
