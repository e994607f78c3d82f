"""Transversalité: does the network make directions (and organisations) work together? The headline
share with its change over a year, then four tabs of which only the open one is built: who meets
whom, each group's share of hours across, the sessions that brought the most together, the trend."""

import streamlit as st

from etl.figures import across_charts
from etl.model import working_across
from etl.text import format as fmt
from etl.text.i18n import t
from ui import auth, components, filters, reads, tables

f = filters.current()
st.title(t("page.transversality"))
st.caption(f.caption())

# viewers and presenters see groups of 5 participants or more by name, the others gathered
GATHER = f.presenter or not auth.can("names")

now = reads.headline(f.as_of, f.organisation, f.direction, f.service)
before = reads.headline(f.year_earlier, f.organisation, f.direction, f.service)
share, earlier = now["cross_direction_hours_share"], before["cross_direction_hours_share"]
change = None if share is None or earlier is None else fmt.points(share - earlier, f.lang)
left, middle, right = st.columns(3)
with left:
    components.card(
        "cross_direction_hours_share", fmt.percent(share, lang=f.lang), change, t("transversality.card.help")
    )
with middle:
    top = now["hours_share_top_10pct"]
    components.card(
        "hours_share_top_10pct", fmt.percent(top, lang=f.lang), None, t("effort.card.help"), "off"
    )
with right:
    components.card("participants", fmt.integer(now["participants"], f.lang), None, None, "off")
st.caption(t("vs_year", date=fmt.date(f.year_earlier, f.lang)))

by = components.choice(
    t("transversality.by"),
    ["direction", "organisation"],
    lambda d: t(d, f.lang),
    "direction",
    "transversality_by",
)
reading = {"by": by, "start": f.start, "gather": GATHER, **f.scope()}
GROUPS = working_across.GROUP_KINDS


def shown_groups(frame):
    """The gathered groups worded (« Autres directions »), for a table or a download."""
    return frame.assign(label=[across_charts.group_label(v, f.lang) for v in frame["label"]])


def show_map() -> None:
    """Who meets whom: the heat map of hours in common, then the network drawing."""
    links = reads.transversality_links(**reading)
    groups = reads.transversality_groups(**reading)
    st.subheader(t("transversality.map"))
    st.caption(t("transversality.map.help"))
    headers = {"label": t(by), "other": t("transversality.other")}
    columns = {"label": "text", "other": "text", "sessions": "int", "hours": "hours"}
    table = links.assign(
        **{c: [across_charts.group_label(v, f.lang) for v in links[c]] for c in ("label", "other")}
    )
    components.chart(
        across_charts.links_heatmap(links, f.lang, f.presenter),
        table,
        f"rencontres-{by}",
        f,
        columns,
        headers,
        t("transversality.empty"),
    )
    st.subheader(t("transversality.network"))
    st.caption(t("transversality.network.help", n=across_charts.MOST_LINKS))
    components.chart(
        across_charts.links_network(links, groups, f.lang, f.presenter),
        table,
        f"reseau-{by}",
        f,
        columns,
        headers,
        t("transversality.empty"),
    )


def show_groups() -> None:
    """Per group: the share of its hours spent with another group, and the groups it met."""
    groups = reads.transversality_groups(**reading)
    st.subheader(t(f"transversality.groups.{by}"))
    st.caption(t("transversality.groups.help", n=5) if GATHER else t("transversality.groups.help.all"))
    shown = shown_groups(groups)
    headers = {"label": t(by)}
    components.chart(
        across_charts.cross_share_bars(groups, f.lang, f.presenter),
        shown,
        f"transversalite-{by}",
        f,
        GROUPS,
        headers,
        t("transversality.empty"),
    )
    tables.table(shown, GROUPS, f"transversalite-{by}-table", f, headers=headers)


def show_sessions() -> None:
    """The sessions that brought the most directions together."""
    st.subheader(t("transversality.sessions"))
    sessions = reads.meeting_sessions(**f.series())
    columns = {
        "day": "date",
        "kind": "code:kind",
        "title": "text",
        "directions": "int",
        "participants": "int",
    }
    tables.table(sessions, columns, "rencontres-les-plus-transversales", f, fit_headers=True)


def show_trend() -> None:
    """The share of hours across directions, quarter by quarter."""
    st.subheader(t("transversality.trend"))
    quarters = reads.transversality_by_quarter(**f.series())
    columns = {"quarter": "date", "hours": "hours", "cross_hours": "hours", "cross_hours_share": "pct"}
    components.chart(
        across_charts.quarter_share_line(quarters, f.lang, f.presenter),
        quarters,
        "transversalite-trimestres",
        f,
        columns,
    )


components.views(
    {
        "transversality.tab.map": show_map,
        "transversality.tab.groups": show_groups,
        "transversality.tab.sessions": show_sessions,
        "transversality.tab.trend": show_trend,
    },
    "transversality_tab",
)
