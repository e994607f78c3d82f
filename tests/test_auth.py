"""Login and roles, checked on the server: what each role is served, and the local lock-out.

Real parts: the users file written by etl.users (argon2 hashes), the demo loaded by the real
CLI (app_db), dashboard.py run by AppTest. A signed-in local session is what the login form
leaves in session state (ui.auth.SESSION_KEY); an OpenID Connect one is ``at.user``.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from etl import users
from etl.db import connect_ro
from tests.conftest import ROOT, run_cli
from ui import auth
from ui.i18n import t

PASSWORD = "correct horse battery"
ACCOUNTS = {
    "viewer": "dg@ville.fr",
    "hr": "rh@ville.fr",
    "presenter": "salle@ville.fr",
    "admin": "dsi@ville.fr",
}
AGGREGATES = sorted(str(ROOT / p) for p in auth.AGGREGATES)
LATE = t("actions.tab.late")  # the actions page's tab of late and priority actions


@pytest.fixture
def accounts(tmp_path, monkeypatch, app_db):
    path = tmp_path / "users.json"
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    for role, email in ACCOUNTS.items():
        users.add(email, role, PASSWORD, path)
    return path


def signed_in(role: str | None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if role:
        at.session_state[auth.SESSION_KEY] = ACCOUNTS[role]
    at.session_state["actions_tab"] = LATE  # the actions page opens on its tables of actions (owners)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def served(at: AppTest) -> list[str]:
    """The page files the router registered for this session (AppTest names them when asked for
    one it does not know)."""
    with pytest.raises(ValueError, match="Known pages") as refused:
        at.switch_page("ui/auth.py")  # a file that exists but is no page
    known = str(refused.value).split("Known pages: ", 1)[1].rstrip(".")
    return sorted(p.strip(" '[]") for p in known.split(","))  # a set, in a stable order


def owners(at: AppTest) -> set:
    """Every value of the shown tables' owner column (« Pilote »)."""
    found = set()
    for frame in at.dataframe:
        for column in frame.value.columns:
            if column in ("Pilote", "Owner"):
                found |= set(frame.value[column])
    return found


def test_nobody_signed_in_gets_the_login_form_and_no_figure(accounts):
    at = signed_in(None)
    assert at.title[0].value == "Connexion à Cadran"
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe
    assert [b.label for b in at.button] == ["Se connecter"]  # the form's submit button only


def test_viewer_is_served_the_aggregates_only_without_names(accounts, app_db):
    at = signed_in("viewer")
    assert served(at) == AGGREGATES
    assert not at.file_uploader
    at.switch_page("pages/actions.py").run()
    assert not at.exception
    shown = owners(at)
    assert shown == {"—"}, shown  # the column is there, every owner blanked
    with connect_ro(app_db) as con:  # …while the data does name them (hand check of the fixture)
        names = {
            r[0]
            for r in con.execute("SELECT last_name FROM stg_staff WHERE last_name IS NOT NULL").fetchall()
        }
    assert names
    text = " ".join(str(v) for f in at.dataframe for v in f.value.to_numpy().ravel())
    assert not any(f" {n} " in f" {text} " for n in names)


def test_hr_sees_names_the_data_page_and_the_upload(accounts):
    at = signed_in("hr", "pages/actions.py")
    assert owners(at) - {"—"}, "HR sees the owners' names"
    assert served(at) == sorted([*AGGREGATES, str(ROOT / "pages/data.py")])
    at.switch_page("pages/data.py").run()
    assert not at.exception and not at.error
    assert at.file_uploader(key="upload_files")


def test_presenter_has_no_switch_back_and_no_other_page(accounts):
    at = signed_in("presenter")
    presentation = ROOT / auth.PRESENTATION
    assert served(at) == ([str(presentation)] if presentation.exists() else AGGREGATES)
    assert "presenter" not in [w.key for w in at.toggle]  # the presenter switch is not drawn
    assert not at.get("download_button")  # presenter mode is forced: no download, no names
    assert str(ROOT / "pages/data.py") not in served(at)
    assert str(ROOT / "pages/admin.py") not in served(at)


def test_admin_manages_accounts(accounts):
    at = signed_in("admin", "pages/admin.py")
    assert not at.error
    at.text_input(key="admin_email").input("Nouveau@Ville.fr")
    at.selectbox(key="admin_role").set_value("hr")
    at.text_input(key="admin_password").input("un mot de passe long")
    next(b for b in at.button if b.label == "Enregistrer").click()
    at.run()
    assert not at.exception
    assert users.load(accounts)["nouveau@ville.fr"]["role"] == "hr"
    assert users.authenticate("nouveau@ville.fr", "un mot de passe long", accounts).ok


def test_a_page_file_run_alone_still_checks_the_role(accounts):
    """Streamlit runs a page file alone on a fresh server's first request to its URL."""
    at = AppTest.from_file(str(ROOT / "pages/data.py"), default_timeout=60)
    at.session_state[auth.SESSION_KEY] = ACCOUNTS["viewer"]
    at.session_state["_legacy_pages_rerouted"] = True  # past the router's one-time reroute
    at.run()
    assert [e.value for e in at.error] == ["Votre rôle ne permet pas cette page ou cette action."]
    assert not at.file_uploader and not at.dataframe


def test_an_upload_replayed_by_a_viewer_loads_nothing(accounts, tmp_path, monkeypatch):
    db = tmp_path / "pub.duckdb"
    assert run_cli("load", ROOT / "tests/fixtures/edge", "--db", db)[0] == 0
    monkeypatch.setenv("CADRAN_DB", str(db))
    before = db.read_bytes()

    def replay():
        from ui import upload

        upload.run({"staff.csv": b"person_id,organisation,direction,is_manager\nX,V,D,oui\n"}, "fr")

    at = AppTest.from_function(replay, default_timeout=60)
    at.session_state[auth.SESSION_KEY] = ACCOUNTS["viewer"]
    at.run()
    assert [e.value for e in at.error] == ["Votre rôle ne permet pas cette page ou cette action."]
    assert db.read_bytes() == before


def test_a_demoted_user_loses_the_page_at_the_next_run(accounts):
    at = signed_in("hr", "pages/data.py")
    assert at.file_uploader
    users.add(ACCOUNTS["hr"], "viewer", path=accounts)
    at.run()
    assert [e.value for e in at.error] == ["Votre rôle ne permet pas cette page ou cette action."]
    assert not at.file_uploader and not at.dataframe


def _login(at: AppTest, email: str, password: str) -> AppTest:
    at.text_input(key="auth_email").input(email)
    at.text_input(key="auth_password").input(password)
    at.button[0].click()
    return at.run()


def test_local_login_then_lock_out_after_five_failures(accounts):
    at = signed_in(None)
    _login(at, "rh@ville.fr", "wrong password!")
    assert [e.value for e in at.error] == ["Adresse ou mot de passe incorrect."]
    _login(at, "nobody@ville.fr", PASSWORD)  # an unknown e-mail reads the same
    assert [e.value for e in at.error] == ["Adresse ou mot de passe incorrect."]
    for _ in range(users.MAX_FAILURES - 1):
        _login(at, "rh@ville.fr", "wrong password!")
    assert "verrouillé" in at.error[0].value
    # a fresh session (another browser) with the right password is refused too: the count is on the server
    other = _login(signed_in(None), "RH@ville.fr", PASSWORD)
    assert "verrouillé" in other.error[0].value and not other.metric
    locked = dt.datetime.fromisoformat(users.load(accounts)["rh@ville.fr"]["locked_until"])
    assert dt.timedelta(minutes=14) < locked - dt.datetime.now(dt.UTC) <= dt.timedelta(minutes=15)
    assert run_cli("users", "unlock", "rh@ville.fr", "--users", accounts)[0] == 0
    ok = _login(signed_in(None), "rh@ville.fr", PASSWORD)
    assert not ok.error and ok.metric  # the overview's cards
    assert ok.session_state[auth.SESSION_KEY] == "rh@ville.fr"


def test_lock_expires(accounts):
    now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    for _ in range(users.MAX_FAILURES):
        users.authenticate("dg@ville.fr", "nope", accounts, now)
    assert (
        users.authenticate("dg@ville.fr", PASSWORD, accounts, now + dt.timedelta(minutes=14)).reason
        == "locked"
    )
    assert users.authenticate("dg@ville.fr", PASSWORD, accounts, now + dt.timedelta(minutes=16)).ok


def test_the_users_file_holds_no_password(accounts):
    text = accounts.read_text()
    assert PASSWORD not in text
    assert all(e["hash"].startswith("$argon2id$") for e in json.loads(text)["users"].values())
    assert oct(accounts.stat().st_mode & 0o777) == "0o600"


def test_cli_creates_the_first_admin(tmp_path):
    path = tmp_path / "u.json"
    proc_code, out, err = run_cli("users", "configured", "--users", path)
    assert proc_code == 1  # nothing configured yet: make run binds 127.0.0.1
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "etl", "users", "add", "Admin@Ville.fr", "--role", "admin", "--password-stdin",
         "--users", str(path)],
        input="un mot de passe solide\n", capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert users.load(path)["admin@ville.fr"]["role"] == "admin"
    assert users.authenticate("admin@ville.fr", "un mot de passe solide", path).ok
    assert run_cli("users", "configured", "--users", path)[0] == 0
    code, _, err = run_cli("users", "add", "x@ville.fr", "--role", "boss", "--no-password", "--users", path)
    assert code == 2  # argparse refuses an unknown role
    proc = subprocess.run(
        [sys.executable, "-m", "etl", "users", "add", "y@ville.fr", "--password-stdin", "--users", str(path)],
        input="court\n", capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1 and "trop court" in proc.stderr


def test_no_accounts_is_one_local_user_with_full_access_said_on_every_page(app):
    at = app()
    assert served(at) == sorted([*AGGREGATES, str(ROOT / "pages/data.py"), str(ROOT / "pages/admin.py")])
    for page in served(at):
        at.switch_page(page).run()
        assert not at.exception
        assert any(c.value.startswith("Mode local : un seul utilisateur") for c in at.sidebar.caption), page


def test_no_accounts_on_another_address_is_refused(app_db, monkeypatch):
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    finally:
        config.set_option("server.address", before)
    assert at.error[0].value.startswith("Cadran sert sur 0.0.0.0 sans aucune connexion configurée")
    assert not at.metric


@pytest.fixture
def oidc(tmp_path, monkeypatch, app_db):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\nredirect_uri = "https://cadran.ville.fr/oauth2callback"\n')
    monkeypatch.setenv("CADRAN_SECRETS", str(secrets))
    monkeypatch.setenv("CADRAN_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    users.add("rh@ville.fr", "hr", path=tmp_path / "users.json")  # no password: the provider proves it


def _oidc_app(user: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.user = user
    return at.run()


def test_oidc_roles_come_from_the_users_file(oidc):
    at = _oidc_app({"is_logged_in": True, "email": "rh@ville.fr"})
    assert not at.exception
    assert str(ROOT / "pages/data.py") in served(at)
    stranger = _oidc_app({"is_logged_in": True, "email": "inconnu@ville.fr"})
    assert stranger.error[0].value.startswith("inconnu@ville.fr n'a pas de rôle dans Cadran")
    assert not stranger.metric
    out = _oidc_app({"is_logged_in": False})
    assert [b.label for b in out.button] == ["Se connecter avec le compte de la collectivité"]
    assert not out.metric


def test_admin_sets_the_retention_used_by_the_next_load(accounts, tmp_path, monkeypatch):
    from etl import gdpr

    db = tmp_path / "pub.duckdb"
    assert run_cli("load", ROOT / "tests/fixtures/edge", "--db", db)[0] == 0
    monkeypatch.setenv("CADRAN_DB", str(db))
    at = signed_in("admin", "pages/admin.py")
    at.number_input(key="admin_retention").set_value(7).run()
    at.button(key="admin_retention_save").click().run()
    assert not at.exception
    monkeypatch.delenv("CADRAN_RETENTION_YEARS")
    assert gdpr.retention_years(db) == 7
    viewer = signed_in("viewer")
    assert str(ROOT / "pages/admin.py") not in served(viewer)


def test_the_local_mode_notice_speaks_the_language_of_the_link(app_db, monkeypatch):
    """A link with ``lang=en`` on a session's first run: the notice is drawn before the filters
    read the link, and it is English too (it was French in the English interface)."""
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    notices = [c.value for c in at.sidebar.caption if "127.0.0.1" in c.value]
    assert notices == [
        "Local mode: a single user, on this computer (127.0.0.1), without sign-in. "
        "Set up accounts before opening it to other computers (README)."
    ]
    assert at.title[0].value == "Overview"
