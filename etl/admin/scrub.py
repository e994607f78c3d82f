"""Rewriting what Cadran keeps without some people: databases as fresh files, sources in place.

A ``Scrub`` says whom: matricules whose rows go (``drop``: erasure), matricules replaced by a
token (``tokens``: retention, the row stays and still counts, unnamed), the forms of their names
and e-mails blanked where they are a whole value (``names``), and texts blanked wherever a value
contains them (``mentions``: an erasure's e-mail and full names).

The read model (etl.store.stored_reads: answers computed with the people in, a session's title or
a free text that names them) is emptied. DuckDB keeps deleted rows in its free blocks, so a database is never cleaned in place: its schema
and its rows, filtered, are copied into a new file that replaces it (etl.store.storage.scratch, then
``os.replace``). A source file keeps its cell types (an xlsx through openpyxl, a delimited file
line for line): loaded again, it gives the same rows minus the people.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from etl.intake.read import TITLE_ROWS, _cell_text, decode, map_header, sniff_delimiter
from etl.intake.sources import EXCEL_EXT, LoadError, Source, discover
from etl.intake.validate import STAGE_RECORD
from etl.store import storage, stored_reads
from etl.store.db import open_duckdb

# table -> its column holding the matricule of the person the row is about
PERSON = {
    "staff": "person_id",
    "members": "person_id",
    "attendance": "person_id",
    "contributions": "person_id",
}
OWNER = ("actions", "owner")  # an action's owner is blanked, the action stays
NAME_COLUMNS = ("first_name", "last_name", "email")
REJECT_TEXT = ("raw", "reason", "problems")


@dataclass
class Scrub:
    drop: set[str] = field(default_factory=set)
    tokens: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # casefolded
    mentions: set[str] = field(default_factory=set)  # casefolded

    def __post_init__(self) -> None:
        self.all_ids = self.drop | set(self.tokens)  # looked up at every cell of a source file

    def ids(self) -> set[str]:
        return self.all_ids


# --- databases


def rewrite_db(path: Path, scrub: Scrub) -> None:
    """``path`` replaced by a fresh file holding the same schema and rows, filtered by ``scrub``."""
    tmp = storage.scratch(path, "rewrite")
    con = open_duckdb()
    try:
        _load_scrub(con, scrub)
        con.execute("ATTACH ? AS src (READ_ONLY)", [str(path)])
        con.execute("ATTACH ? AS dst", [str(tmp)])
        con.execute("COPY FROM DATABASE src TO dst (SCHEMA)")
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' ORDER BY 1"
        ).fetchall()
        for (table,) in tables:
            con.execute(f'INSERT INTO dst."{table}" {_select(con, table)}')
        con.execute("CHECKPOINT dst")
        con.execute("DETACH dst")
    finally:
        con.close()
    os.replace(tmp, path)
    os.chmod(path, storage.FILE_MODE)


def _load_scrub(con, scrub: Scrub) -> None:
    con.execute("CREATE TEMP TABLE _drop AS SELECT unnest(?::VARCHAR[]) AS id", [sorted(scrub.drop)])
    con.execute(
        "CREATE TEMP TABLE _token AS SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS token",
        [list(scrub.tokens), list(scrub.tokens.values())],
    )
    con.execute("CREATE TEMP TABLE _name AS SELECT unnest(?::VARCHAR[]) AS name", [sorted(scrub.names)])
    con.execute("CREATE TEMP TABLE _mention AS SELECT unnest(?::VARCHAR[]) AS m", [sorted(scrub.mentions)])
    needles = [f'"{i}"' for i in scrub.ids()] + [f"« {i} »" for i in scrub.ids()]
    needles += sorted(scrub.names | scrub.mentions)
    con.execute("CREATE TEMP TABLE _needle AS SELECT unnest(?::VARCHAR[]) AS n", [sorted(needles)])


def _select(con, table: str) -> str:
    """SELECT of ``src.table`` without the people: their rows filtered out, their values replaced."""
    columns = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'src' AND table_name = ? "
        "ORDER BY column_index",
        [table],
    ).fetchall()
    name = table.removeprefix("stg_")
    exprs = [_expr(table, name, c, kind) for c, kind in columns]
    return f'SELECT {", ".join(exprs)} FROM src."{table}" AS t WHERE {_keep(table, name)}'


def _expr(table: str, name: str, column: str, kind: str) -> str:
    q = f't."{column}"'
    if table.startswith("stg_") and PERSON.get(name) == column:
        return f"coalesce((SELECT token FROM _token WHERE id = {q}), {q})"
    if table.startswith("stg_") and (name, column) == OWNER:
        return (
            f"CASE WHEN {q} IN (SELECT id FROM _drop UNION ALL SELECT id FROM _token) "
            f"OR lower({q}) IN (SELECT name FROM _name) THEN NULL ELSE {q} END"
        )
    if table == "stg_staff" and column in NAME_COLUMNS:
        return f"CASE WHEN t.person_id IN (SELECT id FROM _token) THEN NULL ELSE {_text(q)} END"
    return _text(q) if kind == "VARCHAR" else q


def _text(q: str) -> str:
    """A text value blanked when it is a name of theirs, or holds a mention of them."""
    return (
        f"CASE WHEN lower({q}) IN (SELECT name FROM _name) "
        f"OR EXISTS (SELECT 1 FROM _mention WHERE contains(lower({q}), m)) THEN NULL ELSE {q} END"
    )


def _keep(table: str, name: str) -> str:
    if table == stored_reads.TABLE:  # answers computed with the people, maybe naming them: none is kept
        return "false"  # (etl.publish.read_model.refresh computes them again for the published file)
    if table == STAGE_RECORD:  # digests of rows with the people: the next load validates every table
        return "false"
    if table.startswith("stg_") and name in PERSON:
        q = f't."{PERSON[name]}"'
        return f"({q} IS NULL OR {q} NOT IN (SELECT id FROM _drop))"
    if table == "load_rejects":  # a rejected row naming them goes whole: its values are theirs
        text = " || ' ' || ".join(f"coalesce(t.{c}, '')" for c in REJECT_TEXT)
        return f"NOT EXISTS (SELECT 1 FROM _needle WHERE contains(lower({text}), lower(n)))"
    return "true"


# --- kept source files


def rewrite_sources(folder: Path, scrub: Scrub, dry: bool = False) -> dict[str, int]:
    """The table files of ``folder`` rewritten without the people (``dry``: only counted); rows
    changed or dropped per file name."""
    try:
        sources = discover(folder).sources.values()
    except LoadError:
        return {}
    by_path: dict[Path, list[Source]] = defaultdict(list)
    for source in sources:
        by_path[source.path].append(source)
    counts = {}
    for path, found in sorted(by_path.items()):
        rewrite = _rewrite_workbook if path.suffix.lower() in EXCEL_EXT else _rewrite_delimited
        if n := rewrite(path, found, scrub, dry):
            counts[path.name] = n
    return counts


def _row_change(texts: list[str | None], columns: dict[int, str], table: str, scrub: Scrub):
    """What the row becomes: None (dropped: the person's own row), else {cell index: new value}."""
    person = PERSON.get(table)
    changes: dict[int, str | None] = {}
    for i, text in enumerate(texts):
        value = (text or "").strip()
        if not value:
            continue
        column = columns.get(i)
        if value in scrub.drop and column == person:
            return None
        if value in scrub.tokens and column == person:
            changes[i] = scrub.tokens[value]
        elif value in scrub.ids() and (not columns or (table, column) == OWNER):
            changes[i] = None
        elif value.casefold() in scrub.names or any(m in value.casefold() for m in scrub.mentions):
            changes[i] = None
    if table == "staff" and person in columns.values():
        at = next(i for i, c in columns.items() if c == person)
        if at < len(texts) and (texts[at] or "").strip() in scrub.tokens:
            changes |= {i: None for i, c in columns.items() if c in NAME_COLUMNS and i < len(texts)}
    return changes


def _header(source: Source, rows: list[list[str | None]]) -> tuple[int, dict[int, str]]:
    """(index of the header row, position -> contract column); (-1, {}) when none is found."""
    seen = 0
    for i, row in enumerate(rows):
        if not any((c or "").strip() for c in row):
            continue
        try:
            return i, map_header(source, row)
        except LoadError:
            seen += 1
            if seen == TITLE_ROWS:
                break
    return -1, {}


def _rewrite_workbook(path: Path, sources: list[Source], scrub: Scrub, dry: bool) -> int:
    """Rows changed in the workbook's table sheets; cells keep their types and formats."""
    book = openpyxl.load_workbook(path)
    changed = 0
    for source in sources:
        sheet = book[source.sheet]
        cells = list(sheet.iter_rows())
        texts = [[_cell_text(c.value) for c in row] for row in cells]
        at, columns = _header(source, texts)
        gone = []
        for r, row in enumerate(cells):
            change = _row_change(texts[r], columns if r > at >= 0 else {}, source.table, scrub)
            if change is None:
                gone.append(row[0].row)
            elif change:
                for i, value in change.items():
                    row[i].value = value
            changed += change is None or bool(change)
        for index in reversed(gone):
            sheet.delete_rows(index)
    if changed and not dry:
        tmp = storage.scratch(path, "source")
        book.save(tmp)
        _replace(tmp, path)
    return changed


LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _rewrite_delimited(path: Path, sources: list[Source], scrub: Scrub, dry: bool) -> int:
    """Records changed; every other line stays as it was."""
    (source,) = sources
    text, _ = decode(path)
    lines = LINE.findall(text)
    at, delimiter, columns = _delimited_header(source, lines)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    out, start, changed = [], 0, 0
    for row in reader:
        first, record, start = start, lines[start : reader.line_num], reader.line_num
        change = _row_change(row, columns if first > at >= 0 else {}, source.table, scrub)
        if change == {}:
            out += record
            continue
        changed += 1
        if change is not None:
            row = [change.get(i, v) or "" for i, v in enumerate(row)] if change else row
            end = re.search(r"(\r\n|\r|\n)$", record[-1])
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=delimiter, lineterminator=end.group(1) if end else "").writerow(row)
            out.append(buffer.getvalue())
    if changed and not dry:
        tmp = storage.scratch(path, "source")
        tmp.write_text("".join(out), encoding="utf-8-sig", newline="")  # the loader reads UTF-8 with a BOM
        _replace(tmp, path)
    return changed


def _delimited_header(source: Source, lines: list[str]) -> tuple[int, str, dict[int, str]]:
    """(line index of the header, its delimiter, position -> contract column), as etl.intake.read finds them."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip(" \t\x00;,\r\n"):
            continue
        delimiter = sniff_delimiter(line)
        try:
            return i, delimiter, map_header(source, next(csv.reader([line], delimiter=delimiter)))
        except (LoadError, StopIteration):
            seen += 1
            if seen == TITLE_ROWS:
                break
    first = next((line for line in lines if line.strip()), ",")
    return -1, sniff_delimiter(first), {}


def _replace(tmp: Path, path: Path) -> None:
    os.chmod(tmp, storage.FILE_MODE)
    os.replace(tmp, path)
