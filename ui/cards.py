"""The headline cards of the overview: which indicator, how it is written, how its change reads."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from etl.model.view import Filters
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import code_label as t_code
from etl.text.i18n import t
from ui import components, reads

# indicator -> (value formatter, change formatter); the change is against one year earlier.
# A card's value and its change are written alike (whole hours beside whole hours, "€" where the
# language puts it): « 14 556 h » and « +4 583 h », « €71,591 » and « +€23,840 ».
_KINDS: dict[str, tuple[Callable, Callable]] = {
    "rate": (lambda v, lang: fmt.percent(v, lang=lang), lambda d, lang: fmt.points(d, lang)),
    "count": (fmt.integer, lambda d, lang: fmt.signed(d, 0, lang)),
    "hours": (
        lambda v, lang: fmt.whole_hours(v, lang),
        lambda d, lang: fmt.whole_hours(d, lang, signed=True),
    ),
    "eur": (fmt.euros, lambda d, lang: fmt.euros(d, lang, signed=True)),
}

# How a change is coloured: a rise is good ("normal"), bad ("inverse") or neither ("off": a
# smaller budget plan is a choice, not an alarm).
GRID = (
    (
        ("manager_participation_rate", "rate", "normal"),
        ("members", "count", "normal"),
        ("active_members_12m", "count", "normal"),
        ("hours_invested", "hours", "normal"),
    ),
    (
        ("sessions_held", "count", "normal"),
        ("attendance_rate", "rate", "normal"),
        ("budget_spent_eur", "eur", "off"),
        ("budget_planned_eur", "eur", "off"),
    ),
    (
        ("actions_done", "count", "normal"),
        ("actions_late", "count", "inverse"),
        ("ideas_retained", "count", "normal"),
        ("survey_response_rate", "rate", "normal"),
    ),
    (
        ("cross_direction_hours_share", "rate", "normal"),
        ("hours_share_top_10pct", "rate", "off"),  # a few carrying more is a fact to read, not a score
    ),
)


def value_text(name: str, figures: dict, lang: str) -> str:
    """The card's value as shown, e.g. ``78 %``."""
    kind = next(k for row in GRID for n, k, _ in row if n == name)

    return _KINDS[kind][0](figures[name], lang)


def _change(kind: str, now, before, lang: str) -> str | None:
    if now is None or before is None:
        return None
    return _KINDS[kind][1](now - before, lang)


def _caption(name: str, h: dict, f: Filters) -> str | None:
    lang = f.lang
    captions = {
        "manager_participation_rate": lambda: t(
            "card.of_managers", n=fmt.integer(h["member_managers"], lang), d=fmt.integer(h["managers"], lang)
        ),
        "active_members_12m": lambda: t(
            "card.of_members", p=fmt.percent(_ratio(h["active_members_12m"], h["members"]), lang=lang)
        ),
        "hours_invested": lambda: t(
            "card.hours_per_participant",
            h=fmt.hours(h["hours_per_participant"], lang),
            n=fmt.integer(h["participants"], lang),
        ),
        "actions_done": lambda: t(
            "card.of_total", n=fmt.integer(h["actions_total"], lang), what=t("actions_total").lower()
        ),
        "ideas_retained": lambda: t(
            "card.of_total", n=fmt.integer(h["ideas_total"], lang), what=t("ideas_total").lower()
        ),
        # spent since the first expense, beside a year's plan: the label says cumulative, this says since when
        "budget_spent_eur": lambda: t("card.spent_total"),
        "survey_response_rate": lambda: _survey_caption(f),
        "cross_direction_hours_share": lambda: t("transversality.card.help"),
        "hours_share_top_10pct": lambda: t(
            "card.top_tenth", n=fmt.integer(-(-(h["participants"] or 0) // 10), lang)
        ),
    }
    return captions[name]() if name in captions else None


def _survey_caption(f: Filters) -> str | None:
    """With an organisation or a direction, the rate is not split: the scope's respondents, and why."""
    if not (f.organisation or f.direction):
        return None
    surveys = reads.survey_list(as_of=f.as_of, organisation=f.organisation, direction=f.direction, last=1)
    if surveys.empty:
        return t("card.survey_none")
    last = surveys.iloc[-1]
    if last["reason"]:
        who = t_code("suppression", last["reason"], f.lang)
    else:
        who = t("card.survey_respondents", n=fmt.integer(last["respondents"], f.lang))
    return t("card.survey_not_split", who=who)


def _ratio(numerator, denominator):
    return numerator / denominator if numerator is not None and denominator else None


def grid(f: Filters) -> None:
    """Every headline card at D with its change against the same day a year earlier."""
    now = reads.headline(f.as_of, f.organisation, f.direction, f.service)
    before = reads.headline(f.year_earlier, f.organisation, f.direction, f.service)
    st.caption(t("vs_year", date=fmt.date(f.year_earlier, f.lang)))
    for row in GRID:
        for column, (name, kind, tone) in zip(st.columns(len(row)), row, strict=True):
            with column:
                components.card(
                    name,
                    value_text(name, now, f.lang),
                    _change(kind, now[name], before[name], f.lang),
                    _caption(name, now, f),
                    tone,
                )
    if f.direction:
        st.caption(t("card.direction_note", d=plain.md(f.direction)))
