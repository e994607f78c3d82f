"""ui.filters periods and ui.components CSV exports."""

import datetime as dt

import pandas as pd
import pytest

from ui.components import csv_bytes
from ui.filters import Filters, period_start


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
