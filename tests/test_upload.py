"""HR's upload on the Data page: files in, one all-or-nothing load, the outcome said in French."""

import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.publish.load import load, load_files
from etl.store.db import connect_ro
from etl.text import reject_words
from tests.app_support import data_page, read_as_text
from tests.conftest import FIXTURES, ROOT, STAFF, load_db
from ui import upload

MEMBERS = b"person_id,joined_on\nP1,2014-01-01\nZZ9,2014-01-01\n"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "pub.duckdb"
    load_db(path, FIXTURES / "edge")
    monkeypatch.setenv("CADRAN_DB", str(path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # a check's scratch folder, cleaned with the test
    return path


def _upload(at: AppTest, files: list[tuple[str, bytes]], confirm: bool = False) -> AppTest:
    at.file_uploader(key="upload_files").set_value([(n, c, "text/csv") for n, c in files])
    at.run()
    at.button(key="upload_check").click().run()
    if confirm:
        at.checkbox(key="upload_confirm").check().run()
    at.button(key="upload_go").click().run()
    assert not at.exception
    return at


def test_upload_publishes_and_reports_counts(db):
    at = data_page()
    at.file_uploader(key="upload_files").set_value(
        [("staff.csv", STAFF.encode(), "text/csv"), ("members.csv", MEMBERS, "text/csv")]
    ).run()
    at.button(key="upload_check").click().run()
    # the other tables come from the kept version (partial refresh); members shrinks 3 -> 1 (ZZ9 is
    # unknown): more than a fifth, so the button waits for a confirmation
    (warning,) = [w for w in at.warning if "cinquième" in w.value]  # (the other: the restore's)
    assert (
        warning.value == "Ces tables perdent plus d'un cinquième de leurs lignes : Membres du réseau : 3 → 1."
    )
    assert at.button(key="upload_go").disabled
    at.checkbox(key="upload_confirm").check().run()
    at.button(key="upload_go").click().run()
    # the edge source's 41 rows, members 3 -> 1: 39 loaded; ZZ9 (unknown matricule) the one rejected
    assert [s.value for s in at.success] == ["Chargement n° 2 publié : 39 lignes chargées, 1 rejetée."]
    assert at.selectbox(key="load_id").value == 2
    with connect_ro(db) as con:
        assert con.execute("SELECT source FROM load_log WHERE load_id = 2").fetchone() == (
            "téléversement : members.csv, staff.csv (autres tables : version n° 1)",
        )
        assert con.execute("SELECT count(*) FROM stg_members").fetchone() == (1,)
    # stored in French as ever, worded in the reader's language: the history and the footer
    at.selectbox(key="lang").set_value("en").run()
    history = next(df.value for df in at.dataframe if "Source" in df.value.columns)
    assert history["Source"].tolist()[:2] == [
        "upload: members.csv, staff.csv (other tables: version no. 1)",
        "edge",
    ]
    footer = read_as_text(at.caption[-1].value)
    assert footer.endswith(" from upload: members.csv, staff.csv (other tables: version no. 1)")


@pytest.mark.parametrize(
    "stored, english",
    [
        ("téléversement : a.csv, staff.csv", "upload: a.csv, staff.csv"),
        (
            "téléversement : staff.csv (autres tables : version n° 12)",
            "upload: staff.csv (other tables: version no. 12)",
        ),
        ("restauration de la version n° 3", "restore of version no. 3"),
        ("source-2015", "source-2015"),  # a folder's name, as it is
        ("téléversement", "téléversement"),
    ],
)
def test_a_recorded_source_is_worded_in_the_reader_s_language(stored, english):
    assert reject_words.source_words(stored, "en") == english
    assert reject_words.source_words(stored, "fr") == stored


def test_a_complete_upload_needs_no_confirmation(db):
    files = sorted((FIXTURES / "edge").iterdir())
    at = _upload(data_page(), [(f.name, f.read_bytes()) for f in files])
    assert not [w for w in at.warning if "cinquième" in w.value]
    assert at.success[0].value.startswith("Chargement n° 2 publié : ")


def test_failed_upload_changes_nothing(db):
    before = db.read_bytes()
    (db.parent / "versions").rename(db.parent / "no-versions")  # no kept staff to complete it with
    at = data_page()
    at.file_uploader(key="upload_files").set_value([("members.csv", MEMBERS, "text/csv")]).run()
    at.button(key="upload_check").click().run()
    assert not [
        b for b in at.button if b.key == "upload_go"
    ]  # checked before publishing: the load would fail
    (error,) = at.error
    assert error.value == (
        "Rien n'a été publié. Fichiers déposés : la table obligatoire « staff » (agents) est absente. "
        "Ajoutez staff.csv, staff.xlsx ou une feuille nommée staff dans un classeur."
    )
    assert db.read_bytes() == before


def test_uploaded_names_cannot_leave_the_temporary_folder(tmp_path):
    result = load_files({"staff.csv": STAFF.encode(), "../../evil.csv": b"x"}, tmp_path / "d.duckdb")
    assert [n.file for n in result.notes] == ["evil.csv"]
    assert not (tmp_path.parent / "evil.csv").exists()


def test_the_first_load_can_be_uploaded_from_the_no_database_page(tmp_path, monkeypatch):
    db = tmp_path / "first.duckdb"
    monkeypatch.setenv("CADRAN_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert at.title[0].value == "Aucune donnée publiée pour l'instant"
    assert at.warning[0].value.startswith("Le tableau de bord lit la base `first.duckdb`,")  # no server path
    assert str(tmp_path) not in at.warning[0].value
    files = sorted((FIXTURES / "edge").iterdir())
    _upload(at, [(f.name, f.read_bytes()) for f in files])
    assert db.exists()
    with connect_ro(db) as con:
        assert con.execute("SELECT count(*) FROM stg_staff").fetchone() == (4,)


def test_a_failed_upload_is_told_in_the_interface_language(db):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("pages/data.py").run()
    before = db.read_bytes()
    (db.parent / "versions").rename(db.parent / "no-versions")  # no kept staff to complete it with
    at.file_uploader(key="upload_files").set_value([("members.csv", MEMBERS, "text/csv")]).run()
    at.button(key="upload_check").click().run()
    assert not [b for b in at.button if b.key == "upload_go"]  # checked on a scratch database first
    assert [e.value for e in at.error] == [
        "Nothing was published. Uploaded files: the required table “staff” is missing. Add staff.csv, "
        "staff.xlsx or a sheet named staff in a workbook."
    ]
    assert db.read_bytes() == before


def test_the_progress_bar_moves_table_by_table_then_survey_by_survey(tmp_path, monkeypatch):
    # the edge source: every table read then checked, then its 4 surveys protected one by one, then
    # the read model: the last of 2 × 14 + 2 = 30 steps starts at 29/30
    monkeypatch.setenv("CADRAN_READ_MODEL", "on")
    calls = []
    load(FIXTURES / "edge", tmp_path / "d.duckdb", lambda table, count: calls.append((table, count)))
    steps, bars = 0, []
    for table, count in calls:
        steps, value, text = upload.bar_step(steps, table, count, "fr")
        bars.append((round(value, 3), text))
    values = [value for value, _ in bars]
    assert values == sorted(values) and values[-1] == 0.967 and values[0] > 0
    assert bars[0][1] == "Lecture : Agents…"
    assert [text for _, text in bars[-6:]] == [
        "Enquêtes : protection des petits groupes…",
        *(f"Enquêtes : protection des petits groupes, {k} sur 4…" for k in range(1, 5)),
        "Modèle de lecture : les chiffres des pages, calculés d'avance…",
    ]
    assert len(set(values[-6:-1])) == 5  # each survey moves the bar
    assert values[-2] == values[-1]  # the read model starts where the protections end
