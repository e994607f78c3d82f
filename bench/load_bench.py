"""Load benchmark: Cadran's validated load against DuckDB's bare read_csv and pandas + SQLite.

Generates a source with 1 000 000 attendance rows (the same files for all three), times each
in this process, and prints the ratios. Targets: the validated load within 3x of the bare read,
and over 5x faster than pandas read_csv + to_sql into SQLite.

Then the demo at ``--demo-scale`` (surveys included): its first load (every survey protected), a
reload of the same files (every protection reused from the published file) and a bare read_csv of
its CSV files, each in a process of its own, as ratios of wall time, with the CPU time and the
peak resident memory the kernel counted for that process. Targets at 100x: first load within 4x
the bare read, reload within 2.5x, each under 600 MB. The two loads run with the 5-year retention
of leavers, as a server does by default: the demo is dated 2015, so each load anonymises its
leavers with a token drawn for that load, the data differ and the read model is computed again;
then again with the retention off (as ``make run`` loads the demo): a reload takes over the read
model of the unchanged data (etl.publish.read_model).

    python bench/load_bench.py [--rows 1000000] [--repeat 3] [--demo-scale 10]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from etl.publish.load import PROTECTIONS, READ_MODEL, load  # noqa: E402

TABLES = ("staff", "sessions", "attendance", "contributions")


def generate(folder: Path, rows: int) -> None:
    """staff, sessions, attendance (`rows` rows) and contributions, in the contract's format."""
    people, sessions = max(rows // 20, 100), max(rows // 200, 10)
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT 'P' || lpad(i::VARCHAR, 7, '0') AS person_id, 'Nom' || i AS last_name,
        CASE i % 3 WHEN 0 THEN 'Ville' WHEN 1 THEN 'Agglo' ELSE 'CIAS' END AS organisation,
        'Direction ' || (i % 40) AS direction, CASE WHEN i % 7 = 0 THEN 'Oui' ELSE 'Non' END AS is_manager,
        strftime(DATE '2000-01-01' + (i % 5000)::INTEGER, '%d/%m/%Y') AS hire_date
        FROM range({people}) t(i)) TO '{folder}/staff.csv' (DELIMITER ';', HEADER)""")
    con.execute(f"""COPY (SELECT 'S' || i AS session_id, 'Formation' AS kind, 'Session ' || i AS title,
        strftime(DATE '2012-01-01' + (i % 2000)::INTEGER, '%d/%m/%Y') AS date, '2,5' AS duration_hours
        FROM range({sessions}) t(i)) TO '{folder}/sessions.csv' (DELIMITER ';', HEADER)""")
    con.execute(f"""COPY (SELECT 'S' || (i % {sessions}) AS session_id,
        'P' || lpad((((i // {sessions}) * 7919 + i % {sessions}) % {people})::VARCHAR, 7, '0') AS person_id,
        CASE WHEN i % 5 = 0 THEN 'absent' ELSE 'présent' END AS status, NULL AS hours
        FROM range({rows}) t(i)) TO '{folder}/attendance.csv' (DELIMITER ';', HEADER)""")
    con.execute(f"""COPY (SELECT 'P' || lpad((i % {people})::VARCHAR, 7, '0') AS person_id,
        strftime(DATE '2013-01-01' + (i % 1500)::INTEGER, '%Y-%m-%d') AS date, '1,5' AS hours
        FROM range({rows // 10}) t(i)) TO '{folder}/contributions.csv' (DELIMITER ';', HEADER)""")
    con.close()


def bare_duckdb(folder: Path, work: Path) -> None:
    con = duckdb.connect(str(work / "bare.duckdb"))
    for t in TABLES:
        con.execute(f"CREATE OR REPLACE TABLE {t} AS SELECT * FROM read_csv(?)", [str(folder / f"{t}.csv")])
    con.close()


def pandas_sqlite(folder: Path, work: Path) -> None:
    con = sqlite3.connect(work / "pandas.sqlite")
    for t in TABLES:
        pd.read_csv(folder / f"{t}.csv", sep=";").to_sql(t, con, if_exists="replace", index=False)
    con.close()


class Phases:
    """A load's progress callback noting when its phases start: the tables (read, validated, staged),
    the surveys' protections, the read model (etl.publish.load's Progress)."""

    def __init__(self):
        self.start = time.perf_counter()
        self.at: dict[str, float] = {}

    def __call__(self, name: str, count) -> None:
        if count is None and name in (PROTECTIONS, READ_MODEL):
            self.at[name] = time.perf_counter()

    def seconds(self) -> dict[str, float]:
        """Each phase's wall seconds; the last one, from the read model's start to now, holds the publish
        (the rename, the kept version's copy) too."""
        protections, read_model = self.at[PROTECTIONS], self.at[READ_MODEL]
        return {
            "tables": protections - self.start,
            "protections": read_model - protections,
            "read model, publish": time.perf_counter() - read_model,
        }


LAST: dict[str, float] = {}  # the phases of cadran's last run


def cadran(folder: Path, work: Path) -> None:
    phases = Phases()
    result = load(folder, work / "cadran.duckdb", phases)
    LAST.update(phases.seconds())
    assert result.tables["attendance"].rejected == 0, "the benchmark source should load cleanly"


def bare_csvs(folder: Path, work: Path) -> None:
    """DuckDB's bare read_csv of every CSV file of ``folder`` (the demo's xlsx left out)."""
    con = duckdb.connect(str(work / "bare-demo.duckdb"))
    for path in sorted(folder.glob("*.csv")):
        # the demo's staff file is in Windows-1252, as HR exports it: read as latin-1, its
        # encoding told to DuckDB (no second read to find it)
        encoding = "utf-8" if _utf8(path) else "latin-1"
        con.execute(
            f"CREATE OR REPLACE TABLE {path.stem} AS SELECT * FROM read_csv(?, encoding = ?)",
            [str(path), encoding],
        )
    con.close()


def _utf8(path: Path) -> bool:
    head = path.read_bytes()[:65536]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > len(head) - 4  # a character cut at the end of the sample
    return True


# run in a fresh interpreter: the step's own wall seconds and what it tells, as JSON on its last line
CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from bench.load_bench import Phases, bare_csvs
from etl.publish.load import load
from pathlib import Path
folder, work, db = Path({folder!r}), Path({work!r}), Path({db!r})
start = time.perf_counter()
told = {{}}
{step}
# this process's own peak (VmHWM): ru_maxrss would count the parent's memory at the fork
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("\\n" + json.dumps({{"wall": time.perf_counter() - start, "peak_kb": peak, **told}}))
"""
LOADED = (
    "phases = Phases(); r = load(folder, db, phases, keep=False); "
    "told.update(phases=phases.seconds(), surveys=[r.surveys_computed, r.surveys], "
    "reads=[r.reads_computed, r.reads], taken_over=len(r.tables_taken_over), staged=len(r.tables), "
    "not_read=len(r.tables_not_read))"
)


@dataclass
class Step:
    """One step run in its own process: its wall seconds (the step alone, without the interpreter's
    start), its CPU seconds and its peak resident memory (the whole process: Python, pandas, DuckDB)."""

    wall: float
    cpu: float
    peak_mb: float
    told: dict


def in_child(step: str, folder: Path, work: Path, db: Path, env: dict[str, str] | None = None) -> Step:
    """``step`` (Python, with ``folder``, ``work``, ``db``) in a child process, with ``env`` added
    to its environment: its CPU time as the kernel counted it (os.wait4), its peak resident set as
    it read it (VmHWM)."""
    code = CHILD.format(root=str(ROOT), folder=str(folder), work=str(work), db=str(db), step=step)
    child_env = {**os.environ, **(env or {})}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=child_env)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"benchmark step failed ({proc.returncode}): {step}")
    told = json.loads(out.strip().splitlines()[-1])
    return Step(told.pop("wall"), usage.ru_utime + usage.ru_stime, told.pop("peak_kb") / 1024, told)


LOAD_MEMORY_CAP_MB = 600  # the load at 100x, whole process


def demo_reload(scale: int, work: Path) -> None:
    """The demo at ``scale``: first load, reload of the same files, bare read, as ratios, each in its
    own process (wall, CPU, peak memory)."""
    folder = work / "demo"
    generator = ROOT / "data" / "demo" / "generate.py"
    subprocess.run(
        [sys.executable, str(generator), "--scale", str(scale), "--out", str(folder)],
        check=True,
        capture_output=True,
    )
    db = work / "demo.duckdb"
    bare = in_child("bare_csvs(folder, work)", folder, work, db)
    first = in_child(LOADED, folder, work, db)
    again = in_child(LOADED, folder, work, db)
    off, kept = {"CADRAN_RETENTION_YEARS": "off"}, work / "demo-retention-off.duckdb"
    first_off = in_child(LOADED, folder, work, kept, off)
    again_off = in_child(LOADED, folder, work, kept, off)
    print(f"demo x{scale}, each step in its own process: wall s, x the bare read; CPU s; peak memory")
    print(
        "| step | wall | × bare read | CPU | peak memory | tables taken over (files not read) | surveys protected | reads computed "
        "| tables / protections / read model and publish |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, step, target in (
        ("bare read_csv (baseline)", bare, None),
        ("first load", first, 4.0),
        ("reload, same files", again, 2.5),
        ("first load, retention off", first_off, 4.0),
        ("reload, same files, retention off", again_off, 2.5),
    ):
        ratio = step.wall / bare.wall
        over = target is not None and ratio > target
        heavy = target is not None and step.peak_mb > LOAD_MEMORY_CAP_MB
        computed = "{} of {}".format(*step.told["surveys"]) if "surveys" in step.told else ""
        reads = "{} of {}".format(*step.told["reads"]) if "reads" in step.told else ""
        taken = (
            "{taken_over} of {staged} ({not_read} not read)".format(**step.told)
            if "staged" in step.told
            else ""
        )
        phases = " / ".join(f"{v:.1f} s" for v in step.told.get("phases", {}).values())
        print(
            f"| {name} | {step.wall:.1f} s | {ratio:.2f}×{f' (target ≤ {target}×)' if target else ''}"
            f"{' **over**' if over else ''} | {step.cpu:.1f} s | {step.peak_mb:.0f} MB"
            f"{' **over 600 MB**' if heavy else ''} | {taken} | {computed} | {reads} | {phases} |"
        )


def timed(fn, *args, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000, help="attendance rows")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--demo-scale", type=int, default=10, help="the demo's scale for the reload (0: none)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, work = Path(tmp) / "source", Path(tmp)
        folder.mkdir()
        generate(folder, args.rows)
        print(
            f"source: {args.rows:,} attendance rows, {sum(f.stat().st_size for f in folder.iterdir()) / 1e6:.0f} MB"
        )
        bare = timed(bare_duckdb, folder, work, repeat=args.repeat)
        ours = timed(cadran, folder, work, repeat=args.repeat)
        slow = timed(pandas_sqlite, folder, work, repeat=1)
    print(f"duckdb bare read_csv        {bare:7.2f} s   (baseline)")
    print(f"cadran validated load       {ours:7.2f} s   {ours / bare:5.2f}x the bare read")
    tables = LAST["tables"] + LAST["protections"]
    print(
        f"  last run: the tables        {tables:7.2f} s   {tables / bare:5.2f}x the bare read   (target <= 3x)"
    )
    print(
        f"  then read model and publish {LAST['read model, publish']:6.2f} s   (the pages' default reads, etl.publish.read_model)"
    )
    print(
        f"pandas read_csv + to_sql    {slow:7.2f} s   {slow / tables:5.2f}x slower than cadran's tables (target > 5x)"
    )
    if args.demo_scale:
        with tempfile.TemporaryDirectory() as tmp:
            demo_reload(args.demo_scale, Path(tmp))


if __name__ == "__main__":
    main()
