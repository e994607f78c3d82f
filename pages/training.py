"""Training and time: sessions, registrations against attendance, and the hours the network
invests. Headline cards above two tabs, of which only the open one is built."""

import streamlit as st

from etl.figures import lever_charts, time_charts
from etl.model.queries import HOURS_DIMENSIONS
from etl.text import format as fmt
from etl.text.i18n import t
from ui import components, filters, reads, tables

f = filters.current()
st.title(t("page.training"))
st.caption(f.caption())

summary = reads.attendance_summary(**f.series()).iloc[0]
for column, (key, value) in zip(
    st.columns(5),
    [
        ("training.registrations", fmt.integer(summary["registrations"], f.lang)),
        ("attendance_rate", fmt.percent(summary["attendance_rate"], lang=f.lang)),
        ("training.no_show_rate", fmt.percent(summary["no_show_rate"], lang=f.lang)),
        ("training.unique", fmt.integer(summary["unique_participants"], f.lang)),
        ("sessions_held", fmt.integer(summary["sessions"], f.lang)),
    ],
    strict=True,
):
    with column:
        components.card(key, value, None)


def show_sessions() -> None:
    """Sessions month by month, who came to them, and the most attended."""
    st.subheader(t("training.sessions"))
    sessions = reads.sessions_by_month(as_of=f.as_of, start=f.start)
    fig = time_charts.monthly_stack(sessions, "sessions", "kind", "kind", f.lang, f.presenter)
    columns = {"month": "date", "kind": "code:kind", "sessions": "int"}
    components.chart(
        fig, sessions, "rencontres-par-mois", f, columns, {"sessions": t("training.sessions_count")}
    )

    st.subheader(t("training.statuses"))
    statuses = reads.attendance_by_month(**f.series())
    fig = time_charts.monthly_stack(statuses, "rows", "status", "status", f.lang, f.presenter)
    columns = {"month": "date", "status": "code:status", "rows": "int"}
    components.chart(fig, statuses, "presences-par-mois", f, columns, {"rows": t("registrations")})

    st.subheader(t("training.top"))
    top = reads.top_sessions(**f.series())
    tables.table(
        top,
        {
            "day": "date",
            "kind": "code:kind",
            "title": "text",
            "capacity": "int",
            "registrations": "int",
            "attended": "int",
            "fill_rate": "pct",
        },
        "rencontres-plus-suivies",
        f,
        fit_headers=True,  # « Remplissage » and the columns after it whole at 1280 px
    )


def show_hours() -> None:
    """The hours invested month by month, by a dimension the user picks, and per participant."""
    st.subheader(t("training.hours_month"))
    hours = reads.hours_by_month(**f.series())
    fig = time_charts.monthly_stack(hours, "hours", "source", "source", f.lang, f.presenter, unit="h")
    components.chart(
        fig, hours, "heures-mois", f, {"month": "date", "source": "code:source", "hours": "hours"}
    )

    left, right = components.halves(f)
    with left:
        st.subheader(t("training.hours_by"))
        dimension = components.choice(
            t("training.dimension"),
            sorted(HOURS_DIMENSIONS),
            lambda d: t(d, f.lang),
            "kind",
            "hours_dimension",
            hide_label=True,
        )
        by = reads.hours_by(dimension=dimension, **f.series())
        shown_by = {"key": "code:kind"} if dimension == "kind" else {"label": "text"}
        components.chart(
            time_charts.hours_bars(by, dimension, f.lang, f.presenter),
            by,
            f"heures-{dimension}",
            f,
            {**shown_by, "hours": "hours"},
            {"key": t(dimension), "label": t(dimension)},
        )
    with right:
        st.subheader(t("training.per_participant"))
        st.caption(t("training.per_participant.help"))
        per = reads.breakdown(
            "hours", "organisation", f.as_of, f.organisation, f.direction, f.start, f.service
        )
        columns = {"label": "text", "hours": "hours", "participants": "int"}
        fig = time_charts.per_participant_bars(per, f.lang, f.presenter)
        components.chart(fig, per, "heures-par-participant", f, columns, {"label": t("organisation")})


def show_levers() -> None:
    """Where the effort goes: hours by theme, their change year by year, and each theme's sessions,
    ideas and actions."""
    st.subheader(t("levers.title"))
    st.caption(t("levers.help"))
    themes = reads.levers_by_theme(**f.series())
    columns = {
        "label": "text",
        "hours": "hours",
        "participants": "int",
        "sessions": "int",
        "ideas": "int",
        "retained": "int",
        "actions": "int",
        "done": "int",
    }
    shown = themes.assign(label=[lever_charts.theme_label(v, f.lang) for v in themes["label"]])
    headers = {"label": t("lever")}
    components.chart(
        lever_charts.lever_bars(themes, f.lang, f.presenter), shown, "leviers", f, columns, headers
    )
    st.subheader(t("levers.years"))
    st.caption(t("levers.years.help", n=lever_charts.MOST_THEMES))
    years = reads.levers_by_year(**f.series())
    components.chart(
        lever_charts.theme_years(years, f.lang, f.presenter),
        years,
        "leviers-annees",
        f,
        {"year": "int", "label": "text", "hours": "hours", "participants": "int"},
        headers,
    )
    st.subheader(t("levers.table"))
    tables.table(shown, columns, "leviers-table", f, headers=headers)


def show_effort() -> None:
    """Who carries the effort: the Lorenz curve of hours per participant."""
    st.subheader(t("effort.title"))
    curve = reads.effort_curve(**f.series())
    tenth = curve[curve["people_share"] >= 0.1].head(1)
    if len(tenth):
        share = fmt.percent(tenth["hours_share"].iloc[0], lang=f.lang)
        st.caption(t("effort.help", p=fmt.percent(0.1, lang=f.lang), h=share))
    components.chart(
        time_charts.effort_curve(curve, f.lang, f.presenter),
        curve,
        "effort",
        f,
        {"people_share": "pct", "hours_share": "pct"},
    )


# One view at a time (the whole page drew five charts and a table at each visit: 0,9 s in the
# browser at 100× the demo).
components.views(
    {
        "training.tab.sessions": show_sessions,
        "training.tab.hours": show_hours,
        "training.tab.levers": show_levers,
        "training.tab.effort": show_effort,
    },
    "training_tab",
)
