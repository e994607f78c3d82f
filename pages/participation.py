"""Participation: who takes part, by organisation, direction, site and category; how deeply; how long."""

import streamlit as st

from etl.queries import DIMENSIONS
from ui import charts, components, data, filters
from ui.i18n import t

f = filters.current()
st.title(t("page.participation"))
st.caption(f.caption())

st.subheader(t("participation.by"))
dimension = (
    st.segmented_control(
        t("participation.dimension"),
        sorted(DIMENSIONS),
        format_func=lambda d: t(d, f.lang),
        default="direction",
        key="participation_dimension",
        label_visibility="collapsed",
    )
    or "direction"
)
rates = data.frame("participation_by", dimension=dimension, **f.scope())
components.chart(charts.rate_bars(rates, f.lang, f.presenter), rates, f"participation-{dimension}", f)
st.caption(t("participation.denominator"))
components.table(
    rates,
    {
        "label": "text",
        "managers": "int",
        "member_managers": "int",
        "rate": "pct",
        "staff": "int",
        "members": "int",
    },
    f"participation-{dimension}-table",
    f,
    headers={"label": t(dimension)},
)

left, right = st.columns(2)
with left:
    st.subheader(t("funnel.title"))
    population = (
        st.segmented_control(
            t("funnel.population"),
            ["managers", "staff"],
            format_func=lambda p: t(f"funnel.{p}", f.lang),
            default="managers",
            key="funnel_population",
        )
        or "managers"
    )
    levels = data.frame("involvement_funnel", managers_only=population == "managers", **f.scope())
    components.chart(charts.funnel(levels, f.lang, f.presenter), levels, "engagement", f)
with right:
    st.subheader(t("growth.title"))
    growth = data.frame("network_growth", **f.series())
    components.chart(charts.rate_line(growth, f.lang, f.presenter), growth, "participation-mois", f)

st.subheader(t("cohort.title"))
st.caption(t("cohort.help"))
cohorts = data.frame("cohort_retention", **f.scope())
components.chart(charts.cohort_heatmap(cohorts, f.lang, f.presenter), cohorts, "fidelite-promotions", f)

st.subheader(t("lowest.title"))
st.caption(t("lowest.help", n=5))
lowest = data.frame("lowest_directions", as_of=f.as_of, organisation=f.organisation, min_managers=5)
components.chart(charts.rate_bars(lowest, f.lang, f.presenter), lowest, "directions-plus-faibles", f)
