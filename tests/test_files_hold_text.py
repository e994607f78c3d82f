"""What the files Cadran hands out may hold: the values read in rejected rows for HR and
admin only, and every text as text, never a live formula, down to the deck's embedded workbooks.

The files are built through the app's download buttons (ui/downloads.py) for a signed-in role, then
re-opened: the summary with openpyxl, the deck as a zip whose chart workbooks openpyxl reads.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from etl.admin import users
from tests.conftest import loaded_db
from ui import auth

ATTACK = "=cmd|' /C calc'!A0"
ESCAPED = "'=cmd|' /C calc'!A0"  # the quote a spreadsheet reads as "this is text"
EMAIL = "jean.dupont@ville.fr"  # typed where a matricule belongs: read, rejected, and a person's address
STAFF = f"""person_id,organisation,direction,is_manager,hire_date,leave_date
P1,"{ATTACK}",DG,oui,2010-01-01,
P2,Ville,DG,oui,2010-01-01,
"""
MEMBERS = f"person_id,joined_on\nP1,2012-01-01\n{EMAIL},2012-01-01\n"
ACCOUNTS = {"viewer": "dg@ville.fr", "hr": "rh@ville.fr", "admin": "dsi@ville.fr"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return loaded_db(tmp_path_factory.mktemp("files"), {"staff.csv": STAFF, "members.csv": MEMBERS})


@pytest.fixture
def accounts(tmp_path, monkeypatch, db):
    path = tmp_path / "users.json"
    monkeypatch.setenv("CADRAN_USERS", str(path))
    monkeypatch.setenv("CADRAN_DB", str(db))
    for role, email in ACCOUNTS.items():
        users.add(email, role, "un mot de passe assez long", path)


def buttons():
    import datetime as dt

    from etl.model.view import Filters
    from ui.downloads import slides_button, summary_button

    f = Filters(as_of=dt.date(2015, 6, 30))
    summary_button(f)
    slides_button(f)


def downloaded(role: str, kind: str) -> bytes:
    """The file ``kind`` (summary, slides) as ``role`` downloads it from the overview's buttons."""
    at = AppTest.from_function(buttons, default_timeout=120)
    at.session_state[auth.SESSION_KEY] = ACCOUNTS[role]
    at.run()
    at.button(key=f"export-{kind}-make").click().run()
    assert not at.exception, at.exception
    return at.session_state[f"export-{kind}"][1]


def reasons_sheet(content: bytes) -> list[tuple]:
    ws = openpyxl.load_workbook(io.BytesIO(content))["Rejets par motif"]
    return [row for row in ws.iter_rows(min_row=5, values_only=True)]


def test_a_viewer_s_summary_counts_rejects_by_table_and_reason_without_values(accounts):
    content = downloaded("viewer", "summary")
    assert EMAIL.encode() not in content  # in no sheet, in no form
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        text = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert EMAIL not in text and "dupont" not in text
    # the one rejected row of members: its table, its reason without the value, a count
    assert reasons_sheet(content) == [("Membres du réseau", "inconnu dans staff", 1)]


@pytest.mark.parametrize("role", ["hr", "admin"])
def test_hr_and_admin_read_the_values_in_their_summary(accounts, role):
    content = downloaded(role, "summary")
    assert reasons_sheet(content) == [("Membres du réseau", f"inconnu dans staff : « {EMAIL} »", 1)]


def test_the_deck_s_chart_workbooks_hold_an_organisation_as_text(accounts):
    content = downloaded("viewer", "slides")
    found = []
    with zipfile.ZipFile(io.BytesIO(content)) as deck:
        embedded = [n for n in deck.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
        assert embedded
        for name in embedded:
            book = openpyxl.load_workbook(io.BytesIO(deck.read(name)))
            cells = [
                c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None
            ]
            assert all(c.data_type != "f" for c in cells), name
            found += [c.value for c in cells if "cmd|" in str(c.value)]
    assert found and set(found) == {ESCAPED}  # the participation chart's category, as text


def test_the_summary_holds_the_organisation_as_text(accounts):
    book = openpyxl.load_workbook(io.BytesIO(downloaded("viewer", "summary")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == ATTACK]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_the_summary_built_from_the_cli_holds_no_value_either(db, tmp_path):
    """``python -m etl export`` is the same library call, without the values by default."""
    from etl.documents import excel
    from etl.documents.scope import Scope
    from etl.store.db import connect_ro

    with connect_ro(db) as con:
        content = excel.summary_workbook(con, Scope(dt.date(2015, 6, 30)))
    assert reasons_sheet(content) == [("Membres du réseau", "inconnu dans staff", 1)]
