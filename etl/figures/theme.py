"""The one chart theme: Okabe–Ito colours, French separators, large type in presenter mode.

Every figure of the app goes through ``style(fig, lang, presenter)`` before it is shown.
"""

from __future__ import annotations

import functools
import json
import re

import plotly.graph_objects as go

from etl.figures import palette
from etl.text import format as fmt
from etl.text import i18n, plotly_words

# The colours and their meanings come from etl.figures.palette, shared with the deck and the Excel summary.
OKABE_ITO = palette.OKABE_ITO
PRIMARY, ACCENT, GOOD, BAD = palette.PRIMARY, palette.ACCENT, palette.GOOD, palette.BAD
NEUTRAL = palette.NEUTRAL
SKY, PURPLE = palette.SKY, palette.PURPLE

# One colour, one meaning, on every page: done / attended / favourable / on track are green,
# late / absent / unfavourable / critical are red; the rest never borrows those two.
MEANING: dict[str, dict[str, str]] = {
    "action_status": {"not_started": "#C4C4C4", "in_progress": PRIMARY, "done": GOOD, "abandoned": "#5A5A5A"},
    "status": {"attended": GOOD, "excused": ACCENT, "absent": BAD, "registered": NEUTRAL},
    "source": {"session": PRIMARY, "contribution": ACCENT},
    "kind": {"seminar": PRIMARY, "training": SKY, "workshop": ACCENT, "meeting": PURPLE, "other": NEUTRAL},
}
LIGHTS = palette.LIGHTS


def colour(enum: str, code, position: int = 0) -> str:
    """The colour of a code wherever it is drawn (the palette by position for other codes)."""
    return MEANING.get(enum, {}).get(code) or OKABE_ITO[position % len(OKABE_ITO)]


# Sequential scale for heatmaps: white to Okabe–Ito blue.
SEQUENTIAL = [[0.0, "#F4F8FB"], [1.0, PRIMARY]]

FONT = "Source Sans Pro, Arial, sans-serif"
SIZES = {
    False: {"base": 14, "tick": 13, "title": 17, "height": 380},
    True: {"base": 22, "tick": 20, "title": 28, "height": 520},  # presenter mode: read from the back
}
MIN_PRESENTER_FONT = 18  # no text of a chart smaller than this in presenter mode (tested in the browser)


def cell_font(presenter: bool = False) -> dict:
    """Values written inside a chart's cells (heatmaps): as large as the labels beside them."""
    return {"size": SIZES[bool(presenter)]["tick"]}


def style(fig: go.Figure, lang: str = "fr", presenter: bool = False, axes: dict | None = None) -> go.Figure:
    """The house theme on ``fig``, as a new figure (use the one returned); ``axes``: more settings for
    every axis.

    What plotly's setters give (``styled_by_plotly``: ``update_layout``, then ``update_xaxes`` and
    ``update_yaxes`` on every axis; tests/test_theme.py holds the two equal), merged into the figure's
    JSON: the house is validated once per language, size and title, not on every figure (50 ms each,
    most of building a chart)."""
    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    titled = bool((layout.get("title") or {}).get("text"))
    house = json.loads(_house(lang, bool(presenter), titled))
    _merge(layout, house["layout"])
    layout["legend"]["title"] = {}  # none: the legend's entries speak for themselves
    for axis in ("x", "y"):
        for key in [f"{axis}axis", *(k for k in layout if re.fullmatch(rf"{axis}axis\d+", k))]:
            _merge(_merge(layout.setdefault(key, {}), house[axis]), axes or {})
    return go.Figure(spec, _validate=False)


def styled_by_plotly(fig: go.Figure, lang: str = "fr", presenter: bool = False) -> go.Figure:
    """The house theme applied in place by plotly's validated setters: what ``style`` gives."""
    size = SIZES[bool(presenter)]
    fig.update_layout(
        template="plotly_white",
        colorway=OKABE_ITO,
        separators=fmt.plotly_separators(lang),
        font={"family": FONT, "size": size["base"], "color": "#262730"},
        title_font={"size": size["title"]},
        height=size["height"],
        margin={"l": 10, "r": 10, "t": 50 if fig.layout.title.text else 20, "b": 10},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "xanchor": "left",
            "x": 0,
            "title": None,
            "font": {"size": size["base"]},
            "traceorder": "normal",  # stacked bars too: the legend reads in the contract's order
        },
        hoverlabel={"font_size": size["base"]},
    )
    # Numbers on axes written out the French way: 25 000, never 25k nor 2000 (plotly's defaults).
    # dark axis labels (Streamlit's own chart theme draws them light grey: unread on a projector)
    axes = {
        "tickfont": {"size": size["tick"], "color": palette.TEXT},
        "title_font": {"size": size["base"], "color": palette.TEXT},
        "separatethousands": True,
        "exponentformat": "none",
    }
    fig.update_xaxes(showgrid=False, **axes)
    fig.update_yaxes(gridcolor="#E6E6E6", rangemode="tozero", **axes)
    return fig


@functools.lru_cache(maxsize=16)
def _house(lang: str, presenter: bool, titled: bool) -> str:
    """``styled_by_plotly`` on an empty figure (titled or not), as JSON: its layout, and what it set on
    an x and on a y axis."""
    empty = go.Figure(layout={"title": {"text": "-"}} if titled else None)
    layout = styled_by_plotly(empty, lang, presenter).to_dict()["layout"]
    layout["title"].pop("text", None)
    x, y = layout.pop("xaxis"), layout.pop("yaxis")
    return json.dumps({"layout": layout, "x": x, "y": y})


def _merge(into: dict, update: dict) -> dict:
    """``update`` merged into ``into`` as plotly's ``update`` does: a dict into a dict, anything else
    (a template, a list) in place of what was there."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict) and key != "template":
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def plotly_config(name: str, lang: str | None = None) -> dict:
    """plotly's chart options: no logo; the camera button saves ``cadran-<name>.png`` at 3× (crisp
    on a projector: a 1 100 px chart gives a 3 300 px image); plotly's own texts in ``lang`` (the
    session's language by default)."""
    config = {
        "displaylogo": False,
        # the camera alone: the data downloads as CSV beside the chart
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "filename": f"cadran-{name}", "scale": 3},
    }
    lang = lang or i18n.current()
    if words := plotly_words.locale(lang):  # plotly.js speaks English unless given a locale
        config |= {"locale": lang, "locales": {lang: words}}
    return config


def count_axis(fig: go.Figure, top, axis: str = "y") -> go.Figure:
    """A people or session count axis: whole ticks only (never 0,2 / 0,4 …), at least up to 1."""
    top = 0 if top is None or top != top else float(top)
    settings = {"tickformat": ",d", "rangemode": "tozero"}
    if top <= 5:
        settings |= {"dtick": 1, "range": [0, max(1, top) * 1.1]}
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(**settings)
    return fig
