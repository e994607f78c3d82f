"""The rejected rows of a load, for HR to fix them: grouped by table and reason first, then the rows.

A reason's group is its shape (column, reason code, the rule's parameter), not its value: 302 rows
that reference the same rejected session form one group. Survey tables never carry values
(etl.intake.validate stores none): their rows give file, line, column and reason only.
"""

from __future__ import annotations

import pandas as pd

from etl.intake.schema import TABLES
from etl.store.stored_reads import reads_records

PRIVATE = tuple(t.name for t in TABLES if t.private)


def _column(con, table: str, column: str) -> str:
    """`column`, or NULL in a database published before it existed (read until the next load)."""
    sql = """select count(*) from information_schema.columns
             where table_catalog = current_database() and table_name = ? and column_name = ?"""
    return column if con.execute(sql, [table, column]).fetchone()[0] else f"null::varchar as {column}"


@reads_records
def _rejects(con) -> str:
    extra = ", ".join(_column(con, "load_rejects", c) for c in ("problems", "reason_key"))
    return (
        f"select load_id, table_name, file, line, column_name, reason, raw, _ord, {extra} from load_rejects"
    )


@reads_records
def reject_groups(con, load_id: int) -> pd.DataFrame:
    """One row per table and reason of a load: rows, files, first line, a sample problem list (JSON)."""
    sql = f"""
    -- one row per table per reason shape
    with load_rejects as ({_rejects(con)})
    select table_name, coalesce(reason_key, reason) as reason_key, any_value(column_name) as column_name,
           count(*) as rows, string_agg(distinct file, ', ' order by file) as files,
           arg_min(line, _ord) as first_line, arg_min(problems, _ord) as problems, arg_min(reason, _ord) as reason
    from load_rejects where load_id = $load
    group by table_name, coalesce(reason_key, reason)
    order by rows desc, table_name, reason_key
    """
    return con.execute(sql, {"load": load_id}).df()


@reads_records
def reject_rows(con, load_id: int, table_name: str, reason_key: str) -> pd.DataFrame:
    """One row per rejected row of one group, in file order: file, line, column, reason, problems, raw
    (raw is empty for survey tables)."""
    sql = f"""
    -- one row per rejected row of the group
    with load_rejects as ({_rejects(con)})
    select table_name, file, line, column_name, reason, problems,
           case when table_name in (select unnest($private)) then null else raw end as raw
    from load_rejects
    where load_id = $load and table_name = $table and coalesce(reason_key, reason) = $key
    order by file, _ord
    """
    params = {"load": load_id, "table": table_name, "key": reason_key, "private": list(PRIVATE)}
    return con.execute(sql, params).df()


@reads_records
def reject_reasons(con, load_id: int) -> pd.DataFrame:
    """One row per rejected row of a load, in table and file order: table_name, reason (stored
    French), problems (JSON codes and values; survey tables carry no value)."""
    sql = f"""
    -- one row per rejected row
    with load_rejects as ({_rejects(con)})
    select table_name, reason, problems from load_rejects where load_id = $load order by table_name, _ord
    """
    return con.execute(sql, {"load": load_id}).df()


@reads_records
def load_notes(con, load_id: int) -> pd.DataFrame:
    """One row per note of a load (a file or sheet ignored, what it did besides): file, code, params (JSON),
    detail (the French words stored, for notes recorded without a code)."""
    columns = ", ".join(_column(con, "load_notes", c) for c in ("code", "params"))
    sql = f"""
    -- one row per note
    select file, {columns}, detail from load_notes where load_id = $load order by file
    """
    return con.execute(sql, {"load": load_id}).df()
