"""The one palette: every colour Cadran draws with, and what each means, for the app (etl.figures.theme,
.streamlit/config.toml's named colours), the deck (etl.documents.deck) and the Excel summary (etl.documents.excel).

Plain data, no import: the exports read it without plotly nor Streamlit.
"""

from __future__ import annotations

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]
PRIMARY, ACCENT, GOOD = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2]
SKY, PURPLE, VERMILLION = OKABE_ITO[4], OKABE_ITO[3], OKABE_ITO[5]
# Late, absent, unfavourable, critical: a red the legend can call red. Okabe–Ito's vermillion beside
# its orange read as two oranges (« Critique » looked like « À surveiller »); this darker red stays
# apart from the orange and from the green by its lightness too, for every colour vision.
BAD = "#B2182B"
NEUTRAL = "#8C8C8C"  # what is planned, registered, not assessed: grey
REST = "#D9D9D9"  # the rest of a whole (a doughnut's other part)
TEXT, MUTED = "#262730", "#4A4F57"  # text; secondary text (axis labels, footers) still dark enough to read

# A status light (etl.model.actions_budget.LIGHTS): the chips, the cards' dots, the roadmap's boxes.
LIGHTS = {"green": GOOD, "amber": ACCENT, "red": BAD, "grey": NEUTRAL}

# A series drawn on several surfaces, by the column it plots: the same colour in the app, the
# slideshow, the deck and the Excel summary (planned is grey, spent is blue, wherever they stand).
SERIES = {
    "planned_eur": NEUTRAL,
    "spent_eur": PRIMARY,
    "members": PRIMARY,
    "member_managers": ACCENT,
}


def series(key: str, position: int = 0) -> str:
    """The colour of the series plotting column ``key`` (the palette by position for the others)."""
    return SERIES.get(key) or OKABE_ITO[position % len(OKABE_ITO)]
