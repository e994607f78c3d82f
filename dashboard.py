"""Cadran: the router. Shared frame (filters, language, footer) in the sidebar, then the chosen page.

Run with `make run` (or `streamlit run dashboard.py`).
"""

import os

import streamlit as st

from etl.store import storage
from etl.store.db import published_path
from etl.text.i18n import t
from ui import auth, filters, framework, reads, upload

st.set_page_config(page_title="Cadran", page_icon=":material/donut_large:", layout="wide")
st.cache_resource(storage.at_start)(published_path())  # once per server: files private, leftovers gone

# section -> pages as (file, title, icon); the file's name is the page's URL (/participation…).
PAGES = {
    "section.pilotage": [("pages/overview.py", "page.overview", ":material/dashboard:")],
    "section.network": [
        ("pages/participation.py", "page.participation", ":material/groups:"),
        ("pages/transversality.py", "page.transversality", ":material/hub:"),
        ("pages/training.py", "page.training", ":material/school:"),
        ("pages/surveys.py", "page.surveys", ":material/forum:"),
        ("pages/actions.py", "page.actions", ":material/task_alt:"),
        ("pages/budget.py", "page.budget", ":material/euro:"),
        ("pages/compare.py", "page.compare", ":material/compare_arrows:"),
    ],
    "section.quality": [("pages/data.py", "page.data", ":material/database:")],
    "section.admin": [("pages/admin.py", "page.admin", ":material/manage_accounts:")],
}
DEFAULT = "pages/overview.py"
# the login (at every page's URL) when nobody allowed is signed in: it stops the run
user = auth.gate([*(path for section in PAGES.values() for path, *_ in section), auth.PRESENTATION], DEFAULT)
# Only the pages of the user's role are registered: any other URL is not served at all. The URL of
# a page of another role answers with pages/refused.py, which says so (not the overview, wordless).
REFUSED = {
    path.removeprefix("pages/").removesuffix(".py"): title
    for entries in [*PAGES.values(), [(auth.PRESENTATION, "page.presentation", None)]]
    for path, title, _ in entries
    if path not in user.pages
}
PAGES = {s: [e for e in entries if e[0] in user.pages] for s, entries in PAGES.items()}
PAGES = {s: entries for s, entries in PAGES.items() if entries}
DEFAULT = DEFAULT if DEFAULT in user.pages else user.pages[0]
SLIDESHOW = [auth.PRESENTATION] if auth.PRESENTATION in user.pages else []

if not reads.published():
    # Every page's URL answers with what to run, so a bookmark or a shared link meets no "Page not found".
    pages = [
        st.Page(
            upload.no_database,
            title=t(title),
            icon=":material/database_off:",
            url_path=None if path == DEFAULT else path.removeprefix("pages/").removesuffix(".py"),
            default=path == DEFAULT,
        )
        for section in [*PAGES.values(), [(p, "page.presentation", None) for p in SLIDESHOW]]
        for path, title, _ in section
    ]
    st.navigation(pages, position="hidden").run()
    st.stop()

filters.read_url()  # a shared link's language names the pages below
pages = {
    t(section): [
        st.Page(path, title=t(title), icon=icon, default=path == DEFAULT) for path, title, icon in entries
    ]
    for section, entries in PAGES.items()
}
# The slideshow: out of the navigation, opened by its link (/presentation?as_of=…), no sidebar;
# a presenter's only page.
if SLIDESHOW:
    pages.setdefault(t("section.pilotage"), []).append(
        st.Page(
            auth.PRESENTATION,
            title=t("page.presentation"),
            icon=":material/slideshow:",
            visibility="hidden",
            default=DEFAULT == auth.PRESENTATION,
        )
    )


def _bench_empty() -> None:
    """The empty page bench/browser_bench.py navigates to as its baseline (a title, nothing else)."""
    filters.current()
    st.title("Page vide")


if os.environ.get("CADRAN_BENCH_EMPTY_PAGE"):  # bench/browser_bench.py's baseline: a page with a title only
    pages.setdefault(t("section.quality"), []).append(
        st.Page(_bench_empty, title="Page vide", url_path="bench-empty")
    )
if REFUSED:
    pages.setdefault(t("section.pilotage"), []).extend(
        st.Page("pages/refused.py", title=t(title), url_path=url, visibility="hidden")
        for url, title in REFUSED.items()
    )
page = st.navigation(pages, position="hidden" if user.role == "presenter" else "sidebar")
if page.url_path in REFUSED:
    st.warning(
        t("auth.not_for_role", page=page.title, role=t(f"auth.role.{user.role}")), icon=":material/block:"
    )
filters.sidebar()
with filters.frame_drawn():
    page.run()

framework.freeze_loaded_modules()  # after a whole run: what it imported lives as long as the server
