"""ui.filters periods and ui.tables CSV exports."""

import datetime as dt

import pandas as pd
import pytest

from etl.model.view import Filters, period_start
from tests.app_support import query
from ui.tables import csv_bytes


@pytest.mark.parametrize(
    ("period", "expected"),
    [("all", None), ("12m", dt.date(2014, 4, 1)), ("3y", dt.date(2012, 4, 1)), ("year", dt.date(2015, 1, 1))],
)
def test_periods_are_whole_months_ending_at_the_reference_date(period, expected):
    assert period_start(period, dt.date(2015, 3, 31)) == expected


def test_a_year_earlier_survives_the_29th_of_february():
    assert Filters(dt.date(2016, 2, 29)).year_earlier == dt.date(2015, 2, 28)


def test_csv_opens_in_french_excel_without_live_formulas():
    frame = pd.DataFrame({"label": ["=1+1", "Culture"], "rate": [0.5, 0.25]})
    text = csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == ["label;rate", "'=1+1;0,5", "Culture;0,25"]


def _shown(box) -> str:
    """What a selectbox reads: its option, or its placeholder when nothing is selected."""
    return box.placeholder if box.index is None else box.options[box.index]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_organisation_and_direction_read_all_on_first_load(app, lang):
    at = app(lang=lang)
    everyone = {"fr": "Toutes", "en": "All"}[lang]
    for key in ("organisation", "direction"):
        assert _shown(at.selectbox(key=key)) == everyone
        assert at.selectbox(key=key).proto.placeholder == everyone  # never "Choose an option"


def test_changing_the_organisation_puts_the_direction_back_to_all(app, app_db, facts):
    pairs = query(app_db, "organisations")
    other = next(o for o in pairs["organisation"].unique() if o != facts["organisation"])
    assert facts["direction"] not in set(pairs[pairs["organisation"] == other]["direction"])
    at = app(organisation=facts["organisation"], direction=facts["direction"])
    assert _shown(at.selectbox(key="direction")) == facts["direction"]
    # The run after a user picks another organisation: the direction picked before is still in state.
    at = app(organisation=other, direction=facts["direction"])
    assert _shown(at.selectbox(key="direction")) == "Toutes"
    assert at.session_state["filters"].direction is None
    assert at.session_state["filters"].organisation == other


def test_a_language_switch_keeps_the_chosen_codes(app, facts):
    """The language box really changed (French, then English in the same session): the period and the
    organisation chosen in French are still chosen, under their English labels."""
    at = app(period="12m", organisation=facts["organisation"])
    assert _shown(at.selectbox(key="period")) == "12 derniers mois"
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="period").label == "Chart period"  # the sidebar now speaks English
    assert _shown(at.selectbox(key="period")) == "Last 12 months"
    assert _shown(at.selectbox(key="organisation")) == facts["organisation"]
    f = at.session_state["filters"]
    assert (f.lang, f.period, f.organisation) == ("en", "12m", facts["organisation"])
