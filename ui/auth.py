"""Who is looking, and what their role lets them open or do: checked on the server at every run.

Three modes (etl.users.mode):

- ``oidc``: ``[auth]`` in ``.streamlit/secrets.toml``; ``st.login`` proves the e-mail, the users
  file gives its role (an e-mail it does not know gets nothing);
- ``local``: e-mails and argon2 password hashes in the users file, with the lock-out of
  etl.users.authenticate;
- ``none``: nothing configured; one local user with full access, served on 127.0.0.1 only
  (any other address is refused), and every page says so.

``PAGES`` maps each role to the page files it may open: dashboard.py builds the navigation from
it, so a page left out is not served at all; ``require(role)`` is called again by every action
that changes data (upload, rollback, forget), so a replayed request from another role gets nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from etl import users
from ui.i18n import t

ROOT = Path(__file__).resolve().parent.parent
PRESENTATION = "pages/presentation.py"  # the slideshow: aggregates only, no names
AGGREGATES = (
    "pages/overview.py",
    "pages/participation.py",
    "pages/training.py",
    "pages/surveys.py",
    "pages/actions.py",
    "pages/budget.py",
    PRESENTATION,
)
HR_PAGES = ("pages/data.py",)
ADMIN_PAGES = ("pages/admin.py",)

# What each permission is granted to. "names": a person's name, matricule or raw row.
GRANTS = {
    "viewer": {"viewer", "hr", "admin"},
    "hr": {"hr", "admin"},
    "names": {"hr", "admin"},
    "admin": {"admin"},
    "presenter": {"presenter"},
}
LOCAL = "local"  # the user of the "none" mode
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SESSION_KEY = "_cadran_user"  # the e-mail a local login proved (session state lives on the server)


def _exists(path: str) -> bool:
    return (ROOT / path).is_file()


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
        return self.role in GRANTS[permission]

    @property
    def pages(self) -> list[str]:
        return pages_for(self.role)


def mode() -> str:
    return users.mode()


def current_user() -> User | None:
    """This session's user, the role read afresh from the users file; None when nobody is logged in."""
    how = mode()
    if how == "none":
        return User(LOCAL, "admin", how)
    if how == "oidc":
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "")
        return User(email, users.role_of(email), how)
    email = st.session_state.get(SESSION_KEY)
    if not email:
        return None
    role = users.role_of(email)
    if role is None:  # removed from the users file since the login: logged out
        st.session_state.pop(SESSION_KEY, None)
        return None
    return User(email, role, how)


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
    if how == "none":
        address = st.get_option("server.address")
        if address not in LOOPBACK and st.runtime.exists():
            st.error(t("auth.none.exposed", address=address or "0.0.0.0"), icon=":material/block:")
            st.stop()
        st.sidebar.caption(t("auth.none.banner"))
        return current_user()
    user = current_user()
    if user is None:
        if paths:
            login = [
                st.Page(_login_page, title=t("auth.title"), icon=":material/login:", default=p == default,
                        url_path=None if p == default else p.removeprefix("pages/").removesuffix(".py"))
                for p in paths
            ]  # fmt: skip
            st.navigation(login, position="hidden").run()
        else:
            _login(how)
        st.stop()
    if user.role is None:
        st.error(t("auth.unknown", email=user.email), icon=":material/block:")
        _logout_button(how)
        st.stop()
    with st.sidebar:
        st.caption(t("auth.signed_in", email=user.email, role=t(f"auth.role.{user.role}")))
        _logout_button(how)
    return user


def _logout_button(how: str) -> None:
    if st.button(t("auth.logout"), icon=":material/logout:", key="auth_logout"):
        st.session_state.pop(SESSION_KEY, None)
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
    with st.form("auth_form"):
        email = st.text_input(t("auth.email"), key="auth_email")
        password = st.text_input(t("auth.password"), type="password", key="auth_password")
        sent = st.form_submit_button(t("auth.button"), icon=":material/login:")
    if not sent:
        return
    attempt = users.authenticate(email, password)
    if attempt.ok:
        st.session_state[SESSION_KEY] = users.normalise(email)
        st.rerun()
    elif attempt.reason == "locked":
        st.error(t("auth.locked", minutes=users.LOCK_MINUTES), icon=":material/lock:")
    else:
        st.error(t("auth.invalid"), icon=":material/error:")


def masked(frame):
    """``frame`` with the columns that name a person blanked, unless the user may see names."""
    import pandas as pd

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
