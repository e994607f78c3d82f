"""The survey read API: response rates, favourable shares, eNPS, breakdowns and free text,
with the small-group protections applied here, so no page, chart or download can show a hidden cell.

Every published figure is a *cell* of one table per item (a theme, or a question): its rows are
the whole survey, each organisation and each direction within it; its columns are everyone, then
members / non-members and managers / non-managers. Rules (issue 3):

- primary: a cell of fewer than ``MIN_GROUP`` (5) respondents is hidden, reason ``fewer_than_5``; every
  row and column of the survey has a cell in every item, 0 where nobody is (hidden like a group of 1,
  so a hidden cell never says someone is there);
- complementary: each total of the table is the sum of its parts (whole = Σ organisations,
  organisation = Σ its directions, everyone = members + non-members = managers + non-managers).
  Each such equation holding a hidden cell must hold a second one, and when its total is shown
  its hidden parts together must count at least ``MIN_GROUP`` respondents; else its smallest shown
  part is hidden too, reason ``complementary``. A last check solves the equations: no hidden cell
  may be determined by the shown ones (else one more cell is hidden);
- one pattern for the whole survey (issue 7): every figure of a group (a row and column of the tables)
  comes from the same respondents, and items add up across the questionnaire (the pooled ``*`` item is
  the sum of its themes; a group's respondents are counted in every item). So a group hidden in one
  item is hidden in every item (respondents, likert themes and ``*``, nps, yes/no), and the rules run
  again over every item until nothing more hides;
- integer audit: from the shown cells of an item (a hidden cell publishes one reason, so no bound on
  its size but 0, or 1 where its row says someone is there), each hidden cell's respondents, and each
  small group's favourable (yes, promoters, detractors) count between 0 and its answers, must keep at
  least two possible whole values (checked by linear programming), unless a shown 0 % or 100 % above
  it already says it; else the nearest shown cell hides too;
- free text is listed only for a group of at least ``MIN_TEXT`` (10) respondents who wrote one,
  with the same complementary rule over the rows (reason ``fewer_than_10``).

Hidden cells carry NULL figures (their respondents count too), ``suppressed`` = true and one
reason, ``small_group`` (free text: ``fewer_than_10``): which rule hid a cell is not published (a
cell known to be under 5 beside one known to be 5 or more could be pinned). The survey's own count
and rate are always shown (they reveal no answer: data contract, section 4). The organisation and direction filters pick rows of these
tables, never recompute them, so a filtered view cannot undo a breakdown's suppression. Surveys are those opened on or before D.
Respondents without an organisation or a direction count in a row "(non renseigné)". Organisations
and directions are one row whatever their case and surrounding spaces (shown as first spelled), and
the filters match them the same way (``scope_match`` in etl/model/model.sql).

The load protects every survey once (``store_protections``, into the published file); a read cuts
the survey's tables out of what it stored, and protects them itself only in a database built
before the load stored them (issue 8: at 100×, the first read of a server process took minutes).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from etl.model.queries import NOT_GIVEN, _run
from etl.protection.polytope import Polytope
from etl.store import db

MIN_GROUP = 5
MIN_TEXT = 10
FEWER_THAN_5, COMPLEMENTARY, FEWER_THAN_10 = "fewer_than_5", "complementary", "fewer_than_10"
# The one reason the read API gives for a hidden figure: telling a group under 5 from its complement
# would bound each (1–4 against 5 or more) and, with the totals, could pin one down (issue 7).
SMALL_GROUP = "small_group"
ALL_THEMES = "*"  # the item pooling every likert5 answer of the survey
BREAKDOWNS = ("is_member", "is_manager")
_KEYS = ["item", "breakdown", "grp", "level", "organisation", "direction"]
SHARED_KINDS = ("respondents", "likert", "nps", "yes_no")  # one suppression pattern across them
_PROTECTED_KINDS = (*SHARED_KINDS, "text")  # respondents and text have no breakdown columns
# The counts whose range the audit keeps open, besides respondents (each between 0 and the answers).
AUDITED = {"likert": ("favourable",), "nps": ("promoters", "detractors"), "yes_no": ("yes",)}

# --- what each kind of question counts (one row per answer; measures summed per cell)

_MEASURES = {
    "likert": ("answers", "favourable", "neutral", "unfavourable"),
    "nps": ("answers", "promoters", "passives", "detractors", *(f"s{k}" for k in range(11))),
    "yes_no": ("answers", "yes"),
    "text": ("answers",),
    "respondents": ("answers",),
}
_LIKERT = """select survey_id, {item} as item, respondent_id, 1 as m_answers, (value_num >= 4)::int as m_favourable,
    (value_num = 3)::int as m_neutral, (value_num <= 2)::int as m_unfavourable
    from answers where kind = 'likert5'"""
_FACTS = {
    "likert": _LIKERT.format(item="theme") + " union all " + _LIKERT.format(item=f"'{ALL_THEMES}'"),
    "nps": "select survey_id, question_id as item, respondent_id, 1 as m_answers, (value_num >= 9)::int as m_promoters,"
    " (value_num between 7 and 8)::int as m_passives, (value_num <= 6)::int as m_detractors, "
    + ", ".join(f"(value_num = {k})::int as m_s{k}" for k in range(11))
    + " from answers where kind = 'nps'",
    "yes_no": "select survey_id, question_id as item, respondent_id, 1 as m_answers, (value_num = 1)::int as m_yes"
    " from answers where kind = 'yes_no'",
    "text": "select survey_id, question_id as item, respondent_id, 1 as m_answers from answers"
    " where kind = 'text' and nullif(trim(value), '') is not null",
    "respondents": "select survey_id, '*' as item, respondent_id, 1 as m_answers from respondents",
}

_BASE = """
with respondents as (
    -- one row per respondent; an organisation or direction is one group whatever its case and spaces
    select survey_id, respondent_id,
        coalesce(first_value(nullif(trim(organisation), '')) over (
            partition by survey_id, lower(trim(organisation)) order by _ord), $not_given) as organisation,
        coalesce(first_value(nullif(trim(direction), '')) over (
            partition by survey_id, lower(trim(organisation)), lower(trim(direction)) order by _ord),
            $not_given) as direction,
        coalesce(is_member, false) as is_member, coalesce(is_manager, false) as is_manager
    from stg_survey_respondents where $survey::varchar is null or survey_id = $survey::varchar
),
answers as (
    select a.survey_id, a.respondent_id, q.question_id, q.kind, coalesce(q.theme, $not_given) as theme, a.value, a.value_num
    from stg_survey_answers a join stg_survey_questions q using (survey_id, question_id)
    where $survey::varchar is null or a.survey_id = $survey::varchar
)"""


def _cells(con, survey_id: str | None, kind: str, breakdowns: bool) -> pd.DataFrame:
    """One row per item, column (breakdown, grp) and row (level, organisation, direction) of the
    survey's tables: respondents and the kind's measures, before any suppression. With no
    ``survey_id``, every survey's, with a ``survey_id`` column first (the load protects them all at once)."""
    sums = ", ".join(f"sum(m_{m})::bigint as {m}" for m in _MEASURES[kind])
    columns = ["select f.*, r.organisation, r.direction, 'all' as breakdown, null::boolean as grp"]
    if breakdowns:
        columns += [f"select f.*, r.organisation, r.direction, '{b}', r.{b}" for b in BREAKDOWNS]
    expanded = " union all ".join(
        f"{c} from facts f join respondents r using (survey_id, respondent_id)" for c in columns
    )
    sql = f"""{_BASE},
    facts as ({_FACTS[kind]}),
    expanded as ({expanded})
    -- one row per survey, item, column (everyone, members, non-members…), whole / organisation / direction
    select survey_id, item, breakdown, grp,
        case when grouping(direction) = 0 then 'direction'
             when grouping(organisation) = 0 then 'organisation' else 'whole' end as level,
        organisation, direction, count(distinct respondent_id) as respondents, {sums}
    from expanded group by survey_id, item, breakdown, grp, rollup(organisation, direction)
    """
    cells = _run(con, sql, survey=survey_id, not_given=NOT_GIVEN)
    cells["grp"] = cells["grp"].astype(object).where(cells["grp"].notna(), None)
    order = {"whole": 0, "organisation": 1, "direction": 2}
    cells["_level"] = cells["level"].map(order)
    keys = ["survey_id", "item", "breakdown", "grp", "_level", "organisation", "direction"]
    cells = cells.sort_values(keys, na_position="first", ignore_index=True).drop(columns="_level")
    return cells.drop(columns="survey_id") if survey_id is not None else cells


# --- the suppression ------------------------------------------------------------------


def equations(cells: pd.DataFrame) -> list[tuple[int, list[int]]]:
    """The additive relations of one item's table, as (total's position, parts' positions):
    everyone = the two groups of each breakdown; whole = Σ organisations; organisation = Σ its directions."""
    at = {tuple(k): i for i, k in enumerate(cells[_KEYS[1:]].itertuples(index=False, name=None))}
    result: list[tuple[int, list[int]]] = []
    for (breakdown, grp, level, org, direction), i in at.items():
        if breakdown == "all":
            for b in BREAKDOWNS:
                parts = [
                    at[k]
                    for k in ((b, True, level, org, direction), (b, False, level, org, direction))
                    if k in at
                ]
                if parts:
                    result.append((i, parts))
        if level != "direction":
            child = "organisation" if level == "whole" else "direction"
            parts = [j for (b, g, lv, o, _), j in at.items()
                     if (b, g, lv) == (breakdown, grp, child) and (level == "whole" or o == org)]  # fmt: skip
            result.append((i, parts))
    return result


def protect(
    sizes: list[int],
    relations: list[tuple[int, list[int]]],
    minimum: int,
    small: str,
    hidden=(),
    counts=(),
    keep=frozenset(),
) -> list:
    """The reason each cell is hidden (None: shown), given its respondents and the table's relations.

    Cells under ``minimum`` are hidden (``small``), and the ``hidden`` positions (hidden in another item
    of the survey, ``complementary``); then, until every relation is safe, the smallest shown part of
    an unsafe relation is hidden (``complementary``): a relation is unsafe when it holds exactly one
    hidden cell, or a shown total whose hidden parts count fewer than ``minimum``. Last, no hidden
    cell may be determined by the relations (linear algebra), nor left with a single whole value by
    the audit of its respondents and of ``counts`` (pairs of count and answers per cell).
    """
    reason = [small if n < minimum else COMPLEMENTARY if i in hidden else None for i, n in enumerate(sizes)]
    while True:
        target = next((t for r in relations if (t := _partner(r, sizes, reason, minimum)) is not None), None)
        if target is None:
            target = _recomputable(sizes, relations, reason)
        targets = {target} if target is not None else _audit(sizes, relations, reason, minimum, counts, keep)
        if not targets:
            return reason
        for target in targets:
            reason[target] = COMPLEMENTARY


def _partner(relation, sizes, reason, minimum) -> int | None:
    """The cell to hide so the relation gives nothing away, or None when it is safe."""
    total, parts = relation
    hidden = [c for c in [total, *parts] if reason[c]]
    hidden_parts = sum(sizes[c] for c in parts if reason[c])
    if not hidden or (len(hidden) > 1 and (reason[total] or hidden_parts >= minimum)):
        return None
    return _smallest_shown(parts, sizes, reason, fallback=total)


def _smallest_shown(cells, sizes, reason, fallback=None) -> int | None:
    shown = sorted((sizes[c], c) for c in cells if not reason[c])
    if shown:
        return shown[0][1]
    return fallback if fallback is not None and not reason[fallback] else None


def _nearest_shown(cell, sizes, relations, reason, keep=frozenset()) -> int | None:
    """The smallest shown cell among those sharing a relation with ``cell``, else one step further;
    a cell of ``keep`` (the survey's whole) only when no other is left."""
    seen, frontier = {cell}, {cell}
    while frontier:
        linked = {c for t, parts in relations if frontier & {t, *parts} for c in (t, *parts)} - seen
        target = _smallest_shown(linked - keep, sizes, reason)
        if target is not None:
            return target
        seen |= linked
        frontier = linked
    return _smallest_shown(keep, sizes, reason)


def _system(relations, reason, values):
    """The relations restricted to the hidden cells: (hidden positions, A, b) with A x_hidden = b."""
    hidden = [i for i, r in enumerate(reason) if r]
    position = {c: k for k, c in enumerate(hidden)}
    rows, rhs = [], []
    for total, parts in relations:
        row, known = np.zeros(len(hidden)), 0.0
        for cell, sign in [(total, 1.0), *((p, -1.0) for p in parts)]:
            if cell in position:
                row[position[cell]] += sign
            else:
                known += sign * values[cell]
        if row.any():
            rows.append(row)
            rhs.append(-known)
    return hidden, np.array(rows).reshape(len(rows), len(hidden)), np.array(rhs)


def _single_valued(relations, reason, values, bounds, cells=None) -> list[int]:
    """Hidden cells (of ``cells``, else all) left with one whole value by the relations and bounds.

    A cell keeps two values when some solution of the relations within the bounds moves it by 1 or
    more from its true value (the LP range then holds a second whole value). A few LPs with random
    objectives (seeded) move most cells at once; each cell left is then pushed up and down alone.
    """
    hidden, a, b = _system(relations, reason, values)
    truth = np.array([values[c] for c in hidden], dtype=float)
    open_ = {k for k, c in enumerate(hidden) if cells is None or c in cells}
    if not len(a):
        return []  # no relation holds a hidden cell: nothing fixes it
    polytope = Polytope(a, b, bounds)
    rng = np.random.default_rng(7)
    for _ in range(4):
        if open_:
            open_ -= _moved(polytope, truth, rng.normal(size=len(truth)), open_)
    for k in sorted(open_):
        for sign in (1.0, -1.0):
            if k in open_:
                open_ -= _moved(polytope, truth, -sign * np.eye(len(truth))[k], open_)
    return [hidden[k] for k in sorted(open_)]


def _moved(polytope, truth, objective, watched) -> set:
    """The ``watched`` cells that the LP optimum of ``objective`` moves by 1 or more from the truth."""
    fit = polytope.minimum(objective)
    if isinstance(fit, str):  # unbounded: the objective's cells can move
        return {k for k in watched if objective[k] != 0} if np.count_nonzero(objective) == 1 else set()
    if fit is None:
        return set()
    return {k for k in watched if abs(fit[k] - truth[k]) >= 1 - 1e-6}


def _audit(sizes, relations, reason, minimum, counts, keep=frozenset()) -> set:
    """The shown cells to hide because a hidden cell's respondents or counts keep a single whole value.

    Respondents are audited for every hidden cell; counts for the small groups (``complementary`` cells
    of 5 or more are hidden for their sake, their counts are no one's secret), except where a shown
    cell holding it is at 0 or at all its answers (its share, 0 % or 100 %, already says it for every
    part: no suppression of the parts could hide it).
    """
    hidden = [i for i, r in enumerate(reason) if r]
    if not hidden:
        return set()
    low = 1 if min(sizes) > 0 else 0  # rows of the respondents table are there because someone is
    people = [(low, max(sizes))] * len(hidden)  # one public reason: a hidden cell's size is not bounded
    checks = [(sizes, people, None)]
    for values, answers in counts:
        checks.append((list(values), [(0, answers[i]) for i in hidden], answers))
    small = {i for i in hidden if reason[i] != COMPLEMENTARY and sizes[i] > 0}  # a group of 0 tells of no one
    targets = set()
    for values, bounds, answers in checks:
        cells = None
        if answers is not None:
            cells = {
                c for c in small if not _said_by_a_shown_whole(c, relations, reason, values, answers, sizes)
            }
        for cell in _single_valued(relations, reason, values, bounds, cells):
            target = _nearest_shown(cell, sizes, relations, reason, keep)
            if target is not None:
                targets.add(target)
        if targets:
            return targets
    return targets


def _said_by_a_shown_whole(cell, relations, reason, values, answers, sizes) -> bool:
    """Whether a shown cell holding ``cell`` (a total above it, or a total whose only part with
    respondents it is) has a count of 0 or of all its answers."""
    above, frontier = {cell}, {cell}
    while frontier:  # the totals above, and a total's only part (the same respondents)
        up = {total for total, parts in relations if frontier & set(parts)}
        down = {
            q for total, parts in relations if total in frontier and len(live := [p for p in parts if sizes[p]]) == 1
            for q in live
        }  # fmt: skip
        frontier = (up | down) - above
        above |= frontier
    none, every = values[cell] == 0, values[cell] == answers[cell]
    return any(
        not reason[c] and ((none and values[c] == 0) or (every and values[c] == answers[c])) for c in above
    )


def _recomputable(sizes, relations, reason) -> int | None:
    """A shown cell to hide because some hidden cell is determined by the relations, or None.

    The unknowns are the hidden cells; a hidden cell is determined when its coordinate is fixed on
    the null space of the relations restricted to the unknowns.
    """
    hidden = [i for i, r in enumerate(reason) if r]
    position = {c: k for k, c in enumerate(hidden)}
    rows = []
    for total, parts in relations:
        row = np.zeros(len(hidden))
        for cell, sign in [(total, 1.0), *((p, -1.0) for p in parts)]:
            if cell in position:
                row[position[cell]] += sign
        if row.any():
            rows.append(row)
    if not rows:
        return None
    _, singular, vt = np.linalg.svd(np.array(rows))
    null = vt[int((singular > 1e-9).sum()) :].T
    for cell in hidden:
        if np.abs(null[position[cell]]).max(initial=0.0) < 1e-9:
            linked = {c for total, parts in relations if cell in (total, *parts) for c in (total, *parts)}
            target = _smallest_shown(linked, sizes, reason)
            if target is not None:
                return target
    return None


def _items(cells: pd.DataFrame, kind: str | None) -> list[tuple]:
    """Each item's table with what its protection needs, computed once however many rounds run:
    (table, its groups' keys, relations, audited counts, the survey's whole)."""
    items = []
    for _, table in cells.groupby("item", sort=False):
        table = table.reset_index(drop=True)
        keys = _group_keys(table)
        counts = [(table[m].tolist(), table["answers"].tolist()) for m in AUDITED.get(kind, ())]
        keep = {i for i, k in enumerate(keys) if k[0] == "all" and k[2] == "whole"}  # the survey's whole
        items.append((table, keys, equations(table), counts, keep))
    return items


def _protected(
    cells: pd.DataFrame,
    minimum: int = MIN_GROUP,
    small: str = FEWER_THAN_5,
    hidden: set | frozenset = frozenset(),
    kind: str | None = None,
    items: list | None = None,
    memo: dict | None = None,
) -> pd.DataFrame:
    """``cells`` with ``reason`` and ``suppressed`` set, table by table (one table per item); a group
    (``_KEYS[1:]``) in ``hidden`` starts hidden; ``kind`` names the counts audited besides respondents.

    ``items``: ``_items(cells, kind)`` already prepared; ``memo``: reasons by (item, cells starting
    hidden), so a round of ``_shared`` solves again only the items whose starting cells changed.
    """
    memo = {} if memo is None else memo
    parts = []
    for position, (table, keys, relations, counts, keep) in enumerate(items or _items(cells, kind)):
        start = frozenset(i for i, k in enumerate(keys) if k in hidden)
        if (position, start) not in memo:
            sizes = table["respondents"].tolist()
            reason = protect(sizes, relations, minimum, small, start, counts, keep)
            memo[position, start] = reason
            # the same cells starting hidden as it ends with: every rule holds already, the same reasons
            memo[position, frozenset(i for i, r in enumerate(reason) if r)] = reason
        parts.append(table.assign(reason=pd.Series(memo[position, start], index=table.index, dtype=object)))
    out = pd.concat(parts, ignore_index=True) if parts else cells.assign(reason=None)
    out["suppressed"] = out["reason"].notna()
    return out


def _group_keys(table: pd.DataFrame) -> list[tuple]:
    """Each cell's group: (breakdown, grp, level, organisation, direction), missing parts as None."""
    columns = table[_KEYS[1:]].astype(object)
    return list(zip(*(columns[c].where(columns[c].notna(), None) for c in columns), strict=True))


def _hidden_groups(table: pd.DataFrame) -> set:
    return {k for k, hide in zip(_group_keys(table), table["suppressed"], strict=True) if hide}


def _shared(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every kind's table protected with one pattern: a group hidden in one item is hidden in every
    item, and the rules run again over every item until the hidden groups stop growing."""
    items = {kind: _items(cells, kind) for kind, cells in tables.items()}
    memo: dict[str, dict] = {kind: {} for kind in tables}
    hidden: set = set()
    while True:
        out = {
            kind: _protected(cells, hidden=hidden, kind=kind, items=items[kind], memo=memo[kind])
            for kind, cells in tables.items()
        }
        grown = hidden.union(*(_hidden_groups(t) for t in out.values()))
        if grown == hidden:
            return out
        hidden = grown


def _complete(cells: pd.DataFrame, respondents: pd.DataFrame) -> pd.DataFrame:
    """``cells`` with a row of 0 for every item, column and row of the survey nobody is in: a group of
    0 is hidden like a group of 1 (else a hidden row would say someone is there)."""
    if cells.empty:
        return cells
    rows = respondents[["level", "organisation", "direction"]].drop_duplicates()
    columns = cells[["breakdown", "grp"]].drop_duplicates()
    if (columns["breakdown"] != "all").any():
        columns = pd.DataFrame(
            [("all", None), *((b, g) for b in BREAKDOWNS for g in (True, False))],
            columns=["breakdown", "grp"],
        )
    grid = cells[["item"]].drop_duplicates().merge(columns, how="cross").merge(rows, how="cross")
    keys = ["item", "breakdown", "grp", "level", "organisation", "direction"]
    full = grid.merge(cells, on=keys, how="left", sort=False)
    figures = [c for c in cells.columns if c not in keys]
    full[figures] = full[figures].fillna(0).astype("int64")
    full["grp"] = full["grp"].astype(object).where(full["grp"].notna(), None)
    order = {"whole": 0, "organisation": 1, "direction": 2}
    full["_level"] = full["level"].map(order)
    return full.sort_values(["item", "breakdown", "grp", "_level", "organisation", "direction"],
                            na_position="first", ignore_index=True).drop(columns="_level")  # fmt: skip


def _survey_tables(con, survey_id: str) -> dict[str, pd.DataFrame]:
    """The survey's protected tables by kind; free text (at least 10 writers, no breakdown columns)
    also hides every group the shared pattern hides."""
    memo, key = _MEMO.get(), survey_id
    if memo is None:  # outside ``results``: the tables already read on this connection
        entry = _BY_CONNECTION.get(id(con))
        memo = entry[1] if entry is not None and entry[0] is con else None
        if memo is None:
            while len(_BY_CONNECTION) >= 4:
                _BY_CONNECTION.pop(next(iter(_BY_CONNECTION)))
            memo = _BY_CONNECTION.setdefault(id(con), (con, {}))[1]
    if key in memo:
        return memo[key]
    stored = _file(con, _published(con))
    if survey_id not in stored.tables:  # cut out of what the load stored, else protected here
        stored.tables[survey_id] = stored.cut(survey_id) if stored.frames else _computed(con, survey_id)
    memo[key] = stored.tables[survey_id]
    return memo[key]


class _Stored:
    """What a published file holds of the surveys' protections: the load's frames (``frames``, by kind,
    every survey's rows; empty for a database built before the load stored them), and each survey's
    tables (``tables``) once asked for, cut out of those frames or protected here."""

    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self.frames = frames
        self.tables: dict[str, dict[str, pd.DataFrame]] = {}
        self._rows = {kind: frame.groupby("survey_id", sort=False).indices for kind, frame in frames.items()}

    def cut(self, survey_id: str) -> dict[str, pd.DataFrame]:
        """The survey's tables by kind; a kind it has no row of (no free text, say) has its columns."""
        return {
            kind: frame.iloc[self._rows[kind].get(survey_id, [])]
            .drop(columns="survey_id")
            .reset_index(drop=True)
            for kind, frame in self.frames.items()
        }


def _file(con, published: tuple | None) -> _Stored:
    """The published file's survey protections, read at its first survey read; a new, empty one
    when the connection reads no published file (a database being built, a test's)."""
    if published is None:
        return _Stored({})
    if published not in _BY_DATABASE:
        while len(_BY_DATABASE) >= 4:
            _BY_DATABASE.pop(next(iter(_BY_DATABASE)))
        _BY_DATABASE[published] = _Stored(_stored_frames(con))
    return _BY_DATABASE[published]


def _computed(con, survey_id: str, cells: dict[str, pd.DataFrame] | None = None) -> dict[str, pd.DataFrame]:
    """The survey's protected tables, computed from its staged answers (or from its ``cells`` by kind)."""
    if cells is None:
        cells = {kind: _cells(con, survey_id, kind, kind in SHARED_KINDS[1:]) for kind in _PROTECTED_KINDS}
    digest = _digest(cells)
    tables = _DONE.get(digest)
    if tables is None:
        # a row of 0 where nobody is (free text aside: its answers are listed whole or not at all)
        # one BLAS thread: the matrices are tens of cells wide, and OpenBLAS's threads spinning beside
        # the server's made each survey three times slower on two busy cores (issue 8)
        with threadpool_limits(limits=1, user_api="blas"):
            tables = _shared({kind: _complete(cells[kind], cells["respondents"]) for kind in SHARED_KINDS})
        hidden = set().union(*(_hidden_groups(t) for t in tables.values()))
        tables["text"] = _protected(cells["text"], MIN_TEXT, FEWER_THAN_10, hidden)
        while len(_DONE) >= 16:
            _DONE.pop(next(iter(_DONE)))
        _DONE[digest] = tables
    return tables


def _digest(cells: dict[str, pd.DataFrame]) -> tuple[int, ...]:
    """What a survey's protection is a function of: its cells by kind (counts by group and answer),
    hashed; the same digest gives the same protected tables."""
    return tuple(int(pd.util.hash_pandas_object(c, index=False).sum()) for c in cells.values())


# The load stores every survey's protected tables here (``store_protections``): one Arrow (Feather)
# frame per kind holding every survey's table (a ``survey_id`` column first), read back exactly,
# dtypes included, by ``_stored_frames``.
STORED = "survey_protections"
# ... and beside them, each survey's key: the rule's version and its cells' digest. A load reuses the
# published file's tables of every survey whose key is unchanged (a survey of 2016 never changes).
KEYS = "survey_protection_keys"
RULE = 1  # the protection's version: a change of the rule (MIN_GROUP, the audit) protects every survey again


def _key(cells: dict[str, pd.DataFrame]) -> str:
    return f"{RULE}:" + ",".join(map(str, _digest(cells)))


class _Previous:
    """The protections of the file a load replaces: its keys and its stored tables (none when there is
    no such file, or it was built before keys were stored)."""

    def __init__(self, path: Path | None) -> None:
        self.keys: dict[str, str] = {}
        self.stored = _Stored({})
        if path is None or not Path(path).exists():
            return
        old = duckdb.connect(str(path), read_only=True)
        try:
            self.keys = dict(old.execute(f"select survey_id, key from {KEYS}").fetchall())
            self.stored = _Stored(_stored_frames(old))
        except duckdb.CatalogException:
            self.keys = {}
        finally:
            old.close()

    def tables(self, survey_id: str, key: str) -> dict[str, pd.DataFrame] | None:
        """The survey's stored tables when its key is unchanged, else None."""
        if not self.stored.frames or self.keys.get(survey_id) != key:
            return None
        return self.stored.cut(survey_id)


def store_protections(
    con, done: Callable[[int, int], None] | None = None, previous: Path | None = None
) -> tuple[int, int]:
    """Protect every staged survey into ``STORED``, in the database a load is building: (surveys,
    surveys computed). ``previous``: the published file the load replaces; a survey whose key (the
    rule's version and its cells) is the one stored there keeps its stored tables, computed again
    never. ``done(k, n)`` is called once each survey is protected: ``k`` of the ``n`` surveys.

    The linear programs of the audit then run once per load instead of once per server process and
    survey: at 100× the demo (200 surveys) the first visit of the surveys page took minutes (issue 8).
    """
    ids = [row[0] for row in con.execute("select survey_id from stg_surveys order by _ord").fetchall()]
    every = {kind: _cells(con, None, kind, kind in SHARED_KINDS[1:]) for kind in _PROTECTED_KINDS}
    by_survey = {kind: dict(tuple(cells.groupby("survey_id", sort=False))) for kind, cells in every.items()}
    tables: dict[str, list[pd.DataFrame]] = {kind: [] for kind in _PROTECTED_KINDS}
    before, keys, computed = _Previous(previous), [], 0
    for position, survey_id in enumerate(ids, 1):
        cells = {  # a kind the survey has no answer of: its own (empty) query, typed as a read's
            kind: by_survey[kind][survey_id].drop(columns="survey_id").reset_index(drop=True)
            if survey_id in by_survey[kind]
            else _cells(con, survey_id, kind, kind in SHARED_KINDS[1:])
            for kind in _PROTECTED_KINDS
        }
        key = _key(cells)
        keys.append((survey_id, key))
        protected = before.tables(survey_id, key)
        if protected is None:
            protected, computed = _computed(con, survey_id, cells), computed + 1
        for kind, table in protected.items():
            tables[kind].append(table.assign(survey_id=survey_id)[["survey_id", *table.columns]])
        if done:
            done(position, len(ids))
    con.execute(f"create or replace table {STORED} (kind varchar, frame blob)")
    for kind, parts in tables.items():
        kept = [t for t in parts if len(t)] or parts[:1]  # an empty table gives its columns only
        if kept:
            buffer = io.BytesIO()
            pd.concat(kept, ignore_index=True).to_feather(buffer)
            con.execute(f"insert into {STORED} values (?, ?)", [kind, buffer.getvalue()])
    con.execute(f"create or replace table {KEYS} (survey_id varchar, key varchar)")
    if keys:
        con.executemany(f"insert into {KEYS} values (?, ?)", keys)
    return len(ids), computed


def _stored_frames(con) -> dict[str, pd.DataFrame]:
    """``STORED`` as the load wrote it: every survey's table of each kind; empty when it wrote none."""
    try:
        rows = con.execute(f"select kind, frame from {STORED}").fetchall()
    except duckdb.CatalogException:
        return {}
    every = {kind: pd.read_feather(io.BytesIO(frame)) for kind, frame in rows}
    for frame in every.values():  # Arrow reads text back as pandas strings: a reason is text or None
        frame["reason"] = frame["reason"].astype(object).where(frame["reason"].notna(), None)
    return every if set(every) == set(_PROTECTED_KINDS) else {}


def _published(con) -> tuple | None:
    """(path, version) of the database file a read-only connection reads, else None: a published
    file is never written in place (etl.store.db: a load replaces it), so its version names its content."""
    row = con.execute(
        "select path, readonly from duckdb_databases() where database_name = current_database()"
    ).fetchone()
    if row is None or not row[0] or not row[1]:
        return None
    version = db.version(row[0])
    return None if version is None else (row[0], version)


def _matches(values: pd.Series, wanted: str) -> pd.Series:
    """``scope_match`` (etl/model/model.sql) on a column: equal ignoring case and surrounding spaces."""
    return values.astype(str).str.strip().str.lower() == str(wanted).strip().lower()


def _scope(
    cells: pd.DataFrame,
    measures,
    organisation=None,
    direction=None,
    minimum=MIN_GROUP,
    small=FEWER_THAN_5,
    by: list[str] | None = None,
):
    """One row per item and column for the filtered scope, figures NULL where suppressed.

    The scope is a row of the tables (whole, an organisation, a direction); a direction named in
    several organisations adds up their rows, and is hidden when any of them is. ``by``: columns
    that tell several surveys' tables apart in ``cells`` (one row each per item and column).
    """
    if organisation is None and direction is None:
        rows = cells[cells["level"] == "whole"]
    else:
        level = "organisation" if direction is None else "direction"
        rows = cells[cells["level"] == level]
        if organisation is not None:
            rows = rows[_matches(rows["organisation"], organisation)]
        if direction is not None:
            rows = rows[_matches(rows["direction"], direction)]
    keys = [*(by or []), "item", "breakdown", "grp"]
    figures = ["respondents", *measures]
    if rows.duplicated(keys).any():  # one direction name in several organisations: add them up
        out = rows.groupby(keys, dropna=False, sort=False).agg(
            **{f: (f, "sum") for f in figures}, parts=("level", "size"), suppressed=("suppressed", "any"),
            reason=("reason", "first"),
        ).reset_index()  # fmt: skip
        merged = out["suppressed"] & (out["parts"] > 1)
        out.loc[merged, "reason"] = np.where(out.loc[merged, "respondents"] < minimum, small, COMPLEMENTARY)
        out.loc[~out["suppressed"], "reason"] = None
    else:
        out = rows[[*keys, *figures, "suppressed", "reason"]].copy()
    out[figures] = out[figures].astype("Float64")
    out.loc[out["suppressed"], figures] = pd.NA
    return _reasons(out[[*keys, *figures, "suppressed", "reason"]])


# Protected tables by the digest of their cells: the same survey data is protected once per process.
_DONE: dict[tuple, dict[str, pd.DataFrame]] = {}
# Protected tables by published file (path, version), then survey: read once per file and process.
_BY_DATABASE: dict[tuple, dict[str, dict[str, pd.DataFrame]]] = {}
# Protected tables by connection (a connection reads one published database, which never changes).
_BY_CONNECTION: dict[int, tuple[object, dict]] = {}
# Tables already protected during one ``results`` call, by survey: a page's frames share them.
_MEMO: ContextVar[dict | None] = ContextVar("survey_tables", default=None)


def _table(con, survey_id: str, kind: str) -> pd.DataFrame:
    """The survey's protected table of a kind (see ``_survey_tables``)."""
    return _survey_tables(con, survey_id)[kind]


def _read(con, survey_id, kind, organisation=None, direction=None) -> pd.DataFrame:
    return _scope(_table(con, survey_id, kind), _MEASURES[kind], organisation, direction)


def _reasons(frame: pd.DataFrame) -> pd.DataFrame:
    """``reason`` as text or None (never NaN), so a shown cell's reason is plainly empty."""
    frame = frame.copy()
    public = {FEWER_THAN_5: SMALL_GROUP, COMPLEMENTARY: SMALL_GROUP}
    frame["reason"] = pd.Series(
        [public.get(r, r) if isinstance(r, str) else None for r in frame["reason"]],
        index=frame.index,
        dtype=object,
    )
    return frame.reset_index(drop=True)


def _share(frame: pd.DataFrame, part: str, whole: str = "answers") -> pd.Series:
    return (frame[part] / frame[whole].where(frame[whole] > 0)).astype("Float64")


# --- the read API --------------------------------------------------------------------


def survey_list(
    con, as_of: dt.date, organisation=None, direction=None, last: int | None = None
) -> pd.DataFrame:
    """One row per survey opened on or before D, in opening order: survey_id, title, opened_on,
    closed_on, invited, respondents, response_rate (respondents / invited), suppressed, reason.

    For the whole network the count and the rate are shown whatever the size (they reveal no
    answer: data contract, section 4). With an organisation or a direction, respondents are that
    scope's (hidden under 5 and where a breakdown needs it) and the rate is null: invited is not
    split (data contract, section 4).
    ``last``: only the ``last`` surveys opened (each survey is protected on its own, so these rows
    are the same as the whole list's; the others' protection is not paid for).
    """
    sql = """
    -- one row per survey opened on or before D
    select s.survey_id, s.title, s.opened_on, s.closed_on, s.invited, count(r.respondent_id) as respondents,
        respondents / nullif(s.invited, 0) as response_rate
    from stg_surveys s left join stg_survey_respondents r using (survey_id)
    where s.opened_on <= $as_of
    group by s.survey_id, s.title, s.opened_on, s.closed_on, s.invited, s._ord order by s.opened_on, s._ord
    """
    frame = _run(con, sql, as_of=as_of)
    if last is not None:
        frame = frame.tail(last).reset_index(drop=True)
    frame[["respondents", "response_rate"]] = frame[["respondents", "response_rate"]].astype("Float64")
    frame["suppressed"], frame["reason"] = False, None
    if frame.empty or (organisation is None and direction is None):
        # the survey's own count and rate reveal no answer (data contract, section 4, as kpis gives
        # it): shown whatever its size; its answers stay protected in every item
        return _reasons(frame)
    ids = frame["survey_id"].tolist()
    stored = _file(con, _published(con)).frames
    if stored:  # every survey's respondents table, as the load stored them
        every = stored["respondents"][stored["respondents"]["survey_id"].isin(ids)]
    else:
        every = pd.concat([_table(con, s, "respondents").assign(survey_id=s) for s in ids], ignore_index=True)
    scoped = _scope(every, _MEASURES["respondents"], organisation, direction, by=["survey_id"])
    scoped = frame[["survey_id"]].merge(scoped, on="survey_id", how="left")  # a scope nobody is in: none
    # invited is not split (data contract, section 4): the scope's respondents, no rate
    hidden = scoped["suppressed"].fillna(False).astype(bool).to_numpy()
    frame["respondents"] = scoped["respondents"].fillna(0).where(~hidden, pd.NA).astype("Float64")
    frame["response_rate"] = pd.NA
    frame["suppressed"] = hidden
    frame["reason"] = scoped["reason"].where(hidden, None)
    return _reasons(frame)


def latest_survey(con, as_of: dt.date) -> str | None:
    """The survey opened last on or before D (ties: last in file order), or None."""
    row = con.execute("select survey_id from latest_survey($d)", {"d": as_of}).fetchone()
    return row[0] if row else None


def _themes_order(con, survey_id) -> dict:
    sql = """
    -- one row per likert5 theme of the survey, in questionnaire order
    select coalesce(theme, $not_given) as theme, min(_ord) as position from stg_survey_questions
    where survey_id = $survey and kind = 'likert5' group by all
    """
    order = _run(con, sql, survey=survey_id, not_given=NOT_GIVEN)
    return {ALL_THEMES: -1, **dict(zip(order["theme"], order["position"], strict=True))}


def _likert(frame: pd.DataFrame, order: dict) -> pd.DataFrame:
    out = frame.rename(columns={"item": "theme"})
    for share in ("favourable", "neutral", "unfavourable"):
        out[share] = _share(out, share)
    out["_position"] = out["theme"].map(order)
    return out.sort_values(["_position", "grp"], ascending=[True, False], ignore_index=True)


def theme_scores(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per likert5 theme of the survey (first ``*``: every likert5 answer pooled), in
    questionnaire order: theme, respondents, answers, favourable (4–5), neutral (3) and unfavourable
    (1–2) shares of its answers, suppressed, reason."""
    frame = _read(con, survey_id, "likert", organisation, direction)
    frame = _likert(frame[frame["breakdown"] == "all"], _themes_order(con, survey_id))
    return frame[
        ["theme", "respondents", "answers", "favourable", "neutral", "unfavourable", "suppressed", "reason"]
    ]


def theme_by_group(
    con, survey_id: str, by: str = "is_member", organisation=None, direction=None
) -> pd.DataFrame:
    """One row per likert5 theme (``*`` first) per group of ``by`` (is_member or is_manager; true
    first): theme, group, respondents, favourable, neutral, unfavourable, suppressed, reason."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    frame = _read(con, survey_id, "likert", organisation, direction)
    frame = _likert(frame[frame["breakdown"] == by], _themes_order(con, survey_id))
    frame = frame.rename(columns={"grp": "group"})
    frame["group"] = frame["group"].astype(bool)
    return frame[
        ["theme", "group", "respondents", "favourable", "neutral", "unfavourable", "suppressed", "reason"]
    ]


CHANGES_SHOWN = 6  # surveys in the change chart: each one rebuilds its protected table


def theme_changes(
    con, as_of: dt.date, organisation=None, direction=None, last: int = CHANGES_SHOWN
) -> pd.DataFrame:
    """One row per survey per theme, for the `last` surveys opened on or before D, in opening order:
    survey_id, title, opened_on, theme, favourable, change (percentage points, e.g. 12.5, against the
    same theme in the survey before; null when either is missing or hidden), suppressed, reason."""
    parts = []
    for survey in survey_list(con, as_of, last=last + 1).itertuples():
        scores = theme_scores(con, survey.survey_id, organisation, direction)
        parts.append(
            scores.assign(survey_id=survey.survey_id, title=survey.title, opened_on=survey.opened_on)
        )
    columns = ["survey_id", "title", "opened_on", "theme", "favourable", "change", "suppressed", "reason"]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True)
    surveys = list(dict.fromkeys(frame["survey_id"]))
    previous = frame.assign(
        survey_id=frame["survey_id"].map(dict(zip(surveys[:-1], surveys[1:], strict=True)))
    )
    frame = frame.merge(
        previous[["survey_id", "theme", "favourable"]].dropna(subset=["survey_id"]),
        on=["survey_id", "theme"], how="left", suffixes=("", "_before"),
    )  # fmt: skip
    frame["change"] = ((frame["favourable"] - frame["favourable_before"]) * 100).astype("Float64")
    frame = frame[frame["survey_id"].isin(surveys[-last:])]  # the one before served only as a base
    return _reasons(frame[columns].reset_index(drop=True))


def theme_heatmap(
    con, survey_id: str, level: str = "organisation", organisation=None, direction=None
) -> pd.DataFrame:
    """One row per organisation (level organisation) or direction within its organisation (level
    direction) per likert5 theme (``*`` first): organisation, direction, theme, respondents,
    favourable, suppressed, reason. The organisation filter keeps its rows; the direction filter
    keeps its row at the direction level."""
    if level not in ("organisation", "direction"):
        raise ValueError(f"unknown level {level!r}")
    cells = _table(con, survey_id, "likert")
    rows = cells[(cells["level"] == level) & (cells["breakdown"] == "all")].copy()
    if organisation is not None:
        rows = rows[_matches(rows["organisation"], organisation)]
    if direction is not None and level == "direction":
        rows = rows[_matches(rows["direction"], direction)]
    figures = ["respondents", *_MEASURES["likert"]]
    rows[figures] = rows[figures].astype("Float64")
    rows.loc[rows["suppressed"], figures] = pd.NA
    rows = _likert(rows, _themes_order(con, survey_id))
    rows = rows.sort_values(["organisation", "direction", "_position"], ignore_index=True)
    if level == "organisation":
        rows["direction"] = None
    return _reasons(
        rows[["organisation", "direction", "theme", "respondents", "favourable", "suppressed", "reason"]]
    )


def enps(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per nps question of the survey (questionnaire order): question_id, text, respondents,
    promoters (9–10), passives (7–8), detractors (0–6) as shares, enps (promoters − detractors, in
    points: −100 to 100), suppressed, reason."""
    frame = _read(con, survey_id, "nps", organisation, direction)
    frame = _questions(con, survey_id, "nps").merge(
        frame[frame["breakdown"] == "all"], left_on="question_id", right_on="item"
    )
    for share in ("promoters", "passives", "detractors"):
        frame[share] = _share(frame, share)
    frame["enps"] = (frame["promoters"] - frame["detractors"]) * 100
    return frame[
        [
            "question_id",
            "text",
            "respondents",
            "promoters",
            "passives",
            "detractors",
            "enps",
            "suppressed",
            "reason",
        ]
    ]


def nps_distribution(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per nps question per score 0–10: question_id, score, category (detractor, passive,
    promoter), answers, share; answers and shares NULL when the scope is hidden."""
    frame = _read(con, survey_id, "nps", organisation, direction)
    frame = frame[frame["breakdown"] == "all"]
    rows = []
    for cell in frame.itertuples():
        for k in range(11):
            count = getattr(cell, f"s{k}")
            share = count / cell.answers if not cell.suppressed and cell.answers else pd.NA
            category = "promoter" if k >= 9 else "passive" if k >= 7 else "detractor"
            rows.append((cell.item, k, category, count, share, cell.suppressed, cell.reason))
    columns = ["question_id", "score", "category", "answers", "share", "suppressed", "reason"]
    out = pd.DataFrame(rows, columns=columns)
    out[["answers", "share"]] = out[["answers", "share"]].astype("Float64")
    return out


def yes_no(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per yes/no question (questionnaire order): question_id, text, theme, respondents,
    yes (share of yes among its answers), suppressed, reason."""
    frame = _read(con, survey_id, "yes_no", organisation, direction)
    frame = _questions(con, survey_id, "yes_no").merge(
        frame[frame["breakdown"] == "all"], left_on="question_id", right_on="item"
    )
    frame["yes"] = _share(frame, "yes")
    return _reasons(frame[["question_id", "text", "theme", "respondents", "yes", "suppressed", "reason"]])


def free_text(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per distinct free-text answer (trimmed) of a group of at least 10 writers, sorted by
    question, then most written, then text (never by respondent): question_id, question, answer,
    count (how many wrote it), suppressed, reason; for a hidden group, one row per question with a
    NULL answer and count. No identifying column, ever."""
    scope = _scope(
        _table(con, survey_id, "text"), _MEASURES["text"], organisation, direction, MIN_TEXT, FEWER_THAN_10
    )
    sql = f"""{_BASE}
    -- one row per question and distinct free-text answer of the scope, with how many wrote it
    select a.question_id, trim(a.value) as answer, count(*) as count
    from answers a join respondents r using (respondent_id)
    where a.kind = 'text' and nullif(trim(a.value), '') is not null
        and scope_match(r.organisation, $org) and scope_match(r.direction, $dir)
    group by a.question_id, trim(a.value)
    order by a.question_id, count desc, answer
    """
    answers = _run(con, sql, survey=survey_id, not_given=NOT_GIVEN, org=organisation, dir=direction)
    questions = _questions(con, survey_id, "text").rename(columns={"text": "question"})
    shown = set(scope.loc[~scope["suppressed"], "item"])
    hidden = scope.loc[scope["suppressed"], ["item", "reason"]].rename(columns={"item": "question_id"})
    listed = answers[answers["question_id"].isin(shown)].assign(suppressed=False, reason=None)
    masked = hidden.assign(answer=None, count=None, suppressed=True)
    frame = pd.concat([listed, masked], ignore_index=True).merge(
        questions[["question_id", "question"]], on="question_id"
    )
    frame["count"] = frame["count"].astype("Int64")
    return _reasons(frame[["question_id", "question", "answer", "count", "suppressed", "reason"]])


def _questions(con, survey_id: str, kind: str) -> pd.DataFrame:
    sql = """
    -- one row per question of the kind, in questionnaire order
    select question_id, text, theme from stg_survey_questions
    where survey_id = $survey and kind = $kind order by _ord
    """
    return _run(con, sql, survey=survey_id, kind=kind)


def results(
    con, as_of: dt.date, survey_id: str, organisation=None, direction=None
) -> dict[str, pd.DataFrame]:
    """Every frame of the surveys page for one survey and scope, each as its function above returns
    it (keys: themes, enps, nps_distribution, groups_is_member, groups_is_manager, changes,
    heatmap_organisation, heatmap_direction, yes_no, free_text); one protected table per kind serves them all."""
    token = _MEMO.set({})
    try:
        scope = {"organisation": organisation, "direction": direction}
        frames = {
            "themes": theme_scores(con, survey_id, **scope),
            "enps": enps(con, survey_id, **scope),
            "nps_distribution": nps_distribution(con, survey_id, **scope),
            "changes": theme_changes(con, as_of, **scope),
            "yes_no": yes_no(con, survey_id, **scope),
            "free_text": free_text(con, survey_id, **scope),
        }
        for by in BREAKDOWNS:
            frames[f"groups_{by}"] = theme_by_group(con, survey_id, by, **scope)
        for level in ("organisation", "direction"):
            frames[f"heatmap_{level}"] = theme_heatmap(con, survey_id, level, **scope)
        return frames
    finally:
        _MEMO.reset(token)
