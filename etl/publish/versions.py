"""The last published versions: each load's database and the source files that made it.

``data/versions/<db name>/v<load_id>/`` (git-ignored) holds ``cadran.duckdb`` (a copy of what
was published), ``source/`` (the files read) and ``report.json`` (rows read / loaded / rejected
per table). etl.publish.load calls ``keep`` just before it publishes, under its lock, then ``prune``: the
``KEEP`` newest stay. A rollback (etl.publish.load.rollback) loads a kept source again (the one publisher: a new
file, checked, renamed over the published one), recorded in the history as a new load.

An upload of some tables is combined with the kept files of the others (``combine``), so
refreshing the staff roster alone keeps everything else; the upload checks the combination in a
scratch database (etl.publish.load.check_files) before anything is published.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from etl.admin import gdpr
from etl.intake.schema import TABLES
from etl.intake.sources import Discovery, LoadError, Note, discover, discover_file, fail
from etl.store import storage
from etl.store.db import connect_ro, published_path
from etl.store.storage import uploaded_folder, versions_dir

KEEP = 5
SHRINK = 0.2  # a table losing more than this share of its rows asks for a confirmation
DB_NAME = gdpr.DB_NAME


def keep(found, result, database: Path, target: Path) -> Path:
    """Keep the database about to be published (``database``, closed) and the files of ``found``
    as version ``result.load_id``, before the publish: a publish killed at any point leaves either
    a half-copied ``.v<N>.tmp`` or a version newer than the published load, both removed by the
    next publisher (etl.store.storage.tidy), so the version list always holds the published load."""
    root = storage.private_dir(versions_dir(target))
    final = root / f"v{result.load_id}"
    work = root / f".v{result.load_id}.tmp"
    shutil.rmtree(work, ignore_errors=True)
    storage.private_dir(work / "source")
    for path in sorted({s.path for s in found.sources.values()}):
        storage.copy(path, work / "source" / path.name)
    storage.copy(database, work / DB_NAME)
    gdpr.scrub_forgotten(work / "source", target)  # a forgotten person is not kept again
    report = {
        "load_id": result.load_id,
        "label": result.label,
        "loaded_at": result.loaded_at,
        "tables": {
            n: {"read": c.read, "loaded": c.loaded, "rejected": c.rejected, "files": c.files}
            for n, c in result.tables.items()
        },
    }
    (work / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    storage.seal(work)
    shutil.rmtree(final, ignore_errors=True)
    os.replace(work, final)
    return final


def prune(target: Path) -> None:
    """Only the KEEP newest versions stay."""
    for old in listing(target)[KEEP:]:
        shutil.rmtree(versions_dir(target) / f"v{old['load_id']}", ignore_errors=True)


def listing(db: str | os.PathLike | None = None) -> list[dict]:
    """The kept versions, newest first: their report.json (load_id, label, loaded_at, tables).
    A version kept for a publish that was killed before it happened is not listed."""
    root = versions_dir(db)
    if not root.is_dir():
        return []
    published = storage.published_load(published_path(db))
    found = []
    for folder in root.glob("v*"):
        report = folder / "report.json"
        if folder.is_dir() and report.exists():
            found.append(json.loads(report.read_text(encoding="utf-8")))
    found = [r for r in found if published is None or r["load_id"] <= published]
    return sorted(found, key=lambda r: r["load_id"], reverse=True)


def folder_of(load_id: int, db: str | os.PathLike | None = None) -> Path:
    folder = versions_dir(db) / f"v{int(load_id)}"
    if not (folder / "report.json").exists():
        kept = ", ".join(str(r["load_id"]) for r in listing(db))
        raise (
            fail("version_not_kept", version=load_id, kept=kept)
            if kept
            else fail("no_version_kept", version=load_id)
        )
    return folder


@dataclass
class Combined:
    """A whole source: uploaded files for the tables they hold, kept files for the others."""

    files: dict[str, bytes] = field(default_factory=dict)
    origin: dict[str, tuple[str, str]] = field(default_factory=dict)  # table -> ("upload"|"kept", file)
    version: int | None = None  # the kept version the other tables come from
    ignored: list[Note] = field(default_factory=list)  # uploaded files and sheets no table is read from


def combine(files: dict[str, bytes], db: str | os.PathLike | None = None) -> Combined:
    """``files`` completed with the latest kept version's files of the tables they do not hold.

    A kept file is taken whole, and only when none of its tables is uploaded (a workbook holding
    an uploaded table and others is left out: those others are then emptied, and said so)."""
    out = Combined(dict(files))
    found = _found(files)
    uploaded = {t: s.label for t, s in found.sources.items()}
    out.ignored = found.notes
    for table, name in uploaded.items():
        out.origin[table] = ("upload", name)
    kept = listing(db)
    if not kept:
        return out
    out.version = kept[0]["load_id"]
    source = folder_of(out.version, db) / "source"
    try:
        sources = discover(source).sources
    except LoadError:
        return out
    by_file: dict[Path, list[str]] = {}
    for table, src in sources.items():
        by_file.setdefault(src.path, []).append(table)
    taken = {Path(n).name.lower() for n in files}
    for path, tables in sorted(by_file.items()):
        if any(t in uploaded for t in tables) or path.name.lower() in taken:
            continue
        out.files[path.name] = path.read_bytes()
        for table in tables:
            out.origin[table] = ("kept", sources[table].label)
    return out


def _found(files: dict[str, bytes]) -> Discovery:
    """Which uploaded file (or sheet) holds each table, staff or not, and those ignored; nothing when
    they cannot be read (the check then says why)."""
    found = Discovery()
    with uploaded_folder(files) as folder:
        try:
            for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
                discover_file(path, found)
        except LoadError:
            return Discovery()
    return found


@dataclass
class Change:
    table: str
    read: int
    loaded: int
    rejected: int
    before: int | None  # rows loaded in the published version (None: nothing published)

    @property
    def shrinks(self) -> bool:
        """Loses more than a fifth of its rows against the published version."""
        return bool(self.before) and self.loaded < (1 - SHRINK) * self.before


def published_counts(db: str | os.PathLike | None = None) -> dict[str, int]:
    """Rows loaded per table in the published database (empty when nothing is published)."""
    target = published_path(db)
    if not target.exists():
        return {}
    with connect_ro(target, model=False) as con:
        return {
            name: con.execute(f"SELECT count(*) FROM stg_{name}").fetchone()[0]
            for name in (t.name for t in TABLES)
        }
