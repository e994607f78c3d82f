"""Tables as a reader sees them: French text formatted by etl.text.format (Streamlit's number
columns follow the browser's locale, not the app's), columns that fit their room, a presenter's
large rows, and the CSV download behind each: the same columns under the same translated headers,
codes as their labels, numbers and dates as values, so a spreadsheet can still add them up.
Presenter mode offers no download.
"""

from __future__ import annotations

import contextlib
import contextvars

import pandas as pd
import streamlit as st

from etl.figures import memo, theme
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
def table_file(frame: pd.DataFrame, columns: tuple, lang: str, headers: tuple) -> bytes:
    """What a chart's download holds: ``export`` as CSV."""
    return csv_bytes(export(frame, dict(columns) or None, lang, dict(headers)))


def frozen(mapping: dict | None) -> tuple:
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
    shown, data = _table_view(frame, frozen(columns), f.lang, frozen(headers))
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


@contextlib.contextmanager
def expander(label: str, expanded: bool = False):
    """``st.expander``, whose tables know they have its padding less room (``column_widths``)."""
    token = _ROOM.set(EXPANDER_ROOM)
    try:
        with st.expander(label, expanded=expanded):
            yield
    finally:
        _ROOM.reset(token)
