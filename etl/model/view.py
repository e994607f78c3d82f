"""The view a reader picked (date, period, organisation, direction, service, language, presenter
mode): a frozen value the sidebar (ui.filters) makes and every page, card and download reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import t


@dataclass(frozen=True)
class Filters:
    as_of: dt.date
    period: str = "all"
    organisation: str | None = None
    direction: str | None = None
    lang: str = "fr"
    presenter: bool = False
    service: str | None = None  # within the direction: the drill-down's last level

    @property
    def start(self) -> dt.date | None:
        """First day of the chart period (None: since the start of the data)."""
        return period_start(self.period, self.as_of)

    @property
    def year_earlier(self) -> dt.date:
        """The same day one year before, for the cards' changes (29 February → 28)."""
        try:
            return self.as_of.replace(year=self.as_of.year - 1)
        except ValueError:
            return self.as_of.replace(year=self.as_of.year - 1, day=28)

    def scope(self) -> dict:
        """The arguments of a point-in-time query."""
        return {
            "as_of": self.as_of,
            "organisation": self.organisation,
            "direction": self.direction,
            "service": self.service,
        }

    def series(self) -> dict:
        """The arguments of a series over the period."""
        return {**self.scope(), "start": self.start}

    def scope_label(self) -> str:
        """The scope as plain text (organisation · direction), for plotly or a file; ``caption`` escapes it."""
        parts = [p for p in (self.organisation, self.direction, self.service) if p]
        return " · ".join(parts) if parts else t("scope.whole", self.lang)

    def caption(self) -> str:
        """``Situation au 30 juin 2015 · Ville d'Orléans``, the names escaped for Markdown."""
        scope = plain.md(self.scope_label())
        return t("scope.caption", self.lang, as_of=fmt.date(self.as_of, self.lang), scope=scope)

    def query(self) -> dict[str, str]:
        """The filters as a query string (``as_of``, ``period``…), the way a shared link carries them."""
        values = {
            "as_of": self.as_of.isoformat(),
            "period": self.period,
            "organisation": self.organisation,
            "direction": self.direction,
            "service": self.service,
            "lang": self.lang,
        }
        return {key: value for key, value in values.items() if value}


def period_start(period: str, as_of: dt.date) -> dt.date | None:
    """First day of a named period ending at ``as_of``; whole months, so monthly charts are complete."""
    months = {"12m": 11, "3y": 35}.get(period)
    if months is not None:
        index = as_of.year * 12 + as_of.month - 1 - months
        return dt.date(index // 12, index % 12 + 1, 1)
    if period == "year":
        return dt.date(as_of.year, 1, 1)
    return None
