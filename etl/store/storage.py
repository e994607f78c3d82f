"""The data folder Cadran writes: who may read it, one writer at a time, no leftovers.

Everything under the published database's folder holds personal data (the database, the kept
versions and their source copies, the GDPR files): files are 600 and folders 700, whatever the
umask of whoever started Cadran. A publisher (load, rollback, forget) holds ``exclusive``; a
process killed mid-way leaves its scratch files (``.cadran-load-*``, ``.v<N>.tmp``), which the
next one removes before it starts.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb

from etl.store.db import NotPublished, connect_ro, published_path

UMASK = 0o077  # what a process writing under data/ never grants: anything to group or others
FILE_MODE, DIR_MODE = 0o600, 0o700
SCRATCH = ".cadran-load-"  # the prefix of every scratch file beside a database being written


def private_umask() -> None:
    """From now on this process creates its files 600 and folders 700 (the current umask tightened,
    never loosened: safe from any thread)."""
    os.umask(os.umask(UMASK) | UMASK)


def seal(path: Path) -> None:
    """``path`` made private: a file 600, a folder 700 with everything it holds."""
    if path.is_symlink() or not path.exists():
        return
    if path.is_dir():
        os.chmod(path, DIR_MODE)
        for root, dirs, files in os.walk(path):
            for name in dirs:
                os.chmod(Path(root) / name, DIR_MODE)
            for name in files:
                if not (Path(root) / name).is_symlink():
                    os.chmod(Path(root) / name, FILE_MODE)
    else:
        os.chmod(path, FILE_MODE)


def private_dir(path: Path) -> Path:
    """``path`` created if need be (with its missing parents), 700."""
    private_umask()
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def copy(src: Path, dst: Path) -> None:
    """A copy of ``src`` at ``dst``, 600 (``shutil.copy2`` would copy the source's mode too)."""
    shutil.copyfile(src, dst)
    os.chmod(dst, FILE_MODE)


def versions_dir(db: str | os.PathLike | None = None) -> Path:
    """Where the kept versions of the database ``db`` live: data/versions/<its name>/."""
    target = published_path(db)
    return target.parent / "versions" / target.stem


def scratch(path: Path, what: str) -> Path:
    """A scratch file beside ``path`` for ``what``, removed by the next ``exclusive`` if left."""
    return path.with_name(f"{SCRATCH}{path.name}-{os.getpid()}-{what}.tmp")


@contextmanager
def exclusive(target: Path):
    """One publisher at a time per published database (a second waits); what a killed one left
    is removed first."""
    private_umask()
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "w") as lock:
        os.chmod(lock_path, FILE_MODE)
        fcntl.flock(lock, fcntl.LOCK_EX)
        tidy(target)
        yield


def at_start(target: Path) -> None:
    """When Cadran starts: its files private from then on, and a killed publisher's leftovers
    removed unless a publish is running (it holds the lock: its next peer will do it)."""
    private_umask()
    if not target.parent.is_dir():
        return
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "a") as lock:
        os.chmod(lock_path, FILE_MODE)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        tidy(target)


def tidy(target: Path) -> None:
    """Under the lock: remove the scratch files of a killed load or erasure, the half-copied
    version folders, and versions newer than the published load (kept just before a publish that
    never happened), so the version list holds exactly the published loads."""
    root = versions_dir(target)
    stale = [
        *target.parent.glob(f"{SCRATCH}{target.name}-*"),
        *root.glob(f"v*/{SCRATCH}*"),
        *root.glob(f"v*/source/{SCRATCH}*"),
        *root.glob(".v*.tmp"),
    ]
    for path in stale:
        _remove(path)
    published = published_load(target)
    for folder in root.glob("v*"):
        number = folder.name.removeprefix("v")
        if published is not None and number.isdigit() and int(number) > published:
            shutil.rmtree(folder, ignore_errors=True)
    for path in (target, root.parent):  # files written before Cadran kept them private
        seal(path)


def published_load(target: Path) -> int | None:
    """The number of the published load (None: nothing published, or a file without a history)."""
    if not target.exists():
        return None
    try:
        with connect_ro(target, model=False) as con:
            return con.execute("SELECT max(load_id) FROM load_log").fetchone()[0]
    except (duckdb.Error, NotPublished):
        return None


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextmanager
def uploaded_folder(files: dict[str, bytes]):
    """The uploaded ``files`` (name -> bytes) in a temporary folder, gone on exit."""
    with tempfile.TemporaryDirectory(prefix="cadran-upload-") as tmp:
        for name, content in files.items():
            (Path(tmp) / Path(name).name).write_bytes(content)  # a bare name: nothing outside tmp
        yield Path(tmp)
