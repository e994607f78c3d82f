"""Surveys: participation, opinion by theme, eNPS, change between surveys, members against the
others, a map of themes by organisation and direction, yes/no questions and free text; the
headline cards above four tabs, of which only the open one is built.

Small groups are hidden in etl.model.survey_results, not here: a hidden cell arrives with no figure and its
reason, and this page only writes that reason where the figure would be.
"""

import streamlit as st

from etl.figures import survey_charts
from etl.model import survey_results
from etl.model.queries import NOT_GIVEN
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import code_label, t
from ui import components, filters, reads, tables

f = filters.current()
st.title(t("page.surveys"))
st.caption(f.caption())  # organisation and direction names escaped there: text, never Markdown
st.caption(t("surveys.privacy"))
scope = {"organisation": f.organisation, "direction": f.direction}


def marked(frame):
    """``frame`` with a ``privacy`` column: why a row is hidden, empty when it is shown."""
    return frame.assign(privacy=[code_label("suppression", r, f.lang) if r else "" for r in frame["reason"]])


def not_given(frame):
    """``frame`` with an organisation or direction the data left blank worded in the interface language."""
    worded = code_label("label", NOT_GIVEN, f.lang)
    return frame.replace({c: {NOT_GIVEN: worded} for c in ("organisation", "direction") if c in frame})


# What the chart downloads hold (tables.export): the figures and why a row is hidden.
THEME = {"theme": "code:survey_theme"}
SHARES = {
    "respondents": "int",
    "favourable": "pct",
    "neutral": "pct",
    "unfavourable": "pct",
    "privacy": "text",
}


def figure(value, reason, formatter) -> str:
    return code_label("suppression", reason, f.lang) if reason else formatter(value)


surveys = reads.survey_list(as_of=f.as_of, **scope)
if surveys.empty:
    st.info(t("surveys.none"), icon=":material/forum:")
    st.stop()
titles = dict(zip(surveys["survey_id"], surveys["title"], strict=True))
if st.session_state.get("survey") not in titles:  # the as-of date moved before it
    st.session_state["survey"] = list(titles)[-1]
survey_id = st.selectbox(t("surveys.pick"), list(titles), format_func=titles.get, key="survey")
survey = surveys.set_index("survey_id").loc[survey_id]
frames = reads.survey_results(as_of=f.as_of, survey_id=survey_id, **scope)
themes, nps = frames["themes"], frames["enps"]
overall = themes.iloc[0] if len(themes) else None
first_nps = nps.iloc[0] if len(nps) else None
cards = [
    ("surveys.respondents", figure(survey["respondents"], survey["reason"], fmt.integer), None),
    (  # invited is not split by organisation: within a scope no rate, and why (the card beside
        # gives the scope's respondents; a count in a rate's card was cut to « 243 rép… » at 1280 px)
        "surveys.response_rate",
        fmt.MISSING
        if f.organisation or f.direction
        else figure(survey["response_rate"], survey["reason"], lambda v: fmt.percent(v, lang=f.lang)),
        t("surveys.rate_not_split")
        if f.organisation or f.direction
        else t("surveys.of_invited", n=fmt.integer(survey["invited"], f.lang)),
    ),
    (
        "surveys.favourable_all",
        fmt.MISSING
        if overall is None
        else figure(overall["favourable"], overall["reason"], lambda v: fmt.percent(v, lang=f.lang)),
        t("surveys.favourable_all.caption"),
    ),
    (
        "surveys.enps",
        fmt.MISSING
        if first_nps is None
        else figure(first_nps["enps"], first_nps["reason"], lambda v: fmt.signed(v, 0, f.lang)),
        None
        if first_nps is None or first_nps["reason"]
        else t(
            "surveys.enps.caption",
            p=fmt.percent(first_nps["promoters"], lang=f.lang),
            d=fmt.percent(first_nps["detractors"], lang=f.lang),
        ),
    ),
]
for column, (key, value, caption) in zip(st.columns(len(cards)), cards, strict=True):
    with column:
        components.card(key, value, None, caption)


def show_results() -> None:
    """The survey's response rates, its opinion by theme, its eNPS and its groups."""
    st.subheader(t("surveys.rates"))
    tables.table(
        marked(surveys),
        survey_results.LIST_KINDS,
        "enquetes-participation",
        f,
        fit_headers=True,
    )
    if f.organisation or f.direction:
        st.caption(t("surveys.rate_not_split"))

    st.subheader(t("surveys.themes"), help=t("surveys.themes.help"))
    components.chart(
        survey_charts.likert_bars(themes, f.lang, f.presenter),
        marked(themes),
        "enquete-themes",
        f,
        THEME | SHARES,
    )

    left, right = components.halves(f)
    with left:
        st.subheader(t("surveys.enps_title"), help=t("surveys.enps.help"))
        distribution = frames["nps_distribution"]
        components.chart(
            survey_charts.nps_bars(distribution, f.lang, f.presenter),
            marked(distribution),
            "enquete-enps",
            f,
            {
                "score": "int",
                "category": "code:nps_category",
                "answers": "int",
                "share": "pct",
                "privacy": "text",
            },
        )
    with right:
        st.subheader(t("surveys.groups"), help=t("surveys.groups.help"))
        by = components.choice(
            t("surveys.by"),
            ["is_member", "is_manager"],
            lambda b: t(f"group.{b}.true", f.lang),
            "is_member",
            "survey_by",
        )
        groups = frames[f"groups_{by}"]
        names = {True: t(f"group.{by}.true"), False: t(f"group.{by}.false")}
        components.chart(
            survey_charts.share_groups(groups, "group", names, "favourable", f.lang, f.presenter),
            marked(groups),
            f"enquete-groupes-{by}",
            f,
            THEME | {"group": "bool"} | SHARES,
            {"group": t(f"group.{by}.true")},
        )


def show_changes() -> None:
    """Each theme from one survey to the next."""
    st.subheader(t("surveys.changes"), help=t("surveys.changes.help"))
    changes = frames["changes"]
    compared = {s: titles[s] for s in dict.fromkeys(changes["survey_id"])}  # a bar per survey it shows
    components.chart(
        survey_charts.share_groups(changes, "survey_id", compared, "favourable", f.lang, f.presenter),
        marked(changes),
        "enquetes-evolution",
        f,
        {
            "title": "text",
            "opened_on": "date",
            **THEME,
            "favourable": "pct",
            "change": "num",
            "privacy": "text",
        },
        {"change": t("surveys.change_pts")},
    )
    with tables.expander(t("surveys.detail")):
        tables.table(
            marked(changes).assign(theme=[code_label("survey_theme", v, f.lang) for v in changes["theme"]]),
            {"title": "text", "theme": "text", "favourable": "pct", "change": "num", "privacy": "text"},
            "enquetes-evolution-detail",
            f,
            headers={"change": t("surveys.change_pts")},
            fit_headers=True,
        )


def show_places() -> None:
    """The favourable share of each theme by organisation or direction."""
    st.subheader(t("surveys.heatmap"), help=t("surveys.heatmap.help"))
    level = components.choice(
        t("surveys.level"),
        ["organisation", "direction"],
        lambda v: t(f"surveys.level.{v}", f.lang),
        "direction",
        "survey_level",
    )
    heatmap = not_given(frames[f"heatmap_{level}"])
    places = {"organisation": "text", "direction": "text"}
    components.chart(
        survey_charts.survey_heatmap(heatmap, f.lang, f.presenter),
        marked(heatmap),
        f"enquete-carte-{level}",
        f,
        places | THEME | {"respondents": "int", "favourable": "pct", "privacy": "text"},
    )
    with tables.expander(t("surveys.detail"), expanded=not f.presenter):
        tables.table(
            marked(heatmap).assign(theme=[code_label("survey_theme", v, f.lang) for v in heatmap["theme"]]),
            {
                "organisation": "text",
                "direction": "text",
                "theme": "text",
                "respondents": "int",
                "favourable": "pct",
                "privacy": "text",
            },
            f"enquete-carte-{level}-detail",
            f,
            fit_headers=True,
        )


def show_answers() -> None:
    """The yes / no questions and the free-text answers (never in presenter mode)."""
    st.subheader(t("surveys.yes_no"))
    answers = frames["yes_no"]
    tables.table(
        marked(answers),
        {"text": "text", "respondents": "int", "yes": "pct", "privacy": "text"},
        "enquete-oui-non",
        f,
        headers={"text": t("question"), "yes": t("yes_share")},
        wrap=True,  # a question reads whole, on as many lines as it needs (« …12 derni » in a cell)
    )

    st.subheader(t("surveys.text"))
    if f.presenter:
        st.info(t("surveys.text.presenter"), icon=":material/visibility_off:")
    else:
        texts = frames["free_text"]
        for hidden in texts[texts["suppressed"]].itertuples():
            question = plain.md(hidden.question)  # a question's text from the data: never Markdown
            st.info(t("surveys.text.hidden", q=question, reason=code_label("suppression", hidden.reason)))
        tables.table(  # identical answers once, with how many wrote them
            texts[~texts["suppressed"]],
            {"question": "text", "answer": "text", "count": "int"},
            "enquete-verbatims",
            f,
            headers={"count": t("surveys.text.count")},
        )


# One view at a time (the whole page drew five charts and five tables at each visit: 1,2 s in the
# browser at 100× the demo).
components.views(
    {
        "surveys.tab.results": show_results,
        "surveys.tab.changes": show_changes,
        "surveys.tab.map": show_places,
        "surveys.tab.answers": show_answers,
    },
    "survey_tab",
)
