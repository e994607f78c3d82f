"""python -m etl as scripts use it: a line per table, the rejects CSV, help with an example.

The tests of the command line as a process (its output, exit codes, a closed stdout) start the real
`python -m etl` (run_cli_process); the others call its main in this process (run_cli)."""

import csv
import json
import os
import subprocess
import sys

import pytest

from etl import cli
from etl.intake.schema import TABLES
from etl.publish.load import PROTECTIONS, READ_MODEL, Share, load
from etl.store.db import connect_ro, open_duckdb
from etl.text.cells import rejects, safe_text
from tests.conftest import FIXTURES, ROOT, run_cli, run_cli_process, write_source

MEMBERS = (
    "person_id,joined_on,role\nP1,2014-01-01,membre\n=cmd|'/c calc'!A1,2014-01-01,\n+P2,01/02/2014,Pilote\n"
)


def test_the_command_line_speaks_the_text_layer_in_english_too(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "LANG", "en")
    src = write_source(tmp_path / "src", {"members.csv": MEMBERS, "notes.docx": b"x"})
    code, out, _ = run_cli("load", src, "--db", tmp_path / "d.duckdb")
    lines = out.splitlines()
    assert code == 0
    assert "members              read         3  loaded         1  rejected       2" in lines
    assert "notes.docx: ignored: not a table (formats read: .csv, .txt, .xlsx)" in lines
    assert lines[-2:] == [
        f"Published: {tmp_path / 'd.duckdb'} (load no. 1, 2 rejected rows)",
        "Each rejected row, with its file, line and reason: --rejects FILE.csv, or the Data page.",
    ]
    # a user error, worded from its code: the same words as the Users page's in English
    code, _, err = run_cli(
        "users", "add", "dsi@ville.fr", "--password-stdin", "--users", tmp_path / "u.json", stdin=" \n"
    )
    assert (code, err) == (1, "Error: Blank password: spaces are not enough.\n")
    code, _, err = run_cli("users", "remove", "--users", tmp_path / "u.json")
    assert (code, err) == (1, "Error: give the e-mail address\n")
    code, _, err = run_cli("kpis", "--db", tmp_path / "none.duckdb")
    assert (code, err) == (
        1,
        f"Error: No database published at {tmp_path / 'none.duckdb'}: run `make run` or "
        "`python -m etl load FOLDER`.\n",
    )


def test_one_rejected_row_is_written_in_the_singular(tmp_path):
    members = "person_id,joined_on,role\nP1,2014-01-01,membre\nZZ9,2014-01-01,membre\n"
    src = write_source(tmp_path / "src", {"members.csv": members})
    code, out, _ = run_cli("load", src, "--db", tmp_path / "d.duckdb")
    published, where = out.splitlines()[-2:]
    assert code == 0 and published.endswith("(chargement n° 1, 1 ligne rejetée)")
    assert where == (
        "Chaque ligne rejetée, avec son fichier, sa ligne et le motif : --rejects FICHIER.csv, ou la page Données."
    )


def test_load_prints_a_line_per_table_and_writes_rejects(tmp_path):
    src = write_source(tmp_path / "src", {"members.csv": MEMBERS, "notes.docx": b"x"})
    code, out, err = run_cli_process(
        "load", src, "--db", tmp_path / "d.duckdb", "--rejects", tmp_path / "rejets.csv"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert "members              lues         3  chargées         1  rejetées       2" in lines
    assert sum(line.split()[0] in ("staff", "members", "attendance", "budget") for line in lines) == 4
    assert "notes.docx : ignoré : ce n'est pas une table (formats lus : .csv, .txt, .xlsx)" in lines
    assert lines[-1].startswith("Publié : ") and lines[-1].endswith("(chargement n° 1, 2 lignes rejetées)")
    with open(tmp_path / "rejets.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows == [
        ["table", "fichier", "ligne", "colonne", "motif", "valeurs"],
        [
            "members",
            "members.csv",
            "3",
            "person_id",
            "inconnu dans staff : « =cmd|'/c calc'!A1 »",
            "person_id==cmd|'/c calc'!A1 | joined_on=2014-01-01",
        ],
        [
            "members",
            "members.csv",
            "4",
            "person_id",
            "inconnu dans staff : « +P2 »",
            "person_id=+P2 | joined_on=01/02/2014 | role=Pilote",
        ],
    ]


def test_what_the_retention_did_is_said_as_done_not_as_ignored(tmp_path, monkeypatch):
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")  # the 5 years of the setting: P3 left in 2015
    code, out, err = run_cli("load", write_source(tmp_path / "src", {}), "--db", tmp_path / "d.duckdb")
    assert code == 0, err
    assert "RGPD : durée de conservation (5 ans après la sortie) : 1 agent anonymisé" in out.splitlines()
    assert "ignoré" not in out


def test_second_load_gets_the_next_number(tmp_path):
    src = write_source(tmp_path / "src", {})
    run_cli("load", src, "--db", tmp_path / "d.duckdb")
    code, out, _ = run_cli("load", src, "--db", tmp_path / "d.duckdb")
    assert "(chargement n° 2, 0 ligne rejetée)" in out.splitlines()[-1]


def test_help_shows_an_example():
    code, out, _ = run_cli_process("--help")
    assert code == 0 and "python -m etl load data/demo/source" in out


def test_bad_date_argument_is_a_usage_error(tmp_path):
    code, _, err = run_cli_process("kpis", "--as-of", "31/12/2015", "--json")
    assert code == 2 and "--as-of" in err
    assert err.endswith("argument --as-of: « 31/12/2015 » : écrivez la date AAAA-MM-JJ, ici 2015-12-31\n")


@pytest.mark.parametrize("value", ["2015-02-30", "30/02/2015", "hier"])
def test_a_date_that_is_none_says_how_to_write_one(value):
    code, out, err = run_cli("breakdown", "budget", "--by", "year", "--as-of", value)
    assert code == 2 and not out
    assert err.endswith(
        f"argument --as-of: date illisible ou inexistante « {value} » : écrivez-la AAAA-MM-JJ "
        "(2015-06-30 pour le 30 juin 2015)\n"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Orléans", "Orléans"),
        (42, 42),
        (None, None),
    ],
)
def test_text_a_spreadsheet_would_run_is_escaped(value, shown):
    assert safe_text(value) == shown


def test_rejected_rows_of_earlier_loads_stay_readable(tmp_path):
    db = tmp_path / "d.duckdb"
    bad = write_source(tmp_path / "bad", {"members.csv": MEMBERS})
    good = write_source(tmp_path / "good", {})
    for source in (bad, good, good):
        assert run_cli("load", source, "--db", db)[0] == 0
    with connect_ro(db) as con:
        assert [len(rejects(con, n)) for n in (1, 2, 3)] == [2, 0, 0]
        assert rejects(con) == []  # the latest load's
        assert con.execute("SELECT count(*) FROM load_log").fetchone() == (3,)
        counts = "SELECT rows_rejected FROM load_tables WHERE table_name = 'members' ORDER BY load_id"
        assert con.execute(counts).fetchall() == [(2,), (0,), (0,)]


def test_unknown_organisation_is_warned_about(tmp_path):
    db = tmp_path / "d.duckdb"
    run_cli("load", write_source(tmp_path / "src", {}), "--db", db)
    code, out, err = run_cli(
        "kpis", "--db", db, "--as-of", "2015-01-01", "--organisation", "Ville d'Orleans", "--json"
    )
    assert code == 0 and json.loads(out)["managers"] == 0
    assert (
        err
        == "Attention : aucun agent n'a organisation = « Ville d'Orleans ». Valeurs connues : Agglo, Ville.\n"
    )
    code, out, err = run_cli(
        "kpis", "--db", db, "--as-of", "2015-01-01", "--organisation", " ville ", "--json"
    )
    assert err == ""


def test_the_survey_protections_report_each_survey_done_then_the_read_model(tmp_path, monkeypatch):
    # tests/fixtures/edge holds 4 surveys (surveys.csv, E1 to E4)
    monkeypatch.setenv("CADRAN_READ_MODEL", "on")
    calls = []
    load(FIXTURES / "edge", tmp_path / "d.duckdb", lambda table, count: calls.append((table, count)))
    steps = [c for c in calls if c[0] not in (PROTECTIONS, READ_MODEL)]
    assert len(steps) == 2 * len(TABLES)  # read, then checked
    assert [c for c in calls if c[0] == PROTECTIONS] == [
        (PROTECTIONS, None),
        *((PROTECTIONS, Share(k, 4)) for k in range(1, 5)),
    ]
    assert calls[-1] == (READ_MODEL, None)  # last: the pages' default reads, computed ahead
    code, _, err = run_cli("load", FIXTURES / "edge", "--db", tmp_path / "e.duckdb")
    assert code == 0, err
    lines = err.splitlines()
    assert lines.index("… enquêtes : protection des petits groupes") < lines.index(
        "… enquêtes protégées : 4 / 4"
    )
    assert lines.index("… enquêtes protégées : 4 / 4") < lines.index("… modèle de lecture")
    assert [line for line in lines if line.startswith("… enquêtes protégées")] == [
        f"… enquêtes protégées : {k} / 4"
        for k in range(1, 5)  # every tenth of 4 surveys: each one
    ]


def _load_with_stdout(tmp_path, stdout, *args: str, **popen):
    """`python -m etl load` of a small source with the given stdout; (exit code, stderr)."""
    source = write_source(tmp_path / "src", {})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(source), "--db", str(tmp_path / "d.duckdb"), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        **popen,
    )
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("json_flag", [(), ("--json",)], ids=["lines", "json"])
def test_a_load_published_into_a_reader_gone_exits_0(tmp_path, json_flag):
    """`python -m etl load … | head -0`: the reader is gone before the first line (contract section 5:
    0 when published); stderr says the report was not delivered."""
    read, write = os.pipe()
    os.close(read)
    try:
        code, err = _load_with_stdout(tmp_path, write, *json_flag)
    finally:
        os.close(write)
    assert code == 0, err
    assert "Traceback" not in err
    assert (
        "Attention : chargement n° 1 publié, mais la sortie a été fermée avant la fin du compte rendu." in err
    )
    with connect_ro(tmp_path / "d.duckdb") as con:
        assert con.execute("SELECT max(load_id) FROM load_log").fetchone() == (1,)


def test_a_load_with_stdout_closed_exits_0(tmp_path):
    """`python -m etl load … >&-`: no stdout at all; published, so 0."""
    code, err = _load_with_stdout(tmp_path, None, preexec_fn=lambda: os.close(1))
    assert code == 0, err
    assert "Traceback" not in err
    with connect_ro(tmp_path / "d.duckdb") as con:
        assert con.execute("SELECT max(load_id) FROM load_log").fetchone() == (1,)


def test_every_connection_keeps_stdout_clean_and_its_memory_within_the_limit(monkeypatch):
    """DuckDB's progress bar would print into `--json` at 100 times the demo; its memory is bounded
    (256 MB, or CADRAN_DUCKDB_MEMORY) so that a load stays under 600 MB in all."""
    setting = "SELECT current_setting('enable_progress_bar'), current_setting('memory_limit')"
    with open_duckdb() as con:
        assert con.execute(setting).fetchone() == (False, "244.1 MiB")  # 256 000 000 bytes
    monkeypatch.setenv("CADRAN_DUCKDB_MEMORY", "1GB")
    with open_duckdb() as con:
        assert con.execute(setting).fetchone() == (False, "953.6 MiB")
