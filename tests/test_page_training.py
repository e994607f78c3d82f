"""Training and time page: sessions, attendance and hours equal the headline over the whole period."""

from __future__ import annotations

import pytest

from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import figure, headline, metrics, query, table, values

PAGE = "pages/training.py"
# The page's tabs, by their French labels (session state "training_tab" opens one; the other is not built)
SESSIONS, HOURS, LEVERS, EFFORT = (t(f"training.tab.{k}") for k in ("sessions", "hours", "levers", "effort"))


@pytest.mark.parametrize("scoped", [False, True])
def test_summary_equals_the_headline(app, app_db, facts, scoped):
    organisation = facts["organisation"] if scoped else None
    at = app(PAGE, as_of=facts["as_of"], organisation=organisation)
    h = headline(app_db, facts["as_of"], organisation)
    shown = metrics(at)
    assert shown["Taux de présence"] == fmt.percent(h["attendance_rate"])
    assert shown["Rencontres tenues"] == fmt.integer(h["sessions_held"])
    summary = query(app_db, "attendance_summary", as_of=facts["as_of"], organisation=organisation).iloc[0]
    assert shown["Participants distincts"] == fmt.integer(summary["unique_participants"])
    assert shown["Inscriptions"] == fmt.integer(summary["registrations"])


@pytest.mark.parametrize("scoped", [False, True])
def test_hours_by_month_add_up_to_hours_invested(app, app_db, facts, scoped):
    organisation = facts["organisation"] if scoped else None
    at = app(PAGE, as_of=facts["as_of"], organisation=organisation, training_tab=HOURS)
    h = headline(app_db, facts["as_of"], organisation)
    total = sum(sum(values(trace["y"])) for trace in figure(at, "heures-mois")["data"])
    assert total == pytest.approx(h["hours_invested"])


@pytest.mark.parametrize("dimension", ["kind", "group", "organisation"])
def test_hours_by_dimension_add_up_to_hours_invested(app, app_db, facts, dimension):
    at = app(PAGE, as_of=facts["as_of"], hours_dimension=dimension, training_tab=HOURS)
    h = headline(app_db, facts["as_of"])
    assert sum(values(figure(at, f"heures-{dimension}")["data"][0]["x"])) == pytest.approx(
        h["hours_invested"]
    )


def test_sessions_by_month_add_up_to_sessions_held(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    h = headline(app_db, facts["as_of"])
    assert (
        sum(sum(values(trace["y"])) for trace in figure(at, "rencontres-par-mois")["data"])
        == h["sessions_held"]
    )


def test_a_period_narrows_the_series(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], period="12m")
    months = {x[:7] for trace in figure(at, "rencontres-par-mois")["data"] for x in trace["x"]}
    assert len(months) <= 12


def test_most_attended_sessions(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    top = query(app_db, "top_sessions", as_of=facts["as_of"])
    shown = table(at, "Date")
    assert shown["Intitulé"].tolist() == top["title"].tolist()
    assert shown["Présents"].tolist() == [fmt.integer(v) for v in top["attended"]]


def test_hours_per_participant_by_organisation(app, app_db, facts):
    # replaces « Heures par membre », which divided every participant's hours by members
    at = app(PAGE, as_of=facts["as_of"], training_tab=HOURS)
    bars = figure(at, "heures-par-participant")["data"][0]
    assert "Heures par membre" not in [s.value for s in at.subheader]
    for name, per in zip(bars["y"], values(bars["x"]), strict=True):
        organisation, participants = name.rsplit(" (", 1)  # "Ville d'Orléans (381)"
        h = headline(app_db, facts["as_of"], organisation)
        assert per == pytest.approx(h["hours_per_participant"])  # the headline's own figure
        assert participants == f"{fmt.integer(h['participants'])})"


def test_the_tabs_build_only_the_view_that_is_open(app, facts):
    charts = {
        SESSIONS: {"rencontres-par-mois", "presences-par-mois"},
        HOURS: {"heures-mois", "heures-kind", "heures-par-participant"},
        LEVERS: {"leviers", "leviers-annees"},
        EFFORT: {"effort"},
    }
    for tab, names in charts.items():
        at = app(PAGE, as_of=facts["as_of"], training_tab=tab)
        assert [t.label for t in at.tabs] == [SESSIONS, HOURS, LEVERS, EFFORT]
        assert {c.proto.id.rsplit("-chart-", 1)[1] for c in at.get("plotly_chart")} == names, tab
        assert bool(at.dataframe) == (tab in (SESSIONS, LEVERS))  # the most attended sessions, the levers
        assert "Rencontres tenues" in metrics(at)  # the cards stay above both tabs


def test_who_carries_the_effort_reads_the_headline(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], period="all", training_tab=t("training.tab.effort"))
    h = headline(app_db, facts["as_of"])
    share = fmt.percent(h["hours_share_top_10pct"])
    assert (
        f"Les participants rangés du plus au moins investi : 10\u00a0% des participants portent {share} des heures."
        in [c.value for c in at.caption]
    )
    curve = figure(at, "effort")["data"]
    assert values(curve[1]["y"])[-1] == pytest.approx(100)  # everyone carries every hour
    assert curve[2]["text"] == [f"10\u00a0% portent {share}"]


def test_levers_add_up_to_the_hours(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], period="all", training_tab=t("training.tab.levers"))
    h = headline(app_db, facts["as_of"])
    bars = figure(at, "leviers")["data"][0]
    assert sum(values(bars["x"])) == pytest.approx(h["hours_invested"])
    shown = table(at, "Levier", "Heures", "Idées", "Actions")
    assert len(shown) == len(values(bars["x"]))

    # one participant is one, not « 1 participants » (the demo's ungrouped time: one person, hand-checked)
    assert any(text.endswith("· 1 participant") for text in bars["text"])
