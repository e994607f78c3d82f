"""The staged tables of a load: validated from their raw rows, or taken over from the published file.

A table's stage key hashes what its validation reads: its raw rows in file order (after the
forgotten people and the leavers past retention left them), its source's name, the keys of the
tables it refers to, and etl's code. A load whose key for a table equals the one the published file
recorded copies that file's staged rows and rejects instead of validating them again, once it has
checked that those rows are still what their load wrote (an erasure rewrites the published file).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.intake.read import Raw
from etl.intake.schema import TABLES, Table
from etl.intake.validate import STAGE_RECORD, none_rejected, stage_all
from etl.store import stored_reads

# a load record (load_*): the stage key of each table with rows, the load that validated it, and
# its staged rows' count and digest when written
RECORD = STAGE_RECORD
SCHEMA = f"""CREATE TABLE {RECORD} (table_name VARCHAR, stage_key VARCHAR, load_id INTEGER,
                                    rows_staged BIGINT, digest VARCHAR)"""

_PREVIOUS = "staging_prev"  # the published file, attached read-only while the tables are staged


@dataclass(frozen=True)
class _Staged:
    """What the published file recorded of a table: its key, its load, its staged rows then, its rejects."""

    key: str
    load_id: int
    rows: int
    digest: str
    rejected: int


def references(table: Table) -> set[str]:
    """The tables `table` refers to: their staged rows are read by its rules."""
    return {c.ref.split(".")[0] for c in table.columns if c.ref} | {target for _, target, _ in table.refs}


def stage_keys(con: duckdb.DuckDBPyConnection, raws: Mapping[str, Raw]) -> dict[str, str]:
    """Each table with raw rows: the hash of its rows in order, its source, its references' keys, the code."""
    names = [t.name for t in TABLES if t.name in raws]
    if not names:
        return {}
    # table names from the contract, never text of the data; rowid: a row's rank, its _ord once staged
    sql = " UNION ALL ".join(
        f"SELECT '{n}', count(*), sum(hash(r.rowid, r)::HUGEINT)::VARCHAR FROM raw_{n} r" for n in names
    )
    digests = {name: (rows, digest) for name, rows, digest in con.execute(sql).fetchall()}
    keys: dict[str, str] = {}
    for table in TABLES:  # in dependency order: a reference's key is known before the table's
        rows, digest = digests.get(table.name, (0, None))
        if not rows:
            continue
        raw = raws[table.name]
        parts = [stored_reads.fingerprint(), table.name, raw.label, str(raw.first_line), str(rows), digest]
        parts += [f"{target}={keys.get(target, '')}" for target in sorted(references(table))]
        keys[table.name] = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return keys


def _digests(con: duckdb.DuckDBPyConnection, tables: list[str], schema: str = "") -> dict[str, tuple]:
    """Staged rows' count and sum of hashes, by table (names from the contract)."""
    if not tables:
        return {}
    sql = " UNION ALL ".join(
        f"SELECT '{n}', count(*), coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR FROM {schema}stg_{n} t"
        for n in tables
    )
    return {name: (rows, digest) for name, rows, digest in con.execute(sql).fetchall()}


def _recorded(con: duckdb.DuckDBPyConnection, keys: Mapping[str, str]) -> dict[str, _Staged]:
    """What the attached published file recorded of the tables whose key is unchanged, and whose
    staged rows and rejects are still those of their load; none from a file without the record."""
    try:
        rows = con.execute(
            f"""SELECT s.table_name, s.stage_key, s.load_id, s.rows_staged, s.digest, t.rows_rejected,
                    (SELECT count(*) FROM {_PREVIOUS}.load_rejects j
                     WHERE j.load_id = s.load_id AND j.table_name = s.table_name)
                FROM {_PREVIOUS}.{RECORD} s
                JOIN {_PREVIOUS}.load_tables t ON t.load_id = s.load_id AND t.table_name = s.table_name"""
        ).fetchall()
    except duckdb.Error:  # a file from an older version, without stage keys: every table validated
        return {}
    found = {
        name: _Staged(key, load_id, staged, digest, rejected)
        for name, key, load_id, staged, digest, rejected, rejects in rows
        if keys.get(name) == key and rejects == rejected  # every reject of its load still there
    }
    now = _digests(con, sorted(found), f"{_PREVIOUS}.")
    return {name: s for name, s in found.items() if now.get(name) == (s.rows, s.digest)}


def _taken_over(keys: Mapping[str, str], recorded: Mapping[str, _Staged]) -> set[str]:
    """The tables to copy: recorded unchanged, less those with rejects that a table validated with
    rows refers to (its reasons name the line of the rejected row a reference points at:
    rejected_<table>)."""
    kept = set(recorded)
    changed = True
    while changed:
        changed = False
        for table in TABLES:
            if table.name in kept or table.name not in keys:  # without rows: no reference read
                continue
            for target in references(table) & kept:
                if recorded[target].rejected:
                    kept.discard(target)
                    changed = True
    return kept


def stage(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    raws: Mapping[str, Raw],
    staged: Callable | None,
    *,
    reasons: Mapping[str, str],
    previous: Path,
) -> set[str]:
    """Stage every table (etl.intake.validate.stage_all), taking over from `previous` (the published
    file) each table whose key it recorded; record this load's keys. The tables taken over."""
    keys = stage_keys(con, raws)
    con.execute(SCHEMA)
    attached = bool(keys) and previous.exists() and _attach(con, previous)
    try:
        recorded = _recorded(con, keys) if attached else {}
        kept = _taken_over(keys, recorded)

        def reuse(table: Table) -> tuple[int, int, int] | None:
            if table.name not in kept:
                return None
            return _copy(con, load_id, table, recorded[table.name])

        stage_all(con, load_id, dict(raws), staged, reasons=reasons, reuse=reuse)
    finally:
        if attached:
            con.execute(f"DETACH {_PREVIOUS}")
    computed = _digests(con, sorted(set(keys) - kept))
    rows = [
        [
            name,
            key,
            load_id,
            *(computed[name] if name in computed else (recorded[name].rows, recorded[name].digest)),
        ]
        for name, key in keys.items()
    ]
    if rows:
        marks = ", ".join(["(?, ?, ?, ?, ?)"] * len(rows))
        con.execute(f"INSERT INTO {RECORD} VALUES {marks}", [v for row in rows for v in row])
    return kept


def _attach(con: duckdb.DuckDBPyConnection, previous: Path) -> bool:
    """``previous`` attached read-only; False when it cannot be (every table is then validated)."""
    try:
        con.execute(f"ATTACH ? AS {_PREVIOUS} (READ_ONLY)", [str(previous)])
    except duckdb.Error:
        return False
    return True


def _copy(
    con: duckdb.DuckDBPyConnection, load_id: int, table: Table, recorded: _Staged
) -> tuple[int, int, int]:
    """stg_<table> and its rejects as the published file holds them, under this load's number."""
    name = table.name
    con.execute(f"CREATE TABLE stg_{name} AS SELECT * FROM {_PREVIOUS}.stg_{name}")  # in file order
    con.execute(
        f"""INSERT INTO load_rejects BY NAME
            SELECT * REPLACE (CAST(? AS INTEGER) AS load_id) FROM {_PREVIOUS}.load_rejects
            WHERE load_id = ? AND table_name = ?""",
        [load_id, recorded.load_id, name],
    )
    none_rejected(con, table)  # read by no validated table when it holds rejects (_taken_over)
    read = recorded.rows + recorded.rejected
    return read, recorded.rows, recorded.rejected
