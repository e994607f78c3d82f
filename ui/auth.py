"""Who is looking, and what their role lets them open or do: checked on the server at every run.

Five modes (etl.admin.users.mode):

- ``oidc``: ``[auth]`` in ``.streamlit/secrets.toml``; ``st.login`` proves the e-mail, the users
  file gives its role (an e-mail it does not know gets nothing);
- ``password``: e-mails and argon2 password hashes in the users file, with the lock-out of
  etl.admin.users.authenticate; a sign-in survives a reload for a working day (a signed cookie);
- ``local``: no account and ``CADRAN_LOCAL=1`` (make run): one local user with full access,
  served on 127.0.0.1 only (any other address, or a request through a proxy, is refused), and
  every page says so;
- ``setup``: no account and the local mode not chosen: nothing is served but how to create the
  first administrator;
- ``broken``: the users file cannot be read: nothing is served but what to do.

``PAGES`` maps each role to the page files it may open: dashboard.py builds the navigation from
it, so a page left out is not served at all; ``require(role)`` is called again by every action
that changes data (upload, rollback, forget), so a replayed request from another role gets nothing.

The cookie: ``st.context.cookies`` reads it on the server at a session's first run (no extra
round trip, no flash of the sign-in form); extra-streamlit-components' CookieManager (the cookie
component streamlit-authenticator uses) writes it in the browser. It holds a token signed by
etl.admin.users (itsdangerous, a secret in a mode-600 file) that expires after ``SIGN_IN_HOURS``;
signing out raises the account's session number on the server, so the token replayed does nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import extra_streamlit_components as stx
import pandas as pd
import streamlit as st

from etl.admin import users
from etl.text.i18n import t

ROOT = Path(__file__).resolve().parent.parent
PRESENTATION = "pages/presentation.py"  # the slideshow: aggregates only, no names
AGGREGATES = (
    "pages/overview.py",
    "pages/participation.py",
    "pages/transversality.py",
    "pages/training.py",
    "pages/surveys.py",
    "pages/actions.py",
    "pages/budget.py",
    "pages/compare.py",
    PRESENTATION,
)
HR_PAGES = ("pages/data.py",)
ADMIN_PAGES = ("pages/admin.py",)

GRANTS = users.GRANTS  # what each permission is granted to (one table, for the app and the mail)
LOCAL = "local"  # the user of the "local" mode
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PROXY_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-Ip")
SESSION_KEY = "_cadran_user"  # the e-mail a local login proved (session state lives on the server)
SESSION_NUMBER = "_cadran_session"  # the account's session number at sign-in (raised at sign-out)
COOKIE_TOKEN = "_cadran_token"  # the signed token this session's sign-in puts in the cookie
SIGNED_OUT = "_cadran_signed_out"  # this session's sign-in ended: the browser's cookie is cleared
COOKIE_EXPIRES = "_cadran_cookie_expires"  # when the cookie written for this sign-in expires
COOKIE = "cadran_sign_in"


def _exists(path: str) -> bool:
    return (ROOT / path).is_file()


def page_title(path: str) -> str:
    """The translation key of a page file's title: « pages/data.py » → « page.data »."""
    return "page." + path.removeprefix("pages/").removesuffix(".py")


def pages_for(role: str | None) -> list[str]:
    """The page files ``role`` may open, in the navigation's order (a missing file is left out)."""
    if role == "presenter":
        chosen = (PRESENTATION,)  # the slideshow alone, with no way back
    elif role == "viewer":
        chosen = AGGREGATES
    elif role == "hr":
        chosen = AGGREGATES + HR_PAGES
    elif role == "admin":
        chosen = AGGREGATES + HR_PAGES + ADMIN_PAGES
    else:
        chosen = ()
    return [p for p in chosen if _exists(p)]


@dataclass(frozen=True)
class User:
    email: str
    role: str | None  # None: authenticated, but the users file gives this e-mail no role
    mode: str

    def may(self, permission: str) -> bool:
        return users.may(self.role, permission)

    @property
    def pages(self) -> list[str]:
        return pages_for(self.role)


def mode() -> str:
    return users.mode()


def current_user() -> User | None:
    """This session's user, the role read afresh from the users file; None when nobody is logged in."""
    how = mode()
    if how == "local":  # this computer's own browser only, for every check (require, can)
        return None if _local_refusal() else User(LOCAL, "admin", how)
    if how == "oidc":
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "")
        return User(email, users.role_of(email), how)
    if how != "password":  # setup, broken: nobody
        return None
    if not (SESSION_KEY in st.session_state or st.context.cookies.get(COOKIE)):
        return None  # nobody signed in this session, and no cookie to try
    email = _signed_in_email()
    role = users.role_of(email)
    if role is None:  # signed out, removed from the users file (or its role) since: logged out
        _end_session()
        return None
    return User(email, role, how)


def _signed_in_email() -> str | None:
    """The e-mail this session signed in, or that a reload's cookie signs in; None once the
    account's session number moved (signed out in another browser, a new password)."""
    email = st.session_state.get(SESSION_KEY) or _from_cookie()
    if not email:
        return None
    number = users.session_number(email)
    if st.session_state.setdefault(SESSION_NUMBER, number) != number:
        return None
    return email


def _from_cookie() -> str | None:
    """The e-mail the browser's sign-in cookie proves (a reload, a new tab, a shared link)."""
    if st.session_state.get(SIGNED_OUT):
        return None
    email = users.token_user(st.context.cookies.get(COOKIE))
    if email:
        st.session_state[SESSION_KEY] = email
        st.session_state[SESSION_NUMBER] = users.session_number(email)
    return email


def _start_session(email: str) -> None:
    st.session_state[SESSION_KEY] = email
    st.session_state[SESSION_NUMBER] = users.session_number(email)
    st.session_state[COOKIE_TOKEN] = users.issue_token(email)
    st.session_state[COOKIE_EXPIRES] = dt.datetime.now(dt.UTC) + dt.timedelta(hours=users.SIGN_IN_HOURS)
    st.session_state.pop(SIGNED_OUT, None)


def renew_sign_in(email: str) -> None:
    """After this session's user changed their own password: their sign-in goes on, with a new
    token (the change ended the others)."""
    if st.session_state.get(SESSION_KEY) == email:
        _start_session(email)


def _end_session() -> None:
    for key in (SESSION_KEY, SESSION_NUMBER, COOKIE_TOKEN, COOKIE_EXPIRES):
        st.session_state.pop(key, None)
    st.session_state[SIGNED_OUT] = True


def can(permission: str) -> bool:
    user = current_user()
    return user is not None and user.may(permission)


def require(permission: str) -> User:
    """The user when they hold ``permission``; otherwise says it is refused and stops the run."""
    user = current_user()
    if user is None or not user.may(permission):
        st.error(t("auth.denied"), icon=":material/block:")
        st.stop()
    return user


def gate(paths: list[str] | None = None, default: str | None = None) -> User:
    """The login (or the refusal) when nobody allowed is here, and stops; else the user, whose
    identity and logout are drawn in the sidebar.

    With the router's ``paths``, the login answers at every page's URL, so the page asked for
    (a bookmark, a shared link) is the one opened after signing in, if the role allows it."""
    how = mode()
    if how in ("setup", "broken"):
        _everywhere(_setup_page if how == "setup" else _broken_page, paths, default, "auth.setup.title")
    if how == "local":
        _check_local()
        st.sidebar.caption(t("auth.none.banner"))
        return current_user()
    user = current_user()
    if user is None:
        _everywhere(_login_page, paths, default)
    if user.role is None:
        st.error(t("auth.unknown", email=user.email), icon=":material/block:")
        _logout_button(how)
        st.stop()
    _write_cookie()
    with st.sidebar:
        st.caption(t("auth.signed_in", email=user.email, role=t(f"auth.role.{user.role}")))
        _logout_button(how)
    return user


def _everywhere(page, paths: list[str] | None, default: str | None, title: str = "auth.title") -> None:
    """``page`` (the login, or why nothing is served) at every page's URL, then the run stops."""
    if paths:
        served = [
            st.Page(
                page,
                title=t(title),
                icon=":material/login:",
                default=p == default,
                url_path=None if p == default else p.removeprefix("pages/").removesuffix(".py"),
            )
            for p in paths
        ]
        st.navigation(served, position="hidden").run()
    else:
        page()
    st.stop()


def _check_local() -> None:
    """The local mode serves this computer only: a loopback address, no proxy in between."""
    refusal = _local_refusal()
    if refusal == "exposed":
        address = st.get_option("server.address")
        st.error(t("auth.none.exposed", address=address or "0.0.0.0"), icon=":material/block:")
    elif refusal:
        st.error(t("auth.local.proxied"), icon=":material/block:")
    if refusal:
        st.stop()


def _local_refusal() -> str | None:
    address = st.get_option("server.address") if st.runtime.exists() else None
    return local_refusal(address, st.context.headers)


def local_refusal(address: str | None, headers: Mapping[str, str]) -> str | None:
    """Why the local mode refuses a request: ``"exposed"`` (the server listens beyond this
    computer), ``"proxied"`` (it came through a proxy, or under a name other than localhost);
    None for this computer's own browser. ``address`` None: no server (a test run)."""
    if address is not None and address not in LOOPBACK:
        return "exposed"
    host = (headers.get("Host") or "localhost").rsplit(":", 1)[0].strip("[]")
    if host not in LOOPBACK or any(headers.get(h) for h in PROXY_HEADERS):
        return "proxied"
    return None


def _setup_page() -> None:
    st.title(t("auth.setup.title"))
    st.error(t("auth.setup.body"), icon=":material/lock:")
    st.code(t("auth.setup.command"), language="bash")
    st.caption(t("auth.setup.local"))


def _broken_page() -> None:
    st.title(t("auth.setup.title"))
    st.error(t("auth.broken.body"), icon=":material/lock:")
    st.code(t("auth.setup.command"), language="bash")


def _write_cookie() -> None:
    """Put this session's sign-in in the browser's cookie (drawn at every run while signed in, with
    the same arguments, so the component stays mounted and writes it once)."""
    token = st.session_state.get(COOKIE_TOKEN)
    if token:
        with _cookie_box():
            jar = stx.CookieManager(key="auth_cookie_read")
            jar.set(COOKIE, token, key="auth_cookie_write", **_cookie_options())


def _clear_cookie() -> None:
    """Overwrite the browser's sign-in cookie with an expired, empty one."""
    with _cookie_box():
        jar = stx.CookieManager(key="auth_cookie_read")
        jar.set(
            COOKIE,
            "",
            key="auth_cookie_clear",
            max_age=0,
            secure=_https(),
            expires_at=dt.datetime(1970, 1, 2, tzinfo=dt.UTC),
        )


def _cookie_box():
    """A container the layout does not see: the cookie components draw nothing."""
    box = st.container(key="auth_cookie")
    box.html("<style>.st-key-auth_cookie, :has(> .st-key-auth_cookie) { display: none; }</style>")
    return box


def _cookie_options() -> dict:
    """Stable within a sign-in: the component is not redrawn at each run."""
    expires = st.session_state[COOKIE_EXPIRES]
    return {"expires_at": expires, "max_age": users.SIGN_IN_HOURS * 3600, "secure": _https()}


def _https() -> bool | None:
    return True if (st.context.url or "").startswith("https:") else None


def _logout_button(how: str) -> None:
    if st.button(t("auth.logout"), icon=":material/logout:", key="auth_logout"):
        email = st.session_state.get(SESSION_KEY)
        if how == "password" and email:
            users.sign_out(email)  # every token of this account, this one included, is void
        _end_session()
        if how == "oidc":
            st.logout()
        st.rerun()


def _login_page() -> None:
    _login(mode())


def _login(how: str) -> None:
    st.title(t("auth.title"))
    if how == "oidc":
        st.caption(t("auth.oidc.help"))
        if st.button(t("auth.oidc.button"), icon=":material/login:", key="auth_oidc"):
            st.login()
        return
    if st.session_state.get(SIGNED_OUT) or st.context.cookies.get(COOKIE):
        _clear_cookie()  # signed out, or a cookie that no longer signs anyone in
    with st.form("auth_form"):
        email = st.text_input(t("auth.email"), key="auth_email")
        password = st.text_input(t("auth.password"), type="password", key="auth_password")
        sent = st.form_submit_button(t("auth.button"), icon=":material/login:")
    if not sent:
        return
    attempt = users.authenticate(email, password)
    if attempt.ok:
        _start_session(users.normalise(email))
        st.rerun()
    elif attempt.reason == "locked":
        st.error(t("auth.locked", minutes=users.LOCK_MINUTES), icon=":material/lock:")
    elif attempt.reason == "no_role":
        st.error(t("auth.unknown", email=users.normalise(email)), icon=":material/block:")
    else:
        st.error(t("auth.invalid"), icon=":material/error:")


def masked(frame):
    """``frame`` with the columns that name a person blanked, unless the user may see names."""
    if not isinstance(frame, pd.DataFrame) or can("names"):
        return frame
    hidden = [c for c in frame.columns if c in NAME_COLUMNS]
    if not hidden:
        return frame
    out = frame.copy()
    for column in hidden:
        out[column] = None
    return out


# Columns of the read API that carry a person: names, matricules, e-mails, a rejected row's values.
NAME_COLUMNS = {"owner", "owner_name", "person_id", "last_name", "first_name", "email", "raw"}
