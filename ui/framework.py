"""The one place Cadran reaches into Streamlit's internals, named, pinned and tested.

Why: the client fixed a top-level ``pages/`` folder. Streamlit then starts in its legacy
multipage mode (``PagesManager.uses_pages_directory``), in which a fresh server's first request
on a page's URL (``/participation``) runs that page's file alone, without dashboard.py's
``st.navigation``: the sidebar would list file names. ``st.navigation`` turns the mode off
itself, but only once dashboard.py has run. ``leave_legacy_pages_mode()`` does the same from
the page and the caller reruns, so the router serves the URL with its titles and sections.

After each run Streamlit collects every generation of the heap (its option ``runner.postScriptGC``),
which scanned the hundred thousand objects of the modules loaded (pandas, plotly, DuckDB, the
catalogues) each time: 29 % of the server's time while the browser tests go through every page.
``freeze_loaded_modules()`` puts what is alive once a run has loaded new modules out of the
collector's sight (``gc.freeze``); the collection after a run then scans what runs made since. What
was alive then and later becomes garbage in a cycle is not collected: a few times in a server's
life, the objects of one run.

Covered by tests/test_framework.py (fails on another Streamlit version, so this is re-checked on
every upgrade) and by the browser test of a deep link on a fresh server with a database.
"""

from __future__ import annotations

import atexit
import gc
import sys

import streamlit
from streamlit.runtime.pages_manager import PagesManager

# The version whose internals this module was checked against (requirements.txt pins the same).
TESTED_WITH = "1.67.0"


def version() -> str:
    return streamlit.__version__


def legacy_pages_mode() -> bool:
    """Whether Streamlit runs page files alone (its mode for a ``pages/`` folder)."""
    return bool(PagesManager.uses_pages_directory)


def leave_legacy_pages_mode() -> None:
    """Turn the legacy mode off, as ``st.navigation`` does; the caller then reruns."""
    PagesManager.uses_pages_directory = False


_modules_frozen = 0  # how many modules were loaded at the last freeze


def freeze_loaded_modules() -> bool:
    """When modules were loaded since the last call: garbage collected, then every object alive
    frozen (never scanned again, freed by its reference count as any object); whether it froze.
    Called after a whole run (dashboard.py): a few times in a server's life, as its pages load their
    modules."""
    global _modules_frozen
    if len(sys.modules) <= _modules_frozen:
        return False
    if not _modules_frozen:  # at exit the heap is whole again: the objects frozen are then freed
        atexit.register(gc.unfreeze)
    _modules_frozen = len(sys.modules)
    gc.collect()
    gc.freeze()
    return True
