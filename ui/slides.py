"""The presenter's slideshow as data: ``deck(f)`` gives the slides, in order, one message each.

The page ``/presentation`` (pages/presentation.py) draws them; the PowerPoint export reads the
same ``deck`` so a seminar's slides say the same thing in the same order. Every figure comes
from the read API (ui.data: etl.kpis.headline, etl.breakdowns, etl.queries, etl.surveys), so it
is the figure the pages show. No slide carries a person's name.

Shape of a slide (``Slide``):

- ``key``: ``headline``, ``participation``, ``growth``, ``hours``, ``budget``, ``actions``, ``survey``;
- ``title``: a short heading; ``message``: the one sentence the slide says (plain text);
- ``figures``: ``(label, value as written)`` pairs, at most three, the large numbers;
- ``chart``: the name of the chart builder of ui/charts.py that draws ``data`` (None: no chart),
  ``data``: the frame behind it (what a native PowerPoint chart would plot);
- ``footer``: the reference date, the scope and the source, for the foot of every slide.

``figure(slide, lang)`` draws a slide's chart with the house theme in presenter size.
Outside a Streamlit run the reads still work (``CADRAN_DB`` names the database).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from ui import charts, data
from ui import format as fmt
from ui.filters import Filters
from ui.i18n import code_label, t

ORDER = ("headline", "participation", "growth", "hours", "budget", "actions", "survey")


@dataclass(frozen=True)
class Slide:
    key: str
    title: str
    message: str
    figures: tuple[tuple[str, str], ...] = ()
    chart: str | None = None
    data: pd.DataFrame | None = field(default=None, compare=False)
    footer: str = ""


def deck(f: Filters) -> list[Slide]:
    """The slides for the filters ``f`` (date, period, organisation, direction, language), in ORDER."""
    now = data.headline(f.as_of, f.organisation, f.direction)
    before = data.headline(f.year_earlier, f.organisation, f.direction)
    footer = _footer(f)
    builders = {
        "headline": lambda: _headline(f, now),
        "participation": lambda: _participation(f),
        "growth": lambda: _growth(f, now, before),
        "hours": lambda: _hours(f, now),
        "budget": lambda: _budget(f),
        "actions": lambda: _actions(f, now),
        "survey": lambda: _survey(f),
    }
    return [Slide(key=key, footer=footer, **builders[key]()) for key in ORDER]


def _footer(f: Filters) -> str:
    load = data.last_load() or {"source": "", "loaded_at": None}
    return t(
        "slides.footer",
        f.lang,
        as_of=fmt.date(f.as_of, f.lang),
        scope=f.scope_label(),
        source=Path(str(load["source"])).name or fmt.MISSING,  # the folder's name, not the server's path
        loaded=fmt.date(load["loaded_at"], f.lang),
    )


def _headline(f: Filters, h: dict) -> dict:
    lang = f.lang
    return {
        "title": t("slides.headline.title", lang),
        "message": t(
            "slides.headline.message", lang, rate=fmt.percent(h["manager_participation_rate"], lang=lang)
        ),
        "figures": (
            (t("manager_participation_rate", lang), fmt.percent(h["manager_participation_rate"], lang=lang)),
            (
                t("member_managers", lang),
                f"{fmt.integer(h['member_managers'], lang)} / {fmt.integer(h['managers'], lang)}",
            ),
            (t("members", lang), fmt.integer(h["members"], lang)),
        ),
    }


def _participation(f: Filters) -> dict:
    """By organisation for the whole network; by direction within one organisation."""
    lang = f.lang
    dimension = "direction" if f.organisation else "organisation"
    rates = data.participation_by(dimension=dimension, **f.scope())
    rates = rates.fillna({"label": t("not_given", lang)})
    shown = rates.dropna(subset=["rate"])
    message = t("slides.participation.title", lang)
    if len(shown) >= 2:
        message = t(
            "slides.participation.message",
            lang,
            low=fmt.percent(shown["rate"].min(), lang=lang),
            high=fmt.percent(shown["rate"].max(), lang=lang),
        )
        if dimension == "direction":
            message = message.replace(t("organisation", lang).lower(), t("direction", lang).lower())
    return {
        "title": t("participation.by", lang) + " " + t(dimension, lang).lower(),
        "message": message,
        "chart": "rate_bars",
        "data": rates,
    }


def _growth(f: Filters, now: dict, before: dict) -> dict:
    lang = f.lang
    change = (
        None if now["members"] is None or before["members"] is None else now["members"] - before["members"]
    )
    return {
        "title": t("slides.growth.title", lang),
        "message": t(
            "slides.growth.message",
            lang,
            members=fmt.integer(now["members"], lang),
            change=fmt.signed(change, 0, lang),
        ),
        "chart": "growth",
        "data": data.network_growth(**f.series()),
    }


def _hours(f: Filters, h: dict) -> dict:
    lang = f.lang
    months = data.breakdown("hours", "month", f.as_of, f.organisation, f.direction, f.start)
    return {
        "title": t("slides.hours.title", lang),
        "message": t(
            "slides.hours.message",
            lang,
            hours=fmt.whole_hours(h["hours_invested"], lang),
            per=fmt.hours(h["hours_per_participant"], lang),
        ),
        "figures": (
            (t("hours_invested", lang), fmt.whole_hours(h["hours_invested"], lang)),
            (t("participants", lang), fmt.integer(h["participants"], lang)),
            (t("sessions_held", lang), fmt.integer(h["sessions_held"], lang)),
        ),
        "chart": "hours_months",
        "data": months,
    }


def _budget(f: Filters) -> dict:
    lang = f.lang
    s = data.budget_summary(**f.scope()).iloc[0]
    return {
        "title": t("slides.budget.title", lang),
        "message": t(
            "slides.budget.message",
            lang,
            spent=fmt.euros(s["spent_year_eur"], lang),
            year=f.as_of.year,
            planned=fmt.euros(s["planned_eur"], lang),
        ),
        "figures": (
            (t("budget.spent_year", lang), fmt.euros(s["spent_year_eur"], lang)),
            (t("budget.card.planned", lang), fmt.euros(s["planned_eur"], lang)),
            (t("cost_per_participant", lang), fmt.euros(s["cost_per_participant"], lang)),
        ),
        "chart": "planned_spent",
        "data": data.budget_by_year(as_of=f.as_of, start=f.start),
    }


def _actions(f: Filters, h: dict) -> dict:
    lang = f.lang
    return {
        "title": t("slides.actions.title", lang),
        "message": t(
            "slides.actions.message",
            lang,
            done=fmt.integer(h["actions_done"], lang),
            total=fmt.integer(h["actions_total"], lang),
            late=fmt.integer(h["actions_late"], lang),
        ),
        "chart": "stage_funnel",
        "data": data.action_funnel(as_of=f.as_of),
    }


def _survey(f: Filters) -> dict:
    """The latest survey's best-rated theme among those shown (hidden themes are never picked)."""
    lang = f.lang
    scope = {"organisation": f.organisation, "direction": f.direction}
    surveys = data.survey_list(as_of=f.as_of, **scope)
    if surveys.empty:
        return {"title": t("slides.survey.title", lang), "message": t("slides.survey.none", lang)}
    last = surveys.iloc[-1]
    themes = data.survey_results(as_of=f.as_of, survey_id=last["survey_id"], **scope)["themes"]
    shown = themes[(themes["theme"] != "*") & themes["favourable"].notna()]
    if shown.empty:
        return {"title": t("slides.survey.title", lang), "message": t("slides.survey.none", lang)}
    best = shown.loc[shown["favourable"].astype(float).idxmax()]
    respondents = fmt.integer(last["respondents"], lang) if not last["reason"] else fmt.MISSING
    return {
        "title": t("slides.survey.title", lang),
        "message": t(
            "slides.survey.message",
            lang,
            theme=code_label("survey_theme", best["theme"], lang),
            share=fmt.percent(best["favourable"], lang=lang),
        ),
        "figures": ((t("slides.survey.respondents", lang, survey=last["title"]), respondents),),
        "chart": "likert",
        "data": themes,
    }


def figure(slide: Slide, f: Filters) -> go.Figure | None:
    """The slide's chart, drawn by the page's own builder in presenter size (None: no chart)."""
    frame, lang = slide.data, f.lang
    if slide.chart is None or frame is None or frame.empty:
        return None
    if slide.chart == "rate_bars":
        return charts.rate_bars(frame, lang, True)
    if slide.chart == "growth":
        return charts.growth(frame, pd.DataFrame({"day": [], "kind": [], "label": []}), lang, True)
    if slide.chart == "hours_months":
        return charts.hours_months(frame, lang, True)
    if slide.chart == "planned_spent":
        return charts.planned_spent_bars(frame, "year", lang, True)
    if slide.chart == "stage_funnel":
        return charts.stage_funnel(frame, lang, True)
    if slide.chart == "likert":
        return charts.likert_bars(frame, lang, True)
    raise ValueError(f"unknown chart {slide.chart!r}")
