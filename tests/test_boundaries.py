"""Every "at D" rule on its boundary (tests/fixtures/boundary), through the headline and through each
breakdown that uses the rule. D = 2015-06-30. Each expected figure is derived by hand below.

The people (staff.csv, members.csv):
    P1 Ville manager, hired 2010, member since 2014          -> employed, member
    P2 Ville manager, hired ON D, joined ON D                 -> employed (hire_date <= D), member (joined_on <= D)
    P3 Agglo manager, leaves ON D, member since 2014          -> not employed (leave_date must be after D)
    P4 Agglo, member until left_on = D                        -> employed, not a member (left_on must be after D)
    P5 Ville, member until D + 1 day                          -> employed, member
Time (sessions.csv, attendance.csv, contributions.csv):
    S1 training ON D at 14:00, 2 h: P5 attended, P1 and P4 registered -> held (dates compare by day)
    S2 training D + 1: P1 attended                             -> not held
    S3 workshop D - 365 days, 3 h: P4 attended                 -> held, outside the 12-month window (D - 365, D]
    S4 workshop D - 364 days, 1 h: P2 and P3 attended          -> held, inside the window
    contributions: P1 1 h at D - 365 (outside the window, group G1), P4 0.5 h at D - 366, P5 0.25 h ON D
    Themes: S1, S2 Management; S3, S4 Innovation; G1's « Qualité de vie » for P1's contribution.
Working across directions (DG: P1, P2, P5; RH: P3, P4): S4 brings DG (P2) and RH (P3) together, so
    both its rows are across; S1 is not (P4 of RH only registered); S3 is P4 alone.
    Rows: S1 P5 2 h, S3 P4 3 h, S4 P2 1 h (across), S4 P3 1 h (across): 2 of 7 hours across.
Effort: hours per participant P4 3.5, P5 2.25, P1 1, P2 1, P3 1; ceil(5 / 10) = 1 person carries 3.5 of 8.75.
Plan (actions.csv, action_updates.csv): A1 updated ON D to done; A2 due D - 1 in progress (late);
    A3 due ON D in progress (not late: due_on must be before D).
Surveys (surveys.csv, survey_respondents.csv): V1 opened 15/01/2015 (5 of 10), V2 opened ON D
    (1 of 4), V3 on D + 1 (2 of 8): the latest survey at D is V2.
Budget: 500 planned / 100 spent on 31/12/2014; 1000 / 200 on 01/01/2015; 50 spent ON D (catering);
    70 spent on D + 1 (catering); 800 planned for printing in 2016 (after D's year). Ideas: I1 ON D, I2 on D + 1 (retained), I3 undated (retained).
"""

import datetime as dt
import json

import pytest

from etl.__main__ import main as etl_main
from etl.model import queries
from etl.store.db import connect_ro
from tests.conftest import fixture_db

D = "2015-06-30"


@pytest.fixture(scope="module")
def boundary_db(tmp_path_factory):
    return fixture_db(tmp_path_factory, "boundary")


def _cli(capsys, *args):
    code = etl_main([*map(str, args), "--json"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def _breakdown(capsys, db, name, by, *extra):
    return _cli(capsys, "breakdown", name, "--by", by, "--db", db, "--as-of", D, *extra)


def test_headline_on_the_boundaries(boundary_db, capsys):
    got = _cli(capsys, "kpis", "--db", boundary_db, "--as-of", D)
    expected = {
        "managers": 2,  # P1, P2 (hired on D); P3 leaves on D
        "member_managers": 2,  # P2 joined on D
        "manager_participation_rate": 1.0,
        "members": 3,  # P1, P2, P5; P4 left on D; P3 not employed
        "sessions_held": 3,  # S1 (on D), S3, S4; not S2
        "attendance_rate": 4 / 6,  # 4 attended of 6 rows of held sessions (P1's and P4's S1 rows registered)
        "hours_invested": 8.75,  # S1 2 + S3 3 + S4 1 + 1 + contributions 1 + 0.5 + 0.25 (on D)
        "active_members_12m": 2,  # P2 (S4 at D - 364), P5 (S1 on D); P1's only time is at D - 365; P3 left
        "participants": 5,  # P5, P4, P2, P3, P1 (S2 is not held)
        "hours_per_participant": 8.75 / 5,
        "hours_share_top_10pct": 0.4,  # ceil(5 / 10) = 1 person: P4's 3 + 0.5 of 8.75
        "cross_direction_hours_share": 2 / 7,  # S4's two rows (1 h each) of 2 + 3 + 1 + 1 session hours
        "budget_spent_eur": 350.0,  # 100 + 200 + 50 (on D); not the 70 of D + 1
        "budget_planned_eur": 1000.0,  # 2015's (01/01/2015), not 31/12/2014's
        "ideas_total": 2,  # I1 (on D) and I3 (undated)
        "ideas_retained": 1,  # I3
        "actions_total": 3,
        "actions_done": 1,  # A1 by its update of D
        "actions_late": 1,  # A2; A3 is due on D
        "survey_response_rate": 0.25,  # V2, opened ON D: 1 respondent of 4 invited (not V1's 5 of 10, nor V3)
    }
    assert {k: got[k] for k in expected} == pytest.approx(expected)


def test_a_period_counts_its_first_day(boundary_db, capsys):
    # --since D - 364 = 01/07/2014, S4's day: S4 (P2, P3: 2 h) counts; S3 and P1's hour of
    # 30/06/2014, P4's half hour of 29/06/2014 do not; S1 and P5's quarter hour on D do.
    assert _breakdown(capsys, boundary_db, "hours", "kind", "--since", "2014-07-01") == [
        {
            "label": "contribution",
            "session_hours": None,
            "contribution_hours": 0.25,
            "hours": 0.25,
            "participants": 1,
        },
        {
            "label": "training",
            "session_hours": 2.0,
            "contribution_hours": None,
            "hours": 2.0,
            "participants": 1,
        },
        {
            "label": "workshop",
            "session_hours": 2.0,
            "contribution_hours": None,
            "hours": 2.0,
            "participants": 2,
        },
    ]


def test_participation_breakdown_on_the_boundaries(boundary_db, capsys):
    assert _breakdown(capsys, boundary_db, "participation", "organisation") == [
        # Agglo: P4 only (P3 leaves on D), not a member (left on D)
        {
            "label": "Agglo",
            "staff": 1,
            "members": 0,
            "managers": 0,
            "member_managers": 0,
            "manager_participation_rate": None,
        },
        # Ville: P1, P2 (hired and joined on D), P5 (member until D + 1)
        {
            "label": "Ville",
            "staff": 3,
            "members": 3,
            "managers": 2,
            "member_managers": 2,
            "manager_participation_rate": 1.0,
        },
    ]


def test_hours_breakdowns_on_the_boundaries(boundary_db, capsys):
    assert _breakdown(capsys, boundary_db, "hours", "month") == [
        # S3 (P4) 3 h; P1 1 h on 30/06/2014, P4 0.5 h on 29/06/2014
        {
            "label": "2014-06",
            "session_hours": 3.0,
            "contribution_hours": 1.5,
            "hours": 4.5,
            "participants": 2,
        },
        {
            "label": "2014-07",
            "session_hours": 2.0,
            "contribution_hours": None,
            "hours": 2.0,
            "participants": 2,
        },
        # S1 on D (P5) 2 h and P5's 0.25 h on D; S2 of D + 1 is not held
        {
            "label": "2015-06",
            "session_hours": 2.0,
            "contribution_hours": 0.25,
            "hours": 2.25,
            "participants": 1,
        },
    ]
    assert _breakdown(capsys, boundary_db, "hours", "kind") == [
        {
            "label": "contribution",
            "session_hours": None,
            "contribution_hours": 1.75,
            "hours": 1.75,
            "participants": 3,
        },
        {
            "label": "training",
            "session_hours": 2.0,
            "contribution_hours": None,
            "hours": 2.0,
            "participants": 1,
        },
        {
            "label": "workshop",
            "session_hours": 5.0,
            "contribution_hours": None,
            "hours": 5.0,
            "participants": 3,
        },
    ]
    # by theme: the session's, and a contribution's group's (P1's G1); the others have none
    assert _breakdown(capsys, boundary_db, "hours", "theme") == [
        {
            "label": "Innovation",
            "session_hours": 5.0,
            "contribution_hours": None,
            "hours": 5.0,
            "participants": 3,
        },  # S3 P4 3 h, S4 P2 and P3 1 h each
        {
            "label": "Management",
            "session_hours": 2.0,
            "contribution_hours": None,
            "hours": 2.0,
            "participants": 1,
        },  # S1 P5 (S2 is not held)
        {
            "label": "Qualité de vie",
            "session_hours": None,
            "contribution_hours": 1.0,
            "hours": 1.0,
            "participants": 1,
        },  # P1's contribution to G1
        {
            "label": None,
            "session_hours": None,
            "contribution_hours": 0.75,
            "hours": 0.75,
            "participants": 2,
        },  # P4's 0.5 and P5's 0.25 without a group
    ]
    # --since D keeps only what is dated on D: S1 and P5's contribution
    since = _breakdown(capsys, boundary_db, "hours", "organisation", "--since", D)
    assert since == [
        {"label": "Ville", "session_hours": 2.0, "contribution_hours": 0.25, "hours": 2.25, "participants": 1}
    ]


def test_budget_breakdowns_on_the_boundaries(boundary_db, capsys):
    # by year: up to D's year (2016's printing plan is gone)
    assert _breakdown(capsys, boundary_db, "budget", "year") == [
        {"label": "2014", "planned_eur": 500.0, "spent_eur": 100.0, "spent_to_date_eur": 100.0},  # 31/12/2014
        # 200 + 50 on D; not the 70 of D + 1
        {"label": "2015", "planned_eur": 1000.0, "spent_eur": 250.0, "spent_to_date_eur": 250.0},
    ]
    # by category: both bars in D's year (2015), spent to date beside them (adds up to 350)
    assert _breakdown(capsys, boundary_db, "budget", "category") == [
        # a row exists though nothing is planned: 50 on D, not the 70 of D + 1
        {"label": "catering", "planned_eur": None, "spent_eur": 50.0, "spent_to_date_eur": 50.0},
        # a row for a category found in any budget row, here only in 2016
        {"label": "printing", "planned_eur": None, "spent_eur": None, "spent_to_date_eur": None},
        # 2015's 1000 planned and 200 spent; 100 (2014) + 200 to date
        {"label": "training", "planned_eur": 1000.0, "spent_eur": 200.0, "spent_to_date_eur": 300.0},
    ]


@pytest.mark.parametrize(
    ("organisation", "summary", "top"),
    [
        # S1 (P5 attended, P1 and P4 registered), S3 (P4), S4 (P2, P3) held; S2 on D + 1 is not
        (
            None,
            {"registrations": 6, "attended": 4, "no_shows": 2, "excused": 0, "unique_participants": 4},
            [("S4", 2, 2), ("S3", 1, 1), ("S1", 3, 1)],  # most attended first, then the earlier day
        ),
        # Agglo's people, P3 (leaving on D) included: P4 registered at S1, attended S3; P3 attended S4
        (
            "Agglo",
            {"registrations": 3, "attended": 2, "no_shows": 1, "excused": 0, "unique_participants": 2},
            [("S3", 1, 1), ("S4", 1, 1), ("S1", 1, 0)],
        ),
    ],
    ids=["network", "organisation"],
)
def test_the_attendance_summary_and_top_sessions_on_the_boundaries(boundary_db, organisation, summary, top):
    day = dt.date.fromisoformat(D)
    with connect_ro(boundary_db) as con:
        got = queries.attendance_summary(con, day, organisation=organisation).iloc[0]
        sessions = queries.top_sessions(con, day, organisation=organisation)
    assert {name: int(got[name]) for name in summary} == summary
    assert got["sessions"] == 3  # S1, S3, S4: held, every organisation's
    assert got["attendance_rate"] == pytest.approx(summary["attended"] / summary["registrations"])
    assert got["no_show_rate"] == pytest.approx(summary["no_shows"] / summary["registrations"])
    shown = sessions[["session_id", "registrations", "attended"]].itertuples(index=False, name=None)
    assert [(s, int(r), int(a)) for s, r, a in shown] == top
    assert sessions["fill_rate"].isna().all()  # no capacity given


def test_transversality_and_links_on_the_boundaries(boundary_db, capsys):
    assert _breakdown(capsys, boundary_db, "transversality", "direction") == [
        # DG: S1 P5 2 h (P4 of RH only registered), S4 P2 1 h with P3 of RH
        {
            "label": "DG",
            "participants": 2,
            "hours": 3.0,
            "cross_hours": 1.0,
            "cross_hours_share": 1 / 3,
            "groups_met": 1,
            "sessions": 2,
            "cross_sessions": 1,
        },
        # RH: S3 P4 3 h alone, S4 P3 1 h with P2 of DG
        {
            "label": "RH",
            "participants": 2,
            "hours": 4.0,
            "cross_hours": 1.0,
            "cross_hours_share": 0.25,
            "groups_met": 1,
            "sessions": 2,
            "cross_sessions": 1,
        },
    ]
    # Ville's people only (P5, P2); who else attended is judged among everyone (P3 of Agglo)
    assert _breakdown(capsys, boundary_db, "transversality", "direction", "--organisation", "Ville") == [
        {
            "label": "DG",
            "participants": 2,
            "hours": 3.0,
            "cross_hours": 1.0,
            "cross_hours_share": 1 / 3,
            "groups_met": 1,
            "sessions": 2,
            "cross_sessions": 1,
        },
    ]
    # S4 is the one session DG and RH attended together: its 1 h duration
    assert _breakdown(capsys, boundary_db, "links", "direction") == [
        {"label": "DG", "other": "RH", "sessions": 1, "hours": 1.0}
    ]
    assert _breakdown(capsys, boundary_db, "links", "organisation") == [
        {"label": "Agglo", "other": "Ville", "sessions": 1, "hours": 1.0}
    ]
    # both ends must be Ville's people: no pair
    assert _breakdown(capsys, boundary_db, "links", "direction", "--organisation", "Ville") == []


def test_actions_and_ideas_breakdowns_on_the_boundaries(boundary_db, capsys):
    assert _breakdown(capsys, boundary_db, "actions", "status") == [
        {"label": "done", "actions": 1, "done": 1, "late": 0, "mean_progress_pct": 100.0},  # A1's update of D
        {
            "label": "in_progress",
            "actions": 2,
            "done": 0,
            "late": 1,
            "mean_progress_pct": 50.0,
        },  # A2 late, A3 not
    ]
    assert _breakdown(capsys, boundary_db, "ideas", "status") == [
        {"label": "retained", "ideas": 1, "retained": 1},  # I3 undated; I2 of D + 1 is not counted
        {"label": "submitted", "ideas": 1, "retained": 0},  # I1 on D
    ]


def test_the_day_before_d_moves_each_boundary(boundary_db, capsys):
    """One day earlier every "on D" row falls out: the same rules read from the other side."""
    before = (dt.date.fromisoformat(D) - dt.timedelta(days=1)).isoformat()
    got = _cli(capsys, "kpis", "--db", boundary_db, "--as-of", before)
    assert got["managers"] == 2  # P1 and P3 (leaves on D, so still employed the day before); not P2
    assert got["members"] == 4  # P1, P3 (still employed), P4 (left on D), P5; P2 joins on D
    assert got["sessions_held"] == 2  # S3, S4
    # P1 (contribution at D - 365 is inside this window), P4 (S3), P3 (S4; still employed and a member)
    assert got["active_members_12m"] == 3
    assert got["cross_direction_hours_share"] == pytest.approx(2 / 5)  # S1 not held: S3 3 h, S4 1 + 1 h
    assert got["actions_done"] == 0 and got["actions_late"] == 0  # A2 due D - 1 is not before D - 1
    assert got["budget_spent_eur"] == 300.0
