"""Participation: who takes part, by organisation, direction, site and category; how deeply; how
long. Three tabs under the title, of which only the open one is built."""

import streamlit as st

from etl.figures import people_charts
from etl.model.queries import DIMENSIONS
from etl.text.i18n import t
from ui import components, filters, reads, tables

f = filters.current()
st.title(t("page.participation"))
st.caption(f.caption())

RATES = {
    "label": "text",
    "managers": "int",
    "member_managers": "int",
    "rate": "pct",
    "staff": "int",
    "members": "int",
}


def show_breakdown() -> None:
    """The rate by a dimension the user picks (chart and table), then the lowest directions."""
    filters.breadcrumb(f)
    st.subheader(t("participation.by"))
    dimension = components.choice(
        t("participation.dimension"),
        sorted(DIMENSIONS),
        lambda d: t(d, f.lang),
        "service" if f.direction else "direction",
        "participation_dimension",
        hide_label=True,
    )
    rates = reads.participation_by(dimension=dimension, **f.scope()).fillna({"label": t("not_given")})
    by = {"label": t(dimension)}
    fig = people_charts.rate_bars(rates, f.lang, f.presenter)
    drill = {"direction": filters.open_direction, "service": filters.open_service}.get(dimension)
    if dimension == "direction":
        st.caption(t("breadcrumb.help"))
    # the bar's customdata is its row in ``rates`` (never the name itself: a name is data, not markup)
    on_select = (lambda point: drill(rates.loc[point["customdata"], "label"])) if drill else None
    components.chart(fig, rates, f"participation-{dimension}", f, RATES, by, on_select=on_select)
    st.caption(t("participation.denominator"))
    tables.table(rates, RATES, f"participation-{dimension}-table", f, headers=by)

    st.subheader(t("lowest.title"))
    st.caption(t("lowest.help", n=5))
    lowest = reads.lowest_directions(as_of=f.as_of, organisation=f.organisation, min_managers=5)
    fig = people_charts.rate_bars(lowest, f.lang, f.presenter, worst_first=True)
    empty = t("empty.lowest", n=5)
    components.chart(fig, lowest, "directions-plus-faibles", f, RATES, {"label": t("direction")}, empty)


def show_involvement() -> None:
    """How deeply members take part (the funnel) beside the network's roles."""
    left, right = components.halves(f)
    with left:
        st.subheader(t("funnel.title"))
        population = components.choice(
            t("funnel.population"),
            ["managers", "staff"],
            lambda p: t(f"funnel.{p}", f.lang),
            "managers",
            "funnel_population",
        )
        levels = reads.involvement_funnel(managers_only=population == "managers", **f.scope())
        st.caption(t("funnel.help", who=t(f"funnel.share_of.{population}")))
        fig = people_charts.funnel(levels, population, f.lang, f.presenter)
        components.chart(
            fig, levels, "engagement", f, {"level": f"code:funnel_{population}", "people": "int"}
        )
    with right:
        st.subheader(t("roles.title"))
        st.caption(t("roles.help"))
        roles = reads.roles_at(**f.scope())
        fig = people_charts.role_bars(roles, f.lang, f.presenter)
        components.chart(fig, roles, "roles", f, {"role": "code:role", "people": "int"}, {"role": t("role")})


def show_time() -> None:
    """The network's growth month by month, then how long each joining cohort stays."""
    st.subheader(t("growth.title"))
    growth = reads.network_growth(**f.series())
    components.chart(people_charts.rate_line(growth, f.lang, f.presenter), growth, "participation-mois", f)

    st.subheader(t("cohort.title"))
    st.caption(t("cohort.help"))
    cohorts = reads.cohort_retention(**f.scope())
    after = {c: "pct" for c in cohorts.columns if c.startswith("m") and c[1:].isdigit()}
    components.chart(
        people_charts.cohort_heatmap(cohorts, f.lang, f.presenter),
        cohorts,
        "fidelite-promotions",
        f,
        {"cohort": "int", "joiners": "int", **after},
        {c: t("cohort.m", n=c[1:]) for c in after} | {"cohort": t("cohort")},
    )


# One view at a time (the whole page drew six charts and a table at each visit: 1 s in the browser
# at 100× the demo).
components.views(
    {
        "participation.tab.breakdown": show_breakdown,
        "participation.tab.involvement": show_involvement,
        "participation.tab.time": show_time,
    },
    "participation_tab",
)
