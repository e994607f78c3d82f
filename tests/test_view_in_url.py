"""A shared link opens exactly the view it was copied from: the open tab (``&tab=``)
and the choices inside the page (``&participation_dimension=site``…) go to the address bar and are
read back from it, as the sidebar's filters are."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from etl.text.i18n import CODES, code_label, t
from tests.app_support import figure, linked


def _open_tab(at: AppTest, key: str) -> str:
    return at.session_state[key]


def test_a_link_opens_participation_by_site(app_db, monkeypatch):
    at = linked(app_db, monkeypatch, "pages/participation.py", participation_dimension="site")
    # the chart and the buttons read « Site », not the default « Direction »
    assert figure(at, "participation-site")
    assert at.session_state["participation_dimension"] == "site"
    assert at.query_params["participation_dimension"] == "site"


def test_a_link_opens_a_tab_and_its_choice(app_db, monkeypatch):
    at = linked(app_db, monkeypatch, "pages/participation.py", tab="involvement", funnel_population="staff")
    assert _open_tab(at, "participation_tab") == t("participation.tab.involvement", "fr")
    levels = figure(at, "engagement")["data"][0]["y"]  # every step named for the staff
    assert set(levels) <= {code_label("funnel_staff", code, "fr") for code in CODES["funnel_staff"]}


def test_a_link_opens_the_hours_by_group(app_db, monkeypatch):
    at = linked(app_db, monkeypatch, "pages/training.py", tab="hours", hours_dimension="group")
    assert _open_tab(at, "training_tab") == t("training.tab.hours", "fr")
    assert figure(at, "heures-group")


def test_an_english_link_opens_the_same_tab(app_db, monkeypatch):
    at = linked(app_db, monkeypatch, "pages/actions.py", tab="lights", lang="en")
    assert _open_tab(at, "actions_tab") == t("actions.tab.lights", "en")
    assert any(table.value.columns[0] == "Light" for table in at.dataframe)


def test_the_address_bar_follows_the_tab_and_the_choice(app, facts):
    at = app(
        "pages/training.py",
        as_of=facts["as_of"],
        training_tab=t("training.tab.hours", "fr"),
        hours_dimension="organisation",
    )
    assert at.query_params["tab"] == "hours"
    assert at.query_params["hours_dimension"] == "organisation"
    # back on the first tab: the link needs no tab (the default is left out)
    at.session_state["training_tab"] = t("training.tab.sessions", "fr")
    at.run()
    assert "tab" not in at.query_params


def test_a_wrong_value_in_a_link_is_left_out(app_db, monkeypatch):
    at = linked(app_db, monkeypatch, "pages/participation.py", tab="nowhere", participation_dimension="x")
    assert _open_tab(at, "participation_tab") == t("participation.tab.breakdown", "fr")
    assert figure(at, "participation-direction")
