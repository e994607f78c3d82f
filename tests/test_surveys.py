"""etl.model.survey_results on a hand-made source: exact shares, eNPS and rates; groups under 5 hidden, a second
cell hidden wherever a total would give one away, free text only for 10 writers or more."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest

from etl.model import survey_results, survey_scope, survey_store, survey_tables
from etl.protection import suppression
from etl.store.db import connect_ro
from tests.conftest import load_db, loaded_db, write_source

AS_OF = dt.date(2015, 6, 30)

# S1: 30 respondents. Ville: A 6, B 7, C 4 (under 5), D 5; Agglo: E 8. R28–R30 (in E) are not members.
DIRECTIONS = {"A": range(1, 7), "B": range(7, 14), "C": range(14, 18), "D": range(18, 23), "E": range(23, 31)}
BELONGING_Q1 = {
    "A": [5, 5, 4, 3, 2, 1],
    "B": [4, 4, 4, 4, 3, 3, 1],
    "C": [5, 5, 5, 5],
    "D": [1, 1, 1, 2, 3],
    "E": [4, 4, 4, 4, 4, 4, 3, 2],
}
BELONGING_Q2_A = [5, 4, 3, 3, 3, 3]  # a second belonging question, answered in A only


def _source() -> dict[str, str]:
    respondents = ["survey_id,respondent_id,organisation,direction,is_manager,is_member,submitted_on"]
    answers = ["survey_id,respondent_id,question_id,value"]
    for direction, numbers in DIRECTIONS.items():
        organisation = "Agglo" if direction == "E" else "Ville"
        for k, n in enumerate(numbers):
            rid = f"R{n:02d}"
            respondents.append(
                f"S1,{rid},{organisation},{direction},oui,{'non' if n >= 28 else 'oui'},2014-01-20"
            )
            answers.append(f"S1,{rid},Q1,{BELONGING_Q1[direction][k]}")
            if direction == "A":
                answers.append(f"S1,{rid},Q2,{BELONGING_Q2_A[k]}")
            answers.append(f"S1,{rid},Q3,3")
            answers.append(f"S1,{rid},Q4,{10 if n <= 10 else 8 if n <= 15 else 5}")
            answers.append(f"S1,{rid},Q5,{'oui' if n <= 12 else 'non'}")
            if direction in ("A", "B"):
                answers.append(f"S1,{rid},Q6,Idée {n:02d}")
    for n in range(1, 6):
        respondents.append(f"S2,T{n},Ville,A,oui,oui,2015-01-20")
        answers.append(f"S2,T{n},Q1,4")
    return {
        "surveys.csv": "survey_id,title,opened_on,closed_on,invited\n"
        "S1,Baromètre 2014,2014-01-10,2014-02-10,40\n"
        "S2,Baromètre 2015,2015-01-10,,0\n"
        "S3,Baromètre 2016,2016-01-10,,50\n",
        "survey_questions.csv": "survey_id,question_id,text,kind,theme\n"
        "S1,Q1,Je me sens appartenir,likert5,belonging\n"
        "S1,Q2,Je suis fier,likert5,belonging\n"
        "S1,Q3,Ma charge est soutenable,likert5,workload\n"
        "S1,Q4,Recommanderiez-vous,nps,recommendation\n"
        "S1,Q5,Formé cette année ?,yes_no,training\n"
        "S1,Q6,Vos attentes,text,expectations\n"
        "S2,Q1,Je me sens appartenir,likert5,belonging\n",
        "survey_respondents.csv": "\n".join(respondents) + "\n",
        "survey_answers.csv": "\n".join(answers) + "\n",
    }


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    with connect_ro(loaded_db(tmp_path_factory.mktemp("surveys"), _source())) as connection:
        yield connection


def _row(frame: pd.DataFrame, **where) -> pd.Series:
    mask = np.logical_and.reduce([frame[k] == v for k, v in where.items()])
    rows = frame[mask]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# --- figures ---------------------------------------------------------------------------


def test_response_rate_and_respondents(con):
    listed = survey_results.survey_list(con, AS_OF)
    assert listed["survey_id"].tolist() == ["S1", "S2"]  # S3 opens after D
    assert listed["respondents"].tolist() == [30, 5]
    assert listed.at[0, "response_rate"] == pytest.approx(30 / 40)
    assert pd.isna(listed.at[1, "response_rate"])  # invited = 0
    scoped = survey_results.survey_list(con, AS_OF, organisation=" ville ")
    assert scoped["respondents"].tolist() == [22, 5]
    assert scoped["response_rate"].isna().all()  # invited is not split by organisation


@pytest.mark.parametrize("organisation", [None, "Ville"])
def test_the_last_surveys_are_the_rows_of_the_whole_list(con, organisation):
    whole = survey_results.survey_list(con, AS_OF, organisation)
    last = survey_results.survey_list(con, AS_OF, organisation, last=1)
    pd.testing.assert_frame_equal(last, whole.tail(1).reset_index(drop=True))
    assert last["survey_id"].tolist() == ["S2"] and last["respondents"].tolist() == [5]
    assert survey_results.survey_list(con, AS_OF, last=5)["survey_id"].tolist() == ["S1", "S2"]


def test_a_survey_is_read_and_protected_once_per_published_file(tmp_path, monkeypatch):
    path = loaded_db(tmp_path, _source())
    with connect_ro(path) as first:
        before = survey_results.theme_scores(first, "S1")
        where = survey_results._published(first)
    assert where[0] == str(path)
    with monkeypatch.context() as patch:
        patch.setattr(survey_store, "read", lambda *a, **k: pytest.fail("read again"))
        patch.setattr(survey_tables, "survey_cells", lambda *a, **k: pytest.fail("read again"))
        with connect_ro(path) as second:  # another connection to the same file: the same tables
            pd.testing.assert_frame_equal(survey_results.theme_scores(second, "S1"), before)
    with connect_ro(loaded_db(tmp_path / "again", _source())) as other:  # another file: read there
        assert survey_results._published(other) not in (None, where)


def test_the_load_stores_the_protections_and_a_read_solves_nothing(tmp_path, monkeypatch):
    path = loaded_db(tmp_path, _source())
    with connect_ro(path) as con:
        stored = con.execute("select survey_id, kind from survey_protections order by all").fetchall()
        s3 = survey_store.read(con, "S3")
    kinds = sorted(("likert", "nps", "respondents", "text", "yes_no"))
    assert stored == [(survey, kind) for survey in ("S1", "S2", "S3") for kind in kinds]
    assert all(table.empty for table in s3.values())  # S3 has no respondent yet: its tables, no row
    survey_results._tables.cache_clear()  # nothing protected in this process
    monkeypatch.setattr(suppression, "protect", lambda *a, **k: pytest.fail("protected at read time"))
    with connect_ro(path) as con:
        belonging = survey_results.theme_scores(con, "S1").set_index("theme").loc["belonging"]
        hidden = survey_results.theme_by_group(con, "S1", "is_member", organisation="Ville", direction="C")
    assert belonging["favourable"] == pytest.approx(19 / 36)
    assert hidden["suppressed"].all() and hidden["favourable"].isna().all()


def test_the_stored_protections_are_those_computed_from_the_staged_answers(tmp_path):
    path = loaded_db(tmp_path, _source())
    with connect_ro(path) as con:
        for survey_id in ("S1", "S2", "S3"):
            stored = survey_store.read(con, survey_id)
            computed = survey_tables.protected(survey_tables.survey_cells(con, survey_id))
            assert stored.keys() == computed.keys()
            for kind in computed:
                pd.testing.assert_frame_equal(stored[kind], computed[kind], obj=f"{survey_id} {kind}")


def test_a_database_without_stored_protections_is_protected_when_read(tmp_path):
    path = loaded_db(tmp_path, _source())
    scopes = [{}, {"organisation": "Ville"}, {"direction": "C"}, {"organisation": "Agglo", "direction": "E"}]

    def read(con):
        lists = [survey_results.survey_list(con, AS_OF, **scope) for scope in scopes]
        return [survey_results.theme_by_group(con, "S1", "is_member"), *lists]

    with connect_ro(path) as con:
        expected = read(con)
    assert expected[3]["suppressed"].tolist() == [True, False]  # C (4 people) hidden in S1
    older = tmp_path / "older.duckdb"  # as a load published before the protections were stored
    shutil.copy(path, older)
    with duckdb.connect(str(older)) as con:
        con.execute("drop table survey_protections")
    with connect_ro(older) as con:
        for got, wanted in zip(read(con), expected, strict=True):
            pd.testing.assert_frame_equal(got, wanted)


@pytest.mark.parametrize(
    ("organisation", "direction"), [(None, None), ("Ville", None), (None, "a "), ("Ville", "C")]
)
def test_the_pages_results_are_each_read_of_the_api(con, organisation, direction):
    """results reads the protected tables once for several frames: each frame is what its own read gives."""
    survey = "S1"
    got = survey_results.results(con, AS_OF, survey, organisation, direction)
    scope = {"organisation": organisation, "direction": direction}
    want = {
        "themes": survey_results.theme_scores(con, survey, **scope),
        "enps": survey_results.enps(con, survey, **scope),
        "nps_distribution": survey_results.nps_distribution(con, survey, **scope),
        "changes": survey_results.theme_changes(con, AS_OF, **scope),
        "yes_no": survey_results.yes_no(con, survey, **scope),
        "free_text": survey_results.free_text(con, survey, **scope),
        **{
            f"groups_{by}": survey_results.theme_by_group(con, survey, by, **scope)
            for by in survey_results.BREAKDOWNS
        },
        **{
            f"heatmap_{lv}": survey_results.theme_heatmap(con, survey, lv, **scope)
            for lv in ("organisation", "direction")
        },
    }
    assert got.keys() == want.keys()
    for name, frame in want.items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)


def test_favourable_neutral_unfavourable_per_theme(con):
    scores = survey_results.theme_scores(con, "S1").set_index("theme")
    assert scores.index.tolist() == ["*", "belonging", "workload"]
    belonging = scores.loc["belonging"]  # Q1 for 30 respondents and Q2 for A's 6: 36 answers
    assert belonging["respondents"] == 30 and belonging["answers"] == 36
    assert belonging["favourable"] == pytest.approx(19 / 36)
    assert belonging["neutral"] == pytest.approx(9 / 36)
    assert belonging["unfavourable"] == pytest.approx(8 / 36)
    assert scores.loc["workload", "neutral"] == 1
    assert scores.loc["*", "favourable"] == pytest.approx(19 / 66)  # + 30 neutral workload answers


def test_enps_and_its_distribution(con):
    row = survey_results.enps(con, "S1").iloc[0]  # 10 promoters (10), 5 passives (8), 15 detractors (5)
    assert (row["promoters"], row["passives"], row["detractors"]) == pytest.approx((10 / 30, 5 / 30, 15 / 30))
    assert row["enps"] == pytest.approx(-50 / 3)
    spread = survey_results.nps_distribution(con, "S1").set_index("score")
    assert spread["answers"].tolist() == [0, 0, 0, 0, 0, 15, 0, 0, 5, 0, 10]
    assert spread.loc[10, "category"] == "promoter" and spread.loc[6, "category"] == "detractor"


def test_yes_no_share(con):
    assert survey_results.yes_no(con, "S1").iloc[0]["yes"] == pytest.approx(12 / 30)


def test_change_from_one_survey_to_the_next(con):
    changes = survey_results.theme_changes(con, AS_OF)
    assert pd.isna(_row(changes, survey_id="S1", theme="belonging")["change"])
    later = _row(changes, survey_id="S2", theme="belonging")
    assert later["favourable"] == 1
    assert later["change"] == pytest.approx((1 - 19 / 36) * 100)  # in points
    assert changes.query("survey_id == 'S2'")["theme"].tolist() == ["*", "belonging"]  # workload not asked


def test_change_chart_keeps_the_last_surveys_with_their_change(con):
    changes = survey_results.theme_changes(con, AS_OF, last=1)
    assert set(changes["survey_id"]) == {"S2"}
    assert _row(changes, survey_id="S2", theme="belonging")["change"] == pytest.approx((1 - 19 / 36) * 100)


def test_members_against_non_members(con):
    groups = survey_results.theme_by_group(con, "S1", organisation="Ville")  # everyone in Ville is a member
    # No non-member in Ville: a group of 0 is hidden like any group under 5, and so are the members
    # (Ville's 22), else members = Ville would say that nobody in Ville is a non-member.
    rows = groups[groups["theme"] == "belonging"].set_index("group")
    assert rows["suppressed"].tolist() == [True, True] and rows["respondents"].isna().all()
    ville = survey_results.theme_scores(con, "S1", organisation="Ville").set_index("theme").loc["belonging"]
    assert ville["respondents"] == 22
    assert ville["favourable"] == pytest.approx((3 + 2 + 4 + 4 + 0) / 28)  # A Q1 + A Q2, B, C, D


# --- privacy ---------------------------------------------------------------------------


def test_a_group_of_4_is_hidden(con):
    heatmap = survey_results.theme_heatmap(con, "S1", "direction")
    c = _row(heatmap, direction="C", theme="belonging")
    assert c["suppressed"] and c["reason"] == survey_scope.SMALL_GROUP
    assert pd.isna(c["respondents"]) and pd.isna(c["favourable"])
    scoped = survey_results.theme_scores(con, "S1", direction="C")
    assert (
        scoped["suppressed"].all()
        and scoped["favourable"].isna().all()
        and scoped["respondents"].isna().all()
    )
    assert survey_results.survey_list(con, AS_OF, direction="C").at[0, "reason"] == survey_scope.SMALL_GROUP
    assert survey_results.enps(con, "S1", direction="C")["enps"].isna().all()
    assert survey_results.nps_distribution(con, "S1", direction="C")["answers"].isna().all()


def test_complementary_suppression_hides_the_next_smallest_direction(con):
    directions = (
        survey_results.theme_heatmap(con, "S1", "direction")
        .query("theme == 'belonging'")
        .set_index("direction")
    )
    # D hides with C; A too, for the survey's nps question: Ville's 10 promoters are A's 6 and B's 4,
    # so with A shown, C's promoters would read 0. One pattern for every item: A hides in belonging too.
    assert directions["reason"].to_dict() == {
        "A": survey_scope.SMALL_GROUP,
        "B": None,
        "C": survey_scope.SMALL_GROUP,
        "D": survey_scope.SMALL_GROUP,
        "E": None,
    }
    ville = _row(
        survey_results.theme_heatmap(con, "S1", "organisation"), organisation="Ville", theme="belonging"
    )
    # What subtraction gives from the shown figures: A, C and D together (15 respondents), never C alone.
    shown = directions.loc[["B"]]
    assert ville["respondents"] - shown["respondents"].sum() == 15
    # Filters pick the same cells: D through the direction filter is hidden too.
    assert survey_results.theme_scores(con, "S1", direction="D")["suppressed"].all()


def test_a_hidden_non_member_group_hides_the_members_too(con):
    whole = survey_results.theme_by_group(con, "S1").query("theme == 'belonging'").set_index("group")
    assert whole["reason"].to_dict() == {True: survey_scope.SMALL_GROUP, False: survey_scope.SMALL_GROUP}
    assert whole["favourable"].isna().all()
    in_e = survey_results.theme_by_group(con, "S1", direction="E").query("theme == 'belonging'")
    assert in_e["suppressed"].all()  # E: 5 members, 3 non-members
    assert not survey_results.theme_scores(con, "S1", direction="E")["suppressed"].any()


def _determined(reason: list, relations) -> list[int]:
    """Hidden cells whose value the relations fix (rank test: e_i in the row space of the hidden columns)."""
    hidden = [i for i, r in enumerate(reason) if r]
    if not hidden:
        return []
    rows = []
    for total, parts in relations:
        row = [1.0 if c == total else -1.0 if c in parts else 0.0 for c in hidden]
        if any(row):
            rows.append(row)
    matrix = np.array(rows or [[0.0] * len(hidden)])
    rank = np.linalg.matrix_rank(matrix)
    return [
        c
        for k, c in enumerate(hidden)
        if np.linalg.matrix_rank(np.vstack([matrix, np.eye(len(hidden))[k]])) == rank
    ]


def _relations(table: pd.DataFrame) -> list[tuple[int, list[int]]]:
    """What adds up in one item's table, written here: everyone = each breakdown's two groups;
    whole = Σ organisations; an organisation = Σ its directions (in each column)."""
    at = {
        (r.breakdown, r.grp, r.level, r.organisation, r.direction): i
        for i, r in enumerate(table.astype(object).where(table.notna(), None).itertuples())
    }
    relations = []
    for (breakdown, grp, level, org, direction), i in at.items():
        if breakdown == "all":
            for by in ("is_member", "is_manager"):
                parts = [at.get((by, g, level, org, direction)) for g in (True, False)]
                if None not in parts:
                    relations.append((i, parts))
        below = {"whole": "organisation", "organisation": "direction"}.get(level)
        if below:
            parts = [
                j
                for (b, g, lv, o, _), j in at.items()
                if (b, g, lv) == (breakdown, grp, below) and (level == "whole" or o == org)
            ]
            relations.append((i, parts))
    return relations


@pytest.mark.parametrize("survey_id", ["S1", "S2"])
@pytest.mark.parametrize("kind", ["likert", "nps", "yes_no", "respondents"])
def test_no_hidden_cell_can_be_recomputed(con, survey_id, kind):
    tables = survey_tables.protected(survey_tables.survey_cells(con, survey_id))
    for _, table in tables[kind].groupby("item"):
        table = table.reset_index(drop=True)
        relations = _relations(table)
        reason = table["reason"].tolist()
        assert _determined(reason, relations) == []
        for total, parts in relations:  # each relation holds 0 or ≥ 2 hidden cells, ≥ 5 respondents hidden
            hidden = [c for c in (total, *parts) if reason[c]]
            assert len(hidden) != 1
            if hidden and not reason[total]:
                assert sum(table.at[c, "respondents"] for c in parts if reason[c]) >= 5


# --- free text -------------------------------------------------------------------------


def test_free_text_only_for_10_writers_or_more(con):
    whole = survey_results.free_text(con, "S1")
    assert list(whole.columns) == ["question_id", "question", "answer", "count", "suppressed", "reason"]
    assert whole["answer"].tolist() == [f"Idée {n:02d}" for n in range(1, 14)]  # A and B: 13 writers
    assert whole["count"].tolist() == [1] * 13
    small = survey_results.free_text(con, "S1", direction="B")  # 7 writers
    assert small["answer"].isna().all() and small["reason"].tolist() == [survey_results.FEWER_THAN_10]
    assert survey_results.free_text(con, "S1", organisation="Ville")["answer"].notna().sum() == 13


def test_a_direction_named_in_two_organisations_is_hidden_when_either_part_is(tmp_path):
    rows = [("Ville", "RH", 6), ("Agglo", "RH", 3), ("Ville", "X", 7), ("Agglo", "Y", 9)]
    respondents = ["survey_id,respondent_id,organisation,direction,is_member"]
    answers = ["survey_id,respondent_id,question_id,value"]
    n = 0
    for organisation, direction, size in rows:
        for _ in range(size):
            n += 1
            respondents.append(f"S1,R{n:02d},{organisation},{direction},oui")
            answers.append(f"S1,R{n:02d},Q1,{4 if organisation == 'Ville' else 2}")
    folder = write_source(
        tmp_path / "source",
        {
            "surveys.csv": "survey_id,title,opened_on\nS1,Baromètre,2014-01-10\n",
            "survey_questions.csv": "survey_id,question_id,text,kind,theme\nS1,Q1,Appartenance,likert5,belonging\n",
            "survey_respondents.csv": "\n".join(respondents) + "\n",
            "survey_answers.csv": "\n".join(answers) + "\n",
        },
    )
    load_db(tmp_path / "db.duckdb", folder)
    with connect_ro(tmp_path / "db.duckdb") as con:
        both = survey_results.theme_scores(con, "S1", direction="RH").iloc[0]
        ville = survey_results.theme_scores(con, "S1", organisation="Ville", direction="RH").iloc[0]
        agglo = survey_results.theme_heatmap(con, "S1", "direction", organisation="Agglo")
    assert both["suppressed"] and both["reason"] == survey_scope.SMALL_GROUP and pd.isna(both["favourable"])
    assert not ville["suppressed"] and ville["respondents"] == 6 and ville["favourable"] == 1
    assert agglo.query("theme == 'belonging'")["reason"].tolist() == [
        survey_scope.SMALL_GROUP,
        survey_scope.SMALL_GROUP,
    ]


def _one_survey(tmp_path, respondents: list[str], answers: list[str], questions: str) -> object:
    folder = write_source(
        tmp_path / "source",
        {
            "surveys.csv": "survey_id,title,opened_on\nS1,Baromètre,2014-01-10\n",
            "survey_questions.csv": "survey_id,question_id,text,kind,theme\n" + questions,
            "survey_respondents.csv": "survey_id,respondent_id,organisation,direction,is_member\n"
            + "\n".join(respondents)
            + "\n",
            "survey_answers.csv": "survey_id,respondent_id,question_id,value\n" + "\n".join(answers) + "\n",
        },
    )
    load_db(tmp_path / "db.duckdb", folder)
    return tmp_path / "db.duckdb"


def test_a_theme_hidden_in_a_direction_hides_its_pooled_cell_too(tmp_path):
    # Ville A 6 and B 8 answer belonging; in A only 4 answer meaning. Shown, A's pooled cell
    # (10 answers) less its belonging cell (6) would give meaning's 4 answers and their favourable count.
    respondents, answers = [], []
    for n in range(14):
        direction = "A" if n < 6 else "B"
        respondents.append(f"S1,R{n:02d},Ville,{direction},oui")
        answers.append(f"S1,R{n:02d},Q1,{4 if n % 2 else 2}")
        if n < 4 or n >= 6:
            answers.append(f"S1,R{n:02d},Q2,{5 if n < 2 else 3}")
    db = _one_survey(
        tmp_path, respondents, answers, "S1,Q1,Appartenance,likert5,belonging\nS1,Q2,Sens,likert5,meaning\n"
    )
    with connect_ro(db) as con:
        cells = survey_results.theme_heatmap(con, "S1", "direction").set_index(["direction", "theme"])
    assert cells.loc[("A", "meaning"), "suppressed"]
    assert cells.loc[("A", "*"), "suppressed"] and cells.loc[("A", "belonging"), "suppressed"]
    assert cells.xs("A")["respondents"].isna().all()  # every item of A: one group, one pattern


def test_organisation_and_direction_match_ignoring_case_and_spaces(tmp_path):
    respondents = [
        f"S1,R{n:02d},{' ville ' if n % 2 else 'Ville'},{'rh' if n % 3 else 'RH '},oui" for n in range(12)
    ]
    answers = [f"S1,R{n:02d},Q1,4" for n in range(12)]
    db = _one_survey(tmp_path, respondents, answers, "S1,Q1,Appartenance,likert5,belonging\n")
    with connect_ro(db) as con:
        heatmap = survey_results.theme_heatmap(con, "S1", "direction")
        scoped = survey_results.theme_scores(con, "S1", organisation="VILLE", direction=" Rh")
    assert heatmap[["organisation", "direction"]].drop_duplicates().values.tolist() == [["Ville", "RH"]]
    assert scoped.set_index("theme").loc["belonging", "respondents"] == 12  # one group, as first spelled


def test_identical_free_text_answers_are_grouped_with_their_count(tmp_path):
    respondents = [f"S1,R{n:02d},Ville,A,oui" for n in range(12)]
    texts = ["Plus de temps"] * 9 + [
        " Plus de temps ",
        "Moins de réunions",
        "Autre chose",
    ]  # 10 the same once trimmed
    answers = [f"S1,R{n:02d},Q1,{text}" for n, text in enumerate(texts)]
    db = _one_survey(tmp_path, respondents, answers, "S1,Q1,Vos attentes,text,expectations\n")
    with connect_ro(db) as con:
        listed = survey_results.free_text(con, "S1")
    assert listed[["answer", "count"]].values.tolist() == [
        ["Plus de temps", 10],
        ["Autre chose", 1],
        ["Moins de réunions", 1],
    ]


def test_the_list_by_scope_reads_one_kind_of_every_survey_in_one_query(tmp_path, monkeypatch):
    """The survey list of an organisation reads the stored respondents tables of every survey at
    once; they are the tables a survey's own read gives, and a file storing none protects them."""
    path = loaded_db(tmp_path, _source())
    with connect_ro(path) as con:
        ids = ("S1", "S2", "S3")
        every = survey_results._every_respondents(survey_results._Source.of(con), ids)
        for survey_id in ids:
            table = every[every["survey_id"] == survey_id].drop(columns="survey_id").reset_index(drop=True)
            pd.testing.assert_frame_equal(table, survey_store.read(con, survey_id)["respondents"])
        listed = survey_results.survey_list(con, AS_OF, organisation="Ville")
    bare = tmp_path / "bare.duckdb"
    shutil.copyfile(path, bare)
    with duckdb.connect(str(bare)) as con:
        con.execute("drop table survey_protections")
    with connect_ro(bare) as con:
        assert survey_results._stored_kind(survey_results._Source.of(con), "respondents") == {}
        pd.testing.assert_frame_equal(survey_results.survey_list(con, AS_OF, organisation="Ville"), listed)
