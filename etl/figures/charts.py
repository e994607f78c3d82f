"""Figure builders: a query's frame in, a plotly figure in the house theme out.

Values on axes and in hovers follow the interface language: plotly's
separators for numbers, tick labels we make for months and a suffix for
percentages (plotly's ``%`` format writes ``42%``, French writes ``42 %``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from etl.figures import margins, memo, palette, theme
from etl.model.working_across import OTHERS
from etl.text import collate, plain
from etl.text import format as fmt
from etl.text.i18n import CODES, code_label, t, t_count

# A warm rerun draws the same figures again: each builder's figure is kept, as plotly's JSON, per
# arguments (frames by content). Building one through plotly's validated setters took 0,1–0,5 s,
# most of a cached page's run; a kept one comes back in a millisecond, unvalidated (it was
# validated when built).
_BUILDERS: dict[str, Callable[..., go.Figure]] = {}


@memo.of_frames(max_entries=512)
def _spec(name: str, args: tuple, kwargs: tuple) -> dict:
    return _BUILDERS[name](*args, **dict(kwargs)).to_dict()


def _kept(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """``build``, its figure built once per arguments (``_spec``), a new Figure at every call."""
    _BUILDERS[build.__qualname__] = build

    @functools.wraps(build)
    def figure(*args, **kwargs) -> go.Figure:
        return go.Figure(_spec(build.__qualname__, args, tuple(sorted(kwargs.items()))), _validate=False)

    return figure


def _pct_axis(lang: str, room: float = 0, step: int = 20) -> dict:
    """0–100 % ticks every ``step``; ``room``: extra width beyond 100 for the texts outside the bars."""
    suffix = f"{fmt.NBSP}%" if lang == "fr" else "%"
    ticks = list(range(0, 101, step))  # plotly drops ticksuffix on array ticks: the texts are written out
    return {"range": [0, 100 + room], "tickvals": ticks, "ticktext": [f"{v}{suffix}" for v in ticks]}


def _outside_text(trace_kwargs: dict | None = None) -> dict:
    """Bar texts written level beside their bar (never turned sideways, never clipped)."""
    return {"textposition": "outside", "textangle": 0, "cliponaxis": False, **(trace_kwargs or {})}


# Beyond the first and last month of a chart by month: a bar centred on its month is drawn whole
# (plotly's bar is at most a month wide), and so is a marker standing on the axis's first day.
HALF_MONTH = pd.Timedelta(days=16)


def _month_axis(
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


def _finish(fig: go.Figure, lang: str, presenter: bool, title: str | None = None) -> go.Figure:
    """The house theme, and every text that came from the data made plain (etl.text.plain.chart): the
    category labels (x, y) and the legend names, so ``<a href>`` in a direction's name is text."""
    if title:
        fig.update_layout(title={"text": title})
    for trace in fig.data:
        for axis in ("x", "y"):
            values = getattr(trace, axis, None)
            if values is not None and any(isinstance(v, str) for v in values):
                trace.update({axis: plain.charts(values)})
        if isinstance(trace.name, str):
            trace.name = plain.chart(trace.name)
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return theme.style(fig, lang, presenter)


def _wrap(label: str, width: int = 14) -> str:
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


@_kept
def rate_bars(frame: pd.DataFrame, lang: str, presenter: bool, worst_first: bool = False) -> go.Figure:
    """Horizontal bars of ``rate`` per ``label``, each bar reading ``42 % (77 / 235)`` (``0 % (0 / 3)``
    too: the text stands beside the bar). Highest on top; lowest on top with ``worst_first``."""
    # plotly draws the first row at the bottom: rows reversed first, so equal rates read top-down
    # in the frame's (French) order
    rows = frame.iloc[::-1].sort_values("rate", ascending=not worst_first, na_position="first", kind="stable")
    text = [
        f"{fmt.percent(r, lang=lang)} ({fmt.integer(n, lang)} / {fmt.integer(d, lang)})"
        for r, n, d in zip(rows["rate"], rows["member_managers"], rows["managers"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["rate"].astype(float).fillna(0) * 100,
            y=rows["label"],
            orientation="h",
            text=text,
            customdata=rows.index.tolist(),  # the row's index in ``frame``, for a click that drills down
            marker_color=theme.PRIMARY,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
            **_outside_text(),
        )
    )
    fig.update_xaxes(**_pct_axis(lang, room=40 if presenter else 30, step=50 if presenter else 20))
    fig = _tall(_finish(fig, lang, presenter), len(rows), presenter)
    return fig


def _tall(fig: go.Figure, bars: int, presenter: bool) -> go.Figure:
    """Room for every bar's label: horizontal bar charts grow with their rows."""
    # as tall as its bars need, no taller: one bar is not a block filling the chart
    fig.update_layout(height=max(200, (60 if presenter else 34) * bars + 120))
    return fig


@_kept
def funnel(frame: pd.DataFrame, population: str, lang: str, presenter: bool) -> go.Figure:
    """The involvement funnel: ``people`` per ``level`` (eligible → leads), each step named for
    ``population`` (managers or staff)."""
    labels = [code_label(f"funnel_{population}", level, lang) for level in frame["level"]]
    return _funnel(labels, frame["people"], lang, presenter)


def _funnel(
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
    return _finish(fig, lang, presenter)


@_kept
def growth(frame: pd.DataFrame, marks: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Members and member managers at each month's end, with milestones marked above the lines."""
    months = _each_once(frame["month"], fmt.month_year, lang)
    fig = go.Figure()
    for column in ("members", "member_managers"):
        colour = palette.series(column)
        fig.add_scatter(
            x=frame["month"],
            y=frame[column],
            name=t(column, lang),
            mode="lines",
            line={"color": colour, "width": 3},
            customdata=months,
            hovertemplate="%{customdata} : %{y:,.0f}<extra>" + t(column, lang) + "</extra>",
        )
    top = frame["members"].max() if len(frame) else 0
    _milestones(fig, marks, top, lang)
    shown = [d for trace in fig.data[2:] for d in trace.x]  # the milestones' days, whole too
    _month_axis(fig, frame["month"], lang, presenter=presenter, also=shown)
    return theme.count_axis(_finish(fig, lang, presenter), top * 1.1 if top else 0)


_MARKS = {"seminar": ("diamond", theme.OKABE_ITO[5]), "group": ("star", theme.OKABE_ITO[2])}
# Milestones of a kind marked one by one up to this many; beyond (1 100 at 100× the demo: a band of
# overlapping diamonds no one can hover, and seconds of drawing), one marker per month, reading
# how many (« 100 séminaires »).
MOST_MARKS = 60


def _each_once(values, formatter: Callable, lang: str) -> list[str]:
    """``formatter(v, lang)`` for each of ``values``, computed once per distinct value (babel is slow)."""
    values = list(values)
    done = {v: formatter(v, lang) for v in dict.fromkeys(values)}
    return [done[v] for v in values]


def _milestones(fig: go.Figure, marks: pd.DataFrame, top, lang: str) -> None:
    for kind, (symbol, colour) in _MARKS.items():
        rows = marks[marks["kind"] == kind]
        if rows.empty:
            continue
        if len(rows) > MOST_MARKS:
            x, customdata = _by_month(rows, kind, lang)
        else:
            x = rows["day"]
            customdata = [
                [d, plain.chart(label)]
                for d, label in zip(_each_once(rows["day"], fmt.date, lang), rows["label"], strict=True)
            ]
        fig.add_scatter(
            x=x,
            y=[top * 1.08 if top else 1] * len(x),
            mode="markers",
            name=t(f"milestone.{kind}", lang),
            marker={"symbol": symbol, "size": 12, "color": colour},
            customdata=customdata,
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        )


def _by_month(rows: pd.DataFrame, kind: str, lang: str) -> tuple[list, list]:
    """One marker per month of ``rows`` (at mid-month), its hover the month and how many milestones
    (a month's lone milestone keeps its date and name)."""
    days = pd.to_datetime(rows["day"])
    month = days.dt.to_period("M").dt.to_timestamp()
    x, customdata = [], []
    for start, group in rows.groupby(month.to_numpy(), sort=True):
        x.append(pd.Timestamp(start) + pd.Timedelta(days=14))
        if len(group) == 1:
            customdata.append([fmt.date(group["day"].iloc[0], lang), plain.chart(group["label"].iloc[0])])
        else:
            count = t(f"milestone.{kind}.n", lang, n=fmt.integer(len(group), lang))
            customdata.append([fmt.month_year(pd.Timestamp(start), lang), count])
    return x, customdata


@_kept
def rate_line(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Manager participation rate at each month's end."""
    fig = go.Figure(
        go.Scatter(
            x=frame["month"],
            y=frame["rate"] * 100,
            mode="lines",
            line={"color": theme.PRIMARY, "width": 3},
            customdata=[
                [fmt.month_year(m, lang), fmt.percent(r, lang=lang)]
                for m, r in zip(frame["month"], frame["rate"], strict=True)
            ],
            hovertemplate="%{customdata[0]} : %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_yaxes(**_pct_axis(lang))
    _month_axis(fig, frame["month"], lang, max_ticks=6, presenter=presenter, pad=False)  # drawn half-width
    return _finish(fig, lang, presenter)


@_kept
def cohort_heatmap(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Share still members per joining year (rows) and months after joining (columns)."""
    columns = [c for c in frame.columns if c.startswith("m") and c[1:].isdigit()]
    values = frame[columns].astype(float)
    fig = go.Figure(
        go.Heatmap(
            z=values.to_numpy() * 100,
            x=[t("cohort.m", lang, n=c[1:]) for c in columns],
            y=[
                f"{c} ({fmt.integer(n, lang)})"
                for c, n in zip(frame["cohort"], frame["joiners"], strict=True)
            ],
            text=[
                [fmt.percent(v, lang=lang) if pd.notna(v) else "" for v in row] for row in values.to_numpy()
            ],
            texttemplate="%{text}",
            textfont=theme.cell_font(presenter),
            colorscale=theme.SEQUENTIAL,
            zmin=0,
            zmax=100,
            showscale=False,
            hovertemplate="%{y} · %{x} : %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    return _finish(fig, lang, presenter)


@_kept
def monthly_stack(
    frame: pd.DataFrame, value: str, by: str, enum: str, lang: str, presenter: bool, unit: str = ""
) -> go.Figure:
    """Stacked monthly bars of ``value`` split by the code column ``by`` (labels from ``enum``), each
    bar on its month's first day, under its month's label (a month given by its last day too)."""
    frame = frame.assign(month=pd.to_datetime(frame["month"]).dt.to_period("M").dt.to_timestamp())
    fig = go.Figure()
    for position, code in enumerate(_in_code_order(frame[by].unique(), enum)):
        rows = frame[frame[by] == code]
        fig.add_bar(
            x=rows["month"],
            y=rows[value],
            name=code_label(enum, code, lang),
            marker_color=theme.colour(enum, code, position),
            customdata=[fmt.month_year(m, lang) for m in rows["month"]],
            hovertemplate="%{customdata} : %{y:,.1~f}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.15)
    _month_axis(fig, frame["month"], lang, presenter=presenter)
    fig = _finish(fig, lang, presenter)
    if unit:
        return fig.update_yaxes(ticksuffix=f"{fmt.NBSP}{unit}")
    top = frame.groupby("month")[value].sum().max() if len(frame) else 0
    return theme.count_axis(fig, top)


def _in_code_order(codes, enum: str) -> list:
    """Codes in the contract's order (attended before absent…), so colours mean the same everywhere."""
    order = list(CODES.get(enum, {}))
    return sorted(codes, key=lambda c: (order.index(c) if c in order else len(order), str(c)))


# Bars a chart of groups draws one by one; the others are gathered in one « Autres (n) » bar (at
# 100× the demo, 300 groups: a 10 000 px chart no one reads, on a projector least of all). The
# chart's download keeps every row.
MOST_BARS = 15


def _shown_rows(frame: pd.DataFrame, label: str, value: str, key: str, lang: str) -> pd.DataFrame:
    """The ``MOST_BARS`` rows of largest ``value`` (in the frame's order), then one « Autres (n) »
    row summing the ``n`` others' ``value``; a label some shown rows share gets its ``key``
    (« Bon accueil (G-ACCUEIL-R001) »): plotly would draw them as one bar."""
    most = MOST_BARS
    if len(frame) > most + 1:
        kept = frame.loc[frame[value].sort_values(ascending=False, kind="stable").index[:most]].sort_index()
        others = frame.drop(kept.index)
        gathered = {label: t("others", lang, n=fmt.integer(len(others), lang)), value: others[value].sum()}
        frame = pd.concat([_keyed(kept, label, key), pd.DataFrame([gathered])], ignore_index=True)
        return frame
    return _keyed(frame, label, key)


def _keyed(frame: pd.DataFrame, label: str = "label", key: str = "key") -> pd.DataFrame:
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
    many rows is gathered (``_shown_rows``)."""
    if key:
        frame = _shown_rows(frame, label, value, key, lang)
    texts = text if isinstance(text, list) else _each_once(frame[value], text, lang)
    fig = go.Figure(
        go.Bar(
            x=frame[value],
            y=frame[label],
            orientation="h",
            text=texts,
            marker_color=theme.PRIMARY,
            hovertemplate="%{y} : %{text}<extra></extra>",
            **_outside_text(),
        )
    )
    top = frame[value].max() if len(frame) else 0
    # room beside the longest bar for its text (about 2.5 % of the width per character)
    room = 1 + 0.025 * max((len(x) for x in texts), default=0) * (1.3 if presenter else 1)
    fig.update_xaxes(range=[0, float(top) * max(room, 1.2) if top and top > 0 else 1])
    fig.update_yaxes(autorange="reversed", type="category")
    return _tall(_finish(fig, lang, presenter), len(frame), presenter)


@_kept
def load_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Rows loaded and rejected per table, stacked (their sum is the rows read)."""
    fig = go.Figure()
    for column, colour in (("rows_loaded", theme.PRIMARY), ("rows_rejected", theme.BAD)):
        fig.add_bar(
            x=frame[column],
            y=[t(f"table.{name}", lang) for name in frame["table_name"]],
            orientation="h",
            name=t(column, lang),
            marker_color=colour,
            hovertemplate="%{y} : %{x:,.0f}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", type="category")
    fig = _tall(_finish(fig, lang, presenter), len(frame), presenter)
    return theme.count_axis(fig, (frame["rows_loaded"] + frame["rows_rejected"]).max(), axis="x")


# --- surveys: hidden cells (etl.model.survey_results) carry no value, only their reason -----------


def _hidden(reason, lang: str, short: bool = False) -> str:
    return code_label("suppression_short" if short else "suppression", reason, lang)


def _theme_label(code, lang: str) -> str:
    """A theme's label (an unknown theme is its name from the data) as plotly text, never markup."""
    return plain.chart(code_label("survey_theme", code, lang))


@_kept
def likert_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Favourable, neutral and unfavourable shares per theme (``etl.model.survey_results.theme_scores``), stacked
    to 100 %; a hidden theme shows why instead of bars."""
    labels = [_theme_label(v, lang) for v in frame["theme"]]
    fig = go.Figure()
    for column, colour in (
        ("unfavourable", theme.BAD),
        ("neutral", theme.NEUTRAL),
        ("favourable", theme.GOOD),
    ):
        shares = frame[column].astype(float)
        fig.add_bar(
            x=shares * 100,
            y=labels,
            orientation="h",
            name=t(column, lang),
            marker_color=colour,
            # a segment under 8 % has no room for its text: the hover still gives it
            text=[fmt.percent(v, lang=lang) if pd.notna(v) and v >= 0.08 else "" for v in shares],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
            customdata=[fmt.percent(v, lang=lang) if pd.notna(v) else "" for v in shares],
            hovertemplate="%{y} : %{customdata}<extra>%{fullData.name}</extra>",
        )
    for label, reason in zip(labels, frame["reason"], strict=True):
        if pd.notna(reason):
            fig.add_annotation(x=50, y=label, text=_hidden(reason, lang), showarrow=False)
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_xaxes(**_pct_axis(lang))
    fig.update_yaxes(autorange="reversed", type="category")
    return _tall(_finish(fig, lang, presenter), len(frame), presenter)


@_kept
def share_groups(
    frame: pd.DataFrame, by: str, names: dict, value: str, lang: str, presenter: bool
) -> go.Figure:
    """Horizontal bars of the share ``value`` per theme, one bar per value of ``by`` named by ``names``
    (members against non-members, one survey against the next); hidden bars read why."""
    fig = go.Figure()
    for key, name in names.items():
        rows = frame[frame[by] == key]
        shares = rows[value].astype(float)
        fig.add_bar(
            x=shares.fillna(0) * 100,
            y=[_theme_label(v, lang) for v in rows["theme"]],
            orientation="h",
            name=plain.chart(name),
            text=[
                fmt.percent(v, lang=lang) if pd.notna(v) else _hidden(r, lang, short=True)
                for v, r in zip(shares, rows["reason"], strict=True)
            ],
            hovertemplate="%{y} : %{text}<extra>%{fullData.name}</extra>",
            **_outside_text(),
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(**_pct_axis(lang, room=25, step=25))  # five ticks: level in half a page too
    fig.update_yaxes(autorange="reversed", type="category")
    return _tall(_finish(fig, lang, presenter), frame["theme"].nunique() * max(1, len(names)), presenter)


@_kept
def survey_heatmap(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Favourable share per theme (columns) and row (organisation, or direction within it), from the
    long frame of ``etl.model.survey_results.theme_heatmap``; a hidden cell is blank and reads why."""
    rows = frame.assign(row=frame["direction"].fillna(frame["organisation"]))  # escaped once, in _finish
    # rows in French reading order, the "(not given)" row last
    names = sorted(dict.fromkeys(rows["row"]), key=lambda n: (str(n).startswith("("), collate.key(n, lang)))
    themes = list(dict.fromkeys(rows["theme"]))
    at = {
        (r, th): (v, why)
        for r, th, v, why in zip(rows["row"], rows["theme"], rows["favourable"], rows["reason"], strict=True)
    }
    cells = [[at.get((r, th), (pd.NA, None)) for th in themes] for r in names]
    fig = go.Figure(
        go.Heatmap(
            z=[[float(v) * 100 if pd.notna(v) else None for v, _ in row] for row in cells],
            x=[_theme_label(th, lang) for th in themes],  # wrapped in the ticks below, once escaped
            y=names,
            text=[
                [
                    fmt.percent(v, lang=lang)
                    if pd.notna(v)
                    else _hidden(why, lang, True)
                    if pd.notna(why)
                    else ""
                    for v, why in row
                ]
                for row in cells
            ],
            customdata=[[_hidden(why, lang) if pd.notna(why) else "" for _, why in row] for row in cells],
            texttemplate="%{text}",
            textfont=theme.cell_font(presenter),  # as large as the row labels
            colorscale=theme.SEQUENTIAL,
            zmin=0,
            zmax=100,
            showscale=False,
            hoverongaps=False,
            hovertemplate="%{y} · %{x} : %{text} %{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig = _tall(_finish(fig, lang, presenter), len(names), presenter)
    # column headers level, on several lines, never slanted over one another
    columns = list(fig.data[0].x)
    fig.update_xaxes(
        side="top",
        tickangle=0,
        tickvals=columns,
        ticktext=[_wrap(c, 9 if presenter else 10) for c in columns],
    )
    if presenter:  # projector type: row labels on two lines and headers at the floor size leave
        # each column room for its header (at 1 280 px they ran over one another)
        rows = list(fig.data[0].y)
        fig.update_yaxes(tickvals=rows, ticktext=[_wrap(r, 22) for r in rows])
        fig.update_xaxes(tickfont={"size": theme.MIN_PRESENTER_FONT})
    return fig


@_kept
def nps_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Share of answers per score 0–10 (``etl.model.survey_results.nps_distribution``), coloured by category."""
    colours = {"detractor": theme.BAD, "passive": theme.NEUTRAL, "promoter": theme.GOOD}
    fig = go.Figure()
    for category, colour in colours.items():
        rows = frame[frame["category"] == category]
        shares = rows["share"].astype(float)
        fig.add_bar(
            x=rows["score"],
            y=shares * 100,
            name=code_label("nps_category", category, lang),
            marker_color=colour,
            text=[fmt.percent(v, lang=lang) if pd.notna(v) else "" for v in shares],
            textposition="outside",
            hovertemplate="%{x} : %{text}<extra>%{fullData.name}</extra>",
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(range(11)))
    fig.update_yaxes(ticksuffix=f"{fmt.NBSP}%" if lang == "fr" else "%")
    fig.update_traces(textangle=0, cliponaxis=False)
    fig = _finish(fig, lang, presenter)
    # every bar's text in one size (plotly shrinks each to its bar: 23 % beside 8 % looked random)
    return fig.update_layout(
        uniformtext={"minsize": theme.SIZES[bool(presenter)]["tick"] - 2, "mode": "show"}
    )


@_kept
def hours_bars(frame: pd.DataFrame, dimension: str, lang: str, presenter: bool) -> go.Figure:
    """Hours invested per kind, group or organisation (``etl.model.queries.hours_by``)."""
    if dimension == "kind":
        labels = [code_label("kind", k, lang) for k in frame["key"]]
    else:
        labels = [
            t("no_group", lang) if pd.isna(k) else v
            for k, v in zip(frame["key"], frame["label"], strict=True)
        ]
    shown = frame.assign(label=labels)
    # « 1 974 h » beside « 5 768 h »; groups and organisations may be many: gathered beyond MOST_BARS
    key = None if dimension == "kind" else "key"
    fig = value_bars(shown, "label", "hours", fmt.whole_hours, lang, presenter, key)
    return fig.update_xaxes(ticksuffix=f"{fmt.NBSP}h")


@_kept
def stage_funnel(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """From ideas to actions done: ``count`` per ``level``, each level a headline indicator."""
    colours = [theme.GOOD if level == "actions_done" else theme.PRIMARY for level in frame["level"]]
    return _funnel([t(level, lang) for level in frame["level"]], frame["count"], lang, presenter, colours)


@_kept
def status_bars(frame: pd.DataFrame, dimension: str, lang: str, presenter: bool) -> go.Figure:
    """Horizontal bars of ``actions`` per ``label``, stacked by status at D (``etl.model.queries.actions_by``)."""
    missing = t("no_group" if dimension == "group" else "not_given", lang)
    labels = [
        code_label("action_status", k, lang) if dimension == "status" else (missing if pd.isna(v) else v)
        for k, v in zip(frame["key"], frame["label"], strict=True)
    ]
    shown = frame.assign(label=labels)
    order = collate.sort(set(labels), lang)
    if dimension == "group":
        shown, order = _shown_groups(shown, lang)
    fig = go.Figure()
    for code in _in_code_order(shown["status"].unique(), "action_status"):
        rows = shown[shown["status"] == code]
        fig.add_bar(
            x=rows["actions"],
            y=rows["label"],
            orientation="h",
            name=code_label("action_status", code, lang),
            marker_color=theme.colour("action_status", code),
            hovertemplate="%{y} : %{x:,.0f}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(
        autorange="reversed", type="category", categoryorder="array", categoryarray=plain.charts(order)
    )
    fig = _tall(_finish(fig, lang, presenter), len(order), presenter)
    return theme.count_axis(fig, shown.groupby("label")["actions"].sum().max() if len(shown) else 0, "x")


def _shown_groups(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The rows (key, label, status, actions) of the ``MOST_BARS`` groups with most actions, then the
    others' actions summed per status under « Autres (n) »; and the bars' order (names in reading
    order, « Autres » last). A name several groups share gets their key, as ``_keyed``."""
    totals = frame.groupby("key", dropna=False, sort=False)["actions"].sum()
    if len(totals) <= MOST_BARS + 1:
        kept = _keyed(frame)
        return kept, collate.sort(set(kept["label"]), lang)
    top = totals.sort_values(ascending=False, kind="stable").index[:MOST_BARS]
    inside = frame["key"].isin(top)  # the groupless actions' null key too, when among the top
    kept = _keyed(frame[inside])
    others = t("others", lang, n=fmt.integer(len(totals) - MOST_BARS, lang))
    rest = frame[~inside].groupby("status", as_index=False)["actions"].sum().assign(key=None, label=others)
    return pd.concat([kept, rest], ignore_index=True), [*collate.sort(set(kept["label"]), lang), others]


@_kept
def planned_spent_bars(
    frame: pd.DataFrame, label: str, lang: str, presenter: bool, enum: str = ""
) -> go.Figure:
    """Planned against spent (euros) per ``label`` (a year or a category), side by side."""
    labels = [code_label(enum, v, lang) if enum else str(v) for v in frame[label]]
    fig = go.Figure()
    for column in ("planned_eur", "spent_eur"):  # grey and blue: the deck's and the Excel's colours
        fig.add_bar(
            x=labels,
            y=frame[column],
            name=t(column, lang),
            marker_color=palette.series(column),
            customdata=[fmt.euros(v, lang) for v in frame[column]],
            hovertemplate="%{x} : %{customdata}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")  # slanted where they do not fit level (etl.figures.margins)
    _euro_axis(fig, lang)
    return _finish(fig, lang, presenter)


@_kept
def cumulative_spending(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Cumulative spending at each month's end (``etl.model.queries.budget_cumulative``)."""
    fig = go.Figure(
        go.Scatter(
            x=frame["month"],
            y=frame["cumulative_spent_eur"],
            mode="lines",
            line={"color": theme.PRIMARY, "width": 3, "shape": "hv"},
            fill="tozeroy",
            customdata=[
                [fmt.month_year(m, lang), fmt.euros(c, lang), fmt.euros(s, lang)]
                for m, c, s in zip(
                    frame["month"], frame["cumulative_spent_eur"], frame["spent_eur"], strict=True
                )
            ],
            hovertemplate="%{customdata[0]} : %{customdata[1]} (+%{customdata[2]})<extra></extra>",
        )
    )
    _euro_axis(fig, lang)
    _month_axis(fig, frame["month"], lang, presenter=presenter, pad=False)
    return _finish(fig, lang, presenter)


def _euro_axis(fig: go.Figure, lang: str, axis: str = "y") -> None:
    """Whole euros on the value axis, ``30 000 €`` (plotly would write ``30k``)."""
    unit = {"ticksuffix": f"{fmt.NBSP}€"} if lang == "fr" else {"tickprefix": "€"}
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(tickformat=",.0f", **unit)


@_kept
def euro_bars(
    frame: pd.DataFrame, label: str, value: str, lang: str, presenter: bool, key: str | None = None
) -> go.Figure:
    """Horizontal bars of euros ``value`` per ``label``, largest on top; with ``key`` (the rows'
    identity), beyond ``MOST_BARS`` rows the others gathered in one « Autres (n) » bar."""
    fig = value_bars(frame, label, value, fmt.euros, lang, presenter, key)
    _euro_axis(fig, lang, axis="x")
    return fig


@_kept
def role_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """People per role of the network at D (``etl.model.page_reads.roles_at``), in the roles' order."""
    shown = frame.assign(label=[code_label("role", r, lang) for r in frame["role"]])
    fig = value_bars(shown, "label", "people", fmt.integer, lang, presenter)
    return theme.count_axis(fig, frame["people"].max() if len(frame) else 0, axis="x")


@_kept
def per_participant_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Hours per participant for each organisation, from the contract's ``hours`` breakdown by
    organisation: the organisation's hours / its participants (members or not), as the headline."""
    rows = frame.dropna(subset=["label"]).reset_index(drop=True)
    per = rows["hours"] / rows["participants"].where(rows["participants"] > 0)
    # the participants in the bar's name, the bar's text short enough to stand beside it
    names = [
        f"{o} ({fmt.integer(n, lang)})" for o, n in zip(rows["label"], rows["participants"], strict=True)
    ]
    # a ratio per organisation: never summed into an « Autres » bar (no key)
    shown = rows.assign(per=per.fillna(0), name=names)
    fig = value_bars(shown, "name", "per", [fmt.hours(v, lang) for v in per], lang, presenter)
    return fig.update_xaxes(ticksuffix=f"{fmt.NBSP}h")


def spec_chart(chart, lang: str, presenter: bool = False) -> go.Figure:
    """A slide's chart (``etl.documents.deck.Chart``: kind bar, column, line or doughnut, its categories and
    series, its values' kind) as a plotly figure in the house theme: the slideshow and the offline
    report draw the very data the PowerPoint deck plots natively."""
    percent = chart.value_kind == "pct"
    categories = list(chart.categories)
    fig = go.Figure()
    for i, series in enumerate(chart.series):
        values = [None if v is None else v * 100 if percent else v for v in series.values]
        text = [fmt.of_kind(v, chart.value_kind, lang) for v in series.values]
        colour = palette.series(series.key, i)  # the deck's colour for the same series
        if chart.kind == "doughnut":
            fig.add_trace(
                go.Pie(
                    labels=categories,
                    values=values,
                    hole=0.55,
                    text=text,
                    sort=False,
                    direction="clockwise",
                    textinfo="text",
                    textposition="outside",
                    marker={"colors": [palette.PRIMARY, palette.REST]},
                    name=series.name,
                    hovertemplate="%{label} : %{text}<extra></extra>",
                )
            )
        elif chart.kind == "line":
            fig.add_trace(
                go.Scatter(
                    x=categories,
                    y=values,
                    mode="lines",
                    name=series.name,
                    line={"color": colour, "width": 4 if presenter else 2.5},
                )
            )
        else:
            across = {"x": values, "y": categories} if chart.kind == "bar" else {"x": categories, "y": values}
            fig.add_trace(
                go.Bar(
                    **across,
                    orientation="h" if chart.kind == "bar" else "v",
                    name=series.name,
                    text=text,
                    marker_color=colour,
                    hovertemplate="%{text}<extra></extra>",
                    **_outside_text(),
                )
            )
    _finish(fig, lang, presenter)
    if chart.kind == "doughnut":
        return fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 0.5, "yanchor": "middle"})
    top = max((v for s in chart.series for v in s.values if v is not None), default=0)
    value_axis, category_axis = (
        (fig.update_xaxes, fig.update_yaxes) if chart.kind == "bar" else (fig.update_yaxes, fig.update_xaxes)
    )
    category_axis(
        type="category", tickangle=0, **({"nticks": 6 if presenter else 12} if chart.kind == "line" else {})
    )
    if percent:
        value_axis(**_pct_axis(lang, room=30 if chart.kind == "bar" else 15))
    elif chart.value_kind == "int":
        theme.count_axis(fig, top, axis="x" if chart.kind == "bar" else "y")
        if top > 5:
            value_axis(range=[0, top * 1.15])  # room for the texts above the columns
    else:
        value_axis(range=[0, top * (1.3 if chart.kind == "bar" else 1.15) or 1])
        if chart.value_kind == "eur":
            _euro_axis(fig, lang, axis="x" if chart.kind == "bar" else "y")
        else:
            value_axis(ticksuffix=f"{fmt.NBSP}h")
    if len(chart.series) > 1 and chart.kind != "line":
        fig.update_layout(barmode="group")
    return margins.fit(_tall(fig, len(categories), presenter) if chart.kind == "bar" else fig)


# --- working across directions and who carries the effort ---------------------------


def group_label(code, lang: str) -> str:
    """A group's name as shown: the gathered small groups (etl.model.working_across.OTHERS) worded."""
    return t("transversality.others", lang) if code == OTHERS else code


@_kept
def cross_share_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Horizontal bars of each group's share of hours spent with another group, reading
    ``87 % (17 directions)``; the most working across on top, the gathered groups last."""
    rows = frame.iloc[::-1].reset_index(drop=True)
    names = [group_label(v, lang) for v in rows["label"]]
    # on a projector the share alone (« 100 % (13 rencontrées) » at projector type ran past the edge)
    text = [
        fmt.percent(s, lang=lang)
        if presenter
        else t("transversality.bar", lang, p=fmt.percent(s, lang=lang), n=fmt.integer(m, lang))
        for s, m in zip(rows["cross_hours_share"], rows["groups_met"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["cross_hours_share"].astype(float).fillna(0) * 100,
            y=names,
            orientation="h",
            text=text,
            marker_color=theme.PRIMARY,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
            **_outside_text(),
        )
    )
    fig.update_xaxes(**_pct_axis(lang, room=40, step=50 if presenter else 20))
    return _tall(_finish(fig, lang, presenter), len(rows), presenter)


_ARTICLES = ("générale des ", "de la ", "de l'", "des ", "du ", "de ", "d'")


def short_name(name: str) -> str:
    """A direction's name without « Direction de la » (« Culture »), for a crowded drawing; the
    full name stays in the hover and the download."""
    if not name.startswith("Direction "):
        return name
    rest = name.removeprefix("Direction ")
    for article in _ARTICLES:
        if rest.startswith(article) and article != "générale des ":
            rest = rest.removeprefix(article)
            break
    return rest[:1].upper() + rest[1:]


def _links_matrix(links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The symmetric group × group matrix of hours in common (0 where two groups never met)."""
    both = pd.concat([links, links.rename(columns={"label": "other", "other": "label"})])
    names = collate.sort_frame(pd.DataFrame({"label": sorted(set(both["label"]))}), "label")["label"].tolist()
    names = [n for n in names if n != OTHERS] + [n for n in names if n == OTHERS]
    matrix = both.pivot_table(index="label", columns="other", values="hours", aggfunc="sum")
    matrix = matrix.reindex(index=names, columns=names)
    matrix.index = matrix.columns = [group_label(n, lang) for n in names]
    return matrix


@_kept
def links_heatmap(links: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Who meets whom: the hours of the sessions each pair of groups attended together."""
    matrix = _links_matrix(links, lang)
    names = list(matrix.index)
    text = [[fmt.whole_hours(v, lang) if pd.notna(v) else "" for v in row] for row in matrix.to_numpy()]
    full = [[f"{a} · {b}" for b in names] for a in names]
    short = [short_name(n) for n in names]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=short,
            y=short,
            text=text,
            customdata=full,
            colorscale=theme.SEQUENTIAL,
            showscale=False,
            xgap=1,
            ygap=1,
            hovertemplate="%{customdata} : %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category", side="bottom")
    fig = _finish(fig, lang, presenter)
    return fig.update_layout(height=max(360, (44 if presenter else 28) * len(names) + 220))


MOST_LINKS = 60  # the strongest pairs drawn in the network; the heat map shows them all


@_kept
def links_network(links: pd.DataFrame, groups: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The groups as points placed by a force layout (networkx, spring: pairs with more hours in
    common pulled closer), lines as wide as their hours, points as large as their participants."""
    strongest = links.nlargest(MOST_LINKS, "hours")
    top = float(links["hours"].max()) if len(links) else 1.0
    graph = nx.Graph()
    graph.add_nodes_from(groups["label"])
    # every pair places the points (the strongest only would leave the others adrift), with weights
    # 0–1 (hours / the most): raw hours pulled every point onto one spot
    pairs = links[["label", "other", "hours"]].itertuples(index=False, name=None)
    graph.add_weighted_edges_from((a, b, hours / top) for a, b, hours in pairs)
    place = nx.spring_layout(graph, weight="weight", seed=7, iterations=300)
    fig = go.Figure()
    for a, b, hours in strongest[["label", "other", "hours"]].itertuples(index=False, name=None):
        (x0, y0), (x1, y1) = place[a], place[b]
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"color": theme.NEUTRAL, "width": 1 + 11 * hours / top},
                opacity=0.5,
            )
        )
    people = groups.set_index("label")["participants"]
    names = [short_name(group_label(n, lang)) for n in graph.nodes]
    biggest = float(people.max()) if len(people) else 1.0
    fig.add_trace(
        go.Scatter(
            x=[place[n][0] for n in graph.nodes],
            y=[place[n][1] for n in graph.nodes],
            mode="markers+text",
            text=names,
            textposition="top center",
            showlegend=False,
            cliponaxis=False,
            marker={
                "size": [12 + 28 * people.get(n, 0) / biggest for n in graph.nodes],
                "color": theme.PRIMARY,
            },
            customdata=[
                f"{group_label(n, lang)} · "
                + t("transversality.participants", lang, n=fmt.integer(people.get(n, 0), lang))
                for n in graph.nodes
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    # room around the points for their names (a name at the edge was cut: « ports et de la jeunesse »)
    xs, ys = [x for x, _ in place.values()] or [0], [y for _, y in place.values()] or [0]
    fig.update_xaxes(visible=False, range=[min(xs) - 0.45, max(xs) + 0.45])
    fig.update_yaxes(visible=False, range=[min(ys) - 0.15, max(ys) + 0.2])
    fig = _finish(fig, lang, presenter)
    return fig.update_layout(height=680 if presenter else 560)


@_kept
def quarter_share_line(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The share of hours spent with another direction, quarter by quarter (« T1 2015 »)."""
    quarters = [fmt.quarter(q, lang) for q in frame["quarter"]]
    fig = go.Figure(
        go.Scatter(
            x=quarters,
            y=frame["cross_hours_share"].astype(float) * 100,
            mode="lines+markers",
            line={"color": theme.PRIMARY, "width": 4 if presenter else 3},
            text=[fmt.percent(v, lang=lang) for v in frame["cross_hours_share"]],
            hovertemplate="%{x} : %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", tickangle=0, nticks=6 if presenter else 12)
    fig.update_yaxes(**_pct_axis(lang))
    return _finish(fig, lang, presenter)


@_kept
def effort_curve(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The Lorenz curve of hours per participant, the most involved first: the share of the hours
    (y) carried by the first share of participants (x); the diagonal is an even effort."""
    x, y = frame["people_share"].astype(float) * 100, frame["hours_share"].astype(float) * 100
    text = [
        t("effort.point", lang, p=fmt.percent(p, lang=lang), h=fmt.percent(h, lang=lang))
        for p, h in zip(frame["people_share"], frame["hours_share"], strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 100],
            y=[0, 100],
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"color": theme.NEUTRAL, "dash": "dot", "width": 1.5},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[0, *x],
            y=[0, *y],
            mode="lines",
            showlegend=False,
            text=["", *text],
            line={"color": theme.PRIMARY, "width": 4 if presenter else 3},
            hovertemplate="%{text}<extra></extra>",
        )
    )
    tenth = frame[frame["people_share"] >= 0.1].head(1)
    if len(tenth):
        share = float(tenth["hours_share"].iloc[0])
        fig.add_trace(
            go.Scatter(
                x=[10],
                y=[share * 100],
                mode="markers+text",
                showlegend=False,
                marker={"size": 12, "color": theme.ACCENT},
                textposition="middle right",
                text=[
                    t("effort.tenth", lang, p=fmt.percent(0.1, lang=lang), h=fmt.percent(share, lang=lang))
                ],
                hoverinfo="skip",
                cliponaxis=False,
            )
        )
    # no axis titles (etl.figures.margins leaves them no room: plotly drew the chart twice); the caption and
    # each point's hover say what the axes are
    fig.update_xaxes(**_pct_axis(lang))
    fig.update_yaxes(**_pct_axis(lang))
    return _finish(fig, lang, presenter)


def theme_label(code, lang: str) -> str:
    """A lever's theme as written, « Non renseigné » when none."""
    return t("not_given", lang) if code is None or code != code else code


@_kept
def lever_bars(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Hours per theme, most first, each bar reading ``1 258 h · 317 participants``."""
    rows = frame.assign(name=[theme_label(v, lang) for v in frame["label"]])
    texts = [
        t_count("levers.bar", n, lang, h=fmt.whole_hours(h, lang), n=fmt.integer(n, lang))
        for h, n in zip(rows["hours"], rows["participants"], strict=True)
    ]
    fig = value_bars(rows, "name", "hours", texts, lang, presenter)
    return fig.update_xaxes(ticksuffix=f"{fmt.NBSP}h")


MOST_THEMES = 6  # the lines drawn in the change of the levers; the download keeps every theme


@_kept
def theme_years(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """Hours per year of the themes with the most hours, one line each."""
    leading = frame.groupby("label", dropna=False)["hours"].sum().nlargest(MOST_THEMES).index
    fig = go.Figure()
    for i, code in enumerate(leading):
        rows = frame[frame["label"].isna()] if code != code or code is None else frame[frame["label"] == code]
        fig.add_trace(
            go.Scatter(
                x=rows["year"].astype(str),
                y=rows["hours"],
                mode="lines+markers",
                name=theme_label(code, lang),
                line={"color": theme.OKABE_ITO[i % len(theme.OKABE_ITO)], "width": 4 if presenter else 2.5},
                text=[fmt.whole_hours(v, lang) for v in rows["hours"]],
                hovertemplate="%{x} : %{text}<extra></extra>",
            )
        )
    fig.update_xaxes(type="category", tickangle=0)
    fig.update_yaxes(ticksuffix=f"{fmt.NBSP}h", rangemode="tozero")
    return _finish(fig, lang, presenter)


def node_label(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each roadmap node's name, « (non renseigné) » for an axis or a group not given."""
    return [theme_label(v, lang) for v in frame["label"]]


INDENT = {"axis": "", "group": "\u2003", "action": "\u2003\u2003"}  # em spaces: a table keeps them


def indented(frame: pd.DataFrame, lang: str) -> list[str]:
    """The roadmap's names indented by level (axis, then its groups, then their actions)."""
    return [INDENT[level] + name for level, name in zip(frame["level"], node_label(frame, lang), strict=True)]


@_kept
def roadmap_treemap(frame: pd.DataFrame, lang: str, presenter: bool) -> go.Figure:
    """The roadmap as nested boxes (axis → group → action), each as large as its actions and lit
    by its light (an axis or a group red when a quarter of its actions are late)."""
    texts = [
        t(
            "roadmap.box",
            lang,
            n=fmt.integer(n, lang),
            late=fmt.integer(late, lang),
            p=fmt.percent(p / 100 if p == p and p is not None else None, lang=lang),
        )
        if level != "action"
        else fmt.percent(p / 100 if p == p and p is not None else None, lang=lang)
        for level, n, late, p in zip(
            frame["level"], frame["actions"], frame["late"], frame["progress_pct"], strict=True
        )
    ]
    fig = go.Figure(
        go.Treemap(
            ids=frame["id"],
            parents=frame["parent"],
            labels=plain.charts(node_label(frame, lang)),
            values=frame["actions"],
            branchvalues="total",
            text=texts,
            texttemplate="<b>%{label}</b><br>%{text}",
            hovertemplate="%{label}<br>%{text}<extra></extra>",
            marker={"colors": [theme.LIGHTS[light] for light in frame["light"]]},
            maxdepth=3,
            textfont={"size": 20 if presenter else 13},
        )
    )
    fig = _finish(fig, lang, presenter)
    return fig.update_layout(height=720 if presenter else 560, margin={"l": 0, "r": 0, "t": 10, "b": 0})


@_kept
def compare_bars(frame: pd.DataFrame, kind: str, lang: str, presenter: bool) -> go.Figure:
    """One figure of several networks (``network``, ``value``), one bar each, largest on top; a
    network whose figure is hidden or missing reads « — »."""
    scale = 100 if kind == "pct" else 1  # a share drawn on the 0–100 % axis
    shown = frame.assign(value=frame["value"].astype(float).fillna(0) * scale)
    texts = [fmt.of_kind(v, kind, lang) for v in frame["value"]]
    fig = value_bars(shown, "network", "value", texts, lang, presenter)
    if kind == "pct":
        fig.update_xaxes(**_pct_axis(lang, room=25))
    elif kind == "eur":
        _euro_axis(fig, lang, axis="x")
    return fig
