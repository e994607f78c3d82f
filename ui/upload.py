"""HR's upload: files in, one all-or-nothing load (etl.load.load_files), a progress bar per table."""

from __future__ import annotations

import streamlit as st

from etl.db import published_path
from etl.load import LoadResult, TableCount, load_files
from etl.read import LoadError
from etl.schema import TABLES
from ui.i18n import t

STEPS = 2 * len(TABLES)  # etl.load calls progress twice per table


def form(lang: str) -> None:
    """The uploader, its button, then the outcome: counts once published, or what to fix."""
    st.subheader(t("upload.title", lang))
    st.caption(t("upload.help", lang))
    files = st.file_uploader(
        t("upload.files", lang), type=["csv", "txt", "xlsx"], accept_multiple_files=True, key="upload_files"
    )
    if not st.button(t("upload.button", lang), disabled=not files, icon=":material/upload:", key="upload_go"):
        return
    outcome = run({f.name: f.getvalue() for f in files}, lang)
    if isinstance(outcome, LoadResult):
        loaded = sum(c.loaded for c in outcome.tables.values())
        rejected = sum(c.rejected for c in outcome.tables.values())
        st.success(t("upload.done", lang, load_id=outcome.load_id, loaded=loaded, rejected=rejected))
        st.cache_data.clear()
    else:
        st.error(t("upload.failed", lang, error=outcome), icon=":material/error:")


def run(files: dict[str, bytes], lang: str) -> LoadResult | str:
    """Load the files into the published database with a progress bar; the error message on failure."""
    bar = st.progress(0.0)
    done = 0

    def progress(table: str, count: TableCount | None) -> None:
        nonlocal done
        done += 1
        if count is None:
            text = t("upload.reading", lang, table=table)
        else:
            text = t("upload.checked", lang, table=table, loaded=count.loaded, rejected=count.rejected)
        bar.progress(min(done / STEPS, 1.0), text=text)

    try:
        return load_files(files, published_path(), progress)
    except LoadError as exc:
        return str(exc)
    finally:
        bar.empty()
