"""etl.text.format: the exact strings French (and English) readers see.

French: digits grouped with U+202F (narrow no-break space), a unit after
U+00A0 (no-break space): what babel's fr_FR CLDR data gives.
"""

import datetime as dt
import math

import pandas as pd
import pytest

from etl.text import format as fmt

NB, NN = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("func", "value", "lang", "expected"),
    [
        (fmt.percent, 0.42, "fr", f"42{NB}%"),
        (fmt.percent, 0.4171, "fr", f"42{NB}%"),
        (fmt.percent, 1, "fr", f"100{NB}%"),
        (fmt.percent, 0.42, "en", "42%"),
        (fmt.euros, 25000, "fr", f"25{NN}000{NB}€"),
        (fmt.euros, 15954.5, "fr", f"15{NN}955{NB}€"),
        (fmt.euros, 25000, "en", "€25,000"),
        (lambda v, lang: fmt.euros(v, lang, cents=True), 4.845, "fr", f"4,85{NB}€"),
        (lambda v, lang: fmt.euros(v, lang, cents=True), 1234.5, "en", "€1,234.50"),
        (fmt.number, 1234.5, "fr", f"1{NN}234,5"),
        (fmt.number, 1234.0, "fr", f"1{NN}234"),
        (fmt.number, 1234.5, "en", "1,234.5"),
        (fmt.integer, 1715, "fr", f"1{NN}715"),
        (fmt.hours, 18514.75, "fr", f"18{NN}514,8{NB}h"),
        (fmt.hours, 3, "en", f"3{NB}h"),
        (fmt.month_year, dt.date(2012, 4, 3), "fr", "avril 2012"),
        (fmt.month_year, dt.date(2012, 4, 3), "en", "April 2012"),
        (fmt.short_month_year, dt.date(2012, 4, 3), "fr", "avr. 2012"),
        (fmt.date, dt.date(2015, 3, 31), "fr", "31 mars 2015"),
        (fmt.date, pd.Timestamp("2015-03-31 14:00"), "fr", "31 mars 2015"),
        (fmt.short_date, dt.date(2015, 3, 31), "fr", "31/03/2015"),
        (fmt.datetime, dt.datetime(2025, 11, 21, 17, 45), "fr", "21 novembre 2025 à 17:45"),
        (fmt.date, dt.date(2015, 7, 1), "fr", "1er juillet 2015"),
        (fmt.date, dt.date(2015, 7, 1), "en", "1 July 2015"),
        (fmt.datetime, dt.datetime(2026, 12, 1, 10, 59), "fr", "1er décembre 2026 à 10:59"),
        (fmt.datetime, dt.datetime(2025, 11, 21, 17, 45), "en", "21 November 2025 at 17:45"),
        (fmt.signed, 12, "fr", "+12"),
        (fmt.signed, -1500, "fr", f"\u22121{NN}500"),
        (fmt.signed, 0, "fr", "0"),
        (fmt.points, 0.042, "fr", f"+4,2{NB}pts"),
        (fmt.points, -0.1, "en", f"\u221210.0{NB}pp"),
    ],
)
def test_exact_strings(func, value, lang, expected):
    assert func(value, lang=lang) == expected


def test_percent_with_a_decimal():
    assert fmt.percent(0.4171, digits=1) == f"41,7{NB}%"


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, pd.NaT, math.nan])
@pytest.mark.parametrize("func", [fmt.percent, fmt.euros, fmt.number, fmt.hours, fmt.date, fmt.month_year])
def test_missing_is_a_dash_never_zero(func, missing):
    assert func(missing) == "—"


def test_plotly_separators():
    assert fmt.plotly_separators("fr") == f",{NN}"
    assert fmt.plotly_separators("en") == ".,"


def test_month_ticks_are_french_and_at_most_twelve():
    months = pd.date_range("2013-12-01", "2020-03-01", freq="MS")
    values, labels = fmt.month_ticks(months, "fr")
    assert len(values) <= 12
    assert labels[0] == "janv. 2014"
    assert all(v.month == 1 for v in values)


def test_month_ticks_keep_every_month_when_few():
    values, labels = fmt.month_ticks([dt.date(2014, 4, 15), dt.date(2014, 5, 2)], "fr")
    assert values == [dt.date(2014, 4, 1), dt.date(2014, 5, 1)]
    assert labels == ["avr. 2014", "mai 2014"]


@pytest.mark.parametrize(("value", "expected"), [(0.125, "0,13"), (2.5, "3"), (0.005, "0,01")])
def test_rounding_is_half_up_like_a_spreadsheet(value, expected):
    digits = len(expected.split(",")[1]) if "," in expected else 0
    assert fmt.number(value, digits) == expected


def test_month_ticks_over_two_centuries_stay_few():
    import datetime as dt

    months = [dt.date(1900 + i // 12, i % 12 + 1, 1) for i in range(201 * 12)]  # 1900-01 .. 2100-12
    values, labels = fmt.month_ticks(months, "fr")
    assert len(values) <= 12 and values[0] == dt.date(1900, 1, 1)
    assert {v.month for v in values} == {1} and all(v.year % 20 == 0 for v in values)  # every 240 months
