"""The report by e-mail in the app: the subscriptions on the Users page (admin), the latest e-mails
on the Data page (HR). ``python -m etl send --due`` sends them (etl/documents/mail.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from etl.admin import subscriptions, users
from etl.text import format as fmt
from etl.text.i18n import LANGUAGES, t
from ui import auth, reads, tables

if TYPE_CHECKING:
    from etl.model.view import Filters

REMOVE_SURE = "sub_remove_sure"


def subscriptions_section(f: Filters) -> None:
    """The list, a form to subscribe an account, a removal that asks first (admin only)."""
    st.subheader(t("admin.subs", f.lang))
    st.caption(t("admin.subs.help", f.lang))
    listing = st.container()  # filled last: it shows what the form or the removal just changed
    accounts = users.load()
    try:
        if not accounts:
            st.info(t("admin.subs.need_account", f.lang), icon=":material/info:")
        else:
            _add_form(sorted(accounts), f.lang)
        _removal(f.lang)
        subs = subscriptions.load()
    except users.UserError as exc:  # the subscriptions file does not read: nothing is changed
        st.error(exc.words(f.lang), icon=":material/block:")
        return
    with listing:
        if subs:
            tables.table(
                _frame(subs, f.lang),
                dict.fromkeys(HEADERS, "text"),
                "abonnements",
                f,
                people=True,
                headers={c: t(k, f.lang) for c, k in HEADERS.items()},
            )
        else:
            st.info(t("admin.subs.none", f.lang), icon=":material/info:")


HEADERS = {  # column -> its header's key
    "n": "admin.subs.col.n",
    "email": "auth.email",
    "role": "role",
    "documents": "admin.subs.documents",
    "organisation": "admin.subs.organisation",
    "frequency": "admin.subs.frequency",
    "lang": "admin.subs.lang",
    "last_sent": "admin.subs.col.last_sent",
}


def _frame(subs: list[subscriptions.Subscription], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "n": str(s.n),
                "email": s.email,
                "role": _role(users.role_of(s.email), lang),
                "documents": ", ".join(t(f"mail.kind.{d}", lang) for d in s.documents),
                "organisation": s.organisation or t("scope.whole", lang),
                "frequency": t(f"mail.frequency.{s.frequency}", lang),
                "lang": LANGUAGES[s.lang],
                "last_sent": fmt.date(pd.Timestamp(s.last_sent), lang) if s.last_sent else fmt.MISSING,
            }
            for s in subs
        ]
    )


def _role(role: str | None, lang: str) -> str:
    return t(f"auth.role.{role}" if role in users.ROLES else "auth.role.none", lang)


def _organisations() -> list[str]:
    """The organisations of the published staff ([] before a first load)."""
    if not reads.published():
        return []
    return sorted({organisation for organisation, _ in reads.organisations()})


def _add_form(accounts: list[str], lang: str) -> None:
    with st.form("admin_subscription", clear_on_submit=True):
        st.markdown(f"**{t('admin.subs.add', lang)}**")
        email = st.selectbox(t("admin.account", lang), accounts, key="sub_email")
        documents = st.multiselect(
            t("admin.subs.documents", lang),
            subscriptions.DOCUMENTS,
            default=list(subscriptions.DEFAULT_DOCUMENTS),
            format_func=lambda d: t(f"mail.kind.{d}", lang),
            key="sub_documents",
        )
        organisation = st.selectbox(
            t("admin.subs.organisation", lang),
            [None, *_organisations()],
            format_func=lambda o: o or t("scope.whole", lang),
            key="sub_organisation",
        )
        frequency = st.selectbox(
            t("admin.subs.frequency", lang),
            subscriptions.FREQUENCIES,
            format_func=lambda q: t(f"mail.frequency.{q}", lang),
            key="sub_frequency",
        )
        language = st.selectbox(
            t("admin.subs.lang", lang), subscriptions.LANGS, format_func=LANGUAGES.get, key="sub_lang"
        )
        saved = st.form_submit_button(t("admin.subs.save", lang), icon=":material/forward_to_inbox:")
    if saved:
        auth.require("admin")  # at the action: a replayed request from another role stops here
        try:
            sub = subscriptions.add(email, documents, organisation, frequency, language)
        except users.UserError as exc:
            st.error(exc.words(lang), icon=":material/block:")
            return
        st.success(
            t(
                "admin.subs.saved",
                lang,
                n=sub.n,
                email=sub.email,
                frequency=t(f"mail.frequency.{sub.frequency}", lang),
            )
        )


def _removal(lang: str) -> None:
    """Pick a subscription, confirm it (cleared when another is picked), remove it."""
    subs = {s.n: s for s in subscriptions.load()}
    if not subs:
        return
    chosen = st.selectbox(
        t("admin.subs.pick", lang),
        list(subs),
        format_func=lambda n: f"n° {n} · {subs[n].email} · {t(f'mail.frequency.{subs[n].frequency}', lang)}",
        key="sub_pick",
        on_change=lambda: st.session_state.pop(REMOVE_SURE, None),
    )
    sure = st.checkbox(
        t("admin.subs.remove.confirm", lang, n=chosen, email=subs[chosen].email), key=REMOVE_SURE
    )
    if st.button(
        t("admin.subs.remove", lang), icon=":material/unsubscribe:", key="sub_remove", disabled=not sure
    ):
        auth.require("admin")
        subscriptions.remove(chosen)
        st.success(t("admin.subs.removed", lang, n=chosen), icon=":material/check_circle:")


# --- the Data page


def recent_section(f: Filters) -> None:
    """« Derniers envois »: the messages tried, newest first, with their status and why one failed."""
    st.subheader(t("data.mail", f.lang))
    st.caption(t("data.mail.help", f.lang))
    sent = subscriptions.recent()
    if not sent:
        st.info(t("data.mail.none", f.lang), icon=":material/info:")
        return
    tables.table(
        recent_frame(sent, f.lang),
        dict.fromkeys(RECENT, "text"),
        "derniers-envois",
        f,
        people=True,
        headers={c: t(f"mail.col.{c}", f.lang) for c in RECENT},
    )


RECENT = ("at", "to", "documents", "as_of", "status", "reason")


def recent_frame(sent: list[dict], lang: str) -> pd.DataFrame:
    """The log's entries worded in ``lang``: one row per message tried."""
    return pd.DataFrame(
        [
            {
                "at": fmt.datetime(pd.Timestamp(e["at"]).to_pydatetime(), lang),
                "to": ", ".join(e.get("to", [])),
                "documents": ", ".join(t(f"mail.kind.{d}", lang) for d in e.get("documents", [])),
                "as_of": fmt.date(pd.Timestamp(e["as_of"]), lang),
                "status": t(f"mail.status.{e['status']}", lang),
                "reason": t(f"mail.error.{e['reason']}", lang, **e.get("values", {}))
                if e.get("reason")
                else "",
            }
            for e in sent
        ],
        columns=list(RECENT),
    )
