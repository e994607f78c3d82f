"""Files that cannot be used at all: a clear message naming the file, exit 1, nothing published."""

import json

import pytest

from tests.conftest import STAFF, load_db, run_cli, write_source

GOOD = {"staff.csv": STAFF}


@pytest.fixture
def published(tmp_path):
    """A database published from a good source, and its bytes to compare after a failed load."""
    db = tmp_path / "pub.duckdb"
    load_db(db, write_source(tmp_path / "good", GOOD))
    return db, db.read_bytes()


CASES = [
    (
        "missing required column",
        {"staff.csv": "person_id,organisation,direction\nP1,Ville,DG\n"},
        ["staff.csv", "colonne obligatoire absente : « Encadrant » (is_manager)."],
    ),
    ("empty file", {"staff.csv": ""}, ["staff.csv", "vide"]),
    ("header but nothing usable", {"staff.csv": "\n\n  \n"}, ["staff.csv", "vide"]),
    ("binary file named csv", {"staff.csv": b"PK\x03\x04\x00\x00binary"}, ["staff.csv", "binaire"]),
    ("corrupt workbook", {"staff.xlsx": b"not a zip at all"}, ["staff.xlsx", "illisible"]),
    ("two sources for one table", {"staff.csv": STAFF, "Staff.txt": STAFF}, ["staff.csv", "Staff.txt"]),
    ("xls is not read", {"staff.xls": b"\xd0\xcf\x11\xe0"}, ["staff.xls", ".xlsx"]),
    ("no staff table", {"members.csv": "person_id,joined_on\nP1,2014-01-01\n"}, ["staff", "obligatoire"]),
    (  # the roster under another name: the message names the files read by no name
        "no staff table, a file named after none",
        {"Export agents 2020.csv": STAFF, "members.csv": "person_id,joined_on\nP1,2014-01-01\n"},
        [
            "« staff » (agents) est absente",
            "Fichiers non lus, faute d'un nom de table : Export agents 2020.csv.",
        ],
    ),
    (
        "a column twice",
        {"staff.csv": "person_id,Matricule,organisation,direction,is_manager\nP1,P1,V,D,oui\n"},
        ["staff.csv", "Matricule", "person_id"],
    ),
    (
        "required column missing in an optional table",
        {"staff.csv": STAFF, "sessions.csv": "session_id,title\nS1,x\n"},
        ["sessions.csv", "kind", "Type"],
    ),
]


@pytest.mark.parametrize(("files", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unusable_source_fails_clearly_and_publishes_nothing(tmp_path, published, files, words):
    db, before = published
    source = write_source(tmp_path / "bad", files, staff=False)
    code, out, err = run_cli("load", source, "--db", db)
    assert code == 1
    assert "Traceback" not in err
    for word in words:
        assert word in err
    assert db.read_bytes() == before


def test_missing_folder(tmp_path, published):
    db, before = published
    code, out, err = run_cli("load", tmp_path / "nowhere", "--db", db, "--json")
    assert code == 1
    got = json.loads(out)
    assert sorted(got) == ["error", "published"] and got["published"] is False
    assert "nowhere" in got["error"] and "introuvable" in err
    assert db.read_bytes() == before


def test_kpis_without_database_says_what_to_do(tmp_path):
    code, out, err = run_cli("kpis", "--db", tmp_path / "none.duckdb", "--as-of", "2015-01-01", "--json")
    assert code == 1
    assert "Traceback" not in err and "python -m etl load" in err
