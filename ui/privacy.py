"""The Data page's personal-data section: the processing record, and HR's GDPR actions
(a person's subject access, their erasure), each checked with ``auth.require("hr")``."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from etl.admin import gdpr, subject_access
from etl.intake.sources import LoadError
from etl.model import queries
from etl.publish import read_model, versions
from etl.publish.load import REJECTS_KEPT
from etl.store.db import published_path
from etl.text.i18n import t
from ui import auth, reads

RECORD = ("purpose", "basis", "data", "retention", "recipients", "rights", "storage")


def section(lang: str) -> None:
    """The processing record for everyone who reaches the Data page; the actions for HR."""
    st.subheader(t("privacy.title", lang))
    years = gdpr.retention_years(published_path())
    values = {"years": years, "keep": versions.KEEP, "rejects": REJECTS_KEPT}
    # with the retention off (CADRAN_RETENTION_YEARS=off, the 2015 demo) the record says so: never « — ans »
    texts = {k: f"privacy.{k}.text" for k in RECORD} | (
        {"retention": "privacy.retention.off"} if years is None else {}
    )
    record = pd.DataFrame(
        {
            t("privacy.col.item", lang): [t(f"privacy.{k}", lang) for k in RECORD],
            t("privacy.col.what", lang): [t(texts[k], lang, **values) for k in RECORD],
        }
    )
    st.table(record.set_index(t("privacy.col.item", lang)))
    if not auth.can("hr"):
        return
    left, right = st.columns(2)
    with left:
        st.markdown(t("privacy.access", lang))
        who = st.text_input(t("privacy.person", lang), key="gdpr_access_id")
        if st.button(
            t("privacy.access.button", lang), icon=":material/badge:", key="gdpr_access", disabled=not who
        ):
            st.session_state["_gdpr_export"] = access_file(who, lang)
        export = st.session_state.get("_gdpr_export")
        if export:
            st.download_button(
                t("privacy.access.download", lang),
                export,
                file_name="acces-aux-donnees.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="gdpr_access_file",
            )
    with right:
        erasure(lang)


FORGET_SURE = "gdpr_forget_sure"


def erasure(lang: str) -> None:
    """The matricule, then whom it names and what erasing does, a confirmation for that person
    (cleared when the matricule changes), and the button."""
    st.markdown(t("privacy.forget", lang))
    target = st.text_input(
        t("privacy.person", lang),
        key="gdpr_forget_id",
        on_change=lambda: st.session_state.pop(FORGET_SURE, None),
    )
    if target.strip():
        st.warning(whom(target, lang), icon=":material/person_remove:")
    sure = st.checkbox(t("privacy.forget.confirm", lang), key=FORGET_SURE, disabled=not target.strip())
    if st.button(
        t("privacy.forget.button", lang),
        icon=":material/person_remove:",
        key="gdpr_forget",
        disabled=not (target.strip() and sure),
    ):
        forget(target, lang)


_person = reads.reader(queries.person)


def whom(person_id: str, lang: str) -> str:
    """What erasing ``person_id`` will do, naming the person as the published data know them (HR)."""
    found = _person(person_id=person_id)
    if found.empty:
        return t("privacy.forget.unknown", lang, id=person_id.strip())
    row = found.iloc[0]
    name = " ".join(str(v) for v in (row["first_name"], row["last_name"]) if isinstance(v, str) and v.strip())
    where = " · ".join(str(v) for v in (row["organisation"], row["direction"]) if isinstance(v, str) and v)
    return t(
        "privacy.forget.who",
        lang,
        name=name or t("privacy.forget.no_name", lang),
        id=row["person_id"],
        email=row["email"] if isinstance(row["email"], str) and row["email"] else "—",
        where=where or "—",
    )


def access_file(person_id: str, lang: str = "fr") -> bytes | None:
    """The subject-access workbook (None, said on the page, for a blank matricule)."""
    auth.require("hr")
    with tempfile.TemporaryDirectory(prefix="cadran-access-") as tmp:
        out = Path(tmp) / "acces.xlsx"
        try:
            subject_access.write(person_id, out, published_path())
        except LoadError as exc:
            st.error(t(f"loaderror.{exc.code}", lang), icon=":material/error:")
            return None
        return out.read_bytes()


def forget(person_id: str, lang: str) -> None:
    user = auth.require("hr")  # at the action: a replayed request from another role stops here
    try:
        gdpr.forget(person_id, published_path(), by=user.email)
    except LoadError as exc:  # a blank matricule: refused, nothing changed
        st.error(t(f"loaderror.{exc.code}", lang), icon=":material/error:")
        return
    read_model.refresh(published_path())  # the pages' default reads, without the person
    st.cache_data.clear()
    st.session_state.pop("_gdpr_export", None)
    st.success(t("privacy.forget.done", lang), icon=":material/check_circle:")
