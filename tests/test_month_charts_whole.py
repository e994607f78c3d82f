"""Charts by month draw their first and last bars whole, and the growth chart its first milestone
(Actions « Avancement du plan », Formation « Rencontres par type », « Inscriptions »,
« Heures » cut their end bars in half; « Croissance du réseau » its first seminar's diamond)."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.text.i18n import t
from tests.app_support import figure

DAY = pd.Timedelta(days=1)


def _edges(fig: dict) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The left edge of the first bar and the right edge of the last, as plotly draws them: a bar
    is (1 - bargap) of the smallest gap between two months wide, centred on its x."""
    days = sorted({pd.Timestamp(x) for trace in fig["data"] for x in trace["x"]})
    assert len(days) >= 2, days
    gap = min(b - a for a, b in zip(days, days[1:], strict=False))
    half = gap * (1 - fig["layout"].get("bargap", 0.2)) / 2
    return days[0] - half, days[-1] + half


CHARTS = [
    ("pages/actions.py", {}, "actions-par-mois"),
    ("pages/training.py", {}, "rencontres-par-mois"),
    ("pages/training.py", {}, "presences-par-mois"),
    ("pages/training.py", {"training_tab": t("training.tab.hours", "fr")}, "heures-mois"),
]


@pytest.mark.parametrize("period", ["12m", "all"])
@pytest.mark.parametrize(("page", "state", "name"), CHARTS, ids=[c[2] for c in CHARTS])
def test_every_bar_of_a_chart_by_month_is_whole(app, facts, page, state, name, period):
    fig = figure(app(page, as_of=facts["as_of"], period=period, **state), name)
    low, high = (pd.Timestamp(v) for v in fig["layout"]["xaxis"]["range"])
    first, last = _edges(fig)
    assert low < first, f"the first bar starts at {first}, the axis at {low}: cut"
    assert high > last, f"the last bar ends at {last}, the axis at {high}: cut"


def test_each_bar_stands_under_its_month_label(app, facts):
    """A month given by its last day (the plan's progress) is drawn on its label, not beside the
    next month's."""
    fig = figure(app("pages/actions.py", as_of=facts["as_of"], period="12m"), "actions-par-mois")
    ticks = {pd.Timestamp(v) for v in fig["layout"]["xaxis"]["tickvals"]}
    bars = {pd.Timestamp(x) for trace in fig["data"] for x in trace["x"]}
    assert all(b.day == 1 for b in bars)
    assert ticks <= bars


def test_the_first_milestone_of_the_growth_is_whole(app, facts):
    # the data start the month of a seminar (5 April 2012): its diamond stood 5 days from the
    # axis's first day (31 March), 2 pixels, half of it cut
    fig = figure(app(as_of=facts["as_of"], period="all"), "croissance-reseau")
    low, high = (pd.Timestamp(v) for v in fig["layout"]["xaxis"]["range"])
    marks = [pd.Timestamp(x) for trace in fig["data"] if trace.get("mode") == "markers" for x in trace["x"]]
    assert marks
    # a 12-pixel diamond on a chart of about 900 px for 70 months (2 100 days): 14 days either side
    assert low <= min(marks) - 14 * DAY
    assert high >= max(marks) + 14 * DAY
