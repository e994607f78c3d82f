"""The staged tables of a load: validated from their raw rows, or taken over from the published file.

A table's stage key hashes what its validation reads: its raw rows in file order (after the
forgotten people and the leavers past retention left them), its source's name, the keys of the
tables it refers to, and etl's code. A load whose key for a table equals the one the published file
recorded copies that file's staged rows and rejects instead of validating them again, once it has
checked that those rows are still what their load wrote (an erasure rewrites the published file).

A table's file is not even read (``unread``) when its bytes are those the published file recorded
(``file_keys``) and the drop of forgotten people and leavers changes none of its rows: a table the
drop never opens (etl.admin.gdpr.DROPS_FROM), or a load and this one that dropped nobody with the
same forgotten people and retention cutoff (etl.admin.gdpr.drop_inputs). Its raw rows would be
that load's, and so is its key while the tables it refers to keep theirs. It is read as soon as
it is needed: a reference changed, its rows to validate again, someone to drop
(etl.admin.gdpr.drop_at_load).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Set
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.intake.read import Raw
from etl.intake.schema import TABLES, Table
from etl.intake.sources import Source
from etl.intake.validate import STAGE_RECORD, none_rejected, stage_all
from etl.store import stored_reads

# a load record (load_*): the stage key of each table with rows, the load that validated it, its
# staged rows' count and digest when written, its file's key, the drop's inputs when that load
# dropped nobody (NULL otherwise), and the key of all the load read (Files.inputs_key)
RECORD = STAGE_RECORD
SCHEMA = f"""CREATE TABLE {RECORD} (table_name VARCHAR, stage_key VARCHAR, load_id INTEGER, rows_staged BIGINT,
                                    digest VARCHAR, file_key VARCHAR, drop_key VARCHAR, inputs_key VARCHAR)"""

PREVIOUS = "staging_prev"  # the published file, attached read-only while the tables are staged


@dataclass(frozen=True)
class Staged:
    """What the published file recorded of a table: its key, its load, its staged rows then, its rejects."""

    key: str
    load_id: int
    rows: int
    digest: str
    rejected: int


@dataclass(frozen=True)
class FileKey:
    """A source's key (the hash of its file's bytes, its name and sheet, etl's code) and the file's
    size and time when hashed: a file changed while the load read it has no key recorded."""

    key: str
    stat: tuple

    def still(self, path: Path) -> bool:
        return _stat(path) == self.stat


def _stat(path: Path) -> tuple:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ino


def _file_digest(path: Path) -> tuple[str, tuple]:
    stat = _stat(path)
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest(), stat


def file_keys(sources: Mapping[str, Source]) -> dict[str, FileKey]:
    """Each source's FileKey, its files hashed on two threads (hashlib lets go of the GIL)."""
    paths = sorted({s.path for s in sources.values()})
    with ThreadPoolExecutor(max_workers=2) as pool:
        hashed = dict(zip(paths, pool.map(_file_digest, paths), strict=True))
    code = stored_reads.fingerprint()
    keys = {}
    for name, source in sources.items():
        digest, stat = hashed[source.path]
        key = hashlib.sha256("\x1f".join([code, source.label, digest]).encode()).hexdigest()
        keys[name] = FileKey(key, stat)
    return keys


def recorded_keys(
    con: duckdb.DuckDBPyConnection, previous: Path
) -> dict[str, tuple[str, str | None, str | None]]:
    """The published file's record: table -> (stage key, file key, drop key); none from a file
    that has none (an older version's, an erasure's)."""
    if not previous.exists() or not attach(con, previous):
        return {}
    try:
        rows = con.execute(
            f"SELECT table_name, stage_key, file_key, drop_key FROM {PREVIOUS}.{RECORD}"
        ).fetchall()
    except duckdb.Error:
        return {}
    finally:
        con.execute(f"DETACH {PREVIOUS}")
    return {name: (key, file_key, drop_key) for name, key, file_key, drop_key in rows}


def unread(
    recorded: Mapping[str, tuple[str, str | None, str | None]],
    files: Mapping[str, FileKey],
    drop_key: str,
    dropped_from: Set[str],
) -> set[str]:
    """The tables whose file is the one the published file's load read: their files need not be
    read, when the drop changes none of their rows (etl.admin.gdpr.drop_at_load): a table out of
    ``dropped_from``, or one of a load that dropped nobody with this load's ``drop_key``."""
    return {
        name
        for name, (_, file_key, drop) in recorded.items()
        if name in files and file_key == files[name].key and (drop == drop_key or name not in dropped_from)
    }


def references(table: Table) -> set[str]:
    """The tables `table` refers to: their staged rows are read by its rules."""
    return {c.ref.split(".")[0] for c in table.columns if c.ref} | {target for _, target, _ in table.refs}


def _raw_digests(con: duckdb.DuckDBPyConnection, names: list[str]) -> dict[str, tuple]:
    """Raw rows' count and sum of hashes with their rank (rowid), by table (names from the contract)."""
    if not names:
        return {}
    sql = " UNION ALL ".join(
        f"SELECT '{n}', count(*), sum(hash(r.rowid, r)::HUGEINT)::VARCHAR FROM raw_{n} r" for n in names
    )
    return {name: (rows, digest) for name, rows, digest in con.execute(sql).fetchall()}


def stage_keys(
    con: duckdb.DuckDBPyConnection,
    raws: dict[str, Raw],
    recorded: Mapping[str, str] | None = None,
    not_read: set[str] | None = None,
    read: Callable[[str], Raw] | None = None,
) -> dict[str, str]:
    """Each table with raw rows: the hash of its rows in order, its source, its references' keys, the
    code. A table of ``not_read`` keeps its ``recorded`` key while its references keep theirs; it is
    read (``read``, added to ``raws``) when one changed."""
    recorded, not_read = recorded or {}, not_read or set()
    digests = _raw_digests(con, [t.name for t in TABLES if t.name in raws])
    keys: dict[str, str] = {}
    for table in TABLES:  # in dependency order: a reference's key is known before the table's
        name = table.name
        if name in not_read and name not in raws:
            if all(keys.get(t, "") == recorded.get(t, "") for t in references(table)):
                keys[name] = recorded[name]
                continue
            raws[name] = read(name)
            digests |= _raw_digests(con, [name])
        rows, digest = digests.get(name, (0, None))
        if not rows:
            continue
        raw = raws[name]
        parts = [stored_reads.fingerprint(), name, raw.label, str(raw.first_line), str(rows), digest]
        parts += [f"{target}={keys.get(target, '')}" for target in sorted(references(table))]
        keys[name] = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return keys


def digests(con: duckdb.DuckDBPyConnection, tables: list[str], schema: str = "") -> dict[str, tuple]:
    """Staged rows' count and sum of hashes, by table (names from the contract)."""
    if not tables:
        return {}
    sql = " UNION ALL ".join(
        f"SELECT '{n}', count(*), coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR FROM {schema}stg_{n} t"
        for n in tables
    )
    return {name: (rows, digest) for name, rows, digest in con.execute(sql).fetchall()}


def intact(con: duckdb.DuckDBPyConnection, keys: Mapping[str, str]) -> dict[str, Staged]:
    """What the attached published file recorded of the tables whose key is unchanged, and whose
    staged rows and rejects are still those of their load; none from a file without the record."""
    try:
        rows = con.execute(
            f"""SELECT s.table_name, s.stage_key, s.load_id, s.rows_staged, s.digest, t.rows_rejected,
                    (SELECT count(*) FROM {PREVIOUS}.load_rejects j
                     WHERE j.load_id = s.load_id AND j.table_name = s.table_name)
                FROM {PREVIOUS}.{RECORD} s
                JOIN {PREVIOUS}.load_tables t ON t.load_id = s.load_id AND t.table_name = s.table_name"""
        ).fetchall()
    except duckdb.Error:  # a file from an older version, without stage keys: every table validated
        return {}
    found = {
        name: Staged(key, load_id, staged, digest, rejected)
        for name, key, load_id, staged, digest, rejected, rejects in rows
        if keys.get(name) == key and rejects == rejected  # every reject of its load still there
    }
    now = digests(con, sorted(found), f"{PREVIOUS}.")
    return {name: s for name, s in found.items() if now.get(name) == (s.rows, s.digest)}


def _taken_over(keys: Mapping[str, str], recorded: Mapping[str, Staged]) -> set[str]:
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


@dataclass
class Files:
    """A load's sources as staging sees them: their keys, the published file's record, the tables
    whose files are left unread (``unread``), the drop's inputs (etl.admin.gdpr.drop_inputs) and
    whether it dropped someone."""

    sources: Mapping[str, Source]
    keys: Mapping[str, FileKey]
    recorded: Mapping[str, tuple[str, str | None, str | None]]
    not_read: set[str]
    drop_inputs: str | None
    dropped: bool = False

    @property
    def drop_key(self) -> str | None:
        """The drop's inputs when it dropped nobody: a file the next load finds unchanged is not read."""
        return None if self.dropped else self.drop_inputs

    def inputs_key(self) -> str | None:
        """The key of all the load read: every file and the drop's inputs. Two loads of one key stage
        the same rows, but for the tokens drawn for the leavers at each (etl.publish.read_model);
        None when a file changed as it was read."""
        records = [f"{name}={self.record(name)}" for name in sorted(self.sources)]
        if self.drop_inputs is None or any(r.endswith("=None") for r in records):
            return None
        return hashlib.sha256("\x1f".join([self.drop_inputs, *records]).encode()).hexdigest()

    @classmethod
    def of(
        cls,
        con: duckdb.DuckDBPyConnection,
        sources: Mapping[str, Source],
        previous: Path,
        drop_key: str,
        dropped_from: Set[str],
    ) -> Files:
        keys = file_keys(sources)
        recorded = recorded_keys(con, previous)
        return cls(sources, keys, recorded, unread(recorded, keys, drop_key, dropped_from), drop_key)

    def record(self, name: str) -> str | None:
        """The file key recorded for ``name``: none for a file changed since it was hashed."""
        key = self.keys.get(name)
        return key.key if key and key.still(self.sources[name].path) else None


@dataclass
class Staging:
    """What a load's staging did: the tables taken over, and of them those whose file it did not read."""

    taken_over: set[str]
    not_read: set[str]


def stage(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    raws: Mapping[str, Raw],
    staged: Callable | None,
    *,
    reasons: Mapping[str, str],
    previous: Path,
    files: Files | None = None,
    read: Callable[[str], Raw] | None = None,
) -> Staging:
    """Stage every table (etl.intake.validate.stage_all), taking over from `previous` (the published
    file) each table whose key it recorded; record this load's keys. ``files``: the sources' keys and
    the tables left unread, each read by ``read`` when needed."""
    raws = dict(raws)
    files = files or Files({}, {}, {}, set(), None)
    inputs = files.inputs_key()
    recorded = {name: r[0] for name, r in files.recorded.items()}
    keys = stage_keys(con, raws, recorded, files.not_read, read)
    con.execute(SCHEMA)
    attached = bool(keys) and previous.exists() and attach(con, previous)
    try:
        found = intact(con, keys) if attached else {}
        kept = _taken_over(keys, found)
        for name in sorted(files.not_read - kept - set(raws)):  # to validate: its rows read now
            raws[name] = read(name)

        def reuse(table: Table) -> tuple[int, int, int] | None:
            if table.name not in kept:
                return None
            return _copy(con, load_id, table, found[table.name])

        stage_all(con, load_id, raws, staged, reasons=reasons, reuse=reuse)
    finally:
        if attached:
            con.execute(f"DETACH {PREVIOUS}")
    computed = digests(con, sorted(set(keys) - kept))
    rows = [
        [
            name,
            key,
            load_id,
            *(computed[name] if name in computed else (found[name].rows, found[name].digest)),
            files.record(name),
            files.drop_key,
            inputs,
        ]
        for name, key in keys.items()
    ]
    if rows:
        marks = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        con.execute(f"INSERT INTO {RECORD} VALUES {marks}", [v for row in rows for v in row])
    return Staging(kept, files.not_read - set(raws))


def attach(con: duckdb.DuckDBPyConnection, previous: Path) -> bool:
    """``previous`` attached read-only; False when it cannot be (every table is then validated)."""
    try:
        con.execute(f"ATTACH ? AS {PREVIOUS} (READ_ONLY)", [str(previous)])
    except duckdb.Error:
        return False
    return True


def _copy(
    con: duckdb.DuckDBPyConnection, load_id: int, table: Table, recorded: Staged
) -> tuple[int, int, int]:
    """stg_<table> and its rejects as the published file holds them, under this load's number."""
    name = table.name
    con.execute(f"CREATE TABLE stg_{name} AS SELECT * FROM {PREVIOUS}.stg_{name}")  # in file order
    con.execute(
        f"""INSERT INTO load_rejects BY NAME
            SELECT * REPLACE (CAST(? AS INTEGER) AS load_id) FROM {PREVIOUS}.load_rejects
            WHERE load_id = ? AND table_name = ?""",
        [load_id, recorded.load_id, name],
    )
    none_rejected(con, table)  # read by no validated table when it holds rejects (_taken_over)
    read = recorded.rows + recorded.rejected
    return read, recorded.rows, recorded.rejected


def inputs_key(con: duckdb.DuckDBPyConnection) -> str | None:
    """The key of all that the load of the database ``con`` read (Files.inputs_key); None when it
    has none (a load whose file changed as it was read, an older version's file, an erasure's)."""
    try:
        keys = {k for (k,) in con.execute(f"SELECT DISTINCT inputs_key FROM {RECORD}").fetchall()}
    except duckdb.Error:
        return None
    return keys.pop() if len(keys) == 1 else None
