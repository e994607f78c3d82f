"""The linear programs of the survey audit (etl/model/survey_results.py): one polytope, many objectives.

The audit asks, for one item's hidden cells, how far each can move while the shown cells and the
relations hold: the same constraints ``A x = b, lower <= x <= upper`` under a few hundred objectives.
HiGHS keeps the model and its last basis between solves, so each new objective starts from the
previous vertex (a few pivots) instead of a fresh setup; through scipy's ``linprog`` the setup
(checking options, building the sparse matrix) cost four times the solve itself (issue 8).
"""

from __future__ import annotations

import highspy
import numpy as np

UNBOUNDED = "unbounded"


class Polytope:
    """{x : A x = b, lower <= x <= upper}, optimised again for each objective from the last basis."""

    def __init__(self, a: np.ndarray, b: np.ndarray, bounds: list[tuple[float, float]]) -> None:
        self._highs = highspy.Highs()
        self._highs.setOptionValue("output_flag", False)
        self._size = a.shape[1]
        lower, upper = (np.array(side, dtype=float) for side in zip(*bounds, strict=True))
        self._highs.addVars(self._size, lower, upper)
        rows, columns = np.nonzero(a)
        starts = np.searchsorted(rows, np.arange(a.shape[0])).astype(np.int32)
        rhs = np.asarray(b, dtype=float)
        self._highs.addRows(
            a.shape[0], rhs, rhs, len(rows), starts, columns.astype(np.int32), a[rows, columns].astype(float)
        )
        self._columns = np.arange(self._size, dtype=np.int32)

    def minimum(self, objective: np.ndarray) -> np.ndarray | str | None:
        """The point minimising ``objective``; ``UNBOUNDED``; or None when no optimum was found."""
        self._highs.changeColsCost(self._size, self._columns, np.asarray(objective, dtype=float))
        self._highs.run()
        status = self._highs.getModelStatus()
        if status == highspy.HighsModelStatus.kUnbounded:
            return UNBOUNDED
        if status != highspy.HighsModelStatus.kOptimal:
            return None
        return np.array(self._highs.getSolution().col_value)
