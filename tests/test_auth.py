"""Login and roles, checked on the server: what each role is served, and the local lock-out.

Real parts: the users file written by etl.admin.users (argon2 hashes), the demo loaded by the real
CLI (app_db), dashboard.py run by AppTest. A signed-in local session is what the login form
leaves in session state (ui.auth.SESSION_KEY); an OpenID Connect one is ``at.user``.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit import config
from streamlit.testing.v1 import AppTest

from etl.__main__ import main as etl_main
from etl.admin import users
from etl.store.db import connect_ro
from etl.text.i18n import t
from tests.conftest import ROOT, load_db, run_cli, run_cli_process
from ui import auth

PASSWORD = "correct horse battery"
ACCOUNTS = {
    "viewer": "dg@ville.fr",
    "hr": "rh@ville.fr",
    "presenter": "salle@ville.fr",
    "admin": "dsi@ville.fr",
}
# What a viewer opens, written out (not read from ui.auth: a page added to or dropped from the
# role by mistake must fail here)
AGGREGATES = sorted(
    str(ROOT / "pages" / p)
    for p in (
        "overview.py",
        "participation.py",
        "transversality.py",
        "training.py",
        "surveys.py",
        "actions.py",
        "budget.py",
        "compare.py",
        "presentation.py",
    )
)
LATE = t("actions.tab.late")  # the actions page's tab of late and priority actions


@pytest.fixture(scope="session")
def accounts_written(tmp_path_factory) -> Path:
    """The users file of ACCOUNTS, written once: argon2 takes its time on each hash, on purpose."""
    path = tmp_path_factory.mktemp("four-accounts") / "users.json"
    for role, email in ACCOUNTS.items():
        users.add(email, role, PASSWORD, path)
    return path


@pytest.fixture
def accounts(tmp_path, monkeypatch, app_db, accounts_written):
    """A copy of that users file (and its lock file, modes kept) for this test to change."""
    for written in accounts_written.parent.iterdir():
        shutil.copy(written, tmp_path / written.name)
    path = tmp_path / accounts_written.name
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    return path


def signed_in(role: str | None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if role:
        at.session_state[auth.SESSION_KEY] = ACCOUNTS[role]
    at.session_state["actions_tab"] = LATE  # the actions page opens on its tables of actions (owners)
    if page:  # opened at its own address
        at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def served(at: AppTest) -> list[str]:
    """The page files the router registered for this session (AppTest names them when asked for
    one it does not know), but pages/refused.py: what answers at the URLs of the others' pages."""
    with pytest.raises(ValueError, match="Known pages") as refused:
        at.switch_page("ui/auth.py")  # a file that exists but is no page
    known = str(refused.value).split("Known pages: ", 1)[1].rstrip(".")
    pages = {p.strip(" '[]") for p in known.split(",")} - {str(ROOT / "pages/refused.py")}
    return sorted(pages)  # a set, in a stable order


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
    assert served(at) == [str(ROOT / "pages/presentation.py")]  # the slideshow alone
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
    load_db(db, ROOT / "tests/fixtures/edge")
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
    add = ("users", "add", "Admin@Ville.fr", "--role", "admin", "--password-stdin", "--users", path)
    code, _, err = run_cli(*add, stdin="un mot de passe solide\n")
    assert code == 0, err
    assert users.load(path)["admin@ville.fr"]["role"] == "admin"
    assert users.authenticate("admin@ville.fr", "un mot de passe solide", path).ok
    assert run_cli("users", "configured", "--users", path)[0] == 0
    code, _, err = run_cli("users", "add", "x@ville.fr", "--role", "boss", "--no-password", "--users", path)
    assert code == 2  # argparse refuses an unknown role
    code, _, err = run_cli("users", "add", "y@ville.fr", "--password-stdin", "--users", path, stdin="court\n")
    assert code == 1 and "trop court" in err


def test_a_deployed_password_hash_is_argon2id_at_its_recommended_cost(tmp_path):
    """The suite hashes in process at argon2's test profile (tests/conftest.py): what the command line
    writes, as a deployment does, is argon2id at RFC 9106's low-memory profile (64 MiB, 3 passes)."""
    path = tmp_path / "u.json"
    add = ("users", "add", "admin@ville.fr", "--role", "admin", "--password-stdin", "--users", path)
    code, _, err = run_cli_process(*add, stdin="un mot de passe solide\n")
    assert code == 0, err
    hashed = users.load(path)["admin@ville.fr"]["hash"]
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert users.authenticate("admin@ville.fr", "un mot de passe solide", path).ok


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
    from etl.admin import gdpr

    db = tmp_path / "pub.duckdb"
    load_db(db, ROOT / "tests/fixtures/edge")
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


# --- an open door closed

SETUP_TITLE = "Cadran n'est pas encore ouvert"
SETUP_COMMAND = "python -m etl users add dsi@ville.fr --role admin --password-stdin"
LAST_ADMIN_FR = (
    "dsi@ville.fr est le dernier administrateur : il ne peut être ni supprimé ni rétrogradé. "
    "Nommez d'abord un autre administrateur."
)
LAST_ADMIN_CLI = f"Erreur : {LAST_ADMIN_FR}\n"  # the command line's words are the page's


def _dashboard(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def _nothing_served(at: AppTest) -> None:
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe and not at.file_uploader
    assert not at.sidebar.caption  # no local-mode banner: nobody is let in
    assert not [b for b in at.button if b.label != "Se connecter"]


@pytest.mark.parametrize(
    "content",
    [None, "", "{}", '{"users": null}', '{"users": {}}', '{"other": 1}', "   \n"],
    ids=["missing", "empty-file", "empty-object", "users-null", "users-empty", "no-users-key", "blank"],
)
@pytest.mark.parametrize("local", [None, "0", "true", "yes", ""])
def test_no_account_without_cadran_local_serves_only_how_to_create_the_first_admin(
    content, local, tmp_path, monkeypatch, app_db
):
    """Only CADRAN_LOCAL=1 opens the local mode: no users file state and no other value does."""
    path = tmp_path / "users.json"
    if content is not None:
        path.write_text(content)
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    if local is None:
        monkeypatch.delenv("CADRAN_LOCAL", raising=False)
    else:
        monkeypatch.setenv("CADRAN_LOCAL", local)
    at = _dashboard()
    assert at.title[0].value == SETUP_TITLE
    if content in ("", "   \n"):  # not JSON: unreadable, the same closed door
        assert at.error[0].value.startswith("Le fichier des comptes (data/users.json) ne se lit pas")
    else:
        assert at.error[0].value.startswith("Aucun compte n'est configuré : Cadran ne sert aucune donnée.")
    assert at.code[0].value == SETUP_COMMAND
    _nothing_served(at)


@pytest.mark.parametrize(
    "content",
    ["{broken", "[]", '{"users": []}', '{"users": "dsi@ville.fr"}', '"users"', "\xff\xfe{"],
    ids=["bad-json", "list", "users-list", "users-string", "string", "not-utf8"],
)
def test_an_unreadable_users_file_lets_nobody_in_even_with_cadran_local(
    content, tmp_path, monkeypatch, app_db
):
    path = tmp_path / "users.json"
    path.write_bytes(content.encode("latin-1"))
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = _dashboard()  # CADRAN_LOCAL=1 (conftest): a broken file still never opens the local mode
    assert at.title[0].value == SETUP_TITLE
    assert at.error[0].value == (
        "Le fichier des comptes (data/users.json) ne se lit pas : Cadran ne laisse entrer personne. "
        "Corrigez-le, ou supprimez-le puis recréez le premier administrateur :"
    )
    _nothing_served(at)
    assert run_cli("users", "configured", "--users", path)[0] == 1
    code, _, err = run_cli("users", "add", "x@ville.fr", "--role", "admin", "--no-password", "--users", path)
    assert code == 1 and err.startswith("Erreur : Le fichier des comptes ne se lit pas (")
    assert path.read_bytes() == content.encode("latin-1")  # never overwritten


def test_the_setup_message_speaks_english_from_the_link(tmp_path, monkeypatch, app_db):
    monkeypatch.delenv("CADRAN_LOCAL")
    monkeypatch.setenv("CADRAN_USERS", str(tmp_path / "users.json"))
    at = _dashboard("en")
    assert at.title[0].value == "Cadran is not open yet"
    assert at.error[0].value.startswith("No account is configured: Cadran serves no data.")
    assert at.code[0].value == "python -m etl users add it@city.org --role admin --password-stdin"


def test_a_page_file_run_alone_without_account_or_local_mode_is_refused(tmp_path, monkeypatch, app_db):
    monkeypatch.delenv("CADRAN_LOCAL")
    monkeypatch.setenv("CADRAN_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "pages/admin.py"), default_timeout=60)
    at.session_state["_legacy_pages_rerouted"] = True
    at.run()
    assert at.error[0].value.startswith("Aucun compte n'est configuré : Cadran ne sert aucune donnée.")
    assert not at.text_input and not at.dataframe and not at.button


def test_users_configured_says_when_make_run_chooses_the_local_mode(tmp_path):
    path = tmp_path / "users.json"
    assert run_cli("users", "configured", "--users", path)[0] == 1  # missing: make run sets CADRAN_LOCAL=1
    path.write_text('{"users": null}')
    assert run_cli("users", "configured", "--users", path)[0] == 1
    users.add("dsi@ville.fr", "admin", PASSWORD, path)
    assert run_cli("users", "configured", "--users", path)[0] == 0  # accounts: make run signs in


def _cli(capsys, *args) -> tuple[int, str, str]:
    """`python -m etl users ARGS` in this process: exit code, stdout, stderr."""
    code = etl_main(["users", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_refuses_to_remove_or_demote_the_last_admin(accounts, capsys):
    assert _cli(capsys, "remove", "DSI@ville.fr", "--users", accounts) == (1, "", LAST_ADMIN_CLI)
    assert _cli(capsys, "add", "dsi@ville.fr", "--role", "viewer", "--no-password", "--users", accounts) == (
        1,
        "",
        LAST_ADMIN_CLI,
    )
    assert users.load(accounts)["dsi@ville.fr"]["role"] == "admin"
    # with a second administrator, the first may go
    assert _cli(capsys, "add", "rh@ville.fr", "--role", "admin", "--no-password", "--users", accounts)[0] == 0
    assert _cli(capsys, "remove", "dsi@ville.fr", "--users", accounts) == (0, "Supprimé : dsi@ville.fr\n", "")
    assert _cli(capsys, "add", "rh@ville.fr", "--role", "hr", "--no-password", "--users", accounts)[0] == 1


def test_cli_add_without_role_keeps_the_current_role(accounts, capsys):
    code, out, _ = _cli(capsys, "add", "dsi@ville.fr", "--no-password", "--users", accounts)
    assert (code, out) == (0, "Enregistré : dsi@ville.fr (admin)\n")


def test_an_admin_without_password_does_not_count_as_the_last_admin(accounts, capsys):
    """In the password mode an admin who cannot sign in leaves nobody to administer."""
    assert (
        _cli(capsys, "add", "sso@ville.fr", "--role", "admin", "--no-password", "--users", accounts)[0] == 0
    )
    assert _cli(capsys, "remove", "dsi@ville.fr", "--users", accounts) == (1, "", LAST_ADMIN_CLI)


def test_the_users_page_refuses_to_remove_the_last_admin(accounts):
    at = signed_in("admin", "pages/admin.py")
    at.selectbox(key="admin_account").set_value("dsi@ville.fr").run()
    at.button(key="admin_remove").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [LAST_ADMIN_FR]
    assert not at.success
    assert users.load(accounts)["dsi@ville.fr"]["role"] == "admin"


def test_the_users_page_refuses_to_demote_the_last_admin(accounts):
    at = signed_in("admin", "pages/admin.py")
    at.text_input(key="admin_email").input("dsi@ville.fr")
    at.selectbox(key="admin_role").set_value("hr")
    next(b for b in at.button if b.label == "Enregistrer").click()
    at.run()
    assert [e.value for e in at.error] == [LAST_ADMIN_FR]
    assert users.role_of("dsi@ville.fr", accounts) == "admin"
    at.switch_page("pages/data.py").run()  # still an administrator: the data page opens
    assert not at.error


def test_the_last_admin_rule_is_said_in_english_too(accounts):
    with pytest.raises(users.UserError) as refused:
        users.remove("dsi@ville.fr", accounts)
    assert refused.value.words("en") == (
        "dsi@ville.fr is the last administrator: they can be neither removed nor demoted. "
        "Make someone else an administrator first."
    )


def _without_role(accounts, entry: dict) -> None:
    data = json.loads(accounts.read_text())
    data["users"]["sans.role@ville.fr"] = entry
    accounts.write_text(json.dumps(data))


@pytest.mark.parametrize("role", [None, "boss", ""], ids=["no-role", "unknown-role", "empty-role"])
def test_an_account_without_a_role_is_unknown_with_a_clear_message(accounts, role):
    entry = {"hash": users.load(accounts)["dg@ville.fr"]["hash"]}  # the same password as dg@
    if role is not None:
        entry["role"] = role
    _without_role(accounts, entry)
    at = _login(signed_in(None), "sans.role@ville.fr", PASSWORD)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "sans.role@ville.fr n'a pas de rôle dans Cadran : demandez à un administrateur de vous en donner un."
    ]
    assert at.title[0].value == "Connexion à Cadran"
    assert not at.metric and auth.SESSION_KEY not in at.session_state


def test_an_account_without_a_role_is_listed_as_unknown(accounts, capsys):
    _without_role(accounts, {})
    admin = signed_in("admin", "pages/admin.py")
    assert not admin.exception
    listing = next(f.value for f in admin.dataframe if "sans.role@ville.fr" in f.value.to_numpy().ravel())
    row = listing[listing.iloc[:, 0] == "sans.role@ville.fr"].iloc[0]
    assert "aucun rôle (compte inconnu)" in list(row)
    code, out, _ = _cli(capsys, "list", "--users", accounts)
    assert code == 0
    assert "sans.role@ville.fr                       (aucun rôle : compte inconnu) OpenID Connect" in out


def test_an_entry_that_is_not_an_object_is_an_account_without_role(accounts):
    data = json.loads(accounts.read_text())
    data["users"]["chaine@ville.fr"] = "admin"
    accounts.write_text(json.dumps(data))
    assert users.role_of("chaine@ville.fr", accounts) is None
    assert users.role_of("dsi@ville.fr", accounts) == "admin"
    assert signed_in(None).title[0].value == "Connexion à Cadran"


@pytest.mark.parametrize(
    "blank", [" " * 12, "\t" * 12, "\u00a0" * 12, "\u200b" * 12, " " * 11 + "\u200b", "\u3000" * 12]
)
def test_blank_passwords_are_refused(blank, tmp_path, capsys, monkeypatch):
    path = tmp_path / "users.json"
    with pytest.raises(users.UserError, match="Mot de passe vide"):
        users.add("dsi@ville.fr", "admin", blank, path)
    monkeypatch.setattr("sys.stdin", io.StringIO(blank + "\n"))
    code, _, err = _cli(capsys, "add", "dsi@ville.fr", "--role", "admin", "--password-stdin", "--users", path)
    assert (code, err) == (1, "Erreur : Mot de passe vide : des espaces ne suffisent pas.\n")
    assert not path.exists()


def test_invisible_characters_do_not_count_towards_the_length(tmp_path):
    with pytest.raises(users.UserError, match="trop court"):
        users.add("dsi@ville.fr", "admin", "abc" + "\u200b" * 9, tmp_path / "users.json")


def test_the_users_page_refuses_a_blank_password(accounts):
    at = signed_in("admin", "pages/admin.py")
    at.text_input(key="admin_email").input("nouveau@ville.fr")
    at.text_input(key="admin_password").input(" " * 12)
    next(b for b in at.button if b.label == "Enregistrer").click()
    at.run()
    assert [e.value for e in at.error] == ["Mot de passe vide : des espaces ne suffisent pas."]
    assert "nouveau@ville.fr" not in users.load(accounts)


COMPOSED = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"  # « é » as one code point (Windows, Linux)
DECOMPOSED = "cafe\u0301 cre\u0300me bru\u0302le\u0301e"  # e + combining accent (macOS)


@pytest.mark.parametrize("chosen, typed", [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_a_password_matches_whatever_its_accents_are_typed_as(chosen, typed, accounts):
    assert chosen != typed and len(COMPOSED) == 17 and len(DECOMPOSED) == 21
    users.add("accents@ville.fr", "viewer", chosen, accounts)
    at = _login(signed_in(None), "accents@ville.fr", typed)
    assert not at.error
    assert at.session_state[auth.SESSION_KEY] == "accents@ville.fr"
    assert at.metric  # the overview's cards


def test_a_hash_made_from_a_decomposed_password_before_the_rule_still_matches(accounts):
    data = json.loads(accounts.read_text())
    data["users"]["mac@ville.fr"] = {"role": "viewer", "hash": PasswordHasher().hash(DECOMPOSED)}
    accounts.write_text(json.dumps(data))
    assert users.authenticate("mac@ville.fr", COMPOSED, accounts).ok
    assert users.authenticate("mac@ville.fr", DECOMPOSED, accounts).ok
    assert PasswordHasher().verify(users.load(accounts)["mac@ville.fr"]["hash"], COMPOSED)  # made again, NFC


# --- a sign-in that survives a reload: the token the cookie holds

NOW = dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.UTC)


def test_a_token_signs_in_for_ten_hours(accounts):
    token = users.issue_token("RH@ville.fr", accounts, NOW)
    assert users.token_user(token, accounts, NOW) == "rh@ville.fr"
    assert users.token_user(token, accounts, NOW + dt.timedelta(hours=9, minutes=59)) == "rh@ville.fr"
    assert users.token_user(token, accounts, NOW + dt.timedelta(hours=10)) is None


def test_a_token_is_void_once_signed_out_removed_demoted_or_its_password_changed(accounts):
    def fresh():
        return users.issue_token("rh@ville.fr", accounts, NOW)

    token = fresh()
    users.sign_out("rh@ville.fr", accounts)
    assert users.token_user(token, accounts, NOW) is None  # a signed-out token replayed: nothing
    token = fresh()
    users.add("rh@ville.fr", "viewer", path=accounts)
    assert users.token_user(token, accounts, NOW) is None  # another role
    token = fresh()
    users.add("rh@ville.fr", None, "un autre mot de passe", accounts)
    assert users.token_user(token, accounts, NOW) is None  # a new password
    token = fresh()
    users.remove("rh@ville.fr", accounts)
    assert users.token_user(token, accounts, NOW) is None  # removed


def test_a_forged_token_signs_nobody_in(accounts, tmp_path):
    token = users.issue_token("dg@ville.fr", accounts, NOW)
    payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["e"] == "dg@ville.fr"
    claims["e"] = "dsi@ville.fr"  # the admin, with the viewer's signature
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=") + "." + signature
    assert users.token_user(forged, accounts, NOW) is None
    other = tmp_path / "elsewhere" / "users.json"  # the same accounts, another server's secret
    other.parent.mkdir()
    other.write_text(accounts.read_text())
    assert users.token_user(token, other, NOW) is None
    for junk in (None, "", "x", "a.b", token + "x"):
        assert users.token_user(junk, accounts, NOW) is None


def test_the_secret_is_made_at_first_use_mode_600(accounts):
    key = accounts.with_name("sign-in.key")
    assert not key.exists()
    users.issue_token("dg@ville.fr", accounts)
    assert oct(key.stat().st_mode & 0o777) == "0o600" and len(key.read_text()) == 64
    before = key.read_bytes()
    users.issue_token("rh@ville.fr", accounts)
    assert key.read_bytes() == before


def test_signing_in_gives_the_session_a_token_for_the_cookie(accounts):
    """The cookie's write, the reload and the sign-out button: tests/test_browser_auth.py."""
    at = _login(signed_in(None), "rh@ville.fr", PASSWORD)
    token = at.session_state[auth.COOKIE_TOKEN]
    assert users.token_user(token, accounts) == "rh@ville.fr"


def test_a_sign_out_in_another_browser_ends_this_session_at_its_next_run(accounts):
    at = _login(signed_in(None), "rh@ville.fr", PASSWORD)
    assert at.metric
    users.sign_out("rh@ville.fr", accounts)  # what the other browser's « Se déconnecter » does
    at.run()
    assert at.title[0].value == "Connexion à Cadran" and not at.metric


def test_an_admin_who_changes_their_own_password_stays_signed_in(accounts):
    at = signed_in("admin", "pages/admin.py")
    at.text_input(key="admin_email").input("dsi@ville.fr")
    at.selectbox(key="admin_role").set_value("admin")
    at.text_input(key="admin_password").input("un tout nouveau mot de passe")
    next(b for b in at.button if b.label == "Enregistrer").click()
    at.run()
    assert [s.value for s in at.success] == ["Compte dsi@ville.fr enregistré (administrateur)."]
    at.run()
    assert at.title[0].value == "Utilisateurs" and not at.error
    assert users.token_user(at.session_state[auth.COOKIE_TOKEN], accounts) == "dsi@ville.fr"


@pytest.mark.parametrize(
    "address, headers, refusal",
    [
        ("127.0.0.1", {"Host": "localhost:8501"}, None),
        ("127.0.0.1", {"Host": "127.0.0.1:8501"}, None),
        ("::1", {"Host": "[::1]:8501"}, None),
        (None, {}, None),  # AppTest: no server, no request
        ("0.0.0.0", {"Host": "localhost:8501"}, "exposed"),
        ("", {"Host": "localhost:8501"}, "exposed"),  # Streamlit's default: every interface
        ("127.0.0.1", {"Host": "cadran.ville.fr"}, "proxied"),  # the README's reverse proxy
        ("127.0.0.1", {"Host": "localhost:8501", "X-Forwarded-For": "203.0.113.7"}, "proxied"),
        ("127.0.0.1", {"Host": "localhost:8501", "Forwarded": "for=203.0.113.7"}, "proxied"),
        ("127.0.0.1", {"Host": "evil.example:8501"}, "proxied"),  # DNS rebinding to 127.0.0.1
    ],
)
def test_the_local_mode_serves_this_computer_only(address, headers, refusal):
    assert auth.local_refusal(address, headers) == refusal


@pytest.mark.parametrize(
    "entry, shown",
    [
        ({"role": "hr", "hash": None}, "Adresse ou mot de passe incorrect."),
        ({"role": "hr", "hash": 12}, "Adresse ou mot de passe incorrect."),
        ({"role": "hr", "failures": "trois"}, None),
        ({"role": "hr", "session": "x"}, None),
        ({"role": "hr", "locked_until": "2999-01-01T00:00:00"}, "Compte verrouillé"),  # no time zone
        ({"role": "hr", "locked_until": "demain"}, "Compte verrouillé"),
    ],
    ids=["hash-null", "hash-number", "failures-text", "session-text", "lock-naive", "lock-text"],
)
def test_a_hand_edited_entry_is_refused_or_served_never_a_crash(entry, shown, accounts):
    data = json.loads(accounts.read_text())
    data["users"]["main@ville.fr"] = {"hash": data["users"]["rh@ville.fr"]["hash"], **entry}
    accounts.write_text(json.dumps(data))
    at = _login(signed_in(None), "main@ville.fr", PASSWORD)
    assert not at.exception
    if shown is None:
        assert not at.error and at.metric  # signed in
    else:
        assert at.error[0].value.startswith(shown) and not at.metric


def test_every_file_the_accounts_write_is_private(tmp_path):
    folder = tmp_path / "data"
    path = folder / "users.json"
    users.add("dsi@ville.fr", "admin", PASSWORD, path)
    users.issue_token("dsi@ville.fr", path)
    written = sorted(p.name for p in folder.iterdir())
    assert written == [".users.json.lock", "sign-in.key", "users.json"]
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in folder.iterdir()} == dict.fromkeys(
        written, "0o600"
    )
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
