"""Subject access: everything held about one person, in an Excel workbook written for them.

One sheet per table of the published database with their rows, their rejected rows, and every
place they are held (the published database, each kept version's database and source files), as
etl.admin.gdpr finds them; in the person's language, every text escaped (etl.text.cells).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import xlsxwriter

from etl.admin.gdpr import databases, folded, matricule, names_of
from etl.admin.scrub import OWNER, Scrub, rewrite_sources
from etl.admin.scrub import PERSON as PERSON_ROWS
from etl.intake.schema import BY_NAME, ENUMS
from etl.store import storage
from etl.store.db import connect_ro, published_path
from etl.text.cells import raw_values, safe_text
from etl.text.i18n import T, t

# the export's words: etl/text/catalogue/texts_admin.py (``access.*``)
REJECTS = "load_rejects"
REJECT_COLUMNS = ("load", "table", "file", "line", "column", "reason", "raw")
PLACE_COLUMNS = ("version", "where", "what", "rows")


def _sheet(table: str, lang: str) -> str:
    """A table's sheet in the export (its own name for a table the export has no sheet for)."""
    key = f"access.sheet.{table}"
    return t(key, lang) if key in T else table


def write(person_id: str, out: str | os.PathLike, db=None, lang: str = "fr") -> dict[str, int]:
    """Everything held about ``person_id`` in ``out`` (xlsx, for the person, in ``lang``: the contract's
    French headers in French, dates as dates, numbers as numbers, Oui/Non, every text escaped): one sheet
    per table of the published database, the rejected rows naming them, and every place they are held
    (the published database, each kept version's database and source files). Rows per sheet."""
    person_id = matricule(person_id)
    storage.private_umask()  # the export is as personal as the data
    target = published_path(db)
    names = names_of(person_id, target)
    scrub = Scrub(drop={person_id}, names=folded(names), mentions=folded(names))
    sheets = _published_sheets(target, person_id, names, lang) if target.exists() else {}
    headers = [t(f"access.col.{c}", lang) for c in PLACE_COLUMNS]
    sheets[_sheet("places", lang)] = (headers, _places(target, person_id, scrub, lang))
    book = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_numbers": False})
    try:
        formats = {
            "date": book.add_format({"num_format": "dd/mm/yyyy"}),
            "datetime": book.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
            "header": book.add_format({"bold": True}),
        }
        for title, (headers, rows) in sheets.items():
            _write_sheet(book.add_worksheet(title[:31]), headers, rows, formats, lang)
    finally:
        book.close()
    return {title: len(rows) for title, (_, rows) in sheets.items()}


def _published_sheets(
    target: Path, person_id: str, names: set[str], lang: str
) -> dict[str, tuple[list, list]]:
    """Sheet title -> (headers, rows): the person's rows in each table, and their rejects."""
    with connect_ro(target, model=False) as con:
        sheets = {
            _sheet(table, lang): _table_rows(con, table, column, person_id, names, lang)
            for table, column in [*PERSON_ROWS.items(), OWNER]
        }
        headers = [t(f"access.col.{c}", lang) for c in REJECT_COLUMNS]
        sheets[_sheet(REJECTS, lang)] = (headers, _rejects(con, person_id, names, lang))
    return sheets


def _table_rows(
    con, table: str, column: str, person_id: str, names: set[str], lang: str
) -> tuple[list, list]:
    """The rows of stg_``table`` whose ``column`` is the person (or, for an owner, one of their names)."""
    cur = con.execute(
        f'SELECT * EXCLUDE (_file, _ord) FROM stg_{table} WHERE "{column}" = ? '
        f'OR ({column == OWNER[1]} AND lower("{column}") IN (SELECT unnest(?::VARCHAR[]))) ORDER BY _ord',
        [person_id, sorted(folded(names))],
    )
    headers = [d[0] for d in cur.description]
    rows = [[_shown(table, h, v, lang) for h, v in zip(headers, row, strict=True)] for row in cur.fetchall()]
    return [_header(table, h, lang) for h in headers], rows


def _header(table: str, column: str, lang: str) -> str:
    """The contract's French header in French, the column's own (English) name otherwise."""
    if lang != "fr":
        return column
    return next((c.french for c in BY_NAME[table].columns if c.name == column), column)


def _shown(table: str, column: str, value, lang: str):
    """An enumeration's code as its French label in French (the code itself otherwise); every other
    value as it is."""
    enum = next((c.enum for c in BY_NAME[table].columns if c.name == column), None)
    if lang == "fr" and enum and value in ENUMS[enum]:
        return ENUMS[enum][value][0]
    return value


def _rejects(con, person_id: str, names: set[str], lang: str = "fr") -> list[list]:
    needles = [f'"{person_id}"', f"« {person_id} »", *sorted(folded(names))]
    rows = con.execute(
        "SELECT load_id, table_name, file, line, column_name, reason, raw FROM load_rejects WHERE EXISTS "
        "(SELECT 1 FROM (SELECT unnest(?::VARCHAR[]) AS n) WHERE contains(lower(coalesce(raw, '') || ' ' || "
        "coalesce(reason, '')), lower(n))) ORDER BY load_id, _ord",
        [needles],
    ).fetchall()
    return [[r[0], _sheet(r[1], lang), *r[2:6], raw_values(r[6])] for r in rows]


def _places(target: Path, person_id: str, scrub: Scrub, lang: str) -> list[list]:
    """(version, database or source file, table or file, rows) wherever they are held."""
    places = []
    database, source_file = t("access.database", lang), t("access.source_file", lang)
    for path in databases(target):
        version = t("access.published", lang) if path == target else int(path.parent.name[1:])
        held = _rows_in_db(path, person_id, scrub)
        places += [[version, database, _sheet(table, lang), n] for table, n in held]
        if path != target:
            found = rewrite_sources(path.parent / "source", scrub, dry=True)
            places += [[version, source_file, f, n] for f, n in sorted(found.items())]
    return places


def _rows_in_db(path: Path, person_id: str, scrub: Scrub) -> list[tuple[str, int]]:
    counts = []
    with connect_ro(path, model=False) as con:
        for table, column in [*PERSON_ROWS.items(), OWNER]:
            n = con.execute(
                f'SELECT count(*) FROM stg_{table} WHERE "{column}" = ? OR lower("{column}") IN '
                "(SELECT unnest(?::VARCHAR[]))",
                [person_id, sorted(scrub.names)],
            ).fetchone()[0]
            if n:
                counts.append((table, n))
        n = len(_rejects(con, person_id, scrub.names))
    return counts + ([("load_rejects", n)] if n else [])


def _write_sheet(sheet, headers: list[str], rows: list[list], formats: dict, lang: str) -> None:
    for j, header in enumerate(headers):
        sheet.write_string(0, j, safe_text(header), formats["header"])
    for i, row in enumerate(rows, 1):
        for j, value in enumerate(row):
            _write_cell(sheet, i, j, value, formats, lang)
    sheet.set_column(0, max(len(headers) - 1, 0), 18)


def _write_cell(sheet, i: int, j: int, value, formats: dict, lang: str) -> None:
    """A date as a date, a number as a number, a boolean as Oui / Non, any text as text."""
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_string(i, j, t("access.yes" if value else "access.no", lang))
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(i, j, value, formats["datetime"])
    elif isinstance(value, dt.date):
        sheet.write_datetime(i, j, dt.datetime.combine(value, dt.time()), formats["date"])
    elif isinstance(value, int | float):
        sheet.write_number(i, j, value)
    else:
        sheet.write_string(i, j, safe_text(str(value)))
