"""Data page: load history, rows read / loaded / rejected per table, rejected rows with reasons."""

from __future__ import annotations

from etl.text import format as fmt
from etl.text import plain
from tests.app_support import figure, query, read_as_text, table, values

PAGE = "pages/data.py"


def test_history_and_counts_per_table(app, app_db):
    at = app(PAGE)
    history = query(app_db, "load_history")
    shown = table(at, "N°")
    assert len(shown) == len(history)
    assert shown["Rejetées"].tolist() == [fmt.integer(v) for v in history["rows_rejected"]]
    counts = query(app_db, "load_table_counts", load_id=int(history.at[0, "load_id"]))
    traces = {
        trace["name"]: values(trace["x"])
        for trace in figure(at, f"tables-{history.at[0, 'load_id']}")["data"]
    }
    assert traces["Chargées"] == counts["rows_loaded"].tolist()
    assert traces["Rejetées"] == counts["rows_rejected"].tolist()
    assert (counts["rows_read"] == counts["rows_loaded"] + counts["rows_rejected"]).all()


def _group_rows(at, label_part: str):
    """Pick the reject group whose label holds ``label_part``, then return the rows table shown."""
    box = at.selectbox(key="rejects_group")
    (option,) = [o for o in box.options if label_part in o]
    box.select_index(box.options.index(option)).run()
    assert not at.exception
    return table(at, "Table", "Fichier", "Ligne")


def test_rejects_are_counted_per_table_and_reason_then_shown_on_demand(app, app_db):
    at = app(PAGE)
    load_id = int(query(app_db, "load_history").at[0, "load_id"])
    rejects = query(app_db, "load_rejects", load_id=load_id)
    assert len(rejects) == 3  # the demo's deliberate bad rows (data/demo/README.md)
    groups = table(at, "Table", "Motif", "Lignes")
    assert sorted(groups["Table"]) == ["Présences", "Réponses", "Temps déclaré"]
    assert groups["Lignes"].tolist() == ["1", "1", "1"]
    assert all("«" not in m for m in groups["Motif"])  # a group is worded without its values
    rows = _group_rows(at, "Présences")
    assert rows["Colonne"].tolist() == ["Code session (session_id)"]
    assert rows["Motif"].tolist() == rejects.loc[rejects["table_name"] == "attendance", "reason"].tolist()
    assert rows["Valeurs lues"].str.match(r"^session_id=\S+ \| person_id=").all()


def test_rejected_survey_rows_show_file_line_and_reason_never_values(app, app_db, downloads):
    at = app(PAGE)
    rows = _group_rows(at, "Réponses")
    assert list(rows.columns) == ["Table", "Fichier", "Ligne", "Colonne", "Motif"]
    assert rows["Motif"].tolist() == ["réponse attendue : entier de 1 à 5"]  # the value read is not said
    files = downloads(at)
    (name,) = [n for n in files if n.endswith("-lignes")]
    assert list(files[name].columns) == ["Table", "Fichier", "Ligne", "Colonne", "Motif"]


def test_presenter_mode_hides_the_rejected_rows(app, app_db):
    at = app(PAGE, presenter=True)
    load_id = int(query(app_db, "load_history").at[0, "load_id"])
    assert not query(app_db, "load_rejects", load_id=load_id).empty
    at.selectbox(key="rejects_group").select_index(0).run()
    assert any(i.value == "Tableau masqué en mode présentation." for i in at.info)
    assert at.table  # presenter mode draws its tables as HTML tables: the check reads them
    assert all("Valeurs lues" not in frame.value.columns for frame in [*at.dataframe, *at.table])


def test_footer_names_the_load(app, app_db):
    at = app(PAGE)
    last = query(app_db, "last_load").iloc[0]
    assert last["source"] == "source"  # the folder's name: no server path in the footer or the history
    assert f"Données chargées le {fmt.datetime(last['loaded_at'])} depuis source" in [
        read_as_text(c.value) for c in at.sidebar.caption
    ]
    assert table(at, "N°")["Source"].tolist() == ["source"]


def _page_on(db, monkeypatch, **state):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    monkeypatch.setenv("CADRAN_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


SESSIONS = (
    "session_id,kind,title,date,duration_hours\nS1,training,x,2015-03-02,2\nS2,training,y,2015-03-02,0\n"
)
MANY = {
    "sessions.csv": SESSIONS + "S3,training,z,2015-03-02,30\n",
    # 302 rows of two sessions rejected for their durations, and 2 of an unknown one
    "attendance.csv": "session_id,person_id\n"
    + "".join(f"S{2 + i % 2},P{i % 4 + 1}\n" for i in range(302))
    + "S9,P1\nS9,P2\nS1,P1\n",
    "members.csv": "person_id,joined_on\nP1,31/02/2015\nP2,2014-01-01\n",
    "notes.docx": b"x",
}


def test_many_rejects_of_one_cause_make_one_group_and_filters_narrow_them(tmp_path, monkeypatch):
    from tests.conftest import loaded_db

    db = loaded_db(tmp_path, MANY)
    at = _page_on(db, monkeypatch)
    groups = table(at, "Table", "Motif", "Lignes")
    # hand-counted: 302 rows of S2 and S3 (both rejected in sessions.csv), 2 of S9, 2 sessions, 1 member
    assert groups["Lignes"].tolist() == ["302", "2", "1", "1", "1"]
    assert groups["Motif"].tolist()[:2] == [
        "sa ligne dans sessions a été rejetée (corrigez d'abord cette ligne)",
        "inconnu dans sessions",
    ]
    at.multiselect(key="rejects_tables").select("members").run()
    assert table(at, "Table", "Motif", "Lignes")["Table"].tolist() == ["Membres du réseau"]
    at.multiselect(key="rejects_tables").unselect("members").run()
    at.multiselect(key="rejects_reasons").select("inconnu dans sessions").run()
    assert table(at, "Table", "Motif", "Lignes")["Lignes"].tolist() == ["2"]
    at.selectbox(key="rejects_group").select_index(0).run()
    rows = table(at, "Table", "Fichier", "Ligne")
    assert rows["Ligne"].tolist() == ["304", "305"]
    assert rows["Motif"].tolist() == ["inconnu dans sessions : « S9 »"] * 2


def test_rejects_are_worded_in_english_in_the_english_interface(tmp_path, monkeypatch):
    from tests.conftest import loaded_db

    db = loaded_db(tmp_path, MANY)
    at = _page_on(db, monkeypatch, lang="en")
    groups = table(at, "Table", "Reason", "Rows")
    assert (
        "this date does not exist: the format is right, but there is no such day" in groups["Reason"].tolist()
    )
    assert "its row in sessions was rejected (fix that row first)" in groups["Reason"].tolist()
    box = at.selectbox(key="rejects_group")
    box.select_index(next(i for i, o in enumerate(box.options) if "its row in sessions" in o)).run()
    rows = table(at, "Table", "File", "Line")
    assert rows["Reason"].iloc[0] == "S2: its row in sessions.csv (line 3) was rejected"
    assert table(at, "File", "Detail")["Detail"].tolist() == [
        "ignored: not a table (formats read: .csv, .txt, .xlsx)"
    ]


def test_the_reject_filters_speak_the_interface_s_language(app):
    """The « Tables » and « Motifs » boxes read French before a choice, not Streamlit's « Choose options »."""
    at = app(PAGE)
    boxes = {box.key: box for box in at.multiselect}
    for key in ("rejects_tables", "rejects_reasons"):
        assert boxes[key].proto.placeholder == "Toutes (choisir pour filtrer)"
    english = app(PAGE, lang="en")
    assert {box.proto.placeholder for box in english.multiselect} == {"All (choose to filter)"}


def test_what_each_role_opens_reads_page_titles(app):
    """Utilisateurs › « Ce que chaque rôle ouvre »: the pages by their titles, not their file names."""
    at = app("pages/admin.py")
    # a table whose texts wrap (Markdown escaped): a canvas cell cut the admin's at « …Budget, Comp »
    (roles,) = [d.value for d in at.table if "Rôle" in d.value.columns]
    assert not [d for d in at.dataframe if "Rôle" in d.value.columns]
    viewer = roles.iloc[[i for i, r in enumerate(roles["Rôle"]) if "Direction" in r or "direction" in r][0]]
    listed = viewer.iloc[1]
    assert (
        plain.md("Vue d'ensemble") in listed and "Transversalité" in listed and "Actions et idées" in listed
    )
    assert "overview" not in listed and "transversality" not in listed
    assert roles["Pages"].iloc[-1] == plain.md(  # the admin's: every page
        "Vue d'ensemble, Participation, Transversalité, Formation et temps investi, Enquêtes, "
        "Actions et idées, Budget, Comparer, Présentation, Données, Utilisateurs"
    )
