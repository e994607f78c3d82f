"""A load reuses the published file's survey protections whose key (the rule's version and a
digest of the survey's respondents, answers and questions) is unchanged: a reload of the same
surveys computes none, a changed survey is the only one computed again, and what is reused is
exactly what a fresh computation gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.model import survey_store
from etl.protection import suppression
from etl.publish.load import load
from tests.conftest import ROOT

DEMO = ROOT / "data" / "demo" / "source"


def _stored(db: Path) -> dict:
    """The protected tables as the pages read them, by survey and kind."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        surveys = con.execute("select distinct survey_id from survey_protections order by 1").fetchall()
        return {survey_id: survey_store.read(con, survey_id) for (survey_id,) in surveys}
    finally:
        con.close()


def _same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys() and a
    for survey_id in a:
        assert a[survey_id].keys() == b[survey_id].keys()
        for kind in a[survey_id]:
            pd.testing.assert_frame_equal(a[survey_id][kind], b[survey_id][kind], obj=f"{survey_id} {kind}")


@pytest.fixture
def source(tmp_path) -> Path:
    folder = tmp_path / "source"
    shutil.copytree(DEMO, folder)
    return folder


def test_a_reload_of_the_same_surveys_computes_none(source, tmp_path):
    db = tmp_path / "cadran.duckdb"
    first = load(source, db, keep=False)
    assert (first.surveys, first.surveys_computed) == (2, 2)  # the demo's 2012 and 2014 barometers
    stored = _stored(db)
    again = load(source, db, keep=False)
    assert (again.surveys, again.surveys_computed) == (2, 0)
    _same(_stored(db), stored)  # the same protected tables, cell for cell


def test_a_changed_survey_is_the_only_one_computed_again(source, tmp_path):
    db = tmp_path / "cadran.duckdb"
    load(source, db, keep=False)
    answers = source / "survey_answers.csv"
    text = answers.read_text(encoding="utf-8")
    assert text.count("ENQ-2014,E2014-R0243,Q06,1\n") == 1
    answers.write_text(
        text.replace("ENQ-2014,E2014-R0243,Q06,1\n", "ENQ-2014,E2014-R0243,Q06,5\n"), encoding="utf-8"
    )
    again = load(source, db, keep=False)
    assert (again.surveys, again.surveys_computed) == (2, 1)  # 2014's; 2012's reused
    fresh = tmp_path / "fresh.duckdb"
    assert load(source, fresh, keep=False).surveys_computed == 2
    _same(_stored(db), _stored(fresh))  # reusing gives what computing everything gives


def test_a_new_rule_computes_every_survey_again(source, tmp_path, monkeypatch):
    db = tmp_path / "cadran.duckdb"
    load(source, db, keep=False)
    monkeypatch.setattr(suppression, "RULE", suppression.RULE + 1)
    assert load(source, db, keep=False).surveys_computed == 2


def test_the_rows_in_another_order_compute_none_and_a_respondent_changed_computes_its_survey(
    source, tmp_path
):
    """The key is what the cells are computed from, not the file: the same respondents in another
    order are the same survey; a respondent who became a member changes their survey's cells."""
    db = tmp_path / "cadran.duckdb"
    load(source, db, keep=False)
    respondents = source / "survey_respondents.csv"
    header, *lines = respondents.read_text(encoding="utf-8").splitlines(keepends=True)
    respondents.write_text(header + "".join(reversed(lines)), encoding="utf-8")
    assert load(source, db, keep=False).surveys_computed == 0
    text = respondents.read_text(encoding="utf-8")
    row = "ENQ-2012,E2012-R0001,Ville d'Orléans,Direction de l'espace public,true,false,2012-03-16"
    assert text.count(row) == 1
    respondents.write_text(text.replace(row, row.replace("true,false", "true,true")), encoding="utf-8")
    again = load(source, db, keep=False)
    assert (again.surveys, again.surveys_computed) == (2, 1)  # 2012's; 2014's reused
    fresh = tmp_path / "fresh.duckdb"
    load(source, fresh, keep=False)
    _same(_stored(db), _stored(fresh))
