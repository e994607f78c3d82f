"""Budget charts: planned against spent, cumulative spending, euros by group."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, palette, theme
from etl.text import format as fmt
from etl.text.i18n import code_label, t


@kit.kept
def planned_spent_bars(
    frame: pd.DataFrame, label: str, lang: str, presenter: bool, enum: str = ""
) -> go.Figure:
    """Planned against spent (euros) per ``label`` (a year or a category), side by side."""
    labels = [code_label(enum, v, lang) if enum else str(v) for v in frame[label]]
    fig = go.Figure()
    for column in ("planned_eur", "spent_eur"):  # grey and blue: the deck's and the Excel's colours
        fig.add_bar(
            x=labels,
            y=frame[column],
            name=t(column, lang),
            marker_color=palette.series(column),
            customdata=[fmt.euros(v, lang) for v in frame[column]],
            hovertemplate="%{x} : %{customdata}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")  # slanted where they do not fit level (etl.figures.margins)
    kit.euro_axis(fig, lang)
    return kit.finish(fig, lang, presenter)


@kit.kept
def cumulative_spending(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Cumulative spending at each month's end (``etl.model.actions_budget.budget_cumulative``)."""
    fig = go.Figure(
        go.Scatter(
            x=frame["month"],
            y=frame["cumulative_spent_eur"],
            mode="lines",
            line={"color": theme.PRIMARY, "width": 3, "shape": "hv"},
            fill="tozeroy",
            customdata=[
                [fmt.month_year(m, lang), fmt.euros(c, lang), fmt.euros(s, lang)]
                for m, c, s in zip(
                    frame["month"], frame["cumulative_spent_eur"], frame["spent_eur"], strict=True
                )
            ],
            hovertemplate="%{customdata[0]} : %{customdata[1]} (+%{customdata[2]})<extra></extra>",
        )
    )
    kit.euro_axis(fig, lang)
    kit.month_axis(fig, frame["month"], lang, presenter=presenter, pad=False)
    return kit.finish(fig, lang, presenter)


@kit.kept
def euro_bars(
    frame: pd.DataFrame, label: str, value: str, lang: str, presenter: bool, key: str | None = None
) -> go.Figure:
    """Horizontal bars of euros ``value`` per ``label``, largest on top; with ``key`` (the rows'
    identity), beyond ``kit.MOST_BARS`` rows the others gathered in one « Autres (n) » bar."""
    fig = kit.value_bars(frame, label, value, fmt.euros, lang, presenter, key)
    kit.euro_axis(fig, lang, axis="x")
    return fig
