"""The linear programs of the survey audit (etl/protection/suppression.py): one model, many bounds and objectives.

The audit asks how far a hidden cell can move while the shown cells and the relations hold: the same
relations ``total - Σ parts = 0`` over every cell of a survey's table, each item and count setting
the cells' bounds (a shown cell fixed at its value, a hidden one between its bounds), then one
objective per cell in doubt. HiGHS keeps the model and its last basis between solves, so each new
bound or objective starts from the previous vertex (a few pivots) instead of a fresh setup.
"""

from __future__ import annotations

from collections.abc import Sequence

import highspy
import numpy as np

FREE = highspy.kHighsInf


class Polytope:
    """{x : total - Σ parts = 0 for each relation, lower <= x <= upper}, optimised again for each
    objective (and each change of bounds) from the last basis."""

    def __init__(self, size: int, relations: Sequence[tuple[int, Sequence[int]]]) -> None:
        self._highs = highspy.Highs()
        self._highs.setOptionValue("output_flag", False)
        self._size = size
        self._columns = np.arange(size, dtype=np.int32)
        self._highs.addVars(size, np.full(size, -FREE), np.full(size, FREE))
        starts, index, value = [], [], []
        for total, parts in relations:
            starts.append(len(index))
            index += [total, *parts]
            value += [1.0] + [-1.0] * len(parts)
        zeros = np.zeros(len(relations))
        self._highs.addRows(
            len(relations),
            zeros,
            zeros,
            len(index),
            np.array(starts, dtype=np.int32),
            np.array(index, dtype=np.int32),
            np.array(value, dtype=float),
        )

    def bound(self, lower: np.ndarray, upper: np.ndarray) -> None:
        """Every cell's bounds (``FREE`` or ±inf: no bound)."""
        lower = np.maximum(np.asarray(lower, dtype=float), -FREE)
        upper = np.minimum(np.asarray(upper, dtype=float), FREE)
        self._highs.changeColsBounds(self._size, self._columns, lower, upper)

    def minimum(self, objective: np.ndarray) -> np.ndarray | None:
        """The point minimising ``objective``, or None when no optimum was found."""
        self._highs.changeColsCost(self._size, self._columns, np.asarray(objective, dtype=float))
        self._highs.run()
        if self._highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.array(self._highs.getSolution().col_value)
