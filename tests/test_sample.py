"""The blois-like sample: every figure of its expected.json, through the real CLI."""

import json

import pytest

from tests.conftest import SAMPLE, run_cli

EXPECTED = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))


def test_load_counts_match_expected(tmp_path):
    code, out, _ = run_cli("load", SAMPLE / "source", "--db", tmp_path / "s.duckdb", "--json")
    assert code == 0
    got = json.loads(out)
    assert got["published"] is True
    for table, want in EXPECTED["load"].items():
        assert got["tables"][table] == want, table
        assert want["read"] == want["loaded"] + want["rejected"]


@pytest.mark.parametrize(
    "want", EXPECTED["kpis"], ids=lambda w: f"{w['as_of']}-{w.get('organisation', 'all')}"
)
def test_kpis_match_expected(sample_db, want):
    args = ["kpis", "--db", sample_db, "--as-of", want["as_of"], "--json"]
    if "organisation" in want:
        args += ["--organisation", want["organisation"]]
    code, out, err = run_cli(*args)
    assert code == 0, err
    got = json.loads(out)
    for name, value in want.items():
        if isinstance(value, float):
            assert got[name] == pytest.approx(value, abs=1e-9), name
        else:
            assert got[name] == value, name


def test_organisation_matches_ignoring_case_and_spaces(sample_db):
    code, out, _ = run_cli(
        "kpis", "--db", sample_db, "--as-of", "2015-03-31", "--organisation", "  agglopolys ", "--json"
    )
    assert code == 0
    assert json.loads(out)["managers"] == 60
