"""The open-data package: a valid Frictionless package of aggregates only."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package

from etl.__main__ import main as etl_main
from etl.documents import opendata, opendata_rows
from etl.store.db import connect_ro
from tests.loads import load_db
from tests.packages import package

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo" / "source"
D = dt.date(2015, 6, 30)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return load_db(tmp_path_factory.mktemp("demo") / "demo.duckdb", DEMO)


@pytest.fixture(scope="module")
def demo_package(demo_db, tmp_path_factory) -> Path:
    """The package the Comparer's tests read too (tests/test_compare.py: written once per session)."""
    return package(demo_db, tmp_path_factory.mktemp("opendata"), D, network="Réseau iX")


def table(folder: Path, name: str) -> pd.DataFrame:
    """A resource's CSV as text, empty cells as '' (read as French Excel reads it: ``;``, UTF-8 with BOM)."""
    return pd.read_csv(
        folder / f"{name}.csv", dtype=str, keep_default_na=False, sep=";", encoding="utf-8-sig"
    )


def test_the_package_validates(demo_package):
    report = Package(str(demo_package)).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads(demo_package.read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["licenses"] == [
        {
            "name": "etalab-2.0",
            "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            "title": "Licence Ouverte / Open Licence version 2.0",
        }
    ]
    assert descriptor["title"] == "Cadran — réseau des cadres au 30 juin 2015"
    names = [r["name"] for r in descriptor["resources"]]
    assert names == [
        "indicateurs-par-mois",
        "participation-par-direction",
        "heures-par-type",
        "heures-par-theme",
        "travail-entre-directions",
        "budget-par-annee",
        "budget-par-categorie",
        "plan-action-par-axe",
        "plan-action-par-statut",
        "enquetes-par-theme",
    ]
    for resource in descriptor["resources"]:  # every file a resource, every column titled in French
        text = (demo_package.parent / resource["path"]).read_text("utf-8")
        assert text.startswith("\ufeff")  # the byte-order mark French Excel needs to read UTF-8
        header = next(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert all(f["title"] for f in resource["schema"]["fields"])


def test_headline_figures_as_kpis_for_an_organisation_and_a_month(demo_package):
    rows = table(demo_package.parent, "indicateurs-par-mois")
    orleans = rows[(rows["date"] == "2015-06-30") & (rows["organisation"] == "Ville d'Orléans")].iloc[0]
    # the data contract's own example (section 4): 146 member managers of 350 managers in post
    assert (orleans["member_managers"], orleans["managers"]) == ("146", "350")
    assert orleans["manager_participation_rate"].startswith("0,41714")  # 146 / 350, a decimal comma
    assert orleans["masque"] == "false"
    # a month end before D, every organisation and the whole network
    assert {"2014-12-31", "2015-05-31", "2015-06-30"} <= set(rows["date"])
    assert set(rows[rows["date"] == "2015-05-31"]["organisation"]) == {
        "Ensemble du réseau",
        "Ville d'Orléans",
        "Orléans Métropole",
    }


def demo_people() -> tuple[list[str], list[str]]:
    """The demo's names and e-mails (text searched in every byte) and its matricules (whole cells)."""
    with open(DEMO / "staff.csv", encoding="cp1252", newline="") as f:
        staff = list(csv.DictReader(f, delimiter=";"))
    words = [r["Courriel"] for r in staff if r["Courriel"]]
    words += [f"{r['Prénom']} {r['Nom']}" for r in staff] + [r["Nom"] for r in staff if len(r["Nom"]) > 3]
    return words, [r["Matricule"] for r in staff]


def test_no_person_in_any_byte(demo_package):
    words, ids = demo_people()
    assert len(ids) > 1000 and "gilles.perrot@ville-orleans.example" in words  # the staff file was read
    for path in demo_package.parent.iterdir():
        text = path.read_text(encoding="utf-8")
        found = [w for w in words if w in text]
        assert not found, (path.name, found[:5])
        if path.suffix == ".csv":
            cells = {c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row}
            assert not cells & set(ids), path.name
    assert "person_id" not in "".join(p.read_text("utf-8") for p in demo_package.parent.iterdir())


def test_a_hidden_survey_cell_is_empty_with_its_flag(demo_package):
    rows = table(demo_package.parent, "enquetes-par-theme")
    hidden = rows[rows["masque"] == "true"]
    assert not hidden.empty
    assert (hidden["respondents"] == "").all() and (hidden["favourable"] == "").all()
    shown = rows[rows["masque"] == "false"]
    assert (shown["respondents"].astype(int) >= 5).all()
    # the network's 2014 barometer, as the survey page shows it: 243 respondents, every theme pooled
    whole = shown[(shown["survey_id"] == "ENQ-2014") & (shown["organisation"] == "Ensemble du réseau")]
    assert whole[whole["theme"] == "*"]["respondents"].tolist() == ["243"]


def test_no_count_of_one_to_four_people(demo_package):
    people = {
        "managers",
        "member_managers",
        "members",
        "active_members_12m",
        "participants",
        "staff",
        "respondents",
    }
    for path in demo_package.parent.glob("*.csv"):
        rows = table(demo_package.parent, path.stem)
        for column in people & set(rows.columns):
            small = rows[rows[column].isin(["1", "2", "3", "4"])]
            assert small.empty, (path.name, column, small.head())


@pytest.fixture(scope="module")
def early_package(demo_db, tmp_path_factory) -> Path:
    """At 2013-06-30, the Direction générale des services had 3 participants (hand-counted in the
    demo's attendance: the only direction under 5 that day)."""
    return package(demo_db, tmp_path_factory.mktemp("early"), dt.date(2013, 6, 30))


def test_a_direction_of_fewer_than_5_participants_is_not_named(early_package):
    assert Package(str(early_package)).validate().valid
    rows = table(early_package.parent, "travail-entre-directions")
    assert "Direction générale des services" not in set(rows["direction"])
    others = rows[rows["direction"] == "Autres directions"]
    # gathered alone, the group is still 3 people: its people figures stay empty
    assert others[["participants", "hours", "masque"]].values.tolist() == [["", "", "true"]]


@pytest.mark.parametrize(
    ("values", "within", "hidden"),
    [
        ([10, 3, 20], None, [True, True, False]),  # 3 hidden, then 10: 33 - 20 gives nothing back
        ([10, 0, 20], None, [False, False, False]),  # nobody is not a small group
        ([2, 3, 20], None, [True, True, False]),  # two hidden already keep each other
        ([3, 20, 4, 30], ["a", "a", "b", "b"], [True, True, True, True]),  # each total alone
    ],
)
def test_protect(values, within, hidden):
    frame = pd.DataFrame({"n": values, "hours": [1.5] * len(values), "g": within or ["x"] * len(values)})
    out = opendata_rows.protect(frame, {"n": ("hours",)}, "g" if within else None)
    assert out["masque"].tolist() == hidden
    assert [v is None for v in out["hours"]] == hidden


def test_text_is_never_a_formula():
    assert opendata.cell("=SUM(A1)", "string") == "'=SUM(A1)"
    assert opendata.cell(0.1 + 0.2, "number") == "0,30000000000000004"  # every digit, a decimal comma
    assert opendata.cell(1e-7, "number") == "0,0000001"
    assert opendata.cell(None, "integer") == ""


def test_the_command_writes_one_line_per_resource_and_the_zip_holds_the_same(demo_db, tmp_path, capsys):
    out = tmp_path / "paquet"
    assert etl_main(["opendata", "--out", str(out), "--db", str(demo_db), "--as-of", "2012-05-31"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [r.name for r in opendata.RESOURCES]
    assert [line.split()[0] for line in lines[:-1]] == names
    assert lines[-1].startswith("Écrit : ") and lines[-1].endswith("datapackage.json")
    assert lines[0].split() == ["indicateurs-par-mois", "lignes", "6"]  # April and May 2012, 3 rows each
    with connect_ro(demo_db) as con:
        archive = zipfile.ZipFile(io.BytesIO(opendata.package_zip(con, dt.date(2012, 5, 31))))
    assert sorted(archive.namelist()) == sorted(p.name for p in out.iterdir())
    csv_name = "budget-par-annee.csv"
    assert archive.read(csv_name) == (out / csv_name).read_bytes()
