"""Answers of the read API kept in the published file: one row per call, its result as bytes.

A call ``fn(con, *args, **kwargs)`` is keyed by a hash of the function's qualified name, its
arguments bound to its signature (so ``headline(d)`` and ``headline(as_of=d, organisation=None)``
share a key), what else it reads (``context``), and a fingerprint of the code and libraries that
computed it: a file built by another version of Cadran serves none of its answers, they are
computed again. Which calls are stored is etl.publish.read_model's; ui.reads looks them up here
before computing. A miss (a call not stored, a file from before this table) is computed as before.

Each row says whether computing it read the load's own records (``records``: a function marked
``reads_records``, such as the latest load's date in a slide's source line): a load whose data are
the published file's takes over every other answer from it (etl.publish.read_model).

The results are pickled: they come back exactly as computed (frames with their dtypes, dicts,
dataclasses), as Streamlit's own cache keeps them. The bytes are written by the loader into the
published file only (mode 600, under data/): unpickling trusts that file as the code trusts it.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import inspect
import json
import numbers
import pickle
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from etl.store.db import ROOT, connect_ro

TABLE = "read_model"
SCHEMA = f"CREATE TABLE {TABLE} (call_key VARCHAR PRIMARY KEY, call VARCHAR, result BLOB, records BOOLEAN)"
MISSING = object()  # what ``find`` answers for a call not stored


@functools.cache
def fingerprint() -> str:
    """A hash of etl/'s code (.py, .sql) and of the libraries' versions: answers stored by other code
    do not match."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "etl").rglob("*.py"), *(ROOT / "etl").rglob("*.sql")]):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    versions = (
        sys.version_info[:2],
        pd.__version__,
        np.__version__,
        duckdb.__version__,
        pickle.DEFAULT_PROTOCOL,
    )
    digest.update(repr(versions).encode())
    return digest.hexdigest()


@functools.cache
def _signature(fn: Callable) -> inspect.Signature:
    return inspect.signature(fn)


def call_text(
    fn: Callable, args: tuple = (), kwargs: dict | None = None, context: Iterable = ()
) -> str | None:
    """``fn``'s call as stable text: its name, every argument by name (defaults filled in) and
    ``context``; None when the arguments do not fit ``fn`` or one has no stable text."""
    try:
        bound = _signature(fn).bind(None, *args, **(kwargs or {}))  # None: the connection
    except TypeError:
        return None
    bound.apply_defaults()
    named = dict(list(bound.arguments.items())[1:])
    try:
        return json.dumps(
            [f"{fn.__module__}.{fn.__qualname__}", named, list(context)],
            default=_plain,
            ensure_ascii=False,
            sort_keys=True,
        )
    except (TypeError, ValueError):
        return None


def _plain(value):
    """A JSON value for the argument types of the read API; TypeError for any other."""
    if isinstance(value, dt.datetime):  # before dt.date: a datetime is a date
        return f"datetime:{value.isoformat()}"
    if isinstance(value, dt.date):
        return f"date:{value.isoformat()}"
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, numbers.Integral):  # numpy integers (a load_id read from a frame)
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"no stable text for {type(value).__name__}")


def call_key(text: str) -> str:
    """The row's key for a call's text (call_text), under this code's fingerprint."""
    return hashlib.sha256(f"{fingerprint()}\n{text}".encode()).hexdigest()


def write(
    con: duckdb.DuckDBPyConnection, answers: Iterable[tuple[str, object]], records: Collection[str] = ()
) -> int:
    """The table (replaced) holding ``answers``: (call text, result) pairs, ``records`` the texts of
    those that read the load's records (``reads_records``); how many rows."""
    pairs = list(answers)
    blobs = [pickle.dumps(result, protocol=pickle.DEFAULT_PROTOCOL) for _, result in pairs]
    rows = pa.table(
        {
            "call_key": [call_key(text) for text, _ in pairs],
            "call": [text for text, _ in pairs],
            "result": pa.array(blobs, pa.binary()),
            "records": [text in records for text, _ in pairs],
        }
    )
    con.execute(f"DROP TABLE IF EXISTS {TABLE}")
    con.execute(SCHEMA)
    con.execute(f"INSERT INTO {TABLE} SELECT * FROM rows")  # the arrow table, in one insert
    return rows.num_rows


def count(path) -> int:
    """How many answers the database file ``path`` holds (0: none, or no table)."""
    with connect_ro(path, model=False) as con:
        try:
            return con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
        except duckdb.CatalogException:
            return 0


def find(con: duckdb.DuckDBPyConnection, text: str | None):
    """The stored result of the call ``text`` (call_text), or MISSING: not stored, or no table."""
    if text is None:
        return MISSING
    try:
        row = con.execute(f"SELECT result FROM {TABLE} WHERE call_key = ?", [call_key(text)]).fetchone()
    except duckdb.CatalogException:  # a file published before this table
        return MISSING
    return MISSING if row is None else decode(row[0])


def decode(blob: bytes):
    """A stored result as it was computed."""
    return pickle.loads(blob)


# --- reads shared while the read model is computed

_SHARED: ContextVar[tuple[dict, Mapping[str, bytes]] | None] = ContextVar("shared_reads", default=None)


@contextmanager
def sharing(kept: Mapping[str, bytes] | None = None) -> Iterator[None]:
    """Within: a ``shared`` read is computed once per call, for the pages' reads and for the reads
    nested in them (the slides' headline a year earlier is the cards'), or taken from ``kept`` (call
    key -> a stored result's bytes: the answers a load takes over, etl.publish.read_model)."""
    token = _SHARED.set(({}, kept or {}))
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(fn: Callable) -> Callable:
    """``fn(con, ...)``, computed once per call within ``sharing()`` (each caller gets its own copy);
    outside, called as it is. For reads that depend on nothing but the database and their arguments."""

    @functools.wraps(fn)
    def read(con, *args, **kwargs):
        within = _SHARED.get()
        text = call_text(fn, args, kwargs) if within is not None else None
        if text is None:
            return fn(con, *args, **kwargs)
        memo, kept = within
        if text not in memo:
            blob = kept.get(call_key(text))
            if blob is not None:  # kept answers read no load record
                memo[text] = decode(blob), ()
            else:
                with watching_records() as seen:
                    memo[text] = fn(con, *args, **kwargs), tuple(seen)
        result, seen = memo[text]
        _saw(seen)  # a caller served from the memo read them too
        return copy.deepcopy(result)

    return read


# --- reads of the load's own records

_RECORDS: ContextVar[list | None] = ContextVar("records_read", default=None)


def reads_records(fn: Callable) -> Callable:
    """Marks ``fn`` as a read of the load's records (load_log, load_tables, load_rejects, load_notes:
    what changes at every load, data unchanged or not): a stored answer whose computation called it
    is computed again at the next load, never taken over (etl.publish.read_model)."""

    @functools.wraps(fn)
    def read(*args, **kwargs):
        _saw((fn.__qualname__,))
        return fn(*args, **kwargs)

    read.reads_records = True
    return read


def _saw(names: Iterable[str]) -> None:
    seen = _RECORDS.get()
    if seen is not None:
        seen.extend(names)


@contextmanager
def watching_records() -> Iterator[list[str]]:
    """Within: the list it gives collects the ``reads_records`` functions called (their names)."""
    seen: list[str] = []
    token = _RECORDS.set(seen)
    try:
        yield seen
    finally:
        _RECORDS.reset(token)
