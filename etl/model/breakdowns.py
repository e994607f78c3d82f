"""The breakdowns of the data contract (section 6): headline figures split by one dimension.

The one read model behind the pages' tables and charts, the Excel summary, the slides and
``python -m etl breakdown``. Each breakdown composes the macros of etl/model/model.sql (employed at D,
member at D, held at D…), so its rows add up to the headline figure of etl/model/kpis.py.

Rows come in code-point order of ``label`` with the empty label (None) last; labels are text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from etl.store.db import query


@dataclass(frozen=True)
class Breakdown:
    """A breakdown's dimensions (``--by`` -> SQL label expression) and its figure columns."""

    name: str
    dimensions: dict[str, str]  # the contract's (``--by``)
    columns: tuple[str, ...]
    sql: str
    people: bool  # narrowed by --organisation / --direction
    since: bool  # narrowed by --since
    # the pages' and exports' own dimensions, beyond the contract (``--list`` shows them apart)
    extra: dict[str, str] = field(default_factory=dict)

    def label(self, by: str) -> str:
        return {**self.dimensions, **self.extra}[by]


# one row per staff member employed at D of the scope
_PARTICIPATION = """
with people as (select * from people_at($as_of, $org, dir := $dir, svc := $svc) where employed),
keyed as (select {label} as label, * from people)
-- one row per {by}
select label, count(*) as staff, count(*) filter (where member) as members,
    count(*) filter (where is_manager) as managers, count(*) filter (where is_manager and member) as member_managers,
    member_managers / nullif(managers, 0) as manager_participation_rate
from keyed group by label
"""

# one row per line of hours (attended rows of held sessions, contributions <= D) of the scope
_HOURS = """
with lines as (
    select h.*, s.organisation, s.direction
    from hours_lines($as_of, $org, dir := $dir, svc := $svc) h left join stg_staff s using (person_id)
    where in_period(h.day, $since)
),
keyed as (select {label} as label, * from lines)
-- one row per {by}
select label,
    sum(hours) filter (where source = 'session') as session_hours,
    sum(hours) filter (where source = 'contribution') as contribution_hours,
    sum(hours) as hours,
    count(distinct person_id) as participants
from keyed group by label
"""

# one row per budget row (never narrowed by organisation); {period}: the rows the bars cover (by year,
# every row, each in its own year's bar; by category or group, D's calendar year)
_BUDGET = """
with rows as (select * from stg_budget where in_period(date, $since)),
keyed as (select {label} as label, * from rows)
-- one row per {by}
select label,
    sum(planned_eur) filter (where {period}) as planned_eur,
    sum(spent_eur) filter (where {period} and dated_by(date, $as_of)) as spent_eur,
    sum(spent_eur) filter (where dated_by(date, $as_of)) as spent_to_date_eur
from keyed group by label {having}
"""

# one row per attended row of a held session whose person has a group, the scope's people's (who else
# attended is judged among everyone); the group is the label, so {label} is the row's group
_TRANSVERSALITY = """
with rows as (
    select * from across_rows($as_of, {by_org}, $org, dir := $dir, svc := $svc) where in_period(session_day, $since)
),
met as (  -- one row per group: the other groups present in one of its sessions
    select r.grp, count(distinct o.grp) as groups_met
    from (select distinct grp, session_id from rows) r
    join session_groups($as_of, {by_org}) o on o.session_id = r.session_id and o.grp <> r.grp
    group by r.grp
),
per_group as (
    select grp, count(distinct person_id) as participants, sum(hours) as hours,
        sum(hours) filter (where across) as cross_hours,
        count(distinct session_id) as sessions, count(distinct session_id) filter (where across) as cross_sessions
    from rows group by grp
)
-- one row per {by}
select {label} as label, participants, hours, cross_hours,
    coalesce(cross_hours, 0) / nullif(hours, 0) as cross_hours_share,
    coalesce(groups_met, 0) as groups_met, sessions, cross_sessions
from per_group left join met using (grp)
"""

# one row per pair of groups of the scope's people that attended the same held session
_LINKS = """
with rows as (
    select distinct session_id, grp from across_rows($as_of, {by_org}, $org, dir := $dir, svc := $svc)
    where in_period(session_day, $since)
)
-- one row per pair of {by} (label < other)
select {label} as label, b.grp as other, count(*) as sessions, sum(s.duration_hours) as hours
from rows a join rows b on a.session_id = b.session_id and a.grp < b.grp
join stg_sessions s on s.session_id = a.session_id
group by a.grp, b.grp
"""

# one row per action with its status at D (never narrowed by organisation)
_ACTIONS = """
with keyed as (select {label} as label, * from action_status_at($as_of))
-- one row per {by}
select label, count(*) as actions, count(*) filter (where status = 'done') as done,
    count(*) filter (where late_on(due_on, status, $as_of)) as late, avg(progress_pct) as mean_progress_pct
from keyed group by label
"""

# one row per idea counted in ideas_total at D
_IDEAS = """
with keyed as (select {label} as label, * from ideas_at($as_of))
-- one row per {by}
select label, count(*) as ideas, count(*) filter (where retained) as retained
from keyed group by label
"""

BREAKDOWNS: dict[str, Breakdown] = {
    b.name: b
    for b in (
        Breakdown(
            "participation",
            {d: d for d in ("organisation", "direction", "service", "site", "category")},
            ("staff", "members", "managers", "member_managers", "manager_participation_rate"),
            _PARTICIPATION,
            people=True,
            since=False,
            # a direction with its organisation, so two organisations' « DRH » stay apart on a page
            extra={"direction_in_organisation": "direction || ' (' || organisation || ')'"},
        ),
        Breakdown(
            "hours",
            {
                "organisation": "organisation",
                "direction": "direction",
                "group": "group_id",
                "kind": "coalesce(kind, source)",
                "month": "strftime(day, '%Y-%m')",
                "theme": "theme",
            },
            ("session_hours", "contribution_hours", "hours", "participants"),
            _HOURS,
            people=True,
            since=True,
            extra={"direction_in_organisation": "direction || ' (' || organisation || ')'"},
        ),
        Breakdown(
            "budget",
            {"year": "CAST(year(date) AS VARCHAR)", "category": "category", "group": "group_id"},
            ("planned_eur", "spent_eur", "spent_to_date_eur"),
            _BUDGET,
            people=False,
            since=True,
        ),
        Breakdown(
            "actions",
            {
                "status": "status",
                "axis": "axis",
                "group": "group_id",
                "priority": "CAST(coalesce(priority, false) AS VARCHAR)",
            },
            ("actions", "done", "late", "mean_progress_pct"),
            _ACTIONS,
            people=False,
            since=False,
        ),
        Breakdown(
            "ideas",
            {"status": "status", "group": "group_id", "source": "source"},
            ("ideas", "retained"),
            _IDEAS,
            people=False,
            since=False,
        ),
        Breakdown(
            "transversality",
            {"direction": "grp", "organisation": "grp"},
            (
                "participants",
                "hours",
                "cross_hours",
                "cross_hours_share",
                "groups_met",
                "sessions",
                "cross_sessions",
            ),
            _TRANSVERSALITY,
            people=True,
            since=True,
        ),
        Breakdown(
            "links",
            {"direction": "a.grp", "organisation": "a.grp"},
            ("other", "sessions", "hours"),
            _LINKS,
            people=True,
            since=True,
        ),
    )
}


class UnknownBreakdown(ValueError):
    """A breakdown name or dimension the contract does not define: ``code`` (``name``, ``dimension``,
    ``usage``) and ``values``, the valid ones among them, worded by the text layer (``cli.breakdown.*``)."""

    def __init__(self, code: str, **values) -> None:
        super().__init__(code, values)
        self.code, self.values = code, values


def catalogue() -> dict[str, list[str]]:
    """Each breakdown's name -> its dimensions (``breakdown --list``)."""
    return {b.name: list(b.dimensions) for b in BREAKDOWNS.values()}


def spec(name: str, by: str, pages: bool = False) -> Breakdown:
    """The breakdown ``name``, checked to have dimension ``by`` (with ``pages``, the pages' own ones
    too); else UnknownBreakdown naming the valid ones."""
    if name not in BREAKDOWNS:
        raise UnknownBreakdown("name", name=name, valid=", ".join(BREAKDOWNS))
    b = BREAKDOWNS[name]
    if by not in b.dimensions and not (pages and by in b.extra):
        raise UnknownBreakdown("dimension", name=name, by=by, valid=", ".join(b.dimensions))
    return b


def breakdown(
    con: duckdb.DuckDBPyConnection,
    name: str,
    by: str,
    as_of: dt.date,
    organisation: str | None = None,
    direction: str | None = None,
    since: dt.date | None = None,
    service: str | None = None,
) -> pd.DataFrame:
    """One row per value of ``by``: label, then the breakdown's columns (contract section 6).

    Labels in code-point order, None last. Budget and actions ignore the organisation and the
    direction; participation, actions and ideas ignore ``since``.
    """
    b = spec(name, by, pages=True)
    sql = _sql(b, by)
    frame = query(con, sql, as_of=as_of, org=organisation, dir=direction, svc=service, since=since)
    frame["label"] = frame["label"].astype(object).where(frame["label"].notna(), None)
    return frame[["label", *b.columns]].reset_index(drop=True)


def _sql(b: Breakdown, by: str) -> str:
    fields = {"label": f"CAST({b.label(by)} AS VARCHAR)", "by": by, "by_org": str(by == "organisation")}
    if b.name == "budget":
        # by year: each row in its own year's bar, years after D's gone; else both bars in D's year
        by_year = by == "year"
        fields["period"] = "true" if by_year else "in_year_of(date, $as_of::date)"
        fields["having"] = "having label <= CAST(year($as_of::date) AS VARCHAR)" if by_year else ""
    # code-point order of the label (a stable order for scripts), the empty label last; links by pair
    order = "label nulls last" + (", other" if b.name == "links" else "")
    return f"select * from ({b.sql.format(**fields)}) order by {order}"


def rows(frame: pd.DataFrame) -> list[dict]:
    """The frame as JSON-ready rows: NaN -> None, numpy scalars -> int / float."""
    out = []
    for record in frame.to_dict("records"):
        out.append({k: _plain(v) for k, v in record.items()})
    return out


def _plain(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if pd.isna(value):
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not (value == value and abs(value) != float("inf")):
        return None
    return value
