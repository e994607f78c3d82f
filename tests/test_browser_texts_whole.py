"""Texts whole at 1280 px, in Chromium at 1280×720 and 1920×1080, French and English:
a yes / no question reads in full (a canvas cell cut it to « …12 derni »), and every column of a
table is inside the table (« Rép… » of the themes map's detail, « Participant » of the sessions
that brought the most directions together ran past its edge); in presenter mode too. Screenshots
into tests/artifacts/ for a person to look at.
Run: ``pytest -m browser tests/test_browser_texts_whole.py``."""

from __future__ import annotations

import urllib.parse

import pytest

from etl.text.i18n import T
from tests.test_browser import browser, browser_db, problems, release, server, wait_ready  # noqa: F401 (fixtures)
from tests.test_browser_pages import PROJECTOR, _page_shot, _tab, header_failures

pytestmark = pytest.mark.browser

SCREEN = {"width": 1920, "height": 1080}
SIZES = pytest.mark.parametrize("viewport", [PROJECTOR, SCREEN], ids=["1280", "1920"])
LANGS = pytest.mark.parametrize("lang", ["fr", "en"])
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
# the demo's yes / no question (data: the same words in both languages), 73 characters
QUESTION = "Avez-vous suivi une formation managériale au cours des 12 derniers mois ?"

# The innermost elements showing ``text`` with a box, and whether each shows it whole: not cut at
# its own edge, nor at the edge of a box around it that scrolls or clips sideways.
WHOLE_TEXT_JS = """text => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => e.innerText && e.innerText.replaceAll('\\u2060', '').trim() === text)
    .filter(e => ![...e.children].some(c => c.innerText && c.innerText.replaceAll('\\u2060', '').trim() === text))
    .map(e => { const r = e.getBoundingClientRect();
        let clipped = null;
        for (let a = e.parentElement; a && !clipped; a = a.parentElement) {
            const b = a.getBoundingClientRect(), x = getComputedStyle(a).overflowX;
            if (x !== 'visible' && (r.left < b.left - 1 || r.right > b.right + 1)) clipped = a.tagName;
        }
        return {tag: e.tagName, width: r.width, height: r.height, scroll: e.scrollWidth, client: e.clientWidth,
                scrollHeight: e.scrollHeight, clientHeight: e.clientHeight, right: r.right,
                page: window.innerWidth, clipped}; })"""
# Every canvas table (st.dataframe): how wide its columns are in all (the scroller's width) against
# the room it shows, and the headers it draws (its accessible table lists the columns in view).
CANVAS_TABLES_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(d => {
    const s = d.querySelector('.dvn-scroller');
    return {columns: s ? s.scrollWidth : null, room: s ? s.clientWidth : null,
            headers: [...d.querySelectorAll('th')].map(h => h.innerText.trim())}; })"""
PRESENTER_TABLES_JS = """() => !!document.querySelector('[data-testid="stTable"]')
    && !document.querySelector('[data-testid="stDataFrame"]')"""
DRAWN_TABLES_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
    .every(d => d.querySelector('.dvn-scroller') && d.querySelectorAll('th').length)"""
# Every HTML table (st.table, presenter mode): each header's whole text and box within its table's.
HTML_TABLES_JS = """() => [...document.querySelectorAll('[data-testid="stTable"]')]
    .filter(t => !t.closest('details:not([open])')).map(t => { const frame = t.getBoundingClientRect();
    return {scroll: t.scrollWidth, client: t.clientWidth, right: frame.right, left: frame.left,
            headers: [...t.querySelectorAll('thead th')].filter(h => h.innerText.trim()).map(h => {
                const r = h.getBoundingClientRect();
                return {text: h.innerText.trim(), scroll: h.scrollWidth, client: h.clientWidth,
                        left: r.left, right: r.right}; })}; })"""


def _text(key: str, lang: str) -> str:
    return T[key][lang == "en"]


def _open(tab, server, path: str, lang: str, view: dict) -> None:  # noqa: F811
    """``path`` at the demo's 30/06/2015 in ``lang``, its ``view`` (``tab=…``) from the link, drawn."""
    query = urllib.parse.urlencode({"as_of": "2015-06-30", "lang": lang, **view})
    tab.goto(f"{server}/{path}?{query}")
    wait_ready(tab, _text(f"page.{path}", lang))
    tab.wait_for_function(DRAWN_TABLES_JS, polling=100)


def _presenter_on(tab, lang: str) -> None:
    """The sidebar's presenter switch: its tables are HTML tables (these views have no chart whose
    type would say it is on)."""
    tab.locator('[data-testid="stSidebar"]').get_by_text(_text("filter.presenter", lang)).click()
    tab.wait_for_function(PRESENTER_TABLES_JS, polling=100)
    wait_ready(tab)


def _question_cut(tab) -> list[str]:
    """Why the yes / no question does not read whole on the page (empty when it does)."""
    boxes = [b for b in tab.evaluate(WHOLE_TEXT_JS, QUESTION) if b["width"] > 0 and b["height"] > 0]
    if not boxes:  # a canvas table draws it in pixels, at the column's width
        return [f"nowhere whole on the page: {QUESTION!r}"]
    return [
        f"cut: {b}"
        for b in boxes
        if b["scroll"] > b["client"] + 1
        or b["scrollHeight"] > b["clientHeight"] + 1
        or b["right"] > b["page"]
        or b["clipped"]
    ]


@SIZES
@LANGS
def test_the_yes_no_question_reads_whole(browser, server, viewport, lang):  # noqa: F811
    tab = _tab(browser, viewport, LOCALES[lang], timeout=60_000)
    try:
        _open(tab, server, "surveys", lang, {"tab": "answers"})
        _page_shot(tab, viewport, f"texts-whole-yes-no-{lang}-{viewport['width']}")
        assert not _question_cut(tab), _question_cut(tab)
        assert _text("yes_share", lang) in tab.inner_text('[data-testid="stMain"]')  # its figures beside it
        assert not problems(tab)
    finally:
        release(tab)


@LANGS
def test_the_yes_no_question_reads_whole_in_presenter_mode(browser, server, lang):  # noqa: F811
    tab = _tab(browser, PROJECTOR, LOCALES[lang], timeout=60_000)
    try:
        _open(tab, server, "surveys", lang, {"tab": "answers"})
        _presenter_on(tab, lang)
        _page_shot(tab, PROJECTOR, f"texts-whole-yes-no-presenter-{lang}-1280")
        assert not _question_cut(tab), _question_cut(tab)
        assert not problems(tab)
    finally:
        release(tab)


# The tables whose last columns ran past their edge at 1280 px, and the headers each must show.
VIEWS = {
    "map-direction": ("surveys", {"tab": "map"}, ("respondents", "favourable", "privacy")),
    "map-organisation": (
        "surveys",
        {"tab": "map", "survey_level": "organisation"},
        ("respondents", "favourable", "privacy"),
    ),
    "sessions": ("transversality", {"tab": "sessions"}, ("directions", "participants")),
    "survey-rates": ("surveys", {}, ("response_rate", "privacy")),
    "training-sessions": ("training", {"tab": "sessions"}, ("fill_rate",)),
}


@SIZES
@LANGS
@pytest.mark.parametrize("view", VIEWS)
def test_every_column_is_inside_its_table(browser, server, viewport, lang, view):  # noqa: F811
    path, query, wanted = VIEWS[view]
    tab = _tab(browser, viewport, LOCALES[lang], timeout=60_000)
    try:
        _open(tab, server, path, lang, query)
        _page_shot(tab, viewport, f"texts-whole-{view}-{lang}-{viewport['width']}")
        tables = tab.evaluate(CANVAS_TABLES_JS)
        assert tables, "no table shown"
        past = [t for t in tables if t["columns"] > t["room"] + 1]
        assert not past, f"columns past the table's edge (their widths in all > the table's room): {past}"
        headers = {h for t in tables for h in t["headers"]}
        assert {_text(k, lang) for k in wanted} <= headers, headers
        assert not problems(tab)
    finally:
        release(tab)


@LANGS
@pytest.mark.parametrize("view", ["map-direction", "sessions"])
def test_every_header_is_whole_in_presenter_mode(browser, server, lang, view):  # noqa: F811
    path, query, wanted = VIEWS[view]
    tab = _tab(browser, PROJECTOR, LOCALES[lang], timeout=60_000)
    try:
        _open(tab, server, path, lang, query)
        _presenter_on(tab, lang)
        details = tab.locator('[data-testid="stExpander"] details:not([open]) summary')
        for summary in details.all():  # the map's detail is closed in presenter mode: opened
            summary.click()
        tab.wait_for_function("() => document.querySelector('[data-testid=\"stTable\"]')", polling=100)
        _page_shot(tab, PROJECTOR, f"texts-whole-{view}-presenter-{lang}-1280")
        headers = _whole_html_headers(tab)
        assert {_text(k, lang) for k in wanted} <= headers, headers
        assert not problems(tab)
    finally:
        release(tab)


def _whole_html_headers(tab) -> set[str]:
    """The headers of the HTML tables shown, each checked whole and inside its table."""
    tables = tab.evaluate(HTML_TABLES_JS)
    assert tables, "no table shown"
    failures = [f"table scrolls sideways: {t}" for t in tables if t["scroll"] > t["client"] + 1]
    for table in tables:
        failures += header_failures(table)
    assert not failures, failures
    return {h["text"] for t in tables for h in t["headers"]}


@SIZES
@LANGS
def test_the_networks_compared_read_whole(browser, server, viewport, lang):  # noqa: F811
    """The Comparer's table has a column per network headed by its name and date (70 characters and
    more for the demo's): at 1280 px a canvas table put its last column past the edge."""
    tab = _tab(browser, viewport, LOCALES[lang], timeout=60_000)
    try:
        _open(tab, server, "compare", lang, {})
        tab.wait_for_function("() => !!document.querySelector('[data-testid=\"stTable\"]')", polling=100)
        _page_shot(tab, viewport, f"texts-whole-compare-{lang}-{viewport['width']}")
        headers = _whole_html_headers(tab)
        assert _text("compare.figure", lang) in headers
        assert any(h.startswith("Réseau exemple, généré (Blois, échantillon) · ") for h in headers), headers
        assert not problems(tab)
    finally:
        release(tab)
