"""Shared fixtures: sources written into tmp_path, the real loader, the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from etl.__main__ import main as etl_main

pytest_plugins = ["tests.app_support"]  # the dashboard's AppTest fixtures: app_db, facts, app

ROOT = Path(__file__).resolve().parent.parent
# a copy of ../shared/samples/blois-like, so the suite stands alone; ../shared/tools/check-sample
# stays the cross-check against the shared original
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "blois-like"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

STAFF = """person_id,organisation,direction,is_manager,hire_date,leave_date
P1,Ville,DG,oui,2010-01-01,
P2,Ville,DG,non,2010-01-01,
P3,Agglo,RH,oui,2010-01-01,2015-01-01
P4,Agglo,RH,oui,,
"""


def write_source(folder: Path, files: dict[str, str | bytes], staff: bool = True) -> Path:
    """A source folder holding `files` (text is written as UTF-8), plus a small staff.csv unless given."""
    folder.mkdir(parents=True, exist_ok=True)
    if staff and not any(n.lower().startswith("staff.") for n in files):
        (folder / "staff.csv").write_text(STAFF, encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def loaded_db(folder: Path, files: dict[str, str | bytes]) -> Path:
    """`files` written as a source in `folder`/source, loaded by the real CLI into `folder`/db.duckdb."""
    source = write_source(folder / "source", files)
    db = folder / "db.duckdb"
    code, _, err = run_cli("load", source, "--db", db)
    assert code == 0, err
    return db


def fixture_db(tmp_path_factory, name: str) -> Path:
    """tests/fixtures/`name` loaded by the real CLI into a fresh database."""
    db = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
    code, _, err = run_cli("load", FIXTURES / name, "--db", db)
    assert code == 0, err
    return db


def run_cli(*args: str) -> tuple[int, str, str]:
    """The real `python -m etl` in a separate process: exit code, stdout, stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "etl", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)  # fmt: skip
    return proc.returncode, proc.stdout, proc.stderr


def cli_json(capsys, *args: str) -> tuple[int, dict]:
    """`python -m etl ARGS --json` in this process (fast): exit code and the JSON it printed."""
    code = etl_main([*map(str, args), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture(scope="session", autouse=True)
def no_accounts(tmp_path_factory):
    """The suite runs in the local single-user mode, chosen explicitly (CADRAN_LOCAL=1, as make run
    does), unless a test configures accounts: a users file or secrets of the developer's own
    machine never change what it sees."""
    empty = tmp_path_factory.mktemp("accounts")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CADRAN_LOCAL", "1")
        mp.setenv("CADRAN_USERS", str(empty / "users.json"))
        mp.setenv("CADRAN_SECRETS", str(empty / "secrets.toml"))
        # the fixtures are dated 2015: the 5-year retention would purge their leavers (tests of
        # retention turn it on)
        mp.setenv("CADRAN_RETENTION_YEARS", "off")
        yield


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The blois-like sample loaded by the real loader into a fresh database."""
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    code, out, err = run_cli("load", SAMPLE / "source", "--db", db, "--json")
    assert code == 0, err
    return db
