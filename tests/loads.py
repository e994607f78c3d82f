"""The suite's loads, in this process and once per source per session (a helper, no tests here).

A load of a fixture costs seconds (reading, checking, the surveys' protections); a copy of what it
wrote, milliseconds. ``load_db(db, *sources)`` loads ``sources`` one after the other into a fresh
``db`` with the real loader (etl.publish.load.load) the first time this session sees them, in a
cache folder, then copies what that load wrote (the database, its kept versions, its lock file,
its GDPR folder if any) beside ``db``: each test gets its own files, never a shared writer.

The cache key is what a load's result depends on: each source folder's name (the history's label)
and its files' names and bytes, the retention setting (``CADRAN_RETENTION_YEARS``), whether the
read model is computed (``CADRAN_READ_MODEL``) and today's date. A target that already holds
something (a database, versions, GDPR files beside it) is loaded for real, uncached: that load
depends on what is there. Under pytest-xdist the workers share one
cache (the session's base temporary folder), a lock per key: the first builds, the others copy.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from etl.admin.gdpr import gdpr_dir
from etl.publish.load import load
from etl.store.storage import private_umask, versions_dir

_root: Path | None = None


def configure(root: Path) -> None:
    """Where the built loads of this session are kept (conftest.py: the session's temporary folder)."""
    global _root
    _root = root


def cache_root() -> Path:
    global _root
    if _root is None:  # a helper used outside pytest's fixtures
        _root = Path(tempfile.mkdtemp(prefix="cadran-loads-"))
    _root.mkdir(parents=True, exist_ok=True)
    return _root


def load_db(db: str | os.PathLike, *sources: str | os.PathLike) -> Path:
    """``sources`` loaded in turn by the real loader into ``db`` (a fresh path); ``db``."""
    db, sources = Path(db), [Path(s) for s in sources]
    key = _key(sources)
    if key is None or not _fresh(db):
        for source in sources:
            load(source, db)
        return db
    built = _built(key, sources)
    private_umask()  # as the load itself does in this process
    db.parent.mkdir(parents=True, exist_ok=True)
    _copy_load(built / _NAME, db)
    return db


_NAME = "cadran.duckdb"  # the name of a database in the cache; renamed on copy


def _fresh(db: Path) -> bool:
    """Nothing of a published database at ``db`` nor beside it that a load would read."""
    parent_ok = not db.parent.exists() or (db.parent.is_dir() and os.access(db.parent, os.W_OK | os.X_OK))
    return parent_ok and not any(
        p.exists() or p.is_symlink()
        for p in (db, versions_dir(db), gdpr_dir(db), db.with_name(f".{db.name}.lock"))
    )


def _key(sources: list[Path]) -> str | None:
    """A digest of what the loads of ``sources`` depend on; None when a source holds anything but
    regular files (links, pipes, folders: the tests of those load for real)."""
    digest = hashlib.sha256()
    settings = [os.environ.get(name) for name in ("CADRAN_RETENTION_YEARS", "CADRAN_READ_MODEL")]
    digest.update(f"{settings!r} {dt.date.today()}\n".encode())
    for source in sources:
        try:
            entries = sorted(source.iterdir())
        except OSError:
            return None
        digest.update(f"source {source.resolve().name!r} {len(entries)}\n".encode())
        for path in entries:
            if path.is_symlink() or not path.is_file():
                return None
            content = path.read_bytes()
            digest.update(f"{path.name!r} {len(content)}\n".encode())
            digest.update(content)
    return digest.hexdigest()


def _built(key: str, sources: list[Path]) -> Path:
    """The folder holding the loads of ``sources`` into ``cadran.duckdb``, built once (a lock per key)."""

    def build(work: Path) -> None:
        for source in sources:
            load(source, work / _NAME)

    return built_once(key, build)


def built_once(key: str, build: Callable[[Path], None]) -> Path:
    """A folder of the session's cache that ``build`` filled, the first time this session asks for
    ``key`` (a lock per key: another worker asking meanwhile waits, then reads the same folder)."""
    root = cache_root()
    done = root / key
    with open(root / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            work = root / f"{key}.tmp"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            build(work)
            os.replace(work, done)
    return done


def _copy_load(built: Path, db: Path) -> None:
    """What the loads into ``built`` wrote, copied to ``db``: the database, its lock file, its kept
    versions, the GDPR folder (modes kept: files 600, folders 700)."""
    folder = built.parent
    shutil.copy(built, db)
    lock = folder / f".{built.name}.lock"
    if lock.exists():
        shutil.copy(lock, db.with_name(f".{db.name}.lock"))
    kept = versions_dir(built)
    if kept.exists():
        target = versions_dir(db)
        if not target.parent.exists():
            target.parent.mkdir(parents=True)
            shutil.copymode(kept.parent, target.parent)
        shutil.copytree(kept, target, copy_function=shutil.copy)
    if gdpr_dir(built).exists():
        shutil.copytree(gdpr_dir(built), gdpr_dir(db), copy_function=shutil.copy)
    known = {built.name, lock.name, kept.parent.name, gdpr_dir(built).name}
    unknown = sorted(p.name for p in folder.iterdir() if p.name not in known)
    assert not unknown, f"a load wrote {unknown} beside its database: copy them too (tests/loads.py)"
