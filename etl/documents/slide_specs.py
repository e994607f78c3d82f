"""The presenter's messages, in order: what each slide says.

``slide_specs(con, as_of, organisation, direction, lang) -> list[SlideSpec]`` is the one
definition of what each slide says (headline, participation, working together, growth, hours,
budget, actions, a survey theme): its title, its message, its figures and its chart's data, all
read from etl.model.kpis.headline, etl.model.breakdowns.breakdown, etl.model.queries.network_growth
and etl.model.survey_results. The deck (etl.documents.deck), the offline report
(etl.documents.report) and the app's presenter slideshow read these specs, so the same messages
come in the same order everywhere. No person's name is ever in a spec.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import duckdb
import pandas as pd

from etl.documents.scope import Scope, source_line
from etl.model import queries, survey_results, working_across
from etl.model.breakdowns import breakdown
from etl.model.kpis import headline
from etl.store.stored_reads import shared
from etl.text import format as fmt
from etl.text.i18n import code_label, t

ORDER = ("headline", "participation", "together", "growth", "hours", "budget", "actions", "survey")
MOST_BARS = 6  # the directions of the « Travailler ensemble » slide: those working least across
# kind of a figure (etl.text.format.of_kind writes its text) -> number format of a chart's values in PowerPoint
NUMBER_FORMATS = {
    "int": "#,##0",
    "pct": "0 %",
    "eur": '#,##0 "€"',
    "hours": '#,##0" h"',
    "hours_each": '#,##0.0" h"',
}


@dataclass(frozen=True)
class Figure:
    """One figure of a slide: its label, its value (a fraction for a rate), kind and French text."""

    label: str
    value: float | None
    kind: str  # a key of NUMBER_FORMATS
    text: str


@dataclass(frozen=True)
class Series:
    """A chart's series: its name, its values, and the column it plots (``key``: its colour,
    etl.figures.palette.series, the same in the app, the deck and the Excel summary)."""

    name: str
    values: tuple[float | None, ...]
    key: str = ""


@dataclass(frozen=True)
class Chart:
    """A chart's data: ``kind`` is bar (horizontal), column, line or doughnut; ``value_kind`` as Figure's."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_kind: str

    @property
    def number_format(self) -> str:
        return NUMBER_FORMATS[self.value_kind]


@dataclass(frozen=True)
class SlideSpec:
    """One message: ``key`` (see ORDER), title, message (one sentence), figures, chart (or None),
    caption (date and scope) and source (the load)."""

    key: str
    title: str
    message: str
    figures: tuple[Figure, ...] = ()
    chart: Chart | None = None
    caption: str = ""
    source: str = ""
    notes: str = field(default="", compare=False)


def slide_specs(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    organisation: str | None = None,
    direction: str | None = None,
    lang: str = "fr",
) -> list[SlideSpec]:
    """The presenter's slides at D for the scope, in ORDER (the survey slide only when a survey was
    opened by D), each one's notes naming the load they were read from (its number and date, a
    restore): for the presenter, the audience reads the date and the source in the caption."""
    load = t("export.source_is", lang, source=source_line(con, lang))
    return [
        replace(spec, notes="\n".join(n for n in (spec.notes, load) if n))
        for spec in slide_contents(con, as_of, organisation, direction, lang)
    ]


@shared  # the data's part: a load of unchanged data takes it over, slide_specs adds the load's line
def slide_contents(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    organisation: str | None = None,
    direction: str | None = None,
    lang: str = "fr",
) -> list[SlideSpec]:
    """slide_specs without the load: what the slides say of the data at D for the scope."""
    scope = Scope(as_of, organisation, direction, lang)
    h = headline(con, as_of, organisation, direction)
    # the audience reads the date of the figures and where they come from
    common = {"caption": scope.caption(), "source": t("slide.source", lang)}
    builders = (_headline, _participation, _together, _growth, _hours, _budget, _actions, _survey)
    specs = [build(con, scope, h) for build in builders]
    return [
        SlideSpec(
            **{
                **spec.__dict__,
                **common,
                "chart": spec.chart if spec.chart and spec.chart.categories else None,
            }
        )
        for spec in specs
        if spec is not None
    ]


def figure(name: str, value, kind: str, lang: str, label: str | None = None) -> Figure:
    return Figure(label or t(name, lang), value, kind, fmt.of_kind(value, kind, lang))


def _text(h: dict, name: str, kind: str, lang: str) -> str:
    return fmt.of_kind(h[name], kind, lang)


def _headline(con, scope: Scope, h: dict) -> SlideSpec:
    lang = scope.lang
    others = None if h["managers"] is None else h["managers"] - (h["member_managers"] or 0)
    chart = Chart(
        "doughnut",
        (t("member_managers", lang), t("slide.other_managers", lang)),
        (Series(t("managers", lang), (h["member_managers"], others)),),
        "int",
    )
    return SlideSpec(
        "headline",
        t("slides.headline.title", lang),
        t(
            "slide.headline.message",
            lang,
            n=_text(h, "member_managers", "int", lang),
            d=_text(h, "managers", "int", lang),
            rate=_text(h, "manager_participation_rate", "pct", lang),
        ),
        (
            figure("manager_participation_rate", h["manager_participation_rate"], "pct", lang),
            figure("member_managers", h["member_managers"], "int", lang),
            figure("members", h["members"], "int", lang),
        ),
        chart,
    )


def _participation(con, scope: Scope, h: dict) -> SlideSpec:
    """The rate by organisation (by direction within one organisation), lowest first; the message
    gives the spread. No large figures: the chart is the message (the headline slide has the rate)."""
    lang = scope.lang
    by = "direction" if scope.organisation else "organisation"
    frame = breakdown(con, "participation", by, scope.as_of, scope.organisation, scope.direction)
    frame = frame[frame["managers"] > 0].sort_values("manager_participation_rate", kind="stable")
    labels = tuple(t("not_given", lang) if v is None else v for v in frame["label"])
    rates = tuple(_num(v) for v in frame["manager_participation_rate"])
    chart = Chart("bar", labels, (Series(t("manager_participation_rate", lang), rates),), "pct")
    if len(frame) >= 2:
        message = t(
            f"slide.participation.message.{by}",
            lang,
            low=fmt.percent(rates[0], lang=lang),
            high=fmt.percent(rates[-1], lang=lang),
        )
    else:
        message = t(
            "slide.participation.single", lang, rate=_text(h, "manager_participation_rate", "pct", lang)
        )
    title = t("participation.by", lang) + " " + t(by, lang).lower()
    return SlideSpec("participation", title, message, (), chart)


def _together(con, scope: Scope, h: dict) -> SlideSpec:
    """Working across directions: the share of session hours spent with another direction and its
    change over a year, the directions that work least across (small ones gathered: no group of
    under 5 people)."""
    lang = scope.lang
    before = headline(con, year_earlier(scope.as_of), scope.organisation, scope.direction)
    now, then = h["cross_direction_hours_share"], before["cross_direction_hours_share"]
    change = None if now is None or then is None else now - then
    groups = working_across.groups(
        con, scope.as_of, "direction", scope.organisation, scope.direction, gather=True
    )
    # the directions that stay most among themselves, the least working across first (as the
    # participation slide: the ones to support)
    groups = groups.sort_values("cross_hours_share", kind="stable").head(MOST_BARS)
    labels = tuple(
        t("transversality.others", lang) if v == working_across.OTHERS else v for v in groups["label"]
    )
    chart = Chart(
        "bar",
        labels,
        (Series(t("cross_hours_share", lang), tuple(_num(v) for v in groups["cross_hours_share"])),),
        "pct",
    )
    message = t(
        "slide.together.message",
        lang,
        p=_text(h, "cross_direction_hours_share", "pct", lang),
        change=fmt.points(change, lang),
        top=_text(h, "hours_share_top_10pct", "pct", lang),
    )
    return SlideSpec(
        "together",
        t("slides.together.title", lang),
        message,
        (
            figure("cross_direction_hours_share", now, "pct", lang),
            Figure(t("slide.change_year", lang), change, "pct", fmt.points(change, lang)),
            figure("hours_share_top_10pct", h["hours_share_top_10pct"], "pct", lang),
        ),
        chart,
    )


def year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _growth(con, scope: Scope, h: dict) -> SlideSpec:
    lang = scope.lang
    growth = queries.network_growth(con, scope.as_of, None, scope.organisation, scope.direction)
    before = headline(con, year_earlier(scope.as_of), scope.organisation, scope.direction)
    change = None if before["members"] is None or h["members"] is None else h["members"] - before["members"]
    chart = Chart(
        "line",
        tuple(fmt.short_month_year(m, lang) for m in growth["month"]),
        (
            Series(t("members", lang), tuple(_num(v) for v in growth["members"]), "members"),
            Series(
                t("member_managers", lang),
                tuple(_num(v) for v in growth["member_managers"]),
                "member_managers",
            ),
        ),
        "int",
    )
    message = t(
        "slide.growth.message",
        lang,
        n=_text(h, "members", "int", lang),
        change=fmt.signed(change, 0, lang),
        date=fmt.date(year_earlier(scope.as_of), lang),
    )
    return SlideSpec(
        "growth",
        t("slides.growth.title", lang),
        message,
        (
            figure("members", h["members"], "int", lang),
            figure("active_members_12m", h["active_members_12m"], "int", lang),
            Figure(t("slide.change_year", lang), change, "int", fmt.signed(change, 0, lang)),
        ),
        chart,
    )


def _hours(con, scope: Scope, h: dict) -> SlideSpec:
    lang = scope.lang
    frame = breakdown(con, "hours", "kind", scope.as_of, scope.organisation, scope.direction)
    frame = frame.sort_values("hours", ascending=False, kind="stable")
    labels = tuple(t("not_given", lang) if v is None else code_label("kind", v, lang) for v in frame["label"])
    chart = Chart(
        "column", labels, (Series(t("hours", lang), tuple(_num(v) for v in frame["hours"])),), "hours"
    )
    message = t(
        "slide.hours.message",
        lang,
        hours=_text(h, "hours_invested", "hours", lang),
        n=_text(h, "participants", "int", lang),
        each=_text(h, "hours_per_participant", "hours_each", lang),
    )
    return SlideSpec(
        "hours",
        t("slides.hours.title", lang),
        message,
        (
            figure("hours_invested", h["hours_invested"], "hours", lang),
            figure("participants", h["participants"], "int", lang),
            figure("hours_per_participant", h["hours_per_participant"], "hours_each", lang),
        ),
        chart,
    )


def _budget(con, scope: Scope, h: dict) -> SlideSpec:
    lang = scope.lang
    frame = breakdown(con, "budget", "year", scope.as_of)  # up to D's year
    chart = Chart(
        "column",
        tuple(frame["label"]),
        (
            Series(t("planned_eur", lang), tuple(_num(v) for v in frame["planned_eur"]), "planned_eur"),
            Series(t("spent_eur", lang), tuple(_num(v) for v in frame["spent_eur"]), "spent_eur"),
        ),
        "eur",
    )
    message = t(
        "slide.budget.message",
        lang,
        spent=_text(h, "budget_spent_eur", "eur", lang),
        year=scope.as_of.year,
        planned=_text(h, "budget_planned_eur", "eur", lang),
    )
    return SlideSpec(
        "budget",
        t("slides.budget.title", lang),
        message,
        (
            figure("budget_spent_eur", h["budget_spent_eur"], "eur", lang),
            figure("budget_planned_eur", h["budget_planned_eur"], "eur", lang),
        ),
        chart,
    )


def _actions(con, scope: Scope, h: dict) -> SlideSpec:
    lang = scope.lang
    frame = breakdown(con, "actions", "status", scope.as_of)
    labels = tuple(code_label("action_status", v, lang) for v in frame["label"])
    chart = Chart(
        "column", labels, (Series(t("actions", lang), tuple(_num(v) for v in frame["actions"])),), "int"
    )
    message = t(
        "slide.actions.message",
        lang,
        done=_text(h, "actions_done", "int", lang),
        total=_text(h, "actions_total", "int", lang),
        late=_text(h, "actions_late", "int", lang),
    )
    return SlideSpec(
        "actions",
        t("slides.actions.title", lang),
        message,
        (
            figure("actions_total", h["actions_total"], "int", lang),
            figure("actions_done", h["actions_done"], "int", lang),
            figure("actions_late", h["actions_late"], "int", lang),
        ),
        chart,
    )


def _survey(con, scope: Scope, h: dict) -> SlideSpec | None:
    """The latest survey's favourable share per theme, as etl.model.survey_results gives it (hidden themes left
    out of the chart and named as hidden)."""
    lang = scope.lang
    survey_id = survey_results.latest_survey(con, scope.as_of)
    if survey_id is None:
        return None
    listed = survey_results.survey_list(con, scope.as_of, scope.organisation, scope.direction, last=1)
    row = listed[listed["survey_id"] == survey_id].iloc[0]
    title = row["title"]
    themes = survey_results.theme_scores(con, survey_id, scope.organisation, scope.direction)
    overall = themes[themes["theme"] == survey_results.ALL_THEMES]
    shown = themes[(themes["theme"] != survey_results.ALL_THEMES) & ~themes["suppressed"].astype(bool)]
    shown = shown.sort_values("favourable", kind="stable")
    labels = tuple(code_label("survey_theme", v, lang) for v in shown["theme"])
    chart = (
        Chart(
            "bar",
            labels,
            (Series(t("favourable", lang), tuple(_num(v) for v in shown["favourable"])),),
            "pct",
        )
        if len(shown)
        else None
    )
    fav = None if overall.empty or overall["suppressed"].iloc[0] else _num(overall["favourable"].iloc[0])
    if len(shown):
        message = t(
            "slide.survey.message",
            lang,
            survey=title,
            p=fmt.percent(fav, lang=lang),
            best=labels[-1],
            worst=labels[0],
        )
    else:
        message = t("slide.survey.hidden", lang, survey=title)
    return SlideSpec(
        "survey",
        t("slides.survey.title", lang),
        message,
        (
            Figure(t("surveys.favourable_all", lang), fav, "pct", fmt.percent(fav, lang=lang)),
            _turnout(scope, row),
        ),
        chart,
        notes=t("surveys.privacy", lang),
    )


def _turnout(scope: Scope, row: pd.Series) -> Figure:
    """The survey's response rate; within an organisation or a direction, its respondents there
    (invited is not split: contract section 4), or « — » where fewer than 5 are hidden."""
    lang = scope.lang
    if scope.organisation is None and scope.direction is None:
        rate = _num(row["response_rate"])
        return Figure(t("survey_response_rate", lang), rate, "pct", fmt.percent(rate, lang=lang))
    n = _num(row["respondents"])
    return Figure(t("slide.survey.respondents", lang), n, "int", fmt.integer(n, lang))


def _num(value) -> float | None:
    try:
        return None if value is None or value != value else float(value)
    except TypeError:  # pandas.NA
        return None
