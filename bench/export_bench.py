#!/usr/bin/env python3
"""Export benchmark: the Excel summary and the deck on a source N times the demo, against a plain
pandas ``to_excel`` (openpyxl) of the same tables, measured in the same run.

Usage::

    python bench/export_bench.py [--scale 100] [--runs 3] [--source DIR | --db FILE] [--as-of D]

The big source is written by ``data/demo/generate.py --scale N`` (about 20 s at 100×) unless
``--source`` gives one, and loaded by the real loader (``python -m etl load``); ``--db`` reuses a
loaded one. Medians of ``--runs`` runs, in seconds:

- read: the headline and every table of the summary (etl.model.kpis, etl.model.breakdowns, etl.model.survey_results…);
- summary: ``etl.documents.excel.summary_workbook`` end to end (read + formatted xlsxwriter workbook, charts);
- plain: the same read + ``DataFrame.to_excel`` of the same frames with openpyxl, no formatting;
- formatted write / plain write: the writing parts alone, on frames already read;
- deck: ``etl.documents.deck.deck`` end to end (its specs read the database too).

Targets: summary under 10 s at 100×, and no slower than plain (ratio ≤ 1). Never run by the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SUMMARY_S = 10.0


def quiet(command: list[str]) -> None:
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")


CPU: dict[str, list[float]] = {}  # step -> CPU seconds of this process (every thread), per run


def timed(fn, *args, step: str = "") -> tuple[float, object]:
    """Wall seconds of ``fn(*args)`` and its result; its CPU seconds are kept in CPU[step]."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    CPU.setdefault(step, []).append(time.process_time() - cpu)
    return time.perf_counter() - start, result


def read_all(con, scope):
    from etl.documents import summary_sheets
    from etl.documents.scope import source_line
    from etl.model.kpis import headline

    figures = headline(con, scope.as_of, scope.organisation, scope.direction)
    return figures, summary_sheets.tables(con, scope), source_line(con, scope.lang)


def plain_dump(figures: dict, sheets) -> bytes:
    """The same tables written the plain way: pandas to_excel with openpyxl, one sheet each."""
    import pandas as pd

    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        pd.DataFrame([figures]).to_excel(writer, sheet_name="headline", index=False)
        for i, table in enumerate(sheets):
            table.frame[list(table.columns)].to_excel(writer, sheet_name=f"t{i}", index=False)
    return out.getvalue()


def measure(db: Path, as_of: dt.date, runs: int) -> dict[str, float]:
    from etl.documents import deck, excel
    from etl.documents.scope import Scope
    from etl.store.db import connect_ro

    scope = Scope(as_of)
    samples: dict[str, list[float]] = {
        k: [] for k in ("read", "summary", "plain", "fwrite", "pwrite", "deck")
    }
    with connect_ro(db) as con:
        # warm DuckDB's caches once, for every variant alike; the first read also pays the survey
        # protections (etl.model.survey_results keeps them per published file and version, in this process)
        t_first, _ = timed(read_all, con, scope, step="first")
        print(f"  first read in this process: {t_first:.1f} s (survey protections included)", flush=True)
        for run in range(runs):
            t_read, (figures, sheets, source) = timed(read_all, con, scope, step="read")
            t_fwrite, _ = timed(excel.render_summary, figures, sheets, scope, source, step="fwrite")
            t_pwrite, _ = timed(plain_dump, figures, sheets, step="pwrite")
            t_summary, book = timed(excel.summary_workbook, con, scope, step="summary")
            t_plain, _ = timed(lambda: plain_dump(*read_all(con, scope)[:2]), step="plain")
            t_deck, pptx = timed(deck.deck, con, scope, step="deck")
            for key, value in zip(
                samples, (t_read, t_summary, t_plain, t_fwrite, t_pwrite, t_deck), strict=True
            ):
                samples[key].append(value)
            print(
                f"  run {run + 1}: summary {t_summary:.2f} s, plain {t_plain:.2f} s, deck {t_deck:.2f} s "
                f"({len(book) // 1024} KiB xlsx, {len(pptx) // 1024} KiB pptx)",
                flush=True,
            )
    return {k: statistics.median(v) for k, v in samples.items()}


def report(m: dict[str, float], scale: int) -> bool:
    ok = m["summary"] < TARGET_SUMMARY_S and m["summary"] <= m["plain"]
    cpu = {k: statistics.median(v) for k, v in CPU.items() if k}
    rows = [
        ("read (headline + tables)", "read", None),
        ("summary, formatted (xlsxwriter)", "summary", "plain"),
        ("plain dump (pandas to_excel, openpyxl)", "plain", "plain"),
        ("formatted write only", "fwrite", "pwrite"),
        ("plain write only", "pwrite", "pwrite"),
        ("deck (python-pptx)", "deck", "plain"),
    ]
    print(
        f"\nmedian seconds at {scale}× the demo (CPU: this process, all threads; wall > CPU = waiting for a core)"
    )
    print("| step | wall s | CPU s | wall ratio |")
    print("|---|---|---|---|")
    for label, key, base in rows:
        ratio = f"{m[key] / m[base]:.2f}× {base}" if base else ""
        print(f"| {label} | {m[key]:.2f} | {cpu.get(key, float('nan')):.2f} | {ratio} |")
    print(
        f"\ntarget: summary under {TARGET_SUMMARY_S:g} s and no slower than the plain dump: "
        + ("met" if ok else "NOT met")
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100, help="size of the source, in demos (100)")
    parser.add_argument("--runs", type=int, default=3, help="runs (3)")
    parser.add_argument("--source", type=Path, help="an already generated source folder")
    parser.add_argument("--db", type=Path, help="an already loaded database")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2015, 6, 30))
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="cadran-export-bench-") as tmp:
        db = args.db
        if db is None:
            source = args.source
            if source is None:
                source = Path(tmp) / "source"
                print(f"generating {args.scale}× the demo…", flush=True)
                quiet(
                    [
                        sys.executable,
                        str(ROOT / "data/demo/generate.py"),
                        "--scale",
                        str(args.scale),
                        "--out",
                        str(source),
                    ]
                )
            db = Path(tmp) / "big.duckdb"
            print("loading…", flush=True)
            quiet([sys.executable, "-m", "etl", "load", str(source), "--db", str(db)])
        return 0 if report(measure(db, args.as_of, args.runs), args.scale) else 1


if __name__ == "__main__":
    sys.exit(main())
