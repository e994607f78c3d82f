"""Data page: load history, rows read / loaded / rejected per table, rejected rows with reasons."""

from __future__ import annotations

from tests.app_support import figure, query, read_as_text, table, values
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


def test_rejected_rows_show_their_reasons(app, app_db):
    at = app(PAGE)
    load_id = int(query(app_db, "load_history").at[0, "load_id"])
    rejects = query(app_db, "load_rejects", load_id=load_id)
    assert len(rejects) == 3  # the demo's deliberate bad rows (data/demo/README.md)
    shown = table(at, "Table", "Motif")
    assert len(shown) == len(rejects)
    assert shown["Motif"].tolist() == rejects["reason"].tolist()
    assert shown["Table"].tolist() == ["Présences", "Temps déclaré", "Réponses"]
    assert shown["Colonne"].tolist() == ["Code session (session_id)", "Heures (hours)", "Réponse (value)"]
    assert shown["Valeurs lues"].str.match(r"^session_id=\S+ \| person_id=").tolist()[0]


def test_presenter_mode_hides_the_raw_values(app, app_db):
    at = app(PAGE, presenter=True)
    load_id = int(query(app_db, "load_history").at[0, "load_id"])
    if not query(app_db, "load_rejects", load_id=load_id).empty:
        assert any(i.value == "Tableau masqué en mode présentation." for i in at.info)
        assert all("Motif" not in frame.value.columns for frame in at.dataframe)


def test_footer_names_the_load(app, app_db):
    at = app(PAGE)
    last = query(app_db, "last_load").iloc[0]
    assert f"Données chargées le {fmt.datetime(last['loaded_at'])} depuis {last['source']}" in [
        read_as_text(c.value) for c in at.sidebar.caption
    ]
