"""Actions and ideas: from ideas to done actions, the plan by axis, group and status, its progress,
what is late. Headline cards above three tabs, of which only the open one is built."""

import streamlit as st

from etl.figures import action_charts, lever_charts, time_charts
from etl.model.actions_budget import ACTION_DIMENSIONS, LIGHTS
from etl.text import format as fmt
from etl.text.i18n import t
from ui import components, filters, reads, tables

f = filters.current()
st.title(t("page.actions"))
st.caption(f.caption())
st.caption(t("actions.scope_note"))

h = reads.headline(f.as_of)
for column, key in zip(
    st.columns(5),
    ("ideas_total", "ideas_retained", "actions_total", "actions_done", "actions_late"),
    strict=True,
):
    with column:
        components.card(key, fmt.integer(h[key], f.lang), None)

# No names in presenter mode: the owner column is left out of the tables and their downloads.
owner = {} if f.presenter else {"owner_name": "text"}
# The columns of a list of actions (late, priority)
ACTION_COLUMNS = {
    "title": "text",
    **owner,
    "due_on": "date",
    "status": "code:action_status",
    "progress_pct": "pct100",
}


def show_plan() -> None:
    """From ideas to done actions, the plan by axis, group or status, and its progress by month."""
    # One under the other, as in presenter mode: in half a page the plan by axis had a plot of
    # 150 px beside the axes' names, its legend one status a row.
    st.subheader(t("actions.funnel"))
    st.caption(t("actions.funnel.help"))
    funnel = reads.action_funnel(as_of=f.as_of)
    fig = action_charts.stage_funnel(funnel, f.lang, f.presenter)
    components.chart(fig, funnel, "idees-actions", f, {"level": "label", "count": "int"})

    st.subheader(t("actions.by"))
    dimension = components.choice(
        t("actions.dimension"),
        sorted(ACTION_DIMENSIONS),
        lambda d: t(d, f.lang),
        "axis",
        "actions_dimension",
        hide_label=True,
    )
    by = reads.actions_by(as_of=f.as_of, dimension=dimension)
    shown_by = {} if dimension == "status" else {"label": "text"}
    components.chart(
        action_charts.status_bars(by, dimension, f.lang, f.presenter),
        by,
        f"actions-{dimension}",
        f,
        {**shown_by, "status": "code:action_status", "actions": "int"},
        {"label": t(dimension)},
    )

    st.subheader(t("actions.month"))
    st.caption(t("actions.month.help"))
    months = reads.actions_by_month(as_of=f.as_of, start=f.start)
    fig = time_charts.monthly_stack(months, "actions", "status", "action_status", f.lang, f.presenter)
    components.chart(
        fig,
        months,
        "actions-par-mois",
        f,
        {"month": "date", "status": "code:action_status", "actions": "int"},
    )


def show_late() -> None:
    """The late actions, then the priority ones."""
    if f.presenter:
        st.caption(t("actions.presenter_note"))
    st.subheader(t("actions_late"))
    st.caption(t("actions.late.help"))
    late = reads.late_actions(as_of=f.as_of)
    tables.table(late, ACTION_COLUMNS, "actions-en-retard", f)

    st.subheader(t("actions_priority"))
    priority = reads.priority_actions(as_of=f.as_of)
    tables.table(priority, {**ACTION_COLUMNS, "light": "code:light"}, "actions-prioritaires", f)


def show_lights() -> None:
    """How many actions stand at each status light, then every action with its light."""
    if f.presenter:
        st.caption(t("actions.presenter_note"))
    st.subheader(t("actions.lights"))
    st.caption(t("actions.lights.help"))
    lights = reads.action_lights(as_of=f.as_of)
    for column, (light, count) in zip(
        st.columns(len(LIGHTS)), zip(lights["light"], lights["actions"], strict=True), strict=True
    ):
        with column:
            st.metric(tables.light_label(light, f.lang), fmt.integer(count, f.lang), border=True)
    actions = reads.action_list(as_of=f.as_of)
    # On a projector the list keeps what a room reads (light, action, due date, progress): nine
    # columns of projector type do not fit 1 280 px.
    context = {} if f.presenter else {"axis": "text", "group": "text", **owner, "start_on": "date"}
    tables.table(
        actions,
        {
            "light": "code:light",
            "title": "text",
            **context,
            "due_on": "date",
            "status": "code:action_status",
            "progress_pct": "pct100",
            "expected_pct": "pct100",
        },
        "feux-actions",
        f,
    )


def show_roadmap() -> None:
    """The roadmap as a tree: nested boxes to see where it is late, then the same tree to read."""
    st.subheader(t("roadmap.title"))
    st.caption(t("roadmap.help"))
    tree = reads.roadmap_tree(as_of=f.as_of)
    shown = tree.assign(label=lever_charts.indented(tree, f.lang))
    columns = {
        "light": "code:light",
        "label": "text",
        **owner,
        "due_on": "date",
        "actions": "int",
        "late": "int",
        "progress_pct": "pct100",
    }
    headers = {"label": t("node")}
    components.chart(
        lever_charts.roadmap_treemap(tree, f.lang, f.presenter),
        shown,
        "feuille-de-route",
        f,
        columns,
        headers,
    )
    st.subheader(t("roadmap.table"))
    tables.table(shown, columns, "feuille-de-route-table", f, headers=headers)


# One view at a time (the whole page drew three charts, three tables and four cards at each visit:
# 0,9 s in the browser).
components.views(
    {
        "actions.tab.plan": show_plan,
        "actions.tab.late": show_late,
        "actions.tab.lights": show_lights,
        "actions.tab.roadmap": show_roadmap,
    },
    "actions_tab",
)
