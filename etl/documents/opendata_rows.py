"""The rows each resource of the open-data package publishes: aggregates only, small groups hidden.

Each ``*_rows`` function is a resource's read at D, on the same read model as the pages
(etl.model.kpis.headline, etl.model.breakdowns, etl.model.working_across,
etl.model.survey_results); ``protect`` hides a count of people between 1 and 4 with the figures it
carries, and a second cell where the parts add up to a published total. The resources that declare
them and the package's writing are etl.documents.opendata's.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

import duckdb
import pandas as pd

from etl.model import queries, survey_results, working_across
from etl.model.breakdowns import breakdown
from etl.model.kpis import NAMES, headline, organisations
from etl.store.stored_reads import sharing
from etl.text.i18n import code_label

LEAST = 5  # the smallest count of people published
WHOLE = "Ensemble du réseau"  # the organisation of the network's own rows
ALL_DIRECTIONS = "Toutes directions"  # the direction of a survey row that is not a direction's
OTHERS = "Autres directions"  # working_across.OTHERS, worded
NOT_GIVEN = code_label("label", queries.NOT_GIVEN, "fr")  # a label the data left blank, worded


# --- small groups ---------------------------------------------------------------------


def protect(frame: pd.DataFrame, counts: dict[str, tuple[str, ...]], within: str | None = None):
    """``frame`` with each count of people between 1 and 4 emptied, with the figures it carries
    (``counts``: column -> those figures), and a ``masque`` column (a cell of the row is hidden).

    ``within``: the column whose values group the parts of a published total (None: the whole
    frame); in a group where a count column hides exactly one cell, its smallest other non-zero cell
    hides too, so the total minus the shown parts gives nothing back.
    """
    out = frame.copy()
    hidden = pd.DataFrame(False, index=out.index, columns=list(counts))
    groups = out.groupby(within, dropna=False).groups.values() if within else [out.index]
    for column in counts:
        values = pd.to_numeric(out[column], errors="coerce")
        hidden[column] = values.between(1, LEAST - 1)
        for index in groups:
            small = hidden.loc[index, column]
            shown = values.loc[index][~small & (values.loc[index] > 0)]
            if small.sum() == 1 and not shown.empty:
                hidden.loc[shown.idxmin(), column] = True
    for column, carried in counts.items():
        for name in (column, *carried):
            out[name] = out[name].astype(object).where(~hidden[column], None)
    out["masque"] = hidden.any(axis=1)
    return out


# --- the resources' rows ----------------------------------------------------------------

# each people count of the headline -> the figures it carries (its rate, the hours of those people)
HEADLINE_COUNTS = {
    "managers": ("manager_participation_rate",),
    "member_managers": ("manager_participation_rate",),
    "members": (),
    "active_members_12m": (),
    "participants": (
        "attendance_rate",
        "hours_invested",
        "hours_per_participant",
        "hours_share_top_10pct",
        "cross_direction_hours_share",
    ),
}


def month_ends(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> list[dt.date]:
    """The last day of each month from the first session or contribution up to D, then D itself
    when it is not a month's end."""
    sql = """
    -- one row: the first day anyone could have taken part
    select least((select min(date)::date from stg_sessions), (select min(date) from stg_contributions))
    """
    first = con.execute(sql).fetchone()[0]
    days: list[dt.date] = []
    year, month = (first.year, first.month) if first else (as_of.year, as_of.month)
    while (year, month) <= (as_of.year, as_of.month):
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        days.append(min(end, as_of))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def headline_rows(con, as_of: dt.date) -> pd.DataFrame:
    """One row per month end up to D per organisation, the network first: date, organisation, the
    headline indicators as etl.model.kpis.headline gives them, masque."""
    scopes = [None, *organisations(con)]
    with sharing():  # a day's network indicators read once for its organisations (kpis.network)
        rows = [
            {**headline(con, day, org), "date": day, "organisation": org or WHOLE}
            for day in month_ends(con, as_of)
            for org in scopes
        ]
    frame = pd.DataFrame(rows)[["date", "organisation", *NAMES]]
    whole = frame["organisation"] == WHOLE
    parts = [
        protect(frame[whole], HEADLINE_COUNTS, "date"),
        protect(frame[~whole], HEADLINE_COUNTS, "date"),
    ]
    return pd.concat(parts).sort_index()


def participation_rows(con, as_of: dt.date) -> pd.DataFrame:
    """One row per direction of each organisation (staff employed at D): the participation breakdown."""
    parts = [
        breakdown(con, "participation", "direction", as_of, organisation=org).assign(organisation=org)
        for org in organisations(con)
    ]
    frame = pd.concat(parts, ignore_index=True).rename(columns={"label": "direction"})
    frame["direction"] = frame["direction"].fillna(NOT_GIVEN)
    counts = {
        "staff": (),
        "members": (),
        "managers": ("manager_participation_rate",),
        "member_managers": ("manager_participation_rate",),
    }
    return protect(frame, counts, "organisation")


def hours_rows(by: str) -> Callable:
    def rows(con, as_of: dt.date) -> pd.DataFrame:
        """One row per kind (or theme) of hours up to D, the whole network: the hours breakdown."""
        frame = breakdown(con, "hours", by, as_of).rename(columns={"label": by})
        frame[by] = frame[by].fillna(NOT_GIVEN)
        return protect(frame, {"participants": ("session_hours", "contribution_hours", "hours")})

    return rows


def transversality_rows(con, as_of: dt.date) -> pd.DataFrame:
    """One row per direction of 5 participants or more, the others gathered: the Transversalité table."""
    frame = working_across.groups(con, as_of, "direction", gather=True).rename(columns={"label": "direction"})
    frame["direction"] = frame["direction"].replace(working_across.OTHERS, OTHERS)
    return protect(frame, {"participants": ("hours", "cross_hours", "cross_hours_share")})


def network_rows(name: str, by: str) -> Callable:
    """The read of a breakdown of the network's own (``budget`` by year up to D's or by category,
    ``actions`` by axis or status at D): never narrowed to people, so no count to hide."""

    def rows(con, as_of: dt.date) -> pd.DataFrame:
        frame = breakdown(con, name, by, as_of).rename(columns={"label": by})
        frame[by] = frame[by].fillna(NOT_GIVEN)
        return frame.assign(masque=False)

    return rows


def survey_rows(con, as_of: dt.date) -> pd.DataFrame:
    """One row per survey opened by D, per likert theme, for the network, each organisation and each
    direction within it: respondents and favourable share as the protection shows them."""
    parts = []
    for survey in survey_results.survey_list(con, as_of).itertuples():
        whole = survey_results.theme_scores(con, survey.survey_id).assign(organisation=WHOLE)
        by_org = survey_results.theme_heatmap(con, survey.survey_id, "organisation")
        by_dir = survey_results.theme_heatmap(con, survey.survey_id, "direction")
        frame = pd.concat([whole, by_org, by_dir], ignore_index=True)
        parts.append(frame.assign(survey_id=survey.survey_id, title=survey.title, opened_on=survey.opened_on))
    columns = [
        "survey_id",
        "title",
        "opened_on",
        "organisation",
        "direction",
        "theme",
        "respondents",
        "favourable",
    ]
    if not parts:
        return pd.DataFrame(columns=[*columns, "masque"])
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.replace({c: {queries.NOT_GIVEN: NOT_GIVEN} for c in ("organisation", "direction", "theme")})
    frame["direction"] = frame["direction"].fillna(ALL_DIRECTIONS)
    hidden = frame["suppressed"].astype(bool)
    frame["respondents"] = frame["respondents"].astype(object).where(~hidden, None)
    frame["favourable"] = frame["favourable"].astype(object).where(~hidden, None)
    return frame[columns].assign(masque=hidden)
