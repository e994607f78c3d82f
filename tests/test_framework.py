"""The one use of Streamlit's internals (ui/framework.py): it must be re-checked on every upgrade."""

import gc
import re
import sys
import types

import pytest
import streamlit
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner

from tests.app_support import ROOT
from ui import framework


def test_streamlit_is_the_version_the_private_call_was_checked_against():
    # Fails on a framework upgrade on purpose: re-read PagesManager and _mpa_v1, then move TESTED_WITH.
    assert streamlit.__version__ == framework.TESTED_WITH
    pin = re.search(r"^streamlit==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pin and pin.group(1) == framework.TESTED_WITH


def test_the_legacy_pages_mode_is_still_the_flag_the_runner_reads():
    assert "uses_pages_directory" in vars(PagesManager)
    assert hasattr(script_runner, "_mpa_v1")  # what the runner calls while the flag is set
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = True
        assert framework.legacy_pages_mode()
        framework.leave_legacy_pages_mode()
        assert not framework.legacy_pages_mode()
    finally:
        PagesManager.uses_pages_directory = saved


@pytest.fixture
def thawed():
    """The heap as this test found it: nothing frozen by the test stays frozen, no fake module stays."""
    saved = framework._modules_frozen
    yield
    gc.unfreeze()
    sys.modules.pop("cadran_test_new_module", None)
    framework._modules_frozen = saved


def test_a_run_that_loaded_modules_freezes_what_is_alive_and_the_collection_after_runs_stays_on(thawed):
    # what the freeze makes cheap is still Streamlit's: the full collection after every run
    assert streamlit.config.get_option("runner.postScriptGC")
    framework._modules_frozen = 0
    assert framework.freeze_loaded_modules()
    assert gc.get_freeze_count() > 50_000  # the modules' objects: pandas, plotly, DuckDB, Streamlit
    assert not framework.freeze_loaded_modules()  # no module loaded since: nothing to do
    sys.modules["cadran_test_new_module"] = types.ModuleType("cadran_test_new_module")
    assert framework.freeze_loaded_modules()


def test_the_dashboard_freezes_after_its_first_whole_run(app, facts, thawed):
    framework._modules_frozen = 0
    gc.unfreeze()
    at = app("pages/overview.py", as_of=facts["as_of"])
    assert at.title and gc.get_freeze_count() > 50_000
    assert framework._modules_frozen == len(sys.modules)
