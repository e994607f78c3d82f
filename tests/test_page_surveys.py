"""Surveys page: the figures shown equal etl.model.survey_results on the demo database; small groups show their
mark and no number, in the cards, the charts, the tables and the CSV downloads."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from etl.model import survey_results, survey_scope
from etl.model.queries import NOT_GIVEN
from etl.store.db import connect_ro
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import code_label, t
from tests.app_support import ROOT, figure, headline, metrics, table, values
from tests.conftest import load_db, loaded_db

PAGE = "pages/surveys.py"
DEMO = ROOT / "data" / "demo" / "source"
SURVEY_FILES = ("surveys", "survey_questions", "survey_respondents", "survey_answers")
# The page's tabs, by their French labels (session state "survey_tab" opens one; lazy, the others are not built)
RESULTS, CHANGES, MAP, ANSWERS = (t(f"surveys.tab.{k}") for k in ("results", "changes", "map", "answers"))
TABS = (RESULTS, CHANGES, MAP, ANSWERS)
ORGANISATION = "Ville d'Orléans"
SMALL = "Direction générale des services"  # 3 respondents in 2012, 2 in 2014
MARK = "masqué : moins de 5 répondants ici ou dans un groupe lié"  # one reason for every hidden cell
# Columns of the downloads that hold a group's figures: empty on every suppressed row.
FIGURES = {
    "respondents",
    "answers",
    "favourable",
    "neutral",
    "unfavourable",
    "promoters",
    "passives",
    "detractors",
    "enps",
    "yes",
    "share",
    "change",
    "response_rate",
    "answer",
}


def read(db, name: str, **kwargs):
    with connect_ro(db) as con:
        return getattr(survey_results, name)(con, **kwargs)


def page_on(db, monkeypatch, **state) -> AppTest:
    """The surveys page on the database ``db`` at 30/06/2015, with ``state`` in session state."""
    monkeypatch.setenv("CADRAN_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["as_of"] = dt.date(2015, 6, 30)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def latest(app_db, facts) -> str:
    return read(app_db, "survey_list", as_of=facts["as_of"])["survey_id"].iloc[-1]


def test_cards_equal_etl_surveys_and_the_headline(app, app_db, facts, latest):
    at = app(PAGE, as_of=facts["as_of"])
    listed = read(app_db, "survey_list", as_of=facts["as_of"]).iloc[-1]
    overall = read(app_db, "theme_scores", survey_id=latest).iloc[0]
    nps = read(app_db, "enps", survey_id=latest).iloc[0]
    shown = metrics(at)
    assert shown["Répondants"] == fmt.integer(listed["respondents"]) == "243"
    assert shown["Taux de réponse"] == fmt.percent(listed["response_rate"])
    assert shown["Taux de réponse"] == fmt.percent(headline(app_db, facts["as_of"])["survey_response_rate"])
    assert overall["theme"] == survey_results.ALL_THEMES
    assert shown["Avis favorables"] == fmt.percent(overall["favourable"])
    assert shown["eNPS"] == fmt.signed(nps["enps"], 0)


def test_charts_equal_etl_surveys(app, app_db, facts, latest):
    at = app(PAGE, as_of=facts["as_of"], organisation=ORGANISATION)
    scores = read(app_db, "theme_scores", survey_id=latest, organisation=ORGANISATION)
    bars = {trace["name"]: trace for trace in figure(at, "enquete-themes")["data"]}
    assert values(bars["Favorables"]["x"]) == pytest.approx((scores["favourable"] * 100).tolist())
    assert values(bars["Défavorables"]["x"]) == pytest.approx((scores["unfavourable"] * 100).tolist())
    spread = read(app_db, "nps_distribution", survey_id=latest, organisation=ORGANISATION)
    shares = [v for trace in figure(at, "enquete-enps")["data"] for v in values(trace["y"])]
    assert sorted(shares) == pytest.approx(sorted((spread["share"] * 100).tolist()))
    groups = read(app_db, "theme_by_group", survey_id=latest, organisation=ORGANISATION)
    members = figure(at, "enquete-groupes-is_member")["data"][0]
    assert members["name"] == "Membres du réseau"
    assert values(members["x"]) == pytest.approx((groups.query("group")["favourable"] * 100).tolist())


def test_change_between_surveys(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], survey_tab=CHANGES)
    changes = read(app_db, "theme_changes", as_of=facts["as_of"])
    shown = table(at, "Intitulé", "Thème", "Écart (pts)")
    assert shown["Favorables"].tolist() == [fmt.percent(v) for v in changes["favourable"]]
    assert shown["Écart (pts)"].tolist() == [fmt.number(v) for v in changes["change"]]
    assert shown["Écart (pts)"].iloc[-1] == fmt.number(changes["change"].iloc[-1]) != fmt.MISSING


def test_a_small_direction_shows_its_mark_and_no_number(app, app_db, facts, latest):
    heatmap = read(app_db, "theme_heatmap", survey_id=latest, level="direction")
    small = heatmap[heatmap["direction"] == SMALL]
    assert small["suppressed"].all() and (small["reason"] == survey_scope.SMALL_GROUP).all()
    at = app(PAGE, as_of=facts["as_of"], survey_tab=MAP)  # the whole map: the small direction's row
    shown = table(at, "Collectivité", "Direction", "Confidentialité")
    rows = shown[shown["Direction"] == SMALL]
    assert len(rows) == len(small) and (rows["Confidentialité"] == MARK).all()
    assert (rows[["Répondants", "Favorables"]] == fmt.MISSING).all().all()
    # its complement: a second direction hidden so the organisation's total gives nothing away
    assert (shown[shown["Direction"] != SMALL]["Confidentialité"] == MARK).any()
    cells = figure(at, "enquete-carte-direction")["data"][0]
    row = cells["y"].index(SMALL)
    assert all(v is None for v in cells["z"][row]) and set(cells["text"][row]) == {"masqué"}

    figures = {"Répondants", "Favorables", "Part de oui", "Écart (pts)", "Taux de réponse"}
    checked = 0
    for view in TABS:  # the filter, in every tab
        at = app(PAGE, as_of=facts["as_of"], organisation=ORGANISATION, direction=SMALL, survey_tab=view)
        shown = metrics(at)
        for card in ("Répondants", "Avis favorables", "eNPS"):
            assert shown[card] == MARK
        for frame in [*at.dataframe, *at.table]:  # every table of the page: the group's figures are all "—"
            for column in figures & set(frame.value.columns):
                assert (frame.value[column] == fmt.MISSING).all(), column
                checked += 1
    assert checked >= 6


@pytest.mark.parametrize("scope", [{}, {"organisation": ORGANISATION, "direction": SMALL}])
def test_csv_downloads_hold_no_suppressed_value(app, facts, downloads, scope):
    files = {}
    for view in TABS:
        files |= downloads(app(PAGE, as_of=facts["as_of"], survey_tab=view, **scope))
    assert len(files) >= 8
    figures = {t(name) for name in FIGURES} | {t("surveys.change_pts")}
    hidden = 0
    for url, frame in files.items():
        assert not {"suppressed", "reason", "privacy", "theme"} & set(frame.columns), url  # French headers
        if "Confidentialité" not in frame:
            continue
        masked = frame[frame["Confidentialité"].notna()]
        hidden += len(masked)
        assert masked[[c for c in frame.columns if c in figures]].isna().all().all(), url
        assert set(masked["Confidentialité"]) <= {
            code_label("suppression", r) for r in ("small_group", "fewer_than_10")
        }
        if "Thème" in frame:
            assert "Ensemble des questions" in set(frame["Thème"]) or "Appartenance" in set(frame["Thème"])
    assert hidden > 0  # both views hide something: the members breakdown, the small direction


def test_the_yes_no_questions_are_text_that_wraps(app, facts, downloads):
    # a canvas cell cut the question at its column's width (« …12 derni » at 1280 px); an HTML table
    # wraps it whole (its width measured in test_browser_texts_whole.py), with its download
    at = app(PAGE, as_of=facts["as_of"], survey_tab=ANSWERS)
    frame = next(d.value for d in at.table if "Part de oui" in d.value.columns)
    question = "Avez-vous suivi une formation managériale au cours des 12 derniers mois ?"
    # 129 of the 235 respondents said yes in 2014: 54,9 % rounds to 55 % (a no-break space: never wrapped)
    assert frame.to_dict("records") == [
        {
            "Question": plain.md(question),
            "Répondants": "235",
            "Part de oui": "55\u00a0%",
            "Confidentialité": "",
        }
    ]
    assert not any("Part de oui" in d.value.columns for d in at.dataframe)
    assert downloads(at)["enquete-oui-non"]["Part de oui (%)"].tolist() == [54.9]


def test_presenter_mode_shows_no_free_text(app, facts):
    at = app(PAGE, as_of=facts["as_of"], survey_tab=ANSWERS)
    assert any(list(frame.value.columns) == ["Question", "Réponse", "Nombre"] for frame in at.dataframe)
    at = app(PAGE, as_of=facts["as_of"], presenter=True, survey_tab=ANSWERS)
    assert not any("Réponse" in frame.value.columns for frame in at.dataframe)
    assert "Verbatims masqués en mode présentation." in [i.value for i in at.info]


def test_english(app, facts):
    at = app(PAGE, as_of=facts["as_of"], organisation=ORGANISATION, direction=SMALL, lang="en")
    assert metrics(at)["Respondents"] == "hidden: fewer than 5 respondents here or in a related group"


def test_english_heatmap_says_not_given(app, app_db, facts):
    with connect_ro(app_db) as con:
        survey_id = survey_results.survey_list(con, as_of=facts["as_of"])["survey_id"].iloc[-1]
        rows = survey_results.results(con, as_of=facts["as_of"], survey_id=survey_id)["heatmap_direction"]
    assert NOT_GIVEN in set(rows["direction"])  # the demo has staff with no direction
    at = app(PAGE, as_of=facts["as_of"], lang="en", survey=survey_id, survey_tab=t("surveys.tab.map", "en"))
    shown = list(figure(at, "enquete-carte-direction")["data"][0]["y"])
    assert "(not given)" in shown
    assert NOT_GIVEN not in shown


# --- what the user reads ------------------------------------------------------


def test_an_organisation_reads_its_respondents_and_why_there_is_no_rate(app, app_db, facts, latest):
    at = app(PAGE, as_of=facts["as_of"], organisation=ORGANISATION)
    scoped = read(app_db, "survey_list", as_of=facts["as_of"], organisation=ORGANISATION).iloc[-1]
    assert not scoped["suppressed"] and scoped["respondents"] > 0
    # the rate's card holds no count (« 243 rép… » was cut at 1280 px): the card beside it does
    assert metrics(at)["Taux de réponse"] == fmt.MISSING
    assert metrics(at)["Répondants"] == fmt.integer(scoped["respondents"])
    why = "pas de taux : les invités ne sont pas ventilés par collectivité"
    assert why in [c.value for c in at.caption]


def test_identical_verbatims_are_listed_once_with_their_count(app, app_db, facts, latest):
    texts = read(app_db, "free_text", survey_id=latest)
    shown = texts[~texts["suppressed"]]
    assert shown.duplicated(["question_id", "answer"]).sum() == 0
    repeated = shown[shown["count"] > 1].iloc[0]  # the demo has answers written by several
    at = app(PAGE, as_of=facts["as_of"], survey=latest, survey_tab=ANSWERS)
    listed = table(at, "Question", "Réponse", "Nombre")
    rows = listed[listed["Réponse"] == repeated["answer"]]
    assert rows["Nombre"].tolist() == [fmt.integer(repeated["count"])]


def test_presenter_heatmap_values_as_large_as_its_labels_and_headers_flat(app, facts):
    at = app(PAGE, as_of=facts["as_of"], presenter=True, survey_tab=MAP)
    fig = figure(at, "enquete-carte-direction")
    assert fig["data"][0]["textfont"]["size"] == fig["layout"]["yaxis"]["tickfont"]["size"] == 20
    assert fig["layout"]["xaxis"]["tickangle"] == 0
    headers = fig["layout"]["xaxis"]["ticktext"]  # column headers level, wrapped on several lines
    assert headers and all(len(line) <= 14 or " " not in line for x in headers for line in x.split("<br>"))
    assert not [x for x in headers if "&lt;" in x]  # a line break, not « des<br>questions » written out
    assert "Ensemble des questions" in fig["data"][0]["x"]  # the hover names the theme on one line


MARKUP = '**gras** ![i](http://127.0.0.1:9/x.png) <a href="http://127.0.0.1:9">lien</a>'


def test_a_direction_named_with_markup_reads_literally(tmp_path, monkeypatch):
    respondents = ["survey_id,respondent_id,organisation,direction,is_member"]
    answers = ["survey_id,respondent_id,question_id,value"]
    for n in range(16):
        direction = f'"{MARKUP.replace(chr(34), chr(34) * 2)}"' if n < 8 else "Autre"
        respondents.append(f"S1,R{n:02d},Ville,{direction},{'oui' if n % 2 else 'non'}")
        answers.append(f"S1,R{n:02d},Q1,{4 if n % 3 else 2}")
    db = loaded_db(
        tmp_path,
        {
            "surveys.csv": "survey_id,title,opened_on,invited\nS1,Baromètre,2014-01-10,40\n",
            "survey_questions.csv": "survey_id,question_id,text,kind,theme\nS1,Q1,Appartenance,likert5,belonging\n",
            "survey_respondents.csv": "\n".join(respondents) + "\n",
            "survey_answers.csv": "\n".join(answers) + "\n",
        },
    )
    at = page_on(db, monkeypatch, survey_tab=MAP)
    cells = figure(at, "enquete-carte-direction")["data"][0]
    assert plain.chart(MARKUP) in cells["y"]  # plotly shows &lt;a …&gt; as the characters, no live link
    assert not any("<a " in y for y in cells["y"])
    shown = table(at, "Collectivité", "Direction", "Confidentialité")
    assert MARKUP in shown["Direction"].tolist()  # a table cell is text
    for element in [*at.caption, *at.markdown, *at.info]:
        assert "](http" not in element.value and "<a " not in element.value


def test_presenter_tables_are_projector_tables_with_whole_headers(app, facts):
    # the canvas table (st.dataframe) keeps 13 px and cut « Taux de rem… »; the HTML table wraps
    # its headers, at the size ui.filters' presenter CSS gives it (measured in test_browser_pages.py)
    at = app(PAGE, as_of=facts["as_of"], presenter=True)
    assert not at.dataframe
    frame = next(d for d in at.table if "Taux de réponse" in d.value.columns)
    assert list(frame.value.columns) == [
        "Intitulé",
        "Ouverture",
        "Clôture",
        "Invités",
        "Répondants",
        "Taux de réponse",
        "Confidentialité",
    ]


def test_the_change_chart_draws_a_bar_per_survey_it_compares(tmp_path, monkeypatch):
    # eight surveys (the demo's two and six later copies of 2014): the chart compares the last six,
    # one bar each, and names them in its legend; no empty trace for the surveys it leaves out
    import pandas as pd

    source = {
        name: pd.read_csv(DEMO / f"{name}.csv", dtype=str, keep_default_na=False) for name in SURVEY_FILES
    }
    for n in range(1, 7):
        copies = {name: frame[frame["survey_id"] == "ENQ-2014"].copy() for name, frame in source.items()}
        for frame in copies.values():
            frame["survey_id"] = f"ENQ-2014-{n}"
        copies["surveys"]["title"] = f"Baromètre de suivi n° {n}"
        copies["surveys"]["opened_on"] = f"2014-{6 + n:02d}-01"
        copies["surveys"]["closed_on"] = f"2014-{6 + n:02d}-20"
        for name in ("survey_respondents", "survey_answers"):
            copies[name]["respondent_id"] = copies[name]["respondent_id"] + f"-{n}"
        copies["survey_respondents"]["submitted_on"] = f"2014-{6 + n:02d}-10"
        source = {name: pd.concat([source[name], copies[name]]) for name in source}
    folder = tmp_path / "source"
    shutil.copytree(DEMO, folder)
    for name, frame in source.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    db = tmp_path / "db.duckdb"
    load_db(db, folder)
    at = page_on(db, monkeypatch, survey_tab=CHANGES)
    compared = read(db, "theme_changes", as_of=dt.date(2015, 6, 30))["title"].unique().tolist()
    assert compared == [f"Baromètre de suivi n° {n}" for n in range(1, 7)]  # 2012 and 2014 left out
    bars = figure(at, "enquetes-evolution")["data"]
    assert [trace["name"] for trace in bars] == compared
    assert all(values(trace["x"]) for trace in bars)


def test_the_tabs_build_only_the_view_that_is_open(app, facts):
    at = app(PAGE, as_of=facts["as_of"])  # the results first, under the headline cards
    assert [tab.label for tab in at.tabs] == list(TABS)
    drawn = {c.proto.id.rsplit("chart-", 1)[-1] for c in at.get("plotly_chart")}
    assert drawn == {"enquete-themes", "enquete-enps", "enquete-groupes-is_member"}
    assert "Répondants" in metrics(at)
    at = app(PAGE, as_of=facts["as_of"], survey_tab=MAP)
    assert {c.proto.id.rsplit("chart-", 1)[-1] for c in at.get("plotly_chart")} == {"enquete-carte-direction"}
    assert "Répondants" in metrics(at)  # the cards stay above every tab
