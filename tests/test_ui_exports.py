"""The app's export buttons (ui/downloads.py): a click builds the file for the filters, then offers it."""

from __future__ import annotations

import io

import openpyxl
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from etl.figures import theme


def script():
    import datetime as dt

    from etl.model.view import Filters
    from ui.downloads import report_button, slides_button, summary_button

    f = Filters(as_of=dt.date(2015, 6, 30), organisation="Ville d'Orléans")
    summary_button(f)
    slides_button(f)
    report_button(f)


def test_buttons_build_the_files_of_the_filters(app_db, monkeypatch):
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_function(script, default_timeout=120)
    at.run()
    assert [b.label for b in at.button] == [
        "Classeur Excel de synthèse",
        "Diaporama PowerPoint",
        "Rapport hors ligne (HTML)",
    ]
    assert not at.get("download_button")  # nothing built before a click
    for i in range(3):
        at.button[i].click().run()
    assert not at.exception
    assert len(at.get("download_button")) == 3
    # each names its kind of file, short enough for a third of 1 280 px (not the whole file name)
    assert [d.proto.label for d in at.get("download_button")] == [
        "Télécharger (.xlsx)",
        "Télécharger (.pptx)",
        "Télécharger (.html)",
    ]
    (_, summary), (_, deck), (_, report) = (
        at.session_state[f"export-{k}"] for k in ("summary", "slides", "report")
    )
    book = openpyxl.load_workbook(io.BytesIO(summary))
    assert book.worksheets[0]["B3"].value == "Ville d'Orléans"
    assert (
        len(Presentation(io.BytesIO(deck)).slides) == 8
    )  # one per message of etl.documents.slide_specs.ORDER
    assert b"window.PlotlyConfig" in report


def test_chart_images_for_a_projector():
    config = theme.plotly_config("participation-direction")
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "filename": "cadran-participation-direction",
        "scale": 3,
    }
    # plotly's own words in French (its English is plotly's): the camera's tooltip, the months
    french = theme.plotly_config("x", "fr")["locales"]["fr"]
    assert french["dictionary"]["Download plot as a PNG"] == "Télécharger le graphique (PNG)"
    assert french["format"]["shortMonths"][:3] == ["janv.", "févr.", "mars"]
    assert french["format"]["days"][:2] == ["dimanche", "lundi"]
    assert "locales" not in theme.plotly_config("x", "en")


def test_hr_lists_are_built_on_request_only(app_db, monkeypatch):
    import datetime as dt

    from etl.documents.scope import Scope
    from ui.downloads import build

    monkeypatch.setenv("CADRAN_DB", str(app_db))
    book = openpyxl.load_workbook(io.BytesIO(build("hr_lists", Scope(dt.date(2015, 6, 30)))))
    assert book.sheetnames == ["Membres", "Cadres jamais venus"]
    assert book.worksheets[0]["B4"].value == "Nom"


def opendata_script():
    import datetime as dt

    from etl.model.view import Filters
    from ui.downloads import opendata_button

    opendata_button(Filters(as_of=dt.date(2015, 6, 30)))


def test_the_open_data_button_builds_the_package_as_a_zip(app_db, monkeypatch, tmp_path):
    import json
    import zipfile

    from frictionless import Package

    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_function(opendata_script, default_timeout=120)
    at.run()
    assert [b.label for b in at.button] == ["Préparer les données ouvertes"]
    at.button[0].click().run()
    assert not at.exception
    assert [d.proto.label for d in at.get("download_button")] == ["Télécharger (.zip)"]
    _, content = at.session_state["export-opendata"]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        archive.extractall(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["cadran"]["as_of"] == "2015-06-30"
    assert Package(str(tmp_path / "datapackage.json")).validate().valid  # what frictionless validate says
