"""Participation page: rates with their denominators, funnel, growth, cohorts, lowest directions."""

from __future__ import annotations

import pytest

from tests.app_support import figure, headline, query, table, values
from ui import format as fmt

PAGE = "pages/participation.py"


def test_rate_by_organisation_equals_each_organisation_headline(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], participation_dimension="organisation")
    shown = table(at, "Collectivité").set_index("Collectivité")
    assert len(shown) == len(query(app_db, "organisations")["organisation"].unique())
    for organisation, row in shown.iterrows():
        h = headline(app_db, facts["as_of"], organisation)
        assert row["Cadres"] == fmt.integer(h["managers"])
        assert row["Cadres membres"] == fmt.integer(h["member_managers"])
        assert row["Taux de participation"] == fmt.percent(h["manager_participation_rate"])
        assert row["Membres du réseau"] == fmt.integer(h["members"])


def test_directions_add_up_to_the_organisation(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], organisation=facts["organisation"])
    h = headline(app_db, facts["as_of"], facts["organisation"])
    bars = figure(at, "participation-direction")["data"][0]
    shown = table(at, "Direction")
    assert len(values(bars["y"])) == len(shown)
    managers = sum(int(v.replace("\u202f", "")) for v in shown["Cadres"])
    assert managers == h["managers"]


@pytest.mark.parametrize("population", ["managers", "staff"])
def test_funnel_starts_from_the_headline(app, app_db, facts, population):
    at = app(PAGE, as_of=facts["as_of"], funnel_population=population)
    h = headline(app_db, facts["as_of"])
    people = values(figure(at, "engagement")["data"][0]["x"])
    expected = query(
        app_db, "involvement_funnel", as_of=facts["as_of"], managers_only=population == "managers"
    )
    assert people == expected["people"].tolist()
    if population == "managers":
        assert people[:2] == [h["managers"], h["member_managers"]]
    else:
        assert people[1] == h["members"]
        assert people[2] == h["active_members_12m"]


def test_growth_ends_on_the_headline_rate(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], organisation=facts["organisation"])
    h = headline(app_db, facts["as_of"], facts["organisation"])
    rates = values(figure(at, "participation-mois")["data"][0]["y"])
    assert rates[-1] == pytest.approx(h["manager_participation_rate"] * 100)


def test_cohorts_and_lowest_directions(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    cohorts = query(app_db, "cohort_retention", as_of=facts["as_of"])
    heat = figure(at, "fidelite-promotions")["data"][0]
    assert len(heat["y"]) == len(cohorts)
    lowest = query(app_db, "lowest_directions", as_of=facts["as_of"])
    bars = figure(at, "directions-plus-faibles")["data"][0]
    assert list(bars["y"]) == lowest.sort_values("rate", kind="stable")["label"].tolist()


def test_presenter_mode_enlarges_charts(app, facts):
    normal = figure(app(PAGE, as_of=facts["as_of"]), "engagement")["layout"]["font"]["size"]
    large = figure(app(PAGE, as_of=facts["as_of"], presenter=True), "engagement")["layout"]["font"]["size"]
    assert large > normal
