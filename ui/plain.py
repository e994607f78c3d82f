"""Text from data (organisation, direction, theme and question names, titles) shown as itself.

Streamlit renders captions, notices and metric captions as Markdown, and plotly renders a subset of
HTML in labels and hovers (``<a href>`` becomes a live link): a direction named
``**gras** ![i](http://host/x.png) <a href="x">lien</a>`` must read exactly so, and fetch nothing.
"""

from __future__ import annotations

import re

# CommonMark: any ASCII punctuation may be escaped with a backslash and then reads as itself.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=&\"'^])")


def markdown(text) -> str:
    """``text`` escaped for st.caption / st.info / st.markdown: every Markdown or HTML mark literal."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def plotly(text) -> str:
    """``text`` for a plotly label, hover or annotation: ``&``, ``<`` and ``>`` as entities."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
