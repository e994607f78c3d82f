"""The offline report: one self-contained HTML file, rendered in headless Chromium with no network."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from etl.documents.slide_specs import ORDER
from tests.conftest import ROOT, load_db, loaded_db, run_cli
from tests.names import assert_no_names

DEMO = ROOT / "data" / "demo" / "source"
CHROMIUM = Path(os.environ.get("CADRAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("report")
    db, out = folder / "demo.duckdb", folder / "reseau.html"
    load_db(db, DEMO)
    code, _, err = run_cli("report", "--db", db, "--as-of", "2015-06-30", "--out", out)
    assert code == 0, err
    return db, out


def test_report_is_self_contained(report):
    _, out = report
    page = out.read_text(encoding="utf-8")
    assert page.count("window.PlotlyConfig") == 1  # plotly.js inside, once
    assert not re.search(r"<script[^>]+src=", page)  # nothing fetched
    assert [m for m in re.findall(r'<section id="(\w+)"', page)] == list(ORDER)
    assert "Situation au 30 juin 2015 · Toutes collectivités" in page


def _without_plotly_js(page: str) -> str:
    """The page less the plotly.js bundle (its own words are not the data's)."""
    return re.sub(r"<script[^>]*>\s*window\.PlotlyConfig.*?</script>", "", page, count=1, flags=re.S)


def test_no_name_in_the_report(report):
    db, out = report
    assert_no_names(db, _without_plotly_js(out.read_text(encoding="utf-8")))


def test_the_name_check_finds_a_name(report):
    db, _ = report
    with pytest.raises(AssertionError):
        assert_no_names(db, "… HUET …")  # a last name of the demo's staff


@pytest.mark.browser
def test_report_renders_its_charts_offline(report, tmp_path):
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    _, out = report
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(out.as_uri())
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 7")
            assert page.locator(".js-plotly-plot").count() == len(ORDER)
            assert page.locator("#participation .bars path").count() >= 2  # one bar per organisation
            assert "146 cadres membres du réseau sur 480" in page.locator("#headline .message").inner_text()
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
            assert not errors
        finally:
            browser.close()


def test_a_direction_named_with_markup_is_text_in_the_report(tmp_path):
    """plotly draws <a>, <b>, <br> in its labels: a direction's name goes in as text (etl.text.plain)."""
    hostile = '<a href="http://127.0.0.1:9">lien</a>'
    staff = (
        "person_id,organisation,direction,is_manager,hire_date,leave_date\n"
        f'P1,Ville,"{hostile.replace(chr(34), chr(34) * 2)}",oui,2010-01-01,\n'
        "P2,Ville,DG,oui,2010-01-01,\n"
    )
    members = "person_id,joined_on,left_on,role,group_id\nP1,2012-01-01,,member,\n"
    db = loaded_db(tmp_path, {"staff.csv": staff, "members.csv": members})
    out = tmp_path / "report.html"
    code, _, err = run_cli(
        "report", "--db", db, "--as-of", "2015-01-01", "--organisation", "Ville", "--out", out
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    participation = text[text.index('id="participation"') : text.index('id="growth"')]
    assert "&lt;a href" in participation or "\\u0026lt;a href" in participation  # the bar's label, as text
    assert "<a href" not in participation.replace("\\u003c", "<").replace("\\u003e", ">")
