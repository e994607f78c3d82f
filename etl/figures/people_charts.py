"""Participation: rates by group, the funnel, roles, growth with milestones, cohorts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, palette, theme
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import code_label, t


@kit.kept
def rate_bars(frame: pd.DataFrame, lang: str, presenter: bool, worst_first: bool = False) -> go.Figure:
    """Horizontal bars of ``rate`` per ``label``, each bar reading ``42 % (77 / 235)`` (``0 % (0 / 3)``
    too: the text stands beside the bar). Highest on top; lowest on top with ``worst_first``."""
    # plotly draws the first row at the bottom: rows reversed first, so equal rates read top-down
    # in the frame's (French) order
    rows = frame.iloc[::-1].sort_values("rate", ascending=not worst_first, na_position="first", kind="stable")
    text = [
        f"{fmt.percent(r, lang=lang)} ({fmt.integer(n, lang)} / {fmt.integer(d, lang)})"
        for r, n, d in zip(rows["rate"], rows["member_managers"], rows["managers"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["rate"].astype(float).fillna(0) * 100,
            y=rows["label"],
            orientation="h",
            text=text,
            customdata=rows.index.tolist(),  # the row's index in ``frame``, for a click that drills down
            marker_color=theme.PRIMARY,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
            **kit.outside_text(),
        )
    )
    fig.update_xaxes(**kit.pct_axis(lang, room=40 if presenter else 30, step=50 if presenter else 20))
    fig = kit.tall(kit.finish(fig, lang, presenter), len(rows), presenter)
    return fig


@kit.kept
def funnel(frame: pd.DataFrame, population: str, lang: str, presenter: bool) -> go.Figure:
    """The involvement funnel: ``people`` per ``level`` (eligible → leads), each step named for
    ``population`` (managers or staff)."""
    labels = [code_label(f"funnel_{population}", level, lang) for level in frame["level"]]
    return kit.funnel_steps(labels, frame["people"], lang, presenter)


@kit.kept
def growth(frame: pd.DataFrame, marks: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Members and member managers at each month's end, with milestones marked above the lines."""
    months = kit.each_once(frame["month"], fmt.month_year, lang)
    fig = go.Figure()
    for column in ("members", "member_managers"):
        colour = palette.series(column)
        fig.add_scatter(
            x=frame["month"],
            y=frame[column],
            name=t(column, lang),
            mode="lines",
            line={"color": colour, "width": 3},
            customdata=months,
            hovertemplate="%{customdata} : %{y:,.0f}<extra>" + t(column, lang) + "</extra>",
        )
    top = frame["members"].max() if len(frame) else 0
    _milestones(fig, marks, top, lang)
    shown = [d for trace in fig.data[2:] for d in trace.x]  # the milestones' days, whole too
    kit.month_axis(fig, frame["month"], lang, presenter=presenter, also=shown)
    return theme.count_axis(kit.finish(fig, lang, presenter), top * 1.1 if top else 0)


_MARKS = {"seminar": ("diamond", theme.OKABE_ITO[5]), "group": ("star", theme.OKABE_ITO[2])}
# Milestones of a kind marked one by one up to this many; beyond (1 100 at 100× the demo: a band of
# overlapping diamonds no one can hover, and seconds of drawing), one marker per month, reading
# how many (« 100 séminaires »).
MOST_MARKS = 60


def _milestones(fig: go.Figure, marks: pd.DataFrame, top, lang: str) -> None:
    for kind, (symbol, colour) in _MARKS.items():
        rows = marks[marks["kind"] == kind]
        if rows.empty:
            continue
        if len(rows) > MOST_MARKS:
            x, customdata = _by_month(rows, kind, lang)
        else:
            x = rows["day"]
            customdata = [
                [d, plain.chart(label)]
                for d, label in zip(kit.each_once(rows["day"], fmt.date, lang), rows["label"], strict=True)
            ]
        fig.add_scatter(
            x=x,
            y=[top * 1.08 if top else 1] * len(x),
            mode="markers",
            name=t(f"milestone.{kind}", lang),
            marker={"symbol": symbol, "size": 12, "color": colour},
            customdata=customdata,
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        )


def _by_month(rows: pd.DataFrame, kind: str, lang: str) -> tuple[list, list]:
    """One marker per month of ``rows`` (at mid-month), its hover the month and how many milestones
    (a month's lone milestone keeps its date and name)."""
    days = pd.to_datetime(rows["day"])
    month = days.dt.to_period("M").dt.to_timestamp()
    x, customdata = [], []
    for start, group in rows.groupby(month.to_numpy(), sort=True):
        x.append(pd.Timestamp(start) + pd.Timedelta(days=14))
        if len(group) == 1:
            customdata.append([fmt.date(group["day"].iloc[0], lang), plain.chart(group["label"].iloc[0])])
        else:
            count = t(f"milestone.{kind}.n", lang, n=fmt.integer(len(group), lang))
            customdata.append([fmt.month_year(pd.Timestamp(start), lang), count])
    return x, customdata


@kit.kept
def rate_line(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Manager participation rate at each month's end."""
    fig = go.Figure(
        go.Scatter(
            x=frame["month"],
            y=frame["rate"] * 100,
            mode="lines",
            line={"color": theme.PRIMARY, "width": 3},
            customdata=[
                [fmt.month_year(m, lang), fmt.percent(r, lang=lang)]
                for m, r in zip(frame["month"], frame["rate"], strict=True)
            ],
            hovertemplate="%{customdata[0]} : %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_yaxes(**kit.pct_axis(lang))
    kit.month_axis(fig, frame["month"], lang, max_ticks=6, presenter=presenter, pad=False)  # drawn half-width
    return kit.finish(fig, lang, presenter)


@kit.kept
def cohort_heatmap(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Share still members per joining year (rows) and months after joining (columns)."""
    columns = [c for c in frame.columns if c.startswith("m") and c[1:].isdigit()]
    values = frame[columns].astype(float)
    fig = go.Figure(
        go.Heatmap(
            z=values.to_numpy() * 100,
            x=[t("cohort.m", lang, n=c[1:]) for c in columns],
            y=[
                f"{c} ({fmt.integer(n, lang)})"
                for c, n in zip(frame["cohort"], frame["joiners"], strict=True)
            ],
            text=[
                [fmt.percent(v, lang=lang) if pd.notna(v) else "" for v in row] for row in values.to_numpy()
            ],
            texttemplate="%{text}",
            textfont=theme.cell_font(presenter),
            colorscale=theme.SEQUENTIAL,
            zmin=0,
            zmax=100,
            showscale=False,
            hovertemplate="%{y} · %{x} : %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    return kit.finish(fig, lang, presenter)


@kit.kept
def role_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """People per role of the network at D (``etl.model.page_reads.roles_at``), in the roles' order."""
    shown = frame.assign(label=[code_label("role", r, lang) for r in frame["role"]])
    fig = kit.value_bars(shown, "label", "people", fmt.integer, lang, presenter)
    return theme.count_axis(fig, frame["people"].max() if len(frame) else 0, axis="x")
