"""Text that comes from data or files, shown as plain text: never as Markdown, HTML or a link.

Streamlit renders captions, notices and labels as Markdown, and plotly renders a subset of
HTML (``<a href>``, ``<b>``, ``<br>``) in labels, ticks and hovers. A direction named
``**gras** ![i](http://host/x.png)`` must read as those characters, and fetch nothing.

- ``md(value)``: for a Markdown context (``st.caption``, ``st.info``, ``t(...)`` placeholders);
- ``chart(value)``: for plotly (labels, ticks, hover texts, legends), entities for ``& < >``.

The chart builders (etl/figures/, most through kit.finish) and the shared frame (ui/filters.py,
ui/cards.py) call these; every page that shows a data text in Markdown goes through ``md``.
"""

from __future__ import annotations

import re

# Every ASCII punctuation mark may be backslash-escaped in CommonMark and then reads as itself;
# the characters below start Markdown, Streamlit directives (:red[…], :material/x:), math ($) or HTML.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'^])")
_CHART = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


# Streamlit's Markdown (GFM) turns bare addresses into links after escapes are read: a word joiner
# (U+2060, invisible) inside "://", "www." and "@" keeps them text.
WORD_JOINER = "\u2060"
_LINE_SPACE = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")  # spaces and line ends, not the no-break ones
_AUTOLINK = re.compile(r"(?<=[a-zA-Z])(?=\\:/)|(?<=www)(?=\\\.)|(?=@)", re.IGNORECASE)


def md(value) -> str:
    """``value`` as text for a Markdown context: every markup character escaped, line ends as spaces,
    no address that Markdown would make a link."""
    if value is None:
        return ""
    # a line break or an indented line would start a block; the no-break spaces of « 42 % » and
    # « 25 000 € » are kept (str.split would break them too)
    text = _LINE_SPACE.sub(" ", str(value)).strip(" ")
    return _AUTOLINK.sub(WORD_JOINER, _MARKDOWN.sub(r"\\\1", text))


def chart(value):
    """``value`` for a plotly label or hover text: ``&``, ``<`` and ``>`` as entities (non-text as is)."""
    if not isinstance(value, str):
        return value
    return "".join(_CHART.get(c, c) for c in value)


def charts(values) -> list:
    """``chart`` over a sequence."""
    return [chart(v) for v in values]
