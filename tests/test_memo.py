"""What a page makes from its frames is cached on the frames' content (etl.figures.memo): a warm rerun
formats, exports and draws nothing again, and a frame's key changes with any of its values."""

from __future__ import annotations

import collections

import pandas as pd
import pytest

from etl.figures import kit, memo
from ui import tables

PAGES = ["pages/surveys.py", "pages/participation.py", "pages/actions.py"]


def test_equal_frames_share_a_key_whatever_objects_hold_their_values():
    text = "Direction de l'éducation"
    shared = pd.DataFrame({"direction": [text, text], "rate": [0.5, 0.25]})  # one object twice
    apart = pd.DataFrame({"direction": [text, "".join(text)], "rate": [0.5, 0.25]})
    assert apart["direction"].iloc[1] is not text
    assert memo.digest(shared) == memo.digest(apart)


@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.assign(rate=[0.5, 0.26]),
        lambda f: f.assign(rate=f["rate"].astype("Float64")),
        lambda f: f.rename(columns={"rate": "share"}),
        lambda f: f.set_axis([1, 2]),
        lambda f: f.assign(direction=["Direction de l'éducation", None]),
    ],
    ids=["value", "dtype", "column", "index", "missing"],
)
def test_a_frame_changed_in_any_way_gets_another_key(change):
    frame = pd.DataFrame({"direction": ["Direction de l'éducation"] * 2, "rate": [0.5, 0.25]})
    assert memo.digest(change(frame)) != memo.digest(frame)


@pytest.mark.parametrize("page", PAGES)
def test_a_warm_rerun_formats_exports_and_draws_nothing_again(app, facts, monkeypatch, page):
    at = app(page, as_of=facts["as_of"])  # the first run fills the caches
    calls = collections.Counter()

    def counted(name, fn):
        def call(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)

        return call

    for name in ("formatted", "export", "csv_bytes"):
        monkeypatch.setattr(tables, name, counted(name, getattr(tables, name)))
    for name, build in list(kit._BUILDERS.items()):
        monkeypatch.setitem(kit._BUILDERS, name, counted(name, build))
    at.run()
    assert not at.exception, at.exception
    assert at.get("plotly_chart") and at.get("download_button")  # the page drew its charts again
    assert not calls, calls
