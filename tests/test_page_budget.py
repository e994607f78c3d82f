"""Budget page: cards, planned against spent, cumulative spending and costs equal the KPI layer."""

from __future__ import annotations

import pytest

from etl.store.db import connect_ro
from etl.text import format as fmt
from tests.app_support import figure, headline, metrics, query, values

PAGE = "pages/budget.py"


def participants(db, as_of, organisation=None) -> int:
    """People (of the organisation) with an attended row of a session held at D, counted here directly."""
    with connect_ro(db) as con:
        return con.execute(
            """select count(distinct a.person_id) from stg_attendance a
               join stg_sessions s using (session_id) join stg_staff p using (person_id)
               where a.status = 'attended' and s.date::date <= $d and ($o is null or p.organisation = $o)""",
            {"d": as_of, "o": organisation},
        ).fetchone()[0]


@pytest.mark.parametrize("scope", ["whole", "organisation", "direction"])
def test_cards_equal_the_headline(app, app_db, facts, scope):
    organisation = facts["organisation"] if scope != "whole" else None
    direction = facts["direction"] if scope == "direction" else None
    at = app(PAGE, as_of=facts["as_of"], organisation=organisation, direction=direction)
    h = headline(app_db, facts["as_of"], organisation, direction)
    whole = headline(app_db, facts["as_of"])
    shown = metrics(at)
    # the money stays whole; the hours follow the scope
    assert h["budget_spent_eur"] == whole["budget_spent_eur"]
    # short labels, so five cards in a row are not cut off ("Budget prévu dans l'a…")
    assert shown["Dépensé (cumul)"] == fmt.euros(h["budget_spent_eur"])
    assert shown["Prévu dans l'année"] == fmt.euros(h["budget_planned_eur"])
    assert max(len(label) for label in shown) <= len("Coût par heure investie")
    assert shown["Coût par heure investie"] == fmt.euros(
        h["budget_spent_eur"] / h["hours_invested"], cents=True
    )
    summary = query(
        app_db, "budget_summary", as_of=facts["as_of"], organisation=organisation, direction=direction
    )
    assert shown["Coût par participant"] == fmt.euros(h["budget_spent_eur"] / summary.at[0, "participants"])
    if direction is None:
        assert summary.at[0, "participants"] == participants(app_db, facts["as_of"], organisation)
    captions = [c.value for c in at.caption]
    assert f"{fmt.integer(summary.at[0, 'participants'])} participants distincts" in captions
    assert any(c.startswith("Le budget concerne tout le réseau") for c in captions)


def test_spent_this_year(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    h = headline(app_db, facts["as_of"])
    year = query(app_db, "budget_by_year", as_of=facts["as_of"]).iloc[-1]
    assert year["year"] == facts["as_of"].year
    assert year["planned_eur"] == pytest.approx(h["budget_planned_eur"])
    assert metrics(at)["Dépensé dans l'année"] == fmt.euros(year["spent_eur"])
    execution = fmt.percent(year["spent_eur"] / h["budget_planned_eur"])
    assert f"{execution} du prévu de l'année" in [c.value for c in at.caption]


def test_planned_and_spent_by_year_and_category(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    h = headline(app_db, facts["as_of"])
    for name in ("budget-annees", "budget-categories"):
        planned, spent = figure(at, name)["data"]
        assert (planned["name"], spent["name"]) == ("Prévu", "Dépensé")
    # by year, spending adds up to the headline; by category both bars are D's year (this year's plan
    # beside this year's spending, not spending since the start: that read as a 250 % overspend)
    assert sum(values(figure(at, "budget-annees")["data"][1]["y"])) == pytest.approx(h["budget_spent_eur"])
    this_year = query(app_db, "budget_by_year", as_of=facts["as_of"]).iloc[-1]
    planned, spent = figure(at, "budget-categories")["data"]
    assert sum(values(spent["y"])) == pytest.approx(this_year["spent_eur"])
    assert sum(values(planned["y"])) == pytest.approx(h["budget_planned_eur"])
    assert f"Prévu et dépensé par catégorie en {facts['as_of'].year}" in [s.value for s in at.subheader]
    planned, _ = figure(at, "budget-annees")["data"]
    assert values(planned["y"])[-1] == pytest.approx(h["budget_planned_eur"])
    assert planned["x"][-1] == str(facts["as_of"].year)
    assert figure(at, "budget-annees")["layout"]["yaxis"]["tickformat"] == ",.0f"  # 30 000 €, not 30k
    categories = figure(at, "budget-categories")["data"][0]["x"]
    assert "Animation" in categories  # facilitation, in French


def test_cumulative_spending_ends_on_budget_spent(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], period="12m")
    h = headline(app_db, facts["as_of"])
    line = figure(at, "depenses-cumulees")["data"][0]
    assert len({x[:7] for x in line["x"]}) <= 12
    assert values(line["y"])[-1] == pytest.approx(h["budget_spent_eur"])


def test_a_period_narrows_the_spending_series(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], period="year")
    years = figure(at, "budget-annees")["data"][1]
    assert years["x"] == [str(facts["as_of"].year)]
    spent = query(app_db, "budget_by_year", as_of=facts["as_of"]).iloc[-1]["spent_eur"]
    assert values(years["y"]) == [pytest.approx(spent)]


def test_spending_by_group(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    groups = query(app_db, "budget_by_group", as_of=facts["as_of"])
    if groups.empty:
        pytest.skip("no budget line linked to a group")
    bars = figure(at, "budget-groupes")["data"][0]
    assert list(bars["y"]) == groups["label"].tolist()
    # since the start: the demo's groups spent before 2017 (Bon accueil 2 340 €, hand-checked in budget.csv)
    assert values(bars["x"]) == pytest.approx(groups["spent_to_date_eur"].tolist())
    assert values(bars["x"])[0] == pytest.approx(2340.0)
    assert "Dépenses par groupe depuis le début" in [h.value for h in at.subheader]


def test_english(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], lang="en")
    h = headline(app_db, facts["as_of"])
    assert metrics(at)["Spent (cumulative)"] == fmt.euros(h["budget_spent_eur"], "en")
