"""Forgetting a person, their subject access and the retention of leavers: real files, real CLI.

P2 « Jeanne Martin » is in staff, members, attendance (one row rejected: 30 hours), owns an
action and is the owner of another by name; after ``forget P2`` neither the matricule nor the
name is in any table of any kept version, any kept source file, any reject or any export.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from etl import gdpr, versions
from tests.conftest import run_cli, write_source

STAFF = """person_id,last_name,first_name,email,organisation,direction,is_manager,hire_date,leave_date
P1,Durand,Paul,paul.durand@ville.fr,Ville,DG,oui,2010-01-01,
P2,Martin,Jeanne,jeanne.martin@ville.fr,Ville,DG,oui,2010-01-01,
P3,Petit,Luc,,Ville,RH,oui,2010-01-01,
"""
FILES = {
    "staff.csv": STAFF,
    "members.csv": "person_id,joined_on\nP1,2014-01-01\nP2,2014-02-01\n",
    "sessions.csv": "session_id,kind,title,date,duration_hours\nS1,atelier,Atelier,2015-03-01,2\n",
    "attendance.csv": "session_id,person_id,status,hours\nS1,P1,présent,2\nS1,P2,présent,30\nS1,P3,présent,2\n",
    "actions.csv": "action_id,title,owner,status\nA1,Plan,P2,en cours\nA2,Guide,Jeanne Martin,en cours\nA3,Charte,P1,en cours\n",
}
SECRET_WORDS = ("P2", "Martin", "Jeanne", "jeanne.martin@ville.fr")


def texts_in_db(path: Path) -> list[str]:
    """Every text value of every table of a database."""
    found = []
    with duckdb.connect(str(path), read_only=True) as con:
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall():
            for row in con.execute(f'SELECT * FROM "{table}"').fetchall():
                found += [str(v) for v in row if v is not None]
    return found


def texts_in_file(path: Path) -> list[str]:
    if path.suffix == ".xlsx":
        book = CalamineWorkbook.from_path(str(path))
        return [
            str(c)
            for name in book.sheet_names
            for row in book.get_sheet_by_name(name).to_python()
            for c in row
        ]
    return path.read_text(encoding="utf-8").replace(";", ",").replace("\n", ",").split(",")


def mentions(values: list[str]) -> set[str]:
    """Which of P2's matricule, names and e-mail occur among ``values`` (as a whole value, or inside
    a reject's raw JSON)."""
    return {w for w in SECRET_WORDS for v in values if v.strip() == w or f'"{w}"' in v or f" {w}" in v}


@pytest.fixture
def two_versions(tmp_path):
    source = write_source(tmp_path / "source", FILES)
    # the kept source is also an xlsx workbook in the second version
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "members"
    for row in [["Matricule", "Date d'adhésion"], ["P1", "2014-01-01"], ["P2", "2014-02-01"]]:
        sheet.append(row)
    second = write_source(tmp_path / "second", {k: v for k, v in FILES.items() if k != "members.csv"})
    book.save(second / "members.xlsx")
    db = tmp_path / "pub.duckdb"
    assert run_cli("load", source, "--db", db)[0] == 0
    assert run_cli("load", second, "--db", db)[0] == 0
    return source, db


def test_forget_leaves_no_trace_and_later_loads_drop_the_person_again(two_versions, tmp_path):
    source, db = two_versions
    before = texts_in_db(db)
    assert mentions(before) == set(SECRET_WORDS)  # the fixture does hold P2 everywhere we look
    with duckdb.connect(str(db), read_only=True) as con:
        assert (
            con.execute("SELECT count(*) FROM load_rejects WHERE contains(raw, '\"P2\"')").fetchone()[0] == 2
        )

    code, out, err = run_cli("forget", "P2", "--db", db, "--by", "rh@ville.fr")
    assert code == 0, err

    kept = versions.versions_dir(db)
    dbs = [db, *kept.glob("v*/cadran.duckdb")]
    assert len(dbs) == 3
    for path in dbs:
        assert not mentions(texts_in_db(path)), path
    files = [p for p in kept.glob("v*/source/*")]
    assert any(p.suffix == ".xlsx" for p in files)
    for path in files:
        assert not mentions(texts_in_file(path)), path
    # the others are still there: P1 and P3 in staff, A1 and A2 kept without an owner
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT person_id FROM stg_staff ORDER BY 1").fetchall() == [("P1",), ("P3",)]
        assert con.execute("SELECT action_id, owner FROM stg_actions ORDER BY 1").fetchall() == [
            ("A1", None), ("A2", None), ("A3", "P1")
        ]  # fmt: skip

    # exports: the subject access of P2 is now empty, the rejects CSV names nobody
    out_xlsx = tmp_path / "acces.xlsx"
    assert run_cli("subject-access", "P2", "--db", db, "--out", out_xlsx)[0] == 0
    assert not mentions(texts_in_file(out_xlsx))
    # the log says who and when, never whom
    log = (gdpr.gdpr_dir(db) / "log.jsonl").read_text()
    assert json.loads(log)["by"] == "rh@ville.fr"
    assert "P2" not in log and "Martin" not in log
    assert "P2" not in (gdpr.gdpr_dir(db) / "forgotten.txt").read_text()

    # the next load of the very same files (still holding P2) drops P2 again
    rejects = tmp_path / "rejets.csv"
    code, out, err = run_cli("load", source, "--db", db, "--rejects", rejects, "--json")
    assert code == 0, err
    assert not mentions(texts_in_db(db))
    assert not mentions(texts_in_file(rejects))
    assert not mentions(texts_in_file(next(versions.versions_dir(db).glob("v3/source/staff.csv"))))
    assert json.loads(out)["tables"]["staff"]["loaded"] == 2
    assert ["RGPD", "droit à l'effacement : 1 personne(s) retirée(s) du chargement"] in [
        [n["file"], n["detail"]] for n in json.loads(out)["ignored"]
    ]


def test_subject_access_exports_every_table_holding_the_person(two_versions, tmp_path):
    _, db = two_versions
    out = tmp_path / "acces.xlsx"
    code, stdout, err = run_cli("subject-access", "P2", "--db", db, "--out", out)
    assert code == 0, err
    book = CalamineWorkbook.from_path(str(out))
    rows = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    # by hand: staff 1 row, members 1, attendance 0 loaded (30 h rejected), actions A1 (P2) and A2 (name)
    assert {n: len(r) - 1 for n, r in rows.items()} == {
        "staff": 1, "members": 1, "attendance": 0, "contributions": 0, "actions": 2, "load_rejects": 2,
        "kept_versions": 6,  # versions 1 and 2: staff, members, actions (A1) each
    }  # fmt: skip
    assert rows["staff"][1][:3] == ["P2", "Martin", "Jeanne"]
    assert rows["kept_versions"][1:] == [["1", "staff", "1"], ["1", "members", "1"], ["1", "actions", "1"],
                                         ["2", "staff", "1"], ["2", "members", "1"], ["2", "actions", "1"]]  # fmt: skip


def test_retention_anonymises_leavers_at_each_load(tmp_path, monkeypatch):
    """P3 left on 01/01/2015, more than 5 years ago: at the next load nothing identifies them any more
    (matricule, names), while the figures of any date stay those of the contract (their attendance
    of S1 still counts under a token of that load)."""
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")
    staff = STAFF.replace(
        "P3,Petit,Luc,,Ville,RH,oui,2010-01-01,", "P3,Petit,Luc,,Ville,RH,oui,2010-01-01,2015-01-01"
    )
    staff += "P4,Roux,Ana,,Ville,RH,oui,2010-01-01,2099-01-01\n"  # leaves in the future: kept
    source = write_source(tmp_path / "source", {**FILES, "staff.csv": staff})
    db = tmp_path / "pub.duckdb"
    code, out, err = run_cli("load", source, "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["tables"]["staff"] == {"read": 4, "loaded": 4, "rejected": 0}
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT person_id FROM stg_staff ORDER BY _ord").fetchall()]
        assert ids[:2] == ["P1", "P2"] and ids[3] == "P4"
        assert ids[2].startswith("anonyme-")
        assert con.execute(
            "SELECT last_name, first_name FROM stg_staff WHERE person_id = ?", [ids[2]]
        ).fetchall() == [(None, None)]
        assert con.execute("SELECT count(*) FROM stg_attendance WHERE person_id = 'P3'").fetchone() == (0,)
        assert con.execute(
            "SELECT count(*) FROM stg_attendance WHERE person_id = ?", [ids[2]]
        ).fetchone() == (1,)
        for word in ("P3", "Petit", "Luc"):
            assert con.execute(
                "SELECT count(*) FROM load_rejects WHERE contains(raw, ?)", [word]
            ).fetchone() == (0,)
    # the figures at 2014-06-30, when P3 was in post, still count them
    code, out, _ = run_cli("kpis", "--db", db, "--as-of", "2014-06-30", "--json")
    assert json.loads(out)["managers"] == 4
    gdpr.set_retention_years(100, db)  # a longer setting keeps P3
    assert run_cli("load", source, "--db", db)[0] == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stg_staff").fetchone() == (4,)


def test_hr_erases_and_exports_from_the_data_page(two_versions, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    _, db = two_versions
    monkeypatch.setenv("CADRAN_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/data.py").run()
    record = at.table[0].value
    assert "Durée de conservation" in record.index
    at.text_input(key="gdpr_access_id").input("P2").run()
    at.button(key="gdpr_access").click().run()
    assert at.get("download_button")  # the export is offered
    assert at.button(key="gdpr_forget").disabled  # not before the confirmation
    at.text_input(key="gdpr_forget_id").input("P2").run()
    at.checkbox(key="gdpr_forget_sure").check().run()
    at.button(key="gdpr_forget").click().run()
    assert not at.exception
    assert any(s.value.startswith("Personne effacée") for s in at.success)
    assert not mentions(texts_in_db(db))
    assert json.loads((gdpr.gdpr_dir(db) / "log.jsonl").read_text())["by"] == "local"


def test_an_erasure_replayed_by_a_viewer_does_nothing(two_versions, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from etl import users
    from ui import auth

    _, db = two_versions
    monkeypatch.setenv("CADRAN_DB", str(db))
    monkeypatch.setenv("CADRAN_USERS", str(tmp_path / "users.json"))
    users.add("dg@ville.fr", "viewer", "correct horse battery", tmp_path / "users.json")
    before = db.read_bytes()

    def replay():
        from ui import privacy

        privacy.forget("P2", "fr")

    at = AppTest.from_function(replay, default_timeout=60)
    at.session_state[auth.SESSION_KEY] = "dg@ville.fr"
    at.run()
    assert [e.value for e in at.error] == ["Votre rôle ne permet pas cette page ou cette action."]
    assert db.read_bytes() == before
    assert not (gdpr.gdpr_dir(db) / "forgotten.txt").exists()


@pytest.mark.parametrize(
    ("setting", "expected"), [("off", "Agents partis : gardés, aucune durée"), ("3", "retirés 3 ans")]
)
def test_the_processing_record_states_the_retention(app, monkeypatch, setting, expected):
    # with the retention turned off the record read « retirés — ans après la date de sortie »
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", setting)
    at = app("pages/data.py")
    record = next(t.value for t in at.table if "Durée de conservation" in t.value.index)
    text = record.loc["Durée de conservation"].iloc[0]
    assert expected in text and "—" not in text
