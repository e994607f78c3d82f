"""Action plan charts: from ideas to actions done, actions by axis, group or status."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.figures import kit, theme
from etl.text import collate, plain
from etl.text import format as fmt
from etl.text.i18n import code_label, t


@kit.kept
def stage_funnel(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """From ideas to actions done: ``count`` per ``level``, each level a headline indicator."""
    colours = [theme.GOOD if level == "actions_done" else theme.PRIMARY for level in frame["level"]]
    return kit.funnel_steps(
        [t(level, lang) for level in frame["level"]], frame["count"], lang, presenter, colours
    )


@kit.kept
def status_bars(frame: pd.DataFrame, dimension: str, lang: str, presenter: bool) -> go.Figure:
    """Horizontal bars of ``actions`` per ``label``, stacked by status at D (``etl.model.actions_budget.actions_by``)."""
    missing = t("no_group" if dimension == "group" else "not_given", lang)
    labels = [
        code_label("action_status", k, lang) if dimension == "status" else (missing if pd.isna(v) else v)
        for k, v in zip(frame["key"], frame["label"], strict=True)
    ]
    shown = frame.assign(label=labels)
    order = collate.sort(set(labels), lang)
    if dimension == "group":
        shown, order = _shown_groups(shown, lang)
    fig = go.Figure()
    for code in kit.in_code_order(shown["status"].unique(), "action_status"):
        rows = shown[shown["status"] == code]
        fig.add_bar(
            x=rows["actions"],
            y=rows["label"],
            orientation="h",
            name=code_label("action_status", code, lang),
            marker_color=theme.colour("action_status", code),
            hovertemplate="%{y} : %{x:,.0f}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(
        autorange="reversed", type="category", categoryorder="array", categoryarray=plain.charts(order)
    )
    fig = kit.tall(kit.finish(fig, lang, presenter), len(order), presenter)
    return theme.count_axis(fig, shown.groupby("label")["actions"].sum().max() if len(shown) else 0, "x")


def _shown_groups(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The rows (key, label, status, actions) of the ``kit.MOST_BARS`` groups with most actions, then the
    others' actions summed per status under « Autres (n) »; and the bars' order (names in reading
    order, « Autres » last). A name several groups share gets their key, as ``kit.keyed``."""
    totals = frame.groupby("key", dropna=False, sort=False)["actions"].sum()
    if len(totals) <= kit.MOST_BARS + 1:
        kept = kit.keyed(frame)
        return kept, collate.sort(set(kept["label"]), lang)
    top = totals.sort_values(ascending=False, kind="stable").index[: kit.MOST_BARS]
    inside = frame["key"].isin(top)  # the groupless actions' null key too, when among the top
    kept = kit.keyed(frame[inside])
    others = t("others", lang, n=fmt.integer(len(totals) - kit.MOST_BARS, lang))
    rest = frame[~inside].groupby("status", as_index=False)["actions"].sum().assign(key=None, label=others)
    return pd.concat([kept, rest], ignore_index=True), [*collate.sort(set(kept["label"]), lang), others]
