"""What a director, an HR officer and a presenter now read, page by page, in AppTest.

Expected figures are derived by hand from the demo source where a comment says so; the others
come from the contract's headline (etl.model.kpis), never from the function the page itself calls.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re

import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from etl.documents.deck import deck
from etl.documents.scope import Scope
from etl.documents.slide_specs import slide_specs
from etl.figures import kit, theme
from etl.model import queries
from etl.model.page_reads import EVER, reference_day
from etl.store.db import connect_ro
from etl.text import collate, plain
from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import ROOT, figure, headline, metrics, read_as_text, values
from tests.conftest import loaded_db
from ui import slideshow, tables

D = dt.date(2015, 6, 30)
INVOLVEMENT, TIME = t("participation.tab.involvement"), t("participation.tab.time")  # participation's tabs
ORLEANS = "Ville d'Orléans"
METROPOLE = "Orléans Métropole"


def test_the_app_opens_on_the_extraction_day_not_on_a_planned_session(app, app_db):
    # demo: exports taken on 15/12/2017 (data/demo/generate.py EXTRACT); the two iX'Pressos of
    # 21/12/2017 have only "registered" rows, so they are not facts yet
    at = app()
    assert at.session_state["filters"].as_of == dt.date(2017, 12, 15)
    assert at.date_input(key="as_of").value == dt.date(2017, 12, 15)
    assert read_as_text(at.caption[0].value) == "Situation au 15 décembre 2017 · Toutes collectivités"
    with connect_ro(app_db) as con:
        assert reference_day(con) == dt.date(2017, 12, 15)
        # the data's dated facts still reach the planned sessions (one list: the model's dated_days)
        assert queries.data_bounds(con, today=EVER).at[0, "last_day"].date() == dt.date(2017, 12, 21)


def test_a_shared_url_opens_on_its_filters_and_the_url_follows_the_filters(app_db, monkeypatch):
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update(
        {"as_of": "2015-06-30", "period": "12m", "organisation": "ville d'orléans ", "lang": "en"}
    )
    at.run()
    assert not at.exception
    f = at.session_state["filters"]
    assert (f.as_of, f.period, f.organisation, f.lang) == (D, "12m", ORLEANS, "en")
    assert read_as_text(at.caption[0].value) == "As of 30 June 2015 · Ville d'Orléans"
    assert at.query_params["organisation"] == ORLEANS  # written back as the option reads
    at.selectbox(key="period").set_value("3y").run()
    assert at.query_params["period"] == "3y"
    at.selectbox(key="organisation").set_value("").run()
    assert "organisation" not in at.query_params


def test_a_wrong_url_value_is_left_out(app_db, monkeypatch):
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"as_of": "1900-01-01", "organisation": "Nowhere", "period": "decade"})
    at.run()
    f = at.session_state["filters"]
    assert (f.as_of, f.organisation, f.period) == (dt.date(2017, 12, 15), None, "all")


def test_directions_sort_the_french_way(app):
    at = app(organisation=ORLEANS)
    options = at.selectbox(key="direction").options
    # code points put "Direction de l'urbanisme" before "Direction de l'éducation" (é > u)
    assert options.index("Direction de l'éducation") < options.index("Direction de l'urbanisme")
    assert options[1:] == sorted(options[1:], key=collate.key)


def test_overview_hours_per_participant(app, app_db):
    at = app(as_of=D, organisation=ORLEANS)
    h = headline(app_db, D, ORLEANS)
    captions = [c.value for c in at.caption]
    per = fmt.hours(h["hours_invested"] / h["participants"])
    assert f"{per} par participant ({fmt.integer(h['participants'])} participants)" in captions
    assert not any("par membre" in c for c in captions)  # the old hours / members (92,1 h) is gone
    # hours and their change in whole hours alike: « 14 556 h » beside « +4 583 h »
    assert metrics(at)["Heures investies"] == f"{fmt.integer(h['hours_invested'])}\u00a0h"


def test_survey_card_with_an_organisation_says_who_answered(app, app_db):
    at = app(as_of=D, organisation=ORLEANS)
    caption = next(c.value for c in at.caption if "pas de taux" in c.value)
    assert "répondants dans ce périmètre" in caption or "masqué" in caption
    assert "invités ne sont comptés que pour l'ensemble" in caption


def test_roles_of_the_network(app):
    at = app("pages/participation.py", as_of=D, organisation=ORLEANS, participation_tab=INVOLVEMENT)
    bars = figure(at, "roles")["data"][0]
    counts = dict(zip(bars["y"], values(bars["x"]), strict=True))
    # demo members.csv at 30/06/2015: project leads on lines 111, 112, 114, 117 still open (113,
    # 221, 118 left before); 7 HR referents; one coordinator (line 2)
    assert counts["Chef de projet"] == 4
    assert counts["Référent RH"] == 7
    assert counts["Coordinateur"] == 1


def test_lowest_directions_put_the_lowest_on_top(app):
    at = app("pages/participation.py", as_of=D)
    bars = figure(at, "directions-plus-faibles")["data"][0]
    rates = values(bars["x"])
    assert rates[-1] == min(rates)  # plotly draws the last row on top


def test_a_zero_rate_bar_reads_zero(app):
    at = app("pages/participation.py", as_of=D, organisation=METROPOLE)
    bars = figure(at, "participation-direction")["data"][0]
    assert bars["textposition"] == "outside"  # beside its bar: a 0 % bar still reads « 0 % (0 / 3) »
    zero = [t for t, x in zip(bars["text"], values(bars["x"]), strict=True) if x == 0]
    assert all(t.startswith("0\u00a0% (0 / ") for t in zero)


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/training.py"])
def test_people_counts_have_whole_ticks(app, page):
    at = app(page, as_of=dt.date(2012, 4, 15))
    name = "croissance-reseau" if page.endswith("overview.py") else "rencontres-par-mois"
    layout = figure(at, name)["layout"]
    assert layout["yaxis"]["tickformat"] == ",d"
    assert layout["yaxis"].get("dtick") in (None, 1)


def test_one_colour_one_meaning(app):
    at = app("pages/actions.py", as_of=dt.date(2017, 12, 15))
    done = theme.MEANING["action_status"]["done"]
    assert done == theme.GOOD
    for trace in figure(at, "actions-par-mois")["data"]:
        if trace["name"] == "Terminée":
            assert trace["marker"]["color"] == theme.GOOD
        if trace["name"] == "Abandonnée":
            assert trace["marker"]["color"] not in (theme.GOOD, theme.PURPLE)
    assert figure(at, "idees-actions")["data"][0]["marker"]["color"][-1] == theme.GOOD


def test_a_smaller_plan_is_not_red(app, app_db):
    at = app(as_of=dt.date(2017, 12, 15))
    card = next(m for m in at.metric if m.label == "Budget prévu dans l'année")
    h, before = headline(app_db, dt.date(2017, 12, 15)), headline(app_db, dt.date(2016, 12, 15))
    assert h["budget_planned_eur"] < before["budget_planned_eur"]  # a smaller plan than the year before
    assert card.proto.delta.startswith("\u2212") and card.proto.direction == card.proto.DOWN
    colour = card.proto.DESCRIPTOR.fields_by_name["color"].enum_type.values_by_number[card.proto.color].name
    assert colour == "GRAY"  # neither red nor green


def test_downloads_carry_whole_counts_and_percentages(app, downloads):
    at = app("pages/participation.py", as_of=D)
    files = downloads(at)
    rates = files["participation-direction-table"]
    assert "Taux de participation (%)" in rates.columns
    assert rates["Cadres"].dtype.kind == "i"  # 198, never 198,0
    assert rates["Taux de participation (%)"].max() <= 100
    assert (rates["Taux de participation (%)"] * 10).round().eq(rates["Taux de participation (%)"] * 10).all()
    # directions in French order in the download too
    labels = rates["Direction"].tolist()
    assert labels == sorted(labels, key=collate.key)


def test_csv_builder_percentages_and_counts():
    frame = pd.DataFrame({"label": ["A"], "members": [198.0], "rate": [1 / 3], "progress_pct": [33.333]})
    out = tables.export(frame, None, "fr")
    text = tables.csv_bytes(out).decode("utf-8-sig").splitlines()
    assert text == ["label;Membres du réseau;Taux de participation (%);Avancement (%)", "A;198;33,3;33,3"]


# --- data shown as plain text, never as markup (« Rendering of data as markup ») ---------

HOSTILE = '**gras** ![i](http://127.0.0.1:9/x.png) <a href="http://127.0.0.1:9">lien</a>'


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    staff = (
        "person_id,organisation,direction,is_manager,hire_date,leave_date\n"
        f'P1,Ville,"{HOSTILE.replace(chr(34), chr(34) * 2)}",oui,2010-01-01,\n'
        "P2,Ville,DG,oui,2010-01-01,\n"
    )
    members = "person_id,joined_on,left_on,role,group_id\nP1,2012-01-01,,member,\n"
    return loaded_db(tmp_path_factory.mktemp("hostile"), {"staff.csv": staff, "members.csv": members})


def test_markdown_escape_reads_back_as_the_text():
    assert read_as_text(plain.md(HOSTILE)) == HOSTILE
    # figures keep their no-break spaces (a table cell never breaks « 42 % » or « 25 000 € »)
    assert plain.md("42\u00a0% · 25\u202f000\u00a0€") == "42\u00a0% · 25\u202f000\u00a0€"
    assert plain.md(" a\n  b\tc ") == "a b c"
    assert "![" not in plain.md(HOSTILE) and "**" not in plain.md(HOSTILE)
    assert plain.chart(HOSTILE) == HOSTILE.replace("<", "&lt;").replace(">", "&gt;")


def test_a_hostile_direction_is_text_in_captions_and_charts(hostile_db, monkeypatch):
    monkeypatch.setenv("CADRAN_DB", str(hostile_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["as_of"] = dt.date(2015, 1, 1)
    at.session_state["organisation"] = "Ville"
    at.session_state["direction"] = HOSTILE
    # by direction (a chosen direction opens on its services): the hostile name is a bar's label
    at.session_state["participation_dimension"] = "direction"
    at.run()
    assert not at.exception
    shown = [c.value for c in at.caption]
    assert plain.md(f"Ville · {HOSTILE}") in " ".join(shown)
    unescaped = re.compile(r"(?<!\\)(!\[|<a|\*\*)")  # markup not preceded by a backslash
    assert not [c for c in shown if unescaped.search(c)]
    at.switch_page("pages/participation.py").run()
    spec = json.dumps([json.loads(c.proto.spec) for c in at.get("plotly_chart")])
    assert "<a href" not in spec and "&lt;a href" in spec


def _slide_texts(at: AppTest) -> list[str]:
    """The texts of the slide shown: its title, then its message, figures and footer as read."""
    shown = [at.title[0].value]
    for block in at.get("html"):
        body = re.sub(r"<(style|script)>.*?</\1>", "", block.proto.body, flags=re.S)
        shown += [text for text in re.split(r"<[^>]+>", body) if text.strip()]
    return [html.unescape(text) for text in shown]


def test_the_slideshow_shows_the_decks_slides(app, app_db):
    """Slide by slide, the app's slideshow reads what the PowerPoint deck of the same filters
    reads: the same title, message, figures and footer, in the same order (etl.documents.deck specs)."""
    at = app("pages/presentation.py", as_of=D, organisation=ORLEANS)
    with connect_ro(app_db) as con:
        pptx = Presentation(io.BytesIO(deck(con, Scope(D, ORLEANS, None, "fr"))))
        kinds = [s.chart.value_kind if s.chart else None for s in slide_specs(con, D, ORLEANS)]
    assert len(pptx.slides) == len(slideshow.ORDER) == 8  # a survey was opened by D: eight messages
    for i, slide in enumerate(pptx.slides):
        in_the_deck = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        shown = _slide_texts(at)
        assert shown[0] == in_the_deck[0]  # the title
        assert f"{i + 1} / 8" in shown[1]
        assert shown[2:] == in_the_deck[1:], f"slide {i + 1}"  # message, figures and labels, footer
        assert len(in_the_deck) <= 2 + 2 * 3 + 1  # at most three large figures
        chart = [s.chart for s in slide.shapes if s.has_chart]
        drawn = at.get("plotly_chart")
        assert len(drawn) == len(chart)
        if chart:  # the same values drawn as plotted in the deck
            spec = json.loads(drawn[0].proto.spec)
            plotted = [v for series in chart[0].plots[0].series for v in series.values]
            values = [
                v
                for trace in spec["data"]
                for v in (
                    trace.get("x")
                    if trace.get("orientation") == "h"
                    else trace.get("values") or trace.get("y")
                )
            ]
            scale = 100 if kinds[i] == "pct" else 1  # plotly draws percentages 0–100
            assert values == pytest.approx([v * scale for v in plotted])
        if i < 7:
            at.button(key="slide_next").click().run()
    assert "Ville d'Orléans" in shown[-1] and "30 juin 2015" in shown[-1] and "Source" in shown[-1]


def test_an_empty_lowest_chart_says_why(hostile_db, monkeypatch):
    # the hand-made source has two directions of one manager each: none reaches 5 managers
    monkeypatch.setenv("CADRAN_DB", str(hostile_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state["as_of"] = dt.date(2015, 1, 1)
    at.run()
    at.switch_page("pages/participation.py").run()
    with pytest.raises(KeyError):
        figure(at, "directions-plus-faibles")
    assert "Aucune direction d'au moins 5 cadres dans ce périmètre : rien à comparer." in [
        i.value for i in at.info
    ]


def test_percentage_axes_write_their_unit(app):
    # plotly drops ticksuffix on array ticks: the texts are written out (« 100 % », not « 100 »)
    at = app("pages/participation.py", as_of=D)
    axis = figure(at, "participation-direction")["layout"]["xaxis"]
    assert axis["ticktext"] == ["0\u00a0%", "20\u00a0%", "40\u00a0%", "60\u00a0%", "80\u00a0%", "100\u00a0%"]


@pytest.mark.parametrize("presenter", [False, True])
def test_participation_growth_has_more_than_one_month_tick(app, presenter):
    # demo on 31/10/2013, since the start: the rate runs from March 2012 (the first members) to
    # October 2013, 20 months. A half-width chart holds 6 month labels, 3 in presenter mode: every
    # 6 months (juil. 2012, janv. 2013, juil. 2013); in presenter mode every 12 would keep January
    # 2013 alone (it once read « janv. 2014 » alone), so the finer step of 6 months is taken, never
    # the axis's two ends (a tick on 1 March, before the point of 31 March, made plotly draw no
    # label on either axis)
    at = app(
        "pages/participation.py", as_of=dt.date(2013, 10, 31), presenter=presenter, participation_tab=TIME
    )
    axis = figure(at, "participation-mois")["layout"]["xaxis"]
    expected = ["juil. 2012", "janv. 2013", "juil. 2013"]
    assert axis["ticktext"] == expected
    assert axis["range"][0][:10] <= "2012-03-31" and axis["range"][1][:10] >= "2013-10-31"  # every point in
    assert len(axis["tickvals"]) == len(expected)


@pytest.mark.parametrize(
    ("lang", "label", "value", "delta"),
    [
        # demo on 30/06/2015: 71 591 € spent in all, 23 840 € more than a year before (the cards'
        # figures; etl.model.kpis computes them, test_kpis checks them)
        ("fr", "Budget dépensé (cumul)", "71\u202f591\u00a0€", "+23\u202f840\u00a0€"),
        ("en", "Budget spent (cumulative)", "€71,591", "+€23,840"),  # never « +23,840 € » beside it
    ],
)
def test_euros_and_their_change_are_written_alike(app, lang, label, value, delta):
    at = app(as_of=D, lang=lang)
    card = next(m for m in at.metric if m.label == label)
    assert (card.value, card.delta) == (value, delta)


@pytest.mark.parametrize(
    ("label", "width", "expected"),
    [
        ("Appartenance", 9, "Apparte-<br>nance"),  # it read « Apparten-ance »
        ("Reconnaissance", 9, "Recon-<br>naissance"),  # and « Reconnai-ssance »
        ("Reconnaissance", 10, "Reconnais-<br>sance"),
        ("Charge de travail", 9, "Charge de<br>travail"),
    ],
)
def test_long_headers_are_hyphenated_between_syllables(label, width, expected):
    assert kit.wrap(label, width) == expected
