"""A load of the very files the published file's load read, with the same forgotten people and
retention cutoff: every table taken over, not a file read, the leavers' tokens drawn again.

Such a load stages what the published file holds, but for the tokens that stand for the leavers
past retention, drawn for each load (etl.admin.gdpr.drop_at_load). Each token of the published file
is replaced by a new one, the hash of a salt drawn here (forgotten when the load ends) and the old
token: the same in every table, so every figure stays, and nothing in the new file links a new
token to an old one. When a value of the published file has the shape of a token without being a
leaver's (a matricule written so), or the file changed since its load, the load reads and validates
as usual (etl.publish.staging).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.admin.gdpr import TOKEN
from etl.admin.scrub import PERSON, REJECT_TEXT
from etl.intake.schema import TABLES
from etl.intake.sources import Note
from etl.publish import staging

SHAPE = f"^{TOKEN}[0-9a-f]{{12}}$"  # a token as etl.admin.gdpr draws it
_IN_TEXT = re.compile(re.escape(TOKEN) + "[0-9a-f]{12}")
PREV = staging.PREVIOUS


def take_over_all(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    previous: Path,
    files: staging.Files,
    staged: Callable[[str, int, int, int], None],
    cutoff: dt.date | None,
) -> tuple[list[Note], set[str]] | None:
    """Every table of ``previous`` staged under ``load_id``, its leavers' tokens drawn again, when
    this load reads what its load read (``files``: same inputs_key): the notes of the people dropped
    that this load would write, and the tables taken over (those with rows). None when it cannot:
    nothing is then written."""
    key = files.inputs_key()
    if key is None or not previous.exists() or not staging.attach(con, previous):
        return None
    try:
        record = _record(con, key)
        if record is None:
            return None
        tokens = _tokens(con, cutoff, record["load_id"])
        if tokens is None:
            return None
        salt = secrets.token_hex(16)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _retoken AS SELECT old, ? || substr(sha256(? || old), 1, 12) AS new "
            "FROM (SELECT unnest(?::VARCHAR[]) AS old)",
            [TOKEN, salt, sorted(tokens)],
        )
        for table in TABLES:
            _copy(con, table.name, bool(tokens))
        _copy_rejects(con, load_id, record["load_id"], salt)
        counts = con.execute(
            f"SELECT table_name, rows_read, rows_loaded, rows_rejected FROM {PREV}.load_tables WHERE load_id = ?",
            [record["load_id"]],
        ).fetchall()
        by_name = {name: (read, loaded, rejected) for name, read, loaded, rejected in counts}
        for table in TABLES:
            staged(table.name, *by_name.get(table.name, (0, 0, 0)))
        notes = con.execute(
            f"SELECT file, code, params FROM {PREV}.load_notes WHERE load_id = ? AND file = 'RGPD'",
            [record["load_id"]],
        ).fetchall()
    finally:
        con.execute(f"DETACH {PREV}")
        con.execute("DROP TABLE IF EXISTS _retoken")
    _write_record(con, load_id, record["rows"], files, key)
    return [Note(file, code, json.loads(params or "{}")) for file, code, params in notes], set(record["rows"])


def _record(con: duckdb.DuckDBPyConnection, key: str) -> dict | None:
    """The published file's stage record when its load read what this one reads (same inputs key),
    and its staged rows and rejects are still those of that load; None otherwise."""
    try:
        rows = con.execute(
            f"SELECT table_name, stage_key, load_id, drop_key, inputs_key FROM {PREV}.{staging.RECORD}"
        ).fetchall()
        last, rejects, counted = con.execute(
            f"""SELECT max(load_id), (SELECT count(*) FROM {PREV}.load_rejects WHERE load_id = max(l.load_id)),
                    (SELECT sum(rows_rejected) FROM {PREV}.load_tables WHERE load_id = max(l.load_id))
                FROM {PREV}.load_log l"""
        ).fetchone()
    except duckdb.Error:  # an older version's file
        return None
    if not rows or any(inputs != key or load != last for _, _, load, _, inputs in rows):
        return None
    if rejects != (counted or 0):  # a reject added or deleted since its load, in any table
        return None
    keys = {name: stage_key for name, stage_key, *_ in rows}
    if staging.intact(con, keys).keys() != keys.keys():  # an erasure rewrote it since
        return None
    return {"load_id": last, "rows": {name: (stage_key, drop) for name, stage_key, _, drop, _ in rows}}


def _tokens(con: duckdb.DuckDBPyConnection, cutoff: dt.date | None, load_id: int) -> set[str] | None:
    """The leavers' tokens of the published file: the matricules of the shape of a token, in staff, of
    a person who left before ``cutoff``. None when a value of that shape is anything else, in a
    table or a reject (a matricule that happens to look so, a token of a rejected staff row): the
    load then validates as usual. None of them without retention."""
    if cutoff is None:
        return set()
    tokens = {
        pid
        for (pid,) in con.execute(
            f"""SELECT person_id FROM {PREV}.stg_staff WHERE regexp_full_match(person_id, ?)
                GROUP BY person_id HAVING min(leave_date) < ?""",
            [SHAPE, cutoff],
        ).fetchall()
    }
    # the tables and the rejects' texts: every value of the shape is one of these tokens
    for name, column in PERSON.items():
        others = con.execute(
            f"""SELECT count(*) FROM {PREV}.stg_{name} WHERE regexp_full_match("{column}", ?)
                AND "{column}" NOT IN (SELECT unnest(?::VARCHAR[]))""",
            [SHAPE, sorted(tokens)],
        ).fetchone()[0]
        if others:
            return None
    for text in _texts_with_tokens(con, load_id):
        if any(found not in tokens for found in _IN_TEXT.findall(text)):
            return None
    return tokens


def _texts_with_tokens(con: duckdb.DuckDBPyConnection, load_id: int) -> list[str]:
    marked = " OR ".join(f"contains(coalesce({c}, ''), '{TOKEN}')" for c in REJECT_TEXT)
    rows = con.execute(
        f"SELECT {', '.join(REJECT_TEXT)} FROM {PREV}.load_rejects WHERE load_id = ? AND ({marked})",
        [load_id],
    ).fetchall()
    return [value for row in rows for value in row if value]


def _copy(con: duckdb.DuckDBPyConnection, name: str, tokens: bool) -> None:
    """stg_<name> as the published file holds it, in file order, each token replaced by its new one
    (selected so, never updated: no old token is written to the new file)."""
    column = PERSON.get(name)
    if column is None or not tokens:
        con.execute(f"CREATE TABLE stg_{name} AS SELECT * FROM {PREV}.stg_{name}")
        return
    con.execute(
        f"""CREATE TABLE stg_{name} AS
            SELECT s.* REPLACE (coalesce(m.new, s."{column}") AS "{column}")
            FROM {PREV}.stg_{name} s LEFT JOIN _retoken m ON s."{column}" = m.old ORDER BY s._ord"""
    )


def _copy_rejects(con: duckdb.DuckDBPyConnection, load_id: int, previous_load: int, salt: str) -> None:
    """The published load's rejects, under ``load_id``, each token in their texts replaced."""
    texts = ", ".join(
        f"""CASE WHEN contains(coalesce({c}, ''), '{TOKEN}') THEN cadran_retoken({c}) ELSE {c} END AS {c}"""
        for c in REJECT_TEXT
    )
    new = {}

    def retoken(text: str | None) -> str | None:
        if text is None:
            return None
        return _IN_TEXT.sub(lambda m: new.setdefault(m[0], _new_token(salt, m[0])), text)

    con.create_function("cadran_retoken", retoken, ["VARCHAR"], "VARCHAR", null_handling="special")
    try:
        con.execute(
            f"""INSERT INTO load_rejects BY NAME
                SELECT * REPLACE (CAST(? AS INTEGER) AS load_id, {texts})
                FROM {PREV}.load_rejects WHERE load_id = ?""",
            [load_id, previous_load],
        )
    finally:
        con.remove_function("cadran_retoken")


def _new_token(salt: str, old: str) -> str:
    """The token drawn for ``old`` (as _retoken does in SQL)."""
    return TOKEN + hashlib.sha256((salt + old).encode()).hexdigest()[:12]


def _write_record(
    con: duckdb.DuckDBPyConnection, load_id: int, rows: dict, files: staging.Files, key: str
) -> None:
    """This load's stage record: the published one's keys, each table's staged rows' digest now."""
    con.execute(staging.SCHEMA)
    now = staging.digests(con, sorted(rows))
    values = [
        [name, stage_key, load_id, *now[name], files.record(name), drop, key]
        for name, (stage_key, drop) in rows.items()
    ]
    marks = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(values))
    con.execute(f"INSERT INTO {staging.RECORD} VALUES {marks}", [v for row in values for v in row])
