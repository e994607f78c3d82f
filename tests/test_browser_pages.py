"""Browser tests of the pages as a presenter, a director and a colleague with a link read them.

The slideshow at 1280×720 (values fully visible, no chart label over another, large type, keys and
buttons and its link), a shared URL's filters, a deep link on a fresh server with a database, data
text that must stay text (and fetch nothing), and screenshots of every page at 1280×720 and
1440×900 in French and English, normal and presenter (every pair of these, not every triple), into
tests/artifacts/ (looked at by a person, not committed).
Run one test at a time: ``pytest -m browser tests/test_browser_pages.py -k …``.
"""

from __future__ import annotations

import urllib.parse

import pytest

from etl.text.i18n import T
from tests.conftest import loaded_db
from tests.test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    READY_JS,
    TIMEOUT_MS,
    _serve,
    browser,
    browser_db,
    kept_tab,
    nav_links,
    problems,
    release,
    server,
    shown,
    slug,
    wait_ready,
)
from ui import slideshow

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
DESKTOP = {"width": 1440, "height": 900}
MIN_TABLE_FONT = 18  # px: a table read from the back of a room (Streamlit's own is 13 px)
ORLEANS = "Ville d'Orléans"
SLIDE_QUERY = {"as_of": "2015-06-30", "organisation": ORLEANS, "period": "all", "lang": "fr"}

# Every text of the drawn charts with its box and size; then the pairs whose boxes cross.
CHART_TEXTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot =>
    [...plot.querySelectorAll('.xtick text, .ytick text, .bartext, .legendtext, .annotation-text, text.textpoint')]
    .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
    .map(t => { const r = t.getBoundingClientRect();
        return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
                size: parseFloat(getComputedStyle(t).fontSize)}; }))"""
VALUES_JS = """() => [...document.querySelectorAll('.cadran-slide-value, [data-testid="stMetricValue"]')]
    .map(e => ({text: e.innerText, scroll: e.scrollWidth, client: e.clientWidth,
                size: parseFloat(getComputedStyle(e).fontSize)}))"""
MESSAGE_SIZE_JS = (
    """() => parseFloat(getComputedStyle(document.querySelector('.cadran-slide-message')).fontSize)"""
)
# Charts plotly drew twice: their labels or legend needed more room than the margins etl.figures.margins
# gave, so automargin widened the margins and drew again (plotly.js Plots.doAutoMargin).
DRAWN_TWICE_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullLayout)
    .map(p => { const m = p._fullLayout.margin, s = p._fullLayout._size;
        const key = [...(p.closest('[class*="st-key-"]') || {classList: []}).classList].find(c => c.startsWith('st-key-'));
        return {chart: key, grown: ['l', 'r', 't', 'b'].filter(k => s[k] > m[k] + 0.5)
            .map(k => `${k} ${m[k]} → ${Math.round(s[k])}`)}; })
    .filter(c => c.grown.length)"""
# A chart text reaching past its chart's edge is cut there (« 146 (30 % » beside a funnel's step).
CUT_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullLayout).flatMap(p => {
    const svg = p.querySelector('.main-svg').getBoundingClientRect();
    const key = [...(p.closest('[class*="st-key-"]') || {classList: []}).classList].find(c => c.startsWith('st-key-'));
    return [...p.querySelectorAll('.main-svg text')].filter(t => t.textContent.trim() && !t.closest('.hoverlayer'))
        .map(t => ({text: t.textContent, r: t.getBoundingClientRect()})).filter(({r}) => r.width > 0
            && (r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1))
        .map(({text}) => `${key}: ${text}`); })"""
SIDEBAR_SHOWN_JS = """() => { const s = document.querySelector('[data-testid="stSidebar"]');
    return !!s && s.getBoundingClientRect().width > 0 && getComputedStyle(s).display !== 'none'; }"""


def overlaps(texts: list[dict], tolerance: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of chart texts whose boxes cross by more than ``tolerance`` pixels each way."""
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > tolerance and dy > tolerance:
                found.append((a["text"], b["text"]))
    return found


def _tab(browser, viewport=PROJECTOR, locale="fr-FR", timeout=TIMEOUT_MS):  # noqa: F811
    """The module's blank tab of ``locale`` at ``viewport`` (test_browser.kept_tab): ``release`` it."""
    return kept_tab(browser, viewport, locale, timeout)


def _slide_title(tab) -> str:
    return tab.locator("h1").first.inner_text().strip()


def _check_slide(tab) -> list[str]:
    """What a projector would show wrong on this slide."""
    found = []
    for value in tab.evaluate(VALUES_JS):
        if value["scroll"] > value["client"]:
            found.append(f"value cut: {value['text']!r} ({value['scroll']} > {value['client']})")
        if value["size"] < 36:
            found.append(f"value too small: {value['text']!r} {value['size']}px")
    if tab.evaluate(MESSAGE_SIZE_JS) < 28:
        found.append("message smaller than 28px")
    texts = tab.evaluate(CHART_TEXTS_JS)
    found += [f"chart text {t['text']!r} at {t['size']}px" for t in texts if t["size"] < 16]
    found += [f"overlap {a!r} / {b!r}" for a, b in overlaps(texts)]
    if tab.evaluate(SIDEBAR_SHOWN_JS):
        found.append("sidebar shown")
    return found + problems(tab)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_slideshow_on_a_projector(browser, server, lang):  # noqa: F811
    tab = _tab(browser)
    query = {**SLIDE_QUERY, "lang": lang}
    day, source = {"fr": ("30 juin 2015", "Source"), "en": ("30 June 2015", "Source")}[lang]
    try:
        tab.goto(f"{server}/presentation?{urllib.parse.urlencode(query)}")
        wait_ready(tab, T["slides.headline.title"][lang == "en"])
        seen, failures = [], {}
        for position in range(len(slideshow.ORDER)):
            wait_ready(tab)
            title = _slide_title(tab)
            seen.append(title)
            assert f"{position + 1} / {len(slideshow.ORDER)}" in tab.inner_text("body")
            assert day in tab.inner_text("body") and source in tab.inner_text("body")
            if found := _check_slide(tab):
                failures[title] = found
            tab.screenshot(path=str(_artifact(f"slide-{lang}-{position + 1}-1280")))
            if position == len(slideshow.ORDER) - 1:
                break
            if position % 2 == 0:  # by the keyboard, then by the button
                tab.keyboard.press("ArrowRight")
            else:
                tab.locator(".st-key-slide_next button").click()
            tab.wait_for_function(
                "t => document.querySelector('h1') && document.querySelector('h1').innerText.trim() !== t",
                arg=title,
                polling=100,
            )
        assert not failures, failures
        assert len(set(seen)) == len(slideshow.ORDER) == 8  # eight different slides
        assert "slide=8" in tab.url and "as_of=2015-06-30" in tab.url  # the link of this very slide
        tab.keyboard.press("ArrowLeft")
        tab.wait_for_function(
            "t => document.querySelector('h1').innerText.trim() !== t", arg=seen[-1], polling=100
        )
        assert _slide_title(tab) == seen[-2]
        # the link opens the slide it names
        tab.goto(f"{server}/presentation?{urllib.parse.urlencode({**query, 'slide': 3})}")
        wait_ready(tab)
        tab.locator("h1", has_text=seen[2]).first.wait_for()
        assert "3 / 8" in tab.inner_text("body")
    finally:
        release(tab)


def test_a_shared_url_opens_on_its_filters(browser, server):  # noqa: F811
    tab = _tab(browser, DESKTOP)
    try:
        query = urllib.parse.urlencode(
            {"as_of": "2015-06-30", "period": "12m", "organisation": ORLEANS, "lang": "en"}
        )
        tab.goto(f"{server}/participation?{query}")
        wait_ready(tab, T["page.participation"][1])
        body = tab.inner_text("body")
        assert "As of 30 June 2015 · Ville d'Orléans" in body
        sidebar = tab.locator('[data-testid="stSidebar"]')
        boxes = sidebar.locator('[data-testid="stSelectbox"]')
        assert ORLEANS in shown(boxes.filter(has_text="Organisation"))
        assert "Last 12 months" in shown(boxes.filter(has_text="Chart period"))
        # and a change of filter is in the address bar at once
        period = (
            sidebar.locator('[data-testid="stSelectbox"]').filter(has_text="Chart period").locator("input")
        )
        period.scroll_into_view_if_needed()  # below the local-mode notice on a 900 px screen
        period.click()
        tab.get_by_role("option", name="Last 3 years").click()
        tab.wait_for_function("() => location.search.includes('period=3y')", polling=100)
        assert "as_of=2015-06-30" in tab.url and "organisation=Ville" in tab.url
        assert not problems(tab)
    finally:
        release(tab)


@pytest.fixture
def fresh_server(browser_db, tmp_path_factory):  # noqa: F811
    """A server that has served nobody yet (Streamlit's legacy pages/ mode is still on)."""
    yield from _serve(browser_db, tmp_path_factory)


def test_a_deep_link_on_a_fresh_server_with_a_database(browser, fresh_server):  # noqa: F811
    tab = _tab(browser, DESKTOP)
    try:
        tab.goto(f"{fresh_server}/participation?as_of=2015-06-30")
        wait_ready(tab, T["page.participation"][0])
        labels = [label for label, _ in nav_links(tab)]
        # the router's titles and sections, not Streamlit's list of file names ("participation", "data")
        assert T["page.overview"][0] in labels and T["page.training"][0] in labels
        assert "presentation" not in " ".join(labels).lower()
        assert "30 juin 2015" in tab.inner_text("body")
        assert not problems(tab)
    finally:
        release(tab)


HOSTILE = '**gras** ![i](http://127.0.0.1:9/x.png) <a href="http://127.0.0.1:9">lien</a>'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A server on a source whose direction's name is Markdown, an image and a link."""
    quoted = HOSTILE.replace('"', '""')
    staff = "person_id,organisation,direction,is_manager,hire_date,leave_date\n" + "".join(
        f'H{i},Ville,"{quoted}",oui,2010-01-01,\n' for i in range(6)
    )
    members = "person_id,joined_on,left_on,role,group_id\nH1,2012-01-01,,member,\nH2,2012-01-01,,pilot,\n"
    sessions = "session_id,date,kind,title,duration_hours\nS1,2013-03-01,seminar,Séminaire,3\n"
    attendance = "session_id,person_id,status\nS1,H1,attended\nS1,H2,absent\n"
    db = loaded_db(
        tmp_path_factory.mktemp("hostile"),
        {"staff.csv": staff, "members.csv": members, "sessions.csv": sessions, "attendance.csv": attendance},
    )
    yield from _serve(db, tmp_path_factory)


def test_a_hostile_name_is_text_on_every_page_and_fetches_nothing(browser, hostile_server):  # noqa: F811
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")  # its own: a listener on its requests
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    requests = []
    tab.on("request", lambda r: requests.append(r.url))
    query = urllib.parse.urlencode({"as_of": "2014-06-30", "organisation": "Ville", "direction": HOSTILE})
    try:
        tab.goto(f"{hostile_server}/?{query}")
        wait_ready(tab, T["page.overview"][0])
        failures = {}
        for label, href in nav_links(tab) + [("presentation", "presentation")]:
            if href == "presentation":
                tab.goto(f"{hostile_server}/presentation?{query}")
                wait_ready(tab)
            else:
                tab.locator(f'[data-testid="stSidebarNav"] a[href="{href}"]').click()
                wait_ready(tab, label)
            found = []
            body = tab.inner_text("body").replace("\u2060", "")  # etl.text.plain's invisible word joiners
            # wherever the name appears it reads as written (the Data and Users pages do not show the
            # scope; Comparer sets whole networks side by side, whatever the sidebar's scope)
            scoped = label not in (T["page.data"][0], T["page.admin"][0], T["page.compare"][0])
            # (« gras » marks the name in any rendering; « lien » is also a word of the processing record)
            if ("gras" in body or scoped) and HOSTILE not in body:
                found.append("the name is not shown as written")
            # an image or a link to the name's address (not a link of the app whose query string
            # carries the name, percent-encoded, as a filter)
            live = tab.evaluate(
                """() => [...document.querySelectorAll('img, a, image')]
                    .map(e => [e.tagName, e.getAttribute('src') || e.getAttribute('href')
                               || e.getAttribute('xlink:href') || '', e.outerHTML.slice(0, 200)])
                    .filter(([tag, u]) => u.startsWith('http://127.0.0.1:9'))"""
            )
            if live:
                found.append(f"live markup: {live}")
            if tab.locator("strong", has_text="gras").count():
                found.append("bold rendered")
            chart_texts = " ".join(t["text"] for t in tab.evaluate(CHART_TEXTS_JS))
            if "<a href" in HOSTILE and tab.locator(".js-plotly-plot").count() and "lien" in chart_texts:
                if '<a href="http://127.0.0.1:9">lien</a>' not in chart_texts:
                    found.append(f"chart label not literal: {chart_texts[:200]!r}")
            found += problems(tab)
            if found:
                failures[label] = found
        assert not failures, failures
        assert not [u for u in requests if ":9/" in u or u.endswith(":9")], "a request left for port 9"
        # the participation chart names the direction literally in its labels
        tab.goto(f"{hostile_server}/participation?{query}")  # the slideshow has no sidebar to click
        wait_ready(tab, T["page.participation"][0])
        texts = [t["text"] for t in tab.evaluate(CHART_TEXTS_JS)]
        assert any('<a href="http://127.0.0.1:9">lien</a>' in t for t in texts), texts
    finally:
        context.close()


TAB_OPEN_JS = """label => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find(t => t.innerText.trim() === label);
    if (!tab || tab.getAttribute('aria-selected') !== 'true') return false;
    const panel = [...document.querySelectorAll('[role="tabpanel"]')].find(p => !p.hidden && p.offsetParent);
    if (!panel || !panel.querySelector('[data-testid="stElementContainer"]')) return false;
    const charts = [...panel.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return charts.every(c => c.querySelector('.main-svg'))
        && !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]'); }"""


def tab_labels(tab) -> list[str]:
    return [t.strip() for t in tab.locator('[role="tab"]').all_inner_texts()]


def open_tab(tab, label: str) -> None:
    """Open the page's tab ``label`` (lazy: the page reruns and builds it) and wait for it drawn."""
    tab.locator('[role="tab"]', has_text=label).first.click()
    tab.wait_for_function(TAB_OPEN_JS, arg=label, polling=100)
    tab.wait_for_function(READY_JS, polling=100)


def _artifact(name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def _page_shot(tab, viewport: dict, name: str) -> None:
    """The whole page into tests/artifacts/``name``.png (the window made as tall as the page)."""
    height = tab.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], section, body')]
            .map(e => e.scrollHeight))"""
    )
    tab.set_viewport_size(
        {"width": viewport["width"], "height": min(max(height, viewport["height"]), 12_000)}
    )
    tab.wait_for_function(READY_JS, polling=100)
    tab.screenshot(path=str(_artifact(name)), full_page=True)
    tab.set_viewport_size(viewport)


def _drawn_badly(tab) -> list[str]:
    """Errors shown, charts plotly drew twice, chart texts cut at their chart's edge."""
    twice = [f"drawn twice: {c}" for c in tab.evaluate(DRAWN_TWICE_JS)]
    return problems(tab) + twice + [f"cut: {c}" for c in tab.evaluate(CUT_JS)]


# Both modes in French at 1280 px (the longest texts in the least room: a seminar's projector), then
# every other pair of a width, a language and a mode: 5 runs of ~25 s rather than the 8 of every
# triple.
SHOTS = [
    pytest.param(PROJECTOR, "fr", "normal", id="1280-fr-normal"),
    pytest.param(PROJECTOR, "fr", "presenter", id="1280-fr-presenter"),
    pytest.param(PROJECTOR, "en", "presenter", id="1280-en-presenter"),
    pytest.param(DESKTOP, "en", "normal", id="1440-en-normal"),
    pytest.param(DESKTOP, "fr", "presenter", id="1440-fr-presenter"),
]


@pytest.mark.parametrize(("viewport", "lang", "mode"), SHOTS)
def test_screenshots_of_every_page(browser, server, viewport, lang, mode):  # noqa: F811
    """Full pages into tests/artifacts/ for a person to look at, every tab of a page with tabs; fails
    on errors, on a chart plotly had to draw twice (etl.figures.margins left its labels short) and on a chart
    text cut at the chart's edge."""
    locale = "fr-FR" if lang == "fr" else "en-GB"
    tab = _tab(browser, viewport, locale, timeout=90_000)  # full pages on a shared machine
    size = viewport["width"]
    prefix = lang if mode == "normal" else f"presenter-{lang}"
    try:
        tab.goto(f"{server}/?as_of=2015-06-30&lang={lang}")
        wait_ready(tab)
        if mode == "presenter":  # the sidebar's switch, kept by the session from page to page
            tab.locator('[data-testid="stSidebar"]').get_by_text(T["filter.presenter"][lang == "en"]).click()
            tab.wait_for_function(PRESENTER_DRAWN_JS, polling=100)
            wait_ready(tab)
        failures = {}
        for position, (label, href) in enumerate(nav_links(tab), 1):
            tab.locator(f'[data-testid="stSidebarNav"] a[href="{href}"]').click()
            wait_ready(tab, label)
            _page_shot(tab, viewport, f"{prefix}-{size}-{position:02d}-{slug(label)}")
            found = _drawn_badly(tab)
            for number, view in enumerate(tab_labels(tab)[1:], 2):  # a page's other tabs (surveys)
                open_tab(tab, view)
                _page_shot(
                    tab, viewport, f"{prefix}-{size}-{position:02d}-{slug(label)}-{number}-{slug(view)}"
                )
                found += _drawn_badly(tab)
            if found:
                failures[label] = found
        assert not failures, failures
    finally:
        release(tab)


@pytest.mark.parametrize("path", ["", "budget", "actions"])
def test_presenter_mode_cards_are_whole_on_a_projector(browser, server, path):  # noqa: F811
    """The sidebar's presenter mode at 1280×720: every card value whole (« 14 556 h », not « 14 555,… »)."""
    tab = _tab(browser, timeout=60_000)
    try:
        tab.goto(f"{server}/{path}?as_of=2015-06-30")
        wait_ready(tab)
        tab.locator('[data-testid="stSidebar"]').get_by_text(T["filter.presenter"][0]).click()
        tab.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].some(p => p._fullLayout && p._fullLayout.font.size >= 22)",
            polling=100,
        )
        wait_ready(tab)
        values = tab.evaluate(VALUES_JS)
        assert values, "no card shown"
        cut = [v for v in values if v["scroll"] > v["client"]]
        assert not cut, cut
        assert all(v["size"] >= 36 for v in values), values  # never smaller than outside presenter mode
        assert not problems(tab)
    finally:
        release(tab)


# Every table shown: its cells' type size and each header's whole text, box and table's box.
TABLES_JS = """() => [...document.querySelectorAll('[data-testid="stTable"]')]
    .filter(t => !t.closest('details:not([open])')).map(t => {  // not in a closed expander
    const frame = t.getBoundingClientRect();
    return {cells: [...t.querySelectorAll('tbody td')].map(c => parseFloat(getComputedStyle(c).fontSize)),
            headers: [...t.querySelectorAll('thead th')].filter(h => h.innerText.trim()).map(h => {
                const r = h.getBoundingClientRect();
                return {text: h.innerText.trim(), scroll: h.scrollWidth, client: h.clientWidth,
                        left: r.left, right: r.right}; }),
            left: frame.left, right: frame.right}; })"""


PRESENTER_DRAWN_JS = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .some(p => p._fullLayout && p._fullLayout.font.size >= 22)"""  # the presenter theme's charts


def header_failures(table: dict) -> list[str]:
    """What is wrong with an HTML table's headers (each header's whole text, box and the table's box,
    as TABLES_JS reads them): a header cut, or outside its table."""
    failures = []
    for header in table["headers"]:
        if header["scroll"] > header["client"] + 1 or header["text"].endswith("…"):
            failures.append(f"header cut: {header}")
        if header["left"] < table["left"] - 1 or header["right"] > table["right"] + 1:
            failures.append(f"header outside its table: {header['text']!r}")
    return failures


def _presenter(tab, server, path: str) -> None:  # noqa: F811
    """``path`` opened at the demo's 30/06/2015, then the sidebar's presenter switch turned on."""
    tab.goto(f"{server}/{path}?as_of=2015-06-30")
    wait_ready(tab)
    tab.locator('[data-testid="stSidebar"]').get_by_text(T["filter.presenter"][0]).click()
    tab.wait_for_function(PRESENTER_DRAWN_JS, polling=100)
    wait_ready(tab)


@pytest.mark.parametrize("path", ["participation", "training", "surveys", "actions", "data"])
def test_presenter_tables_read_on_a_projector(browser, server, path):  # noqa: F811
    """Presenter mode at 1280×720: every table's cells at projector size (≥ 18 px, not Streamlit's
    13 px canvas), every header whole and inside its table (« Taux de réponse », never « Taux de rem »)."""
    tab = _tab(browser, timeout=60_000)
    try:
        _presenter(tab, server, path)
        tables = tab.evaluate(TABLES_JS)
        for view in tab_labels(tab)[1:]:  # the page's other tabs
            assert tab.locator('[data-testid="stDataFrame"]').count() == 0  # no canvas table left
            open_tab(tab, view)
            tables += tab.evaluate(TABLES_JS)
        assert tables, "no table shown"
        failures = []
        for table in tables:
            assert table["cells"] and table["headers"], table
            small = sorted({size for size in table["cells"] if size < MIN_TABLE_FONT})
            if small:
                failures.append(f"cells at {small} px")
            failures += header_failures(table)
        assert not failures, failures
        assert tab.locator('[data-testid="stDataFrame"]').count() == 0  # no canvas table left
        if path == "surveys":
            headers = {h["text"] for table in tables for h in table["headers"]}
            assert "Taux de réponse" in headers  # the header the canvas table cut to « Taux de rem »
        texts = " ".join(h["text"] for table in tables for h in table["headers"])
        assert "\\" not in texts  # the Markdown escapes of etl.text.plain are not shown
        assert not problems(tab)
        tab.screenshot(path=str(_artifact(f"presenter-tables-{path}-1280")), full_page=True)
    finally:
        release(tab)


HEATMAP_JS = """key => { const plot = document.querySelector(`.st-key-chart-${key} .js-plotly-plot`);
    const boxes = sel => [...plot.querySelectorAll(sel)].filter(t => t.textContent.trim()).map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
                size: parseFloat(getComputedStyle(t).fontSize)}; });
    return {cells: boxes('.heatmap-label text, text.heatmap-label'), rows: boxes('.ytick text'),
            columns: boxes('.xtick text')}; }"""


def test_presenter_survey_heat_map_reads_on_a_projector(browser, server):  # noqa: F811
    """The survey heat map at 1280×720 in presenter mode: its values as large as its row labels
    (they stayed about 10 px beside 20 px labels) and its column headers side by side, none over
    another nor over a value (they were slanted over one another)."""
    tab = _tab(browser, timeout=60_000)
    try:
        _presenter(tab, server, "surveys")
        open_tab(tab, T["surveys.tab.map"][0])
        tabs = tab.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stTab"] p')]
                .map(p => parseFloat(getComputedStyle(p).fontSize))"""
        )
        assert len(tabs) == 4 and min(tabs) >= MIN_TABLE_FONT, tabs  # the tabs' names read from the back
        tab.locator(".st-key-chart-enquete-carte-direction .js-plotly-plot").scroll_into_view_if_needed()
        drawn = tab.evaluate(HEATMAP_JS, "enquete-carte-direction")
        cells, rows, columns = drawn["cells"], drawn["rows"], drawn["columns"]
        assert cells and rows and len(columns) >= 2, drawn
        assert any("%" in c["text"] for c in cells)  # the values are written in the cells
        assert min(c["size"] for c in cells) >= max(r["size"] for r in rows) >= MIN_TABLE_FONT
        assert min(c["size"] for c in columns) >= MIN_TABLE_FONT
        assert all("<br>" not in c["text"] for c in columns)  # a line break, never written out
        assert not overlaps(columns + cells), overlaps(columns + cells)
        assert not problems(tab)
    finally:
        release(tab)


@pytest.mark.parametrize(
    ("lang", "tooltip"), [("fr", "Télécharger le graphique (PNG)"), ("en", "Download plot as a PNG")]
)
def test_the_chart_toolbar_speaks_the_interface_language(browser, server, lang, tooltip):  # noqa: F811
    """plotly's camera button is titled in the interface's language (plotly's locale ``fr``)."""
    tab = _tab(browser, DESKTOP, "fr-FR" if lang == "fr" else "en-GB")
    try:
        tab.goto(f"{server}/?as_of=2015-06-30&lang={lang}")
        wait_ready(tab, T["page.overview"][0 if lang == "fr" else 1])
        tab.locator(".js-plotly-plot .modebar-btn").first.wait_for(state="attached")
        titles = tab.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot .modebar-btn')].map(b => b.dataset.title)"
        )
        assert titles and set(titles) == {tooltip}, titles
    finally:
        release(tab)


# What the uploader's drop zone reads: its visible text, and the texts the app's CSS writes in it.
DROPZONE_JS = """() => { const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
    const button = zone.querySelector('button');
    const walker = document.createTreeWalker(zone, NodeFilter.SHOW_TEXT);
    const seen = [];  // text drawn at a size above 0 (Streamlit's own is set to 0 px or hidden)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const style = getComputedStyle(node.parentElement);
        if (node.textContent.trim() && parseFloat(style.fontSize) > 0 && node.parentElement.offsetParent)
            seen.push(node.textContent.trim()); }
    return {text: seen.join(' | '), before: getComputedStyle(zone, '::before').content,
            button: getComputedStyle(button, '::after').content}; }"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_uploader_speaks_the_interface_language(browser, server, lang):  # noqa: F811
    """Streamlit's own uploader texts (« Drag and drop files here », « Limit 200MB per file », its
    button) are hidden, and the app's say the same in the interface's language."""
    tab = _tab(browser, DESKTOP, "fr-FR" if lang == "fr" else "en-GB", timeout=60_000)
    try:
        tab.goto(f"{server}/data?lang={lang}")
        wait_ready(tab, T["page.data"][0 if lang == "fr" else 1])
        tab.locator('[data-testid="stFileUploaderDropzone"]').wait_for()
        zone = tab.evaluate(DROPZONE_JS)
        limit = 50  # server.maxUploadSize in .streamlit/config.toml (Streamlit says « 50MB per file »)
        if lang == "fr":
            assert (
                zone["before"]
                == f'"Déposez les fichiers ici · {limit} Mo au plus par fichier · CSV, TXT, XLSX"'
            )
            assert zone["button"] == '"Choisir des fichiers"'
        else:
            assert zone["before"] == f'"Drop the files here · at most {limit} MB per file · CSV, TXT, XLSX"'
            assert zone["button"] == '"Choose files"'
        for english in ("Drag and drop", "per file", "Browse", "Upload", "MB"):
            assert english not in zone["text"], zone
        assert not problems(tab)
        # the Comparer's uploader takes a network's package: it says so
        tab.goto(f"{server}/compare?lang={lang}")
        wait_ready(tab, T["page.compare"][0 if lang == "fr" else 1])
        tab.locator('[data-testid="stFileUploaderDropzone"]').wait_for()
        package = tab.evaluate(DROPZONE_JS)
        per_file = f"{limit} Mo au plus par fichier" if lang == "fr" else f"at most {limit} MB per file"
        assert package["before"].endswith(f'{per_file} · ZIP"'), package
        assert not problems(tab)
    finally:
        release(tab)
