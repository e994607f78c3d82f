"""The one formatting helper: numbers, money, rates and dates as French readers write them.

French output follows CLDR as shipped by babel: digits are grouped with a narrow
no-break space (U+202F), and a no-break space (U+00A0) separates a number from
its unit (``42 %``, ``25 000 €``, ``12,5 h``). English is the secondary language.
Every function takes the language explicitly ("fr" or "en"; default "fr") and
returns "—" for a missing value, so a blank figure never reads as zero.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

MISSING = "—"
NBSP = "\u00a0"  # between a number and its unit
NNBSP = "\u202f"  # French digit grouping (babel fr_FR)

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
_EURO_PATTERNS = {"fr": f"#,##0{NBSP}€", "en": "€#,##0"}
# plotly's layout.separators: decimal mark then thousands separator.
_PLOTLY_SEPARATORS = {"fr": f",{NNBSP}", "en": ".,"}


def locale(lang: str = "fr") -> str:
    """The babel locale for a language code of the interface."""
    return _LOCALES.get(lang, "fr_FR")


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):  # pandas.NA and friends refuse comparison
        return True


def _round(value, digits: int) -> Decimal:
    """Half-up rounding, as readers and spreadsheets do (babel alone rounds half to even)."""
    return Decimal(str(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _digits_pattern(digits: int) -> str:
    return "#,##0" + ("." + "#" * digits if digits else "")


def number(value, digits: int = 1, lang: str = "fr") -> str:
    """``1 234,5``: at most ``digits`` decimals, trailing zeros dropped."""
    if _missing(value):
        return MISSING
    return format_decimal(_round(value, digits), _digits_pattern(digits), locale=locale(lang))


def integer(value, lang: str = "fr") -> str:
    """``25 000``: rounded to a whole number."""
    return number(value, 0, lang)


def percent(value, digits: int = 0, lang: str = "fr") -> str:
    """``42 %`` from the fraction 0.42 (``41,7 %`` with digits=1)."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    unit = f"{NBSP}%" if lang == "fr" else "%"
    return format_percent(_round(value, digits + 2), pattern + unit, locale=locale(lang))


def points(value, lang: str = "fr") -> str:
    """A change of rate in percentage points, signed: ``+4,2 pts`` from 0.042."""
    if _missing(value):
        return MISSING
    text = format_decimal(_round(abs(value) * 100, 1), "#,##0.0", locale=locale(lang))
    unit = "pts" if lang == "fr" else "pp"
    return f"{_sign(value)}{text}{NBSP}{unit}"


def euros(value, lang: str = "fr", cents: bool = False, signed: bool = False) -> str:
    """``25 000 €``: whole euros; ``4,85 €`` with cents (for unit costs); signed: ``+1 500 €``,
    ``−1 500 €`` (``+€1,500`` in English: the sign, then the amount as the language writes it)."""
    if _missing(value):
        return MISSING
    pattern = _EURO_PATTERNS.get(lang, _EURO_PATTERNS["fr"])
    if cents:
        pattern = pattern.replace("#,##0", "#,##0.00")
    text = format_decimal(
        _round(abs(value) if signed else value, 2 if cents else 0), pattern, locale=locale(lang)
    )
    return _sign(value) + text if signed else text


def whole_hours(value, lang: str = "fr", signed: bool = False) -> str:
    """``14 556 h`` (``+4 583 h`` signed): a card's hours and their change, in whole hours alike."""
    if _missing(value):
        return MISSING
    text = globals()["signed"](value, 0, lang) if signed else integer(value, lang)
    return f"{text}{NBSP}h"


def hours(value, lang: str = "fr") -> str:
    """``1 234,5 h``: hours with at most one decimal."""
    if _missing(value):
        return MISSING
    return f"{number(value, 1, lang)}{NBSP}h"


def of_kind(value, kind: str, lang: str = "fr") -> str:
    """A slide's or a chart's figure written as its kind says: ``int``, ``pct`` (a fraction),
    ``eur``, ``hours`` (a total, whole hours) or ``hours_each`` (per participant, one decimal)."""
    writers = {
        "int": integer,
        "pct": lambda v, lang: percent(v, lang=lang),
        "eur": euros,
        "hours": whole_hours,
        "hours_each": hours,
    }
    return writers[kind](value, lang)


def signed(value, digits: int = 0, lang: str = "fr") -> str:
    """A signed change: ``+12``, ``−3`` (true minus sign), ``0``."""
    if _missing(value):
        return MISSING
    return _sign(value) + number(abs(value), digits, lang)


def _sign(value) -> str:
    if value > 0:
        return "+"
    if value < 0:
        return "\u2212"
    return ""


def _day(value, lang: str) -> str:
    """The day's pattern: French writes the first of the month ``1er`` (``1er juillet 2015``)."""
    return "d'er'" if lang == "fr" and value.day == 1 else "d"


def date(value, lang: str = "fr") -> str:
    """``31 mars 2015`` (``1er avril 2015``)."""
    if _missing(value):
        return MISSING
    day = _as_date(value)
    return format_date(day, f"{_day(day, lang)} MMMM y", locale=locale(lang))


def short_date(value, lang: str = "fr") -> str:
    """``31/03/2015`` (``31/03/2015`` in English too: en_GB)."""
    if _missing(value):
        return MISSING
    return format_date(_as_date(value), "dd/MM/y", locale=locale(lang))


def datetime(value, lang: str = "fr") -> str:
    """``21 novembre 2025 à 17:45`` (``21 November 2025 at 17:45``)."""
    if _missing(value):
        return MISSING
    word = "à" if lang == "fr" else "at"
    return format_datetime(value, f"{_day(value, lang)} MMMM y '{word}' HH:mm", locale=locale(lang))


def month_year(value, lang: str = "fr") -> str:
    """``avril 2012``."""
    if _missing(value):
        return MISSING
    return format_date(_as_date(value), "MMMM y", locale=locale(lang))


def quarter(value, lang: str = "fr") -> str:
    """``T1 2015`` (``Q1 2015`` in English): the quarter of a day."""
    if _missing(value):
        return MISSING
    day = _as_date(value)
    return f"{'T' if lang == 'fr' else 'Q'}{(day.month - 1) // 3 + 1}{NBSP}{day.year}"


def short_month_year(value, lang: str = "fr") -> str:
    """``avr. 2012``: for crowded chart axes."""
    if _missing(value):
        return MISSING
    return format_date(_as_date(value), "MMM y", locale=locale(lang))


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return value.to_pydatetime().date()  # pandas.Timestamp


# --- what plotly needs -------------------------------------------------------


def plotly_separators(lang: str = "fr") -> str:
    """``layout.separators``: plotly then prints 25 000 and 2,5 in French."""
    return _PLOTLY_SEPARATORS.get(lang, _PLOTLY_SEPARATORS["fr"])


def month_ticks(months: Iterable, lang: str = "fr", max_ticks: int = 12) -> tuple[list, list[str]]:
    """Tick values and French labels for a monthly date axis, at most ``max_ticks`` of them.

    plotly writes month names in English; this gives ``tickvals``/``ticktext``
    so the axis reads ``janv. 2014``, ``avr. 2014``… in the interface language.
    """
    values = sorted({_as_date(m).replace(day=1) for m in months if not _missing(m)})
    if not values:
        return [], []
    step = max(1, math.ceil(len(values) / max_ticks))
    if step > 1:
        # beyond ten years a tick, whole decades: dates span 1900-2100 (contract section 3)
        steps = (1, 3, 6, 12, 24, 36, 60, 120)
        step = next((s for s in steps if s >= step), 120 * math.ceil(step / 120))
        kept = [v for v in values if (v.year * 12 + v.month - 1) % step == 0]
        for smaller in (s for s in reversed(steps) if s < step):
            if len(kept) >= 2:
                break
            # never a lone tick on an axis of several months: a finer step (January of each year
            # rather than of even years), inside the axis, not squeezed against its ends
            kept = [v for v in values if (v.year * 12 + v.month - 1) % smaller == 0]
        values = kept if len(kept) >= 2 else [values[0], values[-1]]
    return values, [short_month_year(v, lang) for v in values]
