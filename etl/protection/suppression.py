"""Which cells of a survey's tables to hide: counts in, one boolean per cell out; no SQL, no pandas.

A survey's figures are the cells of one table per item (a theme, a question). Its rows are the
whole, its organisations and their directions; its columns are everyone, then the two groups of each
breakdown (members and non-members, managers and non-managers). Each total is the sum of its parts:
everyone = the two groups of a breakdown, whole = Σ organisations, organisation = Σ its directions.
A group's figures come from the same respondents in every item, so one pattern serves every item
of a survey, and every rule below must hold in every item:

1. the plain rule: a cell of fewer than ``minimum`` respondents is hidden; then, until every
   relation is safe, the smallest shown part of an unsafe one is hidden too (else its total). A
   relation is unsafe when it holds exactly one hidden cell, or a shown total whose hidden parts
   count fewer than ``minimum`` respondents.
2. the audit of what the plain rule leaves at risk: each hidden cell's respondents, and each small
   group's audited counts (favourable, promoters…: those of a cell under ``minimum``), must keep a
   second whole value that the shown cells, the relations and the bounds allow (respondents between
   1, or 0 when a cell of the table is empty, and the table's largest cell; a count between 0 and
   the cell's answers). Most cells are cleared by an explicit second table: a move of one
   respondent between hidden cells that every relation allows (``Grid.moved``). Only the others
   go to a linear program (etl/protection/polytope.py), one model per table. A cell left with one
   value hides the nearest shown cell (the smallest sharing a relation with it, else one step
   further; ``keep`` last), and both rules run again until nothing more hides.

A small group's count at 0 or at all its answers is let be when a shown cell holding it (a total
above it, or a total whose only part with respondents it is) reads 0 % or 100 % too: the share
shown says it already, for every part.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from etl.protection.polytope import Polytope

RULE = 2  # the version of these rules: protections stored under another are computed again


class Table:
    """Cells ``0 … size - 1`` and their relations, each ``(total, parts)``: total = Σ parts."""

    def __init__(self, size: int, relations: Sequence[tuple[int, Sequence[int]]]) -> None:
        self.size = size
        self.relations = [(int(total), tuple(int(p) for p in parts)) for total, parts in relations]
        self.totals = np.array([total for total, _ in self.relations], dtype=np.intp)
        if not all(parts for _, parts in self.relations):
            raise ValueError("a relation without parts")
        self.members = [np.array([total, *parts], dtype=np.intp) for total, parts in self.relations]
        # flat, for sums over every relation at once (np.add.reduceat)
        self.flat = np.concatenate(self.members) if self.members else np.zeros(0, dtype=np.intp)
        self.starts = np.cumsum([0] + [len(m) for m in self.members[:-1]]).astype(np.intp)
        is_part = np.ones(len(self.flat), dtype=bool)
        is_part[self.starts] = False
        self.flat_parts = self.flat[is_part]
        self.part_starts = self.starts - np.arange(len(self.starts))
        self.of_cell: list[list[int]] = [[] for _ in range(size)]  # the relations holding each cell
        self.part_of: list[list[int]] = [[] for _ in range(size)]  # … as a part
        self.total_of: list[list[int]] = [[] for _ in range(size)]  # … as the total
        for r, cells in enumerate(self.members):
            self.total_of[cells[0]].append(r)
            for k, cell in enumerate(cells):
                self.of_cell[cell].append(r)
                if k:
                    self.part_of[cell].append(r)

    def moved(self, values, lower, upper, open_, present) -> np.ndarray:
        """The open cells that a known integer move changes by one within the bounds: none here
        (a plain table knows no moves; the linear program decides)."""
        return np.zeros(self.size, dtype=bool)


class Grid(Table):
    """A survey's table. ``parents[r]``: row r's parent (-1 for the whole), parents listed before
    their children; column 0 is everyone, columns ``2k + 1`` and ``2k + 2`` the two groups of
    breakdown k; cell = column × rows + row."""

    def __init__(self, parents: Sequence[int], breakdowns: int = 0) -> None:
        self.rows, self.breakdowns = len(parents), breakdowns
        self.parents = np.array(parents, dtype=np.intp)
        children: list[list[int]] = [[] for _ in parents]
        for row, parent in enumerate(parents):
            if parent >= 0:
                children[parent].append(row)
        self.has_children = np.array([bool(c) for c in children])
        depth = np.zeros(self.rows, dtype=np.intp)
        for row, parent in enumerate(parents):
            depth[row] = 0 if parent < 0 else depth[parent] + 1
        self.levels = [np.flatnonzero(depth == d) for d in range(int(depth.max(initial=0)) + 1)]
        # what _reach and _closed read of each level, computed once per grid rather than per move:
        # a level's rows, which have no child, and which row is each one's parent (a 0/1 matrix)
        parent_of = np.zeros((self.rows, self.rows), dtype=np.int64)
        parent_of[np.flatnonzero(self.parents >= 0), self.parents[self.parents >= 0]] = 1
        self._up = [(level, ~self.has_children[level], parent_of[level]) for level in reversed(self.levels)]
        self._down = [
            (level, np.maximum(self.parents[level], 0), self.parents[level] < 0) for level in self.levels
        ]
        self._parent_of = parent_of
        relations = []
        for column in range(1 + 2 * breakdowns):
            for row in range(self.rows):
                cell = self.cell(column, row)
                if column == 0:
                    relations += [
                        (cell, (self.cell(2 * k + 2, row), self.cell(2 * k + 1, row)))
                        for k in range(breakdowns)
                    ]
                if children[row]:
                    relations.append((cell, tuple(self.cell(column, c) for c in children[row])))
        super().__init__((1 + 2 * breakdowns) * self.rows, relations)

    def cell(self, column: int, row: int) -> int:
        return column * self.rows + row

    def moved(self, values, lower, upper, open_, present) -> np.ndarray:
        """The open cells that an integer move of the grid changes by one within the bounds.

        A move adds a row vector ``v`` (one respondent in everyone and in one group of each
        breakdown; or one from a breakdown's group to the other) to the rows of a chain from a
        direction up to some row, and takes it from a chain under a sibling of that row (or climbs
        to the whole): every relation still holds. The breakdowns whose columns the item lacks hold
        no relation in it, so ``v`` leaves them out.
        """
        rows = self.rows
        kept = [k for k in range(self.breakdowns) if present[(2 * k + 1) * rows : (2 * k + 3) * rows].all()]
        vectors = [{2 * k + 2: 1, 2 * k + 1: -1} for k in kept]
        vectors += [
            {0: 1, **{2 * k + g: 1 for k, g in zip(kept, groups, strict=True)}}
            for groups in itertools.product((1, 2), repeat=len(kept))
        ]
        values, lower, upper = (np.asarray(a, dtype=float).reshape(-1, rows) for a in (values, lower, upper))
        open_ = np.asarray(open_, dtype=bool).reshape(-1, rows)
        # every vector at once: ``steps`` (vectors × columns) holds each column's step, 0 where none
        steps = np.zeros((len(vectors), len(values)), dtype=np.int64)
        for n, v in enumerate(vectors):
            steps[n, list(v)] = list(v.values())
        # the columns' rows that cannot take one more (``gain``) or one less (``loss``), as 0/1
        gain = (~(open_ & (values + 1 >= lower) & (values + 1 <= upper))).astype(np.int64)
        loss = (~(open_ & (values - 1 >= lower) & (values - 1 <= upper))).astype(np.int64)
        adds, takes = (steps == 1).astype(np.int64), (steps == -1).astype(np.int64)
        up = (adds @ gain + takes @ loss) == 0  # vectors × rows: every column of the vector fits
        down = (adds @ loss + takes @ gain) == 0
        up_reach, down_reach = self._reach(up), self._reach(down)
        through = (up_reach & self._closed(up, down_reach)) | (down_reach & self._closed(down, up_reach))
        return (((steps != 0).T.astype(np.int64) @ through.astype(np.int64)) > 0).reshape(-1)

    def _reach(self, fits: np.ndarray) -> np.ndarray:
        """Rows reached by a chain of fitting rows from a direction (a row without children) up,
        for each vector (``fits``: vectors × rows)."""
        reach, below = fits.copy(), np.zeros(fits.shape, dtype=bool)
        for level, leaf, parent_of in self._up:
            reach[:, level] = fits[:, level] & (leaf | below[:, level])
            below |= (reach[:, level].astype(np.int64) @ parent_of) > 0
        return reach

    def _closed(self, fits: np.ndarray, other: np.ndarray) -> np.ndarray:
        """Rows where a chain arriving from below can end: at the whole, beside a sibling that the
        opposite chain reaches (``other``), or through a fitting parent where it can end; for each
        vector (vectors × rows)."""
        beside = other.astype(np.int64) @ self._parent_of  # each row's children that ``other`` reaches
        closed = np.zeros(fits.shape, dtype=bool)
        for level, p, root in self._down:
            closed[:, level] = root | (beside[:, p] - other[:, level] > 0) | (fits[:, p] & closed[:, p])
        return closed


def protect(
    table: Table,
    sizes,
    minimum: int,
    *,
    present=None,
    counts: Sequence[Sequence[tuple]] | None = None,
    start=None,
    keep: Sequence[int] = (),
) -> np.ndarray:
    """Which cells to hide (one boolean per cell, the same in every item): the plain rule, then the audit.

    ``sizes``: respondents per item (one row each) and cell; ``present``: the cells each item has
    (default all; a relation holds in an item when all its cells are there); ``counts``: per item,
    the audited counts as (values, answers) pairs of arrays per cell; ``start``: cells hidden from
    the start; ``keep``: cells hidden only when no other will do (the survey's whole).
    """
    run = _Run(table, sizes, minimum, present, counts, start, keep)
    while True:
        run.plain()
        target = run.audit()
        if target is None:
            return run.hidden
        run.hidden[target] = True


def plain_rule(
    table: Table, sizes, minimum: int, *, present=None, counts=None, start=None, keep=()
) -> np.ndarray:
    """The plain rule alone (no audit), with ``protect``'s arguments: a baseline to measure against."""
    run = _Run(table, sizes, minimum, present, counts, start, keep)
    run.plain()
    return run.hidden


class _Run:
    """One survey's protection under way: the cells hidden so far, and what the audit cleared."""

    def __init__(self, table, sizes, minimum, present, counts, start, keep) -> None:
        self.table, self.minimum = table, minimum
        self.sizes = np.asarray(sizes, dtype=np.int64).reshape(-1, table.size)
        items = len(self.sizes)
        self.present = (
            np.ones_like(self.sizes, dtype=bool)
            if present is None
            else np.asarray(present, dtype=bool).reshape(items, -1)
        )
        self.counts = (
            [[(np.asarray(v), np.asarray(a)) for v, a in c] for c in counts] if counts else [[]] * items
        )
        self.keep = set(int(c) for c in keep)
        self.applies = np.array([[p[m].all() for m in table.members] for p in self.present]).reshape(
            items, len(table.members)
        )
        self.hidden = np.zeros(table.size, dtype=bool) if start is None else np.array(start, dtype=bool)
        self.hidden |= (self.present & (self.sizes < minimum)).any(axis=0)
        self.cleared: dict[tuple[int, int], np.ndarray] = {}  # (item, check): cells shown to move
        self._polytope: Polytope | None = None
        self._only: dict[int, np.ndarray] = {}

    # --- the plain rule

    def plain(self) -> None:
        """Hide the smallest shown part of each unsafe relation until every relation is safe."""
        while True:
            unsafe = np.argwhere(self._unsafe())
            if not len(unsafe):
                return
            for item, r in unsafe:
                if self._is_unsafe(item, r):
                    self.hidden[self._partner(item, r)] = True

    def _unsafe(self) -> np.ndarray:
        """items × relations: the relations that give a hidden cell away in that item."""
        if not self.table.relations:
            return self.applies
        counted = np.add.reduceat(self.hidden[self.table.flat].astype(np.int64), self.table.starts)
        hidden_sizes = (self.sizes * self.hidden)[:, self.table.flat_parts]
        small = np.add.reduceat(hidden_sizes, self.table.part_starts, axis=1) < self.minimum
        total_shown = ~self.hidden[self.table.totals]
        return self.applies & (counted >= 1) & ((counted == 1) | (total_shown & small))

    def _is_unsafe(self, item, r) -> bool:
        cells = self.table.members[r]
        hidden = self.hidden[cells]
        if not hidden.any():
            return False
        parts = cells[1:]
        return hidden.sum() == 1 or (
            not hidden[0] and self.sizes[item, parts[self.hidden[parts]]].sum() < self.minimum
        )

    def _partner(self, item, r) -> int:
        total, parts = self.table.relations[r]
        part = self._smallest_shown(parts, item)
        return total if part is None else part

    def _smallest_shown(self, cells, item) -> int | None:
        shown = [c for c in cells if not self.hidden[c]]
        return min(shown, key=lambda c: (self.sizes[item, c], c)) if shown else None

    # --- the audit

    def audit(self) -> int | None:
        """The shown cell to hide because the first cell found with a single whole value (items and
        checks in order) shares a relation with it; None when every cell keeps two."""
        for item in range(len(self.sizes)):
            for check, (values, lower, upper, watched, counted) in enumerate(self._checks(item)):
                for cell in self._single_valued(item, check, values, lower, upper, watched, counted):
                    target = self._nearest_shown(cell, item)
                    if target is not None:
                        return target
        return None

    def _checks(self, item):
        """(values, lower, upper, cells watched, is a count) for the item's respondents (every hidden
        cell), then for each audited count (the small groups)."""
        present, sizes = self.present[item], self.sizes[item]
        open_ = self.hidden & present
        # a row is there because someone is: 1 at least, unless the table has an empty cell
        low = 1 if present.any() and sizes[present].min() > 0 else 0
        high = sizes[present].max(initial=0)
        yield sizes, np.full(self.table.size, low), np.full(self.table.size, high), open_, False
        small = open_ & (sizes > 0) & (sizes < self.minimum)
        for values, answers in self.counts[item]:
            yield values, np.zeros(self.table.size), answers, small, True

    def _single_valued(self, item, check, values, lower, upper, watched, counted) -> list[int]:
        """The watched cells that neither a move of the grid nor the linear program takes one unit
        away (a count that a shown whole already says let be)."""
        open_ = self.hidden & self.present[item]
        cleared = self.cleared.get((item, check))
        if cleared is None:  # a cell no relation holds is bound by nothing
            cleared = np.ones(self.table.size, dtype=bool)
            for r in np.flatnonzero(self.applies[item]):
                cleared[self.table.members[r]] = False
            self.cleared[item, check] = cleared
        left = watched & ~cleared
        if left.any():
            cleared |= self.table.moved(values, lower, upper, open_, self.present[item])
            left &= ~cleared
        if counted:
            answers = upper
            for cell in np.flatnonzero(left):
                if self._said_by_a_shown_whole(cell, item, values, answers):
                    left[cell] = False
        if not left.any():
            return []
        polytope = self._model()
        absent = ~self.present[item]
        fixed = np.where(absent, -np.inf, np.where(open_, lower, values))
        top = np.where(absent, np.inf, np.where(open_, upper, values))
        polytope.bound(fixed, top)
        single = []
        for cell in np.flatnonzero(left):
            for sign in (-1.0, 1.0):  # the largest first: most cells can grow
                if cleared[cell]:
                    break
                objective = np.zeros(self.table.size)
                objective[cell] = sign
                point = polytope.minimum(objective)
                if point is not None:
                    cleared |= watched & (np.abs(point - values) >= 1 - 1e-6)
            if not cleared[cell]:
                single.append(int(cell))
        return single

    def _model(self) -> Polytope:
        if self._polytope is None:
            self._polytope = Polytope(self.table.size, self.table.relations)
        return self._polytope

    def _nearest_shown(self, cell, item) -> int | None:
        """The smallest shown cell sharing a relation with ``cell``, else one step further; a cell of
        ``keep`` only when no other is left."""
        seen, frontier = {cell}, {cell}
        while frontier:
            linked = {
                int(c)
                for f in frontier
                for r in self.table.of_cell[f]
                if self.applies[item, r]
                for c in self.table.members[r]
            } - seen
            target = self._smallest_shown(sorted(linked - self.keep), item)
            if target is not None:
                return target
            seen |= linked
            frontier = linked
        return self._smallest_shown(sorted(self.keep), item)

    def _said_by_a_shown_whole(self, cell, item, values, answers) -> bool:
        """Whether a shown cell holding ``cell`` (a total above it, or a total's only part with
        respondents) has a count of 0, or of all its answers, as ``cell`` has."""
        none, every = values[cell] == 0, values[cell] == answers[cell]
        if not (none or every):
            return False
        return any(
            not self.hidden[c] and ((none and values[c] == 0) or (every and values[c] == answers[c]))
            for c in self._holding(item, cell)
        )

    def _holding(self, item, cell) -> set[int]:
        """The cells holding ``cell``'s respondents: the totals above it and, from each, the only
        part with respondents; closed under both (the item's relations)."""
        if item not in self._only:  # each relation's only part with respondents, else -1
            live = self.sizes[item][self.table.flat_parts] > 0
            count = np.add.reduceat(live.astype(np.int64), self.table.part_starts)
            where = np.add.reduceat(np.where(live, self.table.flat_parts, 0), self.table.part_starts)
            self._only[item] = np.where((count == 1) & self.applies[item], where, -1)
        only, applies, table = self._only[item], self.applies[item], self.table
        above, frontier = {cell}, {cell}
        while frontier:
            step = set()
            for f in frontier:
                step |= {int(table.totals[r]) for r in table.part_of[f] if applies[r]}
                step |= {int(only[r]) for r in table.total_of[f] if only[r] >= 0}
            frontier = step - above
            above |= frontier
        return above
