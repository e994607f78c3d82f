"""The offline report: one self-contained HTML file a presenter opens with no network.

``report_html(con, scope) -> str``: the presenter's messages (etl.documents.slide_specs.slide_specs, the same
ones as the deck, in the same order), each with its figures and a plotly chart drawn by
etl.figures.document_charts.spec_chart, as the app's slideshow draws it; plotly.js is inside the file
once. No person's name: the specs hold none.
"""

from __future__ import annotations

import html

import duckdb
import plotly.graph_objects as go

from etl.documents.scope import Scope
from etl.documents.slide_specs import SlideSpec, slide_specs
from etl.figures import document_charts, theme
from etl.text.i18n import t

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: {font}; color: #262730; margin: 0 auto; max-width: 1100px; padding: 24px; }}
h1 {{ color: #0072B2; margin-bottom: 0; }} h2 {{ color: #0072B2; margin-bottom: 4px; }}
.caption {{ color: #555; font-size: 0.95rem; }} .message {{ font-size: 1.3rem; margin: 6px 0 12px; }}
.figures {{ display: flex; flex-wrap: wrap; gap: 12px; }}
.figure {{ border: 1px solid #E6E6E6; border-radius: 8px; padding: 8px 14px; min-width: 150px; }}
.figure b {{ display: block; font-size: 1.6rem; color: #0072B2; }}
section {{ border-top: 1px solid #E6E6E6; margin-top: 28px; padding-top: 8px; page-break-inside: avoid; }}
</style></head><body>
<h1>{title}</h1><p class="caption">{caption}<br>{source}<br>{offline}</p>
{sections}
</body></html>
"""


def report_html(con: duckdb.DuckDBPyConnection, scope: Scope) -> str:
    """The report at ``scope``: one section per slide spec, plotly.js included once."""
    specs = slide_specs(con, scope.as_of, scope.organisation, scope.direction, scope.lang)
    sections = [_section(spec, scope.lang, first=i == 0) for i, spec in enumerate(specs)]
    first = specs[0] if specs else SlideSpec("", "", "")
    return PAGE.format(
        lang=scope.lang,
        title=html.escape(t("report.title", scope.lang)),
        font=theme.FONT,
        caption=html.escape(first.caption or scope.caption()),
        source=html.escape(first.source),
        offline=html.escape(t("report.offline", scope.lang)),
        sections="\n".join(sections),
    )


def _section(spec: SlideSpec, lang: str, first: bool) -> str:
    figures = "".join(
        f'<div class="figure"><b>{html.escape(f.text)}</b>{html.escape(f.label)}</div>' for f in spec.figures
    )
    chart = ""
    if spec.chart is not None:
        fig = document_charts.spec_chart(spec.chart, lang)
        config = theme.plotly_config(spec.key, lang)
        chart = fig.to_html(
            full_html=False, include_plotlyjs=first, config=config, div_id=f"chart-{spec.key}"
        )
    elif first:  # plotly.js still comes once, with the first section
        chart = go.Figure().to_html(full_html=False, include_plotlyjs=True).split("<div")[0]
    return (
        f'<section id="{spec.key}"><h2>{html.escape(spec.title)}</h2>'
        f'<p class="message">{html.escape(spec.message)}</p><div class="figures">{figures}</div>'
        f"{chart}</section>"
    )
