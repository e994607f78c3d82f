"""Overview page: every card shows etl.model.kpis.headline at D, with its change against D − 1 year."""

from __future__ import annotations

import pytest

from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import figure, headline, metrics, values
from ui import cards

PAGE = "pages/overview.py"


def _year_before(d):
    return (
        d.replace(year=d.year - 1)
        if not (d.month == 2 and d.day == 29)
        else d.replace(year=d.year - 1, day=28)
    )


@pytest.mark.parametrize("scoped", [False, True])
def test_cards_equal_the_headline(app, app_db, facts, scoped):
    organisation = facts["organisation"] if scoped else None
    at = app(PAGE, as_of=facts["as_of"], organisation=organisation)
    now = headline(app_db, facts["as_of"], organisation)
    shown = metrics(at)
    for row in cards.GRID:
        for name, _, _ in row:
            assert shown[t(name, "fr")] == cards.value_text(name, now, "fr"), name
    assert len(shown) == sum(len(row) for row in cards.GRID)


def test_cards_show_the_change_over_a_year(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    now = headline(app_db, facts["as_of"])
    before = headline(app_db, _year_before(facts["as_of"]))
    deltas = {m.label: m.delta for m in at.metric}
    assert deltas[t("members", "fr")] == fmt.signed(now["members"] - before["members"])
    rate = now["manager_participation_rate"] - before["manager_participation_rate"]
    assert deltas[t("manager_participation_rate", "fr")] == fmt.points(rate)


def test_growth_chart_ends_on_the_headline_members(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], organisation=facts["organisation"])
    now = headline(app_db, facts["as_of"], facts["organisation"])
    traces = {trace["name"]: trace for trace in figure(at, "croissance-reseau")["data"]}
    assert values(traces[t("members", "fr")]["y"])[-1] == now["members"]
    assert values(traces[t("member_managers", "fr")]["y"])[-1] == now["member_managers"]
    assert figure(at, "croissance-reseau")["layout"]["separators"] == ",\u202f"


def test_a_direction_narrows_the_people_cards(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], organisation=facts["organisation"], direction=facts["direction"])
    scope = headline(app_db, facts["as_of"], facts["organisation"], facts["direction"])
    shown = metrics(at)
    assert shown[t("members", "fr")] == fmt.integer(scope["members"])
    assert shown[t("manager_participation_rate", "fr")] == fmt.percent(scope["manager_participation_rate"])
    whole = headline(app_db, facts["as_of"], facts["organisation"])
    assert shown[t("sessions_held", "fr")] == fmt.integer(whole["sessions_held"])


def test_english_labels_and_numbers(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], lang="en")
    now = headline(app_db, facts["as_of"])
    shown = metrics(at)
    assert shown["Manager participation"] == fmt.percent(now["manager_participation_rate"], lang="en")
    assert at.title[0].value == "Overview"


def test_no_database_gives_instructions_not_a_traceback(app, monkeypatch, tmp_path):
    monkeypatch.setenv("CADRAN_DB", str(tmp_path / "absent.duckdb"))
    at = app()
    assert at.title[0].value == "Aucune donnée publiée pour l'instant"
    assert "python -m etl load" in at.code[0].value


@pytest.mark.parametrize("url", ["participation", "training", "surveys", "actions", "budget", "data"])
def test_no_database_every_page_url_gives_instructions(app, monkeypatch, tmp_path, url):
    """A bookmark on /participation before the first load: the instructions, not "Page not found"."""
    monkeypatch.setenv("CADRAN_DB", str(tmp_path / "absent.duckdb"))
    at = app()
    urls = {info.get("url_pathname"): page_hash for page_hash, info in at._registered_pages.items()}
    assert url in urls  # the URL is registered, so Streamlit does not fall back to its dialog
    at._page_hash = urls[url]  # what a request on /<url> selects (AppTest.switch_page takes files only)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Aucune donnée publiée pour l'instant"


def test_cards_read_plainly(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    now = headline(app_db, facts["as_of"])
    shown = metrics(at)
    assert "Budget dépensé (cumul)" in shown  # cumulative, beside a year's plan: not "275 % of plan"
    captions = [c.value for c in at.caption]
    assert f"sur {fmt.integer(now['actions_total'])} actions du plan" in captions
    assert f"sur {fmt.integer(now['ideas_total'])} idées recueillies" in captions
    assert not [c for c in captions if c.startswith("/")]
    for metric in at.metric:  # no change: grey, no arrow
        if metric.delta and not any(ch in "123456789" for ch in metric.delta):
            assert metric.proto.color == metric.proto.GRAY and metric.proto.direction == metric.proto.NONE


def test_a_zero_change_has_no_arrow():
    from streamlit.testing.v1 import AppTest

    def script():
        from ui import components

        components.card("members", "12", "0,0\u00a0pts")
        components.card("members", "12", "+3")
        components.card("members", "12", "\u22123")
        components.card("actions_late", "4", "\u22122", tone="inverse")
        components.card("budget_planned_eur", "500\u00a0€", "\u2212100\u00a0€", tone="off")

    at = AppTest.from_function(script).run()
    zero, rise, fall, fewer_late, smaller_plan = at.metric
    assert (zero.proto.direction, zero.proto.color) == (zero.proto.NONE, zero.proto.GRAY)
    assert (rise.proto.direction, rise.proto.color) == (rise.proto.UP, rise.proto.GREEN)
    # a fall keeps the minus sign of every other figure (Streamlit reads it from an ASCII « - » alone)
    assert (fall.delta, fall.proto.direction, fall.proto.color) == (
        "\u22123",
        fall.proto.DOWN,
        fall.proto.RED,
    )
    assert (fewer_late.proto.direction, fewer_late.proto.color) == (fall.proto.DOWN, fall.proto.GREEN)
    assert (smaller_plan.proto.direction, smaller_plan.proto.color) == (fall.proto.DOWN, fall.proto.GRAY)


def test_working_across_and_who_carries_the_effort(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"])
    now = headline(app_db, facts["as_of"])
    shown = metrics(at)
    assert shown["Heures avec d'autres directions"] == fmt.percent(now["cross_direction_hours_share"])
    assert shown["Heures portées par 10 % des participants"] == fmt.percent(now["hours_share_top_10pct"])
    tenth = -(-now["participants"] // 10)  # ceil(participants / 10)
    captions = [c.value for c in at.caption]
    assert f"portées par les {fmt.integer(tenth)} participants les plus investis" in captions
