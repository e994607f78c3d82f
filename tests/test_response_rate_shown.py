"""One rule for the survey response rate everywhere: the contract's. The rate reveals no
answer (data contract, section 4), so a survey of 4 respondents shows its count and its rate on
the surveys page, the overview card, the Excel summary, the deck, the offline report and in
``kpis``, while its answers stay hidden (fewer than 5).

The survey: 10 invited, 4 respondents, so 4 / 10 = 40 % (« 40 % » with a non-breaking space).
"""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from tests.app_support import ROOT, metrics
from tests.conftest import loaded_db, run_cli

AS_OF = dt.date(2015, 6, 30)
RATE = "40\xa0%"
RESPONDENTS = "".join(f"S1,R{i},Ville,DG,oui,oui\n" for i in range(4))
ANSWERS = "".join(f"S1,R{i},Q1,{4 + i % 2}\n" for i in range(4))
SOURCE = {
    "surveys.csv": "survey_id,title,opened_on,closed_on,invited\nS1,Baromètre,2015-01-10,2015-02-01,10\n",
    "survey_questions.csv": "survey_id,question_id,text,kind,theme\nS1,Q1,Appartenance,likert5,belonging\n",
    "survey_respondents.csv": "survey_id,respondent_id,organisation,direction,is_manager,is_member\n"
    + RESPONDENTS,
    "survey_answers.csv": "survey_id,respondent_id,question_id,value\n" + ANSWERS,
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return loaded_db(tmp_path_factory.mktemp("rate"), SOURCE)


def page(db, monkeypatch, path: str) -> AppTest:
    monkeypatch.setenv("CADRAN_DB", str(db))
    monkeypatch.setenv("CADRAN_LOCAL", "1")  # the single-user local mode, as `make run` chooses it
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["as_of"] = AS_OF
    at.run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def test_kpis_give_the_rate(db):
    code, out, err = run_cli("kpis", "--db", db, "--as-of", AS_OF.isoformat(), "--json")
    assert code == 0, err
    assert json.loads(out)["survey_response_rate"] == 0.4


def test_the_surveys_page_shows_the_count_and_the_rate(db, monkeypatch):
    at = page(db, monkeypatch, "pages/surveys.py")
    shown = metrics(at)
    assert shown["Répondants"] == "4"
    assert shown["Taux de réponse"] == RATE
    assert (
        shown["Avis favorables"] == "masqué : moins de 5 répondants ici ou dans un groupe lié"
    )  # answers hidden
    rates = next(d for d in at.dataframe if "Taux de réponse" in d.value.columns).value
    assert rates[["Intitulé", "Invités", "Répondants", "Taux de réponse"]].values.tolist() == [
        ["Baromètre", "10", "4", RATE]
    ]


def test_the_overview_card_shows_the_rate(db, monkeypatch):
    at = page(db, monkeypatch, "pages/overview.py")
    assert metrics(at)["Réponse à l'enquête"] == RATE


def _summary(db, tmp_path) -> openpyxl.Workbook:
    out = tmp_path / "synthese.xlsx"
    code, _, err = run_cli("export", "--db", db, "--as-of", AS_OF.isoformat(), "--out", out)
    assert code == 0, err
    return openpyxl.load_workbook(out)


def test_the_excel_summary_shows_the_rate_on_both_sheets(db, tmp_path):
    book = _summary(db, tmp_path)
    summary = {r[3]: r[1] for r in book["Synthèse"].iter_rows(min_row=7, values_only=True)}
    assert summary["survey_response_rate"] == 0.4
    surveys = list(book["Enquêtes"].iter_rows(min_row=5, values_only=True))
    assert [(r[0], r[3], r[4], r[5], r[6]) for r in surveys] == [("Baromètre", 10, 4, 0.4, "")]


def test_the_deck_shows_the_rate(db, tmp_path):
    out = tmp_path / "deck.pptx"
    code, _, err = run_cli("slides", "--db", db, "--as-of", AS_OF.isoformat(), "--out", out)
    assert code == 0, err
    survey = Presentation(out).slides[-1]
    texts = [s.text_frame.text for s in survey.shapes if s.has_text_frame]
    assert texts[0] == "Ce que disent les cadres"
    assert RATE in texts and "Réponse à l'enquête" in texts
    assert texts[texts.index(RATE) + 1] == "Réponse à l'enquête"  # the figure, then its label


def test_the_report_shows_the_rate(db, tmp_path):
    out = tmp_path / "rapport.html"
    code, _, err = run_cli("report", "--db", db, "--as-of", AS_OF.isoformat(), "--out", out)
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    survey = html[html.index('<section id="survey">') :]
    assert f"<b>{RATE}</b>Réponse à l&#x27;enquête" in survey


def test_the_survey_s_answers_stay_hidden(db):
    from etl.model import survey_results
    from etl.store.db import connect_ro

    with connect_ro(db) as con:
        listed = survey_results.survey_list(con, AS_OF)
        themes = survey_results.theme_scores(con, "S1")
    assert listed[["respondents", "response_rate", "suppressed"]].values.tolist() == [[4, 0.4, False]]
    assert themes["suppressed"].all() and themes["favourable"].isna().all()
