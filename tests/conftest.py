"""Shared fixtures: sources written into tmp_path, the real loader and the real CLI, in this process.

A fixture is loaded in process, once per source per session (tests/loads.py), and copied for each
test; ``run_cli`` calls the command line's ``main`` in this process. ``run_cli_process`` starts
the real ``python -m etl``: it is for the tests of the command line itself (exit codes, a closed
output, standard input, a killed or concurrent load, another user, a process's peak memory). A
test of the modes a command gives its files sets the umask before each ``run_cli``, as a new
process would start. Open-data packages are written once per database and date (tests/packages.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles

from etl.admin import users
from etl.cli import main as etl_main
from tests import loads
from tests.loads import load_db

pytest_plugins = ["tests.app_support"]  # the dashboard's AppTest fixtures: app_db, facts, app

ROOT = Path(__file__).resolve().parent.parent
# a copy of ../shared/samples/blois-like, so the suite stands alone; ../shared/tools/check-sample
# stays the cross-check against the shared original
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "blois-like"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UMASK = os.umask(0o022)  # the umask this session started with (read by setting it, then put back)
os.umask(UMASK)

STAFF = """person_id,organisation,direction,is_manager,hire_date,leave_date
P1,Ville,DG,oui,2010-01-01,
P2,Ville,DG,non,2010-01-01,
P3,Agglo,RH,oui,2010-01-01,2015-01-01
P4,Agglo,RH,oui,,
"""


# The modules that take longest, first, as measured by `make test` on a 2-core machine (the browser's
# and the survey property's, then the longest of `make test-fast`); every other module after them in
# file order. pytest-xdist hands whole modules to the worker that is free (--dist loadscope, without
# its reordering by test count: the Makefile), so a long module sent last no longer leaves the other
# worker idle while it runs (the property test, one test of 76 s, went last).
LONGEST_FIRST = (
    "test_browser_pages",
    "test_browser_texts_whole",
    "test_survey_privacy",
    "test_browser_auth",
    "test_browser",
    "test_browser_together",
    "test_browser_audience",
    "test_hostile_input",
    "test_gdpr",
    "test_compare",
    "test_mail",
    "test_read_model",
    "test_cli",
    "test_versions",
    "test_auth",
    "test_survey_reuse",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: position for position, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))  # stable: file order otherwise


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
    """`files` written as a source in `folder`/source, loaded by the real loader into `folder`/db.duckdb
    (in this process, once per content per session: tests/loads.py)."""
    return load_db(folder / "db.duckdb", write_source(folder / "source", files))


def fixture_db(tmp_path_factory, name: str) -> Path:
    """tests/fixtures/`name` loaded by the real loader into a fresh database (once per session)."""
    return load_db(tmp_path_factory.mktemp(name) / f"{name}.duckdb", FIXTURES / name)


def run_cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """`python -m etl ARGS` in this process (etl.cli.main, what etl/__main__.py runs): exit code,
    stdout, stderr; argparse's exits (--help, a usage error) give their code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        real_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            code = etl_main([*map(str, args)])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        finally:
            sys.stdin = real_stdin
    return code, out.getvalue(), err.getvalue()


def run_cli_process(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """The real `python -m etl` in a separate process: exit code, stdout, stderr (seconds: for the
    tests of the command line as a process)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "etl", *map(str, args)]
    proc = subprocess.run(
        command, input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )
    return proc.returncode, proc.stdout, proc.stderr


def cli_json(capsys, *args: str) -> tuple[int, dict]:
    """`python -m etl ARGS --json` in this process (fast): exit code and the JSON it printed."""
    code = etl_main([*map(str, args), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture(scope="session", autouse=True)
def load_cache(tmp_path_factory):
    """One cache of loaded fixtures for the session, shared by pytest-xdist's workers."""
    base = tmp_path_factory.getbasetemp()
    loads.configure((base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "cadran-loads")


@pytest.fixture(autouse=True)
def process_umask():
    """Each test starts with the umask the session started with: a load or an export in this process
    tightens it (etl.store.storage.private_umask), which a fresh `python -m etl` would not inherit."""
    os.umask(UMASK)
    yield
    os.umask(UMASK)


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes():
    """Passwords hashed in this process at argon2's profile for tests: a deployed hash costs 0.25 s
    and 64 MiB by design, and the suite hashes hundreds. The same code hashes and checks them; a
    ``python -m etl`` started by a test, the browser tests' server and every deployment hash at the
    recommended cost (tests/test_auth.py checks a hash the command line writes)."""
    cheap = PasswordHasher.from_parameters(profiles.CHEAPEST)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(users, "_hasher", cheap)
        users._dummy.cache_clear()
        yield
    users._dummy.cache_clear()


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
        # loads skip the pages' precomputed reads, 40 % of a small load: the database the pages'
        # tests read keeps them (app_db), and tests/test_read_model.py checks they are what a visit
        # computes
        mp.setenv("CADRAN_READ_MODEL", "off")
        yield


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The blois-like sample loaded by the real loader into a fresh database."""
    return load_db(tmp_path_factory.mktemp("sample") / "sample.duckdb", SAMPLE / "source")
