"""The one use of Streamlit's internals (ui/framework.py): it must be re-checked on every upgrade."""

import re

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
