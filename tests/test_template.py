"""What Cadran expects: the template workbook is the contract (etl.intake.schema) and loads as a source."""

from __future__ import annotations

import datetime as dt

import openpyxl

from etl.documents import template
from etl.intake.schema import TABLES
from tests.conftest import run_cli


def test_template_has_a_sheet_per_table_with_french_headers_and_validation(tmp_path):
    path = tmp_path / "modele.xlsx"
    path.write_bytes(template.workbook())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [t.name for t in TABLES]
    assert [c.value for c in book["staff"][1]][:3] == ["Matricule", "Nom", "Prénom"]  # from the contract
    rules = {str(v.sqref): (v.type, v.formula1) for v in book["attendance"].data_validations.dataValidation}
    assert rules["C2:C1001"] == ("list", '"inscrit,présent,absente,excusé"')  # status
    assert rules["D2:D1001"][0] == "decimal"  # hours
    staff_rules = {str(v.sqref): v.type for v in book["staff"].data_validations.dataValidation}
    assert staff_rules["J2:J1001"] == "list"  # is_manager: oui / non
    assert staff_rules["K2:K1001"] == "date"  # hire_date


def test_the_filled_template_is_a_source(tmp_path):
    path = tmp_path / "source" / "modele-cadran.xlsx"
    path.parent.mkdir()
    path.write_bytes(template.workbook())
    book = openpyxl.load_workbook(path)
    book["staff"].append(
        ["P1", "Durand", "Paul", None, "Ville", "DG", None, None, None, "oui", dt.date(2010, 1, 1)]
    )
    book["members"].append(["P1", dt.date(2014, 1, 1), None, "pilote"])
    book.save(path)
    code, out, err = run_cli("load", path.parent, "--db", tmp_path / "db.duckdb", "--json")
    assert code == 0, err
    import json

    counts = json.loads(out)["tables"]
    assert (counts["staff"]["loaded"], counts["members"]["loaded"], counts["members"]["rejected"]) == (
        1,
        1,
        0,
    )


def test_the_data_page_lists_what_is_expected_and_offers_the_template(app):
    at = app("pages/data.py")
    headers = next(f.value for f in at.dataframe if "En-tête (français)" in f.value.columns)
    row = headers[(headers["Table"] == "attendance") & (headers["Colonne"] == "status")]
    assert row["En-tête (français)"].tolist() == ["Statut"]
    files = next(f.value for f in at.dataframe if "Noms de fichier acceptés" in f.value.columns)
    assert files.loc[files["Table"] == "staff", "Obligatoire"].tolist() == ["oui"]
    assert any(b.proto.id.endswith("expected-template") for b in at.get("download_button"))
