"""Layout pieces every page uses: headline cards, charts with the download of their data (ui.tables),
two halves, and the views and choices a shared link carries."""

from __future__ import annotations

import contextvars

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from etl.figures import margins, theme
from etl.model.view import Filters
from etl.text import format as fmt
from etl.text.i18n import t
from ui import tables


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
    tables.download(tables.table_file(frame, tables.frozen(columns), f.lang, tables.frozen(headers)), name, f)


def _selected(key: str, then) -> None:
    """The first clicked point of chart ``key`` handed to ``then`` (nothing when the click cleared it)."""
    points = st.session_state[key]["selection"]["points"]
    if points:
        then(points[0])


def card(key: str, value: str, delta: str | None, caption: str | None = None, tone: str = "normal") -> None:
    """A headline card: label from the translations, the formatted value, the change, a caption.

    ``tone``: "normal" (a rise is good), "inverse" (a rise is bad) or "off" (neither).
    """
    shown = delta not in (None, fmt.MISSING)
    unchanged = shown and not any(c in "123456789" for c in delta)  # "0", "0,0 pts": no arrow, grey
    # Streamlit reads a fall from a leading ASCII "-" alone: the direction and its colour are given,
    # so that the change keeps the minus sign every other figure is written with (« −1,3 pts »)
    falling = shown and delta.startswith("\u2212")
    good = not falling if tone == "normal" else falling
    st.metric(
        t(key),
        value,
        delta=delta if shown else None,
        delta_color="gray" if unchanged or tone == "off" else "green" if good else "red",
        delta_arrow="off" if unchanged else "down" if falling else "up",
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
        label,
        options,
        format_func=label_of,
        default=default,
        key=key,
        label_visibility="collapsed" if hide_label else "visible",
    )
    _to_url(key, None if (picked or default) is None else str(picked or default), str(default))
    return picked or default
