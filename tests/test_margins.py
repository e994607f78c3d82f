"""Chart margins computed before plotly draws (etl.figures.margins): from Arial's widths, room for every
label and legend row, the same for the same figure. That plotly then draws each chart once is
checked in the browser (test_browser_pages.py, every page at both sizes, languages and modes)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import ImageFont

from etl.figures import margins

# Installed with chromium by scripts/install-chromium.sh (make test): the type Chromium draws for Arial.
LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def test_the_widths_are_those_of_the_font_chromium_draws():
    font = ImageFont.truetype(str(LIBERATION), margins.UNITS_PER_EM)
    for units, chars in margins.GLYPHS.items():
        for ch in chars:
            assert round(font.getlength(ch)) == units, repr(ch)
    assert {"é", "è", "à", "ç", "ô", "œ", "«", "»", "€", "\u202f", "\xa0", "’"} <= set(margins._WIDTH)


def test_a_text_width_reads_plotly_text():
    one = margins.text_width("Direction de l'éducation", 13)
    assert one == pytest.approx(134.73, abs=0.05)  # measured by Chromium (getComputedTextLength)
    assert margins.text_width("R&amp;D", 13) == pytest.approx(margins.text_width("R&D", 13))
    assert margins.text_width("<b>Appartenance</b>", 13) == pytest.approx(80.95, abs=0.05)


def bars(labels: list[str], **layout) -> go.Figure:
    fig = go.Figure(go.Bar(x=[40] * len(labels), y=labels, orientation="h"))
    return fig.update_layout(font_size=14, yaxis_tickfont_size=13, **layout)


def test_category_labels_get_their_width_beside_the_plot():
    short = margins.fit(bars(["DG", "RH"])).layout.margin
    long = margins.fit(bars(["DG", "Direction de l'éducation et de la jeunesse"])).layout.margin
    width = margins.text_width("Direction de l'éducation et de la jeunesse", 13)
    assert long.l >= width + 10 and long.l <= width * 1.1 + 25  # room, not a gulf
    assert short.l < 60 and short.b == long.b and short.t == margins.BASE["t"]


def test_wrapped_headers_on_top_get_their_lines():
    fig = go.Figure(go.Heatmap(z=[[1, 2]], x=["a", "b"], y=["r"]))
    fig.update_layout(font_size=14, xaxis={"side": "top", "tickvals": ["a", "b"], "ticktext": ["a", "b"]})
    one = margins.fit(fig).layout.margin.t
    fig.update_xaxes(ticktext=["Ensemble<br>des<br>questions", "b"])
    three = margins.fit(fig).layout.margin.t
    assert three - one == pytest.approx(2 * 14 * margins.LINE, abs=1)


def test_a_legend_above_the_plot_gets_its_rows_and_a_narrow_chart_more():
    fig = go.Figure([go.Bar(x=[1], y=[2], name=f"Baromètre managérial {year}") for year in range(2012, 2018)])
    fig.update_layout(font_size=14, legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"})
    wide = margins.fit(fig, margins.FULL).layout.margin.t
    narrow = margins.fit(fig, margins.HALF).layout.margin.t
    row = 14 * 1.5
    assert wide >= 2 * row and narrow >= wide + 2 * row  # six names: 2 rows on a page, 4+ on half
    alone = go.Figure(go.Bar(x=[1], y=[2], name="Seule")).update_layout(font_size=14)
    assert margins.fit(alone).layout.margin.t == margins.BASE["t"]  # one trace: plotly shows no legend


def test_numbers_at_the_ends_of_an_axis_get_half_their_width_each_side():
    fig = go.Figure(go.Scatter(x=[0, 100_000], y=[1, 2])).update_layout(font_size=14)
    margin = margins.fit(fig).layout.margin
    assert margin.r > margins.text_width("110 000", 14) / 2


def test_the_same_figure_gets_the_same_margins_and_never_less_than_the_theme():
    fig = bars(["Direction de l'éducation"])
    first = margins.fit(fig).layout.margin.to_plotly_json()
    assert margins.fit(fig).layout.margin.to_plotly_json() == first  # fitting twice changes nothing
    assert all(first[side] >= least for side, least in margins.BASE.items())
    numbers = go.Figure(go.Scatter(x=np.array([0, 100_000]), y=np.array([1.0, 2.5]))).update_layout(
        font_size=14
    )
    typed = go.Figure(numbers.to_dict())  # plotly's JSON (a kept figure): numpy arrays as typed base64
    assert isinstance(typed.to_dict()["data"][0]["x"], dict)
    assert (
        margins.fit(typed).layout.margin.to_plotly_json()
        == margins.fit(numbers).layout.margin.to_plotly_json()
    )


def test_categories_too_wide_for_half_a_page_are_slanted_with_room_under_them():
    names = ["Formation", "Animation", "Restauration", "Communication", "Impression"]
    fig = go.Figure(go.Bar(x=names, y=[1, 2, 3, 4, 5])).update_layout(font_size=14, xaxis_tickfont_size=13)
    level = margins.fit(fig, margins.FULL)
    assert level.layout.xaxis.tickangle is None  # a page's width holds them side by side
    flat = level.layout.margin.b
    slanted = margins.fit(fig, margins.HALF)
    assert slanted.layout.xaxis.tickangle == margins.SLANT
    assert slanted.layout.margin.b >= margins.text_width("Communication", 13) / 2 + flat / 2
    assert margins.fit(fig, margins.HALF).layout.margin.b == slanted.layout.margin.b  # fitted twice


def test_crowded_categories_stand_steeper_until_two_slanted_labels_hold_a_line_between_them():
    """The 14 directions of the Transversalité heat map at a presenter's type size: at 30 degrees two
    neighbours touched; the labels stand steeper, a line of text between two of them."""
    names = ["Action sociale", "Éducation", "Espace public", "Urbanisme", "Communication", "Culture"]
    names += ["Petite enfance", "Tranquillité publique", "Bâtiments", "Finances", "Ressources humaines"]
    names += ["Sports et de la jeunesse", "Systèmes d'information", "Générale des services"]
    fig = go.Figure(go.Heatmap(x=names, y=names, z=[[1] * 14] * 14)).update_layout(font_size=20)
    fig.update_xaxes(type="category")
    margins.fit(fig, margins.FULL)
    angle = fig.layout.xaxis.tickangle
    assert angle > 30
    margin = fig.layout.margin
    apart = (margins.FULL - margin.l - margin.r) / len(names) * math.sin(math.radians(angle))
    assert apart >= 20  # a line of 20 px type between two neighbours
    # and no steeper than that needs: at the slant before, they would touch
    before = margins.SLANTS[margins.SLANTS.index(angle) - 1]
    assert (margins.FULL - margin.l - margin.r) / len(names) * math.sin(math.radians(before)) < 20 * 1.1
    assert margins.fit(fig, margins.FULL).layout.xaxis.tickangle == angle  # fitted twice


def test_dates_are_no_categories_and_wrapped_headers_no_numbers():
    import datetime as dt

    months = [dt.datetime(2012, m, 28) for m in (1, 6, 12)]
    line = go.Figure(go.Scatter(x=months, y=[0.1, 0.2, 0.3])).update_layout(font_size=14)
    line.update_xaxes(tickvals=months, ticktext=["janv. 2012", "juin 2012", "déc. 2012"])
    assert margins.fit(line).layout.margin.r > margins.text_width("janv. 2012", 14) / 2  # ends
    kept = go.Figure(line.to_dict())  # dates as plotly's JSON writes them
    assert margins.fit(kept).layout.margin.r == margins.fit(line).layout.margin.r
    cells = go.Figure(go.Heatmap(z=[[1, 2]], x=["Appartenance", "Coopération"], y=["DG"]))
    cells.update_layout(font_size=14).update_xaxes(
        tickvals=["Appartenance", "Coopération"], ticktext=["Apparte-<br>nance", "Coopération"]
    )
    assert margins.fit(cells).layout.margin.r == margins.BASE["r"]  # a column header stands over its column


def test_a_funnel_gets_room_on_the_right_for_the_texts_beside_its_narrow_steps():
    # demo on 30/06/2015: 480 managers, 146 members, 143 active, 52 engaged, 39 leads; the steps
    # under 60 % of the first write their text beside them ("146 (30 %)", 62 px at 14 px)
    fig = go.Figure(
        go.Funnel(
            y=[
                "Cadres en poste",
                "Cadres membres",
                "Cadres actifs sur 12 mois",
                "… en groupe projet ou avec un rôle",
                "… dont pilotes ou référents",
            ],
            x=[480, 146, 143, 52, 39],
            text=["480 (100 %)", "146 (30 %)", "143 (30 %)", "52 (11 %)", "39 (8 %)"],
            textposition=["inside", "outside", "outside", "outside", "outside"],
        ),
        layout={"font": {"size": 14}},
    )
    margin = margins.fit(fig, margins.HALF).layout.margin
    plot = margins.HALF - margin.l - margin.r
    # « 146 (30 % » was cut at the chart's edge: the text's end (step's end, gap, text) now falls
    # inside the chart, a pad before its edge
    end = plot * (0.5 + 146 / 480 / 2) + 4 + margins.text_width("146 (30 %)", 14)
    assert margin.r > margins.BASE["r"]
    assert plot + margin.r - 20 <= end <= plot + margin.r - 10
    wide = go.Figure(go.Funnel(y=["a", "b"], x=[10, 9], text=["10", "9"], textposition="inside"))
    assert margins.fit(wide, margins.HALF).layout.margin.r == margins.BASE["r"]  # none beside


def test_legend_names_that_do_not_fit_one_row_stand_in_columns_as_wide_as_the_widest():
    # plotly.js (legend/draw.js): measured in Chromium on the actions by axis, 14 px: over a plot
    # of 302 px the four statuses took 2 rows of 2 (236 × 48 px), over 210 px 4 rows; on 423 px one row
    statuses = ["Non démarrée", "En cours", "Terminée", "Abandonnée"]
    fig = go.Figure([go.Bar(x=[1], y=["Axe 1"], orientation="h", name=s) for s in statuses])
    fig.update_layout(font_size=14, legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"})
    rows = {width: margins._legend_height(fig, 14, width) for width in (210, 302, 440)}
    row = 14 * 1.5
    assert rows == {210: 4 * row + 11, 302: 2 * row + 11, 440: row + 11}
