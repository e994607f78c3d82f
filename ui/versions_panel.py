"""The Data page's kept versions (HR): each with its load report, and one click, confirmed, to
publish one again (etl.publish.versions; its outcome is said where the upload's is)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl.intake.sources import LoadError
from etl.publish import versions
from etl.publish.load import rollback
from etl.store.db import published_path
from etl.store.storage import published_load
from etl.text import format as fmt
from etl.text import reject_words
from etl.text.i18n import t
from etl.text.reject_words import load_error
from ui import auth
from ui.upload import CHECK_KEY, OUTCOME_KEY, counts_text


def versions_section(lang: str) -> None:
    """HR: the kept versions with their load report, and one click to publish one again."""
    if not auth.can("hr"):
        return
    st.subheader(t("versions.title", lang))
    st.caption(t("versions.help", lang, keep=versions.KEEP))
    kept = versions.listing(published_path())
    if not kept:
        st.info(t("versions.none", lang))
        return
    frame = pd.DataFrame(
        [
            {
                t("version", lang): t("version.number", lang, n=r["load_id"]),
                t("loaded_at", lang): fmt.datetime(pd.Timestamp(r["loaded_at"]).to_pydatetime(), lang),
                t("source", lang): reject_words.source_words(r["label"], lang),
                **{t(f"table.{n}", lang): fmt.integer(c["loaded"], lang) for n, c in r["tables"].items()},
                t("rows_rejected", lang): fmt.integer(sum(c["rejected"] for c in r["tables"].values()), lang),
            }
            for r in kept
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="versions-list")
    # the published one is not offered: restoring it published the same data again, as a new load
    published = published_load(published_path())
    others = [r for r in kept if r["load_id"] != published]
    if not others:
        st.caption(t("versions.only_published", lang, version=published))
        return
    chosen = st.selectbox(
        t("versions.pick", lang),
        [r["load_id"] for r in others],
        format_func=lambda i: t("version.number", lang, n=i),
        key="version_pick",
        on_change=lambda: st.session_state.pop(RESTORE_SURE, None),  # a confirmation is for one version
    )
    report = next(r for r in others if r["load_id"] == chosen)
    _restore_preview(report, lang)
    sure = st.checkbox(t("versions.restore.confirm", lang, version=chosen), key=RESTORE_SURE)
    if st.button(
        t("versions.restore", lang), icon=":material/history:", key="version_restore", disabled=not sure
    ):
        restore(int(chosen), lang)


RESTORE_SURE = "version_restore_sure"


def _restore_preview(report: dict, lang: str) -> None:
    """What restoring the version ``report`` does: which data replaces which, and per table the rows
    published now → the version's."""
    before = versions.published_counts(published_path())
    when = fmt.datetime(pd.Timestamp(report["loaded_at"]).to_pydatetime(), lang)
    st.warning(
        t("versions.restore.what", lang, version=report["load_id"], source=report["label"], when=when),
        icon=":material/history:",
    )
    changes = [
        versions.Change(name, c["read"], c["loaded"], c["rejected"], before.get(name))
        for name, c in report["tables"].items()
    ]
    frame = pd.DataFrame(
        {
            t("upload.col.table", lang): [t(f"table.{c.table}", lang) for c in changes],
            t("versions.col.change", lang): [counts_text(c, lang) for c in changes],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="restore-preview")


def restore(version: int, lang: str) -> None:
    """Publish a kept version again (checked for HR here, at the action)."""
    auth.require("hr")
    try:
        result = rollback(version, published_path())
    except LoadError as exc:
        st.session_state[OUTCOME_KEY] = ("error", t("upload.failed", lang, error=load_error(exc, lang)))
    else:
        st.cache_data.clear()
        st.session_state.pop(CHECK_KEY, None)
        st.session_state["load_id"] = result.load_id
        text = t("versions.restored", lang, version=version, load_id=result.load_id)
        st.session_state[OUTCOME_KEY] = ("success", text)
    st.rerun()
