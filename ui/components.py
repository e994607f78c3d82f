"""Layout pieces every page uses: headline cards, charts and tables with their CSV download.

Tables show text formatted by etl.text.format (Streamlit's number columns follow the
browser's locale, not the app's). Downloads carry the same columns under the same
translated headers, codes as their labels, but numbers and dates as values, so a
spreadsheet can still add them up. Presenter mode offers no download.
"""

from __future__ import annotations

import contextlib
import contextvars
import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from etl.figures import margins, memo, theme
from etl.intake.schema import french_names
from etl.model.view import Filters
from etl.text import format as fmt
from etl.text import plain
from etl.text.cells import raw_values, safe_text
from etl.text.i18n import code_label, t

# column kind -> formatter(value, lang)
FORMATTERS = {
    "int": lambda v, lang: fmt.integer(v, lang),
    "num": lambda v, lang: fmt.number(v, 1, lang),
    "pct": lambda v, lang: fmt.percent(v, lang=lang),
    "pct100": lambda v, lang: fmt.percent(None if pd.isna(v) else v / 100, lang=lang),  # 0–100 values
    "hours": lambda v, lang: fmt.hours(v, lang),
    "eur": lambda v, lang: fmt.euros(v, lang),
    "date": lambda v, lang: fmt.short_date(v, lang),
    "datetime": lambda v, lang: fmt.datetime(v, lang),
    "bool": lambda v, lang: t("yes" if v else "no", lang),
    "text": lambda v, lang: fmt.MISSING if pd.isna(v) else str(v),
    "label": lambda v, lang: t(v, lang),  # a value that is a key of the translations table
    "table": lambda v, lang: t(f"table.{v}", lang),
    "columns": lambda v, lang: source_columns(v),
    "raw": lambda v, lang: raw_values(v),
}


def source_columns(names: str) -> str:
    """``hire_date, is_manager`` -> ``Date d'entrée (hire_date), Encadrant (is_manager)``: the headers
    HR sees in its files, with the contract's names."""
    french = french_names()
    return ", ".join(f"{french[n]} ({n})" if n in french else n for n in str(names).split(", "))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for French Excel: ``;``, decimal comma, UTF-8 with BOM, no live formulas."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(safe_text)
    return safe.to_csv(sep=";", decimal=",", index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


# Kinds written to a download as values (numbers, dates); the others as the text the table shows.
VALUE_KINDS = {"int", "num", "pct", "pct100", "hours", "eur", "date", "datetime"}
# How a download writes a value: counts whole, every rate on one scale (percent, rounded to 0.1,
# its header ending in « (%) »), hours to 0.1, euros to the cent.
_VALUES = {
    "int": lambda s: pd.to_numeric(s).round().astype("Int64"),
    "num": lambda s: pd.to_numeric(s).astype("Float64").round(2),
    "pct": lambda s: (pd.to_numeric(s).astype("Float64") * 100).round(1),
    "pct100": lambda s: pd.to_numeric(s).astype("Float64").round(1),
    "hours": lambda s: pd.to_numeric(s).astype("Float64").round(1),
    "eur": lambda s: pd.to_numeric(s).astype("Float64").round(2),
}
PERCENT_KINDS = {"pct", "pct100"}


def export(
    frame: pd.DataFrame, columns: dict[str, str] | None, lang: str, headers: dict[str, str] | None = None
) -> pd.DataFrame:
    """What a download holds: ``columns`` under the table's headers, labels for codes, values for numbers.

    Without ``columns`` every column but the ``key`` of a ``key``/``label`` pair is kept, its kind
    read from its dtype and name (``inferred``). Percentages are 0–100 with « (%) » in the header.
    """
    columns = columns or inferred(frame)
    headers = headers or {}
    out = pd.DataFrame(index=frame.index)
    for column, kind in columns.items():
        header = headers.get(column) or t(column, lang)
        if kind in PERCENT_KINDS:
            header = t("pct_header", lang, h=header)
        if kind in _VALUES:
            out[header] = _VALUES[kind](frame[column])
        elif kind in VALUE_KINDS:
            out[header] = frame[column]
        elif kind.startswith("code:"):
            out[header] = [None if pd.isna(v) else code_label(kind[5:], v, lang) for v in frame[column]]
        else:
            out[header] = [None if _blank(v) else FORMATTERS[kind](v, lang) for v in frame[column]]
    return out


def _blank(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is not blank
        return False


def inferred(frame: pd.DataFrame) -> dict[str, str]:
    """Kinds read from the dtypes and names, for a frame downloaded as it is (a label makes its key
    redundant): a rate or a share is a percentage, ``…_eur`` euros, a whole-valued column a count."""
    skip = {"key"} if {"key", "label"} <= set(frame.columns) else set()
    return {column: _kind(column, frame[column]) for column in frame.columns if column not in skip}


def _kind(column: str, values: pd.Series) -> str:
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if not pd.api.types.is_numeric_dtype(dtype):
        return "text"
    if column in {"rate", "share", "execution"} or column.endswith(("_rate", "_share")):
        return "pct"
    if column.endswith("_pct"):
        return "pct100"
    if column.endswith("_eur"):
        return "eur"
    if "hours" in column:
        return "hours"
    whole = values.dropna()
    return "int" if pd.api.types.is_integer_dtype(dtype) or (whole == whole.round()).all() else "num"


# A warm rerun re-formats nothing: the text of a table and the bytes of its file are cached on the
# frame's content (3 900 actions × 10 columns took 1–2 s of babel calls on every rerun at 100×),
# one key a frame (etl.figures.memo: keying a frame of 3 900 rows is itself some 10 ms).
_cached = memo.of_frames(max_entries=512)


@_cached
def _table_view(frame: pd.DataFrame, columns: tuple, lang: str, headers: tuple) -> tuple[pd.DataFrame, bytes]:
    """What a table shows (``formatted``) and what its download holds (``export`` as CSV)."""
    shown = formatted(frame, dict(columns), lang, dict(headers))
    return shown, csv_bytes(export(frame, dict(columns) or None, lang, dict(headers)))


@_cached
def _file(frame: pd.DataFrame, columns: tuple, lang: str, headers: tuple) -> bytes:
    """What a chart's download holds: ``export`` as CSV."""
    return csv_bytes(export(frame, dict(columns) or None, lang, dict(headers)))


def _key(mapping: dict | None) -> tuple:
    return tuple((mapping or {}).items())


def download(data: bytes, name: str, f: Filters) -> None:
    """A button that downloads the CSV ``data`` as ``cadran-<name>-<as_of>.csv`` (none in presenter mode)."""
    if f.presenter:
        return
    st.download_button(
        t("download", f.lang),
        data,
        file_name=f"cadran-{name}-{f.as_of.isoformat()}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"download-{name}",
    )


def chart(
    fig: go.Figure,
    frame: pd.DataFrame,
    name: str,
    f: Filters,
    columns: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    empty: str | None = None,
    on_select=None,
) -> None:
    """A themed figure and the download of the data behind it (``columns`` as in ``table``).

    An empty frame shows why instead (``empty``, a sentence; by default « no data for these filters »).
    ``on_select``: called with the clicked point (plotly's selection event) before the rerun.
    """
    if frame.empty:
        st.info(empty or t("empty", f.lang), icon=":material/info:")
        return
    margins.fit(fig, margins.HALF if _HALF.get() else margins.FULL)  # plotly then draws it once
    key = f"chart-{name}"
    select = {}
    if on_select is not None:
        select = {"on_select": lambda: _selected(key, on_select), "selection_mode": "points"}
    st.plotly_chart(fig, width="stretch", key=key, config=theme.plotly_config(name, f.lang), **select)
    download(_file(frame, _key(columns), f.lang, _key(headers)), name, f)


def _selected(key: str, then) -> None:
    """The first clicked point of chart ``key`` handed to ``then`` (nothing when the click cleared it)."""
    points = st.session_state[key]["selection"]["points"]
    if points:
        then(points[0])


def table(
    frame: pd.DataFrame,
    columns: dict[str, str],
    name: str,
    f: Filters,
    people: bool = False,
    headers: dict[str, str] | None = None,
    fit_headers: bool = False,
    wrap: bool = False,
) -> None:
    """The ``columns`` of ``frame`` (name -> kind, or ``code:<enum>``) as French text, with a download.

    Headers are the columns' translations unless given; a table of people is hidden in presenter mode.
    ``fit_headers``: every header whole and every column inside the table at 1280 px (``column_widths``).
    ``wrap``: texts wrap in their cells and read whole (a survey's questions), for a table of a few
    rows: an HTML table of them all (a canvas cell cuts a text at its column's edge: « …12 derni »).
    """
    if people and f.presenter:
        st.info(t("hidden.presenter", f.lang))
        return
    if frame.empty:
        st.info(t("empty", f.lang))
        return
    shown, data = _table_view(frame, _key(columns), f.lang, _key(headers))
    if f.presenter:
        _projected(shown, columns, f.lang)
        return
    if wrap:
        _html_table(shown, columns, f.lang)
        download(data, name, f)
        return
    config = {}
    if fit_headers:
        first = tuple((headers or {}).get(c) or t(c, f.lang) for c in GIVES_WAY if c in columns)
        widths = column_widths(shown, first, _ROOM.get())
        config = {h: st.column_config.Column(width=w) for h, w in widths.items()}
    lights = _light_header(columns, f.lang)
    if lights:
        shown, config[lights] = _light_chips(shown, lights, f.lang)
    st.dataframe(shown, hide_index=True, width="stretch", key=f"table-{name}", column_config=config or None)
    download(data, name, f)


# Presenter mode: the first rows of a table, as an HTML table whose type ui.filters enlarges and
# whose headers wrap (a canvas table keeps 13 px and cuts « Taux de rem… »); the whole list stays
# outside presenter mode, with its download.
PRESENTER_ROWS = 25


def _projected(shown: pd.DataFrame, columns: dict[str, str], lang: str) -> None:
    """``shown``'s first rows for a projector, and how many it leaves out."""
    _html_table(shown.head(PRESENTER_ROWS), columns, lang)
    if len(shown) > PRESENTER_ROWS:
        total = fmt.integer(len(shown), lang)
        st.caption(t("presenter.rows", lang, n=fmt.integer(PRESENTER_ROWS, lang), total=total))


def _html_table(shown: pd.DataFrame, columns: dict[str, str], lang: str) -> None:
    """``shown`` as an HTML table, its texts wrapped: ``st.table`` renders Markdown, so every text is
    escaped (etl.text.plain)."""
    rows = shown.map(plain.md)
    rows.columns = [plain.md(c) for c in rows.columns]
    st.table(_coloured(rows, columns, lang, text=plain.md), hide_index=True)


def _light_header(columns: dict[str, str], lang: str) -> str | None:
    """The translated header of the table's status-light column, None when it has none."""
    lights = [c for c, kind in columns.items() if kind == "code:light"]
    return t(lights[0], lang) if lights else None


def _light_chips(shown: pd.DataFrame, header: str, lang: str) -> tuple[pd.DataFrame, object]:
    """The light column as coloured chips holding their label (no emoji font needed): each cell a
    one-label list, read by a read-only multiselect column. A Styler colouring the cells instead
    cost 1.3 s per run on 3 900 actions (pandas builds a dict per cell of the table)."""
    labels = {code: code_label("light", code, lang) for code in theme.LIGHTS}
    chips = shown.copy()
    chips[header] = [[v] if v in labels.values() else [] for v in shown[header]]
    column = st.column_config.MultiselectColumn(
        header, options=list(labels.values()), color=list(theme.LIGHTS.values())
    )
    return chips, column


def _coloured(shown: pd.DataFrame, columns: dict[str, str], lang: str, text=str):
    """A projected table's status lights as coloured cells (no emoji font needed); other tables as
    they are. ``text``: how the table writes a label (escaped for ``st.table``)."""
    header = _light_header(columns, lang)
    if not header:
        return shown
    colours = {text(code_label("light", code, lang)): colour for code, colour in theme.LIGHTS.items()}
    return shown.style.map(
        lambda v: f"color: white; background-color: {colours[v]}; font-weight: 600" if v in colours else "",
        subset=[text(header)],
    )


# Streamlit's own colours for Markdown text (no font needed, unlike colour emoji)
_LIGHT_MARKDOWN = {"green": "green", "amber": "orange", "red": "red", "grey": "gray"}


def light_label(light: str, lang: str) -> str:
    """A status light's label for Markdown: a coloured Material dot, then its name."""
    return f":{_LIGHT_MARKDOWN[light]}[:material/circle:] {code_label('light', light, lang)}"


# The room of a canvas table on the smallest screen served, 1280 px wide with the sidebar open
# (measured in Chromium: 818 px on the page, 784 in an expander). Columns wider in all run past
# the table's edge, out of sight (« Rép… »).
TABLE_ROOM = 816
EXPANDER_ROOM = 782
_ROOM = contextvars.ContextVar("room", default=TABLE_ROOM)  # inside ``expander``: less
# Source Sans at the canvas table's 14 px, measured in Chromium: most letters and digits 6–8 px,
# « i l . , : ' » and the space about 3.5, « f r t / » about 4.5, « m w M W % » 10–11.6.
_GLYPHS = dict.fromkeys("ijlI.,:;!'| ", 3.5) | dict.fromkeys("frt/()-", 4.6) | dict.fromkeys("mwMW%", 11.0)
# Columns narrowed first when a table is wider than its room: why a figure is hidden (the page's
# privacy caption says it at length; « masqué : moins de 5 répondants ici ou dans un groupe lié »).
GIVES_WAY = ("privacy",)
_PADDING = 16  # px: 8 each side of a cell's text
_ICONS = 16  # px: a header's sort arrow, beside its text (its menu shows on hover)


def text_width(text) -> float:
    """Pixels ``text`` takes in a canvas table's 14 px type (a few percent either way)."""
    return sum(_GLYPHS.get(c, 7.3) for c in str(text))


def header_width(header: str) -> int:
    """Pixels a column needs to show ``header`` whole (semi-bold, 4 % wider), beside its icons."""
    return round(text_width(header) * 1.04) + _PADDING + _ICONS


def column_widths(shown: pd.DataFrame, first: tuple[str, ...], room: int) -> dict[str, int]:
    """Each column's pixels: its header whole, and its longest value whole while the table fits
    ``room``. Else the columns ``first`` give way, then the widest of all: narrowed to one width,
    never below their header, so that the table fits (a text cut at its end reads whole when its
    cell is double-clicked and in the download; a column past the table's edge is not seen at all).
    A wider screen stretches the columns in proportion."""
    floors = {h: header_width(h) for h in shown.columns}
    wants = {h: max(floors[h], round(max(map(text_width, shown[h]), default=0)) + _PADDING) for h in shown}
    widths = _narrowed(wants, floors, [h for h in first if h in wants], room)
    return _narrowed(widths, floors, list(widths), room)


def _narrowed(widths: dict[str, int], floors: dict[str, int], names: list[str], room: int) -> dict[str, int]:
    """``widths`` with the columns ``names`` capped at the widest level at which they all fit ``room``
    (each never below its floor)."""

    def capped(level: int) -> dict[str, int]:
        return widths | {h: max(floors[h], min(widths[h], level)) for h in names}

    low, high = 0, max(widths.values())
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(capped(middle).values()) <= room else (low, middle - 1)
    return capped(low)


def formatted(
    frame: pd.DataFrame, columns: dict[str, str], lang: str, headers: dict[str, str]
) -> pd.DataFrame:
    """``frame``'s ``columns`` as display text, headed by their translated names."""
    out = pd.DataFrame(index=frame.index)
    for column, kind in columns.items():
        header = headers.get(column) or t(column, lang)
        if kind.startswith("code:"):
            out[header] = [code_label(kind[5:], v, lang) for v in frame[column]]
        else:
            out[header] = [FORMATTERS[kind](v, lang) for v in frame[column]]
    return out


def card(key: str, value: str, delta: str | None, caption: str | None = None, tone: str = "normal") -> None:
    """A headline card: label from the translations, the formatted value, the change, a caption.

    ``tone``: "normal" (a rise is good), "inverse" (a rise is bad) or "off" (neither).
    """
    shown = delta not in (None, fmt.MISSING)
    unchanged = shown and not any(c in "123456789" for c in delta)  # "0", "0,0 pts": no arrow, grey
    st.metric(
        t(key),
        value,
        # Streamlit reads the direction from a leading ASCII "-", not from the minus sign.
        delta=delta.replace("\u2212", "-") if shown else None,
        delta_color="off" if unchanged else tone,
        delta_arrow="off" if unchanged else "auto",
        border=True,
    )
    if caption:
        st.caption(caption)


_HALF = contextvars.ContextVar("half", default=False)  # inside a column of ``halves``


class _Half:
    """A column of ``halves``: the charts drawn in it know they have half the page (``chart``)."""

    def __init__(self, column) -> None:
        self._column = column
        self._token = None

    def __enter__(self):
        self._token = _HALF.set(True)
        return self._column.__enter__()

    def __exit__(self, *exc):
        _HALF.reset(self._token)
        return self._column.__exit__(*exc)


def halves(f: Filters) -> tuple:
    """Two charts side by side (``with left:``); one under the other in presenter mode, where a
    half-width chart clips its labels (« 146 ( » in the funnel) and drops its axis at projector type."""
    return (st.container(), st.container()) if f.presenter else tuple(_Half(c) for c in st.columns(2))


@contextlib.contextmanager
def expander(label: str, expanded: bool = False):
    """``st.expander``, whose tables know they have its padding less room (``column_widths``)."""
    token = _ROOM.set(EXPANDER_ROOM)
    try:
        with st.expander(label, expanded=expanded):
            yield
    finally:
        _ROOM.reset(token)


# A shared link opens the very view it was copied from: the open tab (``&tab=time``, the last part
# of the tab's translation key, the same in both languages) and each choice inside the page under
# its own key (``&participation_dimension=site``). Read once per session and key, on the first run
# that draws it; written back at every run (left out when it is the default).
TAB_PARAM = "tab"
_URL_READ = "_views_from_url"


def _from_url(param: str, key: str, values: dict) -> None:
    """Once per session: session state ``key`` set to ``values[<the URL's param>]`` when the link
    names one of them (anything else is left out, as a wrong filter is)."""
    read = st.session_state.setdefault(_URL_READ, set())
    if key in read:
        return
    read.add(key)
    wanted = st.query_params.get(param)
    if wanted in values:
        st.session_state[key] = values[wanted]


def _to_url(param: str, value: str | None, default: str | None) -> None:
    if value is None or value == default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value


def views(shown: dict, key: str) -> None:
    """One view of a page at a time, as tabs named by the translation keys of ``shown``: only the
    open tab's function runs, so only its charts are built, sent and drawn (a page of six charts
    took over 1 s to draw at 100× the demo). Session state ``key`` holds the open tab's name; the
    URL's ``tab`` its code (``participation.tab.time`` -> ``time``)."""
    codes = [k.rsplit(".", 1)[-1] for k in shown]
    _from_url(TAB_PARAM, key, {code: t(k) for code, k in zip(codes, shown, strict=True)})
    tabs = st.tabs([t(k) for k in shown], on_change="rerun", key=key)
    for code, tab, draw in zip(codes, tabs, shown.values(), strict=True):
        if tab.open:
            _to_url(TAB_PARAM, code, codes[0])
            with tab:
                draw()


def choice(label: str, options, label_of, default: str, key: str, hide_label: bool = False) -> str:
    """One of ``options`` as a row of buttons; ``default`` when the user unselects the current one.
    The URL carries it as ``&<key>=<option>``."""
    _from_url(key, key, {str(o): o for o in options})
    picked = st.segmented_control(
        label, options, format_func=label_of, default=default, key=key,
        label_visibility="collapsed" if hide_label else "visible",
    )  # fmt: skip
    _to_url(key, None if (picked or default) is None else str(picked or default), str(default))
    return picked or default


# --- the slideshow (pages/presentation.py): its position, frame and large type ------------------

SLIDE_KEY = "slide"
# Full screen: no sidebar nor its toggle, no toolbar; type read from the back of a room.
_SLIDE_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem; max-width: 100%; }
h1 { font-size: 2.6rem !important; padding: 0 !important; }
.cadran-slide-message { font-size: 2.1rem; line-height: 1.25; font-weight: 600; color: #0b3d62; margin: 0.2rem 0 0.6rem; }
.cadran-slide-figures { display: flex; gap: 1.2rem; margin-bottom: 0.4rem; }
.cadran-slide-figure { flex: 1 1 0; min-width: 0; border: 1px solid #d6dde4; border-radius: 0.6rem; padding: 0.5rem 0.9rem; }
.cadran-slide-value { font-size: 2.6rem; font-weight: 700; white-space: nowrap; overflow: hidden; line-height: 1.2; }
.cadran-slide-label { font-size: 1.2rem; color: #4a4f57; }
.cadran-slide-footer { font-size: 1.25rem; color: #4a4f57; border-top: 1px solid #d6dde4; padding-top: 0.3rem; }
.cadran-slide-position { font-size: 1.2rem; color: #4a4f57; }
"""


def slide_position(count: int) -> int:
    """The slide shown (0-based): the link's ``slide`` (1-based) on a session's first run, then the
    buttons' and keys' moves; written back to the URL so the address bar opens this very slide."""
    if SLIDE_KEY not in st.session_state:
        try:
            st.session_state[SLIDE_KEY] = int(st.query_params.get(SLIDE_KEY, "1")) - 1
        except ValueError:
            st.session_state[SLIDE_KEY] = 0
    position = min(max(st.session_state[SLIDE_KEY], 0), count - 1)
    st.session_state[SLIDE_KEY] = position
    if st.query_params.get(SLIDE_KEY) != str(position + 1):
        st.query_params[SLIDE_KEY] = str(position + 1)
    return position


def _move(step: int, count: int) -> None:
    st.session_state[SLIDE_KEY] = min(max(st.session_state.get(SLIDE_KEY, 0) + step, 0), count - 1)


def slide_frame() -> None:
    st.html(f"<style>{_SLIDE_CSS}</style>")


def slide_header(position: int, count: int, f, menu=None) -> None:
    """Previous / position / next, as buttons the arrow keys press (streamlit-shortcuts); ``menu``
    draws the presenter's menu beside the position (the files, the way out), never under a slide."""
    left, middle, files, right = st.columns([1, 3.2, 0.8, 1], vertical_alignment="center")
    if menu is not None:
        with files:
            with st.popover(t("slides.files", f.lang), icon=":material/menu:", width="stretch"):
                menu()
    with left:
        st.button(
            t("slides.previous", f.lang), key="slide_previous", icon=":material/arrow_back:",
            on_click=_move, args=(-1, count), disabled=position == 0, width="stretch",
        )  # fmt: skip
    with middle:
        where = t("slides.position", f.lang, i=position + 1, n=count)
        st.html(f'<div class="cadran-slide-position">{where} · {t("slides.keys", f.lang)}</div>')
    with right:
        st.button(
            t("slides.next", f.lang), key="slide_next", icon=":material/arrow_forward:",
            on_click=_move, args=(1, count), disabled=position == count - 1, width="stretch",
        )  # fmt: skip


def slide_body(spec) -> None:
    """The slide's message and its large figures (etl.documents.scope.deck.Figure: text, label), as HTML text
    (escaped: data is never markup)."""
    parts = [f'<div class="cadran-slide-message">{html.escape(spec.message)}</div>']
    if spec.figures:
        boxes = "".join(
            f'<div class="cadran-slide-figure"><div class="cadran-slide-value">{html.escape(f.text)}</div>'
            f'<div class="cadran-slide-label">{html.escape(f.label)}</div></div>'
            for f in spec.figures
        )
        parts.append(f'<div class="cadran-slide-figures">{boxes}</div>')
    st.html("".join(parts))


def slide_footer(text: str) -> None:
    st.html(f'<div class="cadran-slide-footer">{html.escape(text)}</div>')


# ArrowRight / ArrowLeft press the Next / Previous buttons. Streamlit has no key events; the
# maintained package for this (streamlit-shortcuts) goes through st.components.v1.html, which
# Streamlit deprecates, so this is the same ten lines on st.html. A constant: no data in it.
_SLIDE_KEYS_JS = """<script>
(() => {
  if (window.__cadranSlideKeys) return;
  window.__cadranSlideKeys = true;
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const key = {ArrowRight: "slide_next", ArrowLeft: "slide_previous"}[e.key];
    const tag = (e.target && e.target.tagName) || "";
    if (!key || tag === "INPUT" || tag === "TEXTAREA") return;
    const button = document.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
})();
</script>"""


def slide_keys() -> None:
    st.html(_SLIDE_KEYS_JS, unsafe_allow_javascript=True)
