"""Find the sources in a folder: which file or sheet holds each table, what is ignored and why.

A file is never opened here but to check it (a workbook's sizes, its sheets' names): reading the
found sources is etl.intake.read's. The errors a source can raise (LoadError) are defined here,
before anything is read.
"""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from python_calamine import CalamineWorkbook

from etl.intake.normalize import table_for

TEXT_EXT = {".csv", ".txt"}
EXCEL_EXT = {".xlsx", ".xlsm"}
UNSUPPORTED_EXT = {".xls", ".ods", ".numbers"}


class LoadError(Exception):
    """A source that cannot be used at all: a `code` and its `params` (the file, what is wrong), worded in
    the reader's language by the text layer (etl.text.reject_words.load_error: ``loaderror.<code>``).

    An error raised without a code carries its own message."""

    def __init__(self, message: str | None = None, code: str | None = None, **params):
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(message or f"{code} ({shown})")
        self.code, self.params = code, params


def fail(code: str, **params) -> LoadError:
    """The LoadError of `code`, with its parameters (no words: the text layer's)."""
    return LoadError(None, code, **params)


class Note(NamedTuple):
    """A load's note: a file or sheet ignored, or what the load did besides it (erasures, versions), as a
    code (``note.<code>`` in the text layer) and its parameters."""

    file: str
    code: str
    params: dict | None = None


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
    notes: list[Note] = field(default_factory=list)  # the files and sheets ignored, and why

    def add(self, source: Source) -> None:
        other = self.sources.get(source.table)
        if other:
            raise fail("two_sources", table=source.table, first=other.label, second=source.label)
        self.sources[source.table] = source


def discover(folder: Path) -> Discovery:
    """Which file or sheet holds each table; everything else is noted as ignored."""
    if not folder.is_dir():
        raise fail("folder_missing", folder=str(folder))
    found = Discovery()
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        if why := _not_a_regular_file(folder, path):
            found.notes.append(Note(path.name, why))
        else:
            discover_file(path, found)
    if "staff" not in found.sources:
        misnamed = [n.file for n in found.notes if n.code in NAMED_AFTER_NO_TABLE]
        if misnamed:  # the roster may be among them, under another name (« Export agents 2020.csv »)
            raise fail("staff_missing_named", folder=str(folder), files=", ".join(misnamed))
        raise fail("staff_missing", folder=str(folder))
    return found


NAMED_AFTER_NO_TABLE = ("not_a_table_name", "sheet_not_a_table")  # the notes of files read by no name


def _not_a_regular_file(folder: Path, path: Path) -> str | None:
    """Why `path` is not read, a note code (None: a regular file of the folder). Never opens it: a FIFO would block."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            if not path.exists():
                return "link_dangling"
            target = path.resolve()
            if not target.is_relative_to(folder.resolve()):
                return "link_outside"
            st = os.stat(path)  # the link's target, inside the folder
    except FileNotFoundError:
        return "link_dangling"
    except (OSError, RuntimeError):  # a loop of links, a permission denied
        return "link_unreadable"
    if stat.S_ISDIR(st.st_mode):
        return "subfolder"
    if not stat.S_ISREG(st.st_mode):
        return "not_regular"
    return None


def read_bytes(path: Path) -> bytes:
    """A regular file's content; opened without blocking, so a FIFO swapped in meanwhile cannot hang the load."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise fail("file_unreadable", file=path.name, detail=exc.strerror) from exc
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise fail("file_not_regular", file=path.name)
        return file.read()


def discover_file(path: Path, found: Discovery) -> None:
    name, ext = path.name, path.suffix.lower()
    if name.startswith((".", "~$")):
        found.notes.append(Note(name, "hidden"))
        return
    table = table_for(path.stem)
    if ext in TEXT_EXT:
        if table:
            found.add(Source(table, path))
        else:
            found.notes.append(Note(name, "not_a_table_name"))
    elif ext in EXCEL_EXT:
        _discover_workbook(path, table, found)
    elif table and ext in UNSUPPORTED_EXT:
        raise fail("unsupported_format", file=name, ext=ext)
    else:
        found.notes.append(Note(name, "not_a_table"))


# An xlsx is a zip of XML: what calamine holds in memory grows with the unzipped size. 48 MB is
# about a million cells (a roster of 60 000 agents, or the 100x demo's plan at 14 MB, which a
# 12 MB cap refused); beyond that, the message asks for a CSV export, read in streaming.
MAX_UNZIPPED = 48 * 1024**2  # bytes, all members together
MAX_RATIO = 100  # XML compresses 5-20x; a bomb, 1000x and more
RATIO_FROM = 1024**2  # small members (styles, themes) may compress better


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose archive would unzip too large, from its declared sizes, then by a capped
    streamed read (declared sizes can lie); raises LoadError naming the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_declared(path, members)
            total = 0
            for member in members:
                with archive.open(member) as stream:
                    while chunk := stream.read(1024**2):
                        total += len(chunk)
                        if total > MAX_UNZIPPED:
                            raise _too_big(path, f"> {MAX_UNZIPPED // 1024**2}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise fail("workbook_unreadable", file=path.name, detail=str(exc)) from exc


def _check_declared(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if sum(m.file_size for m in members) > MAX_UNZIPPED:
        raise _too_big(path, str(sum(m.file_size for m in members) // 1024**2))
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise fail("workbook_ratio", file=path.name, member=m.filename, ratio=ratio, max_ratio=MAX_RATIO)


def _too_big(path: Path, size_mb: str) -> LoadError:
    return fail("workbook_too_big", file=path.name, size_mb=size_mb, max_mb=MAX_UNZIPPED // 1024**2)


def _discover_workbook(path: Path, table: str | None, found: Discovery) -> None:
    check_workbook(path)
    try:
        sheets = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception as exc:  # calamine raises several types for broken files
        raise fail("workbook_unreadable", file=path.name, detail=str(exc)) from exc
    for i, sheet in enumerate(sheets):
        if table and i == 0:
            found.add(Source(table, path, sheet))
        elif sheet_table := table_for(sheet):
            found.add(Source(sheet_table, path, sheet))
        else:
            found.notes.append(Note(f"{path.name}[{sheet}]", "sheet_not_a_table"))
