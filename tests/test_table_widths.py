"""Column widths of a canvas table (ui.tables.column_widths): every header whole, every column
inside the table's room at 1280 px, the reason a figure is hidden giving way first. Small hand-made
tables; the browser check is tests/test_browser_texts_whole.py."""

from __future__ import annotations

import pandas as pd
import pytest

from ui.tables import column_widths, header_width, text_width


@pytest.mark.parametrize(
    ("text", "chromium"),
    [  # px, measured in Chromium (canvas measureText, Source Sans 14 px)
        ("Participants", 70.0),
        ("Confidentialité", 86.9),
        ("10/10/2013", 65.5),
        ("Direction des systèmes d'information", 216.9),
        ("Séminaire des cadres 2014 : manager en temps de contraintes", 359.0),
        ("masqué : moins de 5 répondants ici ou dans un groupe lié", 334.3),
    ],
)
def test_a_text_width_is_within_a_few_percent_of_chromium(text, chromium):
    assert text_width(text) == pytest.approx(chromium, rel=0.06)


def test_a_table_that_fits_shows_every_value_whole():
    shown = pd.DataFrame(
        {"Date": ["10/10/2013"], "Intitulé": ["Lancement du réseau iX"], "Participants": ["224"]}
    )
    widths = column_widths(shown, (), 816)
    # « 10/10/2013 »: 8 digits of 7,3 px and 2 slashes of 4,6 = 67,6 → 68 + 16 of padding
    assert widths["Date"] == 84
    assert widths["Intitulé"] == round(text_width("Lancement du réseau iX")) + 16
    assert widths["Participants"] == header_width("Participants")  # wider than « 224 »
    assert sum(widths.values()) < 816


def test_a_table_too_wide_fits_its_room_with_every_header_whole():
    long = "Séminaire des cadres 2014 : manager en temps de contraintes et de transformation"
    shown = pd.DataFrame(
        {
            "Date": ["09/10/2014"],
            "Type": ["Séminaire"],
            "Intitulé": [long],
            "Directions": ["14"],
            "Participants": ["277"],
        }
    )
    widths = column_widths(shown, (), 600)
    assert sum(widths.values()) <= 600 and sum(widths.values()) >= 595  # the room, not much less
    assert all(widths[h] >= header_width(h) for h in shown.columns)
    assert widths["Intitulé"] < text_width(long)  # the only long text gives way
    assert widths["Date"] == 84 and widths["Participants"] == header_width("Participants")


def test_the_reason_a_figure_is_hidden_gives_way_first():
    reason = "masqué : moins de 5 répondants ici ou dans un groupe lié"
    shown = pd.DataFrame(
        {
            "Direction": ["Direction des systèmes d'information"],
            "Répondants": [""],
            "Confidentialité": [reason],
        }
    )
    widths = column_widths(shown, ("Confidentialité",), 520)
    assert widths["Direction"] == 240  # whole: 223,6 px of text (as measured above: 216,9) + 16 of padding
    assert widths["Confidentialité"] < text_width(reason)
    assert sum(widths.values()) == 520
    # the same table without that priority: both long texts narrowed to one width
    even = column_widths(shown, (), 520)
    assert even["Direction"] == even["Confidentialité"] < widths["Direction"]


def test_a_table_whose_headers_alone_overflow_keeps_them_whole():
    shown = pd.DataFrame({f"Colonne {n}": ["x"] for n in range(12)})
    widths = column_widths(shown, (), 400)
    assert widths == {h: header_width(h) for h in shown.columns}  # it scrolls; no header is cut
