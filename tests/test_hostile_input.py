"""One test per cause: hostile or faulty input gives a clear message, never a traceback;
read = loaded + rejected; a load that publishes nothing leaves the published database as it was."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest

from etl.store.db import connect_ro
from etl.text.cells import rejects
from etl.text.reject_words import load_error
from tests.conftest import ROOT, cli_json, load_db, run_cli, write_source

HEADER = "person_id,organisation,direction,is_manager,hire_date,leave_date\n"
ROW = "P{},Ville,Équipe {},oui,2010-01-01,\n"
ROWS = "".join(ROW.format(i, i) for i in range(1, 6))
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "CADRAN_LOCAL": "1"}  # read at import: the local mode said here


@pytest.fixture
def published(tmp_path):
    """A database published from a good source, and its bytes to compare after a failed load."""
    db = tmp_path / "pub" / "pub.duckdb"
    load_db(db, write_source(tmp_path / "good", {}))
    return db, db.read_bytes()


def _staff(db: Path) -> list[tuple]:
    with connect_ro(db) as con:
        return con.execute("SELECT person_id, direction FROM stg_staff ORDER BY _ord").fetchall()


def _load_json(tmp_path, files, staff=False):
    src = write_source(tmp_path / "src", files, staff=staff)
    db = tmp_path / "t.duckdb"
    code, out, err = run_cli("load", src, "--db", db, "--json")
    assert "Traceback" not in err
    return code, json.loads(out), err, db


# --- 1. reading files: encodings, line ends, a line that cannot be read -------------------------------

GOOD = [("P1", "Équipe 1"), ("P2", "Équipe 2"), ("P3", "Équipe 3"), ("P4", "Équipe 4"), ("P5", "Équipe 5")]
BIG = "x" * 140_000
# (case, staff.csv bytes, rows loaded (id, direction), rejected {line: reason start})
READING = [
    ("LF", (HEADER + ROWS).encode(), GOOD, {}),
    ("CRLF", (HEADER + ROWS).replace("\n", "\r\n").encode(), GOOD, {}),
    ("CR only", (HEADER + ROWS).replace("\n", "\r").encode(), GOOD, {}),
    ("UTF-8 with BOM", (HEADER + ROWS).encode("utf-8-sig"), GOOD, {}),
    ("cp1252", (HEADER + ROWS).encode("cp1252"), GOOD, {}),
    ("UTF-16 with BOM", (HEADER + ROWS).encode("utf-16"), GOOD, {}),
    (
        "UTF-16 LE without BOM, tabs, CRLF",
        (HEADER + ROWS).replace(",", "\t").replace("\n", "\r\n").encode("utf-16-le"),
        GOOD,
        {},
    ),
    (
        "unclosed quote does not swallow the 47 rows after it",
        (
            HEADER + 'P0,"Ville,DG,oui,2010-01-01,\n' + "".join(ROW.format(i, i) for i in range(1, 48))
        ).encode(),
        [(f"P{i}", f"Équipe {i}") for i in range(1, 48)],
        {"2": "ligne illisible : guillemet ouvert jamais fermé"},
    ),
    (
        "unclosed quote, rows after it without their empty last columns",
        (
            HEADER + 'P0,"Ville,DG,oui\n' + "".join(f"P{i},Ville,Équipe {i},oui\n" for i in range(1, 60))
        ).encode(),
        [(f"P{i}", f"Équipe {i}") for i in range(1, 60)],
        {"2": "ligne illisible : guillemet ouvert jamais fermé"},
    ),
    (
        "a quoted value over several lines, with commas",
        (HEADER + 'P1,Ville,"Équipe 1,\nsuite, et fin",oui,,\n' + ROWS[ROWS.index("P2") :]).encode(),
        [("P1", "Équipe 1,\nsuite, et fin"), *GOOD[1:]],
        {},
    ),
    (
        "unclosed quote on the last line",
        (HEADER + ROWS + 'P9,"Ville,DG,oui,,\n').encode(),
        GOOD,
        {"7": "ligne illisible : guillemet ouvert jamais fermé"},
    ),
    (
        "a cp1252 line inside a UTF-8 file",
        (HEADER + ROWS).encode() + ROW.format(6, 6).encode("cp1252") + ROW.format(7, 7).encode(),
        [*GOOD, ("P7", "Équipe 7")],
        {"7": "ligne illisible : octets d'un autre encodage"},
    ),
    (
        "a BOM in the middle of the file",
        (HEADER + ROWS.replace("P3", "\ufeffP3")).encode("utf-8-sig"),
        GOOD,
        {},
    ),
    (
        "NUL bytes",
        (HEADER + ROWS.replace("P3,Ville", "P3,Vil\x00le")).encode(),
        [g for g in GOOD if g[0] != "P3"],
        {"4": "ligne illisible : caractère nul"},
    ),
    (
        "field over 128 KB (fast reader)",
        (HEADER + ROWS.replace("Équipe 3", BIG)).encode(),
        [g for g in GOOD if g[0] != "P3"],
        {"4": "valeur de plus de 128 Ko"},
    ),
    (
        "quoted field over 128 KB (careful reader)",
        (HEADER + ROWS.replace("Équipe 3", f'"{BIG}\nsuite"') + "\n\n").encode(),
        [g for g in GOOD if g[0] != "P3"],
        {"4": "valeur de plus de 128 Ko"},
    ),
]


@pytest.mark.parametrize(
    ("content", "loaded", "rejected"), [c[1:] for c in READING], ids=[c[0] for c in READING]
)
def test_files_are_read_as_hr_tools_write_them_and_a_bad_line_is_rejected_alone(
    tmp_path, content, loaded, rejected
):
    code, out, err, db = _load_json(tmp_path, {"staff.csv": content})
    assert code == 0, err
    counts = out["tables"]["staff"]
    assert counts == {"read": len(loaded) + len(rejected), "loaded": len(loaded), "rejected": len(rejected)}
    assert _staff(db) == loaded  # exact values: no BOM, NUL or mojibake left inside
    with connect_ro(db) as con:
        got = {r[2]: r[4] for r in rejects(con)}
    assert got.keys() == rejected.keys()
    for line, reason in rejected.items():
        assert got[line].startswith(reason)
    with connect_ro(db) as con:
        texts = {r[2]: r[5] for r in rejects(con) if r[3] == "*"}
    assert all(t.startswith("P") and "\x00" not in t for t in texts.values())  # the line, for HR to find it


# --- 2. resources: an xlsx bomb ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> bytes:
    """A real workbook (sheet staff) whose sheet XML is padded to 200 MB: it zips to some 600 KB."""
    wb = openpyxl.Workbook()
    wb.active.title = "staff"
    wb.active.append(["person_id", "organisation", "direction", "is_manager"])
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for member in src.infolist():
            data = src.read(member)
            if member.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(member, data)
                continue
            head, tail = data.split(b"</sheetData>")
            row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
            with dst.open(member.filename, "w") as f:
                f.write(head)
                for _ in range(200):
                    f.write(row * (1024**2 // len(row)))
                f.write(b"</sheetData>" + tail)
    return out.getvalue()


def _peak(script: str) -> tuple[float, str]:
    """Run `script` in a fresh interpreter; its peak resident memory in MB, and what it printed."""
    script += "\nimport resource\nprint('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=300
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    peak = float(proc.stdout.rsplit("PEAK ", 1)[1])
    print(f"peak memory: {peak:.0f} MB")  # the figure the issue asks for (pytest -s shows it)
    return peak, proc.stdout


def _cli_peak(source: Path, db: Path) -> tuple[float, dict]:
    peak, out = _peak(
        f"from etl.__main__ import main\nmain(['load', {str(source)!r}, '--db', {str(db)!r}, '--json'])"
    )
    return peak, json.loads(out.splitlines()[0])


def _upload_peak(files: dict[str, bytes], db: Path) -> tuple[float, str]:
    """The Data page's upload form (AppTest), in a fresh interpreter: peak memory and the messages shown."""
    spool = db.parent / "upload"
    spool.mkdir(exist_ok=True)
    for name, content in files.items():
        (spool / name).write_bytes(content)
    peak, out = _peak(f"""
import os
from pathlib import Path
os.environ["CADRAN_DB"] = {str(db)!r}
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("dashboard.py", default_timeout=120)
at.run()
at.switch_page("pages/data.py").run()
files = [(p.name, p.read_bytes(), "application/octet-stream") for p in sorted(Path({str(spool)!r}).iterdir())]
at.file_uploader(key="upload_files").set_value(files).run()
at.button(key="upload_check").click().run()  # the scratch check, which may already refuse it
if "upload_confirm" in [c.key for c in at.checkbox]:
    at.checkbox(key="upload_confirm").check().run()
if [b for b in at.button if b.key == "upload_go" and not b.disabled]:
    at.button(key="upload_go").click().run()
assert not at.exception, at.exception
print("SHOWN", [m.value for m in (*at.error, *at.success)])""")
    return peak, out.split("SHOWN ", 1)[1].splitlines()[0]


def test_a_workbook_bomb_is_refused_before_reading_from_the_cli(tmp_path, published, bomb):
    db, before = published
    source = write_source(tmp_path / "bomb", {"staff.xlsx": bomb}, staff=False)
    peak, out = _cli_peak(source, db)
    assert out["published"] is False
    assert out["error"].startswith("staff.xlsx : classeur refusé avant lecture")
    assert "exportez la table en CSV" in out["error"]
    assert peak < 600
    assert db.read_bytes() == before


def test_a_workbook_bomb_is_refused_from_the_upload_form(tmp_path, published, bomb):
    db, before = published
    peak, shown = _upload_peak({"staff.xlsx": bomb}, db)
    assert "Rien n'a été publié. staff.xlsx : classeur refusé avant lecture" in shown
    assert peak < 600
    assert db.read_bytes() == before


def test_a_bomb_that_lies_about_its_sizes_is_refused_too(tmp_path):
    from etl.intake.sources import LoadError, check_workbook

    path = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<x>" + b" " * (13 * 1024**2) + b"</x>")
    data = bytearray(path.read_bytes())
    for offset in _size_fields(data):  # declare 1 KB uncompressed, in both headers
        data[offset : offset + 4] = (1024).to_bytes(4, "little")
    path.write_bytes(data)
    with pytest.raises(LoadError) as refused:
        check_workbook(path)
    assert re.match(
        r"liar\.xlsx : classeur (refusé avant lecture|Excel illisible)", load_error(refused.value, "fr")
    )


def _size_fields(data: bytearray) -> list[int]:
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    return [local + 22, central + 24]


# --- 3. numbers and dates ----------------------------------------------------------------------------

BUDGET = (
    "date,category,planned_eur,spent_eur\n2015-01-01,a,NaN,\n2015-01-01,a,,Infinity\n2015-01-01,a,1e300,\n"
    "2015-01-01,a,10000001,\n2015-01-01,a,,-inf\n2015-01-01,a,10 000 000,\n2015-01-01,a,,12\n"
)
FAR_STAFF = (
    HEADER + "P1,V,D,oui,0001-01-01,\nP2,V,D,oui,2010-01-01,31/12/9999\nP3,V,D,oui,1899-12-31,\n"
    "P4,V,D,oui,2010-01-01,2101-01-01\nP5,V,D,oui,31/12/9999,\nP6,V,D,oui,1900-01-01,2100-12-31\n"
)
FAR = {
    "staff.csv": FAR_STAFF,
    "budget.csv": BUDGET,
    "members.csv": "person_id,joined_on,left_on\nP2,2012-01-01,9999-12-31\nP6,1850-01-01,\n",
    "actions.csv": "action_id,title,due_on\nA1,x,31/12/9999\nA2,y,3015-01-01\n",
    "surveys.csv": "survey_id,title,opened_on,closed_on\nE1,x,2015-01-01,31/12/9999\n",
}


def test_numbers_are_finite_and_plausible_and_dates_bounded(tmp_path):
    code, out, err, db = _load_json(tmp_path, FAR)
    assert code == 0, err
    tables = out["tables"]
    assert tables["budget"] == {"read": 7, "loaded": 2, "rejected": 5}
    assert tables["staff"] == {"read": 6, "loaded": 2, "rejected": 4}
    assert tables["members"] == {"read": 2, "loaded": 1, "rejected": 1}
    assert tables["actions"] == {"read": 2, "loaded": 1, "rejected": 1}
    with connect_ro(db) as con:
        reasons = {(r[0], r[2]): r[4] for r in rejects(con)}
        # 31/12/9999 is "no end" in the four end dates, and still out of bounds elsewhere
        assert con.execute("SELECT person_id, leave_date FROM stg_staff").fetchall()[0] == ("P2", None)
        assert con.execute("SELECT left_on FROM stg_members").fetchall() == [(None,)]
        assert con.execute("SELECT due_on FROM stg_actions").fetchall() == [(None,)]
        assert con.execute("SELECT closed_on FROM stg_surveys").fetchall() == [(None,)]
        assert con.execute("SELECT max(planned_eur) FROM stg_budget").fetchone() == (10_000_000,)
    assert reasons[("budget", "2")] == "nombre attendu, pas NaN ni l'infini : « NaN »"
    assert reasons[("budget", "3")] == "nombre attendu, pas NaN ni l'infini : « Infinity »"
    assert reasons[("budget", "4")] == "doit être au plus 10 000 000 : « 1e300 »"
    assert reasons[("staff", "6")].startswith("date hors des bornes (du 01/01/1900 au 31/12/2100")
    assert reasons[("staff", "6")].endswith(": « 31/12/9999 »")  # a hire date never means "no end"
    code, printed, err = run_cli("kpis", "--db", db, "--as-of", "2015-06-30", "--json")
    assert code == 0, err
    figures = json.loads(printed, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    assert figures["budget_spent_eur"] == 12.0 and figures["budget_planned_eur"] == 10_000_000


def test_nan_and_far_dates_stay_under_600_mb_from_the_cli_and_the_upload(tmp_path, published):
    db, _ = published
    peak, out = _cli_peak(write_source(tmp_path / "far", FAR, staff=False), tmp_path / "cli.duckdb")
    assert out["published"] is True and out["tables"]["budget"]["rejected"] == 5
    assert peak < 600
    peak, shown = _upload_peak({n: c.encode() for n, c in FAR.items()}, db)
    assert "Chargement n° 2 publié : 7 lignes chargées, 11 rejetées." in shown
    assert peak < 600


# --- 4. the file system --------------------------------------------------------------------------------


def test_only_regular_files_of_the_folder_are_read(tmp_path):
    source = write_source(tmp_path / "src", {})
    (tmp_path / "secret.csv").write_text("person_id,joined_on\nP1,2014-01-01\n")
    (source / "members.csv").symlink_to(tmp_path / "secret.csv")  # leads outside
    (source / "groups.csv").symlink_to(tmp_path / "nowhere.csv")  # dangling
    os.mkfifo(source / "sessions.csv")  # would block whoever opens it
    (source / "ideas").mkdir()
    (source / "ideas" / "ideas.csv").write_text("idea_id,title\nI1,x\n")
    (source / "ideas" / "b.csv").write_text("date,category,spent_eur\n2015-01-01,a,5\n")
    (source / "budget.csv").symlink_to(source / "ideas" / "b.csv")  # a link that stays inside: followed
    proc = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(source), "--db", str(tmp_path / "d.duckdb"), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        timeout=60,
    )
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    ignored = {i["file"]: i["detail"] for i in out["ignored"]}
    assert ignored["members.csv"] == "ignoré : lien qui mène hors du dossier source"
    assert ignored["groups.csv"] == "ignoré : lien vers un fichier absent"
    assert ignored["sessions.csv"].startswith("ignoré : ce n'est pas un fichier ordinaire")
    assert ignored["ideas"].startswith("ignoré : sous-dossier")
    assert out["tables"]["members"]["read"] == out["tables"]["ideas"]["read"] == 0
    assert out["tables"]["budget"] == {"read": 1, "loaded": 1, "rejected": 0}
    assert proc.returncode == 0


def test_a_fifo_named_like_a_table_never_blocks_the_load(tmp_path):
    source = write_source(tmp_path / "src", {})
    os.mkfifo(source / "members.csv")
    proc = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(source), "--db", str(tmp_path / "d.duckdb"), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        timeout=60,
    )
    assert proc.returncode == 0 and json.loads(proc.stdout)["published"] is True


@pytest.mark.parametrize(
    "case",
    ["--db under a file", "--db is a folder", "--db is not a database", "--rejects into a missing folder"],
)
def test_a_target_that_cannot_be_written_fails_before_publishing(tmp_path, published, case):
    db, before = published
    source = write_source(tmp_path / "src", {"members.csv": "person_id,joined_on\nZZ,2014-01-01\n"})
    args = ["load", source, "--db", db]
    if case == "--db under a file":
        args[-1] = db / "sub" / "x.duckdb"
    elif case == "--db is a folder":
        args[-1] = db.parent
    elif case == "--db is not a database":
        args[-1] = source / "staff.csv"
    else:
        args += ["--rejects", tmp_path / "missing" / "rejets.csv"]
    code, out, err = run_cli(*args)
    assert code == 1 and "Traceback" not in err
    (line,) = [x for x in err.splitlines() if not x.startswith("…")]
    assert line.startswith(f"Erreur : {args[-1]} : ")
    assert db.read_bytes() == before
    assert (source / "staff.csv").read_text().startswith("person_id,")  # never replaced by a database


def test_a_read_only_data_folder_fails_before_publishing():
    """Root ignores permission bits: the CLI runs as nobody, in a folder nobody may enter."""
    root = Path(tempfile.mkdtemp(prefix="cadran-ro-"))
    try:
        root.chmod(0o755)
        source, data = write_source(root / "src", {}), root / "data"
        # the source readable by nobody whatever this process's umask (a load in process before this
        # test made it private: etl.store.storage.private_umask): the data folder is what is read-only here
        source.chmod(0o755)
        for file in source.iterdir():
            file.chmod(0o644)
        data.mkdir()
        load_db(data / "pub.duckdb", source)
        before = (data / "pub.duckdb").read_bytes()
        data.chmod(0o555)
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        proc = subprocess.run(
            [*nobody, sys.executable, "-m", "etl", "load", str(source), "--db", str(data / "pub.duckdb")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=ENV,
            timeout=120,
        )
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.splitlines()[-1] == (
            f"Erreur : {data / 'pub.duckdb'} : le dossier data est en lecture seule ; la base ne peut pas y être écrite."
        )
        assert (data / "pub.duckdb").read_bytes() == before
    finally:
        (root / "data").chmod(0o755)
        shutil.rmtree(root)


def test_a_closed_output_still_tells_that_the_load_was_published(tmp_path, published):
    db, _ = published
    source = write_source(tmp_path / "src", {})
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(source), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=ENV,
    )
    proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, (
        err
    )  # published (contract section 5): `| head` must not read a failure
    assert "Traceback" not in err
    assert "Attention : chargement n° 2 publié, mais la sortie a été fermée" in err
    with connect_ro(db) as con:
        assert con.execute("SELECT max(load_id) FROM load_log").fetchone() == (2,)


# --- 5. a staff file with no loaded row ----------------------------------------------------------------


@pytest.mark.parametrize(
    "staff",
    [HEADER, HEADER + "\n\n", HEADER + ",V,D,oui,,\nP1,V,D,peut-être,,\n"],
    ids=["header only", "header and blank lines", "every row rejected"],
)
def test_a_staff_table_with_no_loaded_row_fails_the_load(tmp_path, published, staff):
    db, before = published
    source = write_source(tmp_path / "src", {"staff.csv": staff})
    code, out, err = run_cli("load", source, "--db", db, "--json")
    assert code == 1 and "Traceback" not in err
    error = json.loads(out)["error"]
    assert error.startswith("staff.csv : aucun agent chargé") and "Rien n'a été publié" in error
    assert db.read_bytes() == before


# --- 6. what HR reads ------------------------------------------------------------------------------------


def test_a_reference_to_a_rejected_row_names_that_row(tmp_path, capsys):
    staff = HEADER + "P1,V,D,oui,2010-01-01,\n" + "".join(f"P{i},V,D,oui,,\n" for i in range(2, 11))
    staff += "B00010,V,D,oui,2012-01-01,2011-01-01\n"  # line 12: leaves before being hired
    files = {
        "staff.csv": staff,
        "members.csv": "person_id,joined_on\nB00010,2014-01-01\nZZ9,2014-01-01\n",
        "contributions.csv": "person_id,date,hours\nB00010,2015-01-01,2\nP1,2015-01-01,1\n",
    }
    code, out = cli_json(capsys, "load", write_source(tmp_path / "src", files), "--db", tmp_path / "t.duckdb")
    assert code == 0
    with connect_ro(tmp_path / "t.duckdb") as con:
        got = {(r[0], r[2]): r[4] for r in rejects(con)}
    assert got[("members", "2")] == "B00010 : sa ligne dans staff.csv (ligne 12) a été rejetée"
    assert got[("contributions", "2")] == "B00010 : sa ligne dans staff.csv (ligne 12) a été rejetée"
    assert got[("members", "3")] == "inconnu dans staff : « ZZ9 »"  # really absent: said so


def test_reasons_follow_the_interface_language(tmp_path, capsys):
    from ui.rejects_panel import reason

    files = {"members.csv": "person_id,joined_on,role\nP1,31/02/2015,\nP2,2014-01-01,chef\nZZ,2014-01-01,\n"}
    cli_json(capsys, "load", write_source(tmp_path / "src", files), "--db", tmp_path / "t.duckdb")
    with connect_ro(tmp_path / "t.duckdb") as con:
        rows = con.execute("SELECT reason, problems FROM load_rejects ORDER BY _ord").fetchall()
    assert [reason(p, r, "fr") for r, p in rows] == [r for r, _ in rows]  # one French wording, CLI and page
    assert [reason(p, r, "en") for r, p in rows] == [
        "this date does not exist: the format is right, but there is no such day: “31/02/2015”",
        "unknown value (expected, French label or code: membre (member), pilote (pilot), chef de projet "
        "(project_lead), référent RH (hr_referent), coordinateur (coordinator)): “chef”",
        "not found in staff: “ZZ”",
    ]


def test_survey_rejects_keep_no_value_in_the_database_or_the_csv(tmp_path):
    files = {
        "surveys.csv": "survey_id,title,opened_on\nE1,x,2015-01-01\n",
        "survey_questions.csv": "survey_id,question_id,text,kind\nE1,Q1,Q,likert5\nE1,Q2,Commentaire,text\n",
        "survey_respondents.csv": "survey_id,respondent_id,direction\nE1,R1,DG\nE1,P1,Culture\n",
        "survey_answers.csv": "survey_id,respondent_id,question_id,value\nE1,R1,Q1,9\n"
        "E1,R1,Q2,mon chef M. Dupont,de trop\nE1,R7,Q1,4\n",
    }
    source = write_source(tmp_path / "src", files)
    db, csv_path = tmp_path / "t.duckdb", tmp_path / "rejets.csv"
    code, out, err = run_cli("load", source, "--db", db, "--rejects", csv_path)
    assert code == 0, err
    with connect_ro(db) as con:
        stored = con.execute("SELECT * FROM load_rejects").fetchall()
    written = csv_path.read_text(encoding="utf-8-sig")
    assert len(stored) == 4
    for secret in ("9", "Dupont", "de trop", "R7", "P1", "Culture"):
        assert not any(secret in str(v) for row in stored for v in row[5:]), secret  # reason, raw, problems
        assert secret not in written.split("\n", 1)[1].replace("survey_", ""), secret


# --- 8. server paths ----------------------------------------------------------------------------------


def test_the_history_names_source_folders_never_server_paths(tmp_path, capsys):
    db = tmp_path / "d.duckdb"
    source = write_source(tmp_path / "exports" / "2015-06", {})
    assert cli_json(capsys, "load", source, "--db", db)[0] == 0
    with connect_ro(db) as con:
        assert con.execute("SELECT source FROM load_log").fetchall() == [("2015-06",)]
    # a database published by an older version recorded the server path, and survey values
    import duckdb

    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE load_log SET source = '/home/rh/data/demo/source'")
        con.execute(
            "INSERT INTO load_rejects (load_id, table_name, file, line, column_name, reason, raw, _ord) "
            "VALUES (1, 'survey_answers', 'a.csv', '2', 'value', 'réponse attendue : oui ou non : « mon chef »', "
            '\'{"value": "mon chef"}\', 1)'
        )
    assert cli_json(capsys, "load", source, "--db", db)[0] == 0
    with connect_ro(db) as con:
        assert con.execute("SELECT source FROM load_log ORDER BY load_id").fetchall() == [
            ("source",),
            ("2015-06",),
        ]
        assert con.execute("SELECT reason, raw FROM load_rejects").fetchall() == [
            ("réponse attendue : oui ou non", None)
        ]


PAGES = ["overview", "participation", "training", "surveys", "actions", "budget", "data"]
TAB_KEYS = {
    "participation": "participation_tab",
    "training": "training_tab",
    "surveys": "survey_tab",
    "actions": "actions_tab",
}  # session state


def test_no_page_crashes_at_the_bounds_of_the_dates(tmp_path, monkeypatch):
    """Data spanning 1900-2100 (the contract's bounds), shown at both ends of the picker."""
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    from tests.conftest import loaded_db

    files = {
        "staff.csv": HEADER + "P1,V,D,oui,1900-01-02,\nP2,V,D,non,2015-01-01,\n",
        "members.csv": "person_id,joined_on\nP1,1900-01-05\n",
        "budget.csv": "date,category,planned_eur,spent_eur\n1900-01-03,a,10,5\n2100-12-30,b,1,1\n",
    }
    monkeypatch.setenv("CADRAN_DB", str(loaded_db(tmp_path, files)))
    for day in (dt.date(1900, 1, 1), dt.date(2100, 12, 31)):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.run()
        at.sidebar.date_input[0].set_value(day).run()
        for page in PAGES:
            at.switch_page(f"pages/{page}.py").run()
            assert not at.exception, (page, day, at.exception)
            assert page in TAB_KEYS or not at.tabs, page  # (the surveys page has none without surveys)
            for view in [tab.label for tab in at.tabs][1:]:  # lazy tabs: each one built in its turn
                at.session_state[TAB_KEYS[page]] = view
                at.run()
                assert not at.exception, (page, view, day, at.exception)
