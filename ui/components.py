"""Layout pieces every page uses: headline cards, charts and tables with their CSV download.

Tables show text formatted by ui.format (Streamlit's number columns follow the
browser's locale, not the app's). Downloads carry the same columns under the same
translated headers, codes as their labels, but numbers and dates as values, so a
spreadsheet can still add them up. Presenter mode offers no download.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from etl.db import published_path
from etl.export import raw_values, safe_text
from etl.schema import french_names
from ui import format as fmt
from ui import i18n, theme
from ui.i18n import code_label, t

if TYPE_CHECKING:
    from ui.filters import Filters

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


def export(
    frame: pd.DataFrame, columns: dict[str, str] | None, lang: str, headers: dict[str, str] | None = None
) -> pd.DataFrame:
    """What a download holds: ``columns`` under the table's headers, labels for codes, values for numbers.

    Without ``columns`` every column but the ``key`` of a ``key``/``label`` pair is kept as it is.
    """
    columns = columns or inferred(frame)
    headers = headers or {}
    out = pd.DataFrame(index=frame.index)
    for column, kind in columns.items():
        header = headers.get(column) or t(column, lang)
        if kind in VALUE_KINDS:
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
    """Kinds read from the dtypes, for a frame downloaded as it is (a label makes its key redundant)."""
    skip = {"key"} if {"key", "label"} <= set(frame.columns) else set()
    return {
        column: "bool" if pd.api.types.is_bool_dtype(dtype) else "num" if is_value(dtype) else "text"
        for column, dtype in frame.dtypes.items()
        if column not in skip
    }


def is_value(dtype) -> bool:
    return pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)


def download(frame: pd.DataFrame, name: str, f: Filters) -> None:
    """A button that downloads ``frame`` as ``cadran-<name>-<as_of>.csv`` (none in presenter mode)."""
    if f.presenter:
        return
    st.download_button(
        t("download", f.lang),
        csv_bytes(frame),
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
) -> None:
    """A themed figure and the download of the data behind it (``columns`` as in ``table``)."""
    if frame.empty:
        st.info(t("empty", f.lang))
        return
    st.plotly_chart(fig, width="stretch", key=f"chart-{name}", config=theme.plotly_config(name))
    download(export(frame, columns, f.lang, headers), name, f)


def table(
    frame: pd.DataFrame,
    columns: dict[str, str],
    name: str,
    f: Filters,
    people: bool = False,
    headers: dict[str, str] | None = None,
    fit_headers: bool = False,
) -> None:
    """The ``columns`` of ``frame`` (name -> kind, or ``code:<enum>``) as French text, with a download.

    Headers are the columns' translations unless given; a table of people is hidden in presenter mode.
    ``fit_headers``: every column at least as wide as its header (« Taux de réponse », never « Taux de r »).
    """
    if people and f.presenter:
        st.info(t("hidden.presenter", f.lang))
        return
    if frame.empty:
        st.info(t("empty", f.lang))
        return
    shown = formatted(frame, columns, f.lang, headers or {})
    config = None
    if fit_headers:
        config = {
            h: st.column_config.Column(width=column_width(h, shown[h], f.presenter)) for h in shown.columns
        }
    st.dataframe(shown, hide_index=True, width="stretch", key=f"table-{name}", column_config=config)
    download(export(frame, columns, f.lang, headers), name, f)


def header_width(header: str, presenter: bool = False) -> int:
    """Pixels a column needs to show ``header`` whole (with the sort icon), larger in presenter mode."""
    return int(len(header) * (11 if presenter else 8.5)) + 40


def column_width(header: str, values: pd.Series, presenter: bool = False) -> int:
    """Pixels for the header whole and for values up to 40 characters (longer ones read in full on hover)."""
    longest = max((len(str(v)) for v in values), default=0)
    return max(header_width(header, presenter), header_width("x" * min(longest, 40), presenter))


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


def card(key: str, value: str, delta: str | None, caption: str | None = None, inverse: bool = False) -> None:
    """A headline card: label from the translations, the formatted value, the change, a caption."""
    shown = delta not in (None, fmt.MISSING)
    unchanged = shown and not any(c in "123456789" for c in delta)  # "0", "0,0 pts": no arrow, grey
    st.metric(
        t(key),
        value,
        # Streamlit reads the direction from a leading ASCII "-", not from the minus sign.
        delta=delta.replace("\u2212", "-") if shown else None,
        delta_color="off" if unchanged else "inverse" if inverse else "normal",
        delta_arrow="off" if unchanged else "auto",
        border=True,
    )
    if caption:
        st.caption(caption)


def choice(label: str, options, label_of, default: str, key: str, hide_label: bool = False) -> str:
    """One of ``options`` as a row of buttons; ``default`` when the user unselects the current one."""
    picked = st.segmented_control(
        label, options, format_func=label_of, default=default, key=key,
        label_visibility="collapsed" if hide_label else "visible",
    )  # fmt: skip
    return picked or default


def no_database() -> None:
    """What a user sees before the first load: what to run, not a traceback."""
    st.title(t("nodb.title"))
    st.warning(t("nodb.body", path=published_path().name), icon=":material/database_off:")  # no server path
    st.code("make run\n# ou\npython -m etl load data/demo/source", language="bash")
    from ui import upload  # HR can publish the first load from here too

    upload.form(i18n.current())
