"""LibreOffice headless as a real client: it opens the Excel summary and the deck and converts them.

Needs ``soffice`` (scripts/install-libreoffice.sh, run by ``make test``). Missing, the test fails
in CI and is skipped, saying so, on a developer's machine without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, load_db, run_cli

pytestmark = pytest.mark.libreoffice  # make test-fast leaves these out

DEMO = ROOT / "data" / "demo" / "source"
SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def soffice():
    if SOFFICE is None:
        message = "soffice missing: run scripts/install-libreoffice.sh (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return SOFFICE


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lo")
    db = folder / "demo.duckdb"
    load_db(db, DEMO)
    out = {"xlsx": folder / "synthese.xlsx", "pptx": folder / "reseau.pptx", "hr": folder / "listes-rh.xlsx"}
    for command, path, extra in (
        ("export", out["xlsx"], []),
        ("slides", out["pptx"], []),
        ("export", out["hr"], ["--hr-lists"]),
    ):
        code, _, err = run_cli(command, "--db", db, "--as-of", "2015-06-30", "--out", path, *extra)
        assert code == 0, err
    return out


def convert(soffice: str, path: Path, target: str, tmp_path: Path) -> Path:
    """``soffice --headless --convert-to TARGET``, with a profile of its own (others may run one)."""
    profile = tmp_path / "profile"
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr
    result = tmp_path / f"{path.stem}.{target.split(':')[0]}"
    assert result.is_file() and result.stat().st_size > 0, proc.stdout + proc.stderr
    return result


@pytest.mark.parametrize("kind", ["xlsx", "pptx", "hr"])
def test_libreoffice_converts_to_pdf(soffice, files, tmp_path, kind):
    pdf = convert(soffice, files[kind], "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_libreoffice_shows_the_french_formats(soffice, files, tmp_path):
    """The summary sheet as LibreOffice shows it (CSV, cells as shown): 30 %, 30 juin 2015."""
    csv = convert(
        soffice, files["xlsx"], "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true", tmp_path
    )
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert "Situation au;30 juin 2015;;" in lines
    assert any(line.startswith("Participation des cadres;30 %;") for line in lines)
    assert any(line.startswith("Budget dépensé (cumul);71") and "€" in line for line in lines)
