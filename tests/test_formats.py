"""Files as HR really exports them load without hand-editing (contract section 1)."""

import datetime as dt
import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.__main__ import main
from etl.intake.read import BAD, decode
from etl.store.db import connect_ro
from etl.text.cells import rejects
from tests.conftest import cli_json, write_source

STAFF_CP1252 = (
    "Matricule;NOM;Prénom;Collectivité;Direction;Encadrant;Date d'entrée;Date de sortie;Catégorie\r\n"
    "00123;LEFÈVRE;Zoé;Ville d'Orléans;Culture;Oui;01/09/2010;;A\r\n"
    " P2 ;DURAND;Luc;Ville d'Orléans;Culture;non;2011-02-03;31/12/2016;B\r\n"
    ";;;;;;;;\r\n"
    "P3;MARTIN;Léa;Métropole;Eau;X;15/01/2012;;A\r\n"
    "P4;PETIT;Jean;Métropole;Eau;;;;C\r\n"
).encode("cp1252")

SESSIONS_BOM = (
    "\ufeffCode session;Type;Intitulé;Date;Durée (h);Lieu\r\n"
    "S1;Formation;iX'Pressos n°1;02/03/2015 14:00;1,5;Hôtel de ville\r\n"
    'S2;Séminaire;"Séminaire ; lancement";2012-04-12;3;"Salle\r\nde l\'Institut"\r\n'
    "S3;RÉUNION;Point;2015-03-03;2;\r\n"
    "S4;Atelier;Too long, on the line after a record of two lines;2015-03-04;25;\r\n"
).encode("utf-8")

ATTENDANCE_TAB = (
    "session_id\tperson_id\tstatus\thours\nS1\t00123\tPRÉSENT\t\nS1\tP2\tExcusée\t\nS2\tP3\t\t2,5\n"
)
BUDGET = 'Date;Catégorie;Prévu (€);Dépensé (€)\n15/03/2015;formation;"25\u00a0000,00 €";1.234,5\n2015-04-01;print;;99,9\n'


def _workbook(path):
    wb = openpyxl.Workbook()
    wb.active.title = "Lisez-moi"
    wb.active["A1"] = "Plan d'actions"
    groups = wb.create_sheet("Groups")
    groups.append(["Code groupe", "Nom du groupe", "Date de création", None])
    groups.append([101, "Bon accueil", dt.datetime(2012, 12, 5), None])
    groups.append([None, None, None, None])
    groups.append(["G2", "GPS", "05/12/2012", None])
    ideas = wb.create_sheet("IDEAS")
    ideas.append(["idea_id", "title", "status", "group_id"])
    ideas.append(["I1", "Moins de réunions", "Retenue", 101])
    ideas.append(["I2", "formula", "réalisée", "G9"])
    ideas["B3"].value, ideas["B3"].data_type = '=HYPERLINK("x")', "s"  # text that looks like a formula
    wb.save(path)


@pytest.fixture(scope="module")
def quirky_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quirky")
    write_source(
        folder,
        {
            "staff.csv": STAFF_CP1252,
            "sessions.csv": SESSIONS_BOM,
            "attendance.txt": ATTENDANCE_TAB,
            "budget.csv": BUDGET,
            "readme.md": "notes",
        },
    )
    _workbook(folder / "plan.xlsx")
    db = folder / "q.duckdb"
    code, out = _load(folder, db)
    assert code == 0
    return db, out


def _load(folder, db):
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["load", str(folder), "--db", str(db), "--json"])
    return code, json.loads(buf.getvalue())


def _rows(db, sql):
    with connect_ro(db) as con:
        return con.execute(sql).fetchall()


def test_cp1252_semicolon_french_headers(quirky_db):
    db, out = quirky_db
    assert out["tables"]["staff"] == {"read": 4, "loaded": 4, "rejected": 0}
    assert _rows(
        db,
        "SELECT person_id, last_name, first_name, organisation, is_manager, hire_date, leave_date "
        "FROM stg_staff ORDER BY _ord",
    ) == [
        ("00123", "LEFÈVRE", "Zoé", "Ville d'Orléans", True, dt.date(2010, 9, 1), None),
        ("P2", "DURAND", "Luc", "Ville d'Orléans", False, dt.date(2011, 2, 3), dt.date(2016, 12, 31)),
        ("P3", "MARTIN", "Léa", "Métropole", True, dt.date(2012, 1, 15), None),
        ("P4", "PETIT", "Jean", "Métropole", False, None, None),
    ]


def test_bom_french_labels_datetime_and_quoted_newline(quirky_db):
    db, _ = quirky_db
    assert _rows(
        db, "SELECT session_id, kind, title, date, duration_hours, location FROM stg_sessions ORDER BY _ord"
    ) == [
        ("S1", "training", "iX'Pressos n°1", dt.datetime(2015, 3, 2, 14, 0), 1.5, "Hôtel de ville"),
        ("S2", "seminar", "Séminaire ; lancement", dt.datetime(2012, 4, 12), 3.0, "Salle\r\nde l'Institut"),
        ("S3", "meeting", "Point", dt.datetime(2015, 3, 3), 2.0, None),
    ]
    with connect_ro(db) as con:
        sessions = [r for r in rejects(con) if r[0] == "sessions"]
    assert sessions == [
        ["sessions", "sessions.csv", "6", "duration_hours", "doit être au plus 24 : « 25 »", sessions[0][5]]
    ]


def test_tab_delimited_txt_statuses_and_defaults(quirky_db):
    db, _ = quirky_db
    assert _rows(db, "SELECT session_id, person_id, status, hours FROM stg_attendance ORDER BY _ord") == [
        ("S1", "00123", "attended", None),
        ("S1", "P2", "excused", None),
        ("S2", "P3", "attended", 2.5),
    ]


def test_french_amounts(quirky_db):
    db, _ = quirky_db
    assert _rows(db, "SELECT planned_eur, spent_eur FROM stg_budget ORDER BY _ord") == [
        (25000.0, 1234.5),
        (None, 99.9),
    ]


def test_workbook_sheets_excel_numbers_dates_and_blank_rows(quirky_db):
    db, out = quirky_db
    assert _rows(db, "SELECT group_id, name, created_on, _file FROM stg_groups ORDER BY _ord") == [
        ("101", "Bon accueil", dt.date(2012, 12, 5), "plan.xlsx[Groups]"),
        ("G2", "GPS", dt.date(2012, 12, 5), "plan.xlsx[Groups]"),
    ]
    assert out["tables"]["groups"] == {"read": 2, "loaded": 2, "rejected": 0}
    assert _rows(db, "SELECT idea_id, status, group_id FROM stg_ideas") == [("I1", "retained", "101")]
    with connect_ro(db) as con:
        (reject,) = [r for r in rejects(con) if r[0] == "ideas"]
    assert reject[:5] == ["ideas", "plan.xlsx[IDEAS]", "IDEAS!3", "group_id", "inconnu dans groups : « G9 »"]
    assert 'title==HYPERLINK("x")' in reject[5]


def test_files_and_sheets_that_are_not_tables_are_reported(quirky_db):
    _, out = quirky_db
    assert {i["file"] for i in out["ignored"]} == {"readme.md", "plan.xlsx[Lisez-moi]"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.5", 1234.5),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5 €", 1234.5),
        ("42 %", 42.0),
        ("1,5", 1.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0),
        ("-3", -3.0),
        ("12 EUR", 12.0),
    ],
)
def test_number_formats(tmp_path, capsys, text, value):
    files = {"budget.csv": f'date;category;spent_eur\n2015-01-01;x;"{text}"\n'}
    cli_json(capsys, "load", write_source(tmp_path / "s", files), "--db", tmp_path / "d.duckdb")
    db = tmp_path / "d.duckdb"
    if value >= 0:
        assert _rows(db, "SELECT spent_eur FROM stg_budget") == [(value,)]
    else:  # read as the number it is, then rejected by the rule spent_eur >= 0
        assert _rows(db, "SELECT count(*) FROM stg_budget") == [(0,)]
        assert _rows(db, "SELECT column_name, reason FROM load_rejects") == [
            ("spent_eur", "doit être supérieur ou égal à 0 : « -3 »")
        ]


@pytest.mark.parametrize("text", ["true", "Yes", "OUI", "o", "Y", "1", "x", "Vrai"])
def test_true_booleans(tmp_path, capsys, text):
    staff = f"person_id,organisation,direction,is_manager\nP1,V,D,{text}\nP2,V,D,faux\nP3,V,D,N\nP4,V,D,\n"
    cli_json(
        capsys, "load", write_source(tmp_path / "s", {"staff.csv": staff}), "--db", tmp_path / "d.duckdb"
    )
    assert _rows(tmp_path / "d.duckdb", "SELECT is_manager FROM stg_staff ORDER BY _ord") == [
        (True,),
        (False,),
        (False,),
        (False,),
    ]


def test_title_rows_above_the_header_are_skipped(tmp_path, capsys):
    staff = (
        "Export RH du 31/03/2020;;;\n\nperson_id;organisation;direction;is_manager\nP1;V;D;oui\nP1;V;D;non\n"
    )
    wb = openpyxl.Workbook()
    wb.active.title = "groups"
    for row in (["Groupes projets"], [], ["group_id", "name"], ["G1", "Un"]):
        wb.active.append(row)
    folder = write_source(tmp_path / "s", {"staff.csv": staff})
    wb.save(folder / "plan.xlsx")
    code, out = cli_json(capsys, "load", folder, "--db", tmp_path / "d.duckdb")
    assert out["tables"]["staff"] == {"read": 2, "loaded": 1, "rejected": 1}
    assert out["tables"]["groups"] == {"read": 1, "loaded": 1, "rejected": 0}
    with connect_ro(tmp_path / "d.duckdb") as con:
        assert [r[2] for r in rejects(con)] == ["5"]


def _decoded_one_call_per_bad_sequence(data: bytes) -> str:
    """The encoding rule as it read before it was counted in C: decoded as UTF-8 with the error
    handler called for each bad sequence, Windows-1252 when those outnumber the valid accents."""
    text = data.decode("utf-8", errors="cadran")
    if BAD in text and len(re.findall("[^\x00-\x7f\udcff]", text)) < text.count(BAD):
        text = data.decode("cp1252", errors="cadran")
    return text.replace("\ufeff", "")


PIECES = st.sampled_from(["nom;prénom\n", "Élodie", "Noël", "ñ", "\ufffd", "œuvre", "€", "ok;1\n"])
ENCODED = st.tuples(PIECES, st.sampled_from(["utf-8", "cp1252"])).map(
    lambda p: p[0].encode(p[1], errors="replace")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ENCODED, st.binary(min_size=1, max_size=3)), min_size=1, max_size=12))
def test_a_file_is_read_as_utf8_or_windows_1252_as_the_handler_counted(pieces):
    data = b"a;b\n" + b"".join(pieces).replace(b"\x00", b"0")  # no NUL: that would be UTF-16's sign
    assert decode(Path("staff.csv"), data)[0] == _decoded_one_call_per_bad_sequence(data)
