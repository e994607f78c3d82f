"""The house theme merged into a figure's JSON gives what plotly's validated setters give."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from etl.figures import kit, theme
from etl.text import format as fmt


def _bars(**layout) -> go.Figure:
    fig = go.Figure(go.Bar(x=["DG", "RH"], y=[3, 12], name="Membres"))
    return fig.update_layout(**layout)


def _two_axes() -> go.Figure:
    """A chart with a second x and y axis (a trace drawn against them), as a subplot would have."""
    fig = _bars(xaxis2={"anchor": "y2", "domain": [0.55, 1]}, yaxis2={"anchor": "x2", "title": {"text": "h"}})
    return fig.add_trace(go.Scatter(x=[1, 2], y=[4, 5], xaxis="x2", yaxis="y2", name="Heures"))


FIGURES = {
    "bars": _bars,
    "titled": lambda: _bars(title={"text": "Participation"}),
    "own legend title and font": lambda: _bars(
        legend={"title": {"text": "Statut"}, "x": 0.5}, font={"size": 9, "family": "serif"}
    ),
    "own axis settings": lambda: _bars(xaxis={"tickangle": 45, "showgrid": True}, yaxis={"range": [0, 5]}),
    "own template and margin": lambda: _bars(template="ggplot2", margin={"l": 80, "pad": 4}),
    "two axes": _two_axes,
}


def _json(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


@pytest.mark.parametrize("presenter", [False, True], ids=["page", "presenter"])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", FIGURES)
def test_style_is_what_plotlys_setters_give(name, lang, presenter):
    build = FIGURES[name]
    expected = theme.styled_by_plotly(build(), lang, presenter)
    assert _json(theme.style(build(), lang, presenter)) == _json(expected)


def test_finish_gives_the_title_the_automargins_and_the_house_on_every_axis():
    finished = _json(kit.finish(_two_axes(), "fr", False, title="Heures"))
    expected = _two_axes().update_layout(title={"text": "Heures"})
    expected.update_xaxes(automargin=True).update_yaxes(automargin=True)
    assert finished == _json(theme.styled_by_plotly(expected, "fr", False))
    layout = finished["layout"]
    assert layout["margin"]["t"] == 50  # room for the title
    assert layout["separators"] == fmt.plotly_separators("fr") and layout["xaxis2"]["separatethousands"]
    assert layout["template"]["layout"]["plot_bgcolor"] == "white"  # plotly_white
