"""A load's rows per table, loaded and rejected."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, theme
from etl.text.i18n import t


@kit.kept
def load_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Rows loaded and rejected per table, stacked (their sum is the rows read)."""
    fig = go.Figure()
    for column, colour in (("rows_loaded", theme.PRIMARY), ("rows_rejected", theme.BAD)):
        fig.add_bar(
            x=frame[column],
            y=[t(f"table.{name}", lang) for name in frame["table_name"]],
            orientation="h",
            name=t(column, lang),
            marker_color=colour,
            hovertemplate="%{y} : %{x:,.0f}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", type="category")
    fig = kit.tall(kit.finish(fig, lang, presenter), len(frame), presenter)
    return theme.count_axis(fig, (frame["rows_loaded"] + frame["rows_rejected"]).max(), axis="x")
