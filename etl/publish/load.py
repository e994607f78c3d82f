"""read -> validate -> stage -> publish: one load of a source folder, all or nothing.

A load builds a new database file beside the published one, checkpoints and
closes it, re-opens it to check it, then renames it over the published file:
readers see the old data or the new, never a mix, and a failed or killed load
leaves the published file untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.admin import gdpr
from etl.intake.read import Raw, create_empty_raw, read_source
from etl.intake.rejects import reject_groups
from etl.intake.schema import TABLES
from etl.intake.sources import LoadError, Note, discover, fail
from etl.publish import read_model, staging, unchanged, versions
from etl.publish.protections import store_protections
from etl.publish.versions import folder_of
from etl.store.db import NotPublished, connect_ro, open_duckdb, published_path
from etl.store.db import version as db_version
from etl.store.storage import SCRATCH, exclusive, private_umask, uploaded_folder
from etl.text import reject_words

# the load's records, each named load_*: every other table of a published file is its data
# (etl.publish.read_model.data_digest)
RECORD_TABLES = """
CREATE TABLE load_log (load_id INTEGER, loaded_at TIMESTAMP, source VARCHAR, published BOOLEAN);
CREATE TABLE load_tables (load_id INTEGER, table_name VARCHAR, files VARCHAR,
                          rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT);
CREATE TABLE load_rejects (load_id INTEGER, table_name VARCHAR, file VARCHAR, line VARCHAR,
                           column_name VARCHAR, reason VARCHAR, raw VARCHAR, _ord BIGINT,
                           problems VARCHAR, reason_key VARCHAR);
CREATE TABLE load_notes (load_id INTEGER, file VARCHAR, detail VARCHAR, code VARCHAR, params VARCHAR);
"""


def note_fr(note: Note) -> str:
    """A note in French: the command line's words, and the detail stored for older readers."""
    return reject_words.note(note.code, note.params, note.code, "fr")


@dataclass
class TableCount:
    read: int
    loaded: int
    rejected: int
    files: str = ""


@dataclass
class LoadResult:
    load_id: int
    db: Path
    tables: dict[str, TableCount] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    label: str = ""  # the source as recorded in load_log
    loaded_at: str = ""
    surveys: int = 0  # the surveys protected, and of them those computed (not reused from the published file)
    surveys_computed: int = 0
    tables_taken_over: list[str] = field(default_factory=list)  # staged rows copied from the published file
    tables_not_read: list[str] = field(default_factory=list)  # of those, the ones whose file was not read
    reads: int = 0  # the pages' default reads kept in the file (etl.publish.read_model), and of them
    reads_computed: int = 0  # those computed (not taken over from the published file, data unchanged)

    def as_json(self) -> dict:
        tables = {
            n: {"read": c.read, "loaded": c.loaded, "rejected": c.rejected} for n, c in self.tables.items()
        }
        return {
            "published": True,
            "load_id": self.load_id,
            "db": str(self.db),
            "tables": tables,
            "ignored": [{"file": n.file, "detail": note_fr(n), "code": n.code} for n in self.notes],
            "staging": {"taken_over": self.tables_taken_over, "not_read": self.tables_not_read},
            "surveys": {"protected": self.surveys, "computed": self.surveys_computed},
            "read_model": {"stored": self.reads, "computed": self.reads_computed},
        }


@dataclass(frozen=True)
class Share:
    """How far a step has gone: ``done`` of ``total`` (the surveys protected so far)."""

    done: int
    total: int


# Called twice per table, in contract order: when it starts being read (None), then once
# validated (its counts); then with PROTECTIONS: None when the surveys' small-group protections
# start, then a Share after each survey (a minute or more at 100× the demo's 200 surveys); last,
# with READ_MODEL and None when the pages' default reads start (etl.publish.read_model).
# 2 x len(TABLES) + 2 steps in all, the last but one shared out among the surveys.
Progress = Callable[[str, TableCount | Share | None], None]
PROTECTIONS = "survey_protections"
READ_MODEL = "read_model"


def load(
    source: str | os.PathLike,
    db: str | os.PathLike | None = None,
    progress: Progress | None = None,
    label: str | None = None,
    keep: bool = True,
) -> LoadResult:
    """Load a source folder and publish it at `db` (default: the dashboard's); raises LoadError, publishes nothing."""
    folder, target = Path(source), published_path(db)
    try:
        found = discover(folder)
    except OSError as exc:  # a folder we may not list
        raise fail("file_unreadable", file=str(folder), detail=exc.strerror) from exc
    private_umask()  # everything written under data/ is its user's only
    writable(target)
    try:
        result = _publish(folder, found, target, progress, label or folder.resolve().name, keep)
    except OSError as exc:  # disk full, a folder that turned read-only: nothing was published
        where = Path(exc.filename).name if exc.filename else target
        raise fail("write_failed", where=str(where), detail=exc.strerror) from exc
    result.db = target
    return result


def _publish(
    folder: Path, found, target: Path, progress: Progress | None, label: str, keep: bool
) -> LoadResult:
    """Build the new file beside `target`, check it, rename it over `target` (the only write readers see).

    `label` is what the history shows as the source: the folder's name, never a server path."""
    with exclusive(target):  # one publisher at a time; what a killed one left is removed first
        load_id = _next_load_id(target)
        prefix = f".cadran-load-{target.name}-{os.getpid()}-"
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()  # DuckDB wants to create the file itself
        try:
            result = _build(tmp, found, load_id, target, progress, label)
            _check(tmp, result)
            _put_in_place(tmp, found, result, target, keep)
        finally:
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                leftover.unlink(missing_ok=True)
    return result


def _put_in_place(tmp: Path, found, result: LoadResult, target: Path, keep: bool) -> None:
    """Publish the checked file `tmp` (under the lock): renamed over `target`, kept as a version."""
    if keep:  # the database and its source files kept as a version (etl.publish.versions), before
        _keep(found, result, tmp, target)  # the publish: the version list holds the published load
    os.replace(tmp, target)
    if keep:
        _tend_versions(result, target)


def _keep(found, result: LoadResult, tmp: Path, target: Path) -> None:
    try:
        versions.keep(found, result, tmp, target)
    except OSError as exc:  # published all the same: say the version is not kept
        result.notes.append(Note("versions", "version_not_kept", {"error": str(exc)}))


def _tend_versions(result: LoadResult, target: Path) -> None:
    """Once published: the oldest versions pruned, leavers past retention anonymised in the kept
    ones; a failure is said in the report (the load is published all the same)."""
    try:
        versions.prune(target)
        gdpr.retain_kept(target)  # leavers past retention leave the kept versions too
    except (OSError, LoadError, duckdb.Error) as exc:
        error = reject_words.load_error(exc, "fr") if isinstance(exc, LoadError) else str(exc)
        result.notes.append(Note("versions", "versions_not_updated", {"error": error}))


def writable(path: Path, what: str = "database", create: bool = True) -> None:
    """Fail before any work when `path` cannot be written: its folder must exist (or, with `create`,
    be creatable) and accept new files; raises LoadError naming the path. `what`: the file's kind, a
    code (``database``, ``rejects_file``) the text layer words."""
    folder = path.parent
    blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocking:
        raise fail("path_blocked", path=str(path), blocking=str(blocking), what=what)
    if not folder.exists() and not create:
        raise fail("target_folder_missing", path=str(path), folder=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail("folder_uncreatable", path=str(path), what=what, detail=exc.strerror) from exc
    if path.is_dir():
        raise fail("path_is_folder", path=str(path), what=what)
    # a read-only folder is said first: the file in it may be another user's, private (600)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise fail("folder_read_only", path=str(path), folder=folder.name or str(folder), what=what)
    if what == "database" and path.is_file() and _magic(path) != b"DUCK":  # never replace someone's file
        raise fail("not_a_database", file=str(path))


def _magic(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read(12)[8:12]  # a DuckDB file says DUCK there


def upload_label(files, kept_version: int | None = None) -> str:
    """The recorded source of an upload: its files, and the kept version the other tables come from
    (the text layer's French, as older databases hold it; worded again on display)."""
    names = ", ".join(sorted(files))
    if kept_version is None:
        return reject_words.recorded_source("load.source.upload", files=names)
    return reject_words.recorded_source("load.source.upload_kept", files=names, kept=kept_version)


def restore_label(load_id: int) -> str:
    """The recorded source of a rollback to the kept version ``load_id``."""
    return reject_words.recorded_source("load.source.restore", version=int(load_id))


UPLOAD = upload_label([]).rstrip(": ")  # how every upload's recorded source starts (_scrub_history)


def load_files(
    files: dict[str, bytes],
    db: str | os.PathLike | None = None,
    progress: Progress | None = None,
    label: str | None = None,
) -> LoadResult:
    """Load uploaded files (name -> content) as one source folder: what the dashboard's upload calls."""
    with uploaded_folder(files) as folder:
        try:
            return load(folder, db, progress, label=label or upload_label(files))
        except LoadError as exc:
            raise as_uploaded(exc, folder) from exc


def as_uploaded(exc: LoadError, folder: Path) -> LoadError:
    """`exc` with the temporary folder of an upload as UPLOADED, the text layer's « Fichiers déposés »:
    the folder means nothing to the person who uploaded (code and parameters kept)."""
    params = {k: str(v).replace(str(folder), reject_words.UPLOADED) for k, v in exc.params.items()}
    return LoadError(
        None if exc.code else str(exc).replace(str(folder), reject_words.UPLOADED), exc.code, **params
    )


def _build(tmp: Path, found, load_id: int, target: Path, progress: Progress | None, label: str) -> LoadResult:
    result = LoadResult(load_id, target, notes=list(found.notes))
    con = open_duckdb(tmp)
    try:
        con.execute(RECORD_TABLES)
        today = dt.date.today()
        files = staging.Files.of(con, found.sources, target, gdpr.drop_inputs(target, today), gdpr.DROPS_FROM)

        def staged(name: str, read: int, loaded: int, rejected: int) -> None:
            source = found.sources.get(name)
            result.tables[name] = TableCount(read, loaded, rejected, source.label if source else "")
            if progress:
                progress(name, result.tables[name])

        years = gdpr.retention_years(target)
        # the very files of the published load: every table taken over, the leavers' tokens drawn again
        same = unchanged.take_over_all(
            con, load_id, target, files, staged, gdpr.cutoff(years, today) if years is not None else None
        )
        if same is not None:
            notes, tables = same
            result.notes += notes
            gdpr.mention_nobody(con)
            _copy_history(con, target, load_id)
            result.tables_taken_over, result.tables_not_read = sorted(tables), sorted(tables)
        else:
            _read_and_stage(con, load_id, target, found, files, staged, result, today, progress)
        _require_staff(result, found.sources["staff"])
        if progress:
            progress(PROTECTIONS, None)
        # the small-group protections, reused from the published file for every survey unchanged
        result.surveys, result.surveys_computed = store_protections(
            con, (lambda done, total: progress(PROTECTIONS, Share(done, total))) if progress else None, target
        )
        _record(con, result, label)
        con.execute("CHECKPOINT")  # raw_ and work tables are temporary: only stg_ and records are written
    finally:
        con.close()
    if read_model.wanted():
        if progress:
            progress(READ_MODEL, None)
        # on the file as readers will open it; the published file's answers taken over, data unchanged
        result.reads, result.reads_computed = read_model.store(tmp, target)
    return result


def _read_and_stage(
    con,
    load_id: int,
    target: Path,
    found,
    files,
    staged,
    result: LoadResult,
    today,
    progress: Progress | None,
) -> None:
    """Read the files (those unchanged left unread: etl.publish.staging.unread), drop the forgotten
    people and the leavers past retention, copy the history, and stage every table."""
    raws = {}

    def read(name: str) -> Raw:
        raws[name] = read_source(con, found.sources[name])
        return raws[name]

    for table in TABLES:
        if progress:
            progress(table.name, None)
        if table.name in found.sources and table.name not in files.not_read:
            read(table.name)
        else:
            create_empty_raw(con, table.name)

    def read_rest() -> None:
        for name in sorted(files.not_read & gdpr.DROPS_FROM):
            read(name)
            files.not_read.discard(name)

    # forgotten people, leavers past retention
    dropped = gdpr.drop_at_load(con, target, today, read_rest if files.not_read & gdpr.DROPS_FROM else None)
    if dropped:
        files.dropped = True  # rows changed by the drop: the next load reads every file it opens
    result.notes += dropped
    _copy_history(con, target, load_id)  # after: their rejected rows in the history are not copied
    # validated, or taken over from the published file for each table whose rows are unchanged
    done = staging.stage(
        con,
        load_id,
        raws,
        staged,
        reasons=reject_words.templates("fr"),
        previous=target,
        files=files,
        read=read,
    )
    result.tables_taken_over = sorted(done.taken_over)  # the reasons stored: the CLI's words
    result.tables_not_read = sorted(done.not_read)


def _require_staff(result: LoadResult, source) -> None:
    """A staff table with no loaded row would empty every page: the load fails (contract section 3)."""
    staff = result.tables["staff"]
    if staff.rejected and not staff.loaded:
        raise fail("staff_rejected", file=source.label, rows_rejected=staff.rejected)
    if not staff.loaded:
        raise fail("staff_no_row", file=source.label)


def _record(con, result: LoadResult, source: str) -> None:
    """Provenance the pages show: when, from where, and per table rows read / loaded / rejected."""
    now = dt.datetime.now().replace(microsecond=0)
    result.label, result.loaded_at = source, now.isoformat(sep=" ")
    con.execute("INSERT INTO load_log VALUES (?, ?, ?, true)", [result.load_id, now, source])
    _insert(
        con,
        "load_tables",
        [[result.load_id, n, c.files, c.read, c.loaded, c.rejected] for n, c in result.tables.items()],
    )
    # a note is a code and its parameters, the interface words it; detail: the French, for older readers
    notes = [[result.load_id, n.file, note_fr(n), n.code, json.dumps(n.params or {})] for n in result.notes]
    _insert(con, "load_notes", notes)


def _insert(con, table: str, rows: list[list]) -> None:
    """``rows`` in one statement (``executemany`` plans one per row)."""
    if rows:
        marks = ", ".join(["(" + ", ".join(["?"] * len(rows[0])) + ")"] * len(rows))
        con.execute(f"INSERT INTO {table} VALUES {marks}", [value for row in rows for value in row])


REJECTS_KEPT = 10  # loads whose rejected rows stay readable (the counts of every load are kept)


def _copy_history(con, target: Path, load_id: int) -> None:
    """Earlier loads' records, read from the published file: all their counts, and the rejected
    rows and ignored files of the last loads (before ``load_id``, this load)."""
    if not target.exists():
        return
    con.execute("ATTACH ? AS prev (READ_ONLY)", [str(target)])
    try:
        con.execute("INSERT INTO load_log SELECT * FROM prev.load_log")
        con.execute("INSERT INTO load_tables SELECT * FROM prev.load_tables")
        recent = f"WHERE load_id > (SELECT max(load_id) FROM prev.load_log) - {REJECTS_KEPT - 1}"
        gdpr.narrow_mentions(con, f"(SELECT * FROM prev.load_rejects {recent})")
        con.execute(
            f"INSERT INTO load_rejects BY NAME SELECT * FROM prev.load_rejects {recent} AND {gdpr.NOT_MENTIONED}"
        )
        con.execute(f"INSERT INTO load_notes BY NAME SELECT * FROM prev.load_notes {recent}")
        _scrub_history(con, load_id)
    except duckdb.Error:
        pass  # a database from an older version without records: history starts here
    finally:
        con.execute("DETACH prev")


SURVEY_TABLES = tuple(t.name for t in TABLES if t.private)


def _scrub_history(con, load_id: int) -> None:
    """Records of older versions: server paths become folder names, survey rejects lose their values
    (those of loads before ``load_id``: a load's own rejects may be written before its history)."""
    con.execute(
        "UPDATE load_log SET source = regexp_extract(source, '([^/\\\\]+)[/\\\\]*$', 1) "
        "WHERE source SIMILAR TO '.*[/\\\\].*' AND NOT starts_with(source, ?)",
        [UPLOAD],
    )
    marks = ", ".join("?" for _ in SURVEY_TABLES)
    con.execute(
        f"""UPDATE load_rejects SET raw = NULL, reason = regexp_replace(reason, ' : « [^»]*»', '', 'g')
                    WHERE table_name IN ({marks}) AND (raw IS NOT NULL OR problems IS NULL) AND load_id < ?""",
        [*SURVEY_TABLES, load_id],
    )


def _next_load_id(target: Path) -> int:
    if not target.exists():
        return 1
    try:
        with connect_ro(target, model=False) as con:
            return con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM load_log").fetchone()[0]
    except (duckdb.Error, NotPublished):
        return 1


def _check(tmp: Path, result: LoadResult) -> None:
    """Re-open the new file before publishing it: every table there, with the counts we report."""
    with connect_ro(tmp, model=False) as con:
        for name, count in result.tables.items():
            got = con.execute(f"SELECT count(*) FROM stg_{name}").fetchone()[0]
            if got != count.loaded:
                raise fail("check_mismatch", table=name, got=got, expected=count.loaded)


# --- the upload: check in a scratch database, show, then publish what was checked -------------


@dataclass
class Checked:
    """A source loaded into a scratch database, nothing published: what the upload's preview shows
    (counts, the change against the published data, rejects, the retention's work), and what
    ``publish_checked`` puts in place, as it was checked."""

    result: LoadResult
    found: object  # etl.intake.sources.Discovery of the scratch folder's source/
    scratch: Path  # a private temporary folder: source/ (the files) and check.duckdb
    before: dict[str, int]  # rows loaded per table in the published data when checked
    anonymised: int  # staff anonymised by the retention in this load
    rejects: object  # pandas frame: etl.intake.rejects.reject_groups of the scratch database
    published: tuple  # what the check read: the published file's version and the retention setting

    @property
    def database(self) -> Path:
        return self.scratch / "check.duckdb"

    def changes(self) -> list[versions.Change]:
        """Per table: rows read / loaded / rejected, and rows loaded in the published data."""
        return [
            versions.Change(t.name, c.read, c.loaded, c.rejected, self.before.get(t.name))
            for t in TABLES
            if (c := self.result.tables.get(t.name)) is not None
        ]


def check_files(
    files: dict[str, bytes],
    db: str | os.PathLike | None = None,
    progress: Progress | None = None,
    label: str | None = None,
) -> Checked:
    """Load uploaded files (name -> content) into a scratch database: nothing is published; the
    report to show before publishing. Raises LoadError (the scratch folder is then gone)."""
    _discard_abandoned()
    scratch = Path(tempfile.mkdtemp(prefix=CHECK_PREFIX))  # 700: the upload's personal data
    source = scratch / "source"
    source.mkdir()
    for name, content in files.items():
        (source / Path(name).name).write_bytes(content)  # a bare name: nothing outside the folder
    try:
        return _checked(scratch, published_path(db), progress, label or upload_label(files))
    except LoadError as exc:
        discard(scratch)
        raise as_uploaded(exc, source) from exc
    except BaseException:
        discard(scratch)
        raise


def _checked(scratch: Path, target: Path, progress: Progress | None, label: str) -> Checked:
    found = discover(scratch / "source")
    state = _state(target)
    tmp = scratch / "check.duckdb"
    result = _build(tmp, found, _next_load_id(target), target, progress, label)
    _check(tmp, result)
    result.db = target
    with open_duckdb(tmp, read_only=True) as con:
        anonymised = con.execute(
            "SELECT count(*) FROM stg_staff WHERE starts_with(person_id, ?)", [gdpr.TOKEN]
        ).fetchone()[0]
        rejects = reject_groups(con, result.load_id)
    before = versions.published_counts(target)
    return Checked(result, found, scratch, before, anonymised, rejects, state)


def _state(target: Path) -> tuple:
    """What a check depends on besides its files: the published file (forgotten people, history)
    and the retention setting."""
    return (db_version(target), gdpr.retention_years(target))


def publish_checked(checked: Checked, db: str | os.PathLike | None = None, keep: bool = True) -> LoadResult:
    """Publish the scratch database of ``checked`` as it was checked (kept as a version, like a load),
    then remove the scratch folder. Raises LoadError ``changed_since_check`` when the published data
    or the retention changed since the check: nothing is published, check again."""
    target = published_path(db)
    try:
        private_umask()
        with exclusive(target):
            if _state(target) != checked.published:
                raise fail("changed_since_check")
            fd, name = tempfile.mkstemp(
                prefix=f"{SCRATCH}{target.name}-{os.getpid()}-", suffix=".tmp", dir=target.parent
            )
            os.close(fd)
            tmp = Path(name)
            try:
                shutil.copyfile(checked.database, tmp)
                _put_in_place(tmp, checked.found, checked.result, target, keep)
            finally:
                tmp.unlink(missing_ok=True)
    except OSError as exc:  # disk full, a folder that turned read-only: nothing was published
        where = Path(exc.filename).name if exc.filename else target
        raise fail("write_failed", where=str(where), detail=exc.strerror) from exc
    finally:
        discard(checked.scratch)
    return checked.result


CHECK_PREFIX = "cadran-check-"
ABANDONED_AFTER = 12 * 3600  # seconds: a check nobody published nor replaced (a closed browser tab)


def _discard_abandoned() -> None:
    """Remove the scratch folders of checks left for more than ABANDONED_AFTER (personal data)."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{CHECK_PREFIX}*"):
        try:
            if now - folder.stat().st_mtime > ABANDONED_AFTER:
                discard(folder)
        except OSError:
            continue  # another user's, or gone meanwhile


def discard(scratch: Path) -> None:
    """Remove a check's scratch folder (its files hold the upload's personal data)."""
    shutil.rmtree(scratch, ignore_errors=True)


def rollback(load_id: int, db: str | os.PathLike | None = None, progress=None):
    """Publish a kept version again: its source loaded by load (all or nothing, atomic)."""
    source = folder_of(load_id, db) / "source"
    return load(source, db, progress, label=restore_label(load_id))
