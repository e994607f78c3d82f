"""Read a source folder into `raw_<table>` tables: every value as trimmed text, with its file and line.

Finding the sources (files and sheets named after tables) and reading them is
all this module does; typing and rules are etl.validate's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
from python_calamine import CalamineWorkbook

from etl.normalize import header_map, key, table_for
from etl.schema import BY_NAME

TEXT_EXT = {".csv", ".txt"}
EXCEL_EXT = {".xlsx", ".xlsm"}
UNSUPPORTED_EXT = {".xls", ".ods", ".numbers"}


class LoadError(Exception):
    """A source that cannot be used at all: the message names the file and what to fix."""


@dataclass(frozen=True)
class Source:
    table: str
    path: Path
    sheet: str | None = None  # None: a delimited file, or the first sheet of a table-named workbook

    @property
    def label(self) -> str:
        return f"{self.path.name}[{self.sheet}]" if self.sheet else self.path.name


@dataclass
class Discovery:
    sources: dict[str, Source] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (file, what was ignored and why)

    def add(self, source: Source) -> None:
        other = self.sources.get(source.table)
        if other:
            raise LoadError(
                f"Deux sources pour la table « {source.table} » : {other.label} et {source.label}. "
                "Gardez-en une seule (rien n'est deviné)."
            )
        self.sources[source.table] = source


def discover(folder: Path) -> Discovery:
    """Which file or sheet holds each table; everything else is noted as ignored."""
    if not folder.is_dir():
        raise LoadError(
            f"{folder} : dossier source introuvable. Donnez le dossier qui contient staff.csv ou staff.xlsx."
        )
    found = Discovery()
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        _discover_file(path, found)
    if "staff" not in found.sources:
        raise LoadError(
            f"{folder} : la table obligatoire « staff » (agents) est absente. Ajoutez staff.csv, staff.xlsx "
            "ou une feuille nommée staff dans un classeur."
        )
    return found


def _discover_file(path: Path, found: Discovery) -> None:
    name, ext = path.name, path.suffix.lower()
    if name.startswith((".", "~$")) or path.is_dir():
        found.notes.append((name, "ignoré : dossier, fichier caché ou verrou Excel"))
        return
    table = table_for(path.stem)
    if ext in TEXT_EXT:
        if table:
            found.add(Source(table, path))
        else:
            found.notes.append((name, "ignoré : ce n'est pas le nom d'une table"))
    elif ext in EXCEL_EXT:
        _discover_workbook(path, table, found)
    elif table and ext in UNSUPPORTED_EXT:
        raise LoadError(f"{name} : le format {ext} n'est pas lu. Enregistrez-le en .xlsx ou en .csv.")
    else:
        found.notes.append((name, "ignoré : ce n'est pas une table (formats lus : .csv, .txt, .xlsx)"))


def _discover_workbook(path: Path, table: str | None, found: Discovery) -> None:
    try:
        sheets = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception as exc:  # calamine raises several types for broken files
        raise LoadError(
            f"{path.name} : classeur Excel illisible ({exc}). Ré-enregistrez-le en .xlsx."
        ) from exc
    for i, sheet in enumerate(sheets):
        if table and i == 0:
            found.add(Source(table, path, sheet))
        elif sheet_table := table_for(sheet):
            found.add(Source(sheet_table, path, sheet))
        else:
            found.notes.append((f"{path.name}[{sheet}]", "feuille ignorée : ce n'est pas le nom d'une table"))


# --- reading -----------------------------------------------------------------------------------------


def map_header(source: Source, header: list[str]) -> dict[int, str]:
    """Position in the file -> contract column; fails when a required column is missing or doubled."""
    table = BY_NAME[source.table]
    names = header_map(source.table)
    mapping: dict[int, str] = {}
    for pos, title in enumerate(header):
        col = names.get(key(title)) if title is not None else None
        if col is None:
            continue
        if col in mapping.values():
            first = header[next(p for p, c in mapping.items() if c == col)]
            raise LoadError(
                f"{source.label} : les colonnes « {first} » et « {title} » désignent toutes deux {col}."
            )
        mapping[pos] = col
    missing = [c for c in table.columns if c.required and c.name not in mapping.values()]
    if missing:
        wanted = ", ".join(f"{c.name} (« {c.french} »)" for c in missing)
        seen = ", ".join(f"« {h} »" for h in header if h) or "aucune"
        raise LoadError(
            f"{source.label} : colonne obligatoire absente : {wanted}. Colonnes trouvées : {seen}. "
            "Ajoutez-la ou renommez l'en-tête (nom anglais ou français)."
        )
    return mapping


def decode(path: Path) -> tuple[str, str]:
    """The file's text and encoding: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252."""
    data = path.read_bytes()
    if not data.strip():
        raise LoadError(f"{path.name} : fichier vide. Exportez à nouveau la table avec sa ligne d'en-tête.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise LoadError(
            f"{path.name} : fichier binaire, pas un texte délimité. Enregistrez-le en CSV (UTF-8) ou en .xlsx."
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, "cp1252"


def sniff_delimiter(line: str) -> str:
    """`;`, `,` or tab: whichever the header line uses most."""
    counts = {d: line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


TITLE_ROWS = 10  # an export may open with a title or a date above its header row


def find_header(source: Source, rows: list[list[str | None]]) -> tuple[int, dict[int, str]]:
    """Which of the first non-blank rows is the header (the first that names every required column)."""
    for i, row in enumerate(rows[:TITLE_ROWS]):
        try:
            return i, map_header(source, row)
        except LoadError:
            continue
    return 0, map_header(source, rows[0])  # raises, naming what the first row lacks


def _header_lines(text: str) -> list[tuple[int, str]]:
    """(0-based index, text) of the first non-blank lines."""
    found = []
    for i, line in enumerate(io.StringIO(text[:65536])):
        if line.strip().strip(";,\t"):
            found.append((i, line))
            if len(found) == TITLE_ROWS:
                break
    return found


@dataclass(frozen=True)
class Raw:
    """What the validator needs besides raw_<table>: the source's label, and the line of rowid 0
    when lines were not stored (the fast CSV path: one record per line)."""

    label: str
    first_line: int = 0


def read_source(con: duckdb.DuckDBPyConnection, source: Source) -> Raw:
    """Fill raw_<table> from one source: _line, _extra, then every contract column as trimmed text.

    Rows keep file order, so a row's rowid is its rank in the file; blank rows are dropped.
    """
    create_empty_raw(con, source.table)
    if source.path.suffix.lower() in EXCEL_EXT:
        raw = _read_sheet(con, source)
    else:
        raw = _read_delimited(con, source)
    blank = " AND ".join(f'"{c.name}" IS NULL' for c in BY_NAME[source.table].columns)
    con.execute(f'DELETE FROM "raw_{source.table}" WHERE {blank} AND _extra IS NULL')
    return raw


def create_empty_raw(con: duckdb.DuckDBPyConnection, table: str) -> None:
    cols = ", ".join(f'"{c.name}" VARCHAR' for c in BY_NAME[table].columns)
    con.execute(f'CREATE OR REPLACE TEMP TABLE "raw_{table}" (_line VARCHAR, _extra VARCHAR, {cols})')


ODD_SPACES = " \t\r\n\u00a0\u202f"


def _trimmed(col: str, odd_spaces: bool) -> str:
    # plain trim() is 3x faster than trim() with a character list: the list only when the text has such spaces
    return f"nullif(trim({col}, '{ODD_SPACES}'), '')" if odd_spaces else f"nullif(trim({col}), '')"


def _insert_select(source, mapping, src_cols, line_expr: str, extra: str, odd_spaces: bool = True) -> str:
    """INSERT … SELECT from a relation whose columns are src_cols, trimming and blanking every value."""
    by_col = {col: src_cols[pos] for pos, col in mapping.items() if pos < len(src_cols)}
    columns = BY_NAME[source.table].columns
    values = [_trimmed(f'"{by_col[c.name]}"', odd_spaces) if c.name in by_col else "NULL" for c in columns]
    return f'INSERT INTO "raw_{source.table}" SELECT {line_expr}, {extra}, {", ".join(values)}'


def _read_delimited(con: duckdb.DuckDBPyConnection, source: Source) -> Raw:
    text, encoding = decode(source.path)
    lines = _header_lines(text)
    if not lines:
        raise LoadError(f"{source.label} : aucune ligne d'en-tête. Exportez la table avec ses en-têtes.")
    delims = [sniff_delimiter(line) for _, line in lines]
    rows = [next(csv.reader([line], delimiter=d)) for (_, line), d in zip(lines, delims, strict=True)]
    h, mapping = find_header(source, rows)
    skip, delim, header = lines[h][0], delims[h], rows[h]
    if _read_with_duckdb(con, source, text, encoding, skip, delim, header, mapping):
        return Raw(source.label, first_line=skip + 2)
    create_empty_raw(con, source.table)
    _read_with_python(con, source, text, skip, delim, header, mapping)
    return Raw(source.label)


def _physical_lines(text: str) -> int:
    body = text.rstrip("\r\n")
    return body.count("\n") + 1 if body else 0


def _read_with_duckdb(con, source, text, encoding, skip, delim, header, mapping) -> bool:
    """Fast path: DuckDB's CSV reader, when every record is one line (no blank line, no quoted newline).

    Returns False when the file needs the careful reader (raw_<table> then holds rows to discard).
    """
    body = text.rstrip("\r\n")
    if "\n\n" in body or "\n\r\n" in body:
        return False
    cols = {f"c{i}": "VARCHAR" for i in range(len(header))}
    with tempfile.TemporaryDirectory() as tmp:
        path = source.path
        if encoding != "utf-8":
            path = Path(tmp) / "utf8.csv"
            path.write_text(body, encoding="utf-8")
        odd = "\u00a0" in text or "\u202f" in text or (delim != "\t" and "\t" in text)
        sql = _insert_select(source, mapping, list(cols), "NULL", "NULL", odd)
        try:
            con.execute(
                f"{sql} FROM read_csv(?, delim=?, quote='\"', escape='\"', header=false, skip=?, columns=?, "
                "auto_detect=false, all_varchar=true)",
                [str(path), delim, skip + 1, cols],
            )
        except duckdb.Error:
            return False
    n = con.execute(f'SELECT count(*) FROM "raw_{source.table}"').fetchone()[0]
    return n == _physical_lines(text) - skip - 1


def _read_with_python(con, source, text, skip, delim, header, mapping) -> None:
    """Careful path: Python's csv module, which knows the line each record starts on."""
    width = len(header)
    lines, extras, columns = [], [], [[] for _ in range(width)]
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    start = 1
    for row in reader:
        line, start = start, reader.line_num + 1
        if line <= skip + 1 or not any(v.strip() for v in row):
            continue
        lines.append(str(line))
        extra = [v for v in row[width:] if v.strip()]
        extras.append(" | ".join(extra) if extra else None)
        for i in range(width):
            columns[i].append(row[i] if i < len(row) else None)
    _insert_arrow(con, source, mapping, lines, extras, columns)


def _insert_arrow(con, source, mapping, lines, extras, columns) -> None:
    names = [f"c{i}" for i in range(len(columns))]
    frame = pa.table(
        {
            "_line": pa.array(lines, pa.string()),
            "_extra": pa.array(extras, pa.string()),
            **{n: pa.array(v, pa.string()) for n, v in zip(names, columns, strict=True)},
        }
    )
    con.register("_frame", frame)
    try:
        con.execute(f"{_insert_select(source, mapping, names, '_line', '_extra')} FROM _frame")
    finally:
        con.unregister("_frame")


def _read_sheet(con: duckdb.DuckDBPyConnection, source: Source) -> Raw:
    """One sheet through calamine; Excel dates become ISO text, whole numbers lose their `.0`."""
    try:
        sheet = CalamineWorkbook.from_path(str(source.path)).get_sheet_by_name(source.sheet)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception as exc:
        raise LoadError(
            f"{source.label} : feuille illisible ({exc}). Ré-enregistrez le classeur en .xlsx."
        ) from exc
    numbered = [(i + 1, r) for i, r in enumerate(rows) if any(_cell_text(v) for v in r)]
    if not numbered:
        raise LoadError(f"{source.label} : feuille vide. Ajoutez la ligne d'en-tête et les données.")
    h, mapping = find_header(source, [[_cell_text(v) for v in row] for _, row in numbered])
    header, body = numbered[h][1], numbered[h + 1 :]
    width = len(header)
    types = {c.name: c.type for c in BY_NAME[source.table].columns}
    columns = [[] for _ in range(width)]
    for _, row in body:
        for i in range(width):
            value = row[i] if i < len(row) else None
            columns[i].append(_cell_text(value, types.get(mapping.get(i), "text")))
    extras = [" | ".join(_cell_text(v) for v in r[width:] if _cell_text(v)) or None for _, r in body]
    lines = [f"{source.sheet}!{n}" for n, _ in body]
    _insert_arrow(con, source, mapping, lines, extras, columns)
    return Raw(source.label)


EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _cell_text(value, kind: str = "text") -> str | None:
    """An Excel cell as the text the validator parses (dates ISO, numbers without float noise)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value.total_seconds() / 3600)
    if isinstance(value, float) and kind in ("date", "datetime") and 1 <= value < 2958466:
        return _cell_text(EXCEL_EPOCH + dt.timedelta(days=value))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
