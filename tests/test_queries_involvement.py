"""etl.model.queries.involvement_funnel on a hand-made source: each level is a subset of the one before."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.model import queries
from etl.store.db import connect_ro
from tests.conftest import loaded_db

D = dt.date(2015, 10, 1)

# P1 active pilot (no group), P2 active in a group, P3 active member only, P4 pilot with no activity
# in 12 months, P5 in a group but inactive, P6 not a member, P7 a non-manager active pilot.
SOURCE = {
    "staff.csv": """person_id,organisation,direction,is_manager,hire_date,leave_date
P1,Ville,DG,oui,2010-01-01,
P2,Ville,DG,oui,2010-01-01,
P3,Ville,DG,oui,2010-01-01,
P4,Ville,DG,oui,2010-01-01,
P5,Ville,DG,oui,2010-01-01,
P6,Ville,DG,oui,2010-01-01,
P7,Ville,DG,non,2010-01-01,
P8,Ville,DG,oui,2010-01-01,2015-01-01
""",
    "groups.csv": "group_id,name\nG1,Groupe Un\n",
    "members.csv": """person_id,joined_on,left_on,role,group_id
P1,2014-01-01,,pilot,
P2,2014-01-01,,member,G1
P3,2014-01-01,,member,
P4,2014-01-01,,hr_referent,
P5,2014-01-01,,member,G1
P7,2014-01-01,,pilot,
P8,2014-01-01,,pilot,
""",
    "sessions.csv": """session_id,kind,title,date,duration_hours
S1,seminar,Séminaire,2015-06-01,6
S2,seminar,Ancien,2013-06-01,6
""",
    "attendance.csv": """session_id,person_id,status
S1,P1,attended
S1,P2,attended
S1,P3,attended
S1,P7,attended
S2,P4,attended
S2,P5,attended
""",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return loaded_db(tmp_path_factory.mktemp("involvement"), SOURCE)


def funnel(db, **kwargs) -> dict[str, int]:
    with connect_ro(db) as con:
        frame = queries.involvement_funnel(con, as_of=D, **kwargs)
    return dict(zip(frame["level"], frame["people"], strict=True))


def test_managers_each_level_among_the_one_before(db):
    # P8 left; P6 is no member; P4 and P5 did nothing in 12 months; P3 only attends; P2 in a group; P1 leads.
    assert funnel(db) == {"eligible": 6, "members": 5, "active": 3, "engaged": 2, "leads": 1}


def test_all_staff(db):
    assert funnel(db, managers_only=False) == {
        "eligible": 7,
        "members": 6,
        "active": 4,
        "engaged": 3,
        "leads": 2,
    }


@pytest.mark.parametrize("managers_only", [True, False])
def test_never_widens(db, managers_only):
    people = list(funnel(db, managers_only=managers_only).values())
    assert people == sorted(people, reverse=True)
