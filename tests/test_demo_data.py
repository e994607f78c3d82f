"""The committed demo source (data/demo/source): it loads with the real ETL, gives the headline
figure it is built around, and is exactly what data/demo/generate.py writes."""

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "demo" / "source"
GENERATOR = ROOT / "data" / "demo" / "generate.py"
VILLE = "Ville d'Orléans"

# rows (read, loaded, rejected) per table, measured on the committed source
EXPECTED_LOAD = {
    "staff": (4440, 4440, 0),
    "groups": (5, 5, 0),
    "members": (416, 416, 0),
    "sessions": (389, 389, 0),
    "attendance": (13358, 13357, 1),  # an attendance row for a session missing from sessions.csv
    "contributions": (1130, 1129, 1),  # a contribution of 30 hours
    "surveys": (2, 2, 0),
    "survey_questions": (20, 20, 0),
    "survey_respondents": (441, 441, 0),
    "survey_answers": (4051, 4050, 1),  # a 6 on a 1-5 scale
    "ideas": (133, 133, 0),
    "actions": (39, 39, 0),
    "action_updates": (255, 255, 0),
    "budget": (67, 67, 0),
}


def etl(*args) -> str:
    """`python -m etl ARGS` (its main, in this process): what it printed, once it exited 0."""
    code, out, err = run_cli(*args)
    assert code == 0, f"{args}\n{out}\n{err}"
    return out


def run(*args):
    proc = subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    rejects = db.with_name("rejects.csv")
    report = json.loads(etl("load", SOURCE, "--db", db, "--rejects", rejects, "--json"))
    return db, report, rejects


def test_demo_loads_with_the_expected_rows_and_rejects(loaded):
    _db, report, rejects = loaded
    assert report["published"] is True
    got = {t: (v["read"], v["loaded"], v["rejected"]) for t, v in report["tables"].items()}
    assert got == EXPECTED_LOAD
    with open(rejects, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    assert sorted((r[0], r[3]) for r in rows) == [
        ("attendance", "session_id"),
        ("contributions", "hours"),
        ("survey_answers", "value"),
    ]


def test_headline_figure_at_mid_2015(loaded):
    db, _report, _rejects = loaded
    k = json.loads(etl("kpis", "--db", db, "--as-of", "2015-06-30", "--organisation", VILLE, "--json"))
    assert (k["managers"], k["member_managers"]) == (350, 146)
    assert k["manager_participation_rate"] == pytest.approx(0.4171, abs=1e-4)
    assert (k["ideas_total"], k["budget_spent_eur"] is not None) == (133, True)


def test_figure_moves_over_time(loaded):
    db, _report, _rejects = loaded

    def rate(as_of, org):
        k = json.loads(etl("kpis", "--db", db, "--as-of", as_of, "--organisation", org, "--json"))
        return k["member_managers"]

    assert rate("2012-03-31", VILLE) == 0  # before the pilots
    assert rate("2012-06-30", VILLE) == 50  # the 50 pilots
    assert rate("2015-11-30", "Orléans Métropole") == 0  # opened to the Métropole in December 2015
    assert rate("2016-06-30", "Orléans Métropole") > 30


def read_staff():
    with open(SOURCE / "staff.csv", encoding="cp1252", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_reference_figure_from_the_raw_files():
    """The contract's definitions computed by hand on the CSVs, independently of the ETL."""
    ref = dt.date(2015, 6, 30)

    def fr(s):
        return dt.datetime.strptime(s, "%d/%m/%Y").date() if s else None

    def iso(s):
        return dt.date.fromisoformat(s) if s else None

    managers = set()
    for r in read_staff():
        hire, leave = fr(r["Date d'entrée"]), fr(r["Date de sortie"])
        employed = (hire is None or hire <= ref) and (leave is None or leave > ref)
        if r["Collectivité"] == VILLE and r["Encadrant"] == "Oui" and employed:
            managers.add(r["Matricule"])
    with open(SOURCE / "members.csv", encoding="utf-8", newline="") as f:
        members = {
            r["person_id"]
            for r in csv.DictReader(f)
            if iso(r["joined_on"]) <= ref and (iso(r["left_on"]) is None or iso(r["left_on"]) > ref)
        }
    assert (len(managers), len(managers & members)) == (350, 146)


def test_no_respondent_id_is_a_matricule():
    staff = {r["Matricule"] for r in read_staff()}
    with open(SOURCE / "survey_respondents.csv", encoding="utf-8", newline="") as f:
        ids = [r["respondent_id"] for r in csv.DictReader(f)]
    assert ids and not set(ids) & staff
    assert all(re.fullmatch(r"E\d{4}-R\d{4}", i) for i in ids)


def test_generator_is_deterministic_and_matches_the_committed_source(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    run(GENERATOR, "--out", a)
    run(GENERATOR, "--out", b)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) == sorted(p.name for p in SOURCE.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
        assert (a / name).read_bytes() == (SOURCE / name).read_bytes(), f"{name}: regenerate data/demo/source"


def test_the_demo_tells_the_working_together_story(loaded):
    """Three Ville directions meet among themselves every quarter (insular); the others' hours are all
    spent with other directions (central); a tenth of the participants carry a third of the hours;
    every session serves one of the seminar's levers or the network's own life."""
    db, _report, _rejects = loaded
    rows = json.loads(
        etl(
            "breakdown",
            "transversality",
            "--by",
            "direction",
            "--db",
            db,
            "--as-of",
            "2015-06-30",
            "--organisation",
            VILLE,
            "--json",
        )
    )
    shares = {r["label"]: round(r["cross_hours_share"], 2) for r in rows}
    assert {d: s for d, s in shares.items() if s < 0.95} == {
        "Direction de l'espace public": 0.71,
        "Direction de l'éducation": 0.66,
        "Direction des finances": 0.72,
    }
    k = json.loads(etl("kpis", "--db", db, "--as-of", "2015-06-30", "--organisation", VILLE, "--json"))
    assert round(k["cross_direction_hours_share"], 2) == 0.86
    assert round(k["hours_share_top_10pct"], 2) == 0.34
    with open(SOURCE / "sessions.csv", encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        themes = {row[next(c for c in row if c.lower().startswith("th"))] for row in reader}
    assert themes == {
        "Management",
        "Communication interne",
        "Innovation",
        "Qualité de vie au travail",
        "Coopération entre directions",
        "Vie du réseau",
    }
