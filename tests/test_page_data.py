"""Data page: load history, rows read / loaded / rejected per table, rejected rows with reasons."""

from __future__ import annotations

from tests.app_support import figure, query, table, values
from ui import format as fmt

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
    assert all("Valeurs lues" not in frame.value.columns for frame in at.dataframe)


def test_footer_names_the_load(app, app_db):
    at = app(PAGE)
    last = query(app_db, "last_load").iloc[0]
    assert last["source"] == "source"  # the folder's name: no server path in the footer or the history
    assert f"Données chargées le {fmt.datetime(last['loaded_at'])} depuis source" in [
        c.value for c in at.sidebar.caption
    ]
    assert table(at, "N°")["Source"].tolist() == ["source"]
