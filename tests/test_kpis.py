"""The contract's section 4 definitions on a hand-made source (tests/fixtures/edge), figure by figure."""

import datetime as dt

import pytest

from etl.model.kpis import headline
from etl.store.db import connect_ro
from tests.conftest import FIXTURES, fixture_db, load_db

D = dt.date(2015, 6, 30)


@pytest.fixture(scope="module")
def edge_db(tmp_path_factory):
    return fixture_db(tmp_path_factory, "edge")


def _kpis(db, as_of=D, organisation=None):
    with connect_ro(db) as con:
        return headline(con, as_of, organisation)


def test_whole_source_at_d(edge_db):
    assert _kpis(edge_db) == {
        "as_of": "2015-06-30",
        "managers": 2,  # P1 and P4; P3 left on 2015-01-01
        "member_managers": 1,  # P4's membership ends on D itself: not "after" D
        "manager_participation_rate": 0.5,
        "members": 1,
        "sessions_held": 2,  # S1 at 14:00 on D is held; S2 is not
        "attendance_rate": 0.4,  # 2 attended of 5 rows of held sessions (registered rows count)
        "hours_invested": 4.5,  # S1 duration 2 + S3 row hours 1.5 + contribution 1 (the one after D is out)
        "active_members_12m": 1,
        "participants": 2,  # P1 (attended S1, S3) and P2 (contribution of D); P2's S1 row is registered only
        "hours_per_participant": 2.25,  # 4.5 h / 2 participants
        "hours_share_top_10pct": 3.5 / 4.5,  # ceil(2 / 10) = 1 person: P1's 2 + 1.5 of 4.5
        "cross_direction_hours_share": 0.0,  # P1 (DG) attended S1 and S3 with no one of another direction
        "budget_spent_eur": 300.0,
        "budget_planned_eur": 1000.0,  # 2015 only
        "ideas_total": 3,  # undated counts, the one after D does not
        "ideas_retained": 2,  # retained or implemented
        "actions_total": 4,
        "actions_priority": 1,
        "actions_done": 1,  # A2 from its row; A1's last update of D says in progress
        "actions_late": 1,  # A1; A3 is due on D (not before), A4 abandoned
        "survey_response_rate": 0.5,  # E3: opened the same day as E2, later in the file
    }


def test_one_organisation(edge_db):
    got = _kpis(edge_db, organisation="ville")
    assert {
        k: got[k]
        for k in (
            "managers",
            "member_managers",
            "manager_participation_rate",
            "members",
            "attendance_rate",
            "hours_invested",
            "active_members_12m",
            "survey_response_rate",
            "sessions_held",
            "budget_spent_eur",
        )
    } == {
        "managers": 1,
        "member_managers": 1,
        "manager_participation_rate": 1.0,
        "members": 1,
        "attendance_rate": pytest.approx(2 / 3),
        "hours_invested": 4.5,
        "active_members_12m": 1,
        "survey_response_rate": None,
        "sessions_held": 2,
        "budget_spent_eur": 300.0,
    }
    assert got["organisation"] == "ville"


def test_organisation_with_no_hours_gives_null_not_zero(edge_db):
    got = _kpis(edge_db, organisation="AGGLO")
    assert (got["managers"], got["member_managers"], got["manager_participation_rate"]) == (1, 0, 0.0)
    assert (got["attendance_rate"], got["hours_invested"], got["active_members_12m"]) == (0.0, None, 0)


def test_unknown_organisation_gives_nulls(edge_db):
    got = _kpis(edge_db, organisation="Nulle part")
    assert (got["managers"], got["manager_participation_rate"], got["attendance_rate"]) == (0, None, None)


def test_the_day_before(edge_db):
    got = _kpis(edge_db, dt.date(2015, 6, 29))
    assert got["survey_response_rate"] == 0.1  # E1: 1 respondent of 10
    assert got["sessions_held"] == 1
    assert got["member_managers"] == 2  # P4 still a member


def test_invited_zero_gives_null(tmp_path):
    import shutil

    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "edge", src)
    (src / "surveys.csv").write_text(
        "survey_id,title,opened_on,invited\nE1,x,2015-01-01,0\n", encoding="utf-8"
    )
    (src / "survey_respondents.csv").write_text("survey_id,respondent_id\nE1,R1\n", encoding="utf-8")
    load_db(tmp_path / "d.duckdb", src)
    assert _kpis(tmp_path / "d.duckdb")["survey_response_rate"] is None


def test_before_anything_happened(edge_db):
    got = _kpis(edge_db, dt.date(2000, 1, 1))
    assert (
        got["hours_invested"] is None
        and got["budget_spent_eur"] is None
        and got["budget_planned_eur"] is None
    )
    assert got["attendance_rate"] is None and got["survey_response_rate"] is None
    assert got["sessions_held"] == 0 and got["actions_done"] == 1  # A2 has no updates: its row says done


def test_a_direction_narrows_the_people_indicators(edge_db):
    got = _kpis_dir(edge_db, "Agglo", " rh ")
    assert (got["managers"], got["member_managers"], got["members"]) == (1, 0, 0)
    assert got["sessions_held"] == 2 and got["survey_response_rate"] is None and got["direction"] == " rh "
    assert _kpis_dir(edge_db, None, "DG")["managers"] == 1


def _kpis_dir(db, organisation, direction):
    with connect_ro(db) as con:
        return headline(con, D, organisation, direction)
