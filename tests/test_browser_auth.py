"""Browser tests of the sign-in: the real server with local accounts, in headless Chromium.

The server of tests/test_browser.py, with a users file of argon2 hashes written by etl.users.
Run alone (one browser test file at a time): pytest tests/test_browser_auth.py -m browser
"""

from __future__ import annotations

import pytest

from etl import users
from tests import test_browser
from tests.test_browser import TIMEOUT_MS, VIEWPORT, _serve, problems, wait_ready
from ui.i18n import T

pytestmark = pytest.mark.browser
browser = test_browser.browser  # the same fixtures: Debian's Chromium, the demo loaded by the CLI
browser_db = test_browser.browser_db

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def accounts(tmp_path_factory):
    path = tmp_path_factory.mktemp("accounts") / "users.json"
    users.add("dg@ville.fr", "viewer", PASSWORD, path)
    users.add("rh@ville.fr", "hr", PASSWORD, path)
    return path


@pytest.fixture(scope="module")
def login_server(browser_db, accounts, tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CADRAN_USERS", str(accounts))
        yield from _serve(browser_db, tmp_path_factory)


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def sign_in(tab, email: str, password: str) -> None:
    tab.get_by_label(T["auth.email"][0]).fill(email)
    tab.get_by_label(T["auth.password"][0]).fill(password)
    tab.get_by_role("button", name=T["auth.button"][0]).click()
    wait_ready(tab)


def test_login_opens_the_dashboard(tab, login_server):
    tab.goto(login_server)
    wait_ready(tab, T["auth.title"][0])
    assert not tab.locator('[data-testid="stMetric"]').count()
    sign_in(tab, "rh@ville.fr", "wrong password!")
    tab.get_by_text(T["auth.invalid"][0]).wait_for()
    sign_in(tab, "rh@ville.fr", PASSWORD)
    wait_ready(tab, T["page.overview"][0])
    assert tab.locator('[data-testid="stMetric"]').count() >= 1
    assert "rh@ville.fr" in tab.locator('[data-testid="stSidebar"]').inner_text()
    assert not problems(tab)


def test_lock_out_after_five_failures(tab, login_server, accounts):
    tab.goto(login_server)
    wait_ready(tab, T["auth.title"][0])
    for _ in range(users.MAX_FAILURES):
        sign_in(tab, "dg@ville.fr", "wrong password!")
    locked = T["auth.locked"][0].split(":")[0]
    tab.get_by_text(locked).wait_for()
    sign_in(tab, "dg@ville.fr", PASSWORD)  # the right password, too late
    tab.get_by_text(locked).wait_for()
    assert not tab.locator('[data-testid="stMetric"]').count()
    users.unlock("dg@ville.fr", accounts)


def test_a_viewer_gets_nothing_from_the_data_page_url(tab, login_server, accounts):
    users.unlock("dg@ville.fr", accounts)
    tab.goto(f"{login_server}/data")
    wait_ready(tab, T["auth.title"][0])
    sign_in(tab, "dg@ville.fr", PASSWORD)
    wait_ready(tab)
    body = tab.inner_text("body")
    assert T["upload.title"][0] not in body
    assert T["data.rejects"][0] not in body
    assert not tab.locator('[data-testid="stFileUploader"]').count()
    nav = tab.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    nav.first.wait_for(timeout=20_000)  # the navigation is drawn once the sign-in's rerun is done
    links = nav.all_inner_texts()
    assert links and not any(T["page.data"][0] in link for link in links)
    # the same URL for HR, in another browser session, is the Data page
    tab.context.clear_cookies()
    tab.goto(f"{login_server}/data")
    wait_ready(tab, T["auth.title"][0])
    sign_in(tab, "rh@ville.fr", PASSWORD)
    wait_ready(tab, T["page.data"][0])
    assert tab.locator('[data-testid="stFileUploader"]').count() == 1
