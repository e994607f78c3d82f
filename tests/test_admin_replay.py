"""The administrator's actions replayed by someone who is no longer one (a mutation
dropping their role check survived). The page is drawn for an administrator; the account is then
demoted to HR in the users file (roles are read afresh at every run), and the click that follows is
the replay: nothing changes, and nothing of the page is drawn for them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from etl.admin import gdpr, users
from tests.conftest import ROOT, load_db
from ui import auth

PASSWORD = "un mot de passe assez long"
ACTOR, OTHER_ADMIN, LOCKED = "dsi@ville.fr", "dsi2@ville.fr", "rh@ville.fr"


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    path = tmp_path / "users.json"
    db = tmp_path / "pub.duckdb"
    load_db(db, ROOT / "tests/fixtures/edge")
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(db))
    monkeypatch.delenv("CADRAN_RETENTION_YEARS", raising=False)  # the setting file decides
    users.add(ACTOR, "admin", PASSWORD, path)
    users.add(OTHER_ADMIN, "admin", PASSWORD, path)  # the actor is not the last administrator
    users.add(LOCKED, "hr", PASSWORD, path)
    for _ in range(users.MAX_FAILURES):
        users.authenticate(LOCKED, "wrong password!", path)
    assert users.load(path)[LOCKED].get("locked_until")
    return path, db


def drawn_for_the_admin() -> AppTest:
    """The Users page, run as a page file, for the administrator ACTOR."""
    at = AppTest.from_file(str(ROOT / "pages/admin.py"), default_timeout=60)
    at.session_state[auth.SESSION_KEY] = ACTOR
    at.session_state["_legacy_pages_rerouted"] = True  # past the router's one-time reroute
    at.run()
    assert not at.exception and not at.error
    assert at.selectbox(key="admin_account")  # the admin's controls are there
    return at


def demote(path) -> None:
    users.add(ACTOR, "hr", path=path)
    assert users.role_of(ACTOR, path) == "hr"


def nothing_drawn(at: AppTest) -> None:
    assert not at.exception
    assert not at.success
    assert not at.dataframe and not [s for s in at.selectbox if s.key == "admin_account"]
    assert not [b for b in at.button if b.key in ("admin_unlock", "admin_remove", "admin_retention_save")]


def test_an_unlock_replayed_by_a_former_admin_unlocks_nothing(accounts):
    path, _ = accounts
    at = drawn_for_the_admin()
    at.selectbox(key="admin_account").set_value(LOCKED).run()
    demote(path)
    at.button(key="admin_unlock").click().run()
    nothing_drawn(at)
    assert users.load(path)[LOCKED].get("locked_until")  # still locked out


def test_a_retention_setting_replayed_by_a_former_admin_changes_nothing(accounts):
    path, db = accounts
    before = gdpr.retention_years(db)
    at = drawn_for_the_admin()
    at.number_input(key="admin_retention").set_value(7).run()
    demote(path)
    at.button(key="admin_retention_save").click().run()
    nothing_drawn(at)
    assert before == gdpr.RETENTION_YEARS == 5
    assert gdpr.retention_years(db) == 5
    assert not (gdpr.gdpr_dir(db) / "settings.json").exists()


def test_the_admin_may_do_both(accounts):
    """The same clicks by an administrator do act (the replays above are refused for their role)."""
    path, db = accounts
    at = drawn_for_the_admin()
    at.selectbox(key="admin_account").set_value(LOCKED).run()
    at.button(key="admin_unlock").click().run()
    assert not users.load(path)[LOCKED].get("locked_until")
    at.number_input(key="admin_retention").set_value(7).run()
    at.button(key="admin_retention_save").click().run()
    assert gdpr.retention_years(db) == 7
