"""The rejected rows of a load, for HR to fix them: grouped by table and reason first, then the rows.

A reason's group is its shape (column, reason code, the rule's parameter), not its value: 302 rows
that reference the same rejected session form one group. Survey tables never carry values
(etl.validate stores none): their rows give file, line, column and reason only.
"""

from __future__ import annotations

import pandas as pd

from etl.schema import TABLES

PRIVATE = tuple(t.name for t in TABLES if t.private)


def reject_groups(con, load_id: int) -> pd.DataFrame:
    """One row per table and reason of a load: rows, files, first line, a sample problem list (JSON)."""
    sql = """
    -- one row per table per reason shape
    select table_name, coalesce(reason_key, reason) as reason_key, any_value(column_name) as column_name,
           count(*) as rows, string_agg(distinct file, ', ' order by file) as files,
           arg_min(line, _ord) as first_line, arg_min(problems, _ord) as problems, arg_min(reason, _ord) as reason
    from load_rejects where load_id = $load
    group by table_name, coalesce(reason_key, reason)
    order by rows desc, table_name, reason_key
    """
    return con.execute(sql, {"load": load_id}).df()


def reject_rows(con, load_id: int, table_name: str, reason_key: str) -> pd.DataFrame:
    """One row per rejected row of one group, in file order: file, line, column, reason, problems, raw
    (raw is empty for survey tables)."""
    sql = """
    -- one row per rejected row of the group
    select table_name, file, line, column_name, reason, problems,
           case when table_name in (select unnest($private)) then null else raw end as raw
    from load_rejects
    where load_id = $load and table_name = $table and coalesce(reason_key, reason) = $key
    order by file, _ord
    """
    params = {"load": load_id, "table": table_name, "key": reason_key, "private": list(PRIVATE)}
    return con.execute(sql, params).df()
