"""Browser checks of what a newcomer tripped on, at 1280×720 and 1920×1080: the slideshow's foot (the date of the
figures and the source, at least 18 px, whole on the screen), the files in the presenter's menu,
dark axis labels; every bar of a chart by month whole. Screenshots in tests/artifacts/."""

from __future__ import annotations

import urllib.parse

import pytest

from etl.text.i18n import T
from tests.test_browser import (  # noqa: F401 (fixtures)
    READY_JS,
    browser,
    browser_db,
    kept_tab,
    release,
    server,
    wait_ready,
)
from tests.test_browser_pages import _artifact, open_tab

pytestmark = pytest.mark.browser

SCREENS = {"1280": {"width": 1280, "height": 720}, "1920": {"width": 1920, "height": 1080}}
QUERY = {"as_of": "2015-06-30", "organisation": "Ville d'Orléans", "period": "all"}

FOOT_JS = """() => { const f = document.querySelector('.cadran-slide-footer'); const r = f.getBoundingClientRect();
    return {text: f.innerText, size: parseFloat(getComputedStyle(f).fontSize), bottom: r.bottom,
            buttons_below: [...document.querySelectorAll('button, a')].filter(b => b.offsetParent
                && b.getBoundingClientRect().top > r.top).map(b => b.innerText)}; }"""
TICK_COLOURS_JS = """() => [...document.querySelectorAll('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text')]
    .map(t => getComputedStyle(t).fill)"""
# each bar of the chart by month inside its plot area (a bar cut at the axis's end is clipped there)
BARS_CUT_JS = """key => { const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
    const area = plot.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
    return [...plot.querySelectorAll('.barlayer .point path')].map(p => p.getBoundingClientRect())
        .filter(r => r.width > 0 && (r.left < area.left - 0.5 || r.right > area.right + 0.5)).length; }"""


def _dark(colour: str) -> bool:
    """An rgb(…) colour a projector shows as text: each channel under 100 (light grey is ~130+)."""
    return all(int(c) < 100 for c in colour.removeprefix("rgb(").rstrip(")").split(",")[:3])


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_slides_foot_speaks_to_the_audience(browser, server, screen, lang):  # noqa: F811
    tab = kept_tab(browser, SCREENS[screen], timeout=30_000)
    try:
        for slide in (2, 4, 6):
            query = {**QUERY, "lang": lang, "slide": slide}
            tab.goto(f"{server}/presentation?{urllib.parse.urlencode(query)}")
            wait_ready(tab)
            tab.locator(".cadran-slide-footer").wait_for()
            tab.wait_for_function(READY_JS, polling=100)
            foot = tab.evaluate(FOOT_JS)
            tab.screenshot(path=str(_artifact(f"audience-slide-{lang}-{slide}-{screen}")))
            source = T["slide.source"][lang == "en"]
            assert (
                foot["text"].endswith(source)
                and "chargement" not in foot["text"]
                and "load" not in foot["text"]
            )
            assert foot["size"] >= 18, foot
            assert foot["bottom"] <= SCREENS[screen]["height"], f"the foot is cut: {foot}"
            assert not foot["buttons_below"], foot
            colours = tab.evaluate(TICK_COLOURS_JS)
            assert colours and all(_dark(c) for c in colours), set(colours)
        # the files are one click away, in the presenter's menu
        tab.get_by_role("button", name=T["slides.files"][lang == "en"]).click()
        tab.get_by_role("button", name=T["export.button.slides"][lang == "en"]).wait_for()
        tab.screenshot(path=str(_artifact(f"audience-menu-{lang}-{screen}")))
    finally:
        release(tab)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_bar_by_month_is_drawn_whole(browser, server, screen):  # noqa: F811
    tab = kept_tab(browser, SCREENS[screen], timeout=30_000)
    try:
        tab.goto(f"{server}/training?{urllib.parse.urlencode({**QUERY, 'period': '12m'})}")
        wait_ready(tab, T["page.training"][0])
        for key in ("chart-rencontres-par-mois", "chart-presences-par-mois"):
            tab.locator(f".st-key-{key} .js-plotly-plot .barlayer").first.wait_for()
            assert tab.evaluate(BARS_CUT_JS, key) == 0, key
        tab.screenshot(path=str(_artifact(f"month-bars-training-{screen}")), full_page=True)
        open_tab(tab, T["training.tab.hours"][0])
        tab.locator(".st-key-chart-heures-mois .js-plotly-plot .barlayer").first.wait_for()
        assert tab.evaluate(BARS_CUT_JS, "chart-heures-mois") == 0
    finally:
        release(tab)


# the colour of each card's dot on the lights tab (Streamlit's :red[…] Markdown, config.toml's red)
DOT_COLOURS_JS = """() => [...document.querySelectorAll('[data-testid="stMetricLabel"]')].map(l => {
    const base = getComputedStyle(l).color;
    const dot = [...l.querySelectorAll('*')].map(e => getComputedStyle(e).color).find(c => c !== base);
    return [l.innerText, dot || null]; })"""


def test_critique_is_the_red_of_the_palette(browser, server):  # noqa: F811
    from etl.figures import palette

    tab = kept_tab(browser, SCREENS["1280"], timeout=30_000)
    try:
        tab.goto(f"{server}/actions?{urllib.parse.urlencode({**QUERY, 'tab': 'lights'})}")
        wait_ready(tab, T["page.actions"][0])
        tab.locator('[data-testid="stMetricLabel"]').first.wait_for()
        dots = {text.strip().split("\n")[-1].strip(): colour for text, colour in tab.evaluate(DOT_COLOURS_JS)}
        tab.screenshot(path=str(_artifact("actions-lights-1280")), full_page=True)
        red = tuple(int(palette.BAD[i : i + 2], 16) for i in (1, 3, 5))
        critique = next(colour for text, colour in dots.items() if text.endswith("Critique"))
        assert critique == f"rgb({red[0]}, {red[1]}, {red[2]})", dots
    finally:
        release(tab)
