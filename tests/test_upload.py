"""HR's upload on the Data page: files in, one all-or-nothing load, the outcome said in French."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.db import connect_ro
from etl.load import load_files
from tests.conftest import FIXTURES, ROOT, STAFF, run_cli

MEMBERS = b"person_id,joined_on\nP1,2014-01-01\nZZ9,2014-01-01\n"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "pub.duckdb"
    assert run_cli("load", FIXTURES / "edge", "--db", path)[0] == 0
    monkeypatch.setenv("CADRAN_DB", str(path))
    return path


def _data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def _upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.file_uploader(key="upload_files").set_value([(n, c, "text/csv") for n, c in files])
    at.run()
    at.button(key="upload_go").click().run()
    assert not at.exception
    return at


def test_upload_publishes_and_reports_counts(db):
    at = _upload(_data_page(), [("staff.csv", STAFF.encode()), ("members.csv", MEMBERS)])
    assert [s.value for s in at.success][0] == "Chargement n° 2 publié : 5 lignes chargées, 1 rejetées."
    with connect_ro(db) as con:
        assert con.execute("SELECT source FROM load_log WHERE load_id = 2").fetchone() == (
            "téléversement : members.csv, staff.csv",
        )
        assert con.execute("SELECT count(*) FROM stg_members").fetchone() == (1,)


def test_failed_upload_changes_nothing(db):
    before = db.read_bytes()
    at = _upload(_data_page(), [("members.csv", MEMBERS)])
    (error,) = at.error
    assert error.value.startswith("Rien n'a été publié. ") and "staff" in error.value
    assert db.read_bytes() == before


def test_uploaded_names_cannot_leave_the_temporary_folder(tmp_path):
    result = load_files({"staff.csv": STAFF.encode(), "../../evil.csv": b"x"}, tmp_path / "d.duckdb")
    assert [f for f, _ in result.notes] == ["evil.csv"]
    assert not (tmp_path.parent / "evil.csv").exists()
