"""The levers (hours by theme, by year) and the roadmap (boxes in boxes, an indented list)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, theme
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import t, t_count


def theme_label(code, lang: str) -> str:
    """A lever's theme as written, « Non renseigné » when none."""
    return t("not_given", lang) if code is None or code != code else code


@kit.kept
def lever_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Hours per theme, most first, each bar reading ``1 258 h · 317 participants``."""
    rows = frame.assign(name=[theme_label(v, lang) for v in frame["label"]])
    texts = [
        t_count("levers.bar", n, lang, h=fmt.whole_hours(h, lang), n=fmt.integer(n, lang))
        for h, n in zip(rows["hours"], rows["participants"], strict=True)
    ]
    fig = kit.value_bars(rows, "name", "hours", texts, lang, presenter)
    return fig.update_xaxes(ticksuffix=f"{fmt.NBSP}h")


MOST_THEMES = 6  # the lines drawn in the change of the levers; the download keeps every theme


@kit.kept
def theme_years(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Hours per year of the themes with the most hours, one line each."""
    leading = frame.groupby("label", dropna=False)["hours"].sum().nlargest(MOST_THEMES).index
    fig = go.Figure()
    for i, code in enumerate(leading):
        rows = frame[frame["label"].isna()] if code != code or code is None else frame[frame["label"] == code]
        fig.add_trace(
            go.Scatter(
                x=rows["year"].astype(str),
                y=rows["hours"],
                mode="lines+markers",
                name=theme_label(code, lang),
                line={"color": theme.OKABE_ITO[i % len(theme.OKABE_ITO)], "width": 4 if presenter else 2.5},
                text=[fmt.whole_hours(v, lang) for v in rows["hours"]],
                hovertemplate="%{x} : %{text}<extra></extra>",
            )
        )
    fig.update_xaxes(type="category", tickangle=0)
    fig.update_yaxes(ticksuffix=f"{fmt.NBSP}h", rangemode="tozero")
    return kit.finish(fig, lang, presenter)


def node_label(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each roadmap node's name, « (non renseigné) » for an axis or a group not given."""
    return [theme_label(v, lang) for v in frame["label"]]


INDENT = {"axis": "", "group": "\u2003", "action": "\u2003\u2003"}  # em spaces: a table keeps them


def indented(frame: pd.DataFrame, lang: str) -> list[str]:
    """The roadmap's names indented by level (axis, then its groups, then their actions)."""
    return [INDENT[level] + name for level, name in zip(frame["level"], node_label(frame, lang), strict=True)]


@kit.kept
def roadmap_treemap(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The roadmap as nested boxes (axis → group → action), each as large as its actions and lit
    by its light (an axis or a group red when a quarter of its actions are late)."""
    texts = [
        t(
            "roadmap.box",
            lang,
            n=fmt.integer(n, lang),
            late=fmt.integer(late, lang),
            p=fmt.percent(p / 100 if p == p and p is not None else None, lang=lang),
        )
        if level != "action"
        else fmt.percent(p / 100 if p == p and p is not None else None, lang=lang)
        for level, n, late, p in zip(
            frame["level"], frame["actions"], frame["late"], frame["progress_pct"], strict=True
        )
    ]
    fig = go.Figure(
        go.Treemap(
            ids=frame["id"],
            parents=frame["parent"],
            labels=plain.charts(node_label(frame, lang)),
            values=frame["actions"],
            branchvalues="total",
            text=texts,
            texttemplate="<b>%{label}</b><br>%{text}",
            hovertemplate="%{label}<br>%{text}<extra></extra>",
            marker={"colors": [theme.LIGHTS[light] for light in frame["light"]]},
            maxdepth=3,
            textfont={"size": 20 if presenter else 13},
        )
    )
    fig = kit.finish(fig, lang, presenter)
    return fig.update_layout(height=720 if presenter else 560, margin={"l": 0, "r": 0, "t": 10, "b": 0})
