"""The slideshow speaks to the audience: each slide's foot reads the date of the figures
and their source, not the load number (« chargement n° 3 du 6 décembre 2026 (restauration…) »,
now in the deck's presenter notes); the files are in the presenter's menu, not under every slide."""

from __future__ import annotations

import datetime as dt
import html
import io
import re

from pptx import Presentation

from etl.documents.deck import deck
from etl.documents.scope import Scope
from etl.store.db import connect_ro

D = dt.date(2015, 6, 30)


def _footer(at) -> str:
    blocks = [
        b.proto.body for b in at.get("html") if b.proto.body.startswith('<div class="cadran-slide-footer">')
    ]
    assert len(blocks) == 1
    return html.unescape(re.sub(r"<[^>]+>", "", blocks[0]))


def _walk(node, path=()):
    """(element, the blocks it sits in) for every element of ``node``, in page order."""
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child, (*path, node))
    else:
        yield node, path


def _kind(block) -> str | None:
    try:
        return block.proto.WhichOneof("type")
    except (ValueError, AttributeError):  # a column's proto has no kind, the root none
        return None


def test_the_foot_of_a_slide_reads_the_date_and_the_source(app):
    at = app("pages/presentation.py", as_of=D, organisation="Ville d'Orléans")
    assert _footer(at) == "Situation au 30 juin 2015 · Ville d'Orléans · Source : Cadran, données RH"


def test_an_english_slide_too(app):
    at = app("pages/presentation.py", as_of=D, lang="en")
    footer = _footer(at)
    assert footer.startswith("As of 30 June 2015") and footer.endswith("Source: Cadran, HR data")
    assert "load" not in footer


def test_the_files_are_in_the_presenters_menu(app):
    at = app("pages/presentation.py", as_of=D)
    elements = list(_walk(at.main))
    title = next(i for i, (e, _) in enumerate(elements) if type(e).__name__ == "Title")
    for key in ("export-slides-make", "export-report-make"):
        where, (button, blocks) = next(
            (i, p) for i, p in enumerate(elements) if getattr(p[0], "key", None) == key
        )
        assert where < title, f"{key} under the slide"
        assert any(_kind(b) == "popover" for b in blocks)
    # under the slide's title: its message, its chart, its foot; no button
    assert not [
        e for e, _ in elements[title:] if type(e).__name__ in ("Button", "DownloadButton", "PageLink")
    ]


def test_the_deck_has_the_same_foot_and_the_load_in_its_notes(app_db):
    with connect_ro(app_db) as con:
        prs = Presentation(io.BytesIO(deck(con, Scope(D))))
    for slide in prs.slides:
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert texts[-1] == "Situation au 30 juin 2015 · Toutes collectivités · Source : Cadran, données RH"
        assert "chargement n° " in slide.notes_slide.notes_text_frame.text
        assert "chargement" not in " ".join(texts)
