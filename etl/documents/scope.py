"""The files Cadran hands out (the Excel summary, the HR lists, the deck, the offline report):
what every one of them states about itself, and their command line.

    python -m etl export --out synthese.xlsx [--db PATH] [--as-of D] [--organisation O]
    python -m etl export --hr-lists --out listes-rh.xlsx [--db PATH] [--as-of D]
    python -m etl slides --out reseau.pptx [--db PATH] [--as-of D] [--organisation O]
    python -m etl report --out reseau.html [--db PATH] [--as-of D] [--organisation O]

Each command is one library call (etl.documents.excel, etl.documents.deck, etl.documents.report) over a read-only connection;
the app calls the same functions for its download buttons (ui/downloads.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.model import queries
from etl.text import format as fmt
from etl.text import reject_words
from etl.text.i18n import t


@dataclass(frozen=True)
class Scope:
    """The date and filters a file was made for: stated on every sheet, slide and section."""

    as_of: dt.date
    organisation: str | None = None
    direction: str | None = None
    lang: str = "fr"

    def label(self) -> str:
        """``Ville d'Orléans · Direction de la culture``, or ``Toutes collectivités``."""
        parts = [p for p in (self.organisation, self.direction) if p]
        return " · ".join(parts) if parts else t("scope.whole", self.lang)

    def caption(self) -> str:
        """``Situation au 30 juin 2015 · Toutes collectivités``."""
        return t("scope.caption", self.lang, as_of=fmt.date(self.as_of, self.lang), scope=self.label())


def source_line(con: duckdb.DuckDBPyConnection, lang: str = "fr") -> str:
    """``Cadran, chargement n° 3 du 1er décembre 2026 (source)``: the load the figures come from.

    Only the folder's last part is named (a full path may hold a person's home folder).
    """
    load = queries.last_load(con)
    if load.empty:
        return t("export.no_load", lang)
    row = load.iloc[0]
    source = reject_words.source_words(Path(str(row["source"])).name or str(row["source"]), lang)
    return t(
        "export.source_line",
        lang,
        load_id=int(row["load_id"]),
        when=fmt.date(row["loaded_at"], lang),
        source=source,
    )


def file_name(kind: str, scope: Scope, ext: str) -> str:
    """``cadran-synthese-2015-06-30.xlsx``: what a download is called."""
    return f"cadran-{kind}-{scope.as_of.isoformat()}.{ext}"
