"""The surveys' protected tables as the published file holds them: one row per survey and kind.

``survey_protections (survey_id, key, kind, frame)``: ``frame`` is the table of etl.model.survey_tables
(one kind of one survey) as an Arrow IPC (Feather) file, read back exactly, dtypes included; ``key``
names what the survey's protection was computed from (etl.publish.protections), so a load can take
it over unchanged. The load writes it (``as_rows``, ``insert``); the read API reads a survey's rows (``read``).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

from etl.model.survey_tables import KINDS, as_frame

TABLE = "survey_protections"
_COLUMNS = "survey_id varchar, key varchar, kind varchar, frame blob"


def create(con) -> None:
    """The (empty) table, in the database a load is building."""
    con.execute(f"create or replace table {TABLE} ({_COLUMNS})")


_OPTIONS = pa.ipc.IpcWriteOptions(compression="lz4")  # as Feather files are written by default


def as_rows(survey_id: str, key: str, tables: dict[str, pa.Table]) -> list[tuple]:
    """One survey's tables by kind (etl.model.survey_tables.protected_tables) as rows to ``insert``."""
    return [(survey_id, key, kind, _file(table)) for kind, table in tables.items()]


def _file(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema, options=_OPTIONS) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _frame(file: bytes) -> pd.DataFrame:
    """A stored table read back (a file of ``as_rows``, or of pandas' to_feather before)."""
    return as_frame(pa.ipc.open_file(pa.py_buffer(file)).read_all())


def insert(con, rows: list[tuple]) -> None:
    """Rows as ``rows`` reads them (survey_id, key, kind, frame)."""
    if rows:  # one insert of a frame: executemany planned one per row (1.6 s for 200 surveys)
        frame = pd.DataFrame(rows, columns=["survey_id", "key", "kind", "frame"])
        con.register("survey_store_rows", frame)
        try:
            con.execute(f"insert into {TABLE} select * from survey_store_rows")
        finally:
            con.unregister("survey_store_rows")


def keys(con) -> dict[str, str]:
    """Each stored survey's key; empty when the file stores none (or in an older form)."""
    try:
        return dict(con.execute(f"select distinct survey_id, key from {TABLE}").fetchall())
    except (duckdb.CatalogException, duckdb.BinderException):
        return {}


def rows(con, survey_ids: list[str]) -> list[tuple]:
    """The stored rows of these surveys, as they are (to copy into a new file)."""
    return con.execute(f"select * from {TABLE} where list_contains(?, survey_id)", [survey_ids]).fetchall()


def read_kind(con, kind: str) -> dict[str, pd.DataFrame]:
    """One kind's stored table of every survey the file stores whole (every kind), by survey id;
    empty when the file stores none."""
    sql = f"""select survey_id, frame from {TABLE} where kind = ? and survey_id in
        (select survey_id from {TABLE} group by survey_id having count(distinct kind) = ?)"""
    try:
        found = con.execute(sql, [kind, len(KINDS)]).fetchall()
    except (duckdb.CatalogException, duckdb.BinderException):
        return {}
    return {survey_id: _frame(frame) for survey_id, frame in found}


def read(con, survey_id: str) -> dict[str, pd.DataFrame] | None:
    """The survey's stored tables by kind, or None when the file stores none for it (a database
    being built, or published before the load stored them)."""
    try:
        found = con.execute(f"select kind, frame from {TABLE} where survey_id = ?", [survey_id]).fetchall()
    except (duckdb.CatalogException, duckdb.BinderException):
        return None
    tables = {kind: _frame(frame) for kind, frame in found}
    return {kind: tables[kind] for kind in KINDS} if set(tables) == set(KINDS) else None
