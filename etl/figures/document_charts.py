"""Charts of figures given with their kind: a slide's chart (the deck's specs) and networks compared."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, margins, palette, theme
from etl.text import format as fmt


def spec_chart(chart, lang: str, presenter: bool = False) -> go.Figure:
    """A slide's chart (``etl.documents.slide_specs.Chart``: kind bar, column, line or doughnut, its categories and
    series, its values' kind) as a plotly figure in the house theme: the slideshow and the offline
    report draw the very data the PowerPoint deck plots natively."""
    percent = chart.value_kind == "pct"
    categories = list(chart.categories)
    fig = go.Figure()
    for i, series in enumerate(chart.series):
        values = [None if v is None else v * 100 if percent else v for v in series.values]
        text = [fmt.of_kind(v, chart.value_kind, lang) for v in series.values]
        colour = palette.series(series.key, i)  # the deck's colour for the same series
        if chart.kind == "doughnut":
            fig.add_trace(
                go.Pie(
                    labels=categories,
                    values=values,
                    hole=0.55,
                    text=text,
                    sort=False,
                    direction="clockwise",
                    textinfo="text",
                    textposition="outside",
                    marker={"colors": [palette.PRIMARY, palette.REST]},
                    name=series.name,
                    hovertemplate="%{label} : %{text}<extra></extra>",
                )
            )
        elif chart.kind == "line":
            fig.add_trace(
                go.Scatter(
                    x=categories,
                    y=values,
                    mode="lines",
                    name=series.name,
                    line={"color": colour, "width": 4 if presenter else 2.5},
                )
            )
        else:
            across = {"x": values, "y": categories} if chart.kind == "bar" else {"x": categories, "y": values}
            fig.add_trace(
                go.Bar(
                    **across,
                    orientation="h" if chart.kind == "bar" else "v",
                    name=series.name,
                    text=text,
                    marker_color=colour,
                    hovertemplate="%{text}<extra></extra>",
                    **kit.outside_text(),
                )
            )
    fig = kit.finish(fig, lang, presenter)
    if chart.kind == "doughnut":
        return fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 0.5, "yanchor": "middle"})
    top = max((v for s in chart.series for v in s.values if v is not None), default=0)
    value_axis, category_axis = (
        (fig.update_xaxes, fig.update_yaxes) if chart.kind == "bar" else (fig.update_yaxes, fig.update_xaxes)
    )
    category_axis(
        type="category", tickangle=0, **({"nticks": 6 if presenter else 12} if chart.kind == "line" else {})
    )
    if percent:
        value_axis(**kit.pct_axis(lang, room=30 if chart.kind == "bar" else 15))
    elif chart.value_kind == "int":
        theme.count_axis(fig, top, axis="x" if chart.kind == "bar" else "y")
        if top > 5:
            value_axis(range=[0, top * 1.15])  # room for the texts above the columns
    else:
        value_axis(range=[0, top * (1.3 if chart.kind == "bar" else 1.15) or 1])
        if chart.value_kind == "eur":
            kit.euro_axis(fig, lang, axis="x" if chart.kind == "bar" else "y")
        else:
            value_axis(ticksuffix=f"{fmt.NBSP}h")
    if len(chart.series) > 1 and chart.kind != "line":
        fig.update_layout(barmode="group")
    return margins.fit(kit.tall(fig, len(categories), presenter) if chart.kind == "bar" else fig)


@kit.kept
def compare_bars(frame: pd.DataFrame, kind: str, lang: str, presenter: bool) -> go.Figure:
    """One figure of several networks (``network``, ``value``), one bar each, largest on top; a
    network whose figure is hidden or missing reads « — »."""
    scale = 100 if kind == "pct" else 1  # a share drawn on the 0–100 % axis
    shown = frame.assign(value=frame["value"].astype(float).fillna(0) * scale)
    texts = [fmt.of_kind(v, kind, lang) for v in frame["value"]]
    fig = kit.value_bars(shown, "network", "value", texts, lang, presenter)
    if kind == "pct":
        fig.update_xaxes(**kit.pct_axis(lang, room=25))
    elif kind == "eur":
        kit.euro_axis(fig, lang, axis="x")
    return fig
