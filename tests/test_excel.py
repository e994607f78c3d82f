"""The Excel summary and the HR lists, written by the real CLI and re-opened with openpyxl.

Every figure of the summary sheet must equal ``kpis --json``, every breakdown sheet
``breakdown NAME --by DIM --json``, for the same date and scope; a few figures are also the
contract sample's hand-checked ones (tests/fixtures/blois-like/expected.json).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from etl.model import working_across
from etl.model.kpis import NAMES
from etl.store.db import connect_ro
from etl.text.i18n import CODES, t
from tests.conftest import ROOT, SAMPLE, cli_json, load_db, loaded_db, run_cli

DEMO = ROOT / "data" / "demo" / "source"
INJECTION = '=HYPERLINK("http://x","clic")'
QUOTED = '"=HYPERLINK(""http://x"",""clic"")"'  # as a CSV cell
# sheet key -> (breakdown, --by) for a whole-network export (the page's direction dimension)
BREAKDOWN_SHEETS = {
    "participation_organisation": ("participation", "organisation"),
    "participation_direction": ("participation", "direction_in_organisation"),
    "hours_kind": ("hours", "kind"),
    "hours_month": ("hours", "month"),
    "hours_organisation": ("hours", "organisation"),
    "budget_year": ("budget", "year"),
    "budget_category": ("budget", "category"),
    "actions_status": ("actions", "status"),
    "actions_axis": ("actions", "axis"),
}
SHEETS = [
    "summary",
    *BREAKDOWN_SHEETS,
    "together",
    "action_list",
    "surveys",
    "survey_themes",
    "survey_members",
    "survey_organisations",
    "survey_enps",
    "survey_yes_no",
    "load_tables",
    "load_reasons",
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    load_db(db, DEMO)
    return db


def export(db: Path, out: Path, *args: str) -> openpyxl.Workbook:
    code, _, err = run_cli("export", "--db", db, "--out", out, *args)
    assert code == 0, err
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def sample_book(sample_db, tmp_path_factory) -> tuple[Path, openpyxl.Workbook]:
    out = tmp_path_factory.mktemp("xlsx") / "sample.xlsx"
    return out, export(sample_db, out, "--as-of", "2015-03-31")


@pytest.fixture(scope="module")
def demo_book(demo_db, tmp_path_factory) -> tuple[Path, openpyxl.Workbook]:
    out = tmp_path_factory.mktemp("xlsx") / "demo.xlsx"
    return out, export(demo_db, out, "--as-of", "2015-06-30")


def summary_figures(wb: openpyxl.Workbook) -> dict:
    """code -> value of the summary sheet's indicator table (code in column D)."""
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 20) if ws.cell(r, 4).value == "Code")
    return {ws.cell(r, 4).value: ws.cell(r, 2).value for r in range(header + 1, header + 1 + len(NAMES))}


def test_sheets_in_order(demo_book):
    _, wb = demo_book
    assert wb.sheetnames == [t(f"sheet.{key}", "fr") for key in SHEETS]


def test_summary_states_date_scope_and_source(demo_book):
    _, wb = demo_book
    ws = wb[t("sheet.summary", "fr")]
    assert ws["B2"].value == dt.datetime(2015, 6, 30)
    assert ws["B2"].number_format == "[$-40C]d mmmm yyyy"
    assert ws["B3"].value == "Toutes collectivités"
    assert ws["B4"].value.startswith("Cadran, chargement n° 1 du ")
    assert [ws.cell(r, 3).value for r in range(7, 9)] == [
        t("def.managers", "fr"),
        t("def.member_managers", "fr"),
    ]


@pytest.mark.parametrize(
    "as_of, organisation",
    [("2015-03-31", None), ("2015-03-31", "Ville de Blois"), ("2017-06-30", "Agglopolys")],
)
def test_summary_equals_kpis_json_on_the_sample(sample_db, tmp_path, as_of, organisation):
    scope = ["--as-of", as_of, *(["--organisation", organisation] if organisation else [])]
    wb = export(sample_db, tmp_path / "s.xlsx", *scope)
    code, out, err = run_cli("kpis", "--db", sample_db, *scope, "--json")
    assert code == 0, err
    figures = summary_figures(wb)
    assert figures == pytest.approx({k: v for k, v in json.loads(out).items() if k in NAMES})
    # and the contract sample's hand-checked figures (tests/fixtures/blois-like/expected.json)
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))["kpis"]
    checked = next(e for e in expected if e["as_of"] == as_of and e.get("organisation") == organisation)
    assert figures == pytest.approx({k: checked[k] for k in NAMES})


def test_summary_equals_kpis_json_on_the_demo(demo_book, demo_db, capsys):
    _, wb = demo_book
    code, got = cli_json(capsys, "kpis", "--db", demo_db, "--as-of", "2015-06-30")
    assert code == 0
    assert summary_figures(wb) == pytest.approx({k: got[k] for k in NAMES})
    # on 30 June 2015, 146 of the 480 managers in post are members (README: 146 of 350 in the Ville)
    assert summary_figures(wb)["member_managers"] == 146 and summary_figures(wb)["managers"] == 480


def _code_of(name: str, by: str, value):
    """The breakdown label a sheet's translated label stands for."""
    if value == t("not_given", "fr"):
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m")
    if by == "priority":
        return {"oui": "true", "non": "false"}[value]
    lists = {
        ("hours", "kind"): "kind",
        ("budget", "category"): "budget_category",
        ("actions", "status"): "action_status",
    }
    if (name, by) in lists:
        reverse = {fr: code for code, (fr, _) in CODES[lists[name, by]].items()}
        return reverse.get(value, value)
    return value


def sheet_rows(wb: openpyxl.Workbook, key: str) -> list[list]:
    ws = wb[t(f"sheet.{key}", "fr")]
    return [list(r) for r in ws.iter_rows(min_row=5, values_only=True) if any(v is not None for v in r)]


@pytest.mark.parametrize("key", BREAKDOWN_SHEETS)
def test_breakdown_sheets_equal_breakdown_json(sample_book, sample_db, capsys, key):
    _, wb = sample_book
    name, by = BREAKDOWN_SHEETS[key]
    code, rows = cli_json(capsys, "breakdown", name, "--by", by, "--db", sample_db, "--as-of", "2015-03-31")
    assert code == 0 and rows
    got = [[_code_of(name, by, r[0]), *r[1:]] for r in sheet_rows(wb, key)]
    if key == "budget_year":  # a year's spent to date is its spent: the sheet shows it once
        assert all(row["spent_to_date_eur"] == row["spent_eur"] for row in rows)
        rows = [{k: v for k, v in row.items() if k != "spent_to_date_eur"} for row in rows]
    # money and hours of no row: null in the breakdown, 0 in the sheet (a blank read as unknown)
    rows = [
        {k: 0 if v is None and k.endswith(("_eur", "hours")) else v for k, v in row.items()} for row in rows
    ]
    assert got == [pytest.approx(list(row.values())) for row in rows]


def test_the_budget_by_year_has_no_running_total_that_is_not_one(demo_book):
    """By year, « Dépensé depuis le début » repeated each year's « Dépensé » (2013: 22 450,5 twice),
    read as a running total it is not: the sheet shows each year's planned and spent."""
    _, wb = demo_book
    ws = wb[t("sheet.budget_year", "fr")]
    assert [c.value for c in ws[4] if c.value is not None] == ["Année", "Prévu", "Dépensé"]


def test_money_and_hours_of_no_row_read_0_not_blank(demo_book):
    """At 30/06/2015 four budget categories spent nothing in 2015 and months had no contribution:
    the breakdown says null (a sum of none), the sheet 0 € and 0 h, never a blank read as unknown."""
    _, wb = demo_book
    for key, columns in (
        ("budget_category", (1, 2, 3)),
        ("hours_month", (1, 2, 3)),
        ("hours_kind", (1, 2, 3)),
    ):
        rows = sheet_rows(wb, key)
        assert rows and all(row[c] is not None for row in rows for c in columns), key
    assert sum(row[2] == 0 for row in sheet_rows(wb, "budget_category")) == 4
    assert any(row[2] == 0 for row in sheet_rows(wb, "hours_month"))


def test_breakdown_sheet_of_one_organisation(sample_db, tmp_path, capsys):
    wb = export(sample_db, tmp_path / "o.xlsx", "--as-of", "2017-06-30", "--organisation", "Agglopolys")
    code, rows = cli_json(
        capsys,
        "breakdown",
        "participation",
        "--by",
        "direction",
        "--db",
        sample_db,
        "--as-of",
        "2017-06-30",
        "--organisation",
        "Agglopolys",
    )
    assert code == 0
    assert sheet_rows(wb, "participation_direction") == [pytest.approx(list(r.values())) for r in rows]


def test_french_number_formats(demo_book):
    _, wb = demo_book
    ws = wb[t("sheet.summary", "fr")]
    formats = {ws.cell(r, 4).value: ws.cell(r, 2).number_format for r in range(7, 7 + len(NAMES))}
    assert formats["manager_participation_rate"] == "0 %"
    assert formats["budget_spent_eur"] == '#,##0 "€"'
    assert formats["managers"] == "#,##0"
    months = wb[t("sheet.hours_month", "fr")]
    assert months["A5"].value == dt.datetime(2012, 4, 1) and months["A5"].number_format == "[$-40C]mmmm yyyy"
    assert wb[t("sheet.budget_year", "fr")]["B5"].number_format == '#,##0 "€"'
    assert wb[t("sheet.participation_organisation", "fr")]["F5"].number_format == "0 %"


def test_headers_frozen_filtered_and_wide_enough(demo_book):
    _, wb = demo_book
    for ws in wb.worksheets:
        summary = ws.title == t("sheet.summary", "fr")
        assert ws.freeze_panes == ("A7" if summary else "A5"), ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A6" if summary else "A4"), ws.title
        header = ws[6 if summary else 4]
        assert not [c.value for c in header if c.value and "_" in c.value or c.value == "table"], ws.title
        assert all(c.font.bold for c in header if c.value), ws.title
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in header if c.value), ws.title
    assert wb[t("sheet.summary", "fr")].column_dimensions["C"].width >= 50  # the definitions


def test_native_charts_on_the_summary_sheet(demo_book):
    path, _ = demo_book
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        kinds = [re.search(r"<c:(bar|line|pie)Chart>", z.read(n).decode()).group(1) for n in charts]
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert len(charts) == 4 and sorted(kinds) == ["bar", "bar", "bar", "line"]
    assert "drawing" in rels  # the charts sit on the first sheet, the summary


def test_actions_late_first_and_no_owner(demo_book):
    _, wb = demo_book
    ws = wb[t("sheet.action_list", "fr")]
    headers = [c.value for c in ws[4]]
    assert t("owner_name", "fr") not in headers
    late = [r[headers.index(t("late", "fr"))] for r in ws.iter_rows(min_row=5, values_only=True)]
    assert late == sorted(late, key=lambda v: v != "oui") and late.count("oui") == 9  # actions_late at D


def test_load_report_counts_without_values(demo_book):
    _, wb = demo_book
    reasons = sheet_rows(wb, "load_reasons")
    assert sum(r[2] for r in reasons) == 3  # the demo's 3 rejected rows (load report)
    tables = sheet_rows(wb, "load_tables")
    # in the contract's order, staff first (the codes' alphabet put « Suivi des actions » first)
    assert [r[0] for r in tables][:3] == ["Agents", "Groupes", "Membres du réseau"] and len(tables) == 14


def test_surveys_keep_the_page_suppression(tmp_path):
    """Eleven respondents: 8 members and 3 others; the 3 are hidden (fewer than 5), and so is the
    members' cell (8 = 11 - 3 would give them away): both empty with the reason."""
    respondents = "survey_id,respondent_id,organisation,direction,is_manager,is_member\n" + "".join(
        f"E1,R{i},Ville,DG,non,{'oui' if i < 8 else 'non'}\n" for i in range(11)
    )
    answers = "survey_id,respondent_id,question_id,value\n" + "".join(f"E1,R{i},Q1,4\n" for i in range(11))
    db = loaded_db(
        tmp_path,
        {
            "surveys.csv": "survey_id,title,opened_on,closed_on,invited\nE1,Baromètre,2015-01-10,2015-02-01,20\n",
            "survey_questions.csv": "survey_id,question_id,text,kind,theme\nE1,Q1,Q?,likert5,belonging\n",
            "survey_respondents.csv": respondents,
            "survey_answers.csv": answers,
        },
    )
    wb = export(db, tmp_path / "s.xlsx", "--as-of", "2015-06-30")
    rows = {(r[0], r[1]): r for r in sheet_rows(wb, "survey_members")}
    members, others = rows["Appartenance", "Membres du réseau"], rows["Appartenance", "Non-membres"]
    # one public reason for both (two reasons would tell 1-4 from 5+ and pin the cells)
    reason = "masqué : moins de 5 répondants ici ou dans un groupe lié"
    assert others[3] is None and others[-1] == reason
    assert members[3] is None and members[-1] == reason
    themes = sheet_rows(wb, "survey_themes")
    assert themes[0][:3] == ["Ensemble des questions", 11, 1.0]  # 11 respondents, all favourable


STAFF = f"""person_id,last_name,first_name,organisation,direction,is_manager,hire_date
P1,Durand,Anne,Ville,DG,oui,2010-01-01
P2,{QUOTED},Zoé,Ville,{QUOTED},oui,2010-01-01
P3,Martin,Paul,Ville,DG,non,2010-01-01
"""
SOURCE = {
    "staff.csv": STAFF,
    "members.csv": "person_id,joined_on,role\nP1,2014-01-01,pilote\nP3,2014-02-01,membre\n",
    "sessions.csv": "session_id,kind,title,date,duration_hours\nS1,seminar,Lancement,2015-03-01,3\n",
    "attendance.csv": "session_id,person_id,status\nS1,P1,attended\nS1,P3,attended\n",
    "actions.csv": f"action_id,title,status,due_on\nA1,{QUOTED},in_progress,2015-01-01\n",
}


@pytest.fixture(scope="module")
def injected_db(tmp_path_factory) -> Path:
    return loaded_db(tmp_path_factory.mktemp("inject"), SOURCE)


def sheet_xml(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]


@pytest.mark.parametrize("hr", [False, True], ids=["summary", "hr-lists"])
def test_formula_like_text_is_stored_as_text(injected_db, tmp_path, hr):
    out = tmp_path / "x.xlsx"
    wb = export(injected_db, out, "--as-of", "2015-06-30", *(["--hr-lists"] if hr else []))
    assert not any("<f>" in xml or "<f " in xml for xml in sheet_xml(out))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == INJECTION]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_hr_lists_members_and_managers_never_present(injected_db, tmp_path):
    """Members at D: P1 (pilot) and P3. Managers in post: P1 and P2; P1 attended S1, so only P2
    never took part."""
    wb = export(injected_db, tmp_path / "hr.xlsx", "--as-of", "2015-06-30", "--hr-lists")
    assert wb.sheetnames == [t("sheet.hr_members", "fr"), t("sheet.hr_absent_managers", "fr")]
    members = sheet_rows(wb, "hr_members")
    assert [(r[0], r[1], r[2], r[7]) for r in members] == [
        ("P1", "Durand", "Anne", "Pilote"),
        ("P3", "Martin", "Paul", "Membre"),
    ]
    absent = sheet_rows(wb, "hr_absent_managers")
    assert [(r[3], r[4], r[5]) for r in absent] == [("P2", INJECTION, "Zoé")]


def test_no_name_in_the_summary(injected_db, tmp_path):
    out = tmp_path / "s.xlsx"
    export(injected_db, out, "--as-of", "2015-06-30")
    with zipfile.ZipFile(out) as z:
        text = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert not any(name in text for name in ("Durand", "Anne", "Martin", "Paul", "Zoé"))


def test_english_workbook(sample_db, tmp_path):
    wb = export(sample_db, tmp_path / "en.xlsx", "--as-of", "2015-03-31", "--lang", "en")
    assert wb.sheetnames[:2] == ["Summary", "Participation organisations"]
    months = wb["Hours by month"]
    assert months["A4"].value == "Month" and months["A5"].number_format == "[$-809]mmmm yyyy"
    assert summary_figures(wb)["managers"] == 230  # expected.json, 2015-03-31


def test_survey_sheets_are_the_pages_frames(demo_book, demo_db):
    """The survey sheets hold what etl.model.survey_results returns for the page, figure for figure."""
    from etl.model import survey_results
    from etl.store.db import connect_ro

    _, wb = demo_book
    with connect_ro(demo_db) as con:
        survey_id = survey_results.latest_survey(con, dt.date(2015, 6, 30))
        themes = survey_results.theme_scores(con, survey_id)
        enps = survey_results.enps(con, survey_id)
    got = [r[1:5] for r in sheet_rows(wb, "survey_themes")]
    assert got == [
        pytest.approx([r.respondents, r.favourable, r.neutral, r.unfavourable]) for r in themes.itertuples()
    ]
    assert [r[1] for r in sheet_rows(wb, "survey_enps")] == list(enps["respondents"])
    assert [r[5] for r in sheet_rows(wb, "survey_enps")] == pytest.approx(list(enps["enps"]))


def test_the_working_together_sheet(demo_book, demo_db):
    """Each direction's share of hours with another, as the Transversalité page reads it, small
    directions gathered (the summary goes to every role)."""
    _, wb = demo_book
    ws = wb[t("sheet.together", "fr")]
    with connect_ro(demo_db) as con:
        groups = working_across.groups(con, dt.date(2015, 6, 30), gather=True)
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] is not None]
    assert [r[0] for r in rows] == [
        "Autres directions" if v == working_across.OTHERS else v for v in groups["label"]
    ]
    assert [r[4] for r in rows] == pytest.approx(groups["cross_hours_share"].tolist())
