"""Load benchmark: Cadran's validated load against DuckDB's bare read_csv and pandas + SQLite.

Generates a source with 1 000 000 attendance rows (the same files for all three), times each
in this process, and prints the ratios. Targets: the validated load within 3x of the bare read,
and over 5x faster than pandas read_csv + to_sql into SQLite.

Then the demo at ``--demo-scale`` (surveys included): its first load (every survey protected), a
reload of the same files (every protection reused from the published file) and a bare read_csv of
its CSV files, as ratios.

    python bench/load_bench.py [--rows 1000000] [--repeat 3] [--demo-scale 10]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from etl.publish.load import load  # noqa: E402

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


def cadran(folder: Path, work: Path) -> None:
    result = load(folder, work / "cadran.duckdb")
    assert result.tables["attendance"].rejected == 0, "the benchmark source should load cleanly"


def bare_csvs(folder: Path, work: Path) -> None:
    """DuckDB's bare read_csv of every CSV file of ``folder`` (the demo's xlsx left out)."""
    con = duckdb.connect(str(work / "bare-demo.duckdb"))
    for path in sorted(folder.glob("*.csv")):
        con.execute(f"CREATE OR REPLACE TABLE {path.stem} AS SELECT * FROM read_csv(?)", [str(path)])
    con.close()


def demo_reload(scale: int, work: Path) -> None:
    """The demo at ``scale``: first load, reload of the same files, bare read, as ratios."""
    folder = work / "demo"
    generator = Path(__file__).resolve().parent.parent / "data" / "demo" / "generate.py"
    subprocess.run(
        [sys.executable, str(generator), "--scale", str(scale), "--out", str(folder)],
        check=True,
        capture_output=True,
    )
    db = work / "demo.duckdb"
    bare = timed(bare_csvs, folder, work, repeat=1)
    start = time.perf_counter()
    first = load(folder, db, keep=False)
    first_s = time.perf_counter() - start
    start = time.perf_counter()
    again = load(folder, db, keep=False)
    again_s = time.perf_counter() - start
    print(f"demo x{scale}: bare read_csv {bare:7.2f} s   (baseline)")
    print(
        f"  first load   {first_s:7.2f} s   {first_s / bare:5.2f}x   ({first.surveys_computed} of {first.surveys} surveys protected)"
    )
    print(
        f"  reload       {again_s:7.2f} s   {again_s / bare:5.2f}x   ({again.surveys_computed} of {again.surveys} protected again)"
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
    print(f"cadran validated load       {ours:7.2f} s   {ours / bare:5.2f}x the bare read   (target <= 3x)")
    print(f"pandas read_csv + to_sql    {slow:7.2f} s   {slow / ours:5.2f}x slower than cadran (target > 5x)")
    if args.demo_scale:
        with tempfile.TemporaryDirectory() as tmp:
            demo_reload(args.demo_scale, Path(tmp))


if __name__ == "__main__":
    main()
