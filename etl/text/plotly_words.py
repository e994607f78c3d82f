"""plotly.js's own texts in the interface's language: English is plotly's; French is a locale given
to the chart (``config["locales"]``): the texts a reader can meet here (the camera's tooltip and
notices, the zoom and legend hints) and French dates in hover texts, day and month names from CLDR
(babel), as the rest of Cadran writes them."""

from __future__ import annotations

import functools

from babel.dates import get_day_names, get_month_names

# plotly's English message -> its French here (plotly's keys: its source's _() calls)
DICTIONARY_FR = {
    "Download plot as a PNG": "Télécharger le graphique (PNG)",
    "Download plot": "Télécharger le graphique",
    "Taking snapshot - this may take a few seconds": "Image en préparation : quelques secondes…",
    "Snapshot succeeded": "Image enregistrée",
    "Sorry, there was a problem downloading your snapshot!": "L'image n'a pas pu être enregistrée.",
    "Double-click to zoom back out": "Double-cliquez pour revenir à la vue d'ensemble",
    "Double-click on legend to isolate one trace": "Double-cliquez sur la légende pour isoler une série",
}
SUNDAY_FIRST = (6, 0, 1, 2, 3, 4, 5)  # plotly's week starts on Sunday, babel's on Monday


@functools.cache
def _french() -> dict:
    days = {width: get_day_names(width, locale="fr") for width in ("wide", "abbreviated")}
    months = {width: get_month_names(width, locale="fr") for width in ("wide", "abbreviated")}
    return {
        "dictionary": DICTIONARY_FR,
        "format": {
            "days": [days["wide"][d] for d in SUNDAY_FIRST],
            "shortDays": [days["abbreviated"][d] for d in SUNDAY_FIRST],
            "months": [months["wide"][m] for m in range(1, 13)],
            "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
            "date": "%d/%m/%Y",
        },
    }


def locale(lang: str) -> dict | None:
    """plotly's locale object for ``lang``; None for English (plotly's own words)."""
    return _french() if lang == "fr" else None
