"""What the Excel summary holds: one Table per sheet, read from the model.

Participation, hours, budget, actions (late ones first), working together, surveys (as
etl.model.survey_results returns them, hidden cells included) and the last load's counts (per
table, per table and reason: no row values). Every figure is read from etl.model.breakdowns,
etl.model.queries, etl.model.actions_budget, etl.model.working_across and etl.model.survey_results,
the functions the pages read: a figure in the file is the figure on the page. Writing them is
etl.documents.excel's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from etl.documents.scope import Scope
from etl.intake.rejects import reject_groups, reject_reasons
from etl.model import actions_budget, queries, survey_results, working_across
from etl.model.breakdowns import breakdown
from etl.text.i18n import code_label, t
from etl.text.reject_words import group_label, reason


@dataclass
class Table:
    """One sheet: a frame, its columns (name -> kind: a key of NUMBER_FORMATS, ``bool``, else text)
    and their headers (default: the column's translation)."""

    key: str
    frame: pd.DataFrame
    columns: dict[str, str]
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""


# the code list of each breakdown label, for its translation
LABEL_CODES = {
    ("hours", "kind"): "kind",
    ("budget", "category"): "budget_category",
    ("actions", "status"): "action_status",
    ("ideas", "status"): "idea_status",
}


def breakdown_table(con, key: str, name: str, by: str, scope: Scope, figures: dict[str, str]) -> Table:
    """A breakdown of contract section 6 as a sheet: label (translated), then ``figures``."""
    people = name in ("participation", "hours")
    frame = breakdown(
        con,
        name,
        by,
        scope.as_of,
        scope.organisation if people else None,
        scope.direction if people else None,
    )
    label_kind = "month" if by == "month" else "bool" if by == "priority" else "label"
    frame = frame.assign(label=[_label(name, by, v, scope.lang) for v in frame["label"]])
    # money and hours of no row are 0 € and 0 h to a reader (the breakdown's sum of none is null);
    # a rate or a mean of none stays empty
    summed = [c for c, kind in figures.items() if kind in SUMS]
    frame[summed] = frame[summed].fillna(0)
    header = t("direction" if by.startswith("direction") else by, scope.lang)
    return Table(key, frame, {"label": label_kind, **figures}, {"label": header})


def _label(name: str, by: str, value, lang: str):
    if value is None:
        return t("not_given", lang)
    if by == "month":
        return dt.date.fromisoformat(f"{value}-01")
    if by == "priority":
        return value == "true"
    codes = LABEL_CODES.get((name, by))
    return code_label(codes, value, lang) if codes else value


PARTICIPATION = {
    "staff": "int",
    "members": "int",
    "managers": "int",
    "member_managers": "int",
    "manager_participation_rate": "pct",
}
HOURS = {"session_hours": "hours", "contribution_hours": "hours", "hours": "hours", "participants": "int"}
BUDGET = {"planned_eur": "eur", "spent_eur": "eur", "spent_to_date_eur": "eur"}
SUMS = ("eur", "hours")  # the kinds of figures that are sums
# by year, a year's spent to date is its spent (data contract, section 6): the same figures again
# under « depuis le début » read as a running total that they are not
BUDGET_YEAR = {"planned_eur": "eur", "spent_eur": "eur"}
ACTIONS = {"actions": "int", "done": "int", "late": "int", "mean_progress_pct": "pct100"}


def tables(con: duckdb.DuckDBPyConnection, scope: Scope, values: bool = False) -> list[Table]:
    """The summary's sheets after the first, in order (each a breakdown or a page's table); ``values``:
    the rejected rows' values in the reasons (HR and admin only)."""
    lang = scope.lang
    by_direction = "direction" if scope.organisation else "direction_in_organisation"
    out = [
        breakdown_table(
            con, "participation_organisation", "participation", "organisation", scope, PARTICIPATION
        ),
        breakdown_table(con, "participation_direction", "participation", by_direction, scope, PARTICIPATION),
        breakdown_table(con, "hours_kind", "hours", "kind", scope, HOURS),
        breakdown_table(con, "hours_month", "hours", "month", scope, HOURS),
        breakdown_table(con, "hours_organisation", "hours", "organisation", scope, HOURS),
        breakdown_table(con, "budget_year", "budget", "year", scope, BUDGET_YEAR),
        breakdown_table(con, "budget_category", "budget", "category", scope, BUDGET),
        breakdown_table(con, "actions_status", "actions", "status", scope, ACTIONS),
        breakdown_table(con, "actions_axis", "actions", "axis", scope, ACTIONS),
        together_table(con, scope),
        action_list_table(con, scope),
        *survey_tables(con, scope),
        *load_tables(con, lang, values),
    ]
    return out


def together_table(con, scope: Scope) -> Table:
    """Working across directions: each direction's share of hours with another, directions of fewer
    than 5 participants gathered (the summary goes to every role), the most working across first."""
    frame = working_across.groups(
        con, scope.as_of, "direction", scope.organisation, scope.direction, gather=True
    )
    frame = frame.assign(
        label=[
            t("transversality.others", scope.lang) if v == working_across.OTHERS else v
            for v in frame["label"]
        ]
    )
    columns = working_across.GROUP_KINDS
    note = t("transversality.groups.help", scope.lang, n=working_across.LEAST)
    return Table("together", frame, columns, {"label": t("direction", scope.lang)}, note=note)


def action_list_table(con, scope: Scope) -> Table:
    """Every action at D, late ones first (then by due date); owners are not named here."""
    frame = actions_budget.action_list(con, scope.as_of)
    frame = frame.sort_values(["late", "due_on"], ascending=[False, True], na_position="last", kind="stable")
    frame = frame.assign(
        status=[code_label("action_status", s, scope.lang) for s in frame["status"]],
        light=[code_label("light", v, scope.lang) for v in frame["light"]],
    )
    columns = {
        "action_id": "text",
        "title": "text",
        "axis": "text",
        "group": "text",
        "priority": "bool",
        "start_on": "date",
        "due_on": "date",
        "status": "text",
        "progress_pct": "pct100",
        "expected_pct": "pct100",
        "late": "bool",
        "light": "text",
    }
    return Table("action_list", frame.reset_index(drop=True), columns, note=t("late_first", scope.lang))


def survey_tables(con, scope: Scope) -> list[Table]:
    """The surveys opened by D, then the latest one's themes and members against others, as
    etl.model.survey_results returns them: a hidden cell stays empty, with its reason."""
    lang, org, dir_ = scope.lang, scope.organisation, scope.direction
    note = t("export.privacy_note", lang)
    listed = _privacy(survey_results.survey_list(con, scope.as_of, org, dir_), lang)
    out = [
        Table(
            "surveys",
            listed,
            survey_results.LIST_KINDS,
            note=note,
        )
    ]
    survey_id = survey_results.latest_survey(con, scope.as_of)
    if survey_id is None:
        return out
    title = listed.loc[listed["survey_id"] == survey_id, "title"].iloc[0]
    shares = {"respondents": "int", "favourable": "pct", "neutral": "pct", "unfavourable": "pct"}
    themes = _privacy(survey_results.theme_scores(con, survey_id, org, dir_), lang)
    themes["theme"] = [code_label("survey_theme", v, lang) for v in themes["theme"]]
    groups = _privacy(survey_results.theme_by_group(con, survey_id, "is_member", org, dir_), lang)
    groups["theme"] = [code_label("survey_theme", v, lang) for v in groups["theme"]]
    groups["group"] = [t(f"group.is_member.{str(g).lower()}", lang) for g in groups["group"]]
    places = _privacy(survey_results.theme_heatmap(con, survey_id, "organisation", org, dir_), lang)
    places["theme"] = [code_label("survey_theme", v, lang) for v in places["theme"]]
    places["organisation"] = [code_label("label", v, lang) for v in places["organisation"]]
    enps = _privacy(survey_results.enps(con, survey_id, org, dir_), lang)
    yes_no = _privacy(survey_results.yes_no(con, survey_id, org, dir_), lang)
    caption = f"{t('export.survey', lang)} : {title}. {note}"
    return [
        *out,
        Table("survey_themes", themes, {"theme": "text", **shares, "privacy": "text"}, note=caption),
        Table(
            "survey_members",
            groups,
            {"theme": "text", "group": "text", **shares, "privacy": "text"},
            note=caption,
        ),
        Table(
            "survey_organisations",
            places,
            {
                "organisation": "text",
                "theme": "text",
                "respondents": "int",
                "favourable": "pct",
                "privacy": "text",
            },
            note=caption,
        ),
        Table(
            "survey_enps",
            enps,
            {
                "text": "text",
                "respondents": "int",
                "promoters": "pct",
                "passives": "pct",
                "detractors": "pct",
                "enps": "num",
                "privacy": "text",
            },
            {"text": t("question", lang), "enps": t("surveys.enps", lang)},
            note=caption,
        ),
        Table(
            "survey_yes_no",
            yes_no,
            {"text": "text", "respondents": "int", "yes": "pct", "privacy": "text"},
            {"text": t("question", lang), "yes": t("yes_share", lang)},
            note=caption,
        ),
    ]


def _privacy(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    reasons = [code_label("suppression", r, lang) if isinstance(r, str) else "" for r in frame["reason"]]
    return frame.assign(privacy=reasons)


def load_tables(con, lang: str, values: bool = False) -> list[Table]:
    """The last load: rows per table, and rejected rows per table and reason. ``values`` (HR and
    admin only): each reason with the values read; else the reason without them, so a name, an
    e-mail or a matricule read in a rejected row never reaches the file."""
    load = queries.last_load(con)
    if load.empty:
        return []
    load_id = int(load["load_id"].iloc[0])
    counts = queries.load_table_counts(con, load_id)
    counts["table"] = [t(f"table.{n}", lang) for n in counts["table_name"]]
    reasons = reject_counts(con, load_id, lang, values)
    reasons["table"] = [t(f"table.{n}", lang) for n in reasons["table_name"]]
    return [
        Table(
            "load_tables",
            counts,
            {
                "table": "text",
                "files": "text",
                "rows_read": "int",
                "rows_loaded": "int",
                "rows_rejected": "int",
            },
            {"table": t("table_name", lang)},
        ),
        Table(
            "load_reasons",
            reasons,
            {"table": "text", "reason": "text", "rows": "int"},
            {"table": t("table_name", lang)},
        ),
    ]


def reject_counts(con, load_id: int, lang: str, values: bool = False) -> pd.DataFrame:
    """One row per table and reason worded in ``lang``: table_name, reason, rows (most rows first);
    the reason holds the values read only with ``values``."""
    if values:
        rows = reject_reasons(con, load_id)
        words = [reason(p, r, lang) for p, r in zip(rows["problems"], rows["reason"], strict=True)]
    else:
        rows = reject_groups(con, load_id)
        words = [
            _unquoted(group_label(p, r, lang)) for p, r in zip(rows["problems"], rows["reason"], strict=True)
        ]
    rows = rows.assign(reason=words, rows=rows["rows"] if "rows" in rows else 1)
    counted = rows.groupby(["table_name", "reason"], as_index=False, sort=False)["rows"].sum()
    return counted.sort_values(
        ["rows", "table_name"], ascending=[False, True], kind="stable", ignore_index=True
    )


def _unquoted(reason_text: str) -> str:
    """A reason without its « value » (a load recorded before reason codes stored it worded)."""
    return re.sub(r" ?: « [^»]*»", "", reason_text)
