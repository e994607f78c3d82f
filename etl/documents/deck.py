"""The 16:9 PowerPoint deck: one slide per presenter's message (etl.documents.slide_specs).

``deck(con, scope) -> bytes``: native PowerPoint charts (editable, no browser), French number
formats, the reference date and the source at the foot of every slide.
"""

from __future__ import annotations

import io

import duckdb
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from etl.documents.scope import Scope
from etl.documents.slide_specs import Chart, SlideSpec, slide_specs
from etl.figures import palette
from etl.text.cells import safe_text

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9


def rgb(colour: str) -> RGBColor:
    """A colour of etl.figures.palette (``#0072B2``) as PowerPoint's."""
    return RGBColor.from_string(colour.lstrip("#"))


BLUE, GREY, DARK = rgb(palette.PRIMARY), rgb(palette.MUTED), rgb(palette.TEXT)
CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
FONT = "Arial"
LOCALE_PREFIX = {"fr": "[$-40C]", "en": "[$-809]"}


def deck(con: duckdb.DuckDBPyConnection, scope: Scope) -> bytes:
    """The presenter's deck at ``scope`` as the bytes of a .pptx file: one slide per spec."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for spec in slide_specs(con, scope.as_of, scope.organisation, scope.direction, scope.lang):
        _slide(prs, spec, scope.lang)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _slide(prs: Presentation, spec: SlideSpec, lang: str = "fr") -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    _text_box(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), spec.title, 30, BLUE, bold=True)
    _text_box(slide, Inches(0.5), Inches(1.05), Inches(12.3), Inches(0.9), spec.message, 20, DARK)
    top = Inches(2.0)
    figures_width = Inches(3.6) if spec.chart else Inches(12.3)
    for i, fig in enumerate(spec.figures):
        y = top + Inches(0.78) * i
        _text_box(slide, Inches(0.5), y, figures_width, Inches(0.45), fig.text, 24, BLUE, bold=True)
        _text_box(slide, Inches(0.5), y + Inches(0.4), figures_width, Inches(0.35), fig.label, 12, GREY)
    if spec.chart:
        _chart(slide, spec.chart, Inches(4.4), top, Inches(8.4), Inches(4.8), lang)
    footer = f"{spec.caption} · {spec.source}"
    _text_box(
        slide, Inches(0.5), Inches(6.9), Inches(12.3), Inches(0.45), footer, 14, GREY
    )  # read from the back
    if spec.notes:
        slide.notes_slide.notes_text_frame.text = spec.notes


def _text_box(slide, x, y, w, h, text: str, size: int, color, bold: bool = False) -> None:
    frame = slide.shapes.add_textbox(x, y, w, h).text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = color


def _chart(slide, spec: Chart, x: Emu, y: Emu, w: Emu, h: Emu, lang: str = "fr") -> None:
    # A projected deck reads the same on every machine: the French locale is in the format itself
    # (LibreOffice then groups digits with spaces whatever its own locale; PowerPoint accepts it).
    number_format = LOCALE_PREFIX.get(lang, "") + spec.number_format
    data = CategoryChartData(number_format=number_format)
    # the one place text reaches the chart's embedded workbook (python-pptx writes it with xlsxwriter,
    # which turns "=…" into a live formula): an organisation named "=cmd|…" stays text there
    data.categories = [safe_text(c) for c in spec.categories]
    for series in spec.series:
        data.add_series(safe_text(series.name), series.values)
    chart = slide.shapes.add_chart(CHART_TYPES[spec.kind], x, y, w, h, data).chart
    chart.font.size, chart.font.name = Pt(14), FONT
    chart.has_title = False  # the slide's title says it
    chart.has_legend = len(spec.series) > 1 or spec.kind == "doughnut"
    if chart.has_legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    plot = chart.plots[0]
    if spec.kind != "line":
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format, labels.number_format_is_linked = number_format, False
        labels.font.size = Pt(12)
        if spec.kind in ("bar", "column"):
            labels.position = XL_LABEL_POSITION.OUTSIDE_END
    if spec.kind == "doughnut":
        for i, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = (BLUE, rgb(palette.REST))[i % 2]
        return
    chart.value_axis.tick_labels.number_format = number_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.value_axis.has_major_gridlines = True
    for i, (series, data_series) in enumerate(zip(plot.series, spec.series, strict=True)):
        color = rgb(palette.series(data_series.key, i))  # the app's colour for the same series
        if spec.kind == "line":
            series.format.line.color.rgb = color
            series.format.line.width = Pt(2.5)
            series.smooth = False
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = color
