"""Where the published database lives and how readers open it.

Loads never write the published file in place: they build a new file and
rename it over the old one (etl.publish.load). Readers therefore open the file
afresh, read-only, per unit of work and close it (``connect_ro``), so a reader
never pins an old file and never holds a lock a load would need.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
MODEL_SQL = ROOT / "etl" / "model" / "model.sql"


def published_path(path: str | os.PathLike | None = None) -> Path:
    """The database the dashboard reads: `path`, else $CADRAN_DB, else data/cadran.duckdb."""
    return Path(path or os.environ.get("CADRAN_DB") or ROOT / "data" / "cadran.duckdb")


def version(path: str | os.PathLike | None = None) -> tuple[int, int, int] | None:
    """A token that changes at every publish (inode, mtime, size), None when nothing is published."""
    try:
        st = published_path(path).stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# DuckDB's memory for one database opened, beyond which it spills to a temporary file beside it (in
# memory: under the working folder's .tmp): a load at 100 times the demo then stays under 600 MB in
# all, Python's part included (bench/load_bench.py); the readers of a process share one (connect_ro).
# CADRAN_DUCKDB_MEMORY sets another ("1GB").
MEMORY_LIMIT = "256MB"


def open_duckdb(path: str | os.PathLike | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the database file ``path`` (None: a database in memory), within the memory
    limit: every connection Cadran opens is opened here, so all share one configuration (DuckDB
    refuses two configurations of one file in a process)."""
    config = {"memory_limit": os.environ.get("CADRAN_DUCKDB_MEMORY") or MEMORY_LIMIT}
    con = duckdb.connect(str(path) if path is not None else ":memory:", read_only=read_only, config=config)
    # DuckDB's own bar, drawn on standard output during a long query, would land in the middle of
    # `--json`: the command line draws its progress on standard error, a line per step
    con.execute("SET enable_progress_bar = false")
    return con


class NotPublished(Exception):
    """No database has been published at ``db`` yet (the command line words it)."""

    def __init__(self, db: Path) -> None:
        super().__init__(str(db))
        self.db = db


@contextmanager
def connect_ro(
    path: str | os.PathLike | None = None, model: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh read-only connection to the published database with the model's macros (``model``:
    guaranteed, else present only when shared); closed on exit.

    Opening a DuckDB database costs ~12 ms (its catalog built) and installing the model ~15 ms, more
    than most reads: the connection is a cursor of one database in memory kept for the process, the
    published file attached to it read-only under a name of its own and detached on exit (attaching
    opens the file anew, so it reads what is published now and pins it no longer than the ``with``:
    ``duckdb.connect`` of a path already open in the process would hand back that old file). The
    model's macros are created once in that database (``memory.main``), which the cursor searches
    after the file."""
    db = published_path(path)
    if not db.exists():
        raise NotPublished(db)
    host = _host()
    with _HOST_LOCK:
        con, alias = host.cursor(), f"published_{next(_ALIASES)}"
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute(f"ATTACH {_literal(db)} AS {alias} (READ_ONLY)")
        con.execute(f"USE {alias}")
        con.execute(f"SET search_path = '{alias}.main,memory.main'")
        if model and not _shared_model(con):
            install_model(con)
        yield con
    finally:
        con.close()  # ends whatever transaction the reader left open
        with _HOST_LOCK:
            detach = host.cursor()
        detach.execute(f"DETACH DATABASE IF EXISTS {alias}")
        detach.close()


_HOST: duckdb.DuckDBPyConnection | None = None
_HOST_LOCK = threading.Lock()
_ALIASES = itertools.count()
_SHARED = False  # the model's macros created in the host's memory.main


def _host() -> duckdb.DuckDBPyConnection:
    global _HOST
    with _HOST_LOCK:
        if _HOST is None:
            _HOST = open_duckdb(None)
        return _HOST


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _shared_model(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the model's macros are in the host's memory.main, created there now if not (they are
    checked against the tables of the file ``con`` reads; a file without them keeps its own)."""
    global _SHARED
    with _HOST_LOCK:
        if not _SHARED:
            shared = MODEL_SQL.read_text(encoding="utf-8").replace(
                "CREATE OR REPLACE TEMP MACRO ", "CREATE OR REPLACE MACRO memory.main."
            )
            try:
                con.execute(shared)
            except duckdb.Error:
                return False
            _SHARED = True
    return True


def install_model(con: duckdb.DuckDBPyConnection) -> None:
    """The contract's definitions (employed at D, member at D, held sessions…) as temporary macros on
    ``con`` (a connection of ``connect_ro`` has them already, shared: nothing to do)."""
    if not (_attached(con) and _shared_model(con)):
        con.execute(MODEL_SQL.read_text(encoding="utf-8"))


def _attached(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``con`` is a cursor of ``connect_ro`` (reading a file attached to the host)."""
    return con.execute("SELECT starts_with(current_database(), 'published_')").fetchone()[0]


def query(con: duckdb.DuckDBPyConnection, sql: str, **params) -> pd.DataFrame:
    """Execute with the named parameters the SQL uses (DuckDB refuses extra ones); a DataFrame."""
    used = set(re.findall(r"\$(\w+)", sql))
    return con.execute(sql, {k: v for k, v in params.items() if k in used}).df()
