"""The breakdowns (contract section 6) add up to the headline (section 4), on the demo and the sample,
at several dates and scopes; and the command refuses what the contract does not name."""

import datetime as dt

import pytest

from etl.model import breakdowns, queries
from etl.model.kpis import headline
from etl.store.db import connect_ro
from tests.conftest import loaded_db, run_cli

# columns that add up to the headline figure of that name (others: participants, staff, the rates,
# the mean progress; planned by year is each year's, not D's year; spent by category or group is D's
# year's; transversality adds up as a ratio, below; links are pairs)
ADDS_UP = {
    "participation": {"members": "members", "managers": "managers", "member_managers": "member_managers"},
    "hours": {"hours": "hours_invested"},
    "budget": {"spent_to_date_eur": "budget_spent_eur", "planned_eur": "budget_planned_eur"},
    "actions": {"actions": "actions_total", "done": "actions_done", "late": "actions_late"},
    "ideas": {"ideas": "ideas_total", "retained": "ideas_retained"},
    "transversality": {},
    "links": {},
}
CASES = [(name, by) for name, dimensions in breakdowns.catalogue().items() for by in dimensions]


def _scopes(con):
    first = con.execute("SELECT min(organisation) FROM stg_staff").fetchone()[0]
    direction = con.execute(
        "SELECT min(direction) FROM stg_staff WHERE organisation = ?", [first]
    ).fetchone()[0]
    return [(None, None), (first, None), (f"  {first.upper()} ", None), (first, direction)]


def _check_adds_up(db, dates):
    with connect_ro(db) as con:
        for as_of in dates:
            for organisation, direction in _scopes(con):
                h = headline(con, as_of, organisation, direction)
                for name, by in CASES:
                    frame = breakdowns.breakdown(con, name, by, as_of, organisation, direction)
                    for column, figure in ADDS_UP[name].items():
                        if (name, by, column) == ("budget", "year", "planned_eur"):
                            continue
                        total = frame[column].sum(min_count=1)
                        want = h[figure]
                        where = f"{name} --by {by} {column} at {as_of} {organisation!r}/{direction!r}"
                        if want in (None, 0) and pd_isna(total):
                            continue
                        assert total == pytest.approx(want), where
                _check_budget_by_year(con, as_of, h)
                _check_cross_share(con, as_of, organisation, direction, h)


def _check_budget_by_year(con, as_of, h):
    """By year, spent is spent to date, and adds up to budget_spent_eur (years after D's are gone)."""
    frame = breakdowns.breakdown(con, "budget", "year", as_of)
    assert (frame["spent_eur"].fillna(0) == frame["spent_to_date_eur"].fillna(0)).all()
    assert frame["spent_eur"].sum() == pytest.approx(h["budget_spent_eur"] or 0)
    assert all(int(label) <= as_of.year for label in frame["label"])


def _check_cross_share(con, as_of, organisation, direction, h):
    """By direction, cross hours / hours over all rows = cross_direction_hours_share (contract 6)."""
    frame = breakdowns.breakdown(con, "transversality", "direction", as_of, organisation, direction)
    if frame.empty:
        assert h["cross_direction_hours_share"] is None
        return
    share = frame["cross_hours"].sum() / frame["hours"].sum()
    assert share == pytest.approx(h["cross_direction_hours_share"]), (as_of, organisation, direction)


def pd_isna(value) -> bool:
    return value is None or value != value


def test_breakdowns_add_up_on_the_demo(app_db):
    _check_adds_up(app_db, [dt.date(2013, 6, 30), dt.date(2015, 6, 30), dt.date(2017, 12, 15)])


def test_breakdowns_add_up_on_the_sample(sample_db):
    _check_adds_up(sample_db, [dt.date(2014, 6, 30), dt.date(2015, 3, 31), dt.date(2020, 3, 31)])


def test_the_empty_label_comes_last_and_labels_are_in_code_point_order(sample_db):
    with connect_ro(sample_db) as con:
        labels = breakdowns.breakdown(con, "participation", "direction", dt.date(2014, 6, 30))[
            "label"
        ].tolist()
    named = [label for label in labels if label is not None]
    assert named == sorted(named)  # Python sorts str by code point: « Établissements » after « Voirie »
    assert named[-1] == "Établissements"
    assert labels.index(None) == len(labels) - 1 if None in labels else True


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["nope", "--by", "month"], ["participation", "hours", "budget", "actions", "ideas"]),
        (["hours", "--by", "site"], ["organisation", "direction", "group", "kind", "month"]),
        (["budget", "--by", "direction_in_organisation"], ["year", "category", "group"]),
    ],
)
def test_unknown_name_or_dimension_lists_the_valid_ones(sample_db, args, names):
    code, out, err = run_cli("breakdown", *args, "--db", sample_db, "--json")
    assert code == 1 and out == ""
    assert all(n in err for n in names), err


def test_an_unknown_breakdown_is_worded_by_the_text_layer():
    with pytest.raises(breakdowns.UnknownBreakdown) as raised:
        breakdowns.spec("hours", "site")
    assert (raised.value.code, raised.value.values["by"]) == ("dimension", "site")
    code, _, err = run_cli("breakdown", "nope", "--by", "month")
    assert code == 1
    assert "breakdown inconnu « nope » ; valides : participation, hours" in err


def test_list_names_each_breakdown_with_its_dimensions():
    code, out, _ = run_cli("breakdown", "--list")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "participation",
        "--by",
        "organisation",
        "|",
        "direction",
        "|",
        "service",
        "|",
        "site",
        "|",
        "category",
        "(+",
        "direction_in_organisation)",
    ]
    assert [line.split()[0] for line in out.splitlines()] == [
        "participation",
        "hours",
        "budget",
        "actions",
        "ideas",
        "transversality",
        "links",
    ]


def test_scope_matches_the_same_way_in_every_layer(tmp_path):
    """« agglo » / « rh » with odd case and spaces find conftest.STAFF's P4 (Agglo, RH, manager) in the
    headline, the breakdown, the pages' tables and the series alike."""
    db = loaded_db(tmp_path, {})
    d, org, direction = dt.date(2016, 1, 1), "  agglo", " rh "
    with connect_ro(db) as con:
        assert headline(con, d, org, direction)["managers"] == 1
        assert breakdowns.breakdown(con, "participation", "direction", d, org, direction)[
            "managers"
        ].tolist() == [1]
        assert queries.participation_by(con, d, "direction", org, direction)["managers"].tolist() == [1]
        assert queries.network_growth(con, d, dt.date(2015, 12, 1), org, direction)["managers"].tolist() == [
            1,
            1,
        ]
        assert queries.involvement_funnel(con, d, org, direction)["people"].iloc[0] == 1
