"""The Excel summary HR sends to the general management and the directions, written.

``summary_workbook(con, scope) -> bytes``: a summary sheet (every headline indicator with its
definition, the reference date, the filters and the source, native Excel charts), then one sheet
per table of etl.documents.summary_sheets (what they hold, read from the model). ``Book`` and
``write_table`` write the HR lists too (etl.documents.hr_lists, the only file with names).

Written with xlsxwriter (about twice as fast as openpyxl, bench/export_bench.py). No text can
become a formula: ``strings_to_formulas`` is off, text goes through ``write_string``, and text that
starts like a formula carries Excel's quote prefix (it stays text when a user edits the cell).
Number formats are those Excel and LibreOffice both render the French way (``0 %``,
``#,##0 "€"``, ``[$-40C]mmmm yyyy``).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import duckdb
import pandas as pd
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from etl.documents.scope import Scope, source_line
from etl.documents.summary_sheets import Table, tables
from etl.figures import palette
from etl.model.kpis import NAMES, headline
from etl.text.cells import FORMULA_START
from etl.text.i18n import t

# kind of a column -> Excel number format (French rendering in Excel and LibreOffice)
NUMBER_FORMATS = {
    "int": "#,##0",
    "num": "#,##0.0",
    "hours": '#,##0.0" h"',
    "pct": "0 %",
    "pct100": '0" %"',  # a 0–100 value (progress), kept as the read model gives it
    "eur": '#,##0 "€"',
    "date": "dd/mm/yyyy",
    "month": "[$-40C]mmmm yyyy",
    "day": "[$-40C]d mmmm yyyy",
}
LOCALE_IDS = {"fr": "[$-40C]", "en": "[$-809]"}  # month names: French (France), English (UK)
# the kind of each headline indicator on the summary sheet
INDICATOR_KINDS = {
    "manager_participation_rate": "pct",
    "attendance_rate": "pct",
    "survey_response_rate": "pct",
    "hours_share_top_10pct": "pct",
    "cross_direction_hours_share": "pct",
    "hours_invested": "hours",
    "hours_per_participant": "hours",
    "budget_spent_eur": "eur",
    "budget_planned_eur": "eur",
}
HEADER_ROW = 3  # rows 0-2: title, scope and source, note
MAX_WIDTH = 60


class Book:
    """An xlsxwriter workbook in memory with the house's cell formats."""

    def __init__(self, lang: str = "fr") -> None:
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        add = self.wb.add_format
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        self.text = add(base)
        self.quoted = add({**base, "quote_prefix": True})
        self.wrap = add({**base, "text_wrap": True})
        self.title = add({**base, "bold": True, "font_size": 14, "font_color": palette.PRIMARY})
        self.caption = add({**base, "italic": True, "font_color": "#555555"})
        self.header = add(
            {
                **base,
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": palette.PRIMARY,
                "text_wrap": True,
                "border": 1,
                "border_color": "#FFFFFF",
            }
        )
        locale = LOCALE_IDS.get(lang, LOCALE_IDS["fr"])
        self.numbers = {
            k: add({**base, "num_format": v.replace(LOCALE_IDS["fr"], locale)})
            for k, v in NUMBER_FORMATS.items()
        }

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()

    def string(self, ws: Worksheet, row: int, col: int, value: str, fmt=None) -> None:
        """Text as text: a quote prefix on what a spreadsheet would read as a formula."""
        ws.write_string(row, col, value, self.quoted if value.startswith(FORMULA_START) else fmt or self.text)

    def cell(self, ws: Worksheet, row: int, col: int, value, kind: str, lang: str) -> None:
        if _blank(value):
            ws.write_blank(row, col, None, self.text)
        elif kind in ("bool",):
            self.string(ws, row, col, t("yes" if value else "no", lang))
        elif kind in ("date", "month", "day"):
            ws.write_datetime(row, col, pd.Timestamp(value).to_pydatetime(), self.numbers[kind])
        elif kind in NUMBER_FORMATS:
            ws.write_number(row, col, float(value), self.numbers[kind])
        else:
            self.string(ws, row, col, str(value))


def _blank(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _heading(book: Book, ws: Worksheet, title: str, scope: Scope, source: str, note: str = "") -> None:
    book.string(ws, 0, 0, title, book.title)
    book.string(
        ws, 1, 0, f"{scope.caption()} · {t('export.source_is', scope.lang, source=source)}", book.caption
    )
    if note:
        book.string(ws, 2, 0, note, book.caption)


def write_table(book: Book, table: Table, scope: Scope, source: str) -> tuple[Worksheet, int]:
    """``table`` on a new sheet under its heading: styled header, frozen, filtered; its data's first row."""
    lang = scope.lang
    ws = book.wb.add_worksheet(t(f"sheet.{table.key}", lang)[:31])
    _heading(book, ws, t(f"sheet.{table.key}", lang), scope, source, table.note)
    columns = list(table.columns.items())
    widths = []
    for col, (name, kind) in enumerate(columns):
        header = table.headers.get(name) or t(name, lang)
        book.string(ws, HEADER_ROW, col, header, book.header)
        values = table.frame[name].tolist()
        for i, value in enumerate(values):
            book.cell(ws, HEADER_ROW + 1 + i, col, value, kind, lang)
        widths.append(_width(header, values, kind))
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ws.set_row(HEADER_ROW, 30)
    ws.freeze_panes(HEADER_ROW + 1, 0)
    _print_setup(ws, HEADER_ROW)
    ws.autofilter(HEADER_ROW, 0, HEADER_ROW + max(len(table.frame), 1), len(columns) - 1)
    return ws, HEADER_ROW + 1


def _print_setup(ws: Worksheet, header_row: int) -> None:
    """Printed: landscape A4, one page wide, the header row on every page."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)


def _width(header: str, values: list, kind: str) -> float:
    if kind in NUMBER_FORMATS:
        longest = 16 if kind in ("month", "day") else 12
    else:
        longest = max((len(str(v)) for v in values[:500] if not _blank(v)), default=4)
    return min(MAX_WIDTH, max(longest, min(len(header), 24)) + 2)


def summary_workbook(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    progress: Callable[[float], None] | None = None,
    values: bool = False,
) -> bytes:
    """The Excel summary at ``scope`` as the bytes of an .xlsx file; ``progress(0..1)`` as it goes.
    ``values`` (HR and admin only): the rejected rows' values read in « Rejets par motif »."""
    step = progress or (lambda done: None)
    source = source_line(con, scope.lang)
    figures = headline(con, scope.as_of, scope.organisation, scope.direction)
    step(0.1)
    sheets = tables(con, scope, values)
    step(0.7)
    return render_summary(figures, sheets, scope, source)


def render_summary(figures: dict, sheets: list[Table], scope: Scope, source: str) -> bytes:
    """The workbook of a headline and its tables (what summary_workbook read), as .xlsx bytes."""
    book = Book(scope.lang)
    summary = book.wb.add_worksheet(t("sheet.summary", scope.lang))
    _write_summary(book, summary, figures, scope, source)
    placed = {table.key: (table, *write_table(book, table, scope, source)) for table in sheets}
    _charts(book, summary, placed, scope.lang)
    return book.close()


def _write_summary(book: Book, ws: Worksheet, figures: dict, scope: Scope, source: str) -> None:
    """Title, date, scope and source, then one row per headline indicator: label, value, definition, code."""
    lang = scope.lang
    book.string(ws, 0, 0, t("export.title", lang), book.title)
    book.string(ws, 1, 0, t("export.as_of", lang), book.caption)
    book.cell(ws, 1, 1, scope.as_of, "day", lang)
    book.string(ws, 2, 0, t("export.scope", lang), book.caption)
    book.string(ws, 2, 1, scope.label())
    book.string(ws, 3, 0, t("export.source", lang), book.caption)
    book.string(ws, 3, 1, source)
    headers = ("export.indicator", "export.value", "export.definition", "export.code")
    for col, key in enumerate(headers):
        book.string(ws, SUMMARY_HEADER, col, t(key, lang), book.header)
    for i, name in enumerate(NAMES):
        row = SUMMARY_HEADER + 1 + i
        book.string(ws, row, 0, t(name, lang))
        book.cell(ws, row, 1, figures[name], INDICATOR_KINDS.get(name, "int"), lang)
        definition = t(f"def.{name}", lang)
        book.string(ws, row, 2, definition, book.wrap)
        book.string(ws, row, 3, name)
        lines = _lines(definition, DEFINITION_LETTERS)
        if lines > 1:  # a wrapped definition gets the height of its lines (it ran over the next row)
            ws.set_row(row, LINE_HEIGHT * lines + 2)
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, DEFINITION_WIDTH)
    ws.set_column(3, 3, 28)
    ws.freeze_panes(SUMMARY_HEADER + 1, 0)
    _print_setup(ws, SUMMARY_HEADER)
    ws.autofilter(SUMMARY_HEADER, 0, SUMMARY_HEADER + len(NAMES), len(headers) - 1)


SUMMARY_HEADER = 5
DEFINITION_WIDTH = 60  # the definitions' column, in Excel's width units (a Calibri 11 digit)
# the letters of Arial 10 a line of it holds: 75 (LibreOffice fits 86; a row a little tall reads, a
# cut one does not)
DEFINITION_LETTERS = 75
LINE_HEIGHT = 13  # points: a line of Arial 10, as Excel and LibreOffice draw it


def _lines(text: str, width: int) -> int:
    """The lines ``text`` takes wrapped at words, ``width`` letters a line."""
    lines, line = 1, 0
    for word in text.split():
        if line and line + 1 + len(word) > width:
            lines, line = lines + 1, len(word)
        else:
            line += (1 if line else 0) + len(word)
    return lines


def _charts(book: Book, ws: Worksheet, placed: dict, lang: str) -> None:
    """Native charts beside the indicators, each reading its breakdown sheet."""
    specs = [
        (
            "participation_organisation",
            "bar",
            ["manager_participation_rate"],
            "0 %",
            t("participation.by", lang) + " " + t("organisation", lang).lower(),
        ),
        ("budget_year", "column", ["planned_eur", "spent_eur"], '#,##0 "€"', t("budget.by_year", lang)),
        ("hours_month", "line", ["hours"], "#,##0", t("training.hours_month", lang)),
        (
            "actions_status",
            "column",
            ["actions"],
            "#,##0",
            t("actions.by", lang) + " " + t("status", lang).lower(),
        ),
    ]
    anchors = ["F2", "N2", "F20", "N20"]
    for anchor, (key, kind, series, number_format, title) in zip(anchors, specs, strict=True):
        if key not in placed:
            continue
        table, sheet, first = placed[key]
        if table.frame.empty:
            continue
        chart = _chart(book, sheet.get_name(), table, first, kind, series, number_format, title, lang)
        ws.insert_chart(anchor, chart, {"x_scale": 1.15, "y_scale": 1.1})


SHORT_EUROS = '#,##0," k€"'  # 25 000 € -> « 25 k€ »: two labels side by side fit above their columns


def _labels(kind: str, number_format: str) -> dict:
    """A chart's data labels: none on a line; beyond the end of each bar or column, in a short form
    for euros (« 25 000 € » above each of two columns ran over its neighbour's)."""
    if kind == "line":
        return {"value": False}
    short = SHORT_EUROS if number_format == '#,##0 "€"' else number_format
    return {"value": True, "num_format": short, "position": "outside_end", "font": {"size": 9}}


def _chart(book, sheet, table, first, kind, series, number_format, title, lang):
    chart = book.wb.add_chart({"type": kind})
    names = list(table.columns)
    last = first + len(table.frame) - 1
    for i, column in enumerate(series):
        col = names.index(column)
        chart.add_series(
            {
                "name": [sheet, HEADER_ROW, col],
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, col, last, col],
                "data_labels": _labels(kind, number_format),
                **({"gap": 60} if len(series) > 1 else {}),  # side by side: wider columns under their labels
                "fill": {"color": palette.series(column, i)},  # the app's and the deck's colour
                "line": {"color": palette.series(column, i)},
            }
        )
    chart.set_title({"name": title, "name_font": {"size": 12}})
    value_axis = {"num_format": number_format, "major_gridlines": {"visible": True}}
    if number_format == "0 %":  # a rate reads on 0–100 %: the bar's « 42 % » and the last tick whole
        value_axis |= {"min": 0, "max": 1, "major_unit": 0.2}
    (chart.set_x_axis if kind == "bar" else chart.set_y_axis)(value_axis)
    if kind == "bar":  # room right of the plot for the last tick's label (LibreOffice cut « 40 % »)
        chart.set_plotarea({"layout": {"x": 0.3, "y": 0.14, "width": 0.62, "height": 0.7}})

    if table.columns["label"] == "month":
        chart.set_x_axis({"num_format": "[$-40C]mmm yyyy", "date_axis": True})
    chart.set_legend({"position": "bottom"} if len(series) > 1 else {"none": True})
    return chart
