"""Working together in Chromium at 1280×720, French and English: the Transversalité page (every tab),
the drill-down to a service and back by the URL alone, the roadmap tree and the « Travailler
ensemble » slide; screenshots into tests/artifacts/ for a person to look at. Fails on errors, on a
chart plotly had to draw twice and on a chart text cut at its chart's edge.
Run: ``pytest -m browser tests/test_browser_together.py``."""

from __future__ import annotations

import urllib.parse

import pytest

from etl.text.i18n import T
from tests.test_browser import browser, browser_db, release, server, wait_ready  # noqa: F401 (fixtures)
from tests.test_browser_pages import (
    PROJECTOR,
    _artifact,
    _drawn_badly,
    _page_shot,
    _tab,
    open_tab,
    tab_labels,
)

pytestmark = pytest.mark.browser

ORLEANS = "Ville d'Orléans"
CULTURE = "Direction de la culture"
LOCALES = {"fr": "fr-FR", "en": "en-GB"}


def _url(base: str, path: str, **query) -> str:
    return f"{base}/{path}?" + urllib.parse.urlencode({"as_of": "2015-06-30", **query})


def _text(key: str, lang: str) -> str:
    return T[key][lang == "en"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_transversality_page_every_tab(browser, server, lang):  # noqa: F811
    tab = _tab(browser, PROJECTOR, LOCALES[lang], timeout=90_000)
    try:
        tab.goto(_url(server, "transversality", organisation=ORLEANS, lang=lang))
        wait_ready(tab, _text("page.transversality", lang))
        found = _drawn_badly(tab)
        _page_shot(tab, PROJECTOR, f"together-{lang}-1")
        assert tab_labels(tab) == [
            _text(f"transversality.tab.{k}", lang) for k in ("map", "groups", "sessions", "trend")
        ]
        for number, view in enumerate(tab_labels(tab)[1:], 2):
            open_tab(tab, view)
            _page_shot(tab, PROJECTOR, f"together-{lang}-{number}")
            found += _drawn_badly(tab)
        assert not found, found
    finally:
        release(tab)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_drill_down_to_a_service_and_back_by_the_url(browser, server, lang):  # noqa: F811
    tab = _tab(browser, PROJECTOR, LOCALES[lang], timeout=90_000)
    try:
        tab.goto(_url(server, "participation", organisation=ORLEANS, direction=CULTURE, lang=lang))
        wait_ready(tab, _text("page.participation", lang))
        crumbs = tab.locator('[class*="st-key-crumb-"] button').all_inner_texts()
        assert [c.split("\n")[-1].strip() for c in crumbs][-1] == CULTURE
        _page_shot(tab, PROJECTOR, f"drill-{lang}-direction")
        assert not _drawn_badly(tab)
        service = "Archives municipales"  # the culture direction's first service in the demo
        tab.goto(
            _url(server, "participation", organisation=ORLEANS, direction=CULTURE, service=service, lang=lang)
        )
        wait_ready(tab, _text("page.participation", lang))
        assert (
            service
            in tab.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
        )
        _page_shot(tab, PROJECTOR, f"drill-{lang}-service")
        # back up by the URL alone: the organisation only
        tab.goto(_url(server, "participation", organisation=ORLEANS, lang=lang))
        wait_ready(tab, _text("page.participation", lang))
        assert (
            CULTURE
            not in tab.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
        )
        assert not _drawn_badly(tab)
    finally:
        release(tab)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_roadmap_tree_and_the_working_together_slide(browser, server, lang):  # noqa: F811
    tab = _tab(browser, PROJECTOR, LOCALES[lang], timeout=90_000)
    try:
        tab.goto(_url(server, "actions", lang=lang))
        wait_ready(tab, _text("page.actions", lang))
        open_tab(tab, _text("actions.tab.roadmap", lang))
        assert tab.locator(".treemaplayer").count() == 1
        _page_shot(tab, PROJECTOR, f"roadmap-{lang}")
        found = _drawn_badly(tab)
        tab.goto(_url(server, "presentation", organisation=ORLEANS, lang=lang, slide=3))
        tab.locator("h1", has_text=_text("slides.together.title", lang)).first.wait_for()
        wait_ready(tab)
        tab.screenshot(path=str(_artifact(f"slide-together-{lang}")))
        found += _drawn_badly(tab)
        assert not found, found
    finally:
        release(tab)
