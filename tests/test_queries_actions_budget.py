"""Actions and budget read functions (etl.model.actions_budget) on a tiny hand-made source loaded by the real loader."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from etl.model import actions_budget, kpis
from etl.store.db import connect_ro
from tests.conftest import loaded_db

D = dt.date(2015, 10, 1)

SOURCE = {
    "staff.csv": """person_id,last_name,first_name,organisation,direction,is_manager
P1,Martin,Anne,Ville,DG,oui
P2,Durand,Paul,Ville,DG,non
P3,Petit,Luc,Agglo,RH,oui
""",
    "groups.csv": "group_id,name\nG1,Groupe Un\n",
    "sessions.csv": """session_id,kind,title,date,duration_hours,group_id
S1,training,Formation,2015-03-10,3,G1
S2,seminar,Séminaire,2015-09-01,6,
S3,workshop,Atelier,2016-02-01,2,
""",
    "attendance.csv": """session_id,person_id,status
S1,P1,attended
S1,P2,absent
S2,P2,attended
S2,P3,attended
S3,P1,attended
""",
    "ideas.csv": """idea_id,title,submitted_on,status
I1,Une,2015-01-01,retained
I2,Deux,2015-02-01,implemented
I3,Trois,,submitted
I4,Quatre,2016-01-01,retained
I5,Cinq,2015-03-01,rejected
""",
    "actions.csv": """action_id,title,axis,group_id,priority,owner,start_on,due_on,status,progress_pct
A1,Action un,Axe X,G1,oui,P1,2015-01-01,2015-06-30,in_progress,50
A2,Action deux,Axe Y,,non,Mme Dupont,2015-01-01,2015-09-30,in_progress,80
A3,Action trois,Axe X,G1,non,P3,2015-07-01,2015-12-31,in_progress,60
A4,Action quatre,,,non,,,,abandoned,
A5,Action cinq,Axe Y,,non,P2,2015-01-01,2016-12-31,in_progress,30
""",
    "action_updates.csv": """action_id,as_of,status,progress_pct
A1,2015-03-31,in_progress,40
A1,2015-07-31,done,100
A3,2015-11-01,in_progress,50
""",
    "budget.csv": """line_id,date,category,planned_eur,spent_eur,group_id,session_id
L1,2014-01-02,training,1000,,,
L2,2014-05-01,training,,800,,
L3,2015-01-02,training,2000,,,
L4,2015-03-10,catering,,300,,S1
L5,2015-09-01,facilitation,500,1200,G1,
L6,2015-12-01,catering,,400,,
L7,2015-11-15,facilitation,700,,,
""",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return loaded_db(tmp_path_factory.mktemp("plan"), SOURCE)


def run(db, name, **kwargs):
    with connect_ro(db) as con:
        return getattr(actions_budget, name)(con, **kwargs)


def headline(db, as_of=D, organisation=None):
    with connect_ro(db) as con:
        return kpis.headline(con, as_of, organisation)


def test_funnel(db):
    funnel = run(db, "action_funnel", as_of=D)
    # undated ideas count, later ones do not; A1 is done by its update of July
    assert funnel.to_dict("list") == {
        "level": ["ideas_total", "ideas_retained", "actions_total", "actions_done"],
        "count": [4, 2, 5, 1],
    }


def test_actions_by_group_and_status(db):
    by = run(db, "actions_by", as_of=D, dimension="group")
    rows = {
        (k if isinstance(k, str) else None, s): n for k, s, n in by[["key", "status", "actions"]].to_numpy()
    }
    # A3 has updates, none by D: not started
    assert rows == {
        ("G1", "done"): 1,
        ("G1", "not_started"): 1,
        (None, "in_progress"): 2,
        (None, "abandoned"): 1,
    }
    assert set(by["label"].dropna()) == {"Groupe Un"}
    with pytest.raises(ValueError):
        run(db, "actions_by", as_of=D, dimension="owner")


def test_actions_by_month_follow_the_updates(db):
    months = run(db, "actions_by_month", as_of=D, start=dt.date(2015, 6, 1))
    june = months[months["month"] == "2015-06-30"].set_index("status")["actions"].to_dict()
    july = months[months["month"] == "2015-07-31"].set_index("status")["actions"].to_dict()
    assert june == {"abandoned": 1, "in_progress": 3, "not_started": 1}
    assert july == {"abandoned": 1, "done": 1, "in_progress": 2, "not_started": 1}
    assert months["month"].max() == pd.Timestamp(D)  # the last month ends on D


def test_action_list_owners_expected_progress_and_lights(db):
    actions = run(db, "action_list", as_of=D).set_index("action_id")
    assert actions.loc["A1", "owner_name"] == "Anne Martin"  # a matricule of the staff
    assert actions.loc["A2", "owner_name"] == "Mme Dupont"  # a name stays as given
    assert actions.loc["A5", "expected_pct"] == pytest.approx(100 * 273 / 730)
    assert actions["light"].to_dict() == {
        "A1": "green",  # done
        "A2": "red",  # late
        "A3": "red",  # not started, half its time gone
        "A4": "grey",  # abandoned, no dates
        "A5": "green",  # 30 % done, 37 % expected
    }
    lights = run(db, "action_lights", as_of=D)
    assert lights.to_dict("list") == {"light": ["green", "amber", "red", "grey"], "actions": [2, 0, 2, 1]}


def test_late_and_priority_actions(db):
    late = run(db, "late_actions", as_of=D)
    assert late["action_id"].tolist() == ["A2"]
    assert len(late) == headline(db)["actions_late"]
    assert run(db, "priority_actions", as_of=D)["action_id"].tolist() == ["A1"]


def test_budget_by_year_and_category(db):
    years = run(db, "budget_by_year", as_of=D)
    # planned by the year of its date (L7 after D counts); spent only when dated by D (not L6)
    assert years.to_dict("list") == {
        "year": [2014, 2015],
        "planned_eur": [1000, 3200],
        "spent_eur": [800, 1500],
    }
    h = headline(db)
    assert (h["budget_planned_eur"], h["budget_spent_eur"]) == (3200, 2300)
    categories = run(db, "budget_by_category", as_of=D)
    # the contract's budget breakdown by category: planned and spent of D's year (2015), spent dated
    # by D; spent to date beside them (training's 800 of 2014 is not this year's spending)
    assert categories.to_dict("list") == {
        "category": ["training", "facilitation", "catering"],
        "planned_eur": [2000, 1200, 0],
        "spent_eur": [0, 1200, 300],  # catering: L4 only, L6 is after D
        "spent_to_date_eur": [800, 1200, 300],
    }
    this_year = run(db, "budget_by_year", as_of=D, start=dt.date(2015, 1, 1))
    assert this_year.to_dict("list") == {"year": [2015], "planned_eur": [3200], "spent_eur": [1500]}


def test_cumulative_spending(db):
    months = run(db, "budget_cumulative", as_of=D)
    assert len(months) == 18  # May 2014 … October 2015
    assert months["cumulative_spent_eur"].iloc[-1] == 2300
    march = months[months["month"] == "2015-03-01"].iloc[0]
    assert (march["spent_eur"], march["cumulative_spent_eur"]) == (300, 1100)
    period = run(db, "budget_cumulative", as_of=D, start=dt.date(2015, 9, 1))
    assert period["cumulative_spent_eur"].tolist() == [2300, 2300]  # still counted from the start


def test_budget_by_group_is_the_rows_own_group(db):
    groups = run(db, "budget_by_group", as_of=D)
    # the contract's budget breakdown by group: the budget row's group_id (L5 only); L4's session S1
    # belongs to G1 but the row names no group, so it counts under no group
    assert groups.to_dict("list") == {
        "group_id": ["G1"],
        "label": ["Groupe Un"],
        "spent_eur": [1200],
        "planned_eur": [500],
        "spent_to_date_eur": [1200],
    }


@pytest.mark.parametrize(("organisation", "participants", "hours"), [(None, 3, 15), ("Ville", 2, 9)])
def test_budget_summary(db, organisation, participants, hours):
    summary = run(db, "budget_summary", as_of=D, organisation=organisation).iloc[0]
    assert headline(db, D, organisation)["hours_invested"] == hours
    assert summary["participants"] == participants  # S3 is not held by D
    assert summary["spent_eur"] == 2300  # the money stays whole
    assert summary["spent_year_eur"] == 1500
    assert summary["execution"] == pytest.approx(1500 / 3200)
    assert summary["cost_per_participant"] == pytest.approx(2300 / participants)
    assert summary["cost_per_hour"] == pytest.approx(2300 / hours)
