"""HR's upload: files in, one all-or-nothing load (etl.load.load_files), a progress bar per table.

A load replaces the whole published source: tables missing from the upload become empty, so the
form names them and asks for a confirmation before going on.
"""

from __future__ import annotations

import streamlit as st

from etl.db import published_path
from etl.load import LoadResult, TableCount, load_files, tables_in
from etl.read import LoadError
from etl.schema import TABLES
from ui import auth, data
from ui import format as fmt
from ui.i18n import t

STEPS = 2 * len(TABLES)  # etl.load calls progress twice per table
OUTCOME_KEY = "upload_outcome"


def form(lang: str) -> None:
    """The uploader, what the load would empty, the button, then the outcome of the last upload."""
    if not auth.can("hr"):
        return
    st.subheader(t("upload.title", lang))
    st.caption(t("upload.help", lang))
    _show_outcome(lang)
    files = st.file_uploader(
        t("upload.files", lang), type=["csv", "txt", "xlsx"], accept_multiple_files=True, key="upload_files"
    )
    contents = {f.name: f.getvalue() for f in files or []}
    emptied = _emptied(contents)
    confirmed = True
    if emptied:
        names = ", ".join(t(f"table.{name}", lang) for name in emptied)
        st.warning(t("upload.emptied", lang, tables=names), icon=":material/warning:")
        confirmed = st.checkbox(t("upload.confirm", lang), key="upload_confirm")
    clicked = st.button(
        t("upload.button", lang),
        disabled=not contents or not confirmed,
        icon=":material/upload:",
        key="upload_go",
    )
    if clicked:
        outcome = run(contents, lang)
        st.session_state[OUTCOME_KEY] = _summary(outcome, lang)
        if isinstance(outcome, LoadResult):
            st.cache_data.clear()
            st.session_state["load_id"] = outcome.load_id  # the Data page then shows this load
            st.rerun()  # the sidebar's dates and footer follow the new data
        _show_outcome(lang)


def _emptied(contents: dict[str, bytes]) -> list[str]:
    """Tables holding data now that the upload does not bring (they would be emptied)."""
    if not contents:
        return []
    uploaded = tables_in(contents)
    last = data.last_load() if data.published() else None
    if uploaded is None or last is None:
        return []
    counts = data.load_table_counts(load_id=int(last["load_id"]))
    filled = set(counts.loc[counts["rows_loaded"] > 0, "table_name"])
    return [name for name in (t.name for t in TABLES) if name in filled and name not in uploaded]


def _summary(outcome: LoadResult | str, lang: str) -> tuple[str, str]:
    if isinstance(outcome, str):
        return "error", t("upload.failed", lang, error=outcome)
    loaded = sum(c.loaded for c in outcome.tables.values())
    rejected = sum(c.rejected for c in outcome.tables.values())
    text = t("upload.done", lang, load_id=outcome.load_id, loaded=fmt.integer(loaded, lang),
             rejected=fmt.integer(rejected, lang))  # fmt: skip
    return "success", text


def _show_outcome(lang: str) -> None:
    kind, text = st.session_state.pop(OUTCOME_KEY, (None, None))
    if kind == "success":
        st.success(text, icon=":material/check_circle:")
    elif kind == "error":
        st.error(text, icon=":material/error:")


def run(files: dict[str, bytes], lang: str) -> LoadResult | str:
    """Load the files into the published database with a progress bar; the error message on failure."""
    auth.require("hr")  # checked at the action itself: a replayed request from another role stops here
    bar = st.progress(0.0)
    done = 0

    def progress(table: str, count: TableCount | None) -> None:
        nonlocal done
        done += 1
        name = t(f"table.{table}", lang)
        if count is None:
            text = t("upload.reading", lang, table=name)
        else:
            text = t("upload.checked", lang, table=name, loaded=fmt.integer(count.loaded, lang),
                     rejected=fmt.integer(count.rejected, lang))  # fmt: skip
        bar.progress(min(done / STEPS, 1.0), text=text)

    try:
        return load_files(files, published_path(), progress)
    except LoadError as exc:
        return str(exc)
    finally:
        bar.empty()
