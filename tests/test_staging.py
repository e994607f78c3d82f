"""A load takes over from the published file the staged rows of each table whose raw rows are
unchanged (etl.publish.staging): what it stages is, table by table, what a fresh load stages."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.__main__ import main as etl_main
from etl.admin import gdpr
from etl.intake.schema import TABLES
from etl.intake.sources import Source
from etl.publish import staging
from etl.publish.load import check_files, load, publish_checked
from tests.conftest import write_source

STAFF = """person_id,organisation,direction,is_manager,hire_date,leave_date
P1,Ville,DG,oui,2010-01-01,
P2,Ville,DG,non,2010-01-01,
P5,Ville,DG,peut-être,2010-01-01,
P3,Agglo,RH,oui,2010-01-01,2015-01-01
P1,Ville,DG,oui,2011-01-01,
P4,Agglo,RH,oui,,
"""
FILES = {
    "staff.csv": STAFF,  # P5 rejected (not a yes or no), the second P1 a duplicate
    "members.csv": "person_id,joined_on\nP1,2014-01-01\nP2,2014-02-01\nP5,2014-02-01\n",
    "sessions.csv": "session_id,kind,title,date,duration_hours\nS1,atelier,Atelier,2015-03-01,2\n"
    "S2,formation,Formation,2015-04-01,3\n",
    "attendance.csv": "session_id,person_id,status,hours\nS1,P1,présent,2\nS1,P5,présent,2\n"
    "S2,P2,présent,2.5\nS9,P2,présent,1\n",
    "budget.csv": "date,category,planned_eur,spent_eur\n2015-01-10,formation,1000,\n2015-02-01,formation,,=1+1\n",
    "surveys.csv": "survey_id,title,opened_on\nQ1,Baromètre,2015-05-01\n",
    "survey_questions.csv": "survey_id,question_id,text,kind,theme\nQ1,q1,Satisfait ?,likert5,Climat\n",
    "survey_respondents.csv": "survey_id,respondent_id,organisation,direction\n"
    + "".join(f"Q1,R{i},Ville,DG\n" for i in range(8)),
    "survey_answers.csv": "survey_id,respondent_id,question_id,value\n"
    + "".join(f"Q1,R{i},q1,{i % 5 + 1}\n" for i in range(8))
    + "Q1,R1,q1,douze\n",
}
WITH_ROWS = {"staff", "members", "sessions", "attendance", "budget", "surveys", "survey_questions"} | {
    "survey_respondents",
    "survey_answers",
}
DROP_FREE = WITH_ROWS - gdpr.DROPS_FROM  # tables whose rows the drop of people never changes


@pytest.fixture(autouse=True)
def no_read_model(monkeypatch):
    """Staging alone: the pages' reads are not computed at these loads (tests/test_read_model.py),
    and the loads keep no version (tests/test_versions.py)."""
    monkeypatch.setenv("CADRAN_READ_MODEL", "off")


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory) -> Path:
    """FILES published once for the module (the first load of most tests: each copies the file)."""
    folder = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CADRAN_READ_MODEL", "off")
        load(write_source(folder / "source", FILES), folder / "pub.duckdb", keep=False)
    return folder / "pub.duckdb"


@pytest.fixture
def published(tmp_path, loaded_once) -> Path:
    """A published file of FILES, this test's own."""
    db = tmp_path / "pub.duckdb"
    shutil.copyfile(loaded_once, db)
    return db


def staged(db: Path, load_id: int) -> dict:
    """What load ``load_id`` staged in ``db``: every stg_ table's rows in file order, its rejects
    (reasons, lines, values) and its counts, without the load's number."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {t.name: con.execute(f"SELECT * FROM stg_{t.name} ORDER BY _ord").fetchall() for t in TABLES}
        rejects = con.execute(
            """SELECT * EXCLUDE (load_id) FROM load_rejects WHERE load_id = ?
               ORDER BY table_name, _ord, reason_key""",
            [load_id],
        ).fetchall()
        counts = con.execute(
            "SELECT * EXCLUDE (load_id) FROM load_tables WHERE load_id = ? ORDER BY table_name", [load_id]
        ).fetchall()
    return {"tables": tables, "rejects": rejects, "counts": counts}


def fresh(tmp_path: Path, source: Path) -> dict:
    """What a load of ``source`` into a new file stages."""
    db = tmp_path / f"fresh-{source.name}.duckdb"
    result = load(source, db, keep=False)
    assert result.tables_taken_over == []
    return staged(db, result.load_id)


def untokened(value):
    """``value`` with each leaver's token (drawn afresh at each load) written « anonyme- »: for files
    with one leaver."""
    if isinstance(value, str):
        return re.sub(r"anonyme-[0-9a-f]{12}", "anonyme-", value)
    if isinstance(value, dict):
        return {k: untokened(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(untokened(v) for v in value)
    return value


def test_a_reload_of_unchanged_files_validates_no_table_and_stages_what_a_fresh_load_stages(tmp_path):
    db, source = tmp_path / "pub.duckdb", write_source(tmp_path / "source", FILES)
    first = load(source, db, keep=False)
    assert first.tables_taken_over == []
    again = load(source, db, keep=False)
    assert set(again.tables_taken_over) == WITH_ROWS
    assert set(again.tables_not_read) == WITH_ROWS  # nobody dropped: not a file read
    assert again.tables == first.tables
    assert again.tables["staff"].rejected == 2 and again.tables["attendance"].rejected == 2
    expected = fresh(tmp_path, source)
    assert staged(db, again.load_id) == expected
    reasons = " ".join(r[4] for r in expected["rejects"])
    assert "ligne 4" in reasons  # attendance's P5 names staff's rejected line, taken over as it was
    assert len(expected["rejects"]) == 7 and expected["tables"]["staff"]


def test_a_changed_file_is_validated_with_the_tables_that_refer_to_it(tmp_path, published):
    db = published
    staff = STAFF + "P6,Agglo,RH,non,2012-01-01,\n"
    changed = write_source(tmp_path / "changed", {**FILES, "staff.csv": staff})
    again = load(changed, db, keep=False)
    # every table that refers to staff is validated again; the sessions and the surveys are not
    assert set(again.tables_taken_over) == {"sessions", "budget", "surveys", "survey_questions"} | {
        "survey_respondents",
        "survey_answers",
    }
    assert again.tables_not_read == again.tables_taken_over  # their files unchanged, not read
    assert staged(db, again.load_id) == fresh(tmp_path, changed)
    assert again.tables["staff"].loaded == 5  # P6 too


def test_a_table_with_rejects_that_a_validated_table_points_at_is_validated_again(tmp_path, published):
    db = published
    attendance = FILES["attendance.csv"] + "S2,P1,présent,3\n"
    changed = write_source(tmp_path / "changed", {**FILES, "attendance.csv": attendance})
    again = load(changed, db, keep=False)
    # attendance's reasons name the line of staff's rejected P5: staff is validated to know it
    assert "attendance" not in again.tables_taken_over and "staff" not in again.tables_taken_over
    assert {"members", "sessions", "budget"} <= set(again.tables_taken_over)
    assert "staff" not in again.tables_not_read  # its file unchanged, read to be validated
    assert staged(db, again.load_id) == fresh(tmp_path, changed)


SESSIONS_REORDERED = "session_id,kind,title,date,duration_hours\nS2,formation,Formation,2015-04-01,3\n" + (
    "S1,atelier,Atelier,2015-03-01,2\n"
)


@pytest.mark.parametrize(
    ("edit", "validated"),
    [
        # the same rows in another order: other lines and ranks; attendance and budget refer to
        # sessions, and attendance's reasons name staff's rejected line (staff validated again)
        ({"sessions.csv": SESSIONS_REORDERED}, {"sessions", "attendance", "budget", "staff"}),
        ({"budget.csv": None}, set()),  # a file gone: its table is empty, the others unchanged
        ({"survey_answers.csv": FILES["survey_answers.csv"] + "Q1,R2,q1,3\n"}, {"survey_answers"}),
    ],
    ids=["rows-reordered", "file-gone", "one-answer-more"],
)
def test_each_edit_validates_what_it_reaches_and_stages_what_a_fresh_load_stages(
    tmp_path, published, edit, validated
):
    db = published
    files = {name: content for name, content in {**FILES, **edit}.items() if content is not None}
    changed = write_source(tmp_path / "changed", files)
    again = load(changed, db, keep=False)
    with_rows = {name for name, count in again.tables.items() if count.read}
    assert set(again.tables_taken_over) == with_rows - validated
    assert set(again.tables_not_read) == with_rows - validated  # every file read was needed
    assert staged(db, again.load_id) == fresh(tmp_path, changed)


@pytest.mark.parametrize(
    "change",
    [
        "DELETE FROM stg_budget WHERE spent_eur IS NULL",  # a rewrite since the load (an erasure)
        "DELETE FROM load_rejects WHERE table_name = 'budget'",
        "DROP TABLE load_stages",  # a file written before the stage keys
    ],
)
def test_a_published_file_changed_since_its_load_has_its_tables_validated(tmp_path, published, change):
    db, source = published, write_source(tmp_path / "source", FILES)
    with duckdb.connect(str(db)) as con:
        con.execute(change)
    again = load(source, db, keep=False)
    assert "budget" not in again.tables_taken_over
    assert staged(db, again.load_id) == fresh(tmp_path, source)


def test_the_command_line_lists_the_tables_taken_over(tmp_path, capsys):
    db, source = tmp_path / "pub.duckdb", write_source(tmp_path / "source", FILES)
    assert etl_main(["load", str(source), "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["staging"] == {"taken_over": [], "not_read": []}
    assert etl_main(["load", str(source), "--db", str(db), "--json"]) == 0
    every = sorted(WITH_ROWS)
    assert json.loads(capsys.readouterr().out)["staging"] == {"taken_over": every, "not_read": every}
    assert etl_main(["load", str(source), "--db", str(db)]) == 0
    said = capsys.readouterr().out
    assert "Inchangées depuis le chargement publié : 9 tables reprises sans nouvelle validation, " in said
    assert "9 fichiers non relus" in said


def test_an_upload_of_one_changed_file_takes_over_the_tables_it_does_not_reach(tmp_path, published):
    """HR's upload (checked, then published) replaces the budget: every other table is taken over."""
    db = published
    files = {name: content.encode() for name, content in FILES.items()}
    files["budget.csv"] = b"date,category,planned_eur,spent_eur\n2015-01-10,formation,2000,\n"
    checked = check_files(files, db, label="téléversement")
    assert set(checked.result.tables_taken_over) == WITH_ROWS - {"budget"}
    done = publish_checked(checked, db, keep=False)
    assert done.tables["budget"].loaded == 1 and done.tables["budget"].rejected == 0
    assert staged(db, done.load_id) == fresh(tmp_path, write_source(tmp_path / "upload", files))


def test_an_erasure_keeps_no_stage_record_and_the_next_load_validates_every_table(tmp_path, published):
    db, source = published, write_source(tmp_path / "source", FILES)
    gdpr.forget("P2", db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM load_stages").fetchone() == (0,)
    again = load(source, db, keep=False)  # P2 dropped again from the same files
    assert again.tables_taken_over == []
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stg_staff WHERE person_id = 'P2'").fetchone() == (0,)
    third = load(source, db, keep=False)
    # the very files of the last load, the same people to drop: not one read, P2 dropped as before
    assert set(third.tables_taken_over) == set(third.tables_not_read) == WITH_ROWS
    assert [n.code for n in third.notes if n.file == "RGPD"] == ["erasure"]
    assert staged(db, third.load_id) == staged(db, again.load_id)


def tokens_in(db: Path, load_id: int) -> dict[str, set[str]]:
    """The leavers' tokens of ``db``: in each staged table naming people, and in the rejects of ``load_id``."""
    with duckdb.connect(str(db), read_only=True) as con:
        found = {
            name: {
                r[0]
                for r in con.execute(f"SELECT {column} FROM stg_{name}").fetchall()
                if r[0][:8] == "anonyme-"
            }
            for name, column in {
                "staff": "person_id",
                "members": "person_id",
                "attendance": "person_id",
            }.items()
        }
        texts = con.execute(
            "SELECT concat_ws(' ', raw, reason, problems) FROM load_rejects WHERE load_id = ?", [load_id]
        ).fetchall()
    found["rejects"] = {w for (t,) in texts for w in re.findall(r"anonyme-[0-9a-f]{12}", t)}
    return found


def test_a_leaver_is_anonymised_afresh_at_each_load_and_the_same_files_are_not_read_again(
    tmp_path, published, monkeypatch
):
    """P3 left in 2015: with a 5-year retention each load draws P3 a new token. The first such load
    reads the files that could name P3; a load of the very same files reads none, and draws P3 a new
    token in staff, the members, the attendance and the reasons of its rejects alike."""
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", "5")
    files = {
        **FILES,
        "members.csv": FILES["members.csv"] + "P3,2014-01-01\n",
        "attendance.csv": FILES["attendance.csv"] + "S1,P3,présent,2\nS9,P3,présent,1\n",  # S9 unknown
    }
    source = write_source(tmp_path / "source", files)
    again = load(source, published, keep=False)
    assert set(again.tables_not_read) == DROP_FREE and "staff" not in again.tables_taken_over
    before = tokens_in(published, again.load_id)
    third = load(source, published, keep=False)
    assert set(third.tables_not_read) == set(third.tables_taken_over) == WITH_ROWS
    after = tokens_in(published, third.load_id)
    (old,) = before["staff"]
    (new,) = after["staff"]
    assert new != old and all(found == {old} for found in before.values())
    assert all(found == {new} for found in after.values())  # the same new token everywhere
    assert third.notes == again.notes  # « 1 agent anonymisé »
    assert untokened(staged(published, third.load_id)) == untokened(fresh(tmp_path, source))
    with duckdb.connect(str(published), read_only=True) as con:
        tables = " ".join(str(con.execute(f"FROM stg_{t.name}").fetchall()) for t in TABLES)
    assert old not in tables


def test_a_forgotten_person_back_in_one_changed_file_has_every_file_read(tmp_path, published):
    """P7 forgotten while in no file; a later export brings P7 back in the members only: that load
    reads the files it had left unread to drop P7 from all of them."""
    source = write_source(tmp_path / "source", FILES)
    gdpr.forget("P7", published)
    load(source, published, keep=False)  # after the erasure: no record, every file read
    quiet = load(source, published, keep=False)
    assert set(quiet.tables_not_read) == WITH_ROWS  # nobody to drop: no file read
    members = FILES["members.csv"] + "P7,2014-03-01\n"
    back = write_source(tmp_path / "back", {**FILES, "members.csv": members})
    again = load(back, published, keep=False)
    assert set(again.tables_not_read) == DROP_FREE
    assert any(n.code == "erasure" for n in again.notes)
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stg_members WHERE person_id = 'P7'").fetchone() == (0,)
    # the same files again: not one read, P7 dropped as the load before dropped it
    same = load(back, published, keep=False)
    assert set(same.tables_not_read) == WITH_ROWS
    assert [n.code for n in same.notes if n.file == "RGPD"] == ["erasure"]
    assert staged(published, same.load_id) == staged(published, again.load_id)


def test_a_file_changed_while_it_is_read_has_no_key_recorded(tmp_path):
    source = write_source(tmp_path / "source", {"budget.csv": FILES["budget.csv"]})
    budget = Source("budget", source / "budget.csv")
    files = staging.Files({"budget": budget}, staging.file_keys({"budget": budget}), {}, set(), None)
    assert files.record("budget") == files.keys["budget"].key
    budget.path.write_text(FILES["budget.csv"] + "2015-03-01,formation,5,\n")
    assert files.record("budget") is None


def test_a_matricule_shaped_like_a_token_sends_the_load_down_the_usual_path(tmp_path, published, monkeypatch):
    """A person still in post whose matricule looks like a token is not re-drawn: the load of the
    same files reads and validates as usual, and the matricule stays as written."""
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", "5")
    lookalike = "anonyme-0123456789ab"
    files = {**FILES, "staff.csv": STAFF + f"{lookalike},Ville,DG,non,2012-01-01,\n"}
    source = write_source(tmp_path / "source", files)
    load(source, published, keep=False)
    again = load(source, published, keep=False)
    assert set(again.tables_not_read) == DROP_FREE  # not every file: the usual path
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stg_staff WHERE person_id = ?", [lookalike]).fetchone() == (
            1,
        )
