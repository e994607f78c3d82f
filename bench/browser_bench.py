#!/usr/bin/env python3
"""Browser benchmark: from a click in the navigation to the page fully drawn, in headless Chromium.

Usage::

    python bench/browser_bench.py [--scale 100] [--runs 3] [--source DIR] [--only demo|big]
                                  [--pages overview,actions,...] [--db PATH]

The demo source and a source ``--scale`` times larger (``data/demo/generate.py --scale N --out
TMP``, unless ``--source`` names one already generated) are each loaded by the real loader into
a temporary folder and served by ``streamlit run dashboard.py`` on a free port of 127.0.0.1.
"Fully drawn" is: the title of the page clicked is shown, the script has stopped, nothing is
loading and every plotly chart has drawn its SVG. For each page it prints, in seconds and as a
ratio to the same navigation to an empty page (measured in the same run, same server):

- cold: the first visit of the page on a fresh server (empty Streamlit cache: the queries run);
- warm: the median of ``--runs`` later visits (the reads are cached: layout and drawing);
- filter: choosing an organisation in the sidebar on that page (new reads, then drawing).

``--db PATH`` serves a database already loaded (say the ``/tmp/big100.duckdb`` of an earlier run)
as the big one instead of generating and loading a source: the load of 100× takes minutes (the
surveys' small-group protections alone about five). The database is only read.

``--pages`` measures only the pages named by their URL path (``overview`` for the default page,
which answers at ``/``): a page whose cold visit takes minutes need not hold up the others.

The empty page is registered only when ``CADRAN_BENCH_EMPTY_PAGE=1`` (dashboard.py). Targets at
every scale: cold within 6×, warm within 3× (and under 1 s), a filter change within 4× the empty
page; the server's peak resident memory (VmHWM) under 400 MB. Wall-clock figures are for this
report only; no test asserts them.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo" / "source"
CHROMIUM = os.environ.get("CADRAN_CHROMIUM", "/usr/bin/chromium")
EMPTY = "bench-empty"
DRAWN_JS = """title => {
    const h1 = document.querySelector('h1');
    if (!h1 || h1.innerText.trim() !== title) return false;
    if (!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')) return false;
    if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stStatusWidget"]')) return false;
    const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    const drawn = [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullLayout && p.querySelector('.main-svg'));
    return drawn.length >= charts.length;
}"""
# the organisation chosen in the sidebar has reached the server: its rerun is running, or has already
# written the filters into the address (a quick rerun can start and end between two frames)
CHOSEN_JS = """organisation => !!document.querySelector('[data-testid="stApp"][data-test-script-state="running"]')
    || new URLSearchParams(location.search).get('organisation') === organisation"""
# back to every organisation: the address no longer names one
WHOLE_JS = "() => !new URLSearchParams(location.search).has('organisation')"
WARM_TARGET = 1.0  # seconds
RATIOS = {"cold": 6.0, "warm": 3.0, "filter": 4.0}  # × the empty page, at every scale
SERVER_MEMORY_CAP_MB = 400  # the server's peak resident memory while the pages are read
DEFAULT_PAGE = "overview"  # dashboard.DEFAULT: its link is the root URL
TIMEOUT_MS = 120_000  # --timeout: how long one page may take to draw (a cold page at 100× may take minutes)


def quiet(command: list[str]) -> None:
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = {
        **os.environ,
        "CADRAN_DB": str(db),
        "PYTHONPATH": str(ROOT),
        "CADRAN_BENCH_EMPTY_PAGE": "1",
        "CADRAN_LOCAL": "1",
    }
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    sys.exit(f"streamlit did not start:\n{log.read_text()}")


def click(tab, href: str, title: str) -> float:
    """Seconds from a click on the navigation link ``href`` to the page ``title`` fully drawn."""
    link = tab.locator(f'[data-testid="stSidebarNav"] a[href="{href}"]')
    start = time.perf_counter()
    link.click()
    tab.wait_for_function(DRAWN_JS, arg=title, polling="raf", timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def _option(tab, name: str):
    """The organisation box's option ``name``, its list open and filtered by the typed name: clicked
    once there, where an Enter pressed before the list has filtered would choose nothing."""
    box = tab.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(2)
    box.locator("input").click()
    tab.keyboard.type(name)
    option = tab.get_by_role("option", name=name, exact=True)
    option.wait_for(timeout=TIMEOUT_MS)
    return option


def pick_organisation(tab, organisation: str, title: str) -> float:
    """Seconds from choosing ``organisation`` in the sidebar to the page redrawn."""
    option = _option(tab, organisation)
    start = time.perf_counter()
    option.click()
    tab.wait_for_function(CHOSEN_JS, arg=organisation, polling="raf", timeout=10_000)
    tab.wait_for_function(DRAWN_JS, arg=title, polling="raf", timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def reset_organisation(tab, title: str) -> None:
    _option(tab, "Toutes").click()
    tab.wait_for_function(WHOLE_JS, polling="raf", timeout=TIMEOUT_MS)
    tab.wait_for_function(DRAWN_JS, arg=title, polling="raf", timeout=TIMEOUT_MS)


def page_name(href: str) -> str:
    """A navigation link's page as ``--pages`` names it: the last segment of its URL path."""
    return urllib.parse.urlparse(href).path.strip("/").rsplit("/", 1)[-1] or DEFAULT_PAGE


def measure(browser, url: str, runs: int, organisation: str, only: set[str] | None = None) -> dict:
    """page title -> {cold, warm, filter} seconds, plus the empty page's navigation as ``empty``;
    ``only``: the pages to measure (names as ``page_name``), None for every page."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    # a fresh server's first request on a page's URL goes through Streamlit's legacy pages/ mode,
    # which knows only the files of pages/: land on one (the Data page, whose cold figure is then
    # partly warm), never on the empty page
    tab.goto(f"{url}/data")
    tab.locator("h1").first.wait_for(timeout=TIMEOUT_MS)
    tab.wait_for_function(
        DRAWN_JS, arg=tab.locator("h1").first.inner_text().strip(), polling="raf", timeout=TIMEOUT_MS
    )
    links = tab.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    links.first.wait_for()
    nav = [(a.inner_text().strip().splitlines()[-1], a.get_attribute("href")) for a in links.all()]
    empty = next((t, h) for t, h in nav if h.rstrip("/").endswith(EMPTY))
    pages = [(t, h) for t, h in nav if (t, h) != empty and (not only or page_name(h) in only)]
    out, empties = {}, []
    for title, href in pages:  # cold: each page's first visit on this server, from the empty page
        cold = click(tab, href, title)
        empties.append(click(tab, empty[1], empty[0]))
        out[title] = {"cold": cold}
    for title, href in pages:
        warm = []
        for _ in range(runs):
            warm.append(click(tab, href, title))
            empties.append(click(tab, empty[1], empty[0]))
        out[title]["warm"] = statistics.median(warm)
        click(tab, href, title)
        out[title]["filter"] = pick_organisation(tab, organisation, title)
        reset_organisation(tab, title)
        empties.append(click(tab, empty[1], empty[0]))
    context.close()
    return {"pages": out, "empty": statistics.median(empties)}


def peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def report(name: str, figures: dict) -> bool:
    empty = figures["empty"]
    print(f"\n{name}: navigation to the empty page {empty:.3f} s (median); seconds and × the empty page")
    print(
        f"targets: cold ≤ {RATIOS['cold']}×, warm ≤ {RATIOS['warm']}× and ≤ {WARM_TARGET} s, filter ≤ {RATIOS['filter']}×"
    )
    print("| page | cold | warm | filter change |")
    print("|---|---|---|---|")
    ok = True
    for title, f in figures["pages"].items():
        cells = []
        for kind in ("cold", "warm", "filter"):
            over = f[kind] > RATIOS[kind] * empty or (kind == "warm" and f[kind] > WARM_TARGET)
            ok = ok and not over
            cells.append(f"{f[kind]:.2f} s ({f[kind] / empty:.1f}×){' **over**' if over else ''}")
        print(f"| {title} | {' | '.join(cells)} |")
    heavy = figures["peak_mb"] > SERVER_MEMORY_CAP_MB
    print(
        f"server's peak memory over these reads: {figures['peak_mb']:.0f} MB"
        f"{f' **over {SERVER_MEMORY_CAP_MB} MB**' if heavy else ''}"
    )
    return ok and not heavy


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--source", type=Path, help="a big source already generated")
    ap.add_argument("--db", type=Path, help="a big database already loaded: served as it is, not loaded")
    ap.add_argument("--only", choices=["demo", "big"])
    ap.add_argument("--pages", help="comma-separated pages to measure, by URL path (default: every page)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds one page may take to draw (120)")
    args = ap.parse_args()
    global TIMEOUT_MS
    TIMEOUT_MS = args.timeout * 1000
    only = set(args.pages.split(",")) if args.pages else None
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="cadran-browser-bench-") as tmp:
        tmp = Path(tmp)
        sources = {"demo": DEMO}
        if args.only != "demo":
            big = args.db or args.source
            if big is None:
                big = tmp / "big-source"
                print(f"generating the {args.scale}× source…", flush=True)
                quiet(
                    [
                        sys.executable,
                        str(ROOT / "data/demo/generate.py"),
                        "--scale",
                        str(args.scale),
                        "--out",
                        str(big),
                    ]
                )
            sources[f"{args.scale}×"] = big
        if args.only == "big":
            sources.pop("demo")
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for name, source in sources.items():
                db = tmp / f"{name}.duckdb"
                if name != "demo" and args.db:
                    db = args.db
                else:
                    print(f"loading {name}…", flush=True)
                    quiet([sys.executable, "-m", "etl", "load", str(source), "--db", str(db)])
                proc, url = serve(db, tmp / f"{name}.log")
                try:
                    results[name] = measure(browser, url, args.runs, "Ville d'Orléans", only)
                    results[name]["peak_mb"] = peak_mb(proc.pid)
                finally:
                    proc.terminate()
                    proc.wait(timeout=20)
            browser.close()
    ok = all([report(name, figures) for name, figures in results.items()])
    print("\nall pages within target" if ok else "\nsome pages over target (see above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
