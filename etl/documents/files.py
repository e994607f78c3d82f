"""The files Cadran hands out, by kind: what each is called, its type, and the call that builds it.

The download buttons (ui/downloads.py) and the e-mail (etl/documents/mail.py) both build a file with
``build``, so a file is the same whichever way it leaves. Only ``hr_lists`` names people; the
summary quotes the rejected rows' values only when asked (``values``: HR and admin).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from etl.documents import deck, excel, hr_lists, opendata, report
from etl.documents.scope import Scope, file_name

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class Kind:
    part: str  # what the file name says: cadran-<part>-<date>.<ext>
    ext: str
    mime: str


KINDS = {
    "summary": Kind("synthese", "xlsx", XLSX),
    "slides": Kind("diaporama", "pptx", PPTX),
    "report": Kind("rapport", "html", "text/html"),
    "hr_lists": Kind("listes-rh", "xlsx", XLSX),
    "opendata": Kind("donnees-ouvertes", "zip", "application/zip"),
}


def name(kind: str, scope: Scope) -> str:
    """``cadran-synthese-2015-06-30.xlsx``: what the file of ``kind`` at ``scope`` is called."""
    return file_name(KINDS[kind].part, scope, KINDS[kind].ext)


def build(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    scope: Scope,
    progress: Callable[[float], None] | None = None,
    values: bool = False,
) -> bytes:
    """The bytes of the file of ``kind`` at ``scope`` (``progress(0..1)`` as it goes); ``values``:
    the summary quotes the rejected rows' values (for HR and admin only)."""
    if kind == "summary":
        return excel.summary_workbook(con, scope, progress, values)
    if kind == "hr_lists":
        return hr_lists.workbook(con, scope)
    if kind == "opendata":  # the whole network's aggregates at D (no scope but the date)
        written = iter(range(1, len(opendata.RESOURCES) + 1))
        step = (lambda name, rows: progress(next(written) / len(opendata.RESOURCES))) if progress else None
        return opendata.package_zip(con, scope.as_of, progress=step)
    if progress:
        progress(0.1)
    if kind == "slides":
        return deck.deck(con, scope)
    return report.report_html(con, scope).encode("utf-8")
