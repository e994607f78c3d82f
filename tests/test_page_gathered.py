"""Charts of many groups or milestones: the first bars one by one, the others gathered in one
« Autres (n) » bar, milestones one marker per month; the download keeps every row.

The demo has 3 budget groups, 5 action groups and 11 milestones: the limits are lowered here so
the demo is "many" (at 100× the demo, 300 groups and 1 100 milestones reach the real ones).
"""

from __future__ import annotations

import pandas as pd
import pytest

from etl.figures import budget_charts, kit, people_charts
from etl.text import format as fmt
from tests.app_support import figure, query, values


@pytest.fixture
def few(monkeypatch):
    """``few(bars=, marks=)``: charts drawing at most that many bars and milestones of a kind; the
    kept figures are dropped before and after, so no test reads a figure built with other limits."""

    def lower(bars: int = kit.MOST_BARS, marks: int = people_charts.MOST_MARKS) -> None:
        monkeypatch.setattr(kit, "MOST_BARS", bars)
        monkeypatch.setattr(people_charts, "MOST_MARKS", marks)
        kit._spec.cache_clear()

    yield lower
    kit._spec.cache_clear()


def test_budget_by_group_shows_the_largest_then_the_others_summed(app, app_db, facts, few, downloads):
    few(bars=1)
    at = app("pages/budget.py", as_of=facts["as_of"])
    bars = figure(at, "budget-groupes")["data"][0]
    # demo: Bon accueil 2 340 €, La réunionite 1 250,50 €, GPS 980,40 €; the two last 2 230,90 €
    assert list(bars["y"]) == ["Bon accueil, pas d'écueil", "Autres (2)"]
    assert values(bars["x"]) == pytest.approx([2340.0, 2230.9])
    assert list(bars["text"]) == [fmt.euros(2340.0), fmt.euros(2230.9)]
    every = query(app_db, "budget_by_group", as_of=facts["as_of"])
    download = downloads(at)["budget-groupes"]
    assert download["Groupe"].tolist() == every["label"].tolist()  # the three groups, none gathered
    assert download["Dépensé depuis le début"].sum() == pytest.approx(2340.0 + 1250.5 + 980.4)


def test_actions_by_group_gather_the_others_per_status(app, app_db, facts, few, downloads):
    few(bars=2)
    at = app("pages/actions.py", as_of=facts["as_of"], actions_dimension="group")
    traces = figure(at, "actions-group")["data"]
    layout = figure(at, "actions-group")["layout"]
    # demo at D: 10 actions without a group, 6 each for Bon accueil, Entrez dans la trans', GPS
    # and La réunionite, 5 for À la recherche du temps perdu. The two largest: no group (10), then
    # Bon accueil (6, the first of the ties in reading order); the 4 others hold 6 + 6 + 6 + 5 = 23
    # actions: done 1 + 5 + 5 + 3 = 14, in progress 3 + 1 + 1 + 1 = 6, abandoned 2, not started 1.
    assert layout["yaxis"]["categoryarray"] == ["(hors groupe)", "Bon accueil, pas d'écueil", "Autres (4)"]
    others = {
        trace["name"]: dict(zip(trace["y"], values(trace["x"]), strict=True)).get("Autres (4)")
        for trace in traces
    }
    assert others == {"Non démarrée": 1, "En cours": 6, "Terminée": 14, "Abandonnée": 2}
    assert sum(sum(values(trace["x"])) for trace in traces) == 10 + 6 + 23
    download = downloads(at)["actions-group"]
    every = query(app_db, "actions_by", as_of=facts["as_of"], dimension="group")
    assert len(download) == len(every) == 15  # every group's row per status, none gathered


def test_many_milestones_are_one_marker_per_month(app, facts, few):
    few(marks=3)
    at = app(as_of=facts["as_of"])
    traces = {trace["name"]: trace for trace in figure(at, "croissance-reseau")["data"]}
    # demo: the five groups were all created on 17 January 2013 (5 > 3: one marker, at mid-month)
    groups = traces["Création de groupe"]
    assert list(groups["customdata"]) == [["janvier 2013", "5 groupes créés"]]
    assert [x[:10] for x in groups["x"]] == ["2013-01-15"]
    # six seminars, one a year (6 > 3): a month's lone seminar keeps its date and its name
    seminars = traces["Séminaire"]
    assert [c[0] for c in seminars["customdata"]][:2] == ["5 avril 2012", "10 octobre 2013"]
    assert seminars["customdata"][0][1].startswith("Séminaire des cadres 2012")


def test_few_milestones_are_marked_one_by_one(app, facts):
    at = app(as_of=facts["as_of"])
    groups = {t["name"]: t for t in figure(at, "croissance-reseau")["data"]}["Création de groupe"]
    assert len(groups["customdata"]) == 5
    assert {c[0] for c in groups["customdata"]} == {"17 janvier 2013"}


def test_groups_sharing_a_name_are_told_apart_by_their_id():
    frame = pd.DataFrame(
        {
            "group_id": ["G-A", "G-A2", "G-B"],
            "label": ["Accueil", "Accueil", "GPS"],
            "spent_eur": [3.0, 2.0, 1.0],
        }
    )
    fig = budget_charts.euro_bars(frame, "label", "spent_eur", "fr", False, key="group_id")
    assert list(fig.data[0].y) == ["Accueil (G-A)", "Accueil (G-A2)", "GPS"]
