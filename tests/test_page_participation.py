"""Participation page: rates with their denominators, funnel, growth, cohorts, lowest directions."""

from __future__ import annotations

import pytest

from etl.figures import theme
from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import figure, headline, query, table, values

PAGE = "pages/participation.py"
# The page's tabs, by their French labels (session state "participation_tab" opens one; the others
# are not built)
BREAKDOWN, INVOLVEMENT, TIME = (t(f"participation.tab.{k}") for k in ("breakdown", "involvement", "time"))


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
    at = app(PAGE, as_of=facts["as_of"], funnel_population=population, participation_tab=INVOLVEMENT)
    h = headline(app_db, facts["as_of"])
    people = values(figure(at, "engagement")["data"][0]["x"])
    expected = query(
        app_db, "involvement_funnel", as_of=facts["as_of"], managers_only=population == "managers"
    )
    assert people == expected["people"].tolist()
    assert people == sorted(people, reverse=True)  # a funnel: each step among the one before
    assert figure(at, "engagement")["data"][0]["text"][1] == (
        f"{fmt.integer(people[1])} ({fmt.percent(people[1] / people[0])})"  # "42 %", not plotly's "42%"
    )
    if population == "managers":
        assert people[:2] == [h["managers"], h["member_managers"]]
    else:
        assert people[1] == h["members"]
        assert people[2] == h["active_members_12m"]


def test_growth_ends_on_the_headline_rate(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], organisation=facts["organisation"], participation_tab=TIME)
    h = headline(app_db, facts["as_of"], facts["organisation"])
    rates = values(figure(at, "participation-mois")["data"][0]["y"])
    assert rates[-1] == pytest.approx(h["manager_participation_rate"] * 100)


def test_cohorts_and_lowest_directions(app, app_db, facts):
    cohorts = query(app_db, "cohort_retention", as_of=facts["as_of"])
    heat = figure(app(PAGE, as_of=facts["as_of"], participation_tab=TIME), "fidelite-promotions")["data"][0]
    assert len(heat["y"]) == len(cohorts)
    at = app(PAGE, as_of=facts["as_of"])  # the first tab: the rates by direction, then the lowest
    lowest = query(app_db, "lowest_directions", as_of=facts["as_of"])
    bars = figure(at, "directions-plus-faibles")["data"][0]
    # horizontal bars are drawn from the bottom up: the last row is the top bar, the lowest rate
    rates = values(bars["x"])
    assert rates[-1] == min(rates) and rates[0] == max(rates)
    assert rates == sorted(rates, reverse=True)
    assert list(bars["y"])[-1] == lowest.sort_values("rate", kind="stable")["label"].iloc[0]


@pytest.mark.parametrize(
    ("population", "steps"),
    [
        (
            "managers",
            [
                "Cadres en poste",
                "Cadres membres",
                "Cadres actifs sur 12 mois",
                "… en groupe projet ou avec un rôle",
                "… dont pilotes ou référents",
            ],
        ),
        (
            "staff",
            [
                "Agents en poste",
                "Agents membres",
                "Agents actifs sur 12 mois",
                "… en groupe projet ou avec un rôle",
                "… dont pilotes ou référents",
            ],
        ),
    ],
)
def test_funnel_steps_say_what_they_count(app, facts, population, steps):
    at = app(PAGE, as_of=facts["as_of"], funnel_population=population, participation_tab=INVOLVEMENT)
    assert list(figure(at, "engagement")["data"][0]["y"]) == steps
    # The overview's words for all staff ("Membres du réseau", "Membres actifs sur 12 mois") are not reused.
    assert not {"Membres du réseau", "Membres actifs sur 12 mois"} & set(steps)
    assert any("chaque niveau est compris dans le précédent" in c.value for c in at.caption)


def test_presenter_mode_enlarges_charts_and_offers_no_download(app, facts):
    normal_at = app(PAGE, as_of=facts["as_of"])
    large_at = app(PAGE, as_of=facts["as_of"], presenter=True)
    assert normal_at.get("download_button")
    assert not large_at.get("download_button")
    for name, tab in (
        ("engagement", INVOLVEMENT),
        ("participation-direction", BREAKDOWN),
        ("participation-mois", TIME),
    ):
        normal = figure(app(PAGE, as_of=facts["as_of"], participation_tab=tab), name)["layout"]
        large = figure(app(PAGE, as_of=facts["as_of"], presenter=True, participation_tab=tab), name)["layout"]
        assert large["font"]["size"] > normal["font"]["size"]
        assert large["legend"]["font"]["size"] > normal["legend"]["font"]["size"]
        for axis in ("xaxis", "yaxis"):
            assert large[axis]["tickfont"]["size"] > normal[axis]["tickfont"]["size"] >= 12
        assert large["title"]["font"]["size"] > normal["title"]["font"]["size"]
    # Larger headline cards (CSS in the shared frame, once) and no footer with the server's path.
    styles = [m.value for m in large_at.markdown if "stMetricValue" in m.value]
    assert len(styles) == 1
    assert not [m for m in normal_at.markdown if "stMetricValue" in m.value]
    footer = [c.value for c in normal_at.sidebar.caption if "Données chargées" in c.value]
    assert footer
    assert not [c.value for c in large_at.sidebar.caption if "Données chargées" in c.value]
    assert theme.SIZES[True]["tick"] > theme.SIZES[False]["tick"]


def test_the_tabs_build_only_the_view_that_is_open(app, facts):
    charts = {
        BREAKDOWN: {"participation-direction", "directions-plus-faibles"},
        INVOLVEMENT: {"engagement", "roles"},
        TIME: {"participation-mois", "fidelite-promotions"},
    }
    for tab, names in charts.items():
        at = app(PAGE, as_of=facts["as_of"], participation_tab=tab)
        assert [t.label for t in at.tabs] == [BREAKDOWN, INVOLVEMENT, TIME]
        drawn = {c.proto.id.rsplit("-chart-", 1)[1] for c in at.get("plotly_chart")}
        assert drawn == names, tab
        assert bool(at.dataframe) == (tab == BREAKDOWN)  # the rates table, under its chart
