"""Free text is listed only for a group of 10 writers or more (a mutation showing it
at 9 survived). Twelve respondents, all of one direction; ``writers`` of them answer the open question."""

from __future__ import annotations

import pytest

from etl.model import survey_results
from etl.store.db import connect_ro
from tests.conftest import loaded_db


def source(writers: int) -> dict[str, str]:
    respondents = "".join(f"S1,R{i:02d},Ville,DG,oui,oui\n" for i in range(12))
    answers = "".join(f"S1,R{i:02d},Q1,4\n" for i in range(12))
    answers += "".join(f"S1,R{i:02d},Q2,Idée {i:02d}\n" for i in range(writers))
    return {
        "surveys.csv": "survey_id,title,opened_on,invited\nS1,Baromètre,2015-01-10,20\n",
        "survey_questions.csv": "survey_id,question_id,text,kind,theme\n"
        "S1,Q1,Appartenance,likert5,belonging\nS1,Q2,Une idée ?,text,\n",
        "survey_respondents.csv": "survey_id,respondent_id,organisation,direction,is_manager,is_member\n"
        + respondents,
        "survey_answers.csv": "survey_id,respondent_id,question_id,value\n" + answers,
    }


def free_text(tmp_path, writers: int):
    db = loaded_db(tmp_path, source(writers))
    with connect_ro(db) as con:
        return survey_results.free_text(con, "S1")


def test_ten_writers_are_listed(tmp_path):
    listed = free_text(tmp_path, 10)
    assert listed["answer"].tolist() == [f"Idée {i:02d}" for i in range(10)]
    assert listed["count"].tolist() == [1] * 10
    assert not listed["suppressed"].any()


@pytest.mark.parametrize("writers", [9, 1])
def test_nine_writers_or_fewer_are_hidden(tmp_path, writers):
    hidden = free_text(tmp_path, writers)
    assert len(hidden) == 1  # one row for the question, no answer
    assert hidden["answer"].isna().all() and hidden["count"].isna().all()
    assert hidden["reason"].tolist() == ["fewer_than_10"]
