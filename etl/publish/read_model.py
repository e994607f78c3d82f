"""The read model: every read the pages make at their default filters, computed at publish.

A load computes these calls on the new file before it is renamed over the published one, and keeps
their results in it (etl.store.stored_reads): the first visitor after a publish reads them instead
of computing them. The filters are the sidebar's defaults (the reference date, every period, all
the organisations, French), then each organisation in turn; each page below is written as its file
calls ``ui.reads``, on its first tab and its default choices. tests/test_read_model.py runs every
page at these filters and fails on a read that is not stored here: a page changing what it reads
by default changes this list too.

A call whose result depends on more than the database and the code names what else it reads in
``OUTSIDE``: part of its key, so a server set otherwise than the load computes it afresh.

A load whose data are those of the file it replaces (every table but the load's records: equal
``data_digest``) takes over that file's answers, computed by the same code, except those that read
the load's records (etl.store.stored_reads.reads_records: the last load's date, its rejects): a
reload of unchanged files computes only these. So does one whose data differ only by the tokens
drawn for the leavers past retention at each load (``relabelled``), but for any answer naming one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.admin import gdpr
from etl.admin.scrub import PERSON
from etl.documents import comparison, slide_specs
from etl.intake import rejects
from etl.model import actions_budget, kpis, page_reads, queries, survey_results, working_across
from etl.model.view import Filters
from etl.publish import staging
from etl.store import storage, stored_reads
from etl.store.db import NotPublished, connect_ro, open_duckdb

# what a read depends on besides the database and the code (environment variables)
OUTSIDE: dict[Callable, tuple[str, ...]] = {comparison.this_network: ("CADRAN_NETWORK",)}


def call_text(fn: Callable, args: tuple = (), kwargs: dict | None = None) -> str | None:
    """The stored call's text (etl.store.stored_reads.call_text), with what else ``fn`` reads."""
    context = [(name, os.environ.get(name)) for name in OUTSIDE.get(fn, ())]
    return stored_reads.call_text(fn, args, kwargs, context)


class Reads:
    """``read(fn, *args, **kwargs)``: ``fn(con, *args, **kwargs)`` computed once, kept for the table,
    or taken from ``kept`` (call key -> the result's stored bytes) when it is there."""

    def __init__(self, con: duckdb.DuckDBPyConnection, kept: dict[str, bytes] | None = None):
        self.con = con
        self.kept = kept or {}
        self.answers: dict[str, object] = {}  # call text -> result
        self.records: set[str] = set()  # the call texts whose computation read the load's records
        self.computed = 0

    def __call__(self, fn: Callable, *args, **kwargs):
        text = call_text(fn, args, kwargs)
        if text is None:
            raise TypeError(f"{fn.__qualname__}{args}{kwargs}: arguments with no stable key")
        if text not in self.answers:
            blob = self.kept.get(stored_reads.call_key(text))
            if blob is not None:
                self.answers[text] = stored_reads.decode(blob)
            else:
                with stored_reads.watching_records() as seen:
                    self.answers[text] = fn(self.con, *args, **kwargs)
                self.computed += 1
                if seen:
                    self.records.add(text)
        return self.answers[text]


Page = Callable[[Reads, Filters], None]


def sidebar(read: Reads) -> dt.date:
    """dashboard.py's frame, on every page: the dates (ui.reads.bounds), the organisation boxes,
    the footer's last load. The day the app opens on (read today)."""
    bounds = read(queries.data_bounds, today=page_reads.EVER)
    day = page_reads.opening(bounds, read(page_reads.reference_day), dt.date.today())["reference_day"]
    read(queries.organisations)
    read(queries.services)
    read(queries.last_load)
    return day


def cards(read: Reads, f: Filters) -> None:
    """ui.cards.grid: the headline now and a year earlier; the survey caption within a scope."""
    read(kpis.headline, f.as_of, f.organisation, f.direction, f.service)
    read(kpis.headline, f.year_earlier, f.organisation, f.direction, f.service)
    if f.organisation or f.direction:
        read(
            survey_results.survey_list,
            as_of=f.as_of,
            organisation=f.organisation,
            direction=f.direction,
            last=1,
        )


def overview(read: Reads, f: Filters) -> None:
    cards(read, f)
    read(queries.network_growth, **f.series())
    read(queries.milestones, as_of=f.as_of, start=f.start)


def participation(read: Reads, f: Filters) -> None:
    """Its first tab: the rate by direction (by service within a direction), the lowest directions."""
    read(queries.participation_by, dimension="service" if f.direction else "direction", **f.scope())
    read(queries.lowest_directions, as_of=f.as_of, organisation=f.organisation, min_managers=5)


def transversality_page(read: Reads, f: Filters) -> None:
    """The cards, then its first tab by direction: gathered for a presenter or a role that may not
    see names, not gathered for the others (both kept)."""
    read(kpis.headline, f.as_of, f.organisation, f.direction, f.service)
    read(kpis.headline, f.year_earlier, f.organisation, f.direction, f.service)
    for gather in (False, True):
        reading = {"by": "direction", "start": f.start, "gather": gather, **f.scope()}
        read(working_across.links, **reading)
        read(working_across.groups, **reading)


def training(read: Reads, f: Filters) -> None:
    """The cards, then its first tab (sessions)."""
    read(queries.attendance_summary, **f.series())
    read(queries.sessions_by_month, as_of=f.as_of, start=f.start)
    read(queries.attendance_by_month, **f.series())
    read(queries.top_sessions, **f.series())


def surveys(read: Reads, f: Filters) -> None:
    """The surveys of the scope, then the latest one's results (the page opens on it)."""
    scope = {"organisation": f.organisation, "direction": f.direction}
    listed = read(survey_results.survey_list, as_of=f.as_of, **scope)
    if not listed.empty:
        read(survey_results.results, as_of=f.as_of, survey_id=listed["survey_id"].iloc[-1], **scope)


def actions(read: Reads, f: Filters) -> None:
    """The cards (the whole network's), then its first tab (the plan, by axis)."""
    read(kpis.headline, f.as_of)
    read(actions_budget.action_funnel, as_of=f.as_of)
    read(actions_budget.actions_by, as_of=f.as_of, dimension="axis")
    read(actions_budget.actions_by_month, as_of=f.as_of, start=f.start)


def budget(read: Reads, f: Filters) -> None:
    read(actions_budget.budget_summary, **f.scope())
    for fn in (
        actions_budget.budget_by_year,
        actions_budget.budget_by_category,
        actions_budget.budget_cumulative,
        actions_budget.budget_by_group,
    ):
        read(fn, as_of=f.as_of, start=f.start)


def comparer(read: Reads, f: Filters) -> None:
    read(comparison.this_network, f.as_of)


def presentation(read: Reads, f: Filters) -> None:
    # the slides' data, then the slides: those read the load (their notes' source line) and are
    # computed at every load, their data taken over with the rest when unchanged
    read(slide_specs.slide_contents, f.as_of, f.organisation, f.direction, f.lang)
    read(slide_specs.slide_specs, f.as_of, f.organisation, f.direction, f.lang)


def data(read: Reads, f: Filters) -> None:
    """The history, then the latest load's tables, rejects and ignored files (the page opens on it)."""
    history = read(queries.load_history)
    if not history.empty:
        load_id = int(history["load_id"].iloc[0])
        read(queries.load_table_counts, load_id=load_id)
        read(rejects.reject_groups, load_id)
        read(rejects.load_notes, load_id)


# page file -> its reads at the default filters (pages/admin.py reads only the sidebar's)
PAGES: dict[str, Page] = {
    "pages/overview.py": overview,
    "pages/participation.py": participation,
    "pages/transversality.py": transversality_page,
    "pages/training.py": training,
    "pages/surveys.py": surveys,
    "pages/actions.py": actions,
    "pages/budget.py": budget,
    "pages/compare.py": comparer,
    "pages/presentation.py": presentation,
    "pages/data.py": data,
}


def scopes(read: Reads) -> list[Filters]:
    """The sidebar's default filters, then the same for each organisation."""
    day = sidebar(read)
    names = sorted({o for o in read(queries.organisations)["organisation"] if o})
    return [Filters(day), *(Filters(day, organisation=name) for name in names)]


def answers(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Every read of every page at the default filters of every scope: call text -> result."""
    return computed(con).answers


def computed(con: duckdb.DuckDBPyConnection, kept: dict[str, bytes] | None = None) -> Reads:
    """Every read of every page at the default filters of every scope, taken from ``kept`` where
    it holds the call (``taken_over``), computed otherwise."""
    read = Reads(con, kept)
    with stored_reads.sharing(kept):  # the slides' and the Comparer's nested reads are the pages'
        filters = scopes(read)
        day = filters[0].as_of
        # the day's reads to compute (not taken over): the front pays; a read without it reads the
        # model's own rows
        if stored_reads.call_key(call_text(kpis.headline, (day,))) not in read.kept:
            front_session_groups(con, day)
        for f in filters:
            for page in PAGES.values():
                page(read, f)
    return read


def front_session_groups(con: duckdb.DuckDBPyConnection, day: dt.date) -> None:
    """The model's ``session_groups`` on this connection, fronted by its rows at ``day`` computed once
    into a temporary table: who attended a held session with whom, over every attended row, which the
    working-across reads, the headline's cross-direction share and the sessions' tables of every scope
    derived again (40 % of a read model at 100 times the demo). Another day reads the model's own
    definition (``session_groups_at``); both give the same rows."""
    con.execute(
        """CREATE OR REPLACE TEMP TABLE read_model_session_groups AS
        SELECT false AS by_org_, * FROM session_groups_at($d, false)
        UNION ALL SELECT true AS by_org_, * FROM session_groups_at($d, true)""",
        {"d": day},
    )
    at = f"DATE '{day.isoformat()}'"  # a date written by the code, never text of the data
    con.execute(
        f"""CREATE OR REPLACE TEMP MACRO session_groups(d, by_org) AS TABLE
        SELECT * EXCLUDE (by_org_) FROM read_model_session_groups WHERE d IS NOT DISTINCT FROM {at} AND by_org_ = by_org
        UNION ALL SELECT * FROM session_groups_at(d, by_org) WHERE d IS DISTINCT FROM {at}"""
    )


def wanted() -> bool:
    """Whether loads compute the read model: unless ``CADRAN_READ_MODEL=off`` (a database only the
    command line reads, or a test about something else: the pages then compute what they read at
    their first visit, as for a file from before the read model)."""
    return os.environ.get("CADRAN_READ_MODEL", "on").strip().lower() != "off"


def store(path: Path, previous: Path | None = None) -> tuple[int, int]:
    """The read model computed on the closed database ``path`` and kept in it: (calls, calls
    computed). Computed on a read-only connection with the model's macros, as a reader opens the
    file (a read-only connection reads the surveys' stored protections: etl.model.survey_results).
    ``previous``: the published file ``path`` replaces; with the same data, its answers that read no
    load record are taken over (``taken_over``)."""
    with connect_ro(path) as con:
        reads = computed(con, taken_over(con, previous))
    con = open_duckdb(path)
    try:
        count = stored_reads.write(con, reads.answers.items(), reads.records)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return count, reads.computed


# the load's records: what every load changes, data unchanged or not (etl.publish.load.RECORD_TABLES)
RECORDS_PREFIX = "load_"


def data_digest(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """Each table of the file but the load's records and the read model: its rows and the sum of
    their hashes (as the surveys' keys: etl.model.survey_tables.DIGESTS). Equal digests, equal data."""
    names = [
        name
        for (name,) in con.execute(
            """SELECT table_name FROM duckdb_tables()
            WHERE database_name = current_database() AND NOT temporary AND NOT starts_with(table_name, ?)
                AND table_name <> ? ORDER BY table_name""",
            [RECORDS_PREFIX, stored_reads.TABLE],
        ).fetchall()
    ]
    if not names:
        return {}
    # names from the catalogue, quoted: never text of the data
    sql = " UNION ALL ".join(
        f"""SELECT '{name}', count(*), sum(hash(t)::HUGEINT)::VARCHAR FROM "{name}" t""" for name in names
    )
    return {name: (rows, digest) for name, rows, digest in con.execute(sql).fetchall()}


def taken_over(con: duckdb.DuckDBPyConnection, previous: Path | None) -> dict[str, bytes]:
    """The answers stored in ``previous`` that read no load record, when its data are ``con``'s:
    call key -> the result's bytes (keys under this code's fingerprint: another code's match none);
    none for another file, or one stored before answers said what they read.

    Data that differ only by the leavers' tokens, drawn afresh at each load (``relabelled``), give
    the same answers but those naming a token: these are computed again, never carried over."""
    if previous is None or not Path(previous).exists():
        return {}
    try:
        with connect_ro(previous, model=False) as old:
            before, now = data_digest(old), data_digest(con)
            tokens = before != now
            if tokens and not relabelled(old, con, before, now):
                return {}
            rows = old.execute(
                f"SELECT call_key, result FROM {stored_reads.TABLE} WHERE NOT records"
            ).fetchall()
    except (duckdb.Error, NotPublished):
        return {}
    mark = gdpr.TOKEN.encode()  # a pickled text holds its characters: a token's mark is found in it
    return {key: blob for key, blob in rows if not (tokens and mark in blob)}


# the staged tables whose rows a leaver's token names (etl.admin.gdpr.drop_at_load)
TOKENED = frozenset(f"stg_{name}" for name in PERSON)


def relabelled(
    old: duckdb.DuckDBPyConnection,
    new: duckdb.DuckDBPyConnection,
    before: dict[str, tuple],
    now: dict[str, tuple],
) -> bool:
    """Whether the data of ``new`` are those of ``old`` but for the leavers' tokens: both loads read
    the same files with the same drop's inputs (etl.publish.staging.inputs_key: the same rows
    staged, each leaver's matricule replaced by a token drawn at each load), and every table but
    those the tokens name has the same digest, those the same count. A read of the model does not
    look at what a matricule is, only at which rows share one: its answer is the same, unless it
    names a token."""
    key = staging.inputs_key(old)
    if key is None or key != staging.inputs_key(new) or before.keys() != now.keys():
        return False
    return all(before[t] == now[t] if t not in TOKENED else before[t][0] == now[t][0] for t in before)


def refresh(target: Path) -> int:
    """The read model computed again for the published file ``target`` when it has none (an erasure
    rewrote it without one: etl.admin.scrub): in a copy, renamed over it under the publisher's lock,
    as a load publishes; how many calls (0: nothing to do, or the read model is off: ``wanted``)."""
    if not wanted():
        return 0
    with storage.exclusive(target):
        if not target.exists() or stored_reads.count(target):
            return 0
        tmp = storage.scratch(target, "read-model")
        try:
            shutil.copyfile(target, tmp)
            count, _ = store(tmp)
            os.chmod(tmp, storage.FILE_MODE)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    return count
