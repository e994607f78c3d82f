"""`make run` prints the address it really serves: the port given (PORT=…, or STREAMLIT_SERVER_PORT)
is the one handed to Streamlit. Run with a stand-in python and streamlit that print their arguments."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT


@pytest.fixture
def stand_in(tmp_path):
    """A virtualenv whose python says no account is configured and whose streamlit echoes its
    arguments, already installed, with a database newer than the demo source."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    scripts = {
        "python": "#!/bin/sh\nexit 1\n",
        "streamlit": '#!/bin/sh\necho "streamlit $*"\necho "CADRAN_LOCAL=$CADRAN_LOCAL"\n',
    }
    for name, text in scripts.items():
        (venv / "bin" / name).write_text(text)
        (venv / "bin" / name).chmod(0o755)
    (venv / ".installed").touch()
    (tmp_path / "cadran.duckdb").touch()
    return tmp_path


def _make_run(stand_in, *args: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("STREAMLIT_", "MAKE"))}
    proc = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "run",
            f"VENV={stand_in / 'venv'}",
            f"DB={stand_in / 'cadran.duckdb'}",
            *args,
        ],
        cwd=ROOT,
        env={**environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_make_run_prints_the_port_it_serves(stand_in):
    out = _make_run(stand_in, "PORT=8600")
    assert "Cadran: http://localhost:8600" in out.splitlines()
    assert "--server.port 8600 --server.address 127.0.0.1" in out  # what Streamlit was given
    assert "8501" not in out


def test_make_run_follows_streamlit_server_port(stand_in):
    out = _make_run(stand_in, STREAMLIT_SERVER_PORT="8700")
    assert "Cadran: http://localhost:8700" in out.splitlines()
    assert "--server.port 8700" in out and "8501" not in out


def test_make_run_chooses_the_local_mode_only_without_accounts(stand_in):
    """The local mode is make run's explicit choice (CADRAN_LOCAL=1), on 127.0.0.1; with accounts
    configured it is not set, and a CADRAN_LOCAL of the shell is not what opens it."""
    out = _make_run(stand_in, "PORT=8600")
    assert "CADRAN_LOCAL=1" in out.splitlines()
    assert "--server.address 127.0.0.1" in out
    python = stand_in / "venv" / "bin" / "python"
    python.write_text("#!/bin/sh\nexit 0\n")  # `python -m etl users configured`: accounts exist
    out = _make_run(stand_in, "PORT=8600", CADRAN_LOCAL="")
    assert "CADRAN_LOCAL=" in out.splitlines() and "CADRAN_LOCAL=1" not in out
