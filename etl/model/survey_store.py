"""The surveys' protected tables as the published file holds them: one row per survey and kind.

``survey_protections (survey_id, key, kind, frame)``: ``frame`` is the table of etl.model.survey_tables
(one kind of one survey) as an Arrow (Feather) file, read back exactly, dtypes included; ``key``
names what the survey's protection was computed from (etl.publish.protections), so a load can take
it over unchanged. The load writes it (``write``); the read API reads a survey's rows (``read``).
"""

from __future__ import annotations

import io

import duckdb
import pandas as pd

from etl.model.survey_tables import KINDS

TABLE = "survey_protections"
_COLUMNS = "survey_id varchar, key varchar, kind varchar, frame blob"


def create(con) -> None:
    """The (empty) table, in the database a load is building."""
    con.execute(f"create or replace table {TABLE} ({_COLUMNS})")


def write(con, survey_id: str, key: str, tables: dict[str, pd.DataFrame]) -> None:
    """One survey's tables by kind."""
    rows = []
    for kind, frame in tables.items():
        buffer = io.BytesIO()
        frame.to_feather(buffer)
        rows.append((survey_id, key, kind, buffer.getvalue()))
    insert(con, rows)


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
    return {survey_id: pd.read_feather(io.BytesIO(frame)) for survey_id, frame in found}


def read(con, survey_id: str) -> dict[str, pd.DataFrame] | None:
    """The survey's stored tables by kind, or None when the file stores none for it (a database
    being built, or published before the load stored them)."""
    try:
        found = con.execute(f"select kind, frame from {TABLE} where survey_id = ?", [survey_id]).fetchall()
    except (duckdb.CatalogException, duckdb.BinderException):
        return None
    tables = {kind: pd.read_feather(io.BytesIO(frame)) for kind, frame in found}
    return {kind: tables[kind] for kind in KINDS} if set(tables) == set(KINDS) else None
