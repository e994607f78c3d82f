"""What every chart shares: figures kept per arguments, axes, the house finish, wrapped labels, bars."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from etl.figures import memo, theme
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import CODES, t

# A warm rerun draws the same figures again: each builder's figure is kept, as plotly's JSON, per
# arguments (frames by content). Building one through plotly's validated setters took 0,1–0,5 s,
# most of a cached page's run; a kept one comes back in a millisecond, unvalidated (it was
# validated when built).
_BUILDERS: dict[str, Callable[..., go.Figure]] = {}


@memo.of_frames(max_entries=512)
def _spec(name: str, args: tuple, kwargs: tuple) -> dict:
    return _BUILDERS[name](*args, **dict(kwargs)).to_dict()


def kept(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """``build``, its figure built once per arguments (``_spec``), a new Figure at every call."""
    name = f"{build.__module__}.{build.__qualname__}"
    _BUILDERS[name] = build

    @functools.wraps(build)
    def figure(*args, **kwargs) -> go.Figure:
        return go.Figure(_spec(name, args, tuple(sorted(kwargs.items()))), _validate=False)

    return figure


# Values on axes and in hovers follow the interface language: plotly's separators for numbers, tick
# labels we make for months and a suffix for percentages (plotly's ``%`` format writes ``42%``, French
# writes ``42 %``).
def pct_axis(lang: str, room: float = 0, step: int = 20) -> dict:
    """0–100 % ticks every ``step``; ``room``: extra width beyond 100 for the texts outside the bars."""
    suffix = f"{fmt.NBSP}%" if lang == "fr" else "%"
    ticks = list(range(0, 101, step))  # plotly drops ticksuffix on array ticks: the texts are written out
    return {"range": [0, 100 + room], "tickvals": ticks, "ticktext": [f"{v}{suffix}" for v in ticks]}


def outside_text(trace_kwargs: dict | None = None) -> dict:
    """Bar texts written level beside their bar (never turned sideways, never clipped)."""
    return {"textposition": "outside", "textangle": 0, "cliponaxis": False, **(trace_kwargs or {})}


# Beyond the first and last month of a chart by month: a bar centred on its month is drawn whole
# (plotly's bar is at most a month wide), and so is a marker standing on the axis's first day.
HALF_MONTH = pd.Timedelta(days=16)


def month_axis(
    fig: go.Figure, months, lang: str, max_ticks: int = 12, presenter: bool = False, also=(), pad: bool = True
) -> None:
    """Month ticks in ``lang`` and a range holding every month (and the days ``also``: milestones)
    with half a month to spare each side (``pad``), so no bar nor marker is cut at the axis's ends."""
    # presenter mode's larger type holds half as many month labels side by side
    values, labels = fmt.month_ticks(months, lang, max(1, max_ticks // 2) if presenter else max_ticks)
    fig.update_xaxes(tickvals=values, ticktext=labels, tickangle=0)
    days = pd.to_datetime(pd.Series([*months, *also])).dropna()
    if values and len(days):
        # a tick on the 1st of a month whose point is its last day lies outside plotly's autorange:
        # plotly then drew no tick label at all on either axis (presenter mode, « mars 2012 »)
        low, high = min(pd.Timestamp(values[0]), days.min()), max(pd.Timestamp(values[-1]), days.max())
        # a 12-px marker on a chart of 70 months is some 15 days wide: on a longer one, a hundredth more
        spare = max(HALF_MONTH, (high - low) / 100) if pad else pd.Timedelta(0)
        fig.update_xaxes(range=[low - spare, high + spare])


def finish(fig: go.Figure, lang: str, presenter: bool, title: str | None = None) -> go.Figure:
    """The house theme, and every text that came from the data made plain (etl.text.plain.chart): the
    category labels (x, y) and the legend names, so ``<a href>`` in a direction's name is text. A new
    figure: use the one returned (theme.style)."""
    if title:
        fig.update_layout(title={"text": title})
    for trace in fig.data:
        for axis in ("x", "y"):
            values = getattr(trace, axis, None)
            if values is not None and any(isinstance(v, str) for v in values):
                trace.update({axis: plain.charts(values)})
        if isinstance(trace.name, str):
            trace.name = plain.chart(trace.name)
    return theme.style(fig, lang, presenter, axes={"automargin": True})


def wrap(label: str, width: int = 14) -> str:
    """A long label on several lines (``<br>``) at spaces, a word longer than ``width`` cut with a
    hyphen; the label is already plain (escaped)."""
    lines, line = [], ""
    words = []
    for word in label.split(" "):
        while len(word) > width + 2 and "&" not in word:
            cut = _syllable_cut(word, width - 1)
            words.append(word[:cut] + "-")
            word = word[cut:]
        words.append(word)
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


_VOWELS = set("aeiouyàâäéèêëîïôöùûü")


def _syllable_cut(word: str, most: int) -> int:
    """Where to hyphenate ``word`` within ``most`` letters, between syllables as French does:
    before a consonant that starts one (« Apparte-nance », « Recon-naissance »), else at ``most``."""
    low = word.lower()
    for i in range(min(most, len(word) - 2), 2, -1):
        consonant, next_vowel = low[i] not in _VOWELS, low[i + 1] in _VOWELS
        if consonant and next_vowel and low[i - 1].isalpha():
            return i
    return most


def tall(fig: go.Figure, bars: int, presenter: bool) -> go.Figure:
    """Room for every bar's label: horizontal bar charts grow with their rows."""
    # as tall as its bars need, no taller: one bar is not a block filling the chart
    fig.update_layout(height=max(200, (60 if presenter else 34) * bars + 120))
    return fig


def funnel_steps(
    labels: list[str], counts: pd.Series, lang: str, presenter: bool, colours: list[str] | None = None
) -> go.Figure:
    """A funnel reading each step's count and its share of the first, the French way (``42 %``:
    plotly's own "percent initial" would read 42%)."""
    first = counts.iloc[0] if len(counts) else None
    wide = [bool(first) and n / first >= 0.6 for n in counts]  # a narrow step's text goes beside it
    fig = go.Figure(
        go.Funnel(
            y=labels,
            x=counts,
            text=[
                f"{fmt.integer(n, lang)} ({fmt.percent(n / first if first else None, lang=lang)})"
                for n in counts
            ],
            textinfo="text",
            textposition=["inside" if w else "outside" for w in wide],
            textangle=0,
            insidetextfont={"color": "white"},
            outsidetextfont={"color": "#262730"},
            cliponaxis=False,
            marker_color=colours or [theme.PRIMARY] * len(counts),
            connector={"fillcolor": "#E6EEF5"},
            hovertemplate="%{y} : %{text}<extra></extra>",
        )
    )
    return finish(fig, lang, presenter)


def each_once(values, formatter: Callable, lang: str) -> list[str]:
    """``formatter(v, lang)`` for each of ``values``, computed once per distinct value (babel is slow)."""
    values = list(values)
    done = {v: formatter(v, lang) for v in dict.fromkeys(values)}
    return [done[v] for v in values]


def in_code_order(codes, enum: str) -> list:
    """Codes in the contract's order (attended before absent…), so colours mean the same everywhere."""
    order = list(CODES.get(enum, {}))
    return sorted(codes, key=lambda c: (order.index(c) if c in order else len(order), str(c)))


# Bars a chart of groups draws one by one; the others are gathered in one « Autres (n) » bar (at
# 100× the demo, 300 groups: a 10 000 px chart no one reads, on a projector least of all). The
# chart's download keeps every row.
MOST_BARS = 15


def shown_rows(frame: pd.DataFrame, label: str, value: str, key: str, lang: str) -> pd.DataFrame:
    """The ``MOST_BARS`` rows of largest ``value`` (in the frame's order), then one « Autres (n) »
    row summing the ``n`` others' ``value``; a label some shown rows share gets its ``key``
    (« Bon accueil (G-ACCUEIL-R001) »): plotly would draw them as one bar."""
    most = MOST_BARS
    if len(frame) > most + 1:
        kept = frame.loc[frame[value].sort_values(ascending=False, kind="stable").index[:most]].sort_index()
        others = frame.drop(kept.index)
        gathered = {label: t("others", lang, n=fmt.integer(len(others), lang)), value: others[value].sum()}
        frame = pd.concat([keyed(kept, label, key), pd.DataFrame([gathered])], ignore_index=True)
        return frame
    return keyed(frame, label, key)


def keyed(frame: pd.DataFrame, label: str = "label", key: str = "key") -> pd.DataFrame:
    """``frame`` with ``(key)`` after each label that several keys share (a key may have several
    rows, one per status say): plotly would draw them as one bar."""
    names = frame.drop_duplicates(key)
    shared = set(names[label][names[label].duplicated()])
    if not shared:
        return frame
    labels = [
        f"{v} ({k})" if v in shared and pd.notna(k) else v
        for k, v in zip(frame[key], frame[label], strict=True)
    ]
    return frame.assign(**{label: labels})


def value_bars(
    frame: pd.DataFrame,
    label: str,
    value: str,
    text: Callable[[object, str], str] | list[str],
    lang: str,
    presenter: bool,
    key: str | None = None,
):
    """Horizontal bars of ``value`` per ``label``, largest on top, each reading ``text(value, lang)``
    (or the ready-made texts ``text``); with ``key`` (the rows' identity), a summable ``value`` of
    many rows is gathered (``shown_rows``)."""
    if key:
        frame = shown_rows(frame, label, value, key, lang)
    texts = text if isinstance(text, list) else each_once(frame[value], text, lang)
    fig = go.Figure(
        go.Bar(
            x=frame[value],
            y=frame[label],
            orientation="h",
            text=texts,
            marker_color=theme.PRIMARY,
            hovertemplate="%{y} : %{text}<extra></extra>",
            **outside_text(),
        )
    )
    top = frame[value].max() if len(frame) else 0
    # room beside the longest bar for its text (about 2.5 % of the width per character)
    room = 1 + 0.025 * max((len(x) for x in texts), default=0) * (1.3 if presenter else 1)
    fig.update_xaxes(range=[0, float(top) * max(room, 1.2) if top and top > 0 else 1])
    fig.update_yaxes(autorange="reversed", type="category")
    return tall(finish(fig, lang, presenter), len(frame), presenter)


def euro_axis(fig: go.Figure, lang: str, axis: str = "y") -> None:
    """Whole euros on the value axis, ``30 000 €`` (plotly would write ``30k``)."""
    unit = {"ticksuffix": f"{fmt.NBSP}€"} if lang == "fr" else {"tickprefix": "€"}
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(tickformat=",.0f", **unit)
