"""The read model (etl.publish.read_model): every read a page makes at its default filters is computed
at publish and found in the published file, equal to what a visit would compute; a read that is not
stored is computed as before; an erasure leaves no stored answer that names the person.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import importlib
import math
import pickle
import re
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.__main__ import main as etl_main
from etl.admin import gdpr
from etl.documents import comparison
from etl.model import actions_budget, kpis, page_reads, queries
from etl.publish import read_model
from etl.publish.load import load
from etl.publish.versions import versions_dir
from etl.store import stored_reads
from etl.store.db import connect_ro
from tests.app_support import metrics
from tests.conftest import ROOT, write_source
from ui import auth, reads

# every page file but the one that only says « not for your role »
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("pages/*.py") if p.name != "refused.py")


def visit(page: str, **state) -> AppTest:
    """A first visit of ``page`` (dashboard.py, then the page) with an empty cache and ``state``."""
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(autouse=True)
def read_model_on(monkeypatch):
    """The loads of this file compute the read model (the suite's others skip it: conftest.py)."""
    monkeypatch.setenv("CADRAN_READ_MODEL", "on")


@pytest.fixture
def lookups(monkeypatch):
    """The reads' look-ups in the read model: (call text, found) in order."""
    seen = []
    find = stored_reads.find

    def recorded(con, text):
        answer = find(con, text)
        seen.append((text, answer is not stored_reads.MISSING))
        return answer

    monkeypatch.setattr(stored_reads, "find", recorded)
    return seen


@pytest.mark.parametrize("page", PAGES)
def test_a_page_at_its_default_filters_reads_only_stored_answers(app_db, monkeypatch, lookups, page):
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    with connect_ro(app_db) as con:
        organisations = sorted(set(queries.organisations(con)["organisation"]))
    assert len(organisations) == 2  # the demo's city and metropolis
    # everyone, each organisation, a presenter (transversality gathers small groups)
    for state in [{}, *({"organisation": o} for o in organisations), {"presenter": True}]:
        lookups.clear()
        visit(page, **state)
        assert lookups, state  # the sidebar reads at least the dates
        assert [text for text, found in lookups if not found] == [], state


def test_the_stored_answers_are_what_a_visit_computes(app_db, monkeypatch):
    # a visit reads the model's own session_groups: not the read model's front of its day
    monkeypatch.setattr(read_model, "front_session_groups", lambda con, day: None)
    with connect_ro(app_db) as con:
        fresh = read_model.answers(con)
        stored = {text: stored_reads.find(con, text) for text in fresh}
    assert len(fresh) > 50
    for text, answer in fresh.items():
        assert same(stored[text], answer), text


@pytest.mark.parametrize("by_org", [False, True])
def test_the_read_model_s_session_groups_are_the_model_s_at_its_day_and_at_another(app_db, by_org):
    """The read model fronts ``session_groups`` with the rows of its day computed once: the model's
    own rows at that day and at another: the demo's 4 750 attended rows of people with a direction
    and an organisation by 30/06/2015, 1 075 by 31/03/2013."""
    day, other = dt.date(2015, 6, 30), dt.date(2013, 3, 31)
    counts = {day: 4750, other: 1075}
    rows = "SELECT * FROM session_groups(?, ?)"
    with connect_ro(app_db) as con:
        for d in (day, other):
            con.execute(f"CREATE TEMP TABLE plain_{d:%Y} AS {rows}", [d, by_org])
        read_model.front_session_groups(con, day)
        assert con.execute("SELECT count(*) FROM read_model_session_groups").fetchone()[0] > 0
        for d in (day, other):
            fronted = con.execute(f"SELECT count(*) FROM ({rows})", [d, by_org]).fetchone()[0]
            apart = con.execute(
                f"SELECT count(*) FROM (({rows}) EXCEPT ALL (FROM plain_{d:%Y})) "
                f"UNION ALL SELECT count(*) FROM ((FROM plain_{d:%Y}) EXCEPT ALL ({rows}))",
                [d, by_org, d, by_org],
            ).fetchall()
            assert fronted == con.execute(f"SELECT count(*) FROM plain_{d:%Y}").fetchone()[0] == counts[d]
            assert apart == [(0,), (0,)], (d, apart)


def same(a, b) -> bool:
    """Equal values, frames with their dtypes, NaN equal to NaN."""
    if isinstance(a, pd.DataFrame | pd.Series):
        check = (
            pd.testing.assert_frame_equal if isinstance(a, pd.DataFrame) else pd.testing.assert_series_equal
        )
        check(a, b)
        return True
    if dataclasses.is_dataclass(a):
        return type(a) is type(b) and same(vars(a), vars(b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return type(a) is type(b) and a == b


def test_a_call_has_one_key_whatever_the_form_of_its_arguments():
    day = dt.date(2015, 6, 30)
    key = read_model.call_text(kpis.headline, (day,))
    assert read_model.call_text(kpis.headline, (day, None, None, None)) == key
    assert read_model.call_text(kpis.headline, (), {"as_of": day, "organisation": None}) == key
    assert read_model.call_text(kpis.headline, (dt.date(2015, 7, 1),)) != key
    assert read_model.call_text(kpis.headline, (day, "Ville")) != key
    counts = read_model.call_text(queries.load_table_counts, (), {"load_id": 3})
    assert (
        read_model.call_text(queries.load_table_counts, (np.int64(3),)) == counts
    )  # a load_id read from a frame
    assert read_model.call_text(kpis.headline, (day,), {"colour": "red"}) is None  # not its arguments
    assert read_model.call_text(kpis.headline, (object(),)) is None  # no stable text: never stored nor found


def test_what_else_a_read_depends_on_is_part_of_its_key(app_db, monkeypatch):
    # the Comparer's own network is named by $CADRAN_NETWORK: a server set otherwise than the load computes it
    day = dt.date(2017, 12, 15)
    with connect_ro(app_db) as con:
        assert read_model.sidebar(read_model.Reads(con)) == day
        assert (
            stored_reads.find(con, read_model.call_text(comparison.this_network, (day,)))
            is not stored_reads.MISSING
        )
        monkeypatch.setenv("CADRAN_NETWORK", "Réseau d'ailleurs")
        assert (
            stored_reads.find(con, read_model.call_text(comparison.this_network, (day,)))
            is stored_reads.MISSING
        )


def test_answers_stored_by_other_code_are_not_served(app_db, monkeypatch):
    text = read_model.call_text(kpis.headline, (dt.date(2017, 12, 15),))
    with connect_ro(app_db) as con:
        assert stored_reads.find(con, text) is not stored_reads.MISSING
        monkeypatch.setattr(stored_reads, "fingerprint", lambda: "another version of etl/")
        assert stored_reads.find(con, text) is stored_reads.MISSING


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/training.py", "pages/budget.py"])
def test_a_file_without_a_read_model_shows_the_same_figures(app_db, tmp_path, monkeypatch, lookups, page):
    bare = tmp_path / "bare.duckdb"  # a file published before the read model: the table is absent
    shutil.copyfile(app_db, bare)
    with duckdb.connect(str(bare)) as con:
        con.execute(f"DROP TABLE {stored_reads.TABLE}")
    monkeypatch.setenv("CADRAN_DB", str(app_db))
    stored = visit(page)
    assert lookups and all(found for _, found in lookups)
    monkeypatch.setenv("CADRAN_DB", str(bare))
    lookups.clear()
    computed = visit(page)
    assert lookups and not any(found for _, found in lookups)
    assert metrics(computed) == metrics(stored) and len(metrics(stored)) >= 5


def test_the_dates_are_the_data_s_under_today_s_date():
    # the data run from 1 March 2015 to 1 January 2030 (a session planned far ahead); recorded facts
    # end on 1 June 2029: read on 1 January 2026, the last day and the opening day are that day
    bounds = pd.DataFrame(
        {"first_day": [pd.Timestamp("2015-03-01")], "last_day": [pd.Timestamp("2030-01-01")]}
    )
    assert page_reads.opening(bounds, dt.date(2029, 6, 1), dt.date(2026, 1, 1)) == {
        "first_day": dt.date(2015, 3, 1),
        "last_day": dt.date(2026, 1, 1),
        "reference_day": dt.date(2026, 1, 1),
    }
    # read in 2031, the data's own dates; the opening day is the last recorded fact
    assert page_reads.opening(bounds, dt.date(2029, 6, 1), dt.date(2031, 1, 1))["reference_day"] == dt.date(
        2029, 6, 1
    )
    empty = pd.DataFrame({"first_day": [pd.NaT], "last_day": [pd.NaT]})
    assert page_reads.opening(empty, None, dt.date(2026, 1, 1)) == dict.fromkeys(
        ("first_day", "last_day", "reference_day"), dt.date(2026, 1, 1)
    )


def test_a_stored_answer_holding_names_is_masked_for_a_role_without_names(app_db, tmp_path, monkeypatch):
    named = tmp_path / "named.duckdb"
    shutil.copyfile(app_db, named)
    day = dt.date(2017, 12, 15)
    answer = pd.DataFrame({"title": ["Guide d'accueil"], "owner_name": ["Jeanne Martin"]})
    with duckdb.connect(str(named)) as con:  # a list of actions stored with its owner's name
        stored_reads.write(
            con, [(read_model.call_text(actions_budget.action_list, (), {"as_of": day}), answer)]
        )
    monkeypatch.setenv("CADRAN_DB", str(named))
    st.cache_data.clear()
    monkeypatch.setattr(auth, "can", lambda permission: True)
    assert reads.action_list(as_of=day)["owner_name"].tolist() == ["Jeanne Martin"]
    monkeypatch.setattr(auth, "can", lambda permission: permission != "names")
    assert reads.action_list(as_of=day).to_dict("list") == {
        "title": ["Guide d'accueil"],
        "owner_name": [None],
    }


# P2 « Jeanne Martin » leads a session whose title names her; she is one of the three managers
STAFF = """person_id,last_name,first_name,email,organisation,direction,is_manager,hire_date,leave_date
P1,Durand,Paul,paul.durand@ville.fr,Ville,DG,oui,2010-01-01,
P2,Martin,Jeanne,jeanne.martin@ville.fr,Ville,DG,oui,2010-01-01,
P3,Petit,Luc,,Ville,RH,oui,2010-01-01,
"""
FILES = {
    "staff.csv": STAFF,
    "members.csv": "person_id,joined_on\nP1,2014-01-01\nP2,2014-02-01\n",
    "sessions.csv": "session_id,kind,title,date,duration_hours\nS1,atelier,Atelier de Jeanne Martin,2015-03-01,2\n"
    "S2,formation,Formation,2015-04-01,3\n",
    "attendance.csv": "session_id,person_id,status,hours\nS1,P1,présent,2\nS1,P2,présent,2\nS1,P3,présent,2\n"
    "S2,P2,présent,2.5\n",
    "contributions.csv": "person_id,date,hours,activity\nP1,2015-03-02,1,Relecture\nP2,2015-03-03,1.5,Atelier\n",
}


def stored_texts(db: Path) -> str:
    """Every stored answer of ``db``, as bytes and unpickled, as one text to search."""
    with duckdb.connect(str(db), read_only=True) as con:
        blobs = [row[0] for row in con.execute(f"SELECT result FROM {stored_reads.TABLE}").fetchall()]
    return " ".join(f"{blob!r} {stored_reads.decode(blob)!r}" for blob in blobs)


def stored_rate(db: Path, day: dt.date) -> float:
    with duckdb.connect(str(db), read_only=True) as con:
        headline = stored_reads.find(con, read_model.call_text(kpis.headline, (day,)))
    return headline["manager_participation_rate"]


def test_an_erasure_leaves_no_stored_answer_naming_the_person_and_the_figures_follow(tmp_path, capsys):
    db = tmp_path / "pub.duckdb"
    load(write_source(tmp_path / "source", FILES), db)
    assert "Jeanne Martin" in stored_texts(db)  # the training page's most attended sessions
    # opening on S2, 1 April 2015 (the last recorded fact): P1 and P2 members of 3 managers
    assert stored_rate(db, dt.date(2015, 4, 1)) == pytest.approx(2 / 3)

    assert etl_main(["forget", "P2", "--db", str(db), "--by", "rh@ville.fr"]) == 0
    capsys.readouterr()
    for kept in versions_dir(db).glob("v*/cadran.duckdb"):  # rewritten without their read model
        assert stored_reads.count(kept) == 0
    assert stored_reads.count(db) > 0  # computed again for the published file
    text = stored_texts(db)
    assert not [w for w in ("Martin", "Jeanne", "P2", "jeanne.martin") if w in text]
    # S2 had P2 only, her contribution of 3 March is gone: the data now end on P1's of 2 March;
    # P1 is the one member among the 2 managers left
    assert stored_rate(db, dt.date(2015, 3, 2)) == 0.5
    assert gdpr.forgotten(db)  # remembered, so later loads drop her too
    assert read_model.refresh(db) == 0  # a file holding its read model is left as it is


def test_with_the_read_model_off_a_load_and_an_erasure_store_none(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CADRAN_READ_MODEL", "off")
    db = tmp_path / "pub.duckdb"
    assert load(write_source(tmp_path / "source", FILES), db).reads == 0
    assert stored_reads.count(db) == 0
    assert etl_main(["forget", "P2", "--db", str(db), "--by", "rh@ville.fr"]) == 0
    capsys.readouterr()
    assert stored_reads.count(db) == 0


def test_a_shared_read_is_computed_once_while_the_read_model_is_built():
    calls = []

    def count(con, as_of, organisation=None):
        calls.append((as_of, organisation))
        return {"as_of": as_of, "figures": [1, 2]}

    read = stored_reads.shared(count)
    day = dt.date(2015, 6, 30)
    read(None, day), read(None, day)
    assert len(calls) == 2  # outside: computed at each call, as a page's
    with stored_reads.sharing():
        first = read(None, day)
        first["figures"].append(3)  # a caller's copy: the next one gets the read as computed
        assert read(None, as_of=day, organisation=None) == {"as_of": day, "figures": [1, 2]}
        read(None, day, "Ville")
    assert calls[2:] == [(day, None), (day, "Ville")]


def stored(db: Path, fn, *args, **kwargs):
    with duckdb.connect(str(db), read_only=True) as con:
        return stored_reads.find(con, read_model.call_text(fn, args, kwargs))


def test_a_reload_of_the_same_files_takes_over_every_answer_but_those_reading_the_load(tmp_path, monkeypatch):
    db, source = tmp_path / "pub.duckdb", write_source(tmp_path / "source", FILES)
    first = load(source, db)
    assert first.reads == first.reads_computed == 52  # one organisation: its scope and the whole network
    again = load(source, db)
    with duckdb.connect(str(db), read_only=True) as con:
        records = {
            call for (call,) in con.execute(f"SELECT call FROM {stored_reads.TABLE} WHERE records").fetchall()
        }
    # computed again: the load's own records (its date, its tables, its rejects) and the slides,
    # whose source line names the load; every other answer taken over from the file it replaced
    assert again.reads == first.reads and again.reads_computed == len(records) < first.reads / 4
    names = {call.split('"')[1].split(".")[-1] for call in records}
    assert {"last_load", "load_history", "slide_specs"} <= names
    assert "slide_contents" not in names  # the slides' data: taken over, their notes' load line computed
    assert int(stored(db, queries.last_load)["load_id"].iloc[0]) == again.load_id == 2
    # every answer, taken over or not, is what this file gives (a visit reads the model's own rows)
    monkeypatch.setattr(read_model, "front_session_groups", lambda con, day: None)
    with connect_ro(db) as con:
        fresh = read_model.answers(con)
        assert all(same(stored_reads.find(con, text), answer) for text, answer in fresh.items())
    assert load(source, db).as_json()["read_model"] == {"stored": again.reads, "computed": len(records)}


def leaver_token(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT person_id FROM stg_staff WHERE leave_date IS NOT NULL").fetchone()[0]


def test_a_reload_anonymising_the_same_leavers_takes_over_the_answers_naming_no_token(tmp_path, monkeypatch):
    """P4 left in 2012: with a 5-year retention each load draws P4 a new token, in staff, the members
    and the attendance. The answers are those of the file replaced, but for those naming a token:
    each is what this file gives, and no stored answer names the token of another load."""
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", "5")
    files = {
        **FILES,
        "staff.csv": STAFF + "P4,Leroy,Anne,,Ville,RH,oui,2008-01-01,2012-06-30\n",
        "members.csv": FILES["members.csv"] + "P4,2011-01-01\n",
        "attendance.csv": FILES["attendance.csv"] + "S1,P4,présent,2\n",
    }
    db, source = tmp_path / "pub.duckdb", write_source(tmp_path / "source", files)
    first = load(source, db)
    before = leaver_token(db)
    again = load(source, db)
    assert leaver_token(db) != before and leaver_token(db).startswith(gdpr.TOKEN)
    with duckdb.connect(str(db), read_only=True) as con:
        records = con.execute(f"SELECT count(*) FROM {stored_reads.TABLE} WHERE records").fetchone()[0]
    assert again.reads == first.reads and again.reads_computed == records < first.reads / 4
    assert before not in stored_texts(db)
    monkeypatch.setattr(read_model, "front_session_groups", lambda con, day: None)
    with connect_ro(db) as con:
        fresh = read_model.answers(con)
        assert all(same(stored_reads.find(con, text), answer) for text, answer in fresh.items())
    # an answer naming a token (none of the pages' does today) is computed again, never carried over
    named = stored_reads.call_key(read_model.call_text(queries.organisations))
    expected = stored(db, queries.organisations)
    blob = pickle.dumps(pd.DataFrame({"organisation": [leaver_token(db)]}))
    with duckdb.connect(str(db)) as con:
        con.execute(f"UPDATE {stored_reads.TABLE} SET result = ? WHERE call_key = ?", [blob, named])
    assert load(source, db).reads_computed == records + 1
    assert same(stored(db, queries.organisations), expected)
    # another leaver: the data differ by more than tokens, every answer computed again
    monkeypatch.setenv("CADRAN_RETENTION_YEARS", "3")  # still P4 alone, but another drop
    assert load(source, db).reads_computed == first.reads


def test_changed_data_or_an_older_file_computes_every_answer_again(tmp_path):
    db, source = tmp_path / "pub.duckdb", write_source(tmp_path / "source", FILES)
    first = load(source, db)
    day = dt.date(2015, 4, 1)
    assert stored_rate(db, day) == pytest.approx(2 / 3)  # P1 and P2 members, of 3 managers
    changed = write_source(
        tmp_path / "changed", {**FILES, "members.csv": FILES["members.csv"] + "P3,2014-03-01\n"}
    )
    again = load(changed, db)
    assert again.reads_computed == again.reads == first.reads
    assert stored_rate(db, day) == 1.0
    with duckdb.connect(str(db)) as con:  # a file stored before its answers said what they read
        con.execute(f"ALTER TABLE {stored_reads.TABLE} DROP COLUMN records")
    assert load(changed, db).reads_computed == first.reads


def test_a_read_of_the_load_s_records_seen_through_a_shared_read_is_seen_each_time():
    @stored_reads.reads_records
    def last(con):
        return 3

    read = stored_reads.shared(lambda con, as_of: last(con) + 1)
    day = dt.date(2015, 6, 30)
    with stored_reads.sharing():
        for _ in range(2):  # computed, then from the memo: both read the load's records
            with stored_reads.watching_records() as seen:
                assert read(None, day) == 4
            assert seen == [f"{last.__qualname__}"]


RECORD_TABLE = re.compile(r"\b(from|join)\s+load_(log|tables|rejects|notes)\b", re.IGNORECASE)  # read in SQL


def test_every_read_naming_a_table_of_the_load_s_records_is_marked():
    """A function of the read side whose SQL names load_log, load_tables, load_rejects or load_notes
    is marked ``reads_records``: unmarked, the read model would take its answer over from the file
    before, naming the previous load."""
    unmarked, marked = [], 0
    for path in sorted(
        [
            *ROOT.glob("etl/model/*.py"),
            *ROOT.glob("etl/documents/*.py"),
            *ROOT.glob("etl/text/*.py"),
            ROOT / "etl/intake/rejects.py",
        ]
    ):
        module = importlib.import_module(path.relative_to(ROOT).with_suffix("").as_posix().replace("/", "."))
        for node in ast.parse(path.read_text()).body:
            if not isinstance(node, ast.FunctionDef):
                continue
            body = node.body[1:] if ast.get_docstring(node) else node.body
            texts = [
                n.value
                for part in body
                for n in ast.walk(part)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            ]
            if any(RECORD_TABLE.search(text) for text in texts):
                if getattr(getattr(module, node.name), "reads_records", False):
                    marked += 1
                else:
                    unmarked.append(f"{path.name}:{node.name}")
    assert not unmarked
    assert marked >= 10  # queries' five, the rejects' five, the cells' one
