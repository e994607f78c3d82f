"""One colour, one meaning: the « Critique » light is red wherever it is drawn (the
legend calls it red; it was an orange beside « À surveiller »), and planned / spent are grey /
blue in the app, the slideshow, the deck and the Excel summary (they were blue / orange there).
The colours are compared surface to surface, read back from each file."""

from __future__ import annotations

import colorsys
import io
import json
import re
import tomllib
import zipfile

import pytest
from pptx import Presentation

from etl.documents.deck import deck
from etl.documents.excel import summary_workbook
from etl.documents.scope import Scope
from etl.documents.slide_specs import slide_specs
from etl.figures import document_charts
from etl.store.db import connect_ro
from etl.text.i18n import t
from tests.app_support import ROOT, figure


def hue(colour: str) -> float:
    """The hue of ``#RRGGBB`` in degrees (0 red, 30 orange, 120 green)."""
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def is_red(colour: str) -> bool:
    return hue(colour) < 10 or hue(colour) > 345


def test_critical_is_a_red_the_legend_can_name(app, facts):
    at = app("pages/actions.py", as_of=facts["as_of"], actions_tab=t("actions.tab.lights", "fr"))
    shown = next(d for d in at.dataframe if list(d.value.columns)[:2] == ["Feu", "Intitulé"])
    chips = {o["value"]: o["color"] for o in json.loads(shown.proto.columns)["Feu"]["type_config"]["options"]}
    assert is_red(chips["Critique"]), (
        f"« Critique » drawn {chips['Critique']} (hue {hue(chips['Critique']):.0f}°)"
    )
    assert not is_red(chips["À surveiller"])
    assert abs(hue(chips["Critique"]) - hue(chips["À surveiller"])) > 25  # two colours, not two oranges
    assert "rouge (critique)" in " ".join(c.value for c in at.caption)
    # the cards' dots (:red[…], :orange[…] in Streamlit's Markdown) take the chips' very colours
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    named = {"Critique": "red", "À surveiller": "orange", "Dans les temps": "green", "Non évalué": "gray"}
    for label, name in named.items():
        assert theme[f"{name}Color"].upper() == theme[f"{name}TextColor"].upper() == chips[label].upper()
    assert any(m.label.startswith(":red[") and m.label.endswith("Critique") for m in at.metric)


def _app_colours(app, facts) -> dict[str, str]:
    fig = figure(app("pages/budget.py", as_of=facts["as_of"]), "budget-annees")
    return {trace["name"]: trace["marker"]["color"].upper() for trace in fig["data"]}


def test_planned_and_spent_are_grey_and_blue_on_every_surface(app, app_db, facts):
    app_colours = _app_colours(app, facts)
    planned, spent = t("planned_eur", "fr"), t("spent_eur", "fr")
    assert app_colours[planned] == "#8C8C8C" and app_colours[spent] == "#0072B2"  # grey, blue

    scope = Scope(facts["as_of"])
    with connect_ro(app_db) as con:
        specs = {s.key: s for s in slide_specs(con, scope.as_of)}
        pptx = deck(con, scope)
        xlsx = summary_workbook(con, scope)

    # the slideshow (and the offline report: the same figure)
    slide_fig = document_charts.spec_chart(specs["budget"].chart, "fr", presenter=True)
    assert {tr.name: tr.marker.color.upper() for tr in slide_fig.data} == app_colours

    # the deck: the budget slide's native chart, its series' fill
    prs = Presentation(io.BytesIO(pptx))
    budget = prs.slides[list(specs).index("budget")]
    chart = next(s.chart for s in budget.shapes if s.has_chart)
    deck_colours = {s.name: f"#{s.format.fill.fore_color.rgb}" for s in chart.plots[0].series}
    assert deck_colours == app_colours

    # the Excel summary: the chart reading the budget sheet, its series' fill in the chart's XML
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        charts_xml = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    sheet = t("sheet.budget_year", "fr")[:31]
    budget_xml = next(x for x in charts_xml if f"{sheet}'!" in x.replace("&apos;", "'"))
    fills = re.findall(r"<c:ser>.*?<c:spPr>.*?<a:srgbClr val=\"([0-9A-F]{6})\"", budget_xml, re.S)
    assert [f"#{c}" for c in fills[:2]] == [app_colours[planned], app_colours[spent]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_growth_lines_keep_their_colours_in_the_deck(app_db, facts, lang):
    with connect_ro(app_db) as con:
        specs = {s.key: s for s in slide_specs(con, facts["as_of"], lang=lang)}
        pptx = deck(con, Scope(facts["as_of"], lang=lang))
    fig = document_charts.spec_chart(specs["growth"].chart, lang, presenter=True)
    shown = {tr.name: tr.line.color.upper() for tr in fig.data}
    chart = next(
        s.chart
        for s in Presentation(io.BytesIO(pptx)).slides[list(specs).index("growth")].shapes
        if s.has_chart
    )
    assert {s.name: f"#{s.format.line.color.rgb}" for s in chart.plots[0].series} == shown
