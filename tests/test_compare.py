"""Networks side by side: packages read back give each network's own `kpis --json` at its date, a
package of another schema is refused naming the field, the workbook and the Comparer page show it."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.cli import main as etl_main
from etl.documents import comparison, opendata
from etl.model.kpis import headline
from etl.store.db import connect_ro
from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import read_as_text
from tests.loads import load_db
from tests.packages import package

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo" / "source"
SAMPLE = ROOT / "tests" / "fixtures" / "blois-like" / "source"
SHIPPED = ROOT / "data" / "demo" / "networks" / "reseau-exemple-blois"
D = dt.date(2015, 6, 30)
D_SAMPLE = dt.date(2017, 6, 30)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return load_db(tmp_path_factory.mktemp("demo") / "demo.duckdb", DEMO)


@pytest.fixture(scope="module")
def demo_package(demo_db, tmp_path_factory) -> Path:
    return package(demo_db, tmp_path_factory.mktemp("pkg") / "demo", D, network="Réseau iX")


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = etl_main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _kpis(capsys, db: Path, as_of: dt.date) -> dict:
    code, out, _ = _cli(capsys, "kpis", "--db", db, "--as-of", as_of.isoformat(), "--json")
    assert code == 0
    return json.loads(out)


def test_compare_prints_what_each_network_prints_with_kpis(capsys, demo_db, sample_db, demo_package):
    code, out, _ = _cli(capsys, "compare", demo_package, SHIPPED, "--json")
    assert code == 0
    demo, sample = json.loads(out)
    assert (demo["name"], demo["as_of"]) == ("Réseau iX", "2015-06-30")
    assert (sample["name"], sample["as_of"]) == ("Réseau exemple, généré (Blois, échantillon)", "2017-06-30")
    demo_kpis = _kpis(capsys, demo_db, D)
    assert demo["kpis"] == {k: v for k, v in demo_kpis.items() if k != "as_of"}
    sample_kpis = _kpis(capsys, sample_db, D_SAMPLE)
    assert sample["kpis"] == {k: v for k, v in sample_kpis.items() if k != "as_of"}
    # by hand: the README's network at 30/06/2015, 146 member managers of 480 in post (both organisations)
    assert (demo["kpis"]["member_managers"], demo["kpis"]["managers"]) == (146, 480)
    assert demo["budget_per_participant"] == pytest.approx(
        demo_kpis["budget_spent_eur"] / demo_kpis["participants"]
    )
    assert sample["kpis"]["managers"] < demo["kpis"]["managers"]  # the second network is the smaller one


def test_the_shipped_network_is_what_the_sample_gives_today(sample_db):
    """data/demo/networks is generated (make demo-networks): it still says what the sample gives, read
    as its package would state it (test_this_network_reads_as_its_package: the same as building one)."""
    with connect_ro(sample_db) as con:
        fresh = comparison.this_network(con, D_SAMPLE)
    shipped = comparison.read_network(SHIPPED)
    assert (fresh.kpis, fresh.favourable, fresh.survey) == (shipped.kpis, shipped.favourable, shipped.survey)


def test_this_network_reads_as_its_package(demo_db, demo_package):
    with connect_ro(demo_db) as con:
        ours = comparison.this_network(con, D, "Réseau iX")
    theirs = comparison.read_network(demo_package)
    assert (ours.kpis, ours.favourable, ours.survey) == (theirs.kpis, theirs.favourable, theirs.survey)
    assert ours.survey == "Baromètre managérial 2014"


def test_a_zip_reads_as_its_folder(demo_package, tmp_path):
    archive = tmp_path / "demo.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in demo_package.parent.iterdir():
            out.write(path, path.name)
    assert comparison.read_network(archive).kpis == comparison.read_network(demo_package.parent).kpis


def _altered(package: Path, tmp_path: Path, change) -> Path:
    copy = tmp_path / "altered"
    shutil.copytree(package.parent, copy)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    change(descriptor)
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return copy


def test_a_package_of_another_schema_is_refused_naming_the_field(capsys, demo_package, tmp_path):
    def retype(descriptor):
        resource = next(r for r in descriptor["resources"] if r["name"] == "indicateurs-par-mois")
        field = next(f for f in resource["schema"]["fields"] if f["name"] == "hours_invested")
        field["type"] = "string"

    altered = _altered(demo_package, tmp_path, retype)
    code, out, err = _cli(capsys, "compare", demo_package, altered, "--json")
    assert code == 1 and out == ""
    assert "altered" in err and "« indicateurs-par-mois »" in err and "« hours_invested » (number)" in err
    with pytest.raises(comparison.PackageError) as refused:
        comparison.read_network(altered)
    assert (refused.value.code, refused.value.params["field"]) == ("field_differs", "hours_invested")


def test_a_package_without_a_resource_is_refused(demo_package, tmp_path):
    def drop(descriptor):
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "enquetes-par-theme"]

    with pytest.raises(comparison.PackageError, match="« enquetes-par-theme » manque") as refused:
        comparison.read_network(_altered(demo_package, tmp_path, drop))
    assert refused.value.words("en") == "altered: the resource “enquetes-par-theme” is missing"


def test_the_workbook_sets_the_networks_side_by_side(capsys, demo_package, tmp_path):
    out = tmp_path / "comparaison.xlsx"
    code, _, _ = _cli(capsys, "compare", demo_package, SHIPPED, "--out", out)
    assert code == 0
    ws = openpyxl.load_workbook(out)["Comparaison"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=4) if r[0].value}
    assert [c.value for c in rows["Indicateur"][1:3]] == [
        "Réseau iX",
        "Réseau exemple, généré (Blois, échantillon)",
    ]
    rate = rows[t("manager_participation_rate", "fr")]
    assert rate[1].value == pytest.approx(146 / 480) and rate[1].number_format == "0 %"
    assert rows[t("budget_per_participant", "fr")][1].number_format == '#,##0 "€"'
    assert rows[t("compare.as_of", "fr")][1].value == dt.datetime(2015, 6, 30)


def shown_table(at) -> pd.DataFrame:
    """The Comparer's first table as its reader sees it: an HTML table of escaped Markdown, read back
    as text (headers and cells)."""
    frame = at.table[0].value
    frame.columns = [read_as_text(str(c)) for c in frame.columns]
    return frame.map(lambda v: read_as_text(str(v)))


def test_the_page_shows_this_network_beside_the_shipped_one(app, app_db, facts, monkeypatch, tmp_path):
    monkeypatch.setenv("CADRAN_NETWORKS", str(tmp_path / "kept"))
    at = app("pages/compare.py", as_of=facts["as_of"])
    frame = shown_table(at)
    with connect_ro(app_db) as con:
        h = headline(con, facts["as_of"])
        name = opendata.network_name(con)
    ours = f"{t('compare.this', 'fr', name=name)} · {fmt.date(facts['as_of'], 'fr')}"
    theirs = f"Réseau exemple, généré (Blois, échantillon) · {fmt.date(D_SAMPLE, 'fr')}"
    assert list(frame.columns) == [t("compare.figure", "fr"), ours, theirs]
    rows = frame.set_index(t("compare.figure", "fr"))
    assert rows.loc[t("manager_participation_rate", "fr"), ours] == fmt.percent(
        h["manager_participation_rate"]
    )
    shipped = comparison.read_network(SHIPPED)
    assert rows.loc[t("managers", "fr"), theirs] == fmt.integer(shipped.kpis["managers"])
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert bars["y"] == [t("compare.this", "fr", name=name), "Réseau exemple, généré (Blois, échantillon)"]
    assert bars["text"][1] == fmt.percent(shipped.kpis["manager_participation_rate"])


def test_an_added_package_is_checked_kept_and_shown(app, monkeypatch, tmp_path, demo_package, facts):
    kept = tmp_path / "kept"
    monkeypatch.setenv("CADRAN_NETWORKS", str(kept))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for path in demo_package.parent.iterdir():
            out.write(path, path.name)
    network = comparison.keep("Réseau iX.zip", buffer.getvalue())
    assert network.name == "Réseau iX" and (kept / "R-seau-iX.zip").exists()
    assert oct((kept / "R-seau-iX.zip").stat().st_mode & 0o777) == "0o600"
    with pytest.raises(comparison.PackageError):
        comparison.keep("bad.zip", b"not a zip")
    assert sorted(p.name for p in kept.iterdir()) == ["R-seau-iX.zip"]  # a refused one is not kept
    at = app("pages/compare.py", as_of=facts["as_of"])
    assert any(h.startswith("Réseau iX · ") for h in shown_table(at).columns)
