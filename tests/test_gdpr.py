"""Forgetting a person, their subject access and the retention of leavers: real files, real CLI.

P2 « Jeanne Martin » is in staff, members, attendance (S2 loaded; S1 rejected: 30 hours),
contributions, owns an action and is the owner of another by name; after ``forget P2`` neither
the matricule nor the name is in any table of any kept version, any kept source file, any reject
or any export. Elsewhere a person with a matricule, a name and an e-mail found nowhere else
(AGT-90417, Ysolde Quennec) is looked for byte by byte in every file under the data folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import zipfile
from pathlib import Path

import duckdb
import numpy as np
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from etl.admin import gdpr
from etl.publish import versions
from tests.conftest import load_db, run_cli, write_source
from tests.killing import killed_in_version_copy

STAFF = """person_id,last_name,first_name,email,organisation,direction,is_manager,hire_date,leave_date
P1,Durand,Paul,paul.durand@ville.fr,Ville,DG,oui,2010-01-01,
P2,Martin,Jeanne,jeanne.martin@ville.fr,Ville,DG,oui,2010-01-01,
P3,Petit,Luc,,Ville,RH,oui,2010-01-01,
"""
FILES = {
    "staff.csv": STAFF,
    "members.csv": "person_id,joined_on\nP1,2014-01-01\nP2,2014-02-01\n",
    "sessions.csv": "session_id,kind,title,date,duration_hours\nS1,atelier,Atelier,2015-03-01,2\n"
    "S2,formation,Formation,2015-04-01,3\n",
    "attendance.csv": "session_id,person_id,status,hours\nS1,P1,présent,2\nS1,P2,présent,30\nS1,P3,présent,2\n"
    "S2,P2,présent,2.5\n",
    "contributions.csv": "person_id,date,hours,activity\nP1,2015-03-02,1,Relecture\nP2,2015-03-03,1.5,Atelier\n",
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


def person_rows(db: Path, person_id: str) -> tuple[int, int, int, int]:
    """Rows of the person in stg_staff, stg_members, stg_attendance, stg_contributions."""
    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(
            con.execute(f"SELECT count(*) FROM stg_{t} WHERE person_id = ?", [person_id]).fetchone()[0]
            for t in ("staff", "members", "attendance", "contributions")
        )


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
    load_db(db, source, second)
    return source, db


def test_forget_leaves_no_trace_and_later_loads_drop_the_person_again(two_versions, tmp_path):
    source, db = two_versions
    before = texts_in_db(db)
    assert mentions(before) == set(SECRET_WORDS)  # the fixture does hold P2 everywhere we look
    with duckdb.connect(str(db), read_only=True) as con:
        assert (
            con.execute("SELECT count(*) FROM load_rejects WHERE contains(raw, '\"P2\"')").fetchone()[0] == 2
        )
    kept = versions.versions_dir(db)
    dbs = [db, *kept.glob("v*/cadran.duckdb")]
    assert len(dbs) == 3
    # P2 has loaded rows in each person table of every database: S2's attendance, one contribution
    assert [person_rows(path, "P2") for path in dbs] == [(1, 1, 1, 1)] * 3

    code, out, err = run_cli("forget", "P2", "--db", db, "--by", "rh@ville.fr")
    assert code == 0, err
    assert out == (
        "Effacé : 3 bases réécrites, 10 fichiers source modifiés ; "
        "les prochains chargements retireront aussi cette personne.\n"
    )  # P2 is in 5 files of each of the 2 versions: staff, members, attendance, contributions, actions

    assert [person_rows(path, "P2") for path in dbs] == [(0, 0, 0, 0)] * 3
    assert [person_rows(path, "P1") for path in dbs] == [(1, 1, 1, 1)] * 3
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
            ("A1", None),
            ("A2", None),
            ("A3", "P1"),
        ]

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
    assert ["RGPD", "droit à l'effacement : 1 personne retirée du chargement"] in [
        [n["file"], n["detail"]] for n in json.loads(out)["ignored"]
    ]


def test_subject_access_lists_every_place_the_person_is_held(two_versions, tmp_path):
    _, db = two_versions
    out = tmp_path / "acces.xlsx"
    code, stdout, err = run_cli("subject-access", "P2", "--db", db, "--out", out)
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    rows = {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}
    # by hand: staff 1 row, members 1, attendance S2 (S1's 30 h rejected), 1 contribution, actions A1 (P2)
    # and A2 (by name); the 30 h row rejected at load 1, and kept in load 2's history with its own
    assert {n: len(r) - 1 for n, r in rows.items()} == {
        "Agent": 1,
        "Réseau": 1,
        "Présences": 1,
        "Contributions": 1,
        "Actions pilotées": 2,
        "Lignes rejetées": 2,
        "Où sont les données": 28,
    }
    assert rows["Agent"][1][:3] == ["P2", "Martin", "Jeanne"]
    base = [["Agent", 1], ["Réseau", 1], ["Présences", 1], ["Contributions", 1], ["Actions pilotées", 2]]
    files = [
        ["actions.csv", 2],
        ["attendance.csv", 2],
        ["contributions.csv", 1],
        ["members.csv", 1],
        ["staff.csv", 1],
    ]
    assert rows["Où sont les données"] == [
        ["Version", "Emplacement", "Table ou fichier", "Lignes"],
        *[["publiée", "base de données", *b] for b in [*base, ["Lignes rejetées", 2]]],
        *[[1, "base de données", *b] for b in [*base, ["Lignes rejetées", 1]]],
        *[[1, "fichier source", *f] for f in files],
        *[[2, "base de données", *b] for b in [*base, ["Lignes rejetées", 2]]],
        *[[2, "fichier source", *f] for f in [*files[:3], ["members.xlsx", 1], files[4]]],
    ]


def test_the_subject_access_file_is_written_for_the_employee(tmp_path):
    """French headers, dates as dates, hours as numbers, Oui / Non, and a name that a spreadsheet
    would run as a formula stored as text (with the leading ' that shows it is text)."""
    staff = STAFF.replace("P2,Martin,Jeanne,", 'P2,Martin,"=HYPERLINK(""x"")",')
    source = write_source(tmp_path / "source", {**FILES, "staff.csv": staff})
    db = tmp_path / "pub.duckdb"
    load_db(db, source)
    out = tmp_path / "acces.xlsx"
    code, _, err = run_cli("subject-access", "P2", "--db", db, "--out", out)
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Agent",
        "Réseau",
        "Présences",
        "Contributions",
        "Actions pilotées",
        "Lignes rejetées",
        "Où sont les données",
    ]
    agent = book["Agent"]
    assert [c.value for c in agent[1]] == [
        "Matricule",
        "Nom",
        "Prénom",
        "Courriel",
        "Collectivité",
        "Direction",
        "Service",
        "Site",
        "Catégorie",
        "Encadrant",
        "Date d'entrée",
        "Date de sortie",
    ]
    assert [c.value for c in agent[2]] == [
        "P2",
        "Martin",
        '\'=HYPERLINK("x")',
        "jeanne.martin@ville.fr",
        "Ville",
        "DG",
        None,
        None,
        None,
        "Oui",
        dt.datetime(2010, 1, 1),
        None,
    ]
    assert agent["C2"].data_type == "s"
    assert agent["K2"].is_date and agent["K2"].number_format == "dd/mm/yyyy"
    presences = book["Présences"]
    assert [[c.value for c in row] for row in presences.iter_rows()] == [
        ["Code session", "Matricule", "Statut", "Heures"],
        ["S2", "P2", "présent", 2.5],
    ]
    assert presences["D2"].data_type == "n"
    assert [c.value for c in book["Contributions"][2]] == [
        "P2",
        dt.datetime(2015, 3, 3),
        1.5,
        "Atelier",
        None,
    ]
    assert [c.value for c in book["Réseau"][2]] == ["P2", dt.datetime(2014, 2, 1), None, "membre", None]
    assert not [
        c.coordinate for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"
    ]
    assert oct(out.stat().st_mode & 0o777) == "0o600"


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
    load_db(db, source)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stg_staff").fetchone() == (4,)


def test_an_earlier_reject_naming_a_leaver_past_retention_is_not_copied(tmp_path, monkeypatch):
    """A load copies the earlier loads' rejects from the published file, except those naming someone it
    anonymises: P2's rejected attendance (30 hours of a 2-hour session) of the first load is not in
    the second, which finds P2 left in 2015; P1's rejected row stays."""
    files = {**FILES, "attendance.csv": FILES["attendance.csv"] + "S2,P1,présent,30\n"}
    first = write_source(tmp_path / "first", files)
    staff = STAFF.replace(
        "P2,Martin,Jeanne,jeanne.martin@ville.fr,Ville,DG,oui,2010-01-01,",
        "P2,Martin,Jeanne,jeanne.martin@ville.fr,Ville,DG,oui,2010-01-01,2015-01-01",
    )
    second = write_source(tmp_path / "second", {**files, "staff.csv": staff})
    db = tmp_path / "pub.duckdb"
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", "off")
    load_db(db, first)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT raw FROM load_rejects WHERE table_name = 'attendance' ORDER BY _ord"
        ).fetchall()
    assert ['"P2"' in r and '"P1"' not in r for (r,) in rows] == [True, False]
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")  # 5 years: P2 is anonymised at the second load
    load_db(db, second)
    with duckdb.connect(str(db), read_only=True) as con:
        earlier = con.execute(
            "SELECT raw FROM load_rejects WHERE load_id = 1 AND table_name = 'attendance'"
        ).fetchall()
        assert len(earlier) == 1 and '"P1"' in earlier[0][0]
    assert not mentions(texts_in_db(db))


def test_the_needles_looked_for_are_those_whose_start_is_in_a_reject():
    """gdpr.narrow_mentions keeps the needles whose first characters are in a reject, and the short
    ones: the rejects it keeps are those the whole list keeps, on texts and needles drawn at random."""
    rng = np.random.default_rng(7)
    letters = list('abcd« »"p0é')
    texts = ["".join(rng.choice(letters, size=rng.integers(0, 40))) for _ in range(300)]
    needles = sorted({"".join(rng.choice(letters, size=rng.integers(3, 12))) for _ in range(60)})
    # and needles that end a text, begin one, or are one: the edges of the search
    needles += (
        [t[-9:] for t in texts[:10] if len(t) > 9]
        + [t[:8] for t in texts[10:20] if len(t) > 8]
        + [t for t in texts[20:23] if len(t) > 12]
        + [f"{t[-6:]}  " for t in texts[23:26] if len(t) > 6]  # the end of what is searched
    )
    with duckdb.connect() as con:
        con.execute("CREATE TEMP TABLE _gdpr_mentions AS SELECT lower(unnest(?::VARCHAR[])) AS n", [needles])
        con.execute(
            "CREATE TABLE rejects AS SELECT unnest(?::VARCHAR[]) AS raw, NULL::VARCHAR AS reason, "
            "NULL::VARCHAR AS problems",
            [texts],
        )
        gdpr.narrow_mentions(con, "rejects")
        kept = con.execute(f"SELECT raw FROM rejects WHERE {gdpr.NOT_MENTIONED}").fetchall()
    # what is searched: the raw row, the reason and the problems, joined by spaces, in lower case
    whole = [t for t in texts if not any(n.lower() in f"{t}  ".lower() for n in needles)]
    assert sorted(r for (r,) in kept) == sorted(whole)
    assert 0 < len(whole) < len(texts)  # some texts kept, some dropped


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

    from etl.admin import users
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


# --- no byte left: a person found nowhere else, looked for in every byte under the data folder

QUENNEC = ("AGT-90417", "ysolde.quennec@ville.fr", "Quennec", "Ysolde")
STAFF_Q = STAFF + "AGT-90417,Quennec,Ysolde,ysolde.quennec@ville.fr,Ville,RH,non,2011-05-02,\n"
FILES_Q = {
    **FILES,
    "staff.csv": STAFF_Q,
    "members.csv": FILES["members.csv"] + "AGT-90417,2014-03-01\n",
    "attendance.csv": FILES["attendance.csv"] + "S2,AGT-90417,présent,3\nS1,AGT-90417,présent,25\n",
    "contributions.csv": FILES["contributions.csv"] + "AGT-90417,2015-03-04,2,Animation\n",
    "actions.csv": FILES["actions.csv"]
    + "A4,Atlas,Ysolde Quennec,en cours\nA5,Boussole,AGT-90417,en cours\n",
}


def bytes_held(folder: Path, words=QUENNEC) -> dict[str, set[str]]:
    """Which of ``words`` each file under ``folder`` holds in its bytes, like `grep -a` (ignoring
    case), and inside the members of a zip (an xlsx stores its text deflated)."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        blobs = [path.read_bytes()]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                blobs += [z.read(n) for n in z.namelist()]
        hits = {w for w in words for b in blobs if w.lower().encode() in b.lower()}
        if hits:
            found[str(path.relative_to(folder))] = hits
    return found


def staff_workbook(path: Path, rows: list[list]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "staff"
    sheet.append(
        [
            "Matricule",
            "Nom",
            "Prénom",
            "Courriel",
            "Collectivité",
            "Direction",
            "Encadrant",
            "Date d'entrée",
            "Date de sortie",
        ]
    )
    for row in rows:
        sheet.append(row)
    for cell in [*sheet["H"][1:], *sheet["I"][1:]]:
        if isinstance(cell.value, dt.datetime):
            cell.number_format = "dd/mm/yyyy"
    book.save(path)


def test_after_forget_no_byte_of_the_person_is_left_under_data(tmp_path):
    """Two kept versions (the second's staff an xlsx), then a load killed while it copied its
    version (it left the whole source in a `.v3.tmp` folder): after `forget`, `grep -a` of the
    matricule, the e-mail and the names finds nothing under data/."""
    data = tmp_path / "data"
    db = data / "cadran.duckdb"
    first = write_source(tmp_path / "first", FILES_Q)
    second = write_source(
        tmp_path / "second", {k: v for k, v in FILES_Q.items() if k != "staff.csv"}, staff=False
    )
    staff_workbook(
        second / "staff.xlsx",
        [
            [r[0], r[1], r[2], r[3] or None, r[4], r[5], r[6], dt.datetime.fromisoformat(r[7]), None]
            for r in (line.split(",") for line in STAFF_Q.splitlines()[1:])
        ],
    )
    load_db(db, first, second)
    assert killed_in_version_copy(first, db) == -signal.SIGKILL
    assert [p.name for p in versions.versions_dir(db).iterdir()] != sorted(["v1", "v2"])  # a leftover
    held = bytes_held(data)
    assert held["cadran.duckdb"] == set(QUENNEC)  # DuckDB keeps the text as is: grep finds it
    assert held["versions/cadran/v2/source/staff.xlsx"] == set(QUENNEC)
    assert held["versions/cadran/.v3.tmp/source/actions.csv"] == {"AGT-90417", "Quennec", "Ysolde"}

    code, _, err = run_cli("forget", "AGT-90417", "--db", db)
    assert code == 0, err
    assert bytes_held(data) == {}
    assert sorted(p.name for p in versions.versions_dir(db).iterdir()) == ["v1", "v2"]
    # the others are all there, in every database
    for path in [db, *versions.versions_dir(db).glob("v*/cadran.duckdb")]:
        assert person_rows(path, "P1") == (1, 1, 1, 1)
        assert person_rows(path, "AGT-90417") == (0, 0, 0, 0)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT action_id, owner FROM stg_actions ORDER BY 1").fetchall() == [
            ("A1", "P2"),
            ("A2", "Jeanne Martin"),
            ("A3", "P1"),
            ("A4", None),
            ("A5", None),
        ]


def test_a_kept_workbook_rewritten_by_forget_loads_as_before(tmp_path):
    """A kept staff.xlsx whose dates are Excel dates (one typed as a serial number, 40179 =
    01/01/2010) is rewritten when someone else is forgotten: restored, it loads the same rows minus
    that person, with the same dates, and no row is rejected."""
    source = write_source(
        tmp_path / "source", {k: v for k, v in FILES.items() if k != "staff.csv"}, staff=False
    )
    staff_workbook(
        source / "staff.xlsx",
        [
            [
                "P1",
                "Durand",
                "Paul",
                "paul.durand@ville.fr",
                "Ville",
                "DG",
                "oui",
                dt.datetime(2010, 1, 1),
                None,
            ],
            ["P2", "Martin", "Jeanne", None, "Ville", "DG", "oui", 40179, dt.datetime(2014, 12, 31)],
            ["P3", "Petit", "Luc", None, "Ville", "RH", "oui", dt.datetime(2012, 9, 1), None],
            ["P4", "Roux", "Ana", None, "Ville", "RH", "oui", dt.datetime(2013, 2, 1), None],
        ],
    )
    db = tmp_path / "pub.duckdb"
    code, out, err = run_cli("load", source, "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["tables"]["staff"] == {"read": 4, "loaded": 4, "rejected": 0}
    assert run_cli("forget", "P4", "--db", db)[0] == 0
    code, out, err = run_cli("rollback", "1", "--db", db, "--json")
    assert code == 0, err
    tables = json.loads(out)["tables"]
    assert tables["staff"] == {"read": 3, "loaded": 3, "rejected": 0}
    assert sum(t["rejected"] for t in tables.values()) == 1  # as at load 1: the 30 hours of P2 at S1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(
            "SELECT person_id, is_manager, hire_date, leave_date FROM stg_staff ORDER BY 1"
        ).fetchall() == [
            ("P1", True, dt.date(2010, 1, 1), None),
            ("P2", True, dt.date(2010, 1, 1), dt.date(2014, 12, 31)),
            ("P3", True, dt.date(2012, 9, 1), None),
        ]
    code, out, _ = run_cli("kpis", "--db", db, "--as-of", "2014-06-30", "--json")
    assert json.loads(out)["managers"] == 3  # P1, P2 (left at the end of 2014), P3; P4 forgotten


@pytest.mark.parametrize("blank", [" ", "", "\t "])
def test_a_blank_matricule_is_refused_and_nothing_is_rewritten(two_versions, blank):
    _, db = two_versions
    before = {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file()}
    code, out, err = run_cli("forget", blank, "--db", db)
    assert (code, out) == (1, "")
    assert err == "Erreur : Matricule vide : donnez le matricule de la personne (rien n'a été modifié).\n"
    assert {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file()} == before
    code, _, err = run_cli("subject-access", blank, "--db", db, "--out", db.parent / "acces.xlsx")
    assert code == 1 and "Matricule vide" in err


def test_retention_reaches_the_kept_versions(tmp_path, monkeypatch):
    """Ysolde Quennec left on 01/01/2015 (more than 5 years ago). Loaded while the retention was off,
    she is named in version 1 (database and sources); the next load, with the 5 years on, leaves
    her name nowhere under data/, while version 1 restored still counts her (under a token)."""
    staff = STAFF_Q.replace("2011-05-02,\n", "2011-05-02,2015-01-01\n")
    source = write_source(tmp_path / "source", {**FILES_Q, "staff.csv": staff})
    data = tmp_path / "data"
    db = data / "cadran.duckdb"
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", "off")
    load_db(db, source)
    before = figures(db)
    # by hand: attendance P1 2 + P3 2 + P2 2.5 + AGT-90417 3 (the 30 and 25 hours rejected), plus
    # contributions P1 1 + P2 1.5 + AGT-90417 2: 14 hours, 4 participants
    assert (before["participants"], before["hours_invested"]) == (4, 14.0)
    assert run_cli("subject-access", "AGT-90417", "--db", db, "--out", tmp_path / "a.xlsx")[0] == 0
    places = openpyxl.load_workbook(tmp_path / "a.xlsx")["Où sont les données"]
    assert [r[:3] for r in places.iter_rows(values_only=True)][1:] == [
        *[
            ("publiée", "base de données", t)
            for t in ("Agent", "Réseau", "Présences", "Contributions", "Actions pilotées", "Lignes rejetées")
        ],
        *[
            (1, "base de données", t)
            for t in ("Agent", "Réseau", "Présences", "Contributions", "Actions pilotées", "Lignes rejetées")
        ],
        *[
            (1, "fichier source", f)
            for f in ("actions.csv", "attendance.csv", "contributions.csv", "members.csv", "staff.csv")
        ],
    ]
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")
    load_db(db, source)
    assert bytes_held(data, QUENNEC[1:]) == {}  # e-mail and names
    for path in [db, *versions.versions_dir(db).glob("v*/cadran.duckdb")]:
        assert person_rows(path, "AGT-90417") == (0, 0, 0, 0)
    code, _, err = run_cli("rollback", "1", "--db", db)
    assert code == 0, err
    assert figures(db) == before  # her hours still count, under a token
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stg_staff").fetchone() == (4,)
        assert con.execute(
            "SELECT count(*) FROM stg_attendance WHERE starts_with(person_id, 'anonyme-')"
        ).fetchone() == (1,)
    assert run_cli("subject-access", "AGT-90417", "--db", db, "--out", tmp_path / "b.xlsx")[0] == 0
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert [s.max_row for s in book.worksheets] == [1, 1, 1, 1, 1, 1, 1]  # the headers, nothing held


def figures(db: Path) -> dict:
    """The headline figures at 30/06/2015."""
    code, out, err = run_cli("kpis", "--db", db, "--as-of", "2015-06-30", "--json")
    assert code == 0, err
    return json.loads(out)


def test_every_file_cadran_writes_under_data_is_private(tmp_path):
    """Whatever the umask of whoever starts it (022 here: files 644), Cadran's files under data/ are
    600 and its folders 700: the databases, the kept versions, their source copies, the GDPR files.
    Each command runs in this process as ``python -m etl`` runs it, from a umask of 022 (what a
    command tightens is put back before the next, as a new process would start)."""
    data = tmp_path / "data"
    db = data / "cadran.duckdb"

    def cli(*args):
        os.umask(0o022)
        code, _, err = run_cli(*args)
        assert code == 0, err

    source = write_source(tmp_path / "source", FILES)
    cli("load", source, "--db", db)
    cli("load", source, "--db", db)
    cli("forget", "P3", "--db", db)
    modes = {(p.is_dir(), oct(p.stat().st_mode & 0o777)) for p in [data, *data.rglob("*")]}
    assert modes == {(True, "0o700"), (False, "0o600")}
    names = sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file())
    assert names == [
        ".cadran.duckdb.lock",
        "cadran.duckdb",
        "gdpr/forgotten.txt",
        "gdpr/log.jsonl",
        "gdpr/secret.key",
        *[
            f"versions/cadran/v{n}/{f}"
            for n in (1, 2)
            for f in ("cadran.duckdb", "report.json", *[f"source/{s}" for s in sorted(FILES)])
        ],
    ]
