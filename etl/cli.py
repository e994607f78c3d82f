"""python -m etl: load a source folder, or print the headline indicators and their breakdowns.

Examples:
    python -m etl load data/demo/source
    python -m etl load ~/exports/2024-03 --db /tmp/test.duckdb --rejects rejets.csv --json
    python -m etl kpis --as-of 2015-06-30 --organisation "Ville d'Orléans" --json
    python -m etl breakdown participation --by direction --as-of 2015-06-30 --json
    python -m etl breakdown --list
    python -m etl send --to dg@ville.fr,drh@ville.fr --as-of 2015-06-30
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import math
import os
import sys
from pathlib import Path

import duckdb

from etl.admin import gdpr, subject_access, subscriptions, users
from etl.documents import comparison, deck, excel, hr_lists, mail, opendata, report
from etl.documents.scope import Scope
from etl.intake.sources import LoadError
from etl.model import breakdowns
from etl.model.kpis import UnknownScope, headline, unknown_scope
from etl.publish import read_model, versions
from etl.publish.load import (
    PROTECTIONS,
    READ_MODEL,
    LoadResult,
    Share,
    TableCount,
    load,
    rollback,
    writable,
)
from etl.store.db import NotPublished, connect_ro, published_path
from etl.store.storage import private_umask
from etl.text import reject_words
from etl.text.cells import write_rejects_csv
from etl.text.i18n import t, t_count, t_counts

LANG = "fr"  # the command line speaks French: every word it prints is the text layer's (texts_cli)

# Exit codes (contract section 5): 0 published, even when its report (the rejects file, the printed
# output, to a reader that closed it like `head`) could not be delivered whole: stderr says so;
# 1 nothing published (the message says why); 2 a usage error.


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    private_umask()  # what any command writes (a database, a version, an export) is its user's only
    try:
        return args.run(args)
    except LoadError as exc:
        return _fail(args, reject_words.load_error(exc, LANG))
    except NotPublished as exc:
        return _fail(args, t("cli.error.not_published", LANG, db=exc.db))
    except (users.UserError, comparison.PackageError, mail.MailError) as exc:
        return _fail(args, exc.words(LANG))
    except breakdowns.UnknownBreakdown as exc:
        return _fail(args, t(f"cli.breakdown.{exc.code}", LANG, **exc.values))
    except duckdb.Error as exc:  # a case the rules did not foresee: said plainly, nothing published
        return _fail(args, t("cli.error.database", LANG, kind=type(exc).__name__, error=exc))
    except OSError as exc:
        return _fail(args, t("cli.error.system", LANG, file=exc.filename or "", error=exc.strerror or exc))


def _fail(args, message: str) -> int:
    if getattr(args, "json", False) and args.run in (_load, _rollback):
        _out(json.dumps({"published": False, "error": message}, ensure_ascii=False))
    _err("cli.error", message=message)
    return 1


def _err(key: str, **values) -> None:
    """Print the text layer's ``key`` on stderr, in the command line's language."""
    print(t(key, LANG, **values), file=sys.stderr)


def _warning(message: str) -> None:
    _err("cli.warning", message=message)


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
    parser = argparse.ArgumentParser(
        prog="python -m etl", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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
    b.add_argument("--since", type=day, help="keep sessions, contributions, budget dated >= D0")
    b.set_defaults(run=_breakdown)
    _document_commands(sub)
    _user_commands(sub)
    _version_commands(sub)
    _gdpr_commands(sub)
    _opendata_command(sub)
    _compare_command(sub)
    _send_command(sub)
    return parser


def day(text: str) -> dt.date:
    """A date given on the command line, YYYY-MM-DD (the contract's); a usage error otherwise, which
    writes a French date (DD/MM/YYYY) the way it is asked for."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        french = dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", LANG, value=text)) from None
    raise argparse.ArgumentTypeError(t("cli.bad_date.french", LANG, value=text, iso=french.isoformat()))


def _scope_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database to read (default: the dashboard's)")
    p.add_argument("--as-of", type=day, default=dt.date.today(), help="YYYY-MM-DD (default: today)")
    p.add_argument("--organisation", help="one organisation (staff.organisation), ignoring case")
    p.add_argument("--direction", help="one direction (staff.direction): narrows the people indicators")
    p.add_argument("--service", help="one service (staff.service): narrows the people indicators further")
    p.add_argument("--json", action="store_true", help="print JSON (the default)")


def _load(args) -> int:
    def progress(table: str, count: TableCount | Share | None) -> None:
        if isinstance(count, Share):  # a line at each tenth of the surveys, not 200 lines
            if count.done * 10 // count.total > (count.done - 1) * 10 // count.total:
                _err("cli.load.surveys_protected", done=count.done, total=count.total)
        elif count and not args.json:
            _out(
                t(
                    "cli.load.counts",
                    LANG,
                    table=table,
                    read=count.read,
                    loaded=count.loaded,
                    rejected=count.rejected,
                )
            )
        elif table == PROTECTIONS:
            _err("cli.load.protecting")
        elif table == READ_MODEL:
            _err("cli.load.read_model")
        elif not count:
            print(f"… {table}", file=sys.stderr)

    if args.rejects:  # checked before the load: a bad path must not come after a publish
        writable(Path(args.rejects), "rejects_file", create=False)
    result = load(args.source, args.db, progress)
    # published from here on: the exit code is 0 whatever happens to the report
    if args.rejects:
        try:
            write_rejects_csv(result.db, args.rejects, result.load_id)
        except OSError as exc:
            _warn(result, t("cli.load.rejects_not_written", LANG, path=args.rejects, error=exc.strerror))
    shown = (
        _out(json.dumps(result.as_json(), ensure_ascii=False))
        if args.json
        else _print_summary(result, bool(args.rejects))
    )
    if not shown:
        _warn(result, t("cli.load.output_closed", LANG))
    return 0


def _warn(result: LoadResult, what: str) -> None:
    """Say on stderr what of a published load's report was not delivered (stderr may be gone too)."""
    try:
        _warning(t("cli.load.published_but", LANG, load_id=result.load_id, what=what))
    except OSError:
        pass


def _print_summary(result: LoadResult, rejects_written: bool) -> bool:
    for note in result.notes:
        _out(
            t(
                "cli.load.note",
                LANG,
                file=note.file,
                detail=reject_words.note(note.code, note.params, note.code, LANG),
            )
        )
    if result.tables_taken_over:  # the validation of each other table was run
        taken, unread = len(result.tables_taken_over), len(result.tables_not_read)
        _out(t_counts("cli.load.taken_over", LANG, tables_taken_over=taken, files_not_read=unread))
    rejected = sum(c.rejected for c in result.tables.values())
    shown = _out(
        t_counts("cli.load.published", LANG, db=result.db, load_id=result.load_id, rows_rejected=rejected)
    )
    if rejected and not rejects_written:  # where each rejected row is told, with its file, line and why
        shown = _out(t("cli.load.rejects_where", LANG))
    return shown


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
            _warning(_unknown(warning))
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
        valid = " ; ".join(f"{n} --by {'|'.join(d)}" for n, d in breakdowns.catalogue().items())
        raise breakdowns.UnknownBreakdown("usage", valid=valid)
    breakdowns.spec(
        args.name, args.by, pages=True
    )  # an unknown name or dimension fails before opening the database
    with connect_ro(args.db) as con:
        if warning := unknown_scope(con, args.organisation, args.direction):
            _warning(_unknown(warning))
        frame = breakdowns.breakdown(
            con, args.name, args.by, args.as_of, args.organisation, args.direction, args.since, args.service
        )
    return 0 if _out(json.dumps(breakdowns.rows(frame), ensure_ascii=False, allow_nan=False)) else 1


# --- python -m etl export | slides | report


def _document_commands(sub) -> None:
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
    p.add_argument("--as-of", type=day, default=None, help="YYYY-MM-DD (default: today)")
    p.add_argument("--organisation", help="one organisation (staff.organisation), ignoring case")
    p.add_argument("--direction", help="one direction (staff.direction): narrows the people indicators")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the file (default: fr)")


def _unknown(scope: UnknownScope) -> str:
    """The warning for an organisation or direction no staff row has, in the command line's French."""
    return t("scope.unknown", LANG, column=scope.column, value=scope.value, known=", ".join(scope.known))


def _scope(con, args) -> Scope:
    """The command's scope; a warning on stderr when no staff row has that organisation or direction."""
    if warning := unknown_scope(con, args.organisation, args.direction):
        _warning(_unknown(warning))
    return Scope(args.as_of or dt.date.today(), args.organisation, args.direction, args.lang)


def _write(path: str, content: bytes | str) -> None:
    """Write beside, then rename: a reader never opens half a file."""
    tmp = f"{path}.tmp"
    with open(tmp, "wb") as out:
        out.write(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(tmp, path)
    print(t("cli.written", LANG, path=path))


def _export(args) -> int:
    with connect_ro(args.db) as con:
        scope = _scope(con, args)
        _write(
            args.out, hr_lists.workbook(con, scope) if args.hr_lists else excel.summary_workbook(con, scope)
        )
    return 0


def _slides(args) -> int:
    with connect_ro(args.db) as con:
        _write(args.out, deck.deck(con, _scope(con, args)))
    return 0


def _report(args) -> int:
    with connect_ro(args.db) as con:
        _write(args.out, report.report_html(con, _scope(con, args)))
    return 0


# --- python -m etl forget | subject-access


def _gdpr_commands(sub) -> None:
    f = sub.add_parser(
        "forget", help="erase a person (matricule) from the data, the kept versions and the rejects"
    )
    f.add_argument("person_id", metavar="PERSON_ID")
    f.add_argument("--db", help="published database (default: the dashboard's)")
    f.add_argument("--by", default=os.environ.get("USER", "cli"), help="who asks (logged; the person is not)")
    f.set_defaults(run=_forget)
    s = sub.add_parser("subject-access", help="export everything held about a person, one sheet per table")
    s.add_argument("person_id", metavar="PERSON_ID")
    s.add_argument("--db", help="published database (default: the dashboard's)")
    s.add_argument("--out", required=True, metavar="FILE.xlsx")
    s.set_defaults(run=_subject_access)


def _forget(args) -> int:
    entry = gdpr.forget(args.person_id, args.db, args.by)
    read_model.refresh(published_path(args.db))  # the pages' default reads, without the person
    print(
        t_counts(
            "cli.forgotten", LANG, databases_rewritten=entry["databases"], source_files_changed=entry["files"]
        )
    )
    return 0


def _subject_access(args) -> int:
    counts = subject_access.write(args.person_id, args.out, args.db)
    listed = ", ".join(f"{table} {n}" for table, n in counts.items())
    print(t("cli.written.counts", LANG, path=args.out, counts=listed))
    return 0


# --- python -m etl users …


def _user_commands(sub) -> None:
    """The ``users`` command of ``python -m etl`` (its parser added to ``sub``)."""
    p = sub.add_parser(
        "users",
        help="accounts and roles: add EMAIL --role ROLE | remove EMAIL | unlock EMAIL | list | configured",
        description="Example (the first administrator): "
        "python -m etl users add dsi@ville.fr --role admin --password-stdin < password.txt. "
        "The last administrator can be neither removed nor demoted. "
        "configured: exit 0 when a sign-in is configured (accounts or [auth]), else 1.",
    )
    p.add_argument("action", choices=("add", "remove", "unlock", "list", "configured"))
    p.add_argument("email", nargs="?")
    p.add_argument(
        "--role", choices=users.ROLES, help="default: the account's current role, viewer for a new one"
    )
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (scripts)"
    )
    p.add_argument(
        "--no-password",
        action="store_true",
        help="no local password: the account signs in with OpenID Connect",
    )
    p.add_argument("--users", help="users file (default: data/users.json, or $CADRAN_USERS)")
    p.set_defaults(run=_users)


def _users(args) -> int:
    if args.action == "configured":  # the Makefile asks: without a sign-in, make run sets CADRAN_LOCAL=1
        how = users.mode(args.users)
        if how == "broken":
            _err("cli.error", message=_file_problem(args.users))
        return 0 if how in ("oidc", "password") else 1
    if args.action == "list":
        return _list(args.users)
    if not args.email:
        raise users.UserError("email_needed")
    if args.action == "remove":
        if not users.remove(args.email, args.users):
            raise users.UserError("unknown_user", email=args.email)
        print(t("cli.users.removed", LANG, email=users.normalise(args.email)))
        return 0
    if args.action == "unlock":
        users.unlock(args.email, args.users)
        print(t("cli.users.unlocked", LANG, email=users.normalise(args.email)))
        return 0
    users.add(args.email, args.role, _cli_password(args), args.users)
    role = users.role_of(args.email, args.users) or "?"
    print(t("cli.users.saved", LANG, email=users.normalise(args.email), role=role))
    return 0


def _file_problem(path: str | None) -> str:
    try:
        users.load(path)
    except users.UsersFileError as exc:
        return exc.words(LANG)
    return ""


def _list(path: str | None) -> int:
    for email, entry in sorted(users.load(path).items()):
        flags = (t("cli.users.password", LANG) if "hash" in entry else "OpenID Connect") + (
            t("cli.users.locked", LANG) if entry.get("locked_until") else ""
        )
        role = entry.get("role") if entry.get("role") in users.ROLES else t("cli.users.no_role", LANG)
        print(f"{email:<40} {role:<10} {flags}")
    return 0


def _cli_password(args) -> str | None:
    """The password given on standard input or typed twice; None: keep it, or none (OpenID Connect)."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if args.no_password or users.oidc_configured():
        return None
    password = getpass.getpass(t("cli.users.prompt", LANG, email=args.email, minimum=users.MIN_PASSWORD))
    if getpass.getpass(t("cli.users.prompt_again", LANG)) != password:
        raise users.UserError("passwords_differ")
    return password


# --- python -m etl versions | rollback N


def _version_commands(sub) -> None:
    v = sub.add_parser(
        "versions", help=f"list the kept versions (the last {versions.KEEP} loads) and their counts"
    )
    v.add_argument("--db", help="published database (default: the dashboard's)")
    v.add_argument("--json", action="store_true", help="print JSON")
    v.set_defaults(run=_versions)
    r = sub.add_parser("rollback", help="publish a kept version again (python -m etl rollback N)")
    r.add_argument("load_id", type=int, metavar="N", help="the version's load number (see `versions`)")
    r.add_argument("--db", help="published database (default: the dashboard's)")
    r.add_argument("--json", action="store_true", help="print JSON")
    r.set_defaults(run=_rollback)


def _versions(args) -> int:
    kept = versions.listing(args.db)
    if args.json:
        print(json.dumps(kept, ensure_ascii=False))
        return 0
    for kept_load in kept:
        loaded = sum(c["loaded"] for c in kept_load["tables"].values())
        when, label = kept_load["loaded_at"], kept_load["label"]
        print(
            t_count(
                "cli.versions.row", loaded, LANG, load_id=kept_load["load_id"], loaded_at=when, label=label
            )
        )
    return 0


def _rollback(args) -> int:
    result = rollback(args.load_id, args.db)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(t("cli.rollback.published", LANG, db=result.db, load_id=result.load_id, version=args.load_id))
    return 0


# --- python -m etl export | slides | report


def _opendata_command(sub) -> None:
    """``opendata`` on the ``python -m etl`` parser."""
    p = sub.add_parser(
        "opendata",
        help="write the open-data package (aggregates only, Frictionless data package)",
        description="Example: python -m etl opendata --out donnees-ouvertes --as-of 2015-06-30",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write (made when missing)")
    p.add_argument("--db", help="database to read (default: the dashboard's)")
    p.add_argument("--as-of", type=day, default=None, help="YYYY-MM-DD (default: today)")
    p.add_argument(
        "--licence", choices=list(opendata.LICENCES), default="etalab-2.0", help="default: etalab-2.0"
    )
    p.add_argument("--network", help="the network's name (default: $CADRAN_NETWORK, else its organisations)")
    p.set_defaults(run=_opendata)


def _opendata(args) -> int:
    def progress(name: str, rows: int) -> None:
        print(t("cli.opendata.rows", LANG, name=name, rows=rows), flush=True)

    with connect_ro(args.db) as con:
        as_of = args.as_of or dt.date.today()
        path = opendata.write_package(con, args.out, as_of, args.licence, progress, args.network)
    print(t("cli.written", LANG, path=path))
    return 0


# --- python -m etl compare PKG ...


def _compare_command(sub) -> None:
    p = sub.add_parser(
        "compare",
        help="set several networks' open-data packages side by side",
        description="Example: python -m etl compare donnees-ouvertes autre-reseau.zip --json",
    )
    p.add_argument(
        "packages", nargs="+", metavar="PKG_OR_ZIP", help="a package folder, its datapackage.json or a .zip"
    )
    p.add_argument("--json", action="store_true", help="print JSON: each network's name, date and figures")
    p.add_argument("--out", metavar="FILE.xlsx", help="write the comparison as an Excel workbook")
    p.add_argument(
        "--lang", choices=("fr", "en"), default="fr", help="language of the workbook (default: fr)"
    )
    p.set_defaults(run=_compare)


def _compare(args) -> int:
    networks = comparison.read_networks(args.packages)
    if args.out:
        _write(args.out, comparison.workbook(networks, args.lang))
    if args.json or not args.out:
        return 0 if _out(json.dumps([finite(n.as_json()) for n in networks], ensure_ascii=False)) else 1
    return 0


# --- python -m etl send


def _send_command(sub) -> None:
    """``send`` on the ``python -m etl`` parser."""
    p = sub.add_parser(
        "send",
        help="e-mail the summary and the deck (or the files chosen) to addresses, or the subscriptions due",
        description="Examples: python -m etl send --to dg@ville.fr,drh@ville.fr --as-of 2015-06-30 ; "
        "python -m etl send --due (a daily cron line: each subscription once a month or a week). "
        "SMTP from CADRAN_SMTP_HOST, _PORT, _TLS, _USER, _PASSWORD, _FROM or [smtp] of "
        ".streamlit/secrets.toml: never a password on the command line.",
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--to", metavar="A,B", help="comma-separated addresses: one message to them all")
    who.add_argument("--due", action="store_true", help="the subscriptions due today (the Users page)")
    p.add_argument("--summary", action="store_true", help="attach the Excel summary")
    p.add_argument("--deck", action="store_true", help="attach the deck (PowerPoint)")
    p.add_argument("--report", action="store_true", help="attach the offline report (HTML)")
    p.add_argument("--as-of", type=day, help="YYYY-MM-DD (default: the data's reference date)")
    p.add_argument("--organisation", help="one organisation (staff.organisation), ignoring case")
    p.add_argument("--lang", choices=("fr", "en"), help="language of the message and files (default: fr)")
    p.add_argument("--db", help="database to read (default: the dashboard's)")
    p.add_argument("--dry-run", metavar="DIR", help="write the messages as .eml files in DIR, send nothing")
    p.set_defaults(run=_send)


def _send(args) -> int:
    if args.due:
        if args.summary or args.deck or args.report or args.as_of or args.organisation or args.lang:
            _err("cli.error", message=t("cli.send.due_alone", LANG))
            return 2
        outcomes = mail.send_due(db=args.db, dry_run=args.dry_run)
        if not outcomes:
            print(t("mail.nothing_due", LANG))
    else:
        chosen = (("summary", args.summary), ("slides", args.deck), ("report", args.report))
        documents = tuple(kind for kind, on in chosen if on) or subscriptions.DEFAULT_DOCUMENTS
        recipients = mail.addresses(args.to)
        with connect_ro(args.db) as con:
            if warning := unknown_scope(con, args.organisation, None):
                _warning(_unknown(warning))
            scope = Scope(args.as_of or mail.as_of_default(con), args.organisation, None, args.lang or LANG)
        outcomes = [mail.send(recipients, documents, scope, args.db, args.dry_run)]
    _warn_no_link(outcomes)
    for outcome in outcomes:
        if outcome.status == "written":
            print(t("cli.written", LANG, path=outcome.path))
        elif outcome.status == "sent":
            print(t("mail.sent", LANG, to=", ".join(outcome.to), files=", ".join(outcome.files)))
        else:
            _err("cli.error", message=outcome.error.words(LANG))
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _warn_no_link(outcomes: list[mail.Outcome]) -> None:
    """Say on stderr that the messages went without the dashboard's link (none configured)."""
    try:
        missing = mail.public_url() is None
    except mail.MailError:
        return  # a bad address: the failure said it
    if missing and any(o.status != "failed" for o in outcomes):
        _warning(t("mail.no_link", LANG) + ".")
