"""Numbers on chart axes read the French way: 25 000 (never 25k nor 2000), with their unit."""

from __future__ import annotations

import pytest

from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import figure

NBSP = fmt.NBSP
HOURS = {"training_tab": t("training.tab.hours")}  # the training page's tab of hours


@pytest.mark.parametrize(
    ("page", "state", "name", "axis", "unit"),
    [
        ("pages/training.py", HOURS, "heures-mois", "yaxis", f"{NBSP}h"),
        ("pages/training.py", {**HOURS, "hours_dimension": "kind"}, "heures-kind", "xaxis", f"{NBSP}h"),
        ("pages/training.py", HOURS, "heures-par-participant", "xaxis", f"{NBSP}h"),
        ("pages/budget.py", {}, "budget-groupes", "xaxis", f"{NBSP}€"),
        ("pages/budget.py", {}, "depenses-cumulees", "yaxis", f"{NBSP}€"),
        ("pages/training.py", {}, "rencontres-par-mois", "yaxis", None),
    ],
)
def test_axes_group_thousands_and_name_their_unit(app, facts, page, state, name, axis, unit):
    layout = figure(app(page, as_of=facts["as_of"], **state), name)["layout"]
    assert layout["separators"] == f",{fmt.NNBSP}"  # decimal comma, narrow no-break space for thousands
    assert layout[axis]["separatethousands"] is True  # "2 000", not "2000"
    assert layout[axis]["exponentformat"] == "none"  # "2 000", not "2k"
    if unit:
        assert layout[axis]["ticksuffix"] == unit


def test_english_axes(app, facts):
    layout = figure(app("pages/budget.py", as_of=facts["as_of"], lang="en"), "budget-groupes")["layout"]
    assert layout["separators"] == ".,"
    assert layout["xaxis"]["tickprefix"] == "€"
