"""Fixtures and helpers for the dashboard's AppTests, registered by conftest.py (no tests here).

``app_db``: the demo source (or, until it exists, the blois-like sample) loaded
by the real loader into a tmp database. ``app``: an AppTest of dashboard.py
reading that database, with the shared filters set before its first run.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

from etl.model import actions_budget, kpis, queries
from etl.store.db import connect_ro
from tests.loads import load_db
from ui import tables

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo" / "source"
SAMPLE = ROOT / "tests" / "fixtures" / "blois-like" / "source"


def source_folder() -> Path:
    return DEMO if DEMO.is_dir() and any(DEMO.iterdir()) else SAMPLE


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once():
    """Each AppTest's first run scans every installed package for Streamlit components (a quarter of
    an AppTest-heavy module's time, 0.24 s a run): scanned once per process here, as the packages
    installed do not change during a session (the real server of the browser tests scans as usual)."""
    with pytest.MonkeyPatch.context() as mp:
        once = functools.cache(manifest_scanner.scan_component_manifests)
        mp.setattr(manifest_scanner, "scan_component_manifests", lambda *a, **k: list(once(*a, **k)))
        yield


@pytest.fixture(scope="session")
def app_db(tmp_path_factory) -> Path:
    """The demo (else sample) source, loaded by the real loader into a fresh database (tests/loads.py),
    with its read model: the pages read what a deployment's pages read."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CADRAN_READ_MODEL", "on")
        return load_db(tmp_path_factory.mktemp("dashboard") / "cadran.duckdb", source_folder())


@pytest.fixture(scope="session")
def facts(app_db) -> dict:
    """The reference date, an organisation and one of its directions, taken from the data."""
    with connect_ro(app_db) as con:
        as_of = queries.data_bounds(con).at[0, "last_day"].date()
        pairs = queries.organisations(con)
    organisation = pairs.at[0, "organisation"]
    direction = pairs[pairs["organisation"] == organisation]["direction"].iloc[0]
    return {"as_of": as_of, "organisation": organisation, "direction": direction}


@pytest.fixture
def app(app_db, monkeypatch):
    """``app(page, **state)``: dashboard.py run with ``state`` in session state, then ``page``."""
    monkeypatch.setenv("CADRAN_DB", str(app_db))

    def make(page: str | None = None, **state) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        for key, value in state.items():
            at.session_state[key] = value
        if page:  # opened at its own address, as a link to it opens it (not through the overview first)
            at.switch_page(page)
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def linked(app_db: Path, monkeypatch, page: str, **url) -> AppTest:
    """``page`` opened from a link carrying ``url`` (the demo's 30 June 2015 unless ``as_of`` says
    otherwise): dashboard.py reads the address bar at its first run, which runs the page."""
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in {"as_of": "2015-06-30", **url}.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def data_page() -> AppTest:
    """The Data page of dashboard.py on the database ``CADRAN_DB`` names, run once, no exception."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def headline(db: Path, as_of: dt.date, organisation: str | None = None, direction: str | None = None) -> dict:
    with connect_ro(db) as con:
        return kpis.headline(con, as_of, organisation, direction)


def query(db: Path, name: str, **kwargs):
    """The read ``name`` of etl.model.queries or etl.model.actions_budget on ``db``."""
    module = actions_budget if hasattr(actions_budget, name) else queries
    with connect_ro(db) as con:
        return getattr(module, name)(con, **kwargs)


def metrics(at: AppTest) -> dict[str, str]:
    """Shown cards: label -> value."""
    return {m.label: m.value for m in at.metric}


def figure(at: AppTest, name: str) -> dict:
    """The plotly figure JSON of the chart keyed ``chart-<name>``."""
    for chart in at.get("plotly_chart"):
        if chart.proto.id.endswith(f"-chart-{name}"):
            return json.loads(chart.proto.spec)
    raise KeyError(name)


def values(array) -> list:
    """A trace's x/y as a list, decoding plotly's typed arrays ({"dtype", "bdata"})."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def table(at: AppTest, first_header: str, *headers: str):
    """The shown (formatted) DataFrame whose first column is ``first_header``, with ``headers`` too."""
    for frame in at.dataframe:
        columns = list(frame.value.columns)
        if columns[0] == first_header and set(headers) <= set(columns):
            return frame.value
    raise KeyError(first_header)


@pytest.fixture
def downloads(monkeypatch):
    """``downloads(at)``: the CSV files ``at`` offers, by name, as the app builds them (its own
    ``ui.tables.download``'s bytes), read back as French Excel would. Only downloads whose
    button is shown in the last run are returned; no framework internals are patched."""
    files: dict[str, bytes] = {}
    original = tables.download

    def keep(data, name, f):
        if not f.presenter:
            files[name] = data
        original(data, name, f)

    monkeypatch.setattr(tables, "download", keep)

    def read(at: AppTest) -> dict[str, pd.DataFrame]:
        out = {}
        for button in at.get("download_button"):
            if "-download-" not in button.proto.id:  # not a table's CSV (the template, an export file)
                continue
            name = button.proto.id.rsplit("-download-", 1)[1]
            out[name] = pd.read_csv(io.BytesIO(files[name]), sep=";", decimal=",", encoding="utf-8-sig")
        return out

    return read


def read_as_text(markdown: str) -> str:
    """What a reader sees of a Markdown caption: the backslash escapes and the invisible word
    joiners of etl.text.plain.md removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
