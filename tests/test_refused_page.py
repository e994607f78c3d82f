"""A page of another role asked for by its URL (a typed /data, an old bookmark): the router answers
with why, never the page itself, nor the overview without a word."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from etl.admin import users
from tests.conftest import ROOT
from ui import auth

ACCOUNTS = {
    "viewer": "dg@ville.fr",
    "hr": "rh@ville.fr",
    "presenter": "salle@ville.fr",
    "admin": "dsi@ville.fr",
}


@pytest.fixture
def accounts(tmp_path, monkeypatch, app_db):
    path = tmp_path / "users.json"
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    for role, email in ACCOUNTS.items():
        users.add(email, role, "un mot de passe assez long", path)
    return path


def asked_for(role: str) -> AppTest:
    """The role's session at the first URL its role does not open (the router registers the refusal
    at each such URL, in the navigation's order: /data for a viewer, /admin for HR)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state[auth.SESSION_KEY] = ACCOUNTS[role]
    at.run()
    at.switch_page("pages/refused.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    ("role", "said"),
    [
        ("viewer", "La page « Données » n'est pas ouverte à votre rôle (direction générale)."),
        ("hr", "La page « Utilisateurs » n'est pas ouverte à votre rôle (RH)."),
    ],
)
def test_a_page_of_another_role_says_it_is_not_open(accounts, role, said):
    at = asked_for(role)
    assert [w.value for w in at.warning] == [said]
    assert [c.value for c in at.caption if "menu" in c.value] == [
        "Les pages ouvertes à votre rôle sont dans le menu."
    ]
    # nothing of the page asked for: no upload, no table, no figure
    assert not at.file_uploader and not at.dataframe and not at.metric and not at.get("plotly_chart")


def test_the_pages_of_the_role_say_nothing_of_the_kind(accounts):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.session_state[auth.SESSION_KEY] = ACCOUNTS["viewer"]
    at.run()
    assert not at.warning and at.metric  # the overview, its cards
