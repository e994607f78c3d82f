"""HR's upload in two steps: « Vérifier » loads the files into a scratch database and
publishes nothing; the preview says what publishing will do (rows read / loaded / rejected per table,
the change against the published data, the rejects, who the retention anonymises); « Publier »
publishes what was checked.

The published data: tests/fixtures/edge (load n° 1: 4 staff, 3 members). The upload: the shared
STAFF (P1–P4, P3 left on 2015-01-01) and a members file of P1 and ZZ9 (an unknown matricule, line 3).
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.intake.sources import LoadError
from etl.publish import load, versions
from etl.store.db import connect_ro
from etl.text.i18n import t
from tests.conftest import FIXTURES, ROOT, STAFF, load_db
from ui import upload

MEMBERS = b"person_id,joined_on\nP1,2014-01-01\nZZ9,2014-01-01\n"
FILES = [("staff.csv", STAFF.encode()), ("members.csv", MEMBERS)]


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "pub.duckdb"
    load_db(path, FIXTURES / "edge")
    monkeypatch.setenv("CADRAN_DB", str(path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # a check's scratch folder, cleaned with the test
    monkeypatch.setenv("CADRAN_LOCAL", "1")  # the single-user local mode (make run's)
    return path


def last_load(db: Path) -> int:
    with connect_ro(db) as con:
        return con.execute("SELECT max(load_id) FROM load_log").fetchone()[0]


def checked(files=FILES) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="upload_files").set_value([(n, c, "text/csv") for n, c in files]).run()
    assert not [b for b in at.button if b.key == "upload_go"]  # nothing to publish before a check
    at.button(key="upload_check").click().run()
    assert not at.exception, at.exception
    return at


PREVIEW, REJECTS = "Publié → après", "Première ligne"  # a column of each table of the preview


def tables(at: AppTest, column: str) -> list:
    return [d.value for d in at.dataframe if column in d.value.columns]


def upload_notes(at: AppTest) -> list[str]:
    """The upload's notices (the Data page also says « Aucun envoi pour l'instant. » of the e-mails)."""
    return [i.value for i in at.info if i.value != t("data.mail.none", "fr")]


def shown(at: AppTest, column: str) -> list[list]:
    (frame,) = tables(at, column)
    return frame.values.tolist()


def test_a_check_publishes_nothing_and_says_what_publishing_will_do(db):
    before = db.read_bytes()
    at = checked()
    assert db.read_bytes() == before and last_load(db) == 1  # nothing published
    assert [r["load_id"] for r in versions.listing(db)] == [1]  # nothing kept
    rows = {r[0]: r for r in shown(at, PREVIEW)}
    # per table: rows read, loaded, rejected, and the change against what is published (3 members now)
    assert rows["Membres du réseau"] == ["Membres du réseau", "2", "1", "1", "3 → 1"]
    assert rows["Agents"] == ["Agents", "4", "4", "0", "4 → 4"]
    # the column as the file heads it: « inconnu dans staff » alone does not say which one
    assert shown(at, REJECTS) == [
        ["Membres du réseau", "Matricule (person_id)", "inconnu dans staff", "1", "members.csv", "3"]
    ]
    assert not upload_notes(at)  # the retention is off for this test suite: nobody to anonymise
    (warning,) = [w for w in at.warning if "cinquième" in w.value]  # (the other: the restore's)
    assert (
        warning.value == "Ces tables perdent plus d'un cinquième de leurs lignes : Membres du réseau : 3 → 1."
    )
    assert at.button(key="upload_go").disabled  # until the loss is confirmed
    at.checkbox(key="upload_confirm").check().run()
    at.button(key="upload_go").click().run()
    assert [s.value for s in at.success] == ["Chargement n° 2 publié : 39 lignes chargées, 1 rejetée."]
    assert last_load(db) == 2 and [r["load_id"] for r in versions.listing(db)] == [2, 1]
    with connect_ro(db) as con:
        assert con.execute("SELECT person_id FROM stg_members").fetchall() == [("P1",)]
    assert not tables(at, PREVIEW)  # the preview is gone


def test_each_rejected_row_of_a_check_downloads_before_anything_is_published(db, monkeypatch):
    """The preview lists the rejects by reason; its CSV gives each row, as --rejects writes it."""
    made = []

    def kept(*args):
        made.append(real(*args))
        return made[-1]

    real = upload.rejects_csv
    monkeypatch.setattr(upload, "rejects_csv", kept)
    at = checked()
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith("upload-rejects-csv")]
    assert button.proto.label.startswith("Télécharger chaque ligne rejetée (CSV")
    rows = list(csv.reader(io.StringIO(made[-1].decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["table", "fichier", "ligne", "colonne", "motif", "valeurs"],
        [
            "members",
            "members.csv",
            "3",
            "person_id",
            "inconnu dans staff : « ZZ9 »",
            "person_id=ZZ9 | joined_on=2014-01-01",
        ],
    ]
    assert last_load(db) == 1  # nothing published


def test_an_uploaded_file_named_after_no_table_is_said_ignored_before_the_check(db):
    """« Présences mars.csv » holds no table by its name: the page says so and how to name it, before
    any check (it used to leave attendance on the published data unsaid)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    files = [("Présences mars.csv", b"person_id,session_id,status\nP1,S1,present\n"), FILES[1]]
    at.file_uploader(key="upload_files").set_value([(n, c, "text/csv") for n, c in files]).run()
    assert not at.exception, at.exception
    (warning,) = [w.value for w in at.warning if "ne seront pas lus" in w.value]
    assert warning.startswith("Ces fichiers ou feuilles déposés ne seront pas lus : nommez chacun")
    assert shown(at, "Pourquoi") == [["Présences mars.csv", "ignoré : ce n'est pas le nom d'une table"]]
    origins = {r[0]: r[1:] for r in shown(at, "Origine")}
    assert origins["Membres du réseau"] == ["fichier déposé", "members.csv"]
    assert origins["Présences"] == ["version conservée n° 1", "attendance.csv"]  # as before the upload


def test_files_named_after_their_tables_are_said_ignored_by_none(db):
    at = checked()
    assert not tables(at, "Pourquoi")
    assert not [w for w in at.warning if "ne seront pas lus" in w.value]


def test_what_the_retention_anonymises_is_said_before_publishing(db, monkeypatch):
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")  # the 5 years of the setting: P3 left in 2015
    staff = STAFF + "P5,Ville,DG,non,2001-01-01,2009-06-30\n"  # a second leaver, long gone
    at = checked([("staff.csv", staff.encode()), ("members.csv", MEMBERS)])
    assert upload_notes(at) == [
        "2 agents seront anonymisés : partis depuis plus longtemps que la durée de conservation."
    ]
    assert last_load(db) == 1


def test_one_agent_anonymised_is_said_in_the_singular(db, monkeypatch):
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")
    at = checked()
    assert upload_notes(at) == [
        "1 agent sera anonymisé : parti depuis plus longtemps que la durée de conservation."
    ]


def test_a_check_outdated_by_another_publish_is_not_offered(db):
    at = checked()
    assert at.button(key="upload_go")
    load_db(db, FIXTURES / "edge")  # load n° 2 from elsewhere
    at.run()
    assert not [b for b in at.button if b.key == "upload_go"]  # check again against what is published now
    assert not tables(at, PREVIEW)


def test_publishing_a_check_outdated_meanwhile_publishes_nothing(db):
    whole = versions.combine(dict(FILES), db)
    done = load.check_files(whole.files, db, label="téléversement")
    load_db(db, FIXTURES / "edge")  # load n° 2 between check and publish
    published = db.read_bytes()
    with pytest.raises(LoadError) as refused:
        load.publish_checked(done, db)
    assert refused.value.code == "changed_since_check"
    assert db.read_bytes() == published and last_load(db) == 2
    assert not done.scratch.exists()  # the scratch copy of the upload is gone either way


def test_the_published_load_is_the_checked_one(db):
    whole = versions.combine(dict(FILES), db)
    done = load.check_files(whole.files, db, label="téléversement")
    assert done.scratch.exists() and oct(done.scratch.stat().st_mode & 0o777) == "0o700"
    assert last_load(db) == 1
    result = load.publish_checked(done, db)
    assert result.load_id == 2 and last_load(db) == 2
    assert {n: c.loaded for n, c in result.tables.items()}["members"] == 1
    assert not done.scratch.exists()
    assert not list(db.parent.glob(".cadran-load-*"))  # no scratch file beside the database
