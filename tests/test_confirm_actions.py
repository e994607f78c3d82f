"""HR's actions that cannot be taken back ask first: a restore says which version
replaces which data and what each table becomes; an erasure names the person the matricule is,
then waits for a confirmation for that person; neither acts before it.

The published data: tests/fixtures/edge with names (P2 is Zoé Martin), then a second load with a
fifth agent (P5): versions n° 1 (4 staff) and n° 2 (5 staff) are kept, n° 2 is published.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from etl.publish import versions
from etl.store.db import connect_ro
from etl.text import format as fmt
from tests.conftest import FIXTURES, ROOT, load_db

STAFF = """person_id,organisation,direction,is_manager,hire_date,leave_date,first_name,last_name,email
P1,Ville,DG,oui,2010-01-01,,Anne,Durand,anne.durand@ville.fr
P2,Ville,DG,non,2010-01-01,,Zoé,Martin,zoe.martin@ville.fr
P3,Agglo,RH,oui,2010-01-01,2015-01-01,Paul,Petit,
P4,Agglo,RH,oui,,,Léa,Roux,lea.roux@agglo.fr
"""
P5 = "P5,Ville,DG,oui,2012-01-01,,Jean,Moreau,jean.moreau@ville.fr\n"


def source(tmp_path: Path, name: str, staff: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(FIXTURES / "edge", folder)
    (folder / "staff.csv").write_text(staff, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data" / "cadran.duckdb"
    load_db(path, source(tmp_path, "a", STAFF), source(tmp_path, "b", STAFF + P5))
    monkeypatch.setenv("CADRAN_DB", str(path))
    monkeypatch.setenv("CADRAN_LOCAL", "1")  # the single-user local mode (make run's)
    return path


def data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    return at


def staff_count(db: Path) -> int:
    with connect_ro(db) as con:
        return con.execute("SELECT count(*) FROM stg_staff").fetchone()[0]


# --- restore -----------------------------------------------------------------------------------


def test_a_restore_says_what_it_replaces_and_waits_for_a_confirmation(db):
    at = data_page()
    at.selectbox(key="version_pick").set_value(1).run()
    first = versions.listing(db)[-1]
    when = fmt.datetime(pd.Timestamp(first["loaded_at"]).to_pydatetime())
    said = [w.value for w in at.warning if w.value.startswith("Restaurer")]
    assert said == [
        f"Restaurer la version n° 1 (a, chargée le {when}) remplace toutes les données publiées par les "
        "siennes, comme un nouveau chargement. Par table : lignes publiées → celles de la version."
    ]
    preview = next(d.value for d in at.dataframe if "Publiées → version" in d.value.columns)
    changes = dict(zip(preview["Table"], preview["Publiées → version"], strict=True))
    assert changes["Agents"] == "5 → 4"  # P5 is not in version n° 1
    assert at.button(key="version_restore").disabled  # not before the confirmation
    assert at.checkbox(key="version_restore_sure").label == "Je confirme : publier à nouveau la version n° 1"
    at.checkbox(key="version_restore_sure").check().run()
    at.button(key="version_restore").click().run()
    assert at.success[0].value == "Version n° 1 restaurée : chargement n° 3 publié."
    assert staff_count(db) == 4


def test_another_version_picked_asks_again(db, tmp_path):
    load_db(db, source(tmp_path, "c", STAFF))  # n° 3, published: n° 2 and n° 1 to restore
    at = data_page()
    # the published one is not offered: restoring it would publish the same data again
    assert at.selectbox(key="version_pick").options == ["n° 2", "n° 1"]
    at.selectbox(key="version_pick").set_value(1).run()
    at.checkbox(key="version_restore_sure").check().run()
    at.selectbox(key="version_pick").set_value(2).run()
    assert not at.checkbox(key="version_restore_sure").value
    assert at.button(key="version_restore").disabled


def test_the_published_version_alone_has_nothing_to_restore(tmp_path, monkeypatch):
    path = tmp_path / "data" / "cadran.duckdb"
    load_db(path, source(tmp_path, "a", STAFF))
    monkeypatch.setenv("CADRAN_DB", str(path))
    at = data_page()
    assert not [s for s in at.selectbox if s.key == "version_pick"]
    assert not [b for b in at.button if b.key == "version_restore"]
    assert "La seule version conservée, n° 1, est celle publiée : rien d'autre à restaurer." in [
        c.value for c in at.caption
    ]


# --- erasure -----------------------------------------------------------------------------------


def test_an_erasure_names_the_person_and_waits_for_a_confirmation(db):
    at = data_page()
    assert at.button(key="gdpr_forget").disabled
    at.text_input(key="gdpr_forget_id").input(" P2 ").run()
    said = [w.value for w in at.warning if w.value.startswith("Vous allez effacer")]
    assert said == [
        "Vous allez effacer Zoé Martin (zoe.martin@ville.fr, matricule P2, Ville · DG) : des données "
        "publiées, des versions conservées et de leurs fichiers source, des rejets ; les chargements "
        "suivants la retireront aussi. C'est définitif."
    ]
    assert at.button(key="gdpr_forget").disabled  # named, not yet confirmed
    assert staff_count(db) == 5
    at.checkbox(key="gdpr_forget_sure").check().run()
    at.button(key="gdpr_forget").click().run()
    assert any(s.value.startswith("Personne effacée") for s in at.success)
    assert staff_count(db) == 4
    assert b"zoe.martin" not in db.read_bytes()


def test_a_matricule_nobody_has_is_said_so(db):
    at = data_page()
    at.text_input(key="gdpr_forget_id").input("Z999").run()
    said = [w.value for w in at.warning if "Z999" in w.value]
    assert said == [
        "Aucun agent de matricule « Z999 » dans les données publiées. L'effacer le retire des versions "
        "conservées, de leurs fichiers source et des rejets, et des chargements suivants. C'est définitif."
    ]


def test_a_confirmation_is_for_one_person(db):
    at = data_page()
    at.text_input(key="gdpr_forget_id").input("P2").run()
    at.checkbox(key="gdpr_forget_sure").check().run()
    at.text_input(key="gdpr_forget_id").input("P4").run()  # another matricule typed after confirming
    assert not at.checkbox(key="gdpr_forget_sure").value
    assert at.button(key="gdpr_forget").disabled
    assert any(w.value.startswith("Vous allez effacer Léa Roux") for w in at.warning)
