"""The check that a file names nobody: no staff first and last name together, no last name alone."""

from __future__ import annotations

import re
from pathlib import Path

from etl.store.db import connect_ro


def assert_no_names(db: Path, text: str) -> None:
    """No "First Last" nor "Last First" of stg_staff in ``text`` (any case), no last name as a word."""
    with connect_ro(db) as con:
        people = con.execute(
            "SELECT DISTINCT first_name, last_name FROM stg_staff WHERE last_name IS NOT NULL"
        )
        people = people.fetchall()
    assert people, "the source has names: the check would be empty"
    lowered = text.lower()
    full = [f"{a} {b}".lower() for first, last in people for a, b in ((first, last), (last, first)) if first]
    assert not [n for n in full if n in lowered]
    last_names = sorted({last for _, last in people if len(last) > 2}, key=len, reverse=True)
    found = re.findall(r"\b(" + "|".join(map(re.escape, last_names)) + r")\b", text)
    assert not found, f"last names in the file: {sorted(set(found))[:10]}"
