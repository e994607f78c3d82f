"""Browser tests of the sign-in: the real server with local accounts, in headless Chromium.

The server of tests/test_browser.py, with a users file of argon2 hashes written by etl.admin.users.
Run alone (one browser test file at a time): pytest tests/test_browser_auth.py -m browser
"""

from __future__ import annotations

import time

import pytest

from etl.admin import users
from etl.text.i18n import T
from tests import test_browser
from tests.test_browser import TIMEOUT_MS, VIEWPORT, _serve, problems, wait_ready

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


def counted(accounts, email: str, attempt: int, timeout_s: float = 30) -> None:
    """Wait until the server has counted ``attempt`` wrong passwords in a row for ``email`` (the
    last locks the account and starts the count again): the next click must not come while this
    attempt's run is still going, or it may stop that run before it counts (CI saw 4 counted of 5)."""
    deadline = time.monotonic() + timeout_s
    while True:
        entry = users.load(accounts).get(email, {})
        done = "locked_until" in entry if attempt == users.MAX_FAILURES else entry.get("failures") == attempt
        if done:
            return
        assert time.monotonic() < deadline, f"attempt {attempt} not counted: {entry.get('failures')}"
        time.sleep(0.1)


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
    for attempt in range(1, users.MAX_FAILURES + 1):
        sign_in(tab, "dg@ville.fr", "wrong password!")
        counted(accounts, "dg@ville.fr", attempt)
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
    # the same URL for HR, in another browser session, is the Data page. A new context, not the
    # viewer's with its cookies cleared: the page's cookie component may write the viewer's sign-in
    # again after the clearing (it writes at every run while signed in), and sign HR's visit in as dg.
    other = tab.context.browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    other.set_default_timeout(TIMEOUT_MS)
    try:
        hr = other.new_page()
        hr.goto(f"{login_server}/data")
        wait_ready(hr, T["auth.title"][0])
        sign_in(hr, "rh@ville.fr", PASSWORD)
        wait_ready(hr, T["page.data"][0])
        assert hr.locator('[data-testid="stFileUploader"]').count() == 1
    finally:
        other.close()


# --- a reload keeps the sign-in for a working day; signing out ends it for good


def sign_in_cookie(tab, present: bool = True, timeout_s: float = 15) -> dict | None:
    """The browser's sign-in cookie once the page's component has written it (``present``), or
    None once it has cleared it; else, after ``timeout_s``, what the browser holds."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = [c for c in tab.context.cookies() if c["name"] == "cadran_sign_in" and c["value"]]
        if bool(found) == present or time.monotonic() > deadline:
            return found[0] if found else None
        tab.wait_for_timeout(100)


def signed_in_as(tab, email: str) -> bool:
    return email in tab.locator('[data-testid="stSidebar"]').inner_text()


def test_a_reload_a_new_tab_and_a_shared_link_keep_the_sign_in(tab, login_server, accounts):
    users.unlock("rh@ville.fr", accounts)
    tab.goto(login_server)
    wait_ready(tab, T["auth.title"][0])
    sign_in(tab, "rh@ville.fr", PASSWORD)
    wait_ready(tab, T["page.overview"][0])
    cookie = sign_in_cookie(tab)
    assert cookie is not None, "the sign-in cookie was not written"
    assert users.token_user(cookie["value"], accounts) == "rh@ville.fr"
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    hours = (cookie["expires"] - time.time()) / 3600
    assert 9.9 < hours <= 10.0  # a working day, not a session cookie, not a month
    tab.reload()  # F5
    wait_ready(tab, T["page.overview"][0])
    assert signed_in_as(tab, "rh@ville.fr") and tab.locator('[data-testid="stMetric"]').count() >= 1
    other = tab.context.new_page()  # a new tab on a shared link to the data page
    other.goto(f"{login_server}/data")
    wait_ready(other, T["page.data"][0])
    assert other.locator('[data-testid="stFileUploader"]').count() == 1
    assert not problems(tab) and not problems(other)


def test_signing_out_ends_the_sign_in_and_its_cookie_replayed_does_nothing(tab, login_server, accounts):
    tab.goto(login_server)
    wait_ready(tab, T["auth.title"][0])
    sign_in(tab, "rh@ville.fr", PASSWORD)
    wait_ready(tab, T["page.overview"][0])
    stolen = sign_in_cookie(tab)
    assert stolen is not None
    tab.locator('[data-testid="stSidebar"]').get_by_role("button", name=T["auth.logout"][0]).click()
    wait_ready(tab, T["auth.title"][0])
    assert sign_in_cookie(tab, present=False) is None  # the browser's copy is cleared too
    tab.reload()
    wait_ready(tab, T["auth.title"][0])  # signed out stays signed out
    tab.context.clear_cookies()
    tab.context.add_cookies([stolen])  # the signed-out token, replayed
    tab.goto(login_server)
    wait_ready(tab, T["auth.title"][0])
    assert not tab.locator('[data-testid="stMetric"]').count()
    assert "rh@ville.fr" not in tab.inner_text("body")


def test_a_changed_role_or_a_removed_account_ends_the_sign_in_at_the_reload(tab, login_server, accounts):
    users.add("salle@ville.fr", "viewer", PASSWORD, accounts)
    tab.goto(login_server)
    wait_ready(tab, T["auth.title"][0])
    sign_in(tab, "salle@ville.fr", PASSWORD)
    wait_ready(tab, T["page.overview"][0])
    assert sign_in_cookie(tab) is not None
    users.add("salle@ville.fr", "hr", path=accounts)
    tab.reload()
    wait_ready(tab, T["auth.title"][0])
    sign_in(tab, "salle@ville.fr", PASSWORD)
    wait_ready(tab, T["page.overview"][0])
    assert sign_in_cookie(tab) is not None
    users.remove("salle@ville.fr", accounts)
    tab.reload()
    wait_ready(tab, T["auth.title"][0])
    assert not tab.locator('[data-testid="stMetric"]').count()


@pytest.fixture(scope="module")
def local_server(browser_db, tmp_path_factory):
    """The local mode: no account, CADRAN_LOCAL=1 (whatever login_server has set meanwhile)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CADRAN_USERS", str(tmp_path_factory.mktemp("no-accounts") / "users.json"))
        mp.setenv("CADRAN_LOCAL", "1")
        yield from _serve(browser_db, tmp_path_factory)


@pytest.mark.parametrize(
    "headers",
    [{"X-Forwarded-For": "203.0.113.7"}, {"Forwarded": "for=203.0.113.7;proto=https"}],
    ids=["x-forwarded-for", "forwarded"],
)
def test_the_local_mode_refuses_a_request_through_a_proxy(browser, local_server, headers):
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", extra_http_headers=headers)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        tab = context.new_page()
        tab.goto(local_server)
        tab.get_by_text(T["auth.local.proxied"][0].split(" (")[0]).wait_for()
        wait_ready(tab)
        assert not tab.locator('[data-testid="stMetric"]').count()
        assert T["page.data"][0] not in tab.inner_text("body")
    finally:
        context.close()
