"""The presenter's deck, written by the real CLI and re-opened with python-pptx; and the specs."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from etl.documents.slide_specs import ORDER, slide_specs
from etl.store.db import connect_ro
from tests.conftest import ROOT, cli_json, load_db, run_cli
from tests.names import assert_no_names

DEMO = ROOT / "data" / "demo" / "source"
AS_OF = "2015-06-30"
CHART_TYPES = [
    XL_CHART_TYPE.DOUGHNUT,
    XL_CHART_TYPE.BAR_CLUSTERED,
    XL_CHART_TYPE.BAR_CLUSTERED,
    XL_CHART_TYPE.LINE,
    XL_CHART_TYPE.COLUMN_CLUSTERED,
    XL_CHART_TYPE.COLUMN_CLUSTERED,
    XL_CHART_TYPE.COLUMN_CLUSTERED,
    XL_CHART_TYPE.BAR_CLUSTERED,
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    load_db(db, DEMO)
    return db


@pytest.fixture(scope="module")
def deck_path(demo_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pptx") / "deck.pptx"
    code, _, err = run_cli("slides", "--db", demo_db, "--as-of", AS_OF, "--out", out)
    assert code == 0, err
    return out


def charts(prs):
    return [next(s.chart for s in slide.shapes if s.has_chart) for slide in prs.slides]


def texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def test_specs_in_the_presenter_order(demo_db):
    with connect_ro(demo_db) as con:
        specs = slide_specs(con, dt.date(2015, 6, 30))
    assert tuple(s.key for s in specs) == ORDER
    assert all(s.caption == "Situation au 30 juin 2015 · Toutes collectivités" for s in specs)
    # the audience reads where the figures come from; the load they were read from is the presenter's
    assert all(s.source == "Source : Cadran, données RH" for s in specs)
    assert all("Source : Cadran, chargement n° 1" in s.notes for s in specs)


def test_deck_slides_16_9_with_native_charts(deck_path):
    prs = Presentation(deck_path)
    assert len(prs.slides) == len(ORDER)
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)
    assert [c.chart_type for c in charts(prs)] == CHART_TYPES
    for slide in prs.slides:  # the reference date and the source on each slide
        assert any("Situation au 30 juin 2015" in t and "Source : Cadran" in t for t in texts(slide))


def test_deck_messages_and_values(deck_path, demo_db, capsys):
    prs = Presentation(deck_path)
    slides = list(prs.slides)
    # headline: 146 member managers of 480 in post (kpis at 2015-06-30), so 334 others; 146 / 480 = 30 %
    assert "146 cadres membres du réseau sur 480 en poste : 30\u00a0% de participation." in texts(slides[0])
    assert list(charts(prs)[0].plots[0].series[0].values) == [146, 334]
    # participation: the breakdown by organisation, managers > 0, lowest rate first
    _, rows = cli_json(
        capsys, "breakdown", "participation", "--by", "organisation", "--db", demo_db, "--as-of", AS_OF
    )
    rates = sorted(r["manager_participation_rate"] for r in rows if r["managers"])
    bars = charts(prs)[1]
    assert list(bars.plots[0].series[0].values) == pytest.approx(rates)
    assert bars.plots[0].data_labels.number_format == "[$-40C]0 %"  # French whatever the machine's locale
    # actions: the breakdown by status, its labels in French
    _, rows = cli_json(capsys, "breakdown", "actions", "--by", "status", "--db", demo_db, "--as-of", AS_OF)
    actions = charts(prs)[6]
    assert list(actions.plots[0].series[0].values) == [r["actions"] for r in rows]
    assert list(actions.plots[0].categories) == ["Abandonnée", "Terminée", "En cours", "Non démarrée"]
    assert "20 actions terminées sur 39 ; 9 en retard." in texts(slides[6])
    # budget: planned and spent by year up to D's year
    _, rows = cli_json(capsys, "breakdown", "budget", "--by", "year", "--db", demo_db, "--as-of", AS_OF)
    budget = charts(prs)[5].plots[0]
    assert list(budget.categories) == [r["label"] for r in rows if r["label"] <= "2015"]
    assert list(budget.series[1].values) == [r["spent_eur"] for r in rows if r["label"] <= "2015"]
    assert budget.data_labels.number_format == '[$-40C]#,##0 "€"'


def test_deck_of_one_organisation(demo_db, tmp_path):
    out = tmp_path / "ville.pptx"
    code, _, err = run_cli(
        "slides", "--db", demo_db, "--as-of", AS_OF, "--organisation", "Ville d'Orléans", "--out", out
    )
    assert code == 0, err
    prs = Presentation(out)
    # README: on 30 June 2015, Ville d'Orléans, 146 of 350 managers are members (42 %)
    assert "146 cadres membres du réseau sur 350 en poste : 42\u00a0% de participation." in texts(
        prs.slides[0]
    )
    assert "Ville d'Orléans" in texts(prs.slides[0])[-1]


def test_no_name_in_the_deck(deck_path, demo_db):
    with zipfile.ZipFile(deck_path) as z:
        text = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert_no_names(demo_db, text)


@pytest.mark.parametrize("command, ext", [("slides", "pptx"), ("report", "html"), ("export", "xlsx")])
def test_files_of_an_empty_scope(demo_db, tmp_path, command, ext):
    """Before any data, and for an organisation nobody belongs to: a file, charts left out, no error."""
    cases = (
        (["--as-of", "2011-01-01"], len(ORDER) - 1),
        (["--as-of", AS_OF, "--organisation", "Nulle part"], len(ORDER)),
    )
    for extra, slides in cases:  # no survey was opened by 2011: no survey slide
        out = tmp_path / f"empty.{ext}"
        code, _, err = run_cli(command, "--db", demo_db, *extra, "--out", out)
        assert code == 0, err
        assert out.stat().st_size > 0
        if ext == "pptx":
            assert len(Presentation(out).slides) == slides
    assert "aucun agent n'a organisation = « Nulle part »" in err


def test_the_survey_slide_of_one_organisation_gives_its_respondents(demo_db, capsys):
    """Invited is not split by organisation (contract section 4): within one, the survey slide
    counts that organisation's respondents and says the rate is not split, instead of « — »."""
    with connect_ro(demo_db) as con:
        whole = slide_specs(con, dt.date(2015, 6, 30))[-1]
        ville = slide_specs(con, dt.date(2015, 6, 30), "Ville d'Orléans")[-1]
    _, kpis = cli_json(capsys, "kpis", "--db", demo_db, "--as-of", AS_OF)
    assert (whole.figures[1].label, whole.figures[1].value) == (
        "Réponse à l'enquête",
        pytest.approx(kpis["survey_response_rate"]),
    )
    # survey_respondents.csv of the demo: the 2014 barometer's 243 questionnaires all name Ville d'Orléans
    assert (ville.figures[1].label, ville.figures[1].text) == ("Répondants (taux non ventilé)", "243")


def test_the_working_together_slide(deck_path, demo_db, capsys):
    prs = Presentation(deck_path)
    _, kpis = cli_json(capsys, "kpis", "--db", demo_db, "--as-of", AS_OF)
    with connect_ro(demo_db) as con:
        spec = slide_specs(con, dt.date(2015, 6, 30))[2]
        before = slide_specs(con, dt.date(2014, 6, 30))[2]
    assert spec.title == "Travailler ensemble"
    assert spec.figures[0].value == pytest.approx(kpis["cross_direction_hours_share"])
    assert spec.figures[1].value == pytest.approx(
        kpis["cross_direction_hours_share"] - before.figures[0].value
    )
    assert spec.figures[2].value == pytest.approx(kpis["hours_share_top_10pct"])
    slide = prs.slides[2]
    assert spec.message in texts(slide)
    bars = charts(prs)[2].plots[0]
    # the six directions working least across, the least first (as the participation slide)
    shares = list(bars.series[0].values)
    assert len(shares) == 6 and shares == sorted(shares)
    assert list(bars.categories)[0] == "Direction de l'éducation"  # 66 %: it meets among itself most
