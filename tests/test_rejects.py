"""Each kind of bad row: rejected with its file, line, column and reason; every other row loads."""

import shutil

import duckdb
import pytest

from etl.intake.rejects import reject_groups
from etl.publish.load import load
from etl.store.db import connect_ro
from etl.text.cells import rejects
from tests.conftest import SAMPLE, cli_json, write_source

GROUPS = "group_id,name\nG1,Groupe 1\n"
SESSIONS = "session_id,kind,title,date,duration_hours\nS1,training,iX'Pressos,2015-03-02,2\n"
SURVEY = "survey_id,title,opened_on,invited\nE1,Enquête,2015-01-01,10\n"
QUESTIONS = "survey_id,question_id,text,kind\nE1,Q1,Q un,likert5\nE1,Q2,Q deux,nps\nE1,Q3,Q trois,yes_no\n"
RESPONDENTS = "survey_id,respondent_id\nE1,R1\n"

# (case, files, table, bad line, column, reason)
CASES = [
    (
        "required value empty",
        {"members.csv": "person_id,joined_on\nP1,2014-01-01\n,2014-01-01\n"},
        "members",
        "3",
        "person_id",
        "valeur obligatoire manquante (Matricule)",
    ),
    (
        "unreadable date",
        {"members.csv": "person_id,joined_on\nP1,le 3 mars\nP2,2014-01-01\n"},
        "members",
        "2",
        "joined_on",
        "date illisible (formats acceptés : 2015-03-31, 31/03/2015) : « le 3 mars »",
    ),
    (
        "date that does not exist",
        {"members.csv": "person_id,joined_on\nP1,31/02/2014\nP2,2014-01-01\n"},
        "members",
        "2",
        "joined_on",
        "date inexistante : le format est bon, mais ce jour n'existe pas au calendrier : « 31/02/2014 »",
    ),
    (
        "end before start",
        {"members.csv": "person_id,joined_on,left_on\nP1,2014-01-01,2013-01-01\nP2,2014-01-01,\n"},
        "members",
        "2",
        "left_on",
        "doit être postérieure à joined_on",
    ),
    (
        "same day is not after",
        {"members.csv": "person_id,joined_on,left_on\nP1,2014-01-01,2014-01-01\nP2,2014-01-01,\n"},
        "members",
        "2",
        "left_on",
        "doit être postérieure à joined_on",
    ),
    (
        "unknown enum",
        {"members.csv": "person_id,joined_on,role\nP1,2014-01-01,chef\nP2,2014-01-01,Pilote\n"},
        "members",
        "2",
        "role",
        "valeur inconnue (attendu : membre (member), pilote (pilot), chef de projet (project_lead), "
        "référent RH (hr_referent), coordinateur (coordinator)) : « chef »",
    ),
    (
        "unknown reference",
        {"members.csv": "person_id,joined_on\nP1,2014-01-01\nZZ9,2014-01-01\n"},
        "members",
        "3",
        "person_id",
        "inconnu dans staff : « ZZ9 »",
    ),
    (
        "reference to an absent table",
        {"members.csv": "person_id,joined_on,group_id\nP1,2014-01-01,G7\nP2,2014-01-01,\n"},
        "members",
        "2",
        "group_id",
        "inconnu dans groups : « G7 »",
    ),
    (
        "unreadable boolean",
        {"staff.csv": "person_id,organisation,direction,is_manager\nP1,V,D,peut-être\nP2,V,D,x\n"},
        "staff",
        "2",
        "is_manager",
        "oui/non attendu (oui, non, vrai, faux, 1, 0, x) : « peut-être »",
    ),
    (
        "duplicate key keeps the first",
        {"staff.csv": "person_id,organisation,direction,is_manager\nP1,V,D,oui\nP1,V,E,non\n"},
        "staff",
        "3",
        "person_id",
        "doublon : même clé que la ligne 2 (gardée)",
    ),
    (
        "zero duration",
        {"groups.csv": GROUPS, "sessions.csv": SESSIONS + "S2,training,x,2015-03-02,0\n"},
        "sessions",
        "3",
        "duration_hours",
        "doit être supérieur à 0 : « 0 »",
    ),
    (
        "unreadable number",
        {"sessions.csv": SESSIONS + "S2,training,x,2015-03-02,deux\n"},
        "sessions",
        "3",
        "duration_hours",
        "nombre illisible : « deux »",
    ),
    (
        "capacity not whole",
        {
            "sessions.csv": "session_id,kind,title,date,duration_hours,capacity\nS1,training,x,2015-03-02,2,12.5\nS2,training,y,2015-03-02,2,12\n"
        },
        "sessions",
        "2",
        "capacity",
        "nombre entier attendu : « 12.5 »",
    ),
    (
        "hours over 24",
        {"sessions.csv": SESSIONS, "attendance.csv": "session_id,person_id,hours\nS1,P1,25\nS1,P2,\n"},
        "attendance",
        "2",
        "hours",
        "doit être au plus 24 : « 25 »",
    ),
    (
        "attendance pair twice",
        {"sessions.csv": SESSIONS, "attendance.csv": "session_id,person_id\nS1,P1\nS1,P1\n"},
        "attendance",
        "3",
        "session_id, person_id",
        "doublon : même clé que la ligne 2 (gardée)",
    ),
    (
        "budget without amount",
        {"budget.csv": "date,category,planned_eur,spent_eur\n2015-01-01,training,,\n2015-01-01,x,10,\n"},
        "budget",
        "2",
        "spent_eur",
        "il faut un montant prévu ou dépensé",
    ),
    (
        "negative spending",
        {"budget.csv": 'date,category,spent_eur\n2015-01-01,training,-5\n2015-01-01,training,"1 234,5 €"\n'},
        "budget",
        "2",
        "spent_eur",
        "doit être supérieur ou égal à 0 : « -5 »",
    ),
    (
        "progress over 100",
        {"actions.csv": "action_id,title,progress_pct\nA1,x,120 %\nA2,y,42 %\n"},
        "actions",
        "2",
        "progress_pct",
        "doit être au plus 100 : « 120 % »",
    ),
    (
        "respondent is a matricule",
        {"surveys.csv": SURVEY, "survey_respondents.csv": "survey_id,respondent_id\nE1,P2\nE1,R1\n"},
        "survey_respondents",
        "2",
        "respondent_id",
        "un code répondant ne doit jamais être un matricule",
    ),
    (
        "likert out of scale",
        {
            "surveys.csv": SURVEY,
            "survey_questions.csv": QUESTIONS,
            "survey_respondents.csv": RESPONDENTS,
            "survey_answers.csv": "survey_id,respondent_id,question_id,value\nE1,R1,Q1,6\nE1,R1,Q2,10\n",
        },
        "survey_answers",
        "2",
        "value",
        "réponse attendue : entier de 1 à 5",
    ),
    (
        "nps not whole",
        {
            "surveys.csv": SURVEY,
            "survey_questions.csv": QUESTIONS,
            "survey_respondents.csv": RESPONDENTS,
            "survey_answers.csv": "survey_id,respondent_id,question_id,value\nE1,R1,Q2,7.5\nE1,R1,Q3,oui\n",
        },
        "survey_answers",
        "2",
        "value",
        "réponse attendue : entier de 0 à 10",
    ),
    (
        "yes_no not boolean",
        {
            "surveys.csv": SURVEY,
            "survey_questions.csv": QUESTIONS,
            "survey_respondents.csv": RESPONDENTS,
            "survey_answers.csv": "survey_id,respondent_id,question_id,value\nE1,R1,Q3,bof\nE1,R1,Q1,4\n",
        },
        "survey_answers",
        "2",
        "value",
        "réponse attendue : oui ou non",
    ),
    (
        "question of another survey",
        {
            "surveys.csv": SURVEY + "E2,Autre,2016-01-01,5\n",
            "survey_questions.csv": QUESTIONS,
            "survey_respondents.csv": RESPONDENTS + "E2,R1\n",
            "survey_answers.csv": "survey_id,respondent_id,question_id,value\nE2,R1,Q1,4\nE1,R1,Q1,4\n",
        },
        "survey_answers",
        "2",
        "question_id",
        "inconnu dans survey_questions pour cette enquête",
    ),
    (
        "more values than columns",
        {"groups.csv": "group_id,name\nG1,Un,de trop\nG2,Deux\n"},
        "groups",
        "2",
        "*",
        "plus de valeurs que de colonnes : de trop",
    ),
]


@pytest.mark.parametrize(
    ("files", "table", "line", "column", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_row_is_rejected_with_reason(tmp_path, capsys, files, table, line, column, reason):
    db = tmp_path / "t.duckdb"
    code, out = cli_json(capsys, "load", write_source(tmp_path / "src", files), "--db", db)
    assert code == 0
    counts = out["tables"][table]
    assert counts["rejected"] == 1
    assert counts["read"] == counts["loaded"] + counts["rejected"]
    assert counts["loaded"] >= 1
    with connect_ro(db) as con:
        (got,) = [r for r in rejects(con) if r[0] == table]
    assert got[2:5] == [line, column, reason]
    assert got[1].endswith((".csv", ".txt"))


def test_every_table_balances(tmp_path, capsys):
    files = {"sessions.csv": SESSIONS, "attendance.csv": "session_id,person_id\nS1,P1\nS9,P1\n\n,\n"}
    code, out = cli_json(capsys, "load", write_source(tmp_path / "src", files), "--db", tmp_path / "t.duckdb")
    assert out["tables"]["attendance"] == {"read": 2, "loaded": 1, "rejected": 1}
    assert out["tables"]["ideas"] == {"read": 0, "loaded": 0, "rejected": 0}


@pytest.mark.parametrize("source", ["sample", "bad rows and repeated keys"])
def test_the_counts_a_load_gives_are_the_rows_it_wrote(tmp_path, source):
    """read = loaded + rejected as the file holds them: the staged table's rows and the load's
    rejects, a row that breaks a rule and repeats a key rejected once."""
    if source == "sample":
        folder = SAMPLE / "source"
    else:
        files = {
            "members.csv": "person_id,joined_on\nP1,2014-01-01\nP1,2014-01-01\nP1,le 3 mars\n,2014-01-01\nP2,2014-01-01\n",
            "sessions.csv": SESSIONS,
            "attendance.csv": "session_id,person_id\nS1,P1\nS1,P1\nS9,P1\nS9,P1\nS1,P2\n",
        }
        folder = write_source(tmp_path / "src", files)
    result = load(folder, tmp_path / "t.duckdb")
    with connect_ro(result.db) as con:
        for table, counts in result.tables.items():
            loaded = con.execute(f"SELECT count(*) FROM stg_{table}").fetchone()[0]
            rejected = con.execute(
                "SELECT count(*) FROM load_rejects WHERE table_name = ? AND load_id = ?",
                [table, result.load_id],
            ).fetchone()[0]
            assert (counts.loaded, counts.rejected) == (loaded, rejected), table
            assert counts.read == loaded + rejected, table
    if source != "sample":
        assert (result.tables["members"].read, result.tables["members"].rejected) == (5, 2)  # no key
        # a repeated key, and an unknown session twice: each line rejected once
        assert (result.tables["attendance"].read, result.tables["attendance"].rejected) == (5, 3)


def test_integer_too_large_is_a_reject_not_a_crash(tmp_path, capsys):
    files = {
        "surveys.csv": "survey_id,title,opened_on,invited\nE1,x,2015-01-01,99999999999\nE2,y,2015-01-01,12\n"
    }
    code, out = cli_json(capsys, "load", write_source(tmp_path / "src", files), "--db", tmp_path / "t.duckdb")
    assert code == 0 and out["tables"]["surveys"] == {"read": 2, "loaded": 1, "rejected": 1}


def test_a_file_published_before_the_problem_columns_is_read_while_a_newer_one_is_open(tmp_path, capsys):
    files = {"sessions.csv": SESSIONS, "attendance.csv": "session_id,person_id\nS1,P1\nS9,P1\n"}
    newer, older = tmp_path / "newer.duckdb", tmp_path / "older.duckdb"
    cli_json(capsys, "load", write_source(tmp_path / "src", files), "--db", newer)
    shutil.copy(newer, older)
    with duckdb.connect(str(older)) as con:  # as a load of an earlier version wrote it
        con.execute(
            "ALTER TABLE load_rejects DROP COLUMN problems; ALTER TABLE load_rejects DROP COLUMN reason_key"
        )
    with connect_ro(newer) as other, connect_ro(older) as con:
        groups = reject_groups(con, 1)
        assert reject_groups(other, 1)["problems"].notna().all()
    assert groups["rows"].tolist() == [1] and groups["problems"].isna().all()
    assert groups["table_name"].tolist() == ["attendance"]


def _columns(db) -> dict[str, list[tuple]]:
    with connect_ro(db, model=False) as con:
        names = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")
        return {
            n: con.execute(f"DESCRIBE {n}").fetchall() for (n,) in names.fetchall() if n.startswith("stg_")
        }


def test_a_table_without_a_file_has_the_columns_and_types_of_a_loaded_one(tmp_path, sample_db):
    """Staff alone, loaded twice in this process: the second load writes out the empty tables'
    columns that the first planned (etl.intake.validate._create_empty)."""
    filled = _columns(sample_db)
    for name in ("first", "second"):
        empty = _columns(load(write_source(tmp_path / name, {}), tmp_path / f"{name}.duckdb").db)
        assert empty == filled
