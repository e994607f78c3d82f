"""Budget: planned against spent by year and category, cumulative spending, cost per participant and per hour."""

import streamlit as st

from etl.figures import budget_charts
from etl.text import format as fmt
from etl.text.i18n import t
from ui import components, filters, reads

f = filters.current()
st.title(t("page.budget"))
st.caption(f.caption())
st.caption(t("budget.scope_note"))

s = reads.budget_summary(**f.scope()).iloc[0]
cards = (
    ("budget.card.spent", fmt.euros(s["spent_eur"], f.lang), t("budget.spent_total", f.lang)),
    ("budget.card.planned", fmt.euros(s["planned_eur"], f.lang), str(f.as_of.year)),
    (
        "budget.spent_year",
        fmt.euros(s["spent_year_eur"], f.lang),
        t("budget.execution", f.lang, p=fmt.percent(s["execution"], lang=f.lang)),
    ),
    (
        "cost_per_participant",
        fmt.euros(s["cost_per_participant"], f.lang),
        t("budget.participants", f.lang, n=fmt.integer(s["participants"], f.lang)),
    ),
    (
        "cost_per_hour",
        fmt.euros(s["cost_per_hour"], f.lang, cents=True),
        t("budget.hours", f.lang, h=fmt.whole_hours(s["hours_invested"], f.lang)),
    ),
)
for column, (key, value, caption) in zip(st.columns(len(cards)), cards, strict=True):
    with column:
        components.card(key, value, None, caption)

st.caption(t("budget.rule"))
left, right = components.halves(f)
with left:
    st.subheader(t("budget.by_year"))
    years = reads.budget_by_year(as_of=f.as_of, start=f.start)
    components.chart(
        budget_charts.planned_spent_bars(years, "year", f.lang, f.presenter), years, "budget-annees", f
    )
with right:
    st.subheader(t("budget.by_category", year=f.as_of.year))
    categories = reads.budget_by_category(as_of=f.as_of, start=f.start)
    fig = budget_charts.planned_spent_bars(
        categories, "category", f.lang, f.presenter, enum="budget_category"
    )
    columns = {
        "category": "code:budget_category",
        "planned_eur": "eur",
        "spent_eur": "eur",
        "spent_to_date_eur": "eur",
    }
    components.chart(fig, categories, "budget-categories", f, columns)

st.subheader(t("budget.cumulative"))
st.caption(t("budget.cumulative.help"))
cumulative = reads.budget_cumulative(as_of=f.as_of, start=f.start)
components.chart(
    budget_charts.cumulative_spending(cumulative, f.lang, f.presenter), cumulative, "depenses-cumulees", f
)

st.subheader(t("budget.by_group"))
st.caption(t("budget.by_group.help"))
groups = reads.budget_by_group(as_of=f.as_of, start=f.start)
# one bar a group, its spending since the start (one period, no plan beside it to mix with)
fig = budget_charts.euro_bars(groups, "label", "spent_to_date_eur", f.lang, f.presenter, key="group_id")
columns = {"label": "text", "planned_eur": "eur", "spent_eur": "eur", "spent_to_date_eur": "eur"}
components.chart(fig, groups, "budget-groupes", f, columns, {"label": t("group")})
