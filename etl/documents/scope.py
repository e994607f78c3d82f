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

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.model import queries
from etl.text import format as fmt
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
    source = Path(str(row["source"])).name or str(row["source"])
    return t(
        "export.source_line", lang, load_id=int(row["load_id"]), when=fmt.date(row["loaded_at"], lang),
        source=source,
    )  # fmt: skip


def file_name(kind: str, scope: Scope, ext: str) -> str:
    """``cadran-synthese-2015-06-30.xlsx``: what a download is called."""
    return f"cadran-{kind}-{scope.as_of.isoformat()}.{ext}"


# --- command line (one call from etl/__main__.py) -------------------------------------


def add_export_commands(sub) -> None:
    """``export``, ``slides`` and ``report`` on the ``python -m etl`` parser."""
    e = sub.add_parser(
        "export",
        help="write the Excel summary (or, with --hr-lists, the HR lists with names)",
        description="Example: python -m etl export --out synthese.xlsx --as-of 2015-06-30",
    )
    e.add_argument("--hr-lists", action="store_true", help="members and managers never present, with names")
    _file_args(e, ".xlsx")
    e.set_defaults(run=_export)
    s = sub.add_parser(
        "slides",
        help="write the presenter's deck (16:9 PowerPoint, native charts)",
        description="Example: python -m etl slides --out reseau.pptx --as-of 2015-06-30",
    )
    _file_args(s, ".pptx")
    s.set_defaults(run=_slides)
    r = sub.add_parser(
        "report",
        help="write the offline report (one self-contained HTML file)",
        description="Example: python -m etl report --out reseau.html --as-of 2015-06-30",
    )
    _file_args(r, ".html")
    r.set_defaults(run=_report)


def _file_args(p: argparse.ArgumentParser, ext: str) -> None:
    p.add_argument("--out", required=True, metavar=f"FILE{ext}", help="the file to write")
    p.add_argument("--db", help="database to read (default: the dashboard's)")
    p.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    p.add_argument("--organisation", help="one organisation (staff.organisation), ignoring case")
    p.add_argument("--direction", help="one direction (staff.direction): narrows the people indicators")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the file (default: fr)")


def _scope(con, args) -> Scope:
    """The command's scope; a warning on stderr when no staff row has that organisation or direction."""
    from etl.model.kpis import unknown_scope

    if warning := unknown_scope(con, args.organisation, args.direction):
        print(f"Attention : {warning}", file=sys.stderr)
    return Scope(args.as_of or dt.date.today(), args.organisation, args.direction, args.lang)


def _write(path: str, content: bytes | str) -> None:
    """Write beside, then rename: a reader never opens half a file."""
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as out:
        out.write(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(tmp, path)
    print(f"Écrit : {path}")


def _export(args) -> int:
    from etl.documents import excel
    from etl.store.db import connect_ro

    with connect_ro(args.db) as con:
        scope = _scope(con, args)
        _write(args.out, excel.hr_lists(con, scope) if args.hr_lists else excel.summary_workbook(con, scope))
    return 0


def _slides(args) -> int:
    from etl.documents import deck
    from etl.store.db import connect_ro

    with connect_ro(args.db) as con:
        _write(args.out, deck.deck(con, _scope(con, args)))
    return 0


def _report(args) -> int:
    from etl.documents import report
    from etl.store.db import connect_ro

    with connect_ro(args.db) as con:
        _write(args.out, report.report_html(con, _scope(con, args)))
    return 0
