"""Users: who may sign in and with which role (admin only); what each role opens."""

import pandas as pd
import streamlit as st

from etl.admin import gdpr, users
from etl.store.db import published_path
from etl.text.i18n import t
from ui import auth, filters, mail_panel, tables

f = filters.current()
auth.require("admin")
st.title(t("page.admin"))


def role_label(role: str | None) -> str:
    return t(f"auth.role.{role}" if role in users.ROLES else "auth.role.none", f.lang)


def refused(exc: users.UserError) -> None:
    """The reason etl.admin.users refused a change, in the interface's language."""
    st.error(exc.words(f.lang), icon=":material/block:")


st.subheader(t("admin.roles"))
roles = pd.DataFrame(
    {
        "role": [role_label(r) for r in users.ROLES],
        # the pages by their titles, as the navigation names them (never their file names)
        "pages": [", ".join(t(auth.page_title(p), f.lang) for p in auth.pages_for(r)) for r in users.ROLES],
    }
)
tables.table(roles, {"role": "text", "pages": "text"}, "roles", f, wrap=True)  # each role's pages whole

st.subheader(t("admin.users"))
accounts = users.load()
if not accounts:
    st.info(t("admin.none_mode", f.lang), icon=":material/info:")
else:
    listing = pd.DataFrame(
        [
            {
                "email": e,
                "role": role_label(a.get("role")),
                "has_password": "hash" in a,
                "locked": bool(a.get("locked_until")),
            }
            for e, a in sorted(accounts.items())
        ]
    )
    tables.table(
        listing,
        {"email": "text", "role": "text", "has_password": "bool", "locked": "bool"},
        "comptes",
        f,
        people=True,
    )

st.subheader(t("admin.add"))
with st.form("admin_user", clear_on_submit=True):
    email = st.text_input(t("auth.email", f.lang), key="admin_email")
    role = st.selectbox(t("role", f.lang), users.ROLES, format_func=role_label, key="admin_role")
    password = st.text_input(
        t("auth.password", f.lang),
        type="password",
        help=t("admin.password.help", f.lang),
        key="admin_password",
    )
    saved = st.form_submit_button(t("admin.save", f.lang), icon=":material/save:")
if saved:
    auth.require("admin")
    try:
        users.add(email, role, password or None)
        auth.renew_sign_in(users.normalise(email))
        st.success(t("admin.saved", f.lang, email=users.normalise(email), role=role_label(role)))
    except users.UserError as exc:
        refused(exc)

if accounts:
    chosen = st.selectbox(t("admin.account", f.lang), sorted(accounts), key="admin_account")
    left, right = st.columns(2)
    if left.button(t("admin.unlock", f.lang), icon=":material/lock_open:", key="admin_unlock"):
        auth.require("admin")
        try:
            users.unlock(chosen)
            st.success(t("admin.unlocked", f.lang, email=chosen))
        except users.UserError as exc:
            refused(exc)
    if right.button(t("admin.remove", f.lang), icon=":material/person_remove:", key="admin_remove"):
        auth.require("admin")
        try:
            users.remove(chosen)
            st.success(t("admin.removed", f.lang, email=chosen))
        except users.UserError as exc:
            refused(exc)

mail_panel.subscriptions_section(f)

st.subheader(t("admin.settings", f.lang))
current = gdpr.retention_years(published_path())
years = st.number_input(
    t("admin.retention", f.lang),
    min_value=1,
    max_value=100,
    value=current or gdpr.RETENTION_YEARS,
    help=t("admin.retention.help", f.lang),
    key="admin_retention",
)
if st.button(t("admin.save", f.lang), icon=":material/save:", key="admin_retention_save"):
    auth.require("admin")
    gdpr.set_retention_years(int(years), published_path())
    st.success(t("admin.retention.saved", f.lang, years=int(years)))
