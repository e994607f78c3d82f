"""python -m etl: load a source folder, or print the headline indicators and their breakdowns.

Examples:
    python -m etl load data/demo/source
    python -m etl load ~/exports/2024-03 --db /tmp/test.duckdb --rejects rejets.csv --json
    python -m etl kpis --as-of 2015-06-30 --organisation "Ville d'Orléans" --json
    python -m etl breakdown participation --by direction --as-of 2015-06-30 --json
    python -m etl breakdown --list
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import sys
from pathlib import Path

import duckdb

from etl.admin import gdpr, users
from etl.documents import opendata
from etl.documents.scope import add_export_commands
from etl.intake.read import LoadError
from etl.intake.reasons import NOTES
from etl.model import breakdowns
from etl.model.kpis import headline, unknown_scope
from etl.publish import versions
from etl.publish.load import PROTECTIONS, LoadResult, Share, TableCount, load, writable
from etl.store.db import NotPublished, connect_ro
from etl.store.storage import private_umask
from etl.text.cells import write_rejects_csv

# Exit codes (contract section 5): 0 published, even when its report (the rejects file, the printed
# output, to a reader that closed it like `head`) could not be delivered whole: stderr says so;
# 1 nothing published (the message says why); 2 a usage error.


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    private_umask()  # what any command writes (a database, a version, an export) is its user's only
    try:
        return args.run(args)
    except (LoadError, NotPublished, breakdowns.UnknownBreakdown, users.UserError) as exc:
        return _fail(args, str(exc))
    except duckdb.Error as exc:  # a case the rules did not foresee: said plainly, nothing published
        return _fail(args, f"erreur inattendue de la base ({type(exc).__name__}) : {exc}")
    except OSError as exc:
        return _fail(args, f"{exc.filename or ''} : erreur du système ({exc.strerror or exc})")


def _fail(args, message: str) -> int:
    if getattr(args, "json", False) and args.run in (_load, versions._rollback):
        _out(json.dumps({"published": False, "error": message}, ensure_ascii=False))
    print(f"Erreur : {message}", file=sys.stderr)
    return 1


_closed = False  # stdout was closed by its reader (`load --json | head`)


def _out(text: str) -> bool:
    """Print `text` on stdout; False once the reader has gone (the rest of stdout is discarded)."""
    global _closed
    if _closed:
        return False
    try:
        print(text, flush=True)
        return True
    except BrokenPipeError:
        _closed = True
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    p = sub.add_parser("load", help="load a source folder and publish it (all or nothing)")
    p.add_argument("source", help="folder holding staff.csv/.xlsx and the other tables")
    p.add_argument("--db", help="database to publish (default: the dashboard's, data/cadran.duckdb)")
    p.add_argument("--rejects", metavar="FILE.csv", help="write every rejected row with its reason")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    p.set_defaults(run=_load)
    k = sub.add_parser("kpis", help="print the headline indicators")
    _scope_args(k)
    k.set_defaults(run=_kpis)
    b = sub.add_parser(
        "breakdown",
        help="print a breakdown of the indicators by one dimension (data contract, section 6)",
        description="Example: python -m etl breakdown hours --by month --as-of 2015-03-31 --json",
    )
    b.add_argument("name", nargs="?", help=f"one of: {', '.join(breakdowns.BREAKDOWNS)}")
    b.add_argument("--by", metavar="DIMENSION", help="the dimension (see --list)")
    b.add_argument("--list", action="store_true", help="list each breakdown with its dimensions")
    _scope_args(b)
    b.add_argument(
        "--since", type=dt.date.fromisoformat, help="keep sessions, contributions, budget dated >= D0"
    )
    b.set_defaults(run=_breakdown)
    add_export_commands(sub)  # export, slides, report (etl/documents/scope.py)
    users.register(sub)
    versions.register(sub)
    gdpr.register(sub)
    opendata.register(sub)
    return parser


def _scope_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database to read (default: the dashboard's)")
    p.add_argument(
        "--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD (default: today)"
    )
    p.add_argument("--organisation", help="one organisation (staff.organisation), ignoring case")
    p.add_argument("--direction", help="one direction (staff.direction): narrows the people indicators")
    p.add_argument("--service", help="one service (staff.service): narrows the people indicators further")
    p.add_argument("--json", action="store_true", help="print JSON (the default)")


def _load(args) -> int:
    def progress(table: str, count: TableCount | Share | None) -> None:
        if isinstance(count, Share):  # a line at each tenth of the surveys, not 200 lines
            if count.done * 10 // count.total > (count.done - 1) * 10 // count.total:
                print(f"… enquêtes protégées : {count.done} / {count.total}", file=sys.stderr)
        elif count and not args.json:
            _out(
                f"{table:<20} lues {count.read:>9}  chargées {count.loaded:>9}  rejetées {count.rejected:>7}"
            )
        elif table == PROTECTIONS:
            print("… enquêtes : protection des petits groupes", file=sys.stderr)
        elif not count:
            print(f"… {table}", file=sys.stderr)

    if args.rejects:  # checked before the load: a bad path must not come after a publish
        writable(Path(args.rejects), "le fichier des rejets", create=False)
    result = load(args.source, args.db, progress)
    # published from here on: the exit code is 0 whatever happens to the report
    if args.rejects:
        try:
            write_rejects_csv(result.db, args.rejects, result.load_id)
        except OSError as exc:
            _warn(result, f"le fichier des rejets {args.rejects} n'a pas pu être écrit ({exc.strerror})")
    shown = _out(json.dumps(result.as_json(), ensure_ascii=False)) if args.json else _print_summary(result)
    if not shown:
        _warn(result, "la sortie a été fermée avant la fin du compte rendu")
    return 0


def _warn(result: LoadResult, what: str) -> None:
    """Say on stderr what of a published load's report was not delivered (stderr may be gone too)."""
    try:
        print(f"Attention : chargement n° {result.load_id} publié, mais {what}.", file=sys.stderr)
    except OSError:
        pass


def _print_summary(result: LoadResult) -> bool:
    rejected = sum(c.rejected for c in result.tables.values())
    for file, code in result.notes:
        _out(f"ignoré  {file} : {NOTES.get(code, code)}")
    return _out(f"Publié : {result.db} (chargement n° {result.load_id}, {rejected} ligne(s) rejetée(s))")


def finite(value):
    """`value` with every NaN or infinite float as None: JSON has no Infinity."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def _kpis(args) -> int:
    with connect_ro(args.db) as con:
        if warning := unknown_scope(con, args.organisation, args.direction):
            print(f"Attention : {warning}", file=sys.stderr)
        figures = finite(headline(con, args.as_of, args.organisation, args.direction, args.service))
    return 0 if _out(json.dumps(figures, ensure_ascii=False, allow_nan=False)) else 1


def _breakdown(args) -> int:
    if args.list:
        for name, dimensions in breakdowns.catalogue().items():
            extra = list(breakdowns.BREAKDOWNS[name].extra)
            print(
                f"{name:<14} --by {' | '.join(dimensions)}" + (f"   (+ {', '.join(extra)})" if extra else "")
            )
        return 0
    if not args.name or not args.by:
        raise breakdowns.UnknownBreakdown(
            "précisez NAME et --by ; valides : "
            + " ; ".join(f"{n} --by {'|'.join(d)}" for n, d in breakdowns.catalogue().items())
        )
    breakdowns.spec(
        args.name, args.by, pages=True
    )  # an unknown name or dimension fails before opening the database
    with connect_ro(args.db) as con:
        if warning := unknown_scope(con, args.organisation, args.direction):
            print(f"Attention : {warning}", file=sys.stderr)
        frame = breakdowns.breakdown(
            con, args.name, args.by, args.as_of, args.organisation, args.direction, args.since, args.service
        )
    return 0 if _out(json.dumps(breakdowns.rows(frame), ensure_ascii=False, allow_nan=False)) else 1


if __name__ == "__main__":
    sys.exit(main())
