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
    # "a b" is in the text only if "a" and "b" are: each name is looked for once, then only the full
    # names made of names found (7 700 scans of a 5 MB report took 26 s, 500 take 2)
    seen = {n for n in {name.lower() for person in people for name in person if name} if n in lowered}
    pairs = [(a, b) for first, last in people if first for a, b in ((first, last), (last, first))]
    full = [f"{a} {b}".lower() for a, b in pairs if a.lower() in seen and b.lower() in seen]
    assert not [n for n in full if n in lowered]
    last_names = sorted({last for _, last in people if len(last) > 2}, key=len, reverse=True)
    found = re.findall(r"\b(" + "|".join(map(re.escape, last_names)) + r")\b", text)
    assert not found, f"last names in the file: {sorted(set(found))[:10]}"
