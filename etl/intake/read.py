"""Read the found sources into `raw_<table>` tables: every value as trimmed text, with its file and line.

Finding them (files and sheets named after tables) is etl.intake.sources's; typing and rules are
etl.intake.validate's.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
from python_calamine import CalamineWorkbook

from etl.intake.normalize import header_map, key
from etl.intake.schema import BY_NAME
from etl.intake.sources import EXCEL_EXT, LoadError, Source, fail, read_bytes


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
            raise fail("column_twice", file=source.label, first=first, second=title, column=col)
        mapping[pos] = col
    missing = [c for c in table.columns if c.required and c.name not in mapping.values()]
    if missing:
        wanted = ", ".join(f"« {c.french} » ({c.name})" for c in missing)  # the header HR reads first
        seen = ", ".join(f"« {h} »" for h in header if h) or "none"  # a code: loaderror.seen.none
        raise fail("column_missing", file=source.label, wanted=wanted, seen=seen)
    return mapping


# Bytes that do not decode become this lone surrogate (never valid text): their line is rejected.
BAD = "\udcff"
codecs.register_error("cadran", lambda exc: (BAD, exc.end))
csv.field_size_limit(1 << 28)  # a long field is a reject with its reason (etl.intake.validate), not a crash
LINE_END = re.compile(r"(\r\n|\r|\n)")  # captured: a quoted value keeps its own line ends


def decode(path: Path, data: bytes | None = None) -> tuple[str, bool]:
    """The file's text, and whether the file holds exactly that text in UTF-8 (a leading BOM aside).

    Encodings: UTF-8 (BOM or not), UTF-16 (BOM or not), else Windows-1252.

    Bytes that the encoding cannot read become BAD, so that their line alone is rejected: a cp1252
    line inside a UTF-8 file does not turn the whole file into mojibake. BOMs are dropped wherever
    they are (two exports pasted together leave one in the middle).
    """
    data = read_bytes(path) if data is None else data
    if not data or data.isspace():  # (strip() would copy the file)
        raise fail("file_empty", file=path.name)
    encoding = _encoding(path, data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8" and not _mostly_utf8(data):
            encoding = "cp1252"
        text = data.decode(encoding, errors="cadran")
    as_is = encoding in ("utf-8", "utf-8-sig") and "\ufeff" not in text
    return text.replace("\ufeff", ""), as_is


def _encoding(path: Path, data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    if head.count(0) > len(head) // 10:  # UTF-16 without BOM: every other byte of ASCII text is 0
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 3 and even < len(head) // 20:
            return "utf-16-le"
        if even > len(head) // 3 and odd < len(head) // 20:
            return "utf-16-be"
        raise fail("binary", file=path.name)
    return "utf-8"


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (its valid accents outnumber its bad sequences), rather than a
    cp1252 file. Counted in C: a cp1252 export of 400 000 staff has 1.5 million bad sequences, each
    a call of an error handler written in Python."""
    text = data.decode("utf-8", errors="replace")  # a bad sequence: one U+FFFD, as "cadran" gives one BAD
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - bad >= bad


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


def _blank(line: str) -> bool:
    return not line.strip(" \t\x00;,")


def _header_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(0-based index, text) of the first non-blank lines."""
    found = []
    for i, line in enumerate(lines):
        if not _blank(line):
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
    con.execute(f'DELETE FROM "raw_{source.table}" WHERE {blank} AND _extra IS NULL AND _error IS NULL')
    return raw


def create_empty_raw(con: duckdb.DuckDBPyConnection, table: str) -> None:
    cols = ", ".join(f'"{c.name}" VARCHAR' for c in BY_NAME[table].columns)
    con.execute(
        f'CREATE OR REPLACE TEMP TABLE "raw_{table}" (_line VARCHAR, _extra VARCHAR, _error VARCHAR, {cols})'
    )


ODD_SPACES = " \t\r\n\u00a0\u202f"


def _trimmed(col: str, odd_spaces: bool) -> str:
    # plain trim() is 3x faster than trim() with a character list: the list only when the text has such spaces
    return f"nullif(trim({col}, '{ODD_SPACES}'), '')" if odd_spaces else f"nullif(trim({col}), '')"


def _insert_select(
    source, mapping, src_cols, line_expr: str, extra: str, odd_spaces: bool = True, error: str = "NULL"
) -> str:
    """INSERT … SELECT from a relation whose columns are src_cols, trimming and blanking every value."""
    by_col = {col: src_cols[pos] for pos, col in mapping.items() if pos < len(src_cols)}
    columns = BY_NAME[source.table].columns
    values = [_trimmed(f'"{by_col[c.name]}"', odd_spaces) if c.name in by_col else "NULL" for c in columns]
    return f'INSERT INTO "raw_{source.table}" SELECT {line_expr}, {extra}, {error}, {", ".join(values)}'


def _read_delimited(con: duckdb.DuckDBPyConnection, source: Source) -> Raw:
    text, as_is = decode(source.path)
    head = _header_lines(LINE_END.split(text[:65536])[0::2])
    if not head:
        raise fail("no_header", file=source.label)
    delims = [sniff_delimiter(line) for _, line in head]
    rows = [next(csv.reader([line], delimiter=d)) for (_, line), d in zip(head, delims, strict=True)]
    h, mapping = find_header(source, rows)
    skip, delim, header = head[h][0], delims[h], rows[h]
    if _clean(text) and _read_with_duckdb(con, source, text, as_is, skip, delim, header, mapping):
        return Raw(source.label, first_line=skip + 2)
    create_empty_raw(con, source.table)
    _read_with_python(con, source, LINE_END.split(text), skip, delim, header, mapping)
    return Raw(source.label)


def _clean(text: str) -> bool:
    """Text the fast reader takes as it is: no unreadable byte, no NUL, no bare CR, no blank line."""
    if BAD in text or "\x00" in text or "\n\n" in text or "\n\r\n" in text:
        return False
    return "\r" not in text or text.count("\r") == text.count("\r\n")


def _read_with_duckdb(con, source, text, as_is, skip, delim, header, mapping) -> bool:
    """Fast path: DuckDB's CSV reader, when every record is one line (no quoted newline, no broken quote).

    Returns False when the file needs the careful reader (raw_<table> then holds rows to discard).
    """
    cols = {f"c{i}": "VARCHAR" for i in range(len(header))}
    with tempfile.TemporaryDirectory() as tmp:
        path = source.path
        if not as_is:  # a clean text ends with one line end at most: DuckDB reads it as the file's
            path = Path(tmp) / "utf8.csv"
            path.write_bytes(text.encode("utf-8"))
        odd = "\u00a0" in text or "\u202f" in text or (delim != "\t" and "\t" in text)
        sql = _insert_select(source, mapping, list(cols), "NULL", "NULL", odd)
        try:
            con.execute(
                f"{sql} FROM read_csv(?, delim=?, quote='\"', escape='\"', header=false, skip=?, columns=?, "
                "auto_detect=false, all_varchar=true, strict_mode=true)",
                [str(path), delim, skip + 1, cols],
            )
        except duckdb.Error:
            return False
    n = con.execute(f'SELECT count(*) FROM "raw_{source.table}"').fetchone()[0]
    end = len(text)  # the text without its last line ends (counted in place: a copy costs)
    while end and text[end - 1] in "\r\n":
        end -= 1
    return n == text.count("\n", 0, end) + 1 - skip - 1


MAX_SPAN = 50  # lines a quoted value may span; beyond, its opening quote is taken as never closed


def _read_with_python(con, source, pieces, skip, delim, header, mapping) -> None:
    """Careful path: record by record, knowing the line each starts on; a line that cannot be read
    is kept with its reason (_error) and the next line is read on its own.

    `pieces`: the text split at line ends, the ends kept (line, end, line, end, ..., line)."""
    width = len(header)
    numbers, extras, errors, columns = [], [], [], [[] for _ in range(width)]
    required = [pos for pos, col in mapping.items() if BY_NAME[source.table].column(col).required]
    shape = (max(required) + 1, width)  # fields a whole record has: every required one, at most the header's
    for number, row, error in records(pieces, skip + 1, delim, shape):
        numbers.append(str(number))
        errors.append(error)
        if error:  # the line as read, for HR to find it (never the survey tables': etl.intake.validate)
            extras.append(pieces[2 * (number - 1)].replace(BAD, "?").replace("\x00", "")[:200])
        else:
            extra = [v for v in row[width:] if v.strip()]
            extras.append(" | ".join(extra) if extra else None)
        row = row or []
        for i in range(width):
            columns[i].append(row[i] if i < len(row) else None)
    _insert_arrow(con, source, mapping, numbers, extras, columns, errors)


def records(pieces: list[str], start: int, delim: str, shape: tuple[int, int]):
    """(1-based line, values or None, reason code or None) of each non-blank record from line `start`."""
    lines, i = pieces[0::2], start
    while i < len(lines):
        line = lines[i]
        if _blank(line):
            i += 1
        elif '"' not in line:
            yield i + 1, None if _unreadable(line) else line.split(delim), _unreadable(line)
            i += 1
        else:
            end = _record_end(lines, i, delim, shape)
            if end is None:
                yield i + 1, None, "unclosed_quote"
                i += 1
                continue
            text = "".join(pieces[2 * i : 2 * end + 1])
            error = _unreadable(text)
            yield i + 1, None if error else next(csv.reader([text], delimiter=delim)), error
            i = end + 1


def _unreadable(text: str) -> str | None:
    if BAD in text:
        return "bad_encoding"
    if "\x00" in text:
        return "nul_byte"
    return None


def _record_end(lines: list[str], i: int, delim: str, shape: tuple[int, int]) -> int | None:
    """The index of the line that ends the record starting at lines[i], None when its quote never closes
    (a later line that reads as a whole record on its own ends the search)."""
    text = lines[i]
    for j in range(i, min(i + MAX_SPAN, len(lines))):
        if j > i:
            if _whole_record(lines[j], delim, shape):
                return None
            text += "\n" + lines[j]
        if not _open_quote(text, delim):
            return j
    return None


def _open_quote(text: str, delim: str) -> bool:
    try:
        next(csv.reader([text], delimiter=delim, strict=True), None)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _whole_record(line: str, delim: str, shape: tuple[int, int]) -> bool:
    if _blank(line) or _open_quote(line, delim):
        return False
    fields = next(csv.reader([line], delimiter=delim), [])
    if any('"' in v for v in fields):  # a quote inside a value: it closes the value opened above
        return False
    return shape[0] <= len(fields) <= shape[1]


def _insert_arrow(con, source, mapping, lines, extras, columns, errors=None) -> None:
    names = [f"c{i}" for i in range(len(columns))]
    frame = pa.table(
        {
            "_line": pa.array(lines, pa.string()),
            "_extra": pa.array(extras, pa.string()),
            "_error": pa.array(errors or [None] * len(lines), pa.string()),
            **{n: pa.array(v, pa.string()) for n, v in zip(names, columns, strict=True)},
        }
    )
    con.register("_frame", frame)
    try:
        sql = _insert_select(source, mapping, names, "_line", "_extra", error="_error")
        con.execute(f"{sql} FROM _frame")
    finally:
        con.unregister("_frame")


def _read_sheet(con: duckdb.DuckDBPyConnection, source: Source) -> Raw:
    """One sheet through calamine; Excel dates become ISO text, whole numbers lose their `.0`."""
    try:
        sheet = CalamineWorkbook.from_path(str(source.path)).get_sheet_by_name(source.sheet)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception as exc:
        raise fail("sheet_unreadable", file=source.label, detail=str(exc)) from exc
    numbered = [(i + 1, r) for i, r in enumerate(rows) if any(_cell_text(v) for v in r)]
    if not numbered:
        raise fail("sheet_empty", file=source.label)
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
    if isinstance(value, str):
        value = value.replace("\ufeff", "").replace("\x00", "")
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
