"""Download buttons for the files Cadran hands out: the Excel summary, the deck, the offline report.

A page calls ``summary_button(f)``, ``slides_button(f)`` or ``report_button(f)`` with
``ui.filters.current()``. The first click builds the file for the filters' date and scope (with a
progress bar) through the same library call as ``python -m etl export / slides / report``, and
keeps it in the session for the download button while the filters and the published load stay.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from etl.documents import files
from etl.documents.scope import Scope
from etl.model.view import Filters
from etl.store import db
from etl.text.i18n import t
from ui import auth

ICONS = {  # kind (etl.documents.files.KINDS) -> the button's icon
    "summary": ":material/table_view:",
    "slides": ":material/slideshow:",
    "report": ":material/description:",
    "hr_lists": ":material/badge:",
    "opendata": ":material/public:",
}


def summary_button(f: Filters) -> None:
    """The Excel summary at the filters' date and scope (no names)."""
    _button("summary", f)


def slides_button(f: Filters) -> None:
    """The presenter's deck (16:9 PowerPoint) at the filters' date and scope (no names)."""
    _button("slides", f)


def report_button(f: Filters) -> None:
    """The offline report (one HTML file) at the filters' date and scope (no names)."""
    _button("report", f)


def hr_lists_button(f: Filters) -> None:
    """The HR lists (members, managers never present) WITH NAMES: call it for the HR role only."""
    _button("hr_lists", f)


def opendata_button(f: Filters) -> None:
    """The open-data package (.zip, aggregates only) at the filters' date, the whole network."""
    _button("opendata", f)


def scope_of(f: Filters) -> Scope:
    return Scope(f.as_of, f.organisation, f.direction, f.lang)


def _button(kind: str, f: Filters) -> None:
    ext, mime, icon = files.KINDS[kind].ext, files.KINDS[kind].mime, ICONS[kind]
    scope = scope_of(f)
    name = files.name(kind, scope)
    state = f"export-{kind}"
    values = auth.can("names")  # rejected rows' values in the summary: HR and admin only
    wanted = (scope, db.version(), values)
    if st.button(t(f"export.button.{kind}", f.lang), key=f"{state}-make", icon=icon):
        bar = st.progress(0.0, text=t("export.preparing", f.lang))
        content = build(
            kind, scope, lambda done: bar.progress(min(done, 1.0), text=t("export.preparing", f.lang)), values
        )
        bar.progress(1.0, text=t("export.ready", f.lang, name=name))
        st.session_state[state] = (wanted, content)
    made = st.session_state.get(state)
    if made and made[0] == wanted:  # a file of other filters, or of an older load, is not offered
        # the button names the kind of file, not the whole file name (« Télécharger cadran-synthese-201… »
        # was cut at 1280 px); the name is the saved file's and the progress bar's
        st.download_button(
            t("export.download", f.lang, ext=ext),
            made[1],
            file_name=name,
            mime=mime,
            icon=":material/download:",
            key=f"{state}-download",
        )


def build(
    kind: str, scope: Scope, progress: Callable[[float], None] | None = None, values: bool = False
) -> bytes:
    """The file's bytes at ``scope``, read from the published database (``progress(0..1)`` as it goes);
    ``values``: the summary quotes the rejected rows' values (for HR and admin only)."""
    with db.connect_ro() as con:
        return files.build(con, kind, scope, progress, values)
