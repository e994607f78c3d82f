"""The HR lists: the only file with names (members with their roles and groups; managers in post
who never took part, per direction), for HR only, written as the summary's sheets are
(etl.documents.excel)."""

from __future__ import annotations

import duckdb
import pandas as pd

from etl.documents.excel import Book, write_table
from etl.documents.scope import Scope, source_line
from etl.documents.summary_sheets import Table
from etl.text.i18n import code_label, t


def frames(con: duckdb.DuckDBPyConnection, scope: Scope) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(members at D with role and group; managers in post at D who never took part), for the scope.

    Taking part: an attended row of a session held by D or time declared by D (hours_lines).
    """
    args = {
        "d": scope.as_of,
        "org": scope.organisation,
        "dir": scope.direction,
        "svc": None,
    }  # files stop at the direction
    members = con.execute(
        """-- one row per current membership of a person of the scope
        select s.person_id, s.last_name, s.first_name, s.email, s.organisation, s.direction,
            s.service, m.role, coalesce(g.name, m.group_id) as "group", m.joined_on
        from memberships_at($d) m join people_at($d, $org, dir := $dir, svc := $svc) s using (person_id)
        left join stg_groups g using (group_id)
        where s.employed order by s.organisation, s.direction, s.last_name, s.first_name, m.joined_on""",
        args,
    ).df()
    absent = con.execute(
        """-- one row per manager in post of the scope with no line of time invested by D
        select s.organisation, s.direction, s.service, s.person_id, s.last_name, s.first_name, s.email, s.site
        from people_at($d, $org, dir := $dir, svc := $svc) s
        where s.employed and s.is_manager
            and s.person_id not in (select person_id from hours_lines($d, null))
        order by s.organisation, s.direction, s.last_name, s.first_name""",
        args,
    ).df()
    return members, absent


def workbook(con: duckdb.DuckDBPyConnection, scope: Scope) -> bytes:
    """The HR lists at ``scope`` as the bytes of an .xlsx file (names: for HR only)."""
    members, absent = frames(con, scope)
    lang = scope.lang
    members["role"] = [code_label("role", r, lang) if isinstance(r, str) else r for r in members["role"]]
    people = {
        "person_id": "text",
        "last_name": "text",
        "first_name": "text",
        "email": "text",
        "organisation": "text",
        "direction": "text",
        "service": "text",
    }
    note = t("export.people_note", lang)
    book = Book(lang)
    source = source_line(con, lang)
    write_table(
        book,
        Table(
            "hr_members", members, {**people, "role": "text", "group": "text", "joined_on": "date"}, note=note
        ),
        scope,
        source,
    )
    write_table(
        book,
        Table(
            "hr_absent_managers",
            absent,
            {
                "organisation": "text",
                "direction": "text",
                "service": "text",
                "person_id": "text",
                "last_name": "text",
                "first_name": "text",
                "email": "text",
                "site": "text",
            },
            note=note,
        ),
        scope,
        source,
    )
    return book.close()
