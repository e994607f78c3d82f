"""Personal data: forgetting a person and the retention of leavers (their subject access: etl.admin.subject_access).

``data/gdpr/`` (beside the published database, git-ignored) holds ``secret.key`` (random,
mode 600), ``forgotten.txt`` (one HMAC-SHA256 of a forgotten matricule per line: never the
matricule), ``log.jsonl`` (who forgot someone and when, not whom) and ``settings.json``
(``retention_years``, default 5).

Every load calls ``drop_at_load`` on its raw tables before validation: the rows of forgotten
people are dropped, so they reach neither the published data nor the rejects; staff who left more
than ``retention_years`` ago are anonymised (matricule replaced by a token of that load, names and
e-mail emptied), so the contract's figures at past dates stay exact while no one is identifiable.
After each publish, ``retain_kept`` does the same to the kept versions (their databases and source
copies). ``forget`` rewrites every database and source copy under data/ (etl.admin.scrub): no byte of
the person is left.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.admin.scrub import NAME_COLUMNS, OWNER, Scrub, rewrite_db, rewrite_sources
from etl.admin.scrub import PERSON as PERSON_ROWS
from etl.intake.read import create_empty_raw, read_source
from etl.intake.sources import LoadError, Note, discover, fail
from etl.intake.validate import MACROS
from etl.store import storage
from etl.store.db import connect_ro, open_duckdb, published_path

RETENTION_YEARS = 5
TOKEN = "anonyme-"  # how a leaver's matricule starts once anonymised (the rest drawn at each load)
# the raw tables drop_at_load reads and changes (a person's rows, an action's owner): it never opens the others
DROPS_FROM = frozenset({*PERSON_ROWS, OWNER[0]})
DB_NAME = "cadran.duckdb"  # a kept version's database (etl.publish.versions)


def gdpr_dir(db: str | os.PathLike | None = None) -> Path:
    return published_path(db).parent / "gdpr"


def _secret(db) -> bytes:
    path = gdpr_dir(db) / "secret.key"
    if not path.exists():
        storage.private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


def keyed_hash(person_id: str, db=None) -> str:
    return hmac.new(_secret(db), person_id.strip().encode(), hashlib.sha256).hexdigest()


def forgotten(db=None) -> set[str]:
    path = gdpr_dir(db) / "forgotten.txt"
    return set(path.read_text().split()) if path.exists() else set()


def retention_years(db=None) -> int | None:
    """Years kept after leave_date (None: no purge). $CADRAN_RETENTION_YEARS ("off" or a number)
    overrides the setting: the bundled demo, dated 2015, is loaded with it off."""
    env = os.environ.get("CADRAN_RETENTION_YEARS")
    if env:
        return None if env.lower() in ("off", "0", "non") else int(env)
    path = gdpr_dir(db) / "settings.json"
    if path.exists():
        return int(json.loads(path.read_text()).get("retention_years", RETENTION_YEARS))
    return RETENTION_YEARS


def set_retention_years(years: int, db=None) -> None:
    path = gdpr_dir(db) / "settings.json"
    storage.private_dir(path.parent)
    path.write_text(json.dumps({"retention_years": int(years)}))
    os.chmod(path, storage.FILE_MODE)


def cutoff(years: int, today: dt.date | None = None) -> dt.date:
    """Leavers before this day are past retention."""
    today = today or dt.date.today()
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    return today.replace(year=today.year - years, day=day)


def matricule(person_id: str) -> str:
    """The matricule as given, trimmed; a blank one is refused (it would match no one, or everyone)."""
    if not person_id or not person_id.strip():
        raise fail("person_blank")
    return person_id.strip()


# --- at each load


def drop_inputs(target: Path, today: dt.date | None = None) -> str:
    """What ``drop_at_load`` reads besides the raw rows: the forgotten people (their hashes), the
    retention and its cutoff day, as one key. Two loads of the same raw rows with the same key drop
    the same rows (a leaver's token aside, drawn at each load)."""
    years = retention_years(target)
    day = cutoff(years, today).isoformat() if years is not None else "off"
    parts = [*sorted(forgotten(target)), str(years), day]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def drop_at_load(
    con: duckdb.DuckDBPyConnection,
    target: Path,
    today: dt.date | None = None,
    read_rest: Callable[[], None] | None = None,
) -> list[Note]:
    """Drop from the raw tables the forgotten people and the leavers past retention; the notes
    (codes and counts only) for the load report: none when nobody was dropped or anonymised.

    ``read_rest``: reads the tables of DROPS_FROM a load left unread (etl.publish.staging.unread:
    files unchanged since a load that dropped nobody with the same ``drop_inputs``, so they hold
    nobody to drop); called as soon as someone is to be dropped, since their rows then change too
    (an action's owner named, a leaver's matricule)."""
    con.execute(MACROS)
    hashes = forgotten(target)
    years = retention_years(target)
    gone, leavers = _to_drop(con, target, hashes, years, today)
    if (gone or leavers) and read_rest is not None:
        read_rest()
        gone, leavers = _to_drop(con, target, hashes, years, today)
    # their names read once: an action owned by any of them loses its owner, whether they are
    # anonymised or dropped
    names = _names_in_raw(con, gone | leavers) if gone | leavers else set()
    _mentions(con, gone | leavers, names)
    anonymised = _anonymise(con, leavers - gone, names)
    notes = []
    if anonymised:
        notes.append(Note("RGPD", "retention", {"years": years, "staff_anonymised": anonymised}))
    if not gone:
        return notes
    con.execute("CREATE OR REPLACE TEMP TABLE _drop AS SELECT unnest(?::VARCHAR[]) AS id", [sorted(gone)])
    for table, column in PERSON_ROWS.items():
        con.execute(f'DELETE FROM raw_{table} WHERE trim("{column}") IN (SELECT id FROM _drop)')
    _blank_owner(con, "_drop", names)
    con.execute("DROP TABLE _drop")
    notes.append(Note("RGPD", "erasure", {"people_removed": len(gone)}))
    return notes


def _to_drop(con, target: Path, hashes: set[str], years: int | None, today) -> tuple[set[str], set[str]]:
    """The matricules of the raw rows to drop (forgotten) and to anonymise (leavers past retention)."""
    ids: set[str] = set()
    for table, column in [*PERSON_ROWS.items(), OWNER] if hashes else []:  # nobody forgotten: none read
        ids |= {
            r[0]
            for r in con.execute(
                f'SELECT DISTINCT trim("{column}") FROM raw_{table} WHERE "{column}" IS NOT NULL'
            ).fetchall()
        }
    gone = {i for i in ids if keyed_hash(i, target) in hashes}
    leavers = _leavers(con, cutoff(years, today)) if years is not None else set()
    return gone, leavers


# a reject of an earlier load naming a person dropped or anonymised by this load (etl.publish.load copies
# the history after drop_at_load, with this condition): rows are filtered as they are copied, since
# a DELETE in the new file would leave their bytes in it
MENTION_TEXT = "lower(coalesce(raw, '') || ' ' || coalesce(reason, '') || ' ' || coalesce(problems, ''))"
NOT_MENTIONED = f"NOT EXISTS (SELECT 1 FROM _gdpr_candidates WHERE contains({MENTION_TEXT}, n))"
GRAM = 8  # the characters of a needle looked up before it is searched for


def narrow_mentions(con: duckdb.DuckDBPyConnection, rejects: str) -> None:
    """``_gdpr_candidates``, what NOT_MENTIONED searches for: the needles of ``_gdpr_mentions`` that
    may be in the rejects ``rejects`` (a table or a subquery), those whose first GRAM characters are
    somewhere in one of them, and the shorter ones. A needle in a text has its first characters in
    it, so no reject is kept that the whole list would drop; the search runs over a few needles
    instead of five per leaver (at 100 times the demo, 23 s of a reload)."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _gdpr_candidates AS
        WITH texts AS (SELECT {MENTION_TEXT} AS text FROM {rejects}),
        starts AS (SELECT text, unnest(range(1, greatest(length(text) - {GRAM - 2}, 1))) AS i FROM texts),
        grams AS (SELECT DISTINCT substr(text, i, {GRAM}) AS g FROM starts)
        SELECT n FROM _gdpr_mentions WHERE length(n) < {GRAM} OR substr(n, 1, {GRAM}) IN (SELECT g FROM grams)"""
    )


def _mentions(con: duckdb.DuckDBPyConnection, ids: set[str], names: set[str]) -> None:
    """The temporary table of what names these people in a reject: their matricules as a value is
    quoted there, their full names and e-mails (``names``: _names_in_raw's, lower case)."""
    needles = {n for i in ids for n in (f'"{i}"', f"« {i} »")} | folded(names)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _gdpr_mentions AS SELECT lower(unnest(?::VARCHAR[])) AS n",
        [sorted(needles)],
    )


def mention_nobody(con: duckdb.DuckDBPyConnection) -> None:
    """What a load that drops nobody from its rows leaves the history's copy to look for: nothing
    (etl.publish.unchanged: the published file's history was sifted for the same people)."""
    _mentions(con, set(), set())


def _leavers(con: duckdb.DuckDBPyConnection, before: dt.date) -> set[str]:
    """Matricules of raw_staff who left before ``before``."""
    rows = con.execute(
        "SELECT trim(person_id) FROM raw_staff WHERE CAST(cadran_ts(leave_date) AS DATE) < ? "
        "AND person_id IS NOT NULL",
        [before],
    ).fetchall()
    return {r[0] for r in rows}


def _blank_owner(con: duckdb.DuckDBPyConnection, ids_table: str, names: set[str]) -> None:
    """An action owned by these people (matricules in ``ids_table``.id, or their names) loses its owner."""
    table, column = OWNER
    con.execute(
        f'UPDATE raw_{table} SET "{column}" = NULL WHERE trim("{column}") IN (SELECT id FROM {ids_table})'
    )
    if names:
        con.execute(
            f'UPDATE raw_{table} SET "{column}" = NULL WHERE lower(trim("{column}")) IN '
            "(SELECT lower(unnest(?::VARCHAR[])))",
            [sorted(names)],
        )


def _anonymise(con: duckdb.DuckDBPyConnection, ids: set[str], names: set[str]) -> int:
    """Leavers past retention lose what identifies them, not their place in the figures: their
    matricule becomes a token drawn for this load only (the same in every table, so the contract's
    figures at any date stay exact; nothing links it back once the load ends), their names and
    e-mail are emptied, and an action they own (by matricule, or by one of ``names``) loses its
    owner. Returns how many."""
    if not ids:
        return 0
    salt = secrets.token_hex(16)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _anon AS SELECT id, ? || substr(sha256(? || id), 1, 12) AS token "
        "FROM (SELECT unnest(?::VARCHAR[]) AS id)",
        [TOKEN, salt, sorted(ids)],
    )
    for table, column in PERSON_ROWS.items():
        con.execute(
            f'UPDATE raw_{table} SET "{column}" = a.token FROM _anon a WHERE trim(raw_{table}."{column}") = a.id'
        )
    cols = {r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE raw_staff)").fetchall()}
    blank = ", ".join(f'"{c}" = NULL' for c in NAME_COLUMNS if c in cols)
    if blank:
        con.execute(f"UPDATE raw_staff SET {blank} WHERE person_id IN (SELECT token FROM _anon)")
    _blank_owner(con, "_anon", names)
    con.execute("DROP TABLE _anon")
    return len(ids)


def _names_in_raw(con, ids: set[str]) -> set[str]:
    """Full names ("Prénom Nom", "Nom Prénom") and e-mails of these matricules in raw_staff."""
    rows = con.execute(
        "SELECT first_name, last_name, email FROM raw_staff WHERE trim(person_id) IN "
        "(SELECT unnest(?::VARCHAR[]))",
        [sorted(ids)],
    ).fetchall()
    return _name_forms(rows)


def _name_forms(rows) -> set[str]:
    names = set()
    for first, last, email in rows:
        if first and last:
            names |= {f"{first.strip()} {last.strip()}", f"{last.strip()} {first.strip()}"}
        if email:
            names.add(email.strip())
    return names


# --- where a person may be held: the published database, each kept version's database and sources


def kept_folders(target: Path) -> list[Path]:
    """The kept versions' folders, oldest first."""
    folders = [p for p in storage.versions_dir(target).glob("v*") if p.name[1:].isdigit() and p.is_dir()]
    return sorted(folders, key=lambda p: int(p.name[1:]))


def databases(target: Path) -> list[Path]:
    """The published database and every kept version's, those that exist."""
    return [p for p in [target, *(f / DB_NAME for f in kept_folders(target))] if p.exists()]


def _raw_staff(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database holding raw_staff read from a kept source folder by the loader's reader."""
    con = open_duckdb()
    con.execute(MACROS)
    try:
        read_source(con, discover(folder).sources["staff"])
    except (LoadError, OSError, duckdb.Error):
        create_empty_raw(con, "staff")
    return con


def names_of(person_id: str, target: Path) -> set[str]:
    """Every form of the person's name and e-mail found in a database (their staff row, a rejected
    staff row) or a kept staff file."""
    names = set()
    for path in databases(target):
        names |= _names_in_db(path, person_id)
    for folder in kept_folders(target):
        with _raw_staff(folder / "source") as con:
            names |= _names_in_raw(con, {person_id})
    return names


def _names_in_db(path: Path, person_id: str) -> set[str]:
    staff = "SELECT first_name, last_name, email FROM stg_staff WHERE person_id = ?"
    rejected = (
        "SELECT raw->>'$.first_name', raw->>'$.last_name', raw->>'$.email' FROM load_rejects "
        "WHERE table_name = 'staff' AND json_valid(raw) AND trim(raw->>'$.person_id') = ?"
    )
    rows = []
    with connect_ro(path, model=False) as con:
        for sql in (staff, rejected):
            try:
                rows += con.execute(sql, [person_id]).fetchall()
            except duckdb.Error:
                continue
    return _name_forms(rows)


def folded(names: set[str]) -> set[str]:
    return {n.casefold() for n in names}


# --- forget


def forget(person_id: str, db=None, by: str = "cli") -> dict:
    """Remove ``person_id`` from the published data, every kept version (database and source
    files) and the rejects, each database rewritten as a fresh file; remember its keyed hash so
    later loads drop it; log the act. Raises LoadError (person_blank) for a blank matricule."""
    person_id = matricule(person_id)
    target = published_path(db)
    with storage.exclusive(target):  # a killed load's leftovers go first
        _remember(person_id, target)
        names = names_of(person_id, target)
        scrub = Scrub(drop={person_id}, names=folded(names), mentions=folded(names))
        dbs = databases(target)
        for path in dbs:
            rewrite_db(path, scrub)
        files = sum(len(rewrite_sources(f / "source", scrub)) for f in kept_folders(target))
    entry = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "by": by,
        "act": "forget",
        "databases": len(dbs),
        "files": files,
    }
    _append(gdpr_dir(target) / "log.jsonl", json.dumps(entry))
    return entry


def _remember(person_id: str, target: Path) -> None:
    hashed = keyed_hash(person_id, target)
    if hashed not in forgotten(target):
        _append(gdpr_dir(target) / "forgotten.txt", hashed)


def _append(path: Path, line: str) -> None:
    storage.private_dir(path.parent)
    with open(path, "a") as out:
        out.write(line + "\n")
    os.chmod(path, storage.FILE_MODE)


# --- retention of the kept versions


def retain_kept(target: Path, today: dt.date | None = None) -> int:
    """Leavers past retention anonymised in every kept version (its database and source copies),
    as a load anonymises them; how many versions were rewritten. A version done for the same
    cutoff is not read again (``retention.json``)."""
    years = retention_years(target)
    if years is None:
        return 0
    before = cutoff(years, today)
    done = 0
    for folder in kept_folders(target):
        marker = folder / "retention.json"
        if marker.exists() and json.loads(marker.read_text()).get("before") == before.isoformat():
            continue
        done += _retain_version(folder, before)
        marker.write_text(json.dumps({"before": before.isoformat()}))
        os.chmod(marker, storage.FILE_MODE)
    return done


def _retain_version(folder: Path, before: dt.date) -> bool:
    with _raw_staff(folder / "source") as con:
        ids = _leavers(con, before)
        names = _names_in_raw(con, ids)
    if ids:
        rewrite_sources(folder / "source", Scrub(tokens=_tokens(ids), names=folded(names)))
    db = folder / DB_NAME
    rows = _leavers_in_db(db, before) if db.exists() else []
    if rows:
        tokens = _tokens({r[0] for r in rows})
        rewrite_db(db, Scrub(tokens=tokens, names=folded(_name_forms([r[1:] for r in rows]))))
    return bool(ids or rows)


def _tokens(ids: set[str]) -> dict[str, str]:
    return {i: f"{TOKEN}{secrets.token_hex(6)}" for i in sorted(ids)}


def _leavers_in_db(path: Path, before: dt.date) -> list[tuple]:
    """(matricule, first name, last name, e-mail) of the staff who left before ``before`` and are
    still named."""
    with connect_ro(path, model=False) as con:
        return con.execute(
            "SELECT person_id, first_name, last_name, email FROM stg_staff WHERE leave_date < ? AND "
            "(NOT starts_with(person_id, ?) OR coalesce(first_name, last_name, email) IS NOT NULL)",
            [before, TOKEN],
        ).fetchall()


# --- a version being kept


def scrub_forgotten(folder: Path, target: Path) -> None:
    """Kept source files (a version being kept) without the forgotten people: their matricules
    found by keyed hash among the person columns, their names in the staff rows."""
    hashes = forgotten(target)
    if not hashes:
        return
    with _raw_tables(folder) as con:
        ids = {i for i in _person_ids(con) if keyed_hash(i, target) in hashes}
        names = _names_in_raw(con, ids) if ids else set()
    if ids:
        rewrite_sources(folder, Scrub(drop=ids, names=folded(names), mentions=folded(names)))


def _raw_tables(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database holding the raw tables of the people and the actions of ``folder``."""
    con = open_duckdb()
    sources = discover(folder).sources
    for table in [*PERSON_ROWS, OWNER[0]]:
        if table in sources:
            read_source(con, sources[table])
        else:
            create_empty_raw(con, table)
    return con


def _person_ids(con) -> set[str]:
    ids = set()
    for table, column in [*PERSON_ROWS.items(), OWNER]:
        ids |= {
            r[0]
            for r in con.execute(
                f'SELECT DISTINCT trim("{column}") FROM raw_{table} WHERE "{column}" IS NOT NULL'
            ).fetchall()
        }
    return ids
