"""Browser test: the real server on loopback, driven in headless Chromium through every page.

The demo source is loaded by the real loader into tmp_path, ``streamlit run dashboard.py``
serves it on a free port of 127.0.0.1, and Playwright (Debian's ``chromium``, never a
downloaded browser) opens every page of the sidebar navigation. A full-page screenshot of
each is kept in ``tests/artifacts/``. Run alone with ``make e2e``.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from etl.model import queries
from etl.store.db import connect_ro
from etl.text.i18n import T
from tests.loads import load_db

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo" / "source"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path(os.environ.get("CADRAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
TIMEOUT_MS = 20_000
FRENCH_TITLES = {fr for key, (fr, _) in T.items() if key.startswith("page.")}
PERCENT = re.compile(r"^\d+(,\d+)?\s?%$")  # "41,7 %" (narrow no-break space included in \s)
# A page is done when its script has stopped, nothing is loading and the status widget is gone.
READY_JS = """() => !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-testid="stStatusWidget"]')"""


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory) -> Path:
    """The demo source, loaded by the real loader into a fresh database (tests/loads.py)."""
    return load_db(tmp_path_factory.mktemp("browser") / "cadran.duckdb", DEMO)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(browser_db, tmp_path_factory):
    """The base URL of `streamlit run dashboard.py` on 127.0.0.1, terminated at the end of the module."""
    yield from _serve(browser_db, tmp_path_factory)


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory):
    """The same server before any load: its database does not exist."""
    yield from _serve(tmp_path_factory.mktemp("empty") / "cadran.duckdb", tmp_path_factory)


def _serve(db: Path, tmp_path_factory):
    port = _free_port()
    log_path = tmp_path_factory.mktemp("server") / "streamlit.log"
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
        # colleagues edit pages/ while tests run: a file change must not prompt a rerun mid-test
        "--server.fileWatcherType",
        "none",
    ]
    env = {**os.environ, "CADRAN_DB": str(db), "PYTHONPATH": str(ROOT)}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(proc, url, log_path)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_healthy(proc: subprocess.Popen, url: str, log_path: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit did not answer on {url} within {timeout} s:\n{log_path.read_text()}")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright; a missing browser fails the test, it never skips it."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make browser` (scripts/install-chromium.sh) "
            "or set CADRAN_CHROMIUM to a Chromium executable.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            _KEPT.pop(id(browser), None)
            browser.close()


# The tab of each locale a module's browser keeps for its tests. A new context's first page costs
# Chromium ~2.5 s more than a page opened in a tab that has opened one (its scripts compiled again,
# its fonts and styles read again): the surveys page 3.9 s in a new context, 1.3 s in the kept tab.
_KEPT: dict[int, dict[str, Page]] = {}


def kept_tab(browser, viewport: dict, locale: str = "fr-FR", timeout: int = TIMEOUT_MS) -> Page:
    """A blank tab at ``viewport`` for one test: the one ``browser`` keeps for ``locale`` (opened in
    a new context the first time), as a new context would give it: no cookie, no storage, no page.
    Give it back with ``release``."""
    tabs = _KEPT.setdefault(id(browser), {})
    if locale not in tabs or tabs[locale].is_closed():
        tabs[locale] = browser.new_context(viewport=viewport, locale=locale).new_page()
    tab = tabs[locale]
    tab.set_viewport_size(viewport)
    tab.set_default_timeout(timeout)
    return tab


def release(tab: Page) -> None:
    """The tab a test is done with, left as the next test needs it: its storage emptied (Streamlit
    keeps the sidebar's width and state there), its cookies gone, on a blank page. A tab that cannot
    be (a page that no longer answers) is closed: the next test opens another."""
    try:
        if tab.url.startswith("http"):
            tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        tab.goto("about:blank")
        tab.context.clear_cookies()
    except PlaywrightError:
        tab.context.close()


@pytest.fixture
def page(browser, server):
    """A blank browser tab (French locale, kept_tab) on the dashboard's default page, ready."""
    tab = kept_tab(browser, VIEWPORT)
    try:
        tab.goto(server)
        wait_ready(tab)
        yield tab
    finally:
        release(tab)


def wait_ready(tab, title: str | None = None) -> None:
    """Wait for the page titled ``title`` (when given) to finish running and loading."""
    if title is not None:
        tab.locator("h1", has_text=title).first.wait_for()
    tab.wait_for_function(READY_JS, polling=100)


def problems(tab) -> list[str]:
    """Streamlit exceptions and error alerts shown on the page."""
    found = [f"exception: {text}" for text in tab.locator('[data-testid="stException"]').all_inner_texts()]
    errors = tab.locator('[data-testid="stAlertContentError"]').all_inner_texts()
    return found + [f"error: {text}" for text in errors]


def nav_links(tab) -> list[tuple[str, str]]:
    """(label, href) of every page in the sidebar navigation, in order."""
    links = tab.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    links.first.wait_for()
    # the link's text starts with its material icon's name ("dashboard\n\nVue d'ensemble")
    return [(link.inner_text().strip().splitlines()[-1], link.get_attribute("href")) for link in links.all()]


def figures(tab) -> dict[str, int]:
    """How many real figures the page shows: drawn plotly traces, metric values with digits, tables
    (canvas or HTML: a table of few rows whose texts wrap)."""
    return tab.evaluate(
        """() => ({
            charts: [...document.querySelectorAll('.js-plotly-plot')]
                .filter(p => (p.data || []).length > 0 && p.querySelector('.main-svg')).length,
            metrics: [...document.querySelectorAll('[data-testid="stMetricValue"]')]
                .filter(m => /\\d/.test(m.innerText)).length,
            tables: document.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stTable"]').length,
        })"""
    )


def metric(tab, label: str) -> str:
    """The value of the headline card labelled ``label``."""
    card = tab.locator('[data-testid="stMetric"]').filter(
        has=tab.locator('[data-testid="stMetricLabel"]', has_text=label)
    )
    return card.locator('[data-testid="stMetricValue"]').first.inner_text().strip()


def shown(box) -> str:
    """What a selectbox reads: its text, its input's value and its placeholder (when one shows)."""
    return box.evaluate(
        """e => e.textContent + ' ' + [...e.querySelectorAll('input')]
            .map(i => (i.value || '') + ' ' + (i.value ? '' : i.placeholder || '')).join(' ')"""
    )


def screenshot(tab, name: str) -> Path:
    """A full-page PNG in tests/artifacts/. Streamlit scrolls inside its main block, so the
    viewport is stretched to the content's height first."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = tab.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], section, body')]
            .map(e => e.scrollHeight))"""
    )
    tab.set_viewport_size(
        {"width": VIEWPORT["width"], "height": min(max(height, VIEWPORT["height"]), 12_000)}
    )
    tab.wait_for_function(READY_JS, polling=100)  # plotly re-lays out on resize
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size(VIEWPORT)
    return path


def slug(label: str) -> str:
    """``Vue d'ensemble`` -> ``vue-d-ensemble``: a screenshot's file name."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-")


def test_every_page_of_the_navigation(page):
    links = nav_links(page)
    # out of the nav: the slideshow, and the refusal a role meets at a page it may not open
    page_files = sorted(
        p for p in (ROOT / "pages").glob("*.py") if p.name not in ("presentation.py", "refused.py")
    )
    assert len(links) == len(page_files), f"navigation {[label for label, _ in links]} vs {page_files}"
    assert {label for label, _ in links} <= FRENCH_TITLES, "navigation labels are not the French titles"
    failures = {}
    for position, (label, href) in enumerate(links, 1):
        page.locator(f'[data-testid="stSidebarNav"] a[href="{href}"]').click()
        wait_ready(page, label)
        shown = figures(page)
        found = problems(page)
        if page.locator("h1").first.inner_text().strip() != label:
            found.append(f"title {page.locator('h1').first.inner_text()!r}, expected {label!r}")
        if not any(shown.values()):
            found.append(f"no figure shown: {shown}")
        screenshot(page, f"{position:02d}-{slug(label)}")
        if found:
            failures[label] = found
    assert not failures, failures


def test_overview_shows_the_participation_of_managers(page):
    wait_ready(page, T["page.overview"][0])
    assert PERCENT.match(metric(page, T["manager_participation_rate"][0])), metric(
        page, T["manager_participation_rate"][0]
    )
    assert figures(page)["charts"] >= 1
    assert not problems(page)


def test_presenter_mode_enlarges_the_charts(page):
    wait_ready(page, T["page.overview"][0])
    font_size = "() => document.querySelector('.js-plotly-plot')._fullLayout.font.size"
    tick_size = "() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.tickfont.size"
    card_size = """() => parseFloat(getComputedStyle(
        document.querySelector('[data-testid="stMetricValue"]')).fontSize)"""
    before = {js: page.evaluate(js) for js in (font_size, tick_size, card_size)}
    downloads = '[data-testid="stDownloadButton"]'
    assert page.locator(downloads).count() >= 1
    assert "/" in page.locator('[data-testid="stSidebar"]').inner_text()  # the footer's source path
    page.locator('[data-testid="stSidebar"]').get_by_text(T["filter.presenter"][0]).click()
    page.wait_for_function(f"() => ({font_size})() > {before[font_size]}", polling=100)
    wait_ready(page)
    assert page.evaluate(tick_size) > before[tick_size]
    assert page.evaluate(card_size) > before[card_size]
    assert page.locator(downloads).count() == 0
    assert T["download"][0] not in page.inner_text("body")
    assert "Données chargées le" not in page.locator('[data-testid="stSidebar"]').inner_text()
    assert not problems(page)
    screenshot(page, "presenter-overview")


def test_english_switch(page):
    wait_ready(page, T["page.overview"][0])
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stSelectbox"]').filter(has_text=T["filter.language"][0]).click()
    page.get_by_role("option", name="English").click()
    wait_ready(page, T["page.overview"][1])
    assert re.match(r"^\d+(\.\d+)?%$", metric(page, T["manager_participation_rate"][1]))
    assert T["page.participation"][1] in [label for label, _ in nav_links(page)]
    assert T["page.training"][1] in [label for label, _ in nav_links(page)]
    boxes = sidebar.locator('[data-testid="stSelectbox"]')
    assert T["period.all"][1] in shown(boxes.filter(has_text=T["filter.period"][1]))
    for label in ("filter.organisation", "filter.direction"):
        assert "All" in shown(boxes.filter(has_text=T[label][1]))
        assert "Choose an option" not in shown(boxes.filter(has_text=T[label][1]))
    assert not problems(page)
    screenshot(page, "english-overview")


def test_direction_reads_all_after_another_organisation(page, browser_db):
    wait_ready(page, T["page.overview"][0])
    boxes = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
    with connect_ro(browser_db) as con:
        pairs = queries.organisations(con)
    first, other = sorted(pairs["organisation"].unique())[:2]
    direction = pairs[pairs["organisation"] == first]["direction"].iloc[0]
    assert direction not in set(pairs[pairs["organisation"] == other]["direction"])

    def pick(label: str, option: str) -> None:
        boxes.filter(has_text=T[label][0]).locator("input").click()
        page.keyboard.type(option)
        page.keyboard.press("Enter")
        wait_ready(page)
        assert option in shown(boxes.filter(has_text=T[label][0]))

    assert "Choose an option" not in shown(boxes.filter(has_text=T["filter.direction"][0]))
    pick("filter.organisation", first)
    pick("filter.direction", direction)
    pick("filter.organisation", other)
    # the direction box is redrawn by the rerun the organisation started: read it once that is done
    deadline = time.monotonic() + 20
    while T["filter.all"][0] not in (now := shown(boxes.filter(has_text=T["filter.direction"][0]))):
        if time.monotonic() > deadline:
            break
        page.wait_for_timeout(250)
    assert T["filter.all"][0] in now
    assert "Choose an option" not in now
    assert not problems(page)


@pytest.mark.parametrize("path", ["", "participation", "data"])
def test_no_database_deep_link(browser, empty_server, path):
    tab = kept_tab(browser, VIEWPORT)
    try:
        tab.goto(f"{empty_server}/{path}")
        wait_ready(tab, T["nodb.title"][0])
        assert "Page not found" not in tab.inner_text("body")
        assert not problems(tab)
    finally:
        release(tab)
