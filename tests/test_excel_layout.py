"""The Excel summary as LibreOffice draws it (its pages rendered to PDF and looked at):
a long definition wraps on a row tall enough for its lines (« Heures investies » ran over the next
row); the participation chart reads 0–100 % with room right of its plot (« 42 % » and the last
tick were cut); the budget's labels are short and beyond their columns (« 27 500 € » above one
column ran over its neighbour's and onto the bars)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from etl.documents.excel import summary_workbook
from etl.documents.scope import Scope
from etl.store.db import connect_ro
from etl.text.i18n import t


@pytest.fixture(scope="module")
def xlsx(app_db) -> bytes:
    with connect_ro(app_db) as con:
        return summary_workbook(con, Scope(dt.date(2015, 6, 30)))


def _charts(xlsx: bytes) -> dict[str, str]:
    """Each chart's XML by the sheet its first series reads."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
            text = z.read(name).decode().replace("&apos;", "'")
            out[re.search(r"<c:f>'?([^'!]+)'?!", text).group(1)] = text
    return out


def _beyond_the_end(chart: str) -> bool:
    """Every data label beyond the end of its bar: OOXML's default for bars (no ``dLblPos``,
    xlsxwriter leaves it out) or ``outEnd`` said."""
    return set(re.findall(r'<c:dLblPos val="(\w+)"/>', chart)) <= {"outEnd"}


def test_a_long_definition_wraps_on_a_row_tall_enough(xlsx):
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))[t("sheet.summary", "fr")]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    hours = rows["Heures investies"]
    definition = ws.cell(hours, 3)
    # « Heures des présences aux rencontres tenues, plus le temps déclaré jusqu'à la date de
    # situation. »: 95 letters, two lines of Arial 10 in a column 60 wide (86 letters in LibreOffice)
    assert len(definition.value) == 95
    assert definition.alignment.wrap_text
    assert ws.row_dimensions[hours].height >= 2 * 12.75
    across = rows["Heures avec d'autres directions"]
    assert ws.row_dimensions[across].height >= 2 * 12.75
    # a short one keeps the sheet's row height
    assert ws.row_dimensions[rows["Cadres"]].height in (None, 15, 12.75)


def test_the_participation_chart_reads_zero_to_one_hundred_with_room(xlsx):
    chart = _charts(xlsx)[t("sheet.participation_organisation", "fr")[:31]]
    value_axis = re.search(r"<c:valAx>.*?</c:valAx>", chart, re.S).group(0)
    assert '<c:max val="1"/>' in value_axis and '<c:min val="0"/>' in value_axis
    # the plot area ends before the chart's right edge: the last tick's « 100 % » has room
    layout = re.search(r"<c:plotArea><c:layout><c:manualLayout>(.*?)</c:manualLayout>", chart, re.S).group(1)
    x = float(re.search(r'<c:x val="([\d.]+)"/>', layout).group(1))
    w = float(re.search(r'<c:w val="([\d.]+)"/>', layout).group(1))
    assert x + w <= 0.95
    assert _beyond_the_end(chart)


def test_the_budget_labels_are_short_and_beyond_their_columns(xlsx):
    chart = _charts(xlsx)[t("sheet.budget_year", "fr")[:31]]
    assert chart.count("<c:dLbls>") == 2 and _beyond_the_end(chart)  # planned and spent
    codes = re.findall(r'<c:dLbls><c:numFmt formatCode="([^"]+)"', chart)
    assert codes and all(code.endswith('," k€"') or "k€" in code for code in codes)  # 25 000 € -> 25 k€
    gap = re.search(r'<c:gapWidth val="(\d+)"/>', chart)
    assert gap and int(gap.group(1)) <= 60  # columns wider than the labels above them
