"""Transversalité page: the headline share and its change, who meets whom, each direction's share,
the sessions that brought the most directions together, the trend; small directions gathered for
viewers and presenters."""

from __future__ import annotations

import pytest

from etl.figures import across_charts
from etl.model import working_across
from etl.store.db import connect_ro
from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import figure, headline, metrics, table, values

PAGE = "pages/transversality.py"
MAP, GROUPS, SESSIONS, TREND = (t(f"transversality.tab.{k}") for k in ("map", "groups", "sessions", "trend"))


def test_headline_share_and_its_change_over_a_year(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    now = headline(app_db, facts["as_of"])
    shown = metrics(at)
    assert shown["Heures avec d'autres directions"] == fmt.percent(now["cross_direction_hours_share"])
    assert shown["Heures portées par 10 % des participants"] == fmt.percent(now["hours_share_top_10pct"])
    before = headline(app_db, facts["as_of"].replace(year=facts["as_of"].year - 1))
    change = fmt.points(now["cross_direction_hours_share"] - before["cross_direction_hours_share"])
    delta = [m.proto.delta for m in at.metric if m.label == "Heures avec d'autres directions"][0]
    assert delta == change


def test_the_map_holds_every_pair_and_its_hours(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], transversality_tab=MAP)
    heat = figure(at, "rencontres-direction")["data"][0]
    with connect_ro(app_db) as con:
        links = working_across.links(con, facts["as_of"], gather=False)
    # the local user is an administrator: nothing is gathered, so the map is the contract's links
    # breakdown, each pair twice (the matrix is symmetric)
    names = set(links["label"]) | set(links["other"])
    # the axes read short names (« Culture »), the hover the whole one
    assert set(heat["x"]) == {across_charts.short_name(n) for n in names}
    assert "Direction de la culture · " in str(heat["customdata"])
    z = heat["z"]
    cells = values(z) if isinstance(z, dict) else [v for row in z for v in row]
    assert sum(v for v in cells if v is not None and v == v) == pytest.approx(2 * links["hours"].sum())
    network = figure(at, "reseau-direction")
    [points] = network["data"]
    assert set(points["text"]) == {across_charts.short_name(n) for n in names}
    # one line per pair drawn, the strongest 60, each from one point to another, the widest the pair
    # with the most hours
    lines = network["layout"]["shapes"]
    assert len(lines) == min(len(links), 60)
    at_point = set(zip(values(points["x"]), values(points["y"]), strict=True))
    assert all({(s["x0"], s["y0"]), (s["x1"], s["y1"])} <= at_point for s in lines)
    assert max(s["line"]["width"] for s in lines) == 12


def test_each_direction_share_and_the_table(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], transversality_tab=GROUPS)
    shown = table(at, "Direction", "Part avec d'autres")
    with connect_ro(app_db) as con:
        groups = working_across.groups(con, facts["as_of"])
    assert len(shown) == len(groups)
    for _, row in groups.iterrows():
        line = shown[shown["Direction"] == row["label"]].iloc[0]
        assert line["Part avec d'autres"] == fmt.percent(row["cross_hours_share"])
    bars = figure(at, "transversalite-direction")["data"][0]
    assert len(values(bars["x"])) == len(groups)


def test_small_directions_are_gathered_for_a_presenter(app, app_db, facts, monkeypatch):
    monkeypatch.setattr(working_across, "LEAST", 10_000)  # every direction is small: one gathered group
    at = app(PAGE, as_of=facts["as_of"], transversality_tab=GROUPS, presenter=True)
    bars = figure(at, "transversalite-direction")["data"][0]
    assert list(bars["y"]) == ["Autres directions"]
    assert fmt.percent(headline(app_db, facts["as_of"])["cross_direction_hours_share"]) in bars["text"][0]


def test_sessions_that_brought_the_most_directions_together(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], transversality_tab=SESSIONS)
    shown = table(at, "Date", "Directions")
    counts = [int(v) for v in shown["Directions"]]
    assert counts == sorted(counts, reverse=True) and len(counts) <= 10


def test_trend_by_quarter_ends_on_d(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], transversality_tab=TREND)
    line = figure(at, "transversalite-trimestres")["data"][0]
    quarter = (facts["as_of"].month - 1) // 3 + 1
    assert line["x"][-1] == f"T{quarter}\u00a0{facts['as_of'].year}"


def test_english(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], lang="en")
    assert "Hours with other directions" in metrics(at)
    assert at.title[0].value == "Working across"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Direction de la culture", "Culture"),
        ("Direction de l'éducation", "Éducation"),
        ("Direction des finances", "Finances"),
        ("Direction générale des services", "Direction générale des services"),  # not « Générale des… »
        ("Direction générale adjointe solidarités", "Direction générale adjointe solidarités"),
        ("Direction du numérique", "Numérique"),
        ("RH mutualisées", "RH mutualisées"),
    ],
)
def test_short_names(name, short):
    assert across_charts.short_name(name) == short
