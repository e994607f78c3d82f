"""Time invested: stacks by month, hours by kind, group, organisation, person; who carries them."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, theme
from etl.text import format as fmt
from etl.text.i18n import code_label, t


@kit.kept
def monthly_stack(
    frame: pd.DataFrame, value: str, by: str, enum: str, lang: str, presenter: bool, unit: str = ""
) -> go.Figure:
    """Stacked monthly bars of ``value`` split by the code column ``by`` (labels from ``enum``), each
    bar on its month's first day, under its month's label (a month given by its last day too)."""
    frame = frame.assign(month=pd.to_datetime(frame["month"]).dt.to_period("M").dt.to_timestamp())
    fig = go.Figure()
    for position, code in enumerate(kit.in_code_order(frame[by].unique(), enum)):
        rows = frame[frame[by] == code]
        fig.add_bar(
            x=rows["month"],
            y=rows[value],
            name=code_label(enum, code, lang),
            marker_color=theme.colour(enum, code, position),
            customdata=[fmt.month_year(m, lang) for m in rows["month"]],
            hovertemplate="%{customdata} : %{y:,.1~f}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.15)
    kit.month_axis(fig, frame["month"], lang, presenter=presenter)
    fig = kit.finish(fig, lang, presenter)
    if unit:
        return fig.update_yaxes(ticksuffix=f"{fmt.NBSP}{unit}")
    top = frame.groupby("month")[value].sum().max() if len(frame) else 0
    return theme.count_axis(fig, top)


@kit.kept
def hours_bars(frame: pd.DataFrame, dimension: str, lang: str, presenter: bool) -> go.Figure:
    """Hours invested per kind, group or organisation (``etl.model.queries.hours_by``)."""
    if dimension == "kind":
        labels = [code_label("kind", k, lang) for k in frame["key"]]
    else:
        labels = [
            t("no_group", lang) if pd.isna(k) else v
            for k, v in zip(frame["key"], frame["label"], strict=True)
        ]
    shown = frame.assign(label=labels)
    # « 1 974 h » beside « 5 768 h »; groups and organisations may be many: gathered beyond kit.MOST_BARS
    key = None if dimension == "kind" else "key"
    fig = kit.value_bars(shown, "label", "hours", fmt.whole_hours, lang, presenter, key)
    return fig.update_xaxes(ticksuffix=f"{fmt.NBSP}h")


@kit.kept
def per_participant_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Hours per participant for each organisation, from the contract's ``hours`` breakdown by
    organisation: the organisation's hours / its participants (members or not), as the headline."""
    rows = frame.dropna(subset=["label"]).reset_index(drop=True)
    per = rows["hours"] / rows["participants"].where(rows["participants"] > 0)
    # the participants in the bar's name, the bar's text short enough to stand beside it
    names = [
        f"{o} ({fmt.integer(n, lang)})" for o, n in zip(rows["label"], rows["participants"], strict=True)
    ]
    # a ratio per organisation: never summed into an « Autres » bar (no key)
    shown = rows.assign(per=per.fillna(0), name=names)
    fig = kit.value_bars(shown, "name", "per", [fmt.hours(v, lang) for v in per], lang, presenter)
    return fig.update_xaxes(ticksuffix=f"{fmt.NBSP}h")


@kit.kept
def effort_curve(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The Lorenz curve of hours per participant, the most involved first: the share of the hours
    (y) carried by the first share of participants (x); the diagonal is an even effort."""
    x, y = frame["people_share"].astype(float) * 100, frame["hours_share"].astype(float) * 100
    text = [
        t("effort.point", lang, p=fmt.percent(p, lang=lang), h=fmt.percent(h, lang=lang))
        for p, h in zip(frame["people_share"], frame["hours_share"], strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 100],
            y=[0, 100],
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"color": theme.NEUTRAL, "dash": "dot", "width": 1.5},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[0, *x],
            y=[0, *y],
            mode="lines",
            showlegend=False,
            text=["", *text],
            line={"color": theme.PRIMARY, "width": 4 if presenter else 3},
            hovertemplate="%{text}<extra></extra>",
        )
    )
    tenth = frame[frame["people_share"] >= 0.1].head(1)
    if len(tenth):
        share = float(tenth["hours_share"].iloc[0])
        fig.add_trace(
            go.Scatter(
                x=[10],
                y=[share * 100],
                mode="markers+text",
                showlegend=False,
                marker={"size": 12, "color": theme.ACCENT},
                textposition="middle right",
                text=[
                    t("effort.tenth", lang, p=fmt.percent(0.1, lang=lang), h=fmt.percent(share, lang=lang))
                ],
                hoverinfo="skip",
                cliponaxis=False,
            )
        )
    # no axis titles (etl.figures.margins leaves them no room: plotly drew the chart twice); the caption and
    # each point's hover say what the axes are
    fig.update_xaxes(**kit.pct_axis(lang))
    fig.update_yaxes(**kit.pct_axis(lang))
    return kit.finish(fig, lang, presenter)
