"""Drill-down, organisation → direction → service: a link opens a service by the URL alone, every
person counted follows it, the breadcrumb says where the page stands and goes back up."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.model.kpis import headline as kpis_headline
from etl.store.db import connect_ro
from etl.text import format as fmt
from etl.text import plain
from tests.app_support import headline, linked, metrics, table

ORLEANS = "Ville d'Orléans"
CULTURE = "Direction de la culture"


@pytest.fixture
def service(app_db) -> str:
    """The first service of the demo's culture direction (4 services, hand-checked in the source)."""
    with connect_ro(app_db) as con:
        rows = con.execute(
            "select distinct service from stg_staff where organisation = ? and direction = ? order by 1",
            [ORLEANS, CULTURE],
        ).fetchall()
    assert len(rows) == 4
    return rows[0][0]


def test_a_link_opens_a_service_and_every_card_follows(app_db, monkeypatch, service):
    at = linked(
        app_db, monkeypatch, "pages/overview.py", organisation=ORLEANS, direction=CULTURE, service=service
    )
    day = dt.date(2015, 6, 30)
    narrowed = headline(app_db, day, ORLEANS, CULTURE)
    with connect_ro(app_db) as con:
        mine = kpis_headline(con, day, ORLEANS, CULTURE, service)
    assert mine["managers"] < narrowed["managers"]  # a service is a part of its direction
    assert metrics(at)["Membres du réseau"] == fmt.integer(mine["members"])
    assert at.query_params["service"] == service
    # the caption is Markdown: the apostrophe is escaped
    assert f"Ville d\\'Orléans · {CULTURE} · {service}" in at.caption[0].value


def test_the_participation_page_shows_a_directions_services_and_goes_back_up(app, service):
    at = app("pages/participation.py", as_of=dt.date(2015, 6, 30), organisation=ORLEANS, direction=CULTURE)
    shown = table(at, "Service", "Cadres")
    assert len(shown) >= 1 and service in list(shown["Service"])  # the direction's services, by default
    crumbs = {b.key: b for b in at.button if b.key and b.key.startswith("crumb-")}
    # the names as Markdown text (a name is data: « ** » or a link in it is shown, not run)
    assert [b.label for b in crumbs.values()] == [
        "Toutes collectivités",
        plain.md(ORLEANS),
        plain.md(CULTURE),
    ]
    assert crumbs["crumb-direction"].disabled  # where the page stands
    crumbs["crumb-organisation"].click().run()  # back up to the organisation
    assert "direction" not in at.query_params
    shown = table(at, "Direction", "Cadres")
    assert CULTURE in list(shown["Direction"])


def test_a_directions_services_add_up_to_it(app_db):
    """Every demo staff row has a service (4 440 of 4 440): the services' people add up to their
    direction's, in the headline and in the participation breakdown by service."""
    day = dt.date(2015, 6, 30)
    with connect_ro(app_db) as con:
        whole = kpis_headline(con, day, ORLEANS, CULTURE)
        names = [
            r[0]
            for r in con.execute(
                "select distinct service from stg_staff where organisation = ? and direction = ?",
                [ORLEANS, CULTURE],
            ).fetchall()
        ]
        parts = [kpis_headline(con, day, ORLEANS, CULTURE, name) for name in names]
    for figure in ("managers", "member_managers", "members", "participants"):
        assert sum(p[figure] for p in parts) == whole[figure], figure
    assert sum(p["hours_invested"] or 0 for p in parts) == pytest.approx(whole["hours_invested"])
