"""The blois-like sample: every figure of its expected.json, through the real CLI."""

import json

import pytest

from etl.__main__ import main as etl_main
from tests.conftest import ROOT, SAMPLE, run_cli

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


def test_sample_copy_is_the_shared_one():
    """The copy under tests/fixtures must not drift from ../shared when it is there (skipped in a
    clone without it: ../shared/tools/check-sample is then the cross-check)."""
    shared = ROOT.parent / "shared" / "samples" / "blois-like" / "expected.json"
    if not shared.exists():
        pytest.skip("no ../shared beside this clone")
    assert json.loads(shared.read_text(encoding="utf-8")) == EXPECTED


def _label(value):
    """Labels compare as text: JSON true / 2014 are "true" / "2014"."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


@pytest.mark.parametrize(
    "want",
    EXPECTED["breakdowns"],
    ids=lambda b: "-".join(str(b[k]) for k in ("name", "by", "as_of", "organisation", "since") if k in b),
)
def test_breakdowns_match_expected(sample_db, capsys, want):
    args = ["breakdown", want["name"], "--by", want["by"], "--db", sample_db, "--as-of", want["as_of"]]
    for option in ("organisation", "since"):
        if option in want:
            args += [f"--{option}", want[option]]
    code = etl_main([*map(str, args), "--json"])
    got = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [r["label"] for r in got] == [_label(r["label"]) for r in want["rows"]]
    for g, w in zip(got, want["rows"], strict=True):
        for name, value in w.items():
            if name == "label":
                continue
            if isinstance(value, float):
                assert g[name] == pytest.approx(value, abs=1e-9), (w["label"], name)
            else:  # a count is a JSON integer (146, not 146.0), a null stays null
                assert g[name] == value and type(g[name]) is type(value), (w["label"], name, g[name])
