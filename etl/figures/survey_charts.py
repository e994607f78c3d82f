"""Surveys: favourable shares by theme, compared, mapped; the eNPS; a hidden cell reads why."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, theme
from etl.text import collate, plain
from etl.text import format as fmt
from etl.text.i18n import code_label, t

# Hidden cells (etl.model.survey_results) carry no value, only their reason.


def _hidden(reason, lang: str, short: bool = False) -> str:
    return code_label("suppression_short" if short else "suppression", reason, lang)


def _theme_label(code, lang: str) -> str:
    """A theme's label (an unknown theme is its name from the data) as plotly text, never markup."""
    return plain.chart(code_label("survey_theme", code, lang))


@kit.kept
def likert_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Favourable, neutral and unfavourable shares per theme (``etl.model.survey_results.theme_scores``), stacked
    to 100 %; a hidden theme shows why instead of bars."""
    labels = [_theme_label(v, lang) for v in frame["theme"]]
    fig = go.Figure()
    for column, colour in (
        ("unfavourable", theme.BAD),
        ("neutral", theme.NEUTRAL),
        ("favourable", theme.GOOD),
    ):
        shares = frame[column].astype(float)
        fig.add_bar(
            x=shares * 100,
            y=labels,
            orientation="h",
            name=t(column, lang),
            marker_color=colour,
            # a segment under 8 % has no room for its text: the hover still gives it
            text=[fmt.percent(v, lang=lang) if pd.notna(v) and v >= 0.08 else "" for v in shares],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
            customdata=[fmt.percent(v, lang=lang) if pd.notna(v) else "" for v in shares],
            hovertemplate="%{y} : %{customdata}<extra>%{fullData.name}</extra>",
        )
    for label, reason in zip(labels, frame["reason"], strict=True):
        if pd.notna(reason):
            fig.add_annotation(x=50, y=label, text=_hidden(reason, lang), showarrow=False)
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_xaxes(**kit.pct_axis(lang))
    fig.update_yaxes(autorange="reversed", type="category")
    return kit.tall(kit.finish(fig, lang, presenter), len(frame), presenter)


@kit.kept
def share_groups(
    frame: pd.DataFrame, by: str, names: dict, value: str, lang: str, presenter: bool
) -> go.Figure:
    """Horizontal bars of the share ``value`` per theme, one bar per value of ``by`` named by ``names``
    (members against non-members, one survey against the next); hidden bars read why."""
    fig = go.Figure()
    for key, name in names.items():
        rows = frame[frame[by] == key]
        shares = rows[value].astype(float)
        fig.add_bar(
            x=shares.fillna(0) * 100,
            y=[_theme_label(v, lang) for v in rows["theme"]],
            orientation="h",
            name=plain.chart(name),
            text=[
                fmt.percent(v, lang=lang) if pd.notna(v) else _hidden(r, lang, short=True)
                for v, r in zip(shares, rows["reason"], strict=True)
            ],
            hovertemplate="%{y} : %{text}<extra>%{fullData.name}</extra>",
            **kit.outside_text(),
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(**kit.pct_axis(lang, room=25, step=25))  # five ticks: level in half a page too
    fig.update_yaxes(autorange="reversed", type="category")
    return kit.tall(
        kit.finish(fig, lang, presenter), frame["theme"].nunique() * max(1, len(names)), presenter
    )


@kit.kept
def survey_heatmap(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Favourable share per theme (columns) and row (organisation, or direction within it), from the
    long frame of ``etl.model.survey_results.theme_heatmap``; a hidden cell is blank and reads why."""
    rows = frame.assign(row=frame["direction"].fillna(frame["organisation"]))  # escaped once, in kit.finish
    # rows in French reading order, the "(not given)" row last
    names = sorted(dict.fromkeys(rows["row"]), key=lambda n: (str(n).startswith("("), collate.key(n, lang)))
    themes = list(dict.fromkeys(rows["theme"]))
    at = {
        (r, th): (v, why)
        for r, th, v, why in zip(rows["row"], rows["theme"], rows["favourable"], rows["reason"], strict=True)
    }
    cells = [[at.get((r, th), (pd.NA, None)) for th in themes] for r in names]
    fig = go.Figure(
        go.Heatmap(
            z=[[float(v) * 100 if pd.notna(v) else None for v, _ in row] for row in cells],
            x=[_theme_label(th, lang) for th in themes],  # wrapped in the ticks below, once escaped
            y=names,
            text=[
                [
                    fmt.percent(v, lang=lang)
                    if pd.notna(v)
                    else _hidden(why, lang, True)
                    if pd.notna(why)
                    else ""
                    for v, why in row
                ]
                for row in cells
            ],
            customdata=[[_hidden(why, lang) if pd.notna(why) else "" for _, why in row] for row in cells],
            texttemplate="%{text}",
            textfont=theme.cell_font(presenter),  # as large as the row labels
            colorscale=theme.SEQUENTIAL,
            zmin=0,
            zmax=100,
            showscale=False,
            hoverongaps=False,
            hovertemplate="%{y} · %{x} : %{text} %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig = kit.tall(kit.finish(fig, lang, presenter), len(names), presenter)
    # column headers level, on several lines, never slanted over one another
    columns = list(fig.data[0].x)
    fig.update_xaxes(
        side="top",
        tickangle=0,
        tickvals=columns,
        ticktext=[kit.wrap(c, 9 if presenter else 10) for c in columns],
    )
    if presenter:  # projector type: row labels on two lines and headers at the floor size leave
        # each column room for its header (at 1 280 px they ran over one another)
        rows = list(fig.data[0].y)
        fig.update_yaxes(tickvals=rows, ticktext=[kit.wrap(r, 22) for r in rows])
        fig.update_xaxes(tickfont={"size": theme.MIN_PRESENTER_FONT})
    return fig


@kit.kept
def nps_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Share of answers per score 0–10 (``etl.model.survey_results.nps_distribution``), coloured by category."""
    colours = {"detractor": theme.BAD, "passive": theme.NEUTRAL, "promoter": theme.GOOD}
    fig = go.Figure()
    for category, colour in colours.items():
        rows = frame[frame["category"] == category]
        shares = rows["share"].astype(float)
        fig.add_bar(
            x=rows["score"],
            y=shares * 100,
            name=code_label("nps_category", category, lang),
            marker_color=colour,
            text=[fmt.percent(v, lang=lang) if pd.notna(v) else "" for v in shares],
            textposition="outside",
            hovertemplate="%{x} : %{text}<extra>%{fullData.name}</extra>",
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(range(11)))
    fig.update_yaxes(ticksuffix=f"{fmt.NBSP}%" if lang == "fr" else "%")
    fig.update_traces(textangle=0, cliponaxis=False)
    fig = kit.finish(fig, lang, presenter)
    # every bar's text in one size (plotly shrinks each to its bar: 23 % beside 8 % looked random)
    return fig.update_layout(
        uniformtext={"minsize": theme.SIZES[bool(presenter)]["tick"] - 2, "mode": "show"}
    )
