"""Kept versions, rollback and partial refresh: the real loader, the real CLI, the Data page.

The edge fixture (tests/fixtures/edge, 4 staff) is the published source; sources are changed
by hand in tmp_path, so each expected count below is read off the files.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from etl.publish import versions
from etl.text import format as fmt
from tests.app_support import data_page
from tests.conftest import FIXTURES, ROOT, load_db, run_cli
from tests.killing import killed_in_version_copy
from ui import auth

EDGE = FIXTURES / "edge"
STAFF_5 = (EDGE / "staff.csv").read_text() + "P5,Ville,DG,oui,2012-01-01,\n"


def kpis(db: Path) -> dict:
    code, out, err = run_cli("kpis", "--db", db, "--as-of", "2015-06-30", "--json")
    assert code == 0, err
    return json.loads(out)


def changed_source(tmp_path: Path, name: str, **files: str) -> Path:
    """The edge source with ``files`` replaced."""
    folder = tmp_path / name
    shutil.copytree(EDGE, folder)
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def test_rollback_restores_the_old_versions_figures(tmp_path):
    db = tmp_path / "pub.duckdb"
    load_db(db, EDGE)
    old = kpis(db)
    # a fifth agent, a manager of the Ville: 3 managers at D instead of 2
    load_db(db, changed_source(tmp_path, "b", **{"staff.csv": STAFF_5}))
    assert (old["managers"], kpis(db)["managers"]) == (2, 3)
    assert kpis(db) != old  # the second load changed the figures…
    code, out, err = run_cli("rollback", "1", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["load_id"] == 3  # a rollback is a load, recorded in the history
    assert kpis(db) == old  # …and the restored figures are the first version's
    code, out, _ = run_cli("versions", "--db", db, "--json")
    kept = json.loads(out)
    assert [v["load_id"] for v in kept] == [3, 2, 1]
    assert kept[0]["label"] == "restauration de la version n° 1"
    assert kept[0]["tables"]["members"]["loaded"] == 3


def test_only_the_last_five_are_kept(tmp_path):
    db = tmp_path / "pub.duckdb"
    for _ in range(7):
        load_db(db, EDGE)
    assert [v["load_id"] for v in versions.listing(db)] == [7, 6, 5, 4, 3]
    assert sorted(p.name for p in versions.versions_dir(db).iterdir()) == ["v3", "v4", "v5", "v6", "v7"]
    kept = versions.versions_dir(db) / "v7"
    assert sorted(p.name for p in (kept / "source").iterdir()) == sorted(p.name for p in EDGE.iterdir())
    assert (kept / "cadran.duckdb").stat().st_size > 0
    code, _, err = run_cli("rollback", "1", "--db", db)
    assert code == 1
    assert "la version n° 1 n'est pas conservée (versions conservées : 7, 6, 5, 4, 3)" in err


def test_a_publish_killed_while_it_copies_its_version_leaves_nothing_and_a_true_list(tmp_path, monkeypatch):
    """kill -9 while the load copies the version it keeps: the published load stays the one in the
    version list; the dashboard's start (or the next load) removes the half-copied folder, which held
    the whole source."""
    db = tmp_path / "pub.duckdb"
    load_db(db, EDGE)
    old = kpis(db)
    five = changed_source(tmp_path, "b", **{"staff.csv": STAFF_5})
    assert killed_in_version_copy(five, db) == -9
    assert sorted(p.name for p in versions.versions_dir(db).iterdir()) == [".v2.tmp", "v1"]
    code, out, _ = run_cli("versions", "--db", db, "--json")
    assert [v["load_id"] for v in json.loads(out)] == [1]
    assert kpis(db) == old  # load 1 is the one published, and the one listed
    monkeypatch.setenv("CADRAN_DB", str(db))
    AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()  # the dashboard starts…
    assert sorted(p.name for p in versions.versions_dir(db).iterdir()) == ["v1"]  # …and clears it
    load_db(db, five)
    assert sorted(p.name for p in versions.versions_dir(db).iterdir()) == ["v1", "v2"]
    code, out, _ = run_cli("versions", "--db", db, "--json")
    assert [v["load_id"] for v in json.loads(out)] == [2, 1]
    assert kpis(db)["managers"] == 3
    assert not list(tmp_path.glob(".cadran-load-*"))


def test_a_version_kept_for_a_publish_that_never_happened_is_not_listed(tmp_path):
    """Killed after its version was kept, before the rename that publishes: v2 is on disk, load 1
    is published; the list says 1, and the next publisher removes v2 before keeping its own."""
    db = tmp_path / "pub.duckdb"
    load_db(db, EDGE)
    root = versions.versions_dir(db)
    shutil.copytree(root / "v1", root / "v2")
    report = json.loads((root / "v2" / "report.json").read_text())
    (root / "v2" / "report.json").write_text(json.dumps({**report, "load_id": 2}))
    assert [v["load_id"] for v in versions.listing(db)] == [1]
    code, _, err = run_cli("forget", "P9", "--db", db)
    assert code == 0, err
    assert sorted(p.name for p in root.iterdir()) == ["v1"]


@pytest.fixture
def published(tmp_path, monkeypatch) -> Path:
    db = tmp_path / "pub.duckdb"
    load_db(db, EDGE)
    monkeypatch.setenv("CADRAN_DB", str(db))
    return db


def frame(at: AppTest, column: str):
    """The shown table having ``column``."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def test_partial_refresh_keeps_every_other_table(published):
    before = versions.published_counts(published)
    at = data_page()
    at.file_uploader(key="upload_files").set_value([("staff.csv", STAFF_5.encode(), "text/csv")]).run()
    origins = frame(at, "Origine")
    by_table = dict(zip(origins["Table"], origins["Origine"], strict=True))
    assert by_table["Agents"] == "fichier déposé"
    assert by_table["Membres du réseau"] == "version conservée n° 1"
    assert by_table["Groupes"] == "vide"  # not in the edge source: nothing kept for it
    at.button(key="upload_check").click().run()
    preview = frame(at, "Publié → après")
    assert list(preview.loc[preview["Table"] == "Agents", "Publié → après"]) == ["4 → 5"]
    assert not [w for w in at.warning if "cinquième" in w.value]  # nothing shrinks: no confirmation asked
    at.button(key="upload_go").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Chargement n° 2 publié")
    after = versions.published_counts(published)
    assert after["staff"] == 5
    assert {t: n for t, n in after.items() if t != "staff"} == {
        t: n for t, n in before.items() if t != "staff"
    }
    assert sum(before.values()) > 4  # the other tables do hold rows (a test of something)


def test_a_table_losing_more_than_a_fifth_asks_for_confirmation(published):
    at = data_page()
    four_of_five = STAFF_5  # 5 rows: first publish it, then drop to 4 (−20 %, no question) and 3 (−40 %)
    at.file_uploader(key="upload_files").set_value([("staff.csv", four_of_five.encode(), "text/csv")]).run()
    at.button(key="upload_check").click().run()
    at.button(key="upload_go").click().run()
    assert versions.published_counts(published)["staff"] == 5
    lines = STAFF_5.splitlines(keepends=True)
    minus_one = "".join(lines[:-1])  # P5 (in no other table) dropped: 5 -> 4, exactly a fifth
    at.file_uploader(key="upload_files").set_value([("staff.csv", minus_one.encode(), "text/csv")]).run()
    at.button(key="upload_check").click().run()
    assert not [w for w in at.warning if "cinquième" in w.value]
    assert not at.button(key="upload_go").disabled
    minus_two = "".join(lines[:2] + lines[3:-1])  # P2 and P5 dropped: 5 -> 3
    at.file_uploader(key="upload_files").set_value([("staff.csv", minus_two.encode(), "text/csv")]).run()
    at.button(key="upload_check").click().run()
    (warning,) = [w for w in at.warning if "cinquième" in w.value]
    assert "Agents : 5 → 3" in warning.value
    assert at.button(key="upload_go").disabled
    at.checkbox(key="upload_confirm").check().run()
    assert not at.button(key="upload_go").disabled
    at.button(key="upload_go").click().run()
    assert versions.published_counts(published)["staff"] == 3


def test_hr_restores_a_version_once_confirmed(published, tmp_path):
    first = versions.published_counts(published)
    load_db(published, changed_source(tmp_path, "b", **{"staff.csv": STAFF_5}))
    at = data_page()
    listed = frame(at, "Version")
    assert list(listed["Version"]) == ["n° 2", "n° 1"]
    # « 1er décembre 2026 à 10:59 », as the footer writes a load, never « 2026-12-01 10:59:14 »
    loaded = [v["loaded_at"] for v in versions.listing(published)]
    assert list(listed["Chargé le"]) == [fmt.datetime(pd.Timestamp(v).to_pydatetime()) for v in loaded]
    assert all(re.fullmatch(r"\d{1,2}(er)? [a-zéû]+ \d{4} à \d\d:\d\d", v) for v in listed["Chargé le"])
    at.selectbox(key="version_pick").set_value(1).run()
    at.checkbox(key="version_restore_sure").check().run()  # tests/test_confirm_actions.py: what it says
    at.button(key="version_restore").click().run()
    assert not at.exception
    assert at.success[0].value == "Version n° 1 restaurée : chargement n° 3 publié."
    assert versions.published_counts(published) == first


def test_a_restore_replayed_by_a_viewer_publishes_nothing(published, tmp_path, monkeypatch):
    accounts = tmp_path / "users.json"
    monkeypatch.setenv("CADRAN_USERS", str(accounts))
    from etl.admin import users

    users.add("dg@ville.fr", "viewer", "correct horse battery", accounts)
    before = published.read_bytes()

    def replay():
        from ui import versions_panel

        versions_panel.restore(1, "fr")

    at = AppTest.from_function(replay, default_timeout=60)
    at.session_state[auth.SESSION_KEY] = "dg@ville.fr"
    at.run()
    assert [e.value for e in at.error] == ["Votre rôle ne permet pas cette page ou cette action."]
    assert published.read_bytes() == before
