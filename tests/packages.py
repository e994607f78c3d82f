"""The suite's open-data packages, written once per database, date and network name per session (a
helper, no tests here).

A package of the demo costs seconds (the headline at every month end for every organisation); the
Comparer's tests and the open-data tests read the same one. ``package(db, out, as_of, network)``
writes it with the real ``etl.documents.opendata.write_package`` the first time the session sees
that database's bytes (a copy of a cached load holds the same), that date and that name, then
copies the files into ``out``: each test module gets its own folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from etl.documents import opendata
from etl.store.db import connect_ro
from tests.loads import built_once


def package(db: Path, out: Path, as_of: dt.date, network: str | None = None) -> Path:
    """``out``/datapackage.json and its resources: the package of ``db`` at ``as_of``."""
    named = network or os.environ.get("CADRAN_NETWORK")  # opendata.network_name's setting
    digest = hashlib.sha256(f"open data {as_of.isoformat()} {named!r}\n".encode())
    digest.update(Path(db).read_bytes())

    def build(work: Path) -> None:
        with connect_ro(db) as con:
            opendata.write_package(con, work, as_of, network=network)

    built = built_once(digest.hexdigest(), build)
    shutil.copytree(built, out, dirs_exist_ok=True)
    return out / "datapackage.json"
