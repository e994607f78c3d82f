"""The presenter's slideshow as data: ``deck(f)`` gives the slides, in order, one message each.

The slides are etl.documents.deck.slide_specs, read through ui.reads (cached on the published version):
the PowerPoint deck and the offline report are made of the very same specs, so a seminar's
slides say the same thing in the same order in the app, in the .pptx and in the .html file.
``figure(spec, lang)`` draws a slide's chart (etl.figures.charts.spec_chart) in presenter size; ``footer``
is the reference date, the scope and the load the figures come from. No slide carries a name.
"""

from __future__ import annotations

import plotly.graph_objects as go

from etl.documents.deck import ORDER, SlideSpec
from etl.figures import charts
from etl.model.view import Filters
from ui import reads

__all__ = ["ORDER", "SlideSpec", "deck", "figure", "footer"]


def deck(f: Filters) -> list[SlideSpec]:
    """The slides for the filters ``f`` (date, organisation, direction, language), in ORDER; the
    survey slide only when a survey was opened by the date."""
    return reads.slide_specs(f.as_of, f.organisation, f.direction, f.lang)


def figure(spec: SlideSpec, lang: str) -> go.Figure | None:
    """The slide's chart in presenter size (None: the slide has no chart)."""
    return None if spec.chart is None else charts.spec_chart(spec.chart, lang, presenter=True)


def footer(spec: SlideSpec) -> str:
    return f"{spec.caption} · {spec.source}"
