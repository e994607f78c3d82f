"""Actions and ideas page: the funnel, the cards, the late list and the lights equal the KPI layer."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from etl.figures import theme
from etl.store.db import connect_ro
from etl.text import format as fmt
from etl.text.i18n import t
from tests.app_support import figure, headline, metrics, query, table, values

PAGE = "pages/actions.py"
# The page's tabs, by their labels (session state "actions_tab" opens one; the others are not built)
PLAN, LATE, LIGHTS, ROADMAP = (t(f"actions.tab.{k}") for k in ("plan", "late", "lights", "roadmap"))
STAGES = ("ideas_total", "ideas_retained", "actions_total", "actions_done")


@pytest.mark.parametrize("scoped", [False, True])
def test_funnel_and_cards_equal_the_headline(app, app_db, facts, scoped):
    organisation = facts["organisation"] if scoped else None  # ideas and actions stay whole
    at = app(PAGE, as_of=facts["as_of"], organisation=organisation)
    h = headline(app_db, facts["as_of"])
    funnel = figure(at, "idees-actions")["data"][0]
    assert values(funnel["x"]) == [h[name] for name in STAGES]
    assert list(funnel["y"]) == [
        "Idées recueillies",
        "Idées retenues",
        "Actions du plan",
        "Actions terminées",
    ]
    retained = fmt.percent(h["ideas_retained"] / h["ideas_total"])  # French: "41 %", not plotly's "41%"
    assert funnel["text"][1] == f"{fmt.integer(h['ideas_retained'])} ({retained})"
    # done actions are green, the green of "Terminée" everywhere; the other steps one blue
    assert funnel["marker"]["color"] == [theme.PRIMARY, theme.PRIMARY, theme.PRIMARY, theme.GOOD]
    shown = metrics(at)
    for label, name in [
        ("Idées recueillies", "ideas_total"),
        ("Idées retenues", "ideas_retained"),
        ("Actions du plan", "actions_total"),
        ("Actions terminées", "actions_done"),
        ("Actions en retard", "actions_late"),
    ]:
        assert shown[label] == fmt.integer(h[name])


def test_an_earlier_date_moves_the_funnel(app, app_db, facts):
    earlier = dt.date(facts["as_of"].year - 3, 6, 30)
    at = app(PAGE, as_of=earlier)
    h = headline(app_db, earlier)
    assert values(figure(at, "idees-actions")["data"][0]["x"]) == [h[name] for name in STAGES]
    assert metrics(at)["Actions en retard"] == fmt.integer(h["actions_late"])


@pytest.mark.parametrize("dimension", ["axis", "group", "status"])
def test_actions_by_dimension_add_up_to_the_plan(app, app_db, facts, dimension):
    at = app(PAGE, as_of=facts["as_of"], actions_dimension=dimension)
    h = headline(app_db, facts["as_of"])
    traces = figure(at, f"actions-{dimension}")["data"]
    assert sum(sum(values(trace["x"])) for trace in traces) == h["actions_total"]
    done = next(trace for trace in traces if trace["name"] == "Terminée")
    assert sum(values(done["x"])) == h["actions_done"]


def test_groups_are_shown_by_name(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_dimension="group")
    names = set(query(app_db, "actions_by", as_of=facts["as_of"], dimension="group")["label"].dropna())
    shown = {y for trace in figure(at, "actions-group")["data"] for y in trace["y"]}
    assert names and names <= shown


def test_progress_over_time_ends_on_the_status_at_d(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], period="12m")
    h = headline(app_db, facts["as_of"])
    traces = figure(at, "actions-par-mois")["data"]
    months = {x[:7] for trace in traces for x in trace["x"]}
    assert len(months) <= 12
    last = max(x for trace in traces for x in trace["x"])
    at_d = {trace["name"]: values(trace["y"])[list(trace["x"]).index(last)] for trace in traces}
    assert sum(at_d.values()) == h["actions_total"]
    assert at_d["Terminée"] == h["actions_done"]


def test_late_actions_are_the_headline_late_actions(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_tab=LATE)
    h = headline(app_db, facts["as_of"])
    late = query(app_db, "late_actions", as_of=facts["as_of"])
    assert len(late) == h["actions_late"]
    shown = table(at, "Intitulé", "Pilote", "Échéance")
    assert len(shown) == h["actions_late"]
    assert shown["Intitulé"].tolist() == late["title"].tolist()
    assert shown["Échéance"].tolist() == [fmt.short_date(d) for d in late["due_on"]]
    assert shown["Pilote"].tolist() == late["owner_name"].tolist()


def test_owners_are_named_from_the_staff(app_db, facts):
    actions = query(app_db, "action_list", as_of=facts["as_of"])
    with_name = actions[actions["owner_name"] != actions["owner"]]
    assert not with_name.empty  # the demo's owners are matricules of the staff
    assert not with_name["owner_name"].str.fullmatch(r"\d+").any()


def test_priority_actions(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_tab=LATE)
    h = headline(app_db, facts["as_of"])
    priority = query(app_db, "priority_actions", as_of=facts["as_of"])
    assert len(priority) == h["actions_priority"]
    shown = table(at, "Intitulé", "Feu")
    assert shown["Intitulé"].tolist() == priority["title"].tolist()


def test_lights_count_every_action(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_tab=LIGHTS)
    h = headline(app_db, facts["as_of"])
    lights = query(app_db, "action_lights", as_of=facts["as_of"])
    assert lights["actions"].sum() == h["actions_total"]
    shown = metrics(at)
    # no colour emoji (Debian has no emoji font): a coloured Material dot, in Streamlit's Markdown
    for label, light in [
        (":green[:material/circle:] Dans les temps", "green"),
        (":orange[:material/circle:] À surveiller", "amber"),
        (":red[:material/circle:] Critique", "red"),  # not "En retard": that is actions_late, another count
        (":gray[:material/circle:] Non évalué", "grey"),
    ]:
        assert shown[label] == fmt.integer(lights.set_index("light").at[light, "actions"])
    assert not any(ord(c) > 0x2FFF for label in shown for c in label)  # no emoji anywhere
    every = table(at, "Feu", "Intitulé", "Avancement attendu")
    assert len(every) == h["actions_total"]
    assert "Vert : avancement réel au moins égal à l'attendu moins 10 points" in " ".join(
        c.value for c in at.caption
    )
    assert not any("retard" in label.lower() for label in shown if label.startswith(":"))


def test_the_list_shows_each_light_as_its_label_on_its_colour(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_tab=LIGHTS)
    actions = query(app_db, "action_list", as_of=facts["as_of"])
    shown = next(d for d in at.dataframe if list(d.value.columns)[:2] == ["Feu", "Intitulé"])
    labels = {"green": "Dans les temps", "amber": "À surveiller", "red": "Critique", "grey": "Non évalué"}
    # each cell reads its label (a chip, no emoji font needed), action by action
    assert [list(cell) for cell in shown.value["Feu"]] == [[labels[light]] for light in actions["light"]]
    chips = json.loads(shown.proto.columns)["Feu"]["type_config"]
    assert chips["type"] == "multiselect"
    assert {o["value"]: o["color"] for o in chips["options"]} == {
        "Dans les temps": theme.GOOD,
        "À surveiller": theme.ACCENT,
        "Critique": theme.BAD,
        "Non évalué": theme.NEUTRAL,
    }


def test_downloads_carry_french_headers_and_labels(app, app_db, facts, downloads):
    files = {}
    for tab in (PLAN, LATE, LIGHTS):
        files |= downloads(app(PAGE, as_of=facts["as_of"], actions_tab=tab))
    late = files["actions-en-retard"]
    assert list(late.columns) == ["Intitulé", "Pilote", "Échéance", "Statut", "Avancement (%)"]
    expected = query(app_db, "late_actions", as_of=facts["as_of"])
    assert late["Intitulé"].tolist() == expected["title"].tolist()
    assert set(late["Statut"]) <= {"Non démarrée", "En cours"}  # labels, not in_progress
    # numbers stay numbers, on the 0–100 scale of every percentage of the downloads
    assert late["Avancement (%)"].tolist() == expected["progress_pct"].round(1).tolist()
    assert late["Échéance"].tolist() == expected["due_on"].dt.strftime("%Y-%m-%d").tolist()
    lights = files["feux-actions"]
    assert set(lights["Feu"]) <= {"Dans les temps", "À surveiller", "Critique", "Non évalué"}
    by_month = files["actions-par-mois"]
    assert list(by_month.columns) == ["Mois", "Statut", "Actions"]
    assert "Terminée" in set(by_month["Statut"])
    axis = files["actions-axis"]
    assert list(axis.columns) == ["Axe", "Statut", "Actions"]  # no key beside its label
    assert axis["Actions"].sum() == headline(app_db, facts["as_of"])["actions_total"]
    funnel = files["idees-actions"]
    assert funnel["Niveau"].tolist() == [
        "Idées recueillies",
        "Idées retenues",
        "Actions du plan",
        "Actions terminées",
    ]


def test_english_downloads(app, facts, downloads):
    at = app(PAGE, as_of=facts["as_of"], lang="en", actions_tab=t("actions.tab.late", "en"))
    late = downloads(at)["actions-en-retard"]
    assert list(late.columns) == ["Title", "Owner", "Due", "Status", "Progress (%)"]
    assert set(late["Status"]) <= {"Not started", "In progress"}


@pytest.mark.parametrize("tab", [PLAN, LATE, LIGHTS])
def test_presenter_mode_shows_no_owner(app, app_db, facts, tab):
    at = app(PAGE, as_of=facts["as_of"], presenter=True, actions_tab=tab)
    actions = query(app_db, "action_list", as_of=facts["as_of"])
    owners = set(actions["owner_name"].dropna()) | set(actions["owner"].dropna())
    assert bool(at.table) == (tab != PLAN)  # the tables stay (projector-size HTML tables), without owners
    for frame in [*at.dataframe, *at.table]:
        assert "Pilote" not in frame.value.columns
        cells = {str(v) for v in frame.value.to_numpy().ravel()}
        assert not cells & owners
    charts = json.dumps([c.proto.spec for c in at.get("plotly_chart")])
    assert not any(name in charts for name in owners)
    assert bool(at.get("plotly_chart")) == (tab == PLAN)


def test_english(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], lang="en", actions_tab=t("actions.tab.late", "en"))
    h = headline(app_db, facts["as_of"])
    assert metrics(at)["Late actions"] == fmt.integer(h["actions_late"], "en")
    assert "Owner" in table(at, "Title", "Due").columns


# --- the status light on hand-made dates (D = 2015-07-01; [start, due] = 2015-01-01 … 2015-12-31)

D = dt.date(2015, 7, 1)
START, DUE = dt.date(2015, 1, 1), dt.date(2015, 12, 31)  # half of the span elapsed at D: 181/364


@pytest.fixture(scope="module")
def macros(app_db):
    """etl/model/model.sql's macros on a published database, evaluated on plain values."""
    with connect_ro(app_db) as con:
        yield lambda sql, **values: con.execute(f"select {sql}", values).fetchone()[0]


@pytest.fixture(scope="module")
def expected_progress(macros):
    return lambda start, due, d: macros(
        "expected_pct($start::date, $due::date, $d::date)", start=start, due=due, d=d
    )


@pytest.fixture(scope="module")
def status_light(macros):
    sql = "status_light($start::date, $due::date, $progress::double, $status, $d::date)"
    return lambda start, due, progress, status, d: macros(
        sql, start=start, due=due, progress=progress, status=status, d=d
    )


def test_expected_progress_is_the_elapsed_share(expected_progress):
    assert expected_progress(START, DUE, D) == pytest.approx(100 * 181 / 364)
    assert expected_progress(START, DUE, START) == 0
    assert expected_progress(START, DUE, dt.date(2014, 6, 1)) == 0
    assert expected_progress(START, DUE, DUE) == 100
    assert expected_progress(START, START, START) == 100  # a one-day action is expected done on its day
    assert expected_progress(None, DUE, D) is None


@pytest.mark.parametrize(
    ("start", "due", "progress", "status", "light"),
    [
        (START, DUE, 50, "in_progress", "green"),  # 49.7 expected
        (START, DUE, 40, "in_progress", "green"),  # 9.7 points behind
        (START, DUE, 39, "in_progress", "amber"),  # 10.7 points behind
        (START, DUE, 25, "in_progress", "amber"),  # 24.7 points behind
        (START, DUE, 24, "in_progress", "red"),  # 25.7 points behind
        (
            dt.date(2015, 6, 21),
            dt.date(2015, 7, 11),
            40,
            "in_progress",
            "green",
        ),  # 10 of 20 days: 50 expected, 10 behind
        (dt.date(2015, 6, 21), dt.date(2015, 7, 11), 25, "in_progress", "amber"),  # 25 behind
        (START, DUE, None, "not_started", "red"),  # no progress counts as 0
        (dt.date(2015, 9, 1), DUE, None, "not_started", "green"),  # not yet started, nothing expected
        (START, dt.date(2015, 6, 30), 95, "in_progress", "red"),  # late: due before D
        (START, D, 95, "in_progress", "green"),  # due on D is not late yet
        (START, dt.date(2015, 6, 30), 100, "done", "green"),
        (START, DUE, 10, "abandoned", "grey"),
        (None, DUE, 50, "in_progress", "grey"),
        (START, None, 50, "in_progress", "grey"),
        (None, dt.date(2015, 6, 30), 50, "in_progress", "red"),  # late even without a start
    ],
)
def test_status_light(status_light, start, due, progress, status, light):
    assert status_light(start, due, progress, status, D) == light


def test_the_tabs_build_only_the_view_that_is_open(app, facts):
    built = {
        PLAN: ({"idees-actions", "actions-axis", "actions-par-mois"}, 0),
        LATE: (set(), 2),  # the late actions, the priority ones
        LIGHTS: (set(), 1),  # every action with its light
        ROADMAP: ({"feuille-de-route"}, 1),  # the tree, then the same tree to read
    }
    for tab, (charts, tables) in built.items():
        at = app(PAGE, as_of=facts["as_of"], actions_tab=tab)
        assert [t.label for t in at.tabs] == [PLAN, LATE, LIGHTS, ROADMAP]
        assert {c.proto.id.rsplit("-chart-", 1)[1] for c in at.get("plotly_chart")} == charts, tab
        assert len(at.dataframe) == tables, tab
        assert "Actions en retard" in metrics(at)  # the headline cards stay above every tab


def test_the_roadmap_tree(app, app_db, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_tab=ROADMAP)
    h = headline(app_db, facts["as_of"])
    boxes = figure(at, "feuille-de-route")["data"][0]
    axes = [i for i, parent in enumerate(boxes["parents"]) if parent == ""]
    # every action once, under its group under its axis: the axes' boxes hold every action
    assert sum(values(boxes["values"])[i] for i in axes) == h["actions_total"]
    assert sum(1 for i in boxes["ids"] if i.startswith("action:")) == h["actions_total"]
    shown = table(at, "Feu", "Axe › groupe › action", "Pilote")
    assert len(shown) == len(boxes["ids"])
    late = [
        int(v)
        for v, name in zip(shown["En retard"], shown["Axe › groupe › action"], strict=True)
        if not name.startswith("\u2003")
    ]
    assert sum(late) == h["actions_late"]  # the axes' late actions add up to the headline


def test_the_roadmap_tree_has_no_owner_for_a_presenter(app, facts):
    at = app(PAGE, as_of=facts["as_of"], actions_tab=ROADMAP, presenter=True)
    assert figure(at, "feuille-de-route")["data"][0]["type"] == "treemap"
    assert not any("Pilote" in str(m.value) for m in at.markdown)
