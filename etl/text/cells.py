"""Files HR opens in a spreadsheet: text that a spreadsheet would run as a formula is escaped."""

from __future__ import annotations

import csv
import io
import json
import os

from etl.store.db import connect_ro
from etl.store.stored_reads import reads_records

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REJECT_HEADER = ["table", "fichier", "ligne", "colonne", "motif", "valeurs"]


def safe_text(value):
    """A cell value that no spreadsheet will evaluate: text starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def raw_values(raw_json: str | None) -> str:
    """`{"person_id": "B1", "hours": null}` -> `person_id=B1` (the values as read, empty ones left out)."""
    raw = json.loads(raw_json or "{}")
    if "_text" in raw:  # a line that could not be split into values: its text as read
        return raw["_text"] or ""
    return " | ".join(f"{k}={v}" for k, v in raw.items() if v is not None)


@reads_records
def rejects(con, load_id: int | None = None) -> list[list]:
    """One row per rejected row of a load (default: the latest): table, file, line, column, reason, values."""
    rows = con.execute(
        """SELECT table_name, file, line, column_name, reason, raw FROM load_rejects
           WHERE load_id = coalesce(?, (SELECT max(load_id) FROM load_log))
           ORDER BY table_name, _ord""",
        [load_id],
    ).fetchall()
    return [[*r[:5], raw_values(r[5])] for r in rows]


def write_rejects_csv(db: str | os.PathLike, path: str | os.PathLike, load_id: int | None = None) -> int:
    """Write the rejects as a `;` CSV in UTF-8 with BOM (what French Excel opens); returns the row count."""
    text, count = _rejects_text(db, load_id)
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        out.write(text)
    return count


def rejects_csv(db: str | os.PathLike, load_id: int | None = None) -> bytes:
    """The file ``write_rejects_csv`` writes, as bytes (a download)."""
    return _rejects_text(db, load_id)[0].encode("utf-8-sig")


def _rejects_text(db: str | os.PathLike, load_id: int | None) -> tuple[str, int]:
    with connect_ro(db) as con:
        rows = rejects(con, load_id)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(REJECT_HEADER)
    writer.writerows([safe_text(v) for v in row] for row in rows)
    return out.getvalue(), len(rows)
