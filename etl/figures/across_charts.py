"""Working across directions: who meets whom (heat map, network), each one's share, by quarter."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, theme
from etl.model.working_across import OTHERS
from etl.text import collate
from etl.text import format as fmt
from etl.text.i18n import t


def group_label(code, lang: str) -> str:
    """A group's name as shown: the gathered small groups (etl.model.working_across.OTHERS) worded."""
    return t("transversality.others", lang) if code == OTHERS else code


@kit.kept
def cross_share_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Horizontal bars of each group's share of hours spent with another group, reading
    ``87 % (17 directions)``; the most working across on top, the gathered groups last."""
    rows = frame.iloc[::-1].reset_index(drop=True)
    names = [group_label(v, lang) for v in rows["label"]]
    # on a projector the share alone (« 100 % (13 rencontrées) » at projector type ran past the edge)
    text = [
        fmt.percent(s, lang=lang)
        if presenter
        else t("transversality.bar", lang, p=fmt.percent(s, lang=lang), n=fmt.integer(m, lang))
        for s, m in zip(rows["cross_hours_share"], rows["groups_met"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["cross_hours_share"].astype(float).fillna(0) * 100,
            y=names,
            orientation="h",
            text=text,
            marker_color=theme.PRIMARY,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
            **kit.outside_text(),
        )
    )
    fig.update_xaxes(**kit.pct_axis(lang, room=40, step=50 if presenter else 20))
    return kit.tall(kit.finish(fig, lang, presenter), len(rows), presenter)


_ARTICLES = ("de la ", "de l'", "des ", "du ", "de ", "d'")


def short_name(name: str) -> str:
    """A direction's name without « Direction de la » (« Culture »), for a crowded drawing; the
    full name stays in the hover and the download. A general direction keeps its name whole
    (« Générale des services » named nothing)."""
    rest = name.removeprefix("Direction ")
    if rest == name or rest.startswith("générale"):
        return name
    for article in _ARTICLES:
        if rest.startswith(article):
            rest = rest.removeprefix(article)
            break
    return rest[:1].upper() + rest[1:]


def _links_matrix(links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The symmetric group × group matrix of hours in common (0 where two groups never met)."""
    both = pd.concat([links, links.rename(columns={"label": "other", "other": "label"})])
    names = collate.sort_frame(pd.DataFrame({"label": sorted(set(both["label"]))}), "label")["label"].tolist()
    names = [n for n in names if n != OTHERS] + [n for n in names if n == OTHERS]
    matrix = both.pivot_table(index="label", columns="other", values="hours", aggfunc="sum")
    matrix = matrix.reindex(index=names, columns=names)
    matrix.index = matrix.columns = [group_label(n, lang) for n in names]
    return matrix


@kit.kept
def links_heatmap(links: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Who meets whom: the hours of the sessions each pair of groups attended together."""
    matrix = _links_matrix(links, lang)
    names = list(matrix.index)
    text = [[fmt.whole_hours(v, lang) if pd.notna(v) else "" for v in row] for row in matrix.to_numpy()]
    full = [[f"{a} · {b}" for b in names] for a in names]
    short = [short_name(n) for n in names]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=short,
            y=short,
            text=text,
            customdata=full,
            colorscale=theme.SEQUENTIAL,
            showscale=False,
            xgap=1,
            ygap=1,
            hovertemplate="%{customdata} : %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category", side="bottom")
    fig = kit.finish(fig, lang, presenter)
    return fig.update_layout(height=max(360, (44 if presenter else 28) * len(names) + 220))


MOST_LINKS = 60  # the strongest pairs drawn in the network; the heat map shows them all


@kit.kept
def links_network(links: pd.DataFrame, groups: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The groups as points placed by a force layout (networkx, spring: pairs with more hours in
    common pulled closer), lines as wide as their hours, points as large as their participants."""
    strongest = links.nlargest(MOST_LINKS, "hours")
    top = float(links["hours"].max()) if len(links) else 1.0
    graph = nx.Graph()
    graph.add_nodes_from(groups["label"])
    # every pair places the points (the strongest only would leave the others adrift), with weights
    # 0–1 (hours / the most): raw hours pulled every point onto one spot
    pairs = links[["label", "other", "hours"]].itertuples(index=False, name=None)
    graph.add_weighted_edges_from((a, b, hours / top) for a, b, hours in pairs)
    place = nx.spring_layout(graph, weight="weight", seed=7, iterations=300)
    # the lines are shapes under the points, not a trace each: plotly draws the demo's 60 lines as
    # shapes in 31 ms, as 60 traces in 55 ms (Plotly.newPlot in headless Chromium, medians of 7)
    lines = [
        {
            "type": "line",
            "layer": "below",
            "x0": place[a][0],
            "y0": place[a][1],
            "x1": place[b][0],
            "y1": place[b][1],
            "line": {"color": theme.NEUTRAL, "width": 1 + 11 * hours / top},
            "opacity": 0.5,
        }
        for a, b, hours in strongest[["label", "other", "hours"]].itertuples(index=False, name=None)
    ]
    fig = go.Figure(layout={"shapes": lines})
    people = groups.set_index("label")["participants"]
    names = [short_name(group_label(n, lang)) for n in graph.nodes]
    biggest = float(people.max()) if len(people) else 1.0
    fig.add_trace(
        go.Scatter(
            x=[place[n][0] for n in graph.nodes],
            y=[place[n][1] for n in graph.nodes],
            mode="markers+text",
            text=names,
            textposition="top center",
            showlegend=False,
            cliponaxis=False,
            marker={
                "size": [12 + 28 * people.get(n, 0) / biggest for n in graph.nodes],
                "color": theme.PRIMARY,
            },
            customdata=[
                f"{group_label(n, lang)} · "
                + t("transversality.participants", lang, n=fmt.integer(people.get(n, 0), lang))
                for n in graph.nodes
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    # room around the points for their names (a name at the edge was cut: « ports et de la jeunesse »)
    xs, ys = [x for x, _ in place.values()] or [0], [y for _, y in place.values()] or [0]
    fig.update_xaxes(visible=False, range=[min(xs) - 0.45, max(xs) + 0.45])
    fig.update_yaxes(visible=False, range=[min(ys) - 0.15, max(ys) + 0.2])
    fig = kit.finish(fig, lang, presenter)
    return fig.update_layout(height=680 if presenter else 560)


@kit.kept
def quarter_share_line(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The share of hours spent with another direction, quarter by quarter (« T1 2015 »)."""
    quarters = [fmt.quarter(q, lang) for q in frame["quarter"]]
    fig = go.Figure(
        go.Scatter(
            x=quarters,
            y=frame["cross_hours_share"].astype(float) * 100,
            mode="lines+markers",
            line={"color": theme.PRIMARY, "width": 4 if presenter else 3},
            text=[fmt.percent(v, lang=lang) for v in frame["cross_hours_share"]],
            hovertemplate="%{x} : %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", tickangle=0, nticks=6 if presenter else 12)
    fig.update_yaxes(**kit.pct_axis(lang))
    return kit.finish(fig, lang, presenter)
