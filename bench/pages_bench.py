#!/usr/bin/env python3
"""Pages benchmark: every page's script (AppTest) on the demo data and on a source N times larger.

Usage::

    python bench/pages_bench.py [--scale 100] [--runs 5] [--source DIR] [--pages overview,actions,...]

Both sources are loaded by the real loader (``python -m etl load``) into a temporary
folder; the big one is first written by ``data/demo/generate.py --scale N`` (about 20 s at
100×) unless ``--source`` gives one already generated. For each page it prints:

- cold: the first run of that page on that database (new session, empty Streamlit cache);
- warm: the median of ``--runs`` later runs, the cache cleared before each (the queries run);
- cached: the median of reruns that hit ``st.cache_data`` (layout only);

then big/demo ratios of the warm times. ``--pages`` measures only the pages named (file stems). Targets: warm and cold under 1 s on the demo,
under 2 s at 100×. A run is ``dashboard.py`` (router and sidebar) plus the page, as a
server does on the first request to a page's URL. Never run by the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo" / "source"
TARGETS = {"demo": 1.0, "big": 2.0}


def quiet(command: list[str]) -> None:
    """Run ``command`` in the repository; its output only when it fails."""
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")


def load(source: Path, db: Path) -> None:
    quiet([sys.executable, "-m", "etl", "load", str(source), "--db", str(db)])


def generate(scale: int, out: Path) -> None:
    quiet(
        [
            sys.executable,
            str(ROOT / "data" / "demo" / "generate.py"),
            "--scale",
            str(scale),
            "--out",
            str(out),
        ]
    )


def page_files() -> list[str]:
    """Every page the router serves the local user (an admin: every page, the slideshow too), as
    AppTest paths (``pages/x.py``), from ui.auth's list of pages by role (no framework internals);
    one run of dashboard.py first, which also warms the imports."""
    from streamlit.testing.v1 import AppTest

    from ui import auth

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).run()
    assert not at.exception, at.exception
    return auth.pages_for("admin")


def run_page(page: str, clear: bool) -> float:
    """Seconds for one run of dashboard.py on ``page`` in a new session."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    if clear:
        st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.switch_page(page)
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    assert not at.exception, f"{page}: {at.exception}"
    return elapsed


def measure(db: Path, pages: list[str], runs: int) -> dict[str, dict[str, float]]:
    """page -> {cold, warm, cached} seconds on ``db``."""
    import streamlit as st

    os.environ["CADRAN_DB"] = str(db)
    st.cache_data.clear()
    out = {}
    for page in pages:
        cold = run_page(page, clear=True)
        warm = statistics.median(run_page(page, clear=True) for _ in range(runs))
        run_page(page, clear=True)
        cached = statistics.median(run_page(page, clear=False) for _ in range(runs))
        out[page] = {"cold": cold, "warm": warm, "cached": cached}
        print(f"  {page:28s} cold {cold:6.3f} s  warm {warm:6.3f} s  cached {cached:6.3f} s", flush=True)
    return out


def report(demo: dict, big: dict, scale: int) -> bool:
    """Print the table; True when every page meets its targets (cold and warm)."""
    print(f"\nseconds per page (dashboard.py + page, one session); big = demo × {scale}")
    head = "| page | demo cold | demo warm | demo cached | big cold | big warm | big cached | big/demo warm |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    ok = True
    for page in demo:
        d, b = demo[page], big[page]
        slow_d = max(d["cold"], d["warm"]) > TARGETS["demo"]
        slow_b = max(b["cold"], b["warm"]) > TARGETS["big"]
        ok = ok and not (slow_d or slow_b)
        mark = " **over target**" if slow_d or slow_b else ""
        print(
            f"| {Path(page).stem} | {d['cold']:.2f} | {d['warm']:.2f} | {d['cached']:.2f} | "
            f"{b['cold']:.2f} | {b['warm']:.2f} | {b['cached']:.2f} | "
            f"{b['warm'] / d['warm']:.1f}×{mark} |"
        )
    print(
        f"\ntargets: under {TARGETS['demo']:g} s on the demo, under {TARGETS['big']:g} s at {scale}×: "
        + ("met" if ok else "NOT met")
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100, help="size of the big source, in demos (100)")
    parser.add_argument("--runs", type=int, default=5, help="warm runs per page and database (5)")
    parser.add_argument("--source", type=Path, help="an already generated big source folder")
    parser.add_argument("--pages", help="pages to measure, by file stem: overview,actions (all)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import streamlit.config
    import streamlit.logger

    # AppTest outside a server warns at every run; the option too, or a run resets the level
    streamlit.config.set_option("logger.level", "error")
    streamlit.logger.set_log_level("error")

    with tempfile.TemporaryDirectory(prefix="cadran-pages-bench-") as tmp:
        tmp = Path(tmp)
        demo_db, big_db = tmp / "demo.duckdb", tmp / "big.duckdb"
        load(DEMO, demo_db)
        source = args.source
        if source is None:
            source = tmp / f"source-x{args.scale}"
            start = time.perf_counter()
            generate(args.scale, source)
            print(f"generated the ×{args.scale} source in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        load(source, big_db)
        print(f"loaded {source} in {time.perf_counter() - start:.1f} s")

        os.environ["CADRAN_DB"] = str(demo_db)
        os.environ["CADRAN_LOCAL"] = "1"  # every page, as make run serves them without accounts
        start = time.perf_counter()
        pages = page_files()
        if args.pages:
            pages = [p for p in pages if Path(p).stem in args.pages.split(",")]
        print(f"first run of the process (imports included): {time.perf_counter() - start:.2f} s")
        print("demo:")
        demo = measure(demo_db, pages, args.runs)
        print(f"×{args.scale}:")
        big = measure(big_db, pages, args.runs)
    report(demo, big, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
