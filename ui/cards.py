"""The headline cards of the overview: which indicator, how it is written, how its change reads."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import components, data
from ui import format as fmt
from ui.filters import Filters
from ui.i18n import t

# indicator -> (value formatter, change formatter); the change is against one year earlier.
_KINDS: dict[str, tuple[Callable, Callable]] = {
    "rate": (lambda v, lang: fmt.percent(v, lang=lang), lambda d, lang: fmt.points(d, lang)),
    "count": (fmt.integer, lambda d, lang: fmt.signed(d, 0, lang)),
    "hours": (fmt.hours, lambda d, lang: f"{fmt.signed(d, 1, lang)}{fmt.NBSP}h"),
    "eur": (fmt.euros, lambda d, lang: f"{fmt.signed(d, 0, lang)}{fmt.NBSP}€"),
}

# rows of (indicator, kind, a rise is bad)
GRID = (
    (
        ("manager_participation_rate", "rate", False),
        ("members", "count", False),
        ("active_members_12m", "count", False),
        ("hours_invested", "hours", False),
    ),
    (
        ("sessions_held", "count", False),
        ("attendance_rate", "rate", False),
        ("budget_spent_eur", "eur", False),
        ("budget_planned_eur", "eur", False),
    ),
    (
        ("actions_done", "count", False),
        ("actions_late", "count", True),
        ("ideas_retained", "count", False),
        ("survey_response_rate", "rate", False),
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
            "card.hours_per_member", h=fmt.hours(_ratio(h["hours_invested"], h["members"]), lang)
        ),
        "actions_done": lambda: t(
            "card.of_total", n=fmt.integer(h["actions_total"], lang), what=t("actions_total").lower()
        ),
        "ideas_retained": lambda: t(
            "card.of_total", n=fmt.integer(h["ideas_total"], lang), what=t("ideas_total").lower()
        ),
        # spent since the first expense, beside a year's plan: the label says cumulative, this says since when
        "budget_spent_eur": lambda: t("card.spent_total"),
        "survey_response_rate": lambda: t("card.survey_org") if f.organisation else None,
    }
    return captions[name]() if name in captions else None


def _ratio(numerator, denominator):
    return numerator / denominator if numerator is not None and denominator else None


def grid(f: Filters) -> None:
    """Every headline card at D with its change against the same day a year earlier."""
    now = data.headline(f.as_of, f.organisation, f.direction)
    before = data.headline(f.year_earlier, f.organisation, f.direction)
    st.caption(t("vs_year", date=fmt.date(f.year_earlier, f.lang)))
    for row in GRID:
        for column, (name, kind, inverse) in zip(st.columns(len(row)), row, strict=True):
            with column:
                components.card(
                    name,
                    _KINDS[kind][0](now[name], f.lang),
                    _change(kind, now[name], before[name], f.lang),
                    _caption(name, now, f),
                    inverse,
                )
    if f.direction:
        st.caption(t("card.direction_note", d=f.direction))
