"""A survey's tables, cell by cell: the facts SQL, and the same tables protected (etl.protection.suppression).

Every published figure of a survey is a *cell* of one table per item (a theme, or a question): its
rows are the whole survey, each organisation and each direction within it; its columns are everyone,
then members / non-members and managers / non-managers. The respondents table (item ``*``) has
everyone's column only; likert themes (and ``*``, every likert answer pooled), nps and yes/no
questions have all five, with a row of 0 wherever nobody is (hidden like a group of 1, so a hidden
cell never says someone is there); free text has everyone's column, for the rows someone wrote in.

The same groups are hidden in every item but free text (etl/protection/suppression.py says how);
free text is listed only for a group of at least ``MIN_TEXT`` writers, and also hides every group the
other tables hide. A hidden cell's reason: ``fewer_than_5`` (``fewer_than_10`` in free text) when
the item's cell itself is small, else ``complementary``.

Respondents without an organisation or a direction count in a row "(non renseigné)". Organisations
and directions are one row whatever their case and surrounding spaces (shown as first spelled).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from etl.model.queries import NOT_GIVEN
from etl.protection import suppression

MIN_GROUP = 5
MIN_TEXT = 10
FEWER_THAN_5, COMPLEMENTARY, FEWER_THAN_10 = "fewer_than_5", "complementary", "fewer_than_10"
ALL_THEMES = "*"  # the item pooling every likert5 answer of the survey
BREAKDOWNS = ("is_member", "is_manager")
SHARED_KINDS = ("respondents", "likert", "nps", "yes_no")  # one pattern of hidden groups across them
KINDS = (*SHARED_KINDS, "text")
KEYS = ["item", "breakdown", "grp", "level", "organisation", "direction"]
# The counts whose range the audit keeps open, besides respondents (each between 0 and the answers).
AUDITED = {"likert": ("favourable",), "nps": ("promoters", "detractors"), "yes_no": ("yes",)}
# The columns of the tables with breakdowns, in table order: everyone, then each breakdown's two groups.
COLUMNS = [
    ("all", None),
    ("is_manager", False),
    ("is_manager", True),
    ("is_member", False),
    ("is_member", True),
]
LEVELS = {"whole": 0, "organisation": 1, "direction": 2}

# --- what each kind of question counts (one row per answer; measures summed per cell)

MEASURES = {
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

# The survey's respondents (one row each, their organisation and direction as first spelled) and
# answers (one row each, with the question's kind and theme), for $survey (every survey when NULL).
SURVEY_ROWS = """
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


# each cell's column (its index in COLUMNS) and row level (LEVELS), as SQL computes them
_COLUMN = (
    "case "
    + " ".join(
        f"when breakdown = '{b}'" + ("" if g is None else f" and {'' if g else 'not '}grp") + f" then {n}"
        for n, (b, g) in enumerate(COLUMNS)
    )
    + " end"
)
_LEVEL = "case " + " ".join(f"when level = '{name}' then {n}" for name, n in LEVELS.items()) + " end"


class Cells:
    """One kind's cells, each column an array (text as objects, None when missing; counts as int64),
    in table order: survey, item, column, row (the whole, organisations, directions). ``col``: the
    cell's column in COLUMNS; ``row``: its row's key (level, organisation, direction)."""

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return len(self.columns["item"])

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    def part(self, where) -> Cells:
        """The cells at ``where`` (a slice: views, no copy)."""
        return Cells({name: values[where] for name, values in self.columns.items()})

    def runs(self, name: str) -> list[tuple[object, slice]]:
        """Each value of the column ``name`` (sorted: one run each) with its run, in order."""
        values = self.columns[name]
        if not len(values):
            return []
        starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
        ends = np.append(starts[1:], len(values))
        return [(values[a], slice(a, b)) for a, b in zip(starts, ends, strict=True)]


def _cells(con, survey_id: str | None, kind: str) -> Cells:
    """One row per survey, item, column (breakdown, grp) and row (level, organisation, direction)
    someone is in: respondents and the kind's measures, before any protection. With no
    ``survey_id``, every survey's (the load protects them all)."""
    per_respondent = ", ".join(f"sum(m_{m}) as m_{m}" for m in MEASURES[kind])
    sums = ", ".join(f"sum(m_{m})::bigint as {m}" for m in MEASURES[kind])
    columns = ["select f.*, r.organisation, r.direction, 'all' as breakdown, null::boolean as grp"]
    if kind in SHARED_KINDS[1:]:
        columns += [f"select f.*, r.organisation, r.direction, '{b}', r.{b}" for b in BREAKDOWNS]
    expanded = " union all ".join(
        f"{c} from answered f join respondents r using (survey_id, respondent_id)" for c in columns
    )
    sql = f"""{SURVEY_ROWS},
    facts as ({_FACTS[kind]}),
    -- one row per survey, item and respondent (a theme's several questions summed): a cell's rows are
    -- then its respondents, counted without a distinct over answers
    answered as (select survey_id, item, respondent_id, {per_respondent} from facts group by all),
    expanded as ({expanded}),
    -- one row per survey, item, column (everyone, members, non-members…), whole / organisation / direction
    cells as (
        select survey_id, item, breakdown, grp,
            case when grouping(direction) = 0 then 'direction'
                 when grouping(organisation) = 0 then 'organisation' else 'whole' end as level,
            organisation, direction, count(*) as respondents, {sums}
        from expanded group by survey_id, item, breakdown, grp, rollup(organisation, direction)
    )
    select survey_id, item, {_COLUMN} as col, level, organisation, direction,
        concat_ws(chr(0), level, coalesce(organisation, ''), coalesce(direction, '')) as row,
        respondents, {", ".join(MEASURES[kind])}
    from cells
    order by survey_id, item, col, {_LEVEL}, organisation nulls first, direction nulls first
    """
    table = con.sql(sql, params={"survey": survey_id, "not_given": NOT_GIVEN}).to_arrow_table()
    return Cells({name: table.column(name).to_numpy(zero_copy_only=False) for name in table.column_names})


def survey_cells(con, survey_id: str) -> dict[str, Cells]:
    """The survey's cells by kind (``KINDS``), before any protection."""
    return {kind: _cells(con, survey_id, kind) for kind in KINDS}


def every_survey_cells(con, only: list[str] | None = None) -> dict[str, dict[str, Cells]]:
    """Every staged survey's cells by kind, by survey id (in file order): one query per kind. ``only``:
    these surveys' alone, a query per kind and survey when they are fewer than every survey."""
    ids = [row[0] for row in con.execute("select survey_id from stg_surveys order by _ord").fetchall()]
    if only is not None and set(only) < set(ids):
        return {survey_id: survey_cells(con, survey_id) for survey_id in ids if survey_id in only}
    every = {kind: _cells(con, None, kind) for kind in KINDS}
    runs = {kind: dict(cells.runs("survey_id")) for kind, cells in every.items()}
    nobody = slice(0, 0)
    return {
        survey_id: {kind: cells.part(runs[kind].get(survey_id, nobody)) for kind, cells in every.items()}
        for survey_id in ids
    }


# What a survey's cells are computed from, by staged survey in file order: its respondents as
# SURVEY_ROWS reads them (the organisation and direction as first spelled), and its answers with their
# question's kind and theme; each as a count and a sum of row hashes (order-free, no pair cancels).
DIGESTS = f"""{SURVEY_ROWS},
r as (select survey_id, count(*) as n,
        sum(hash(respondent_id, organisation, direction, is_member, is_manager)::hugeint) as h
    from respondents group by survey_id),
a as (select survey_id, count(*) as n,
        sum(hash(respondent_id, question_id, kind, theme, value, value_num)::hugeint) as h
    from answers group by survey_id)
select s.survey_id, concat_ws(':', $not_given, coalesce(r.n, 0), coalesce(r.h, 0), coalesce(a.n, 0),
    coalesce(a.h, 0)) as digest
from stg_surveys s left join r using (survey_id) left join a using (survey_id)
order by s._ord"""


def digests(con) -> dict[str, str]:
    """Each staged survey's digest of what its cells are computed from (``DIGESTS``), in file order:
    equal digests, equal cells."""
    return dict(con.execute(DIGESTS, {"survey": None, "not_given": NOT_GIVEN}).fetchall())


# --- the protected tables -------------------------------------------------------------


def protected(cells: dict[str, Cells], rule=None) -> dict[str, pd.DataFrame]:
    """The survey's tables by kind, each cell with ``reason`` (missing when shown) and ``suppressed``;
    ``rule``: ``etl.protection.suppression.protect`` unless told (the bench passes the plain rule)."""
    return {kind: as_frame(table) for kind, table in protected_tables(cells, rule).items()}


def as_frame(table: pa.Table) -> pd.DataFrame:
    """A protected table as the read API uses it (text as ``str``, ``grp`` as objects)."""
    return table.to_pandas()


def protected_tables(cells: dict[str, Cells], rule=None) -> dict[str, pa.Table]:
    """``protected``'s tables as Arrow tables, as the load stores them (etl.model.survey_store)."""
    rule = suppression.protect if rule is None else rule
    rows = _Rows(cells["respondents"])
    if not rows.count:  # nobody answered yet: every table empty
        return {
            kind: _Items(cells[kind], kind, rows, []).table(np.zeros(0, dtype=bool), MIN_GROUP, FEWER_THAN_5)
            for kind in KINDS
        }
    kinds = [kind for kind in SHARED_KINDS if len(cells[kind])]
    columns = COLUMNS if any(kind != "respondents" for kind in kinds) else COLUMNS[:1]
    grid = suppression.Grid(rows.parents, (len(columns) - 1) // 2)
    tables = {
        kind: _Items(cells[kind], kind, rows, columns if kind != "respondents" else COLUMNS[:1])
        for kind in kinds
    }
    items = [(t, k) for t in tables.values() for k in range(len(t.names))]
    size = grid.size
    present = np.zeros((len(items), size), dtype=bool)
    sizes = np.zeros((len(items), size), dtype=np.int64)
    counts = []
    for n, (table, k) in enumerate(items):
        width = len(table.columns) * rows.count
        present[n, :width] = True
        sizes[n, :width] = table.figures["respondents"][k]
        counts.append(
            [
                (_padded(table.figures[m][k], size), _padded(table.figures["answers"][k], size))
                for m in AUDITED.get(table.kind, ())
            ]
        )
    hidden = rule(grid, sizes, MIN_GROUP, present=present, counts=counts, keep=[grid.cell(0, 0)])
    out = {kind: table.table(hidden, MIN_GROUP, FEWER_THAN_5) for kind, table in tables.items()}
    for kind in SHARED_KINDS:
        out.setdefault(kind, _Items(cells[kind], kind, rows, []).table(hidden, MIN_GROUP, FEWER_THAN_5))
    out["text"] = _text(cells["text"], rows, hidden[: rows.count], rule)
    return out


def _padded(values: np.ndarray, size: int) -> np.ndarray:
    return np.pad(values, (0, size - len(values)))


def _text(cells: Cells, survey_rows: _Rows, hidden_rows: np.ndarray, rule) -> pa.Table:
    """Free text's tables, one per question on the rows someone wrote in: at least ``MIN_TEXT``
    writers, and every group hidden in the other tables hidden from the start."""
    parts = []
    for _, where in cells.runs("item"):
        question = cells.part(where)
        rows = _Rows(question)
        table = _Items(question, "text", rows, COLUMNS[:1])
        at = survey_rows.index.get_indexer(rows.index)
        start = np.zeros(rows.count, dtype=bool)
        start[at >= 0] = hidden_rows[at[at >= 0]]
        grid = suppression.Grid(rows.parents)
        hidden = rule(grid, table.figures["respondents"], MIN_TEXT, start=start, keep=[grid.cell(0, 0)])
        parts.append(table.table(hidden, MIN_TEXT, FEWER_THAN_10))
    if not parts:
        return _Items(cells, "text", _Rows(cells), []).table(np.zeros(0, dtype=bool), MIN_TEXT, FEWER_THAN_10)
    return pa.concat_tables(parts)


class _Rows:
    """A table's rows (level, organisation, direction), the whole first, then organisations, then
    directions, each after its parent; ``parents``: each row's parent row (-1 for the whole)."""

    def __init__(self, cells: Cells) -> None:
        everyone = cells["col"] == 0
        keys = cells["row"][everyone]
        _, first = np.unique(keys, return_index=True)
        at = np.flatnonzero(everyone)[np.sort(first)]  # each row once, in table order
        self.level = cells["level"][at].tolist()
        self.organisation = cells["organisation"][at].tolist()
        self.direction = cells["direction"][at].tolist()
        self.count = len(at)
        self.index = pd.Index(cells["row"][at], dtype=object)
        row_of = {
            (lv, o, d): n
            for n, (lv, o, d) in enumerate(zip(self.level, self.organisation, self.direction, strict=True))
        }
        self.parents = [
            -1
            if lv == "whole"
            else row_of["whole", None, None]
            if lv == "organisation"
            else row_of["organisation", o, None]
            for lv, o in zip(self.level, self.organisation, strict=True)
        ]


_REASONS = pa.array([None, COMPLEMENTARY, FEWER_THAN_5, FEWER_THAN_10], type=pa.string())
_REASON_AT = {None: 0, COMPLEMENTARY: 1, FEWER_THAN_5: 2, FEWER_THAN_10: 3}


class _Items:
    """One kind's items on a grid of ``rows`` and ``columns``: each figure as an array per item and
    cell (column × rows + row), 0 where nobody is."""

    def __init__(self, cells: Cells, kind: str, rows: _Rows, columns: list) -> None:
        self.kind, self.rows, self.columns = kind, rows, columns
        self.names = [name for name, _ in cells.runs("item")] if columns else []
        width = len(columns) * rows.count
        self.figures = {
            f: np.zeros((len(self.names), width), dtype=np.int64) for f in ("respondents", *MEASURES[kind])
        }
        if not len(cells) or not self.names:
            return
        cell = cells["col"].astype(np.intp) * rows.count + rows.index.get_indexer(cells["row"])
        item = pd.Index(self.names, dtype=object).get_indexer(cells["item"])
        for f, values in self.figures.items():
            values[item, cell] = cells[f]

    def table(self, hidden: np.ndarray, minimum: int, small: str) -> pa.Table:
        """Every cell of every item, in table order, with its reason and ``suppressed``."""
        count, items = self.rows.count, len(self.names)
        width = len(self.columns) * count
        column_of = np.tile(np.repeat(np.arange(len(self.columns)), count), items)
        row_of = np.tile(np.arange(count), len(self.columns) * items)
        groups = [g for _, g in self.columns]
        sizes = self.figures["respondents"]
        shut = np.broadcast_to(hidden[:width], sizes.shape)
        reason = np.where(sizes < minimum, _REASON_AT[small], np.where(shut, _REASON_AT[COMPLEMENTARY], 0))
        return pa.table(
            {
                "item": pa.array(self.names, type=pa.string()).take(np.repeat(np.arange(items), width)),
                "breakdown": pa.array([b for b, _ in self.columns], type=pa.string()).take(column_of),
                "grp": pa.array(
                    groups, type=pa.bool_() if any(g is not None for g in groups) else pa.null()
                ).take(column_of),
                "level": pa.array(self.rows.level, type=pa.string()).take(row_of),
                "organisation": pa.array(self.rows.organisation, type=pa.string()).take(row_of),
                "direction": pa.array(self.rows.direction, type=pa.string()).take(row_of),
                **{f: values.reshape(-1) for f, values in self.figures.items()},
                "reason": _REASONS.take(reason.reshape(-1)),
                "suppressed": reason.reshape(-1) > 0,
            }
        )
