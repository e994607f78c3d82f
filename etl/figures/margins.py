"""A chart's margins set before plotly draws it, so that plotly draws it once.

plotly's automargin draws a chart, measures its tick labels and its legend, and draws the whole
chart again when they need more room than the layout's margins give (plotly.js
``Plots.doAutoMargin``). Every chart was drawn twice: half of a page's drawing in the browser (the
five charts of the surveys page at 100×: 440 ms, 214 ms with margins that hold their labels).

The room the labels need is computed here from the type's metrics. The charts are set in Arial
(``theme.FONT``: Streamlit names its own font « Source Sans », so the first name is not found),
drawn by Liberation Sans on Linux, whose widths are Arial's: ``GLYPHS`` holds them, read from
LiberationSans-Regular.ttf (tests/test_margins.py reads them again), and Chromium measured the
same widths to 0,02 px. Margins are a little generous (``SLACK``) and automargin stays on: a chart
this estimate leaves short is still drawn whole, only drawn twice.
"""

from __future__ import annotations

import base64
import html
import math
import re

import numpy as np
import plotly.graph_objects as go

# Advance widths of LiberationSans-Regular.ttf in font units (2 048 to the em), by character.
UNITS_PER_EM = 2048
GLYPHS = {
    284: "\u202f",
    391: "'",
    410: "\u2009",
    455: "ijl‘’‚",
    532: "|¦",
    569: " !,./:;I[\\]ft\xa0·ÌÍÎÏìíîï",
    682: "()-`r¡¨²³´¸¹“”„",
    684: "{}",
    717: "•",
    727: '"',
    748: "ºʼ",
    758: "ª",
    797: "*",
    819: "°",
    961: "^",
    1024: "Jcksvxyzçýÿ",
    1100: "¶",
    1124: "±÷",
    1131: "¯",
    1139: "#$0123456789?L_abdeghnopqu¢£¤¥§«»àáâãäåèéêëðñòóôõöùúûüþ€–",
    1180: "µ",
    1196: "+<=>~¬×",
    1251: "FTZ¿ßø",
    1366: "&ABEKPSVXYÀÁÂÃÄÅÈÉÊËÝÞŸ",
    1479: "CDHNRUwÇÐÑÙÚÛÜ",
    1509: "©®",
    1593: "GOQÒÓÔÕÖØ",
    1706: "Mm",
    1708: "¼½¾",
    1821: "%æ",
    1933: "Wœ",
    2048: "ÆŒ…—",
    2079: "@",
}
_WIDTH = {ch: units / UNITS_PER_EM for units, chars in GLYPHS.items() for ch in chars}
_UNKNOWN = 1.0  # a character outside the table (another script): an em, wider than most

SLACK = 1.04  # labels measured 4 % wider than the table says, and a pad more:
PAD_Y = 20  # beside the value axis's labels (plotly's standoff, the margin's padding)
PAD_X = 22  # under (or over) the category axis's labels
LINE = 1.3  # plotly's line height, in font sizes
SLANT = 30  # degrees: category labels too wide to stand level, as plotly's first try slants them
# steeper, when the slanted labels would touch: each stands ``band × sin(angle)`` from the next, which
# must hold a line of text (``TEXT_HEIGHT`` font sizes); plotly itself goes from 30 to 90 degrees
SLANTS = (SLANT, 45, 60, 90)
TEXT_HEIGHT = 1.1
# The width a chart is drawn at, for its legend's rows: a page's width (1 280 px less the sidebar)
# or half of it (ui.components.halves).
FULL, HALF = 900, 400
BASE = {"l": 10, "r": 10, "t": 20, "b": 10}  # theme.style's margins, the least a chart keeps
_TAG = re.compile(r"<(?!br\b)[^>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date's coordinate (plotly's JSON writes dates so)


def text_width(text: str, size: float) -> float:
    """Pixels that ``text`` (plotly text: entities, tags) takes on one line at ``size`` px."""
    plain = html.unescape(_TAG.sub("", str(text)))
    return sum(_WIDTH.get(ch, _UNKNOWN) for ch in plain) * size


def _lines(label) -> list[str]:
    return _BREAK.split(str(label))


def _widest(labels, size: float) -> float:
    return max((text_width(line, size) for label in labels for line in _lines(label)), default=0.0)


def _most_lines(labels) -> int:
    return max((len(_lines(label)) for label in labels), default=1)


def _array(values) -> list | None:
    """A trace's coordinates as a list (plotly's JSON may hold them as typed base64 arrays)."""
    if values is None:
        return None
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def _number(value) -> bool:
    return isinstance(value, int | float | np.number) and not isinstance(value, bool) and value == value


def _axis_labels(fig: go.Figure, letter: str) -> tuple[list[str], bool]:
    """What the ``letter`` axis writes (its tick texts, its categories, or its widest number), and
    whether a label may stand at either end of the axis (numbers and dates do, categories not)."""
    axis = fig.layout[f"{letter}axis"]
    if axis.showticklabels is False:
        return [], False
    categories, numbers = [], []
    for trace in fig.data:
        if trace.type in ("pie", "indicator") or (trace.type == "funnel" and letter == "x"):
            continue  # no axis, or (a funnel's values) no tick labels
        values = _array(getattr(trace, letter, None))
        if not values:
            continue
        if any(isinstance(v, str) and not _DATE.match(v) for v in values):
            categories += [v for v in values if isinstance(v, str)]
        else:  # numbers, or dates (which plotly writes as their own labels, at either end too)
            numbers.append([abs(float(v)) for v in values if _number(v)])
    categorical = axis.type == "category" or bool(categories)
    if axis.ticktext is not None:
        return [str(v) for v in axis.ticktext], not categorical
    if categorical:
        if axis.categoryarray is not None:
            categories += [str(v) for v in axis.categoryarray]
        return list(dict.fromkeys(categories)), False
    if not numbers:
        return [], False
    stacked = fig.layout.barmode in ("stack", "relative")
    top = sum(max(n, default=0) for n in numbers) if stacked else max(max(n, default=0) for n in numbers)
    if axis.range is not None:
        top = max([top, *(abs(float(v)) for v in axis.range if isinstance(v, int | float))])
    digits = f"{round(top * 1.1):,}".replace(",", " ") if top >= 10 else "0,55"
    return [f"{axis.tickprefix or ''}{digits}{axis.ticksuffix or ''}"], True


def _legend_height(fig: go.Figure, size: float, width: float) -> float:
    """Pixels of a horizontal legend above a plot ``width`` wide (0 when it shows none or stands
    elsewhere)."""
    layout = fig.layout
    named = [t for t in fig.data if getattr(t, "showlegend", False) is not False and t.name]
    shown = layout.showlegend if layout.showlegend is not None else len(named) > 1
    if not shown or not named or layout.legend.orientation != "h" or (layout.legend.y or 0) < 1:
        return 0.0
    legend_size = layout.legend.font.size or size
    items = [35 + text_width(t.name, legend_size) * SLACK for t in named]  # symbol and gaps, text
    # plotly.js (legend/draw.js): the names on one row when they all fit, each as wide as it is;
    # else every name in a column as wide as the widest, as many columns as fit
    if sum(items) < width:
        rows = 1
    else:
        rows = math.ceil(len(items) / max(1, int(width // (max(items) + 5))))
    return rows * legend_size * 1.5 + 11  # measured: 32 px a row at 14 px, 74 two rows at 22


def _funnel_overhang(trace, size: float, room: float) -> float:
    """The right margin a funnel's texts written beside their steps need, when the plot and that
    margin share ``room`` pixels: a step of ``n`` among ``top`` is centred, ``n / top`` of the
    plot wide, its text starting a few pixels past its right end."""
    counts = [float(v) if _number(v) else 0.0 for v in _array(trace.x) or []]
    top = max(counts, default=0.0)
    if not top:
        return 0.0
    places = trace.textposition
    places = [places] * len(counts) if places is None or isinstance(places, str) else list(places)
    texts = (
        [trace.text] * len(counts) if trace.text is None or isinstance(trace.text, str) else list(trace.text)
    )
    need = 0.0
    for n, place, text in zip(counts, places, texts, strict=True):
        if place != "outside" or not text:
            continue
        end = 0.5 + n / top / 2  # the step's right end, in plot widths
        written = text_width(text, trace.outsidetextfont.size or size) * SLACK + 4 + 12
        # the text's end within the plot (end × plot + written) ≤ plot + margin, plot = room − margin
        need = max(need, (written - (1 - end) * room) / end)
    return need


def fit(fig: go.Figure, width: float = FULL) -> go.Figure:
    """Set ``fig``'s margins to what its tick labels and legend need when it is drawn ``width``
    pixels wide (never less than ``BASE``, a title's room kept), in place; the same figure twice
    gets the same margins."""
    layout = fig.layout
    size = layout.font.size or 12
    need = dict(BASE, t=50 if layout.title.text else BASE["t"])
    for letter in ("y", "x"):  # the value labels' room first: the categories share what is left
        axis = layout[f"{letter}axis"]
        labels, at_ends = _axis_labels(fig, letter)
        if not labels:
            continue
        tick = axis.tickfont.size or size
        if letter == "y":
            side = "r" if axis.side == "right" else "l"
            need[side] = max(need[side], _widest(labels, tick) * SLACK + PAD_Y)
            if at_ends:  # the top label stands half above the plot
                need["t"] = max(need["t"], tick * 0.65 + 10)
        else:
            side = "t" if axis.side == "top" else "b"
            height = _most_lines(labels) * tick * LINE
            if not at_ends and axis.tickangle in (None, *SLANTS):  # categories plotly may slant
                band = (width - need["l"] - need["r"]) / len(labels)
                widest = _widest(labels, tick) * SLACK
                axis.tickangle = None
                if widest > band - 6:  # too wide to stand level side by side: slanted, as plotly would
                    last = _widest(labels[-1:], tick) * SLACK  # slanted to the right, past the end
                    # the least slant at which they do not touch, once the last one has its room on
                    # the right (less, the steeper they stand)
                    for angle in SLANTS:
                        turn = math.radians(angle)
                        right = max(need["r"], last * math.cos(turn) - band / 2 + 20)
                        room = (width - need["l"] - right) / len(labels)
                        if room * math.sin(turn) >= tick * TEXT_HEIGHT:
                            break
                    axis.tickangle, need["r"] = angle, right
                    height = widest * math.sin(turn) + tick * math.cos(turn) + 4
            need[side] = max(need[side], height + PAD_X)
            if at_ends:  # a number or a date written at either end of the axis stands half outside it
                half = _widest(labels, tick) * SLACK / 2 + 12
                need["l"], need["r"] = max(need["l"], half), max(need["r"], half)
    for trace in fig.data:
        if trace.type == "funnel":
            need["r"] = max(need["r"], _funnel_overhang(trace, size, width - need["l"]))
    legend = _legend_height(fig, size, width - need["l"] - need["r"])
    if legend:  # its foot at 1.02 of the plot's height, and plotly's gap
        plot = (layout.height or 400) - need["b"] - legend
        need["t"] = max(need["t"], legend + 0.02 * plot + 12)
    layout.margin.update({side: math.ceil(v) for side, v in need.items()})
    return fig
