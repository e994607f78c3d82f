"""Atomic publish: a killed load changes nothing, readers never see half a load or a mix of two."""

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from etl.store.db import connect_ro
from tests.conftest import ROOT, load_db, run_cli, write_source


def _source(folder, managers: int, sessions: int, attendance_per_session: int = 0):
    """A source with `managers` managers and `sessions` held sessions (figures that tell loads apart)."""
    staff = ["person_id,organisation,direction,is_manager"]
    staff += [f"P{i},Ville,D{i % 7},{'oui' if i < managers else 'non'}" for i in range(max(managers, 2000))]
    sess = ["session_id,kind,title,date,duration_hours"] + [
        f"S{i},training,T{i},2015-01-01,2" for i in range(sessions)
    ]
    att = ["session_id,person_id,status"]
    att += [f"S{s},P{p},attended" for s in range(sessions) for p in range(attendance_per_session)]
    files = {
        "staff.csv": "\n".join(staff) + "\n",
        "sessions.csv": "\n".join(sess) + "\n",
        "attendance.csv": "\n".join(att) + "\n",
    }
    return write_source(folder, files)


def _figures(db):
    code, out, err = run_cli("kpis", "--db", db, "--as-of", "2016-01-01", "--json")
    assert code == 0, err
    return json.loads(out)


def _written(folder) -> int:
    """Bytes the running load has written so far (its new file and its WAL)."""
    return sum(p.stat().st_size for p in folder.glob(".cadran-load-pub.duckdb-*") if p.exists())


def test_killed_load_leaves_published_figures_identical(tmp_path):
    db = tmp_path / "pub.duckdb"
    load_db(db, _source(tmp_path / "a", 10, 3))
    before, before_bytes = _figures(db), db.read_bytes()
    big = _source(tmp_path / "b", 50, 200, attendance_per_session=2000)  # 400 000 attendance rows
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(big), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".cadran-load-pub.duckdb-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(tmp_path.glob(".cadran-load-pub.duckdb-*")), "the load never started writing"
    # kill it while it writes the new file: once that file holds data (not after a guessed delay)
    while proc.poll() is None and _written(tmp_path) < 1 << 20 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the load ended before it could be killed mid-write"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert db.read_bytes() == before_bytes
    assert _figures(db) == before
    load_db(db, big)  # the next load clears what the killed one left
    assert _figures(db)["managers"] == 50
    assert not list(tmp_path.glob(".cadran-load-pub.duckdb-*"))


READER = """
import datetime as dt, json, pathlib, sys, time
from etl.store.db import connect_ro
from etl.model.kpis import headline
seen, errors, stop, deadline = set(), [], pathlib.Path(sys.argv[2]), time.monotonic() + 120
while not stop.exists() and time.monotonic() < deadline:
    try:
        with connect_ro(sys.argv[1]) as con:
            k = headline(con, dt.date(2016, 1, 1))
        seen.add((k["managers"], k["sessions_held"], k["hours_invested"]))
    except Exception as exc:
        errors.append(repr(exc))
print(json.dumps({"seen": sorted(seen), "errors": errors}))
"""


def test_readers_during_loads_see_one_load_or_the_other(tmp_path):
    db = tmp_path / "pub.duckdb"
    a, b = _source(tmp_path / "a", 10, 3, 5), _source(tmp_path / "b", 40, 7, 9)
    load_db(db, a)
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    for i in range(6):
        load_db(db, b if i % 2 == 0 else a)
    stop.touch()
    out = json.loads(reader.communicate(timeout=120)[0])
    assert out["errors"] == []
    assert set(map(tuple, out["seen"])) <= {(10, 3, 30.0), (40, 7, 126.0)}
    assert len(out["seen"]) == 2, "the reader should have seen both loads"


def _value(con) -> int:
    return con.execute("SELECT v FROM t").fetchone()[0]


def _open_deleted(path) -> list[str]:
    """What this process holds open of ``path`` after it was replaced (Linux: a deleted file)."""
    fds = Path("/proc/self/fd")
    held = (os.readlink(fd) for fd in fds.iterdir() if fd.is_symlink())
    return [h for h in held if h.startswith(str(path)) and h.endswith("(deleted)")]


def test_a_reader_opened_after_a_publish_reads_the_new_file_while_an_older_reader_is_open(tmp_path):
    path, new = tmp_path / "cadran.duckdb", tmp_path / "new.duckdb"
    for file, value in ((path, 1), (new, 2)):
        with duckdb.connect(str(file)) as con:
            con.execute(f"CREATE TABLE t AS SELECT {value} AS v")
    with connect_ro(path, model=False) as old:
        os.replace(new, path)  # a publish renames the new file over the old one
        with connect_ro(path, model=False) as fresh:
            assert _value(fresh) == 2  # duckdb.connect of the same path would give the old file
        assert _value(old) == 1
        assert _open_deleted(path)
    assert not _open_deleted(path)  # the old file's bytes are freed once its last reader closes


def test_a_reader_that_failed_inside_a_transaction_still_lets_the_file_go(tmp_path):
    path, new = tmp_path / "cadran.duckdb", tmp_path / "new.duckdb"
    for file in (path, new):
        with duckdb.connect(str(file)) as con:
            con.execute("CREATE TABLE t AS SELECT 1 AS v")
    with pytest.raises(duckdb.CatalogException), connect_ro(path, model=False) as con:
        con.execute("BEGIN TRANSACTION")
        con.execute("SELECT * FROM missing")
    os.replace(new, path)
    assert not _open_deleted(path)


def test_readers_in_threads_of_one_process_during_publishes_see_a_whole_file_and_hold_none(tmp_path):
    """The server's sessions read in threads of one process, each through its own cursor of the
    process's host database (etl.store.db.connect_ro), while files are renamed over the published one."""
    path = tmp_path / "cadran.duckdb"
    files = [tmp_path / f"v{value}.duckdb" for value in (1, 2)]
    for file, value in zip(files, (1, 2), strict=True):
        with duckdb.connect(str(file)) as con:
            con.execute(f"CREATE TABLE t AS SELECT {value} AS v, range AS n FROM range(1000)")
    shutil.copy(files[0], path)
    seen, errors, done = [], [], threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                with connect_ro(path, model=False) as con:
                    seen.append(con.execute("SELECT min(v), max(v), count(*) FROM t").fetchone())
            except Exception as exc:  # noqa: BLE001 (any error is the finding)
                errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for thread in readers:
        thread.start()
    for turn in range(40):
        shutil.copy(files[turn % 2], tmp_path / "next.duckdb")
        os.replace(tmp_path / "next.duckdb", path)
        time.sleep(0.02)
    done.set()
    for thread in readers:
        thread.join()
    assert not errors
    assert set(seen) == {(1, 1, 1000), (2, 2, 1000)}
    assert not _open_deleted(path)
