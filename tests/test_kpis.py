"""The contract's section 4 definitions on a hand-made source (tests/fixtures/edge), figure by figure."""

import datetime as dt

import pytest

from etl.model import kpis
from etl.model.kpis import headline
from etl.store.db import connect_ro
from etl.store.stored_reads import sharing
from tests.conftest import FIXTURES, fixture_db, load_db, loaded_db

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


# The headline's two queries as they were written before they became cross joins of one-row
# aggregates (a select of scalar subqueries, which DuckDB took 20 ms to plan): the oracle that the
# rewrite gives the same row, scope by scope and day by day, empty sets included.
SUBQUERIES_PEOPLE = """
WITH people AS (SELECT * FROM people_at($d, $org, dir := $dir, svc := $svc)),
att AS (SELECT * FROM attendance_held($d, $org, dir := $dir, svc := $svc)),
hrs AS (SELECT * FROM hours_lines_of(att, $d, $org, dir := $dir, svc := $svc)),
active AS (SELECT DISTINCT person_id FROM hrs WHERE in_last_12m(day, $d))
SELECT *, member_managers / nullif(managers, 0) AS manager_participation_rate,
    hours_invested / nullif(participants, 0) AS hours_per_participant FROM (SELECT
    (SELECT count(*) FROM people WHERE employed AND is_manager) AS managers,
    (SELECT count(*) FROM people WHERE employed AND is_manager AND member) AS member_managers,
    (SELECT count(*) FROM people WHERE employed AND member) AS members,
    (SELECT count_if(status = 'attended') / nullif(count(*), 0) FROM att) AS attendance_rate,
    (SELECT sum(hours) FROM hrs) AS hours_invested,
    (SELECT count(DISTINCT person_id) FROM hrs) AS participants,
    (SELECT count(*) FROM people WHERE employed AND member AND person_id IN (SELECT person_id FROM active))
        AS active_members_12m,
    (SELECT top_tenth_share FROM top_tenth_of(hrs)) AS hours_share_top_10pct,
    (SELECT coalesce(sum(hours) FILTER (WHERE across), 0) / nullif(sum(hours), 0)
        FROM across_rows($d, false, $org, dir := $dir, svc := $svc))
        AS cross_direction_hours_share
)
"""
SUBQUERIES_NETWORK = """
WITH acts AS (SELECT * FROM action_status_at($d)),
ideas AS (SELECT * FROM ideas_at($d)),
survey AS (SELECT * FROM latest_survey($d))
SELECT
    (SELECT count(*) FROM sessions_held($d)) AS sessions_held,
    (SELECT sum(spent_eur) FROM stg_budget WHERE dated_by(date, $d)) AS budget_spent_eur,
    (SELECT sum(planned_eur) FROM stg_budget WHERE in_year_of(date, $d)) AS budget_planned_eur,
    (SELECT count(*) FROM ideas) AS ideas_total,
    (SELECT count_if(retained) FROM ideas) AS ideas_retained,
    (SELECT count(*) FROM acts) AS actions_total,
    (SELECT count_if(priority) FROM acts) AS actions_priority,
    (SELECT count_if(status = 'done') FROM acts) AS actions_done,
    (SELECT count_if(late_on(due_on, status, $d)) FROM acts) AS actions_late,
    CASE WHEN $org IS NULL AND $dir IS NULL AND $svc IS NULL THEN (
        SELECT (SELECT count(*) FROM stg_survey_respondents r WHERE r.survey_id = s.survey_id)
               / nullif(s.invited, 0)
        FROM survey s) END AS survey_response_rate
"""


@pytest.mark.parametrize(
    "source",
    [
        FIXTURES / "edge",
        FIXTURES / "blois-like" / "source",
        FIXTURES.parent.parent / "data" / "demo" / "source",
    ],
    ids=["edge", "sample", "demo"],
)
def test_the_headline_queries_give_the_rows_their_subquery_form_gave(source, tmp_path_factory):
    db = load_db(tmp_path_factory.mktemp("forms") / "forms.duckdb", source)
    with connect_ro(db) as con:
        bounds = con.execute("SELECT min(date)::DATE, max(date)::DATE FROM stg_sessions").fetchone()
        days = [bounds[0] - dt.timedelta(days=400), D, bounds[1] + dt.timedelta(days=800)]  # empty sets too
        places = con.execute(
            "SELECT organisation, min(direction) FROM stg_staff GROUP BY ALL ORDER BY ALL LIMIT 2"
        ).fetchall()
        scopes = [(None, None), ("nowhere", None)] + [(o, None) for o, _ in places] + places
        compared = 0
        for day in days:
            for organisation, direction in scopes:
                # the network's indicators, read once per day when shared: what the query says in the scope
                with sharing():
                    assert kpis.network(con, day) == kpis._row(con, kpis.NETWORK_SQL, day, None, None)
                    assert kpis.network(con, day, organisation, direction) == kpis._row(
                        con, kpis.NETWORK_SQL, day, organisation, direction
                    )
                for now, before in (
                    (kpis.PEOPLE_SQL, SUBQUERIES_PEOPLE),
                    (kpis.NETWORK_SQL, SUBQUERIES_NETWORK),
                ):
                    assert kpis._row(con, now, day, organisation, direction) == kpis._row(
                        con, before, day, organisation, direction
                    ), (day, organisation, direction, now[:40])
                    compared += 1
    assert compared == len(days) * len(scopes) * 2


# One organisation, two directions, two services of one direction: everyone attended S1 together,
# and P3 (RH) declared 3 hours more.
SCOPES = {
    "staff.csv": "person_id,organisation,direction,service,is_manager\n"
    "P1,Ville,DG,Cabinet,oui\nP2,Ville,DG,Courrier,non\nP3,Ville,RH,,non\n",
    "sessions.csv": "session_id,kind,title,date,duration_hours\nS1,training,T,2015-01-10,2\n",
    "attendance.csv": "session_id,person_id,status\nS1,P1,attended\nS1,P2,attended\nS1,P3,attended\n",
    "contributions.csv": "person_id,date,hours\nP3,2015-02-01,3\n",
}


@pytest.mark.parametrize(
    ("scope", "hours", "participants"),
    [
        (("Ville",), 9.0, 3),
        (("Ville", "DG"), 4.0, 2),
        (("Ville", "RH"), 5.0, 1),
        (("Ville", "DG", "Cabinet"), 2.0, 1),
        (("Ville", None, "Courrier"), 2.0, 1),
    ],
)
def test_a_direction_and_a_service_narrow_the_hours_and_who_attended_with_whom(
    tmp_path, scope, hours, participants
):
    with connect_ro(loaded_db(tmp_path, SCOPES)) as con:
        got = headline(con, D, *scope)
    assert (got["hours_invested"], got["participants"], got["attendance_rate"]) == (hours, participants, 1.0)
    # every session hour of the scope's people was spent with someone of another direction
    assert got["cross_direction_hours_share"] == 1.0
