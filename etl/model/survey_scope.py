"""A scope cut out of a survey's protected tables (etl.model.survey_tables): the rows of one level
(the whole survey, an organisation, a direction) whose names match the filters as ``scope_match``
matches them (etl/model/model.sql), a direction named in several organisations added up, the hidden
figures NULL and the reasons public. Plain arrays inside: a survey's tables are small, and pandas'
cost per operation was most of a read (etl.model.survey_results reads every frame through here).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.model.survey_tables import COMPLEMENTARY, FEWER_THAN_5, MIN_GROUP

# The one reason the read API gives for a hidden figure: telling a group under 5 from its complement
# would bound each (1–4 against 5 or more) and, with the totals, could pin one down.
SMALL_GROUP = "small_group"


def matching(values: np.ndarray, wanted: str) -> np.ndarray:
    """``scope_match`` (etl/model/model.sql) over an array of names: equal ignoring case and
    surrounding spaces; a missing name matches nothing."""
    wanted = str(wanted).strip().lower()
    return np.fromiter(
        (isinstance(v, str) and v.strip().lower() == wanted for v in values), dtype=bool, count=len(values)
    )


def picked(cells: pd.DataFrame, level: str, organisation=None, direction=None, breakdown=None) -> np.ndarray:
    """The positions of the rows of ``cells`` at ``level`` (and of ``breakdown``) whose organisation
    and direction match the filters. Read from plain arrays: a survey's tables are small, and each
    pandas string operation cost more than the whole filter (a scope's read 8-22 -> 2-4 ms)."""
    keep = cells["level"].to_numpy(dtype=object) == level
    if breakdown is not None:
        keep &= cells["breakdown"].to_numpy(dtype=object) == breakdown
    for column, wanted in (("organisation", organisation), ("direction", direction)):
        if wanted is not None:
            keep &= matching(cells[column].to_numpy(dtype=object), wanted)
    return np.flatnonzero(keep)


def hidden_as_null(rows: pd.DataFrame, figures: list[str]) -> dict[str, pd.api.extensions.ExtensionArray]:
    """``figures`` of ``rows`` as Float64 arrays, NULL where the row is suppressed."""
    hidden = rows["suppressed"].to_numpy(dtype=bool)
    arrays = {}
    for name in figures:
        values = rows[name].to_numpy(dtype="float64", na_value=np.nan)
        arrays[name] = pd.arrays.FloatingArray(values, hidden | np.isnan(values))
    return arrays


def scope_rows(
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
        level = "whole"
    else:
        level = "organisation" if direction is None else "direction"
    positions = picked(cells, level, organisation, direction)
    rows = cells.take(positions)
    keys = [*(by or []), "item", "breakdown", "grp"]
    figures = ["respondents", *measures]
    places = zip(
        cells["organisation"].to_numpy(dtype=object)[positions],
        cells["direction"].to_numpy(dtype=object)[positions],
        strict=True,
    )
    # one organisation and direction as written: one row per key (the tables' cells); several (one
    # direction name in several organisations, or two spellings of one name) may hold a key twice
    if len({(str(o), str(d)) for o, d in places}) > 1:
        rows = added_up(rows, keys, figures, minimum, small)
    index = pd.RangeIndex(len(rows))
    columns = {
        **{name: pd.Series(rows[name].array, index=index, dtype=rows[name].dtype) for name in keys},
        **{name: pd.Series(values, index=index) for name, values in hidden_as_null(rows, figures).items()},
        "suppressed": pd.Series(rows["suppressed"].to_numpy(dtype=bool), index=index),
        "reason": pd.Series(public_reasons(rows["reason"]), index=index, dtype=object),
    }
    return pd.DataFrame(columns)  # Series, each its own dtype: arrays of text would be read as str


def added_up(rows: pd.DataFrame, keys: list[str], figures: list[str], minimum, small) -> pd.DataFrame:
    """``rows`` with the rows of one key added up (in the order each key first comes): their
    figures summed, hidden when any is, the first reason given; a sum of several rows that hides
    says why by its own size (under ``minimum``: ``small``, else complementary). ``rows`` as they
    are when no key comes twice."""
    seen: dict[tuple, int] = {}
    labels = zip(*([None if pd.isna(v) else v for v in rows[k].tolist()] for k in keys), strict=True)
    codes = np.fromiter(
        (seen.setdefault(label, len(seen)) for label in labels), dtype=np.int64, count=len(rows)
    )
    if len(seen) == len(rows):
        return rows
    groups = len(seen)
    parts = np.bincount(codes, minlength=groups)
    hidden = np.bincount(codes, weights=rows["suppressed"].to_numpy(dtype=bool), minlength=groups) > 0
    sums = {
        name: np.bincount(codes, weights=rows[name].to_numpy(dtype="float64", na_value=0.0), minlength=groups)
        for name in figures
    }
    reasons: list = [None] * groups
    for code, reason in zip(codes, rows["reason"].tolist(), strict=True):
        if reasons[code] is None and isinstance(reason, str):
            reasons[code] = reason
    for code in range(groups):
        if not hidden[code]:
            reasons[code] = None
        elif parts[code] > 1:
            reasons[code] = small if sums["respondents"][code] < minimum else COMPLEMENTARY
    first = np.unique(codes, return_index=True)[1]  # codes count up as keys first come
    out = rows.take(first)[keys].reset_index(drop=True)
    return out.assign(**sums, suppressed=hidden, reason=pd.Series(reasons, index=out.index, dtype=object))


PUBLIC_REASONS = {FEWER_THAN_5: SMALL_GROUP, COMPLEMENTARY: SMALL_GROUP}


def public_reasons(reasons: pd.Series) -> list:
    """The reasons as the read API gives them: text or None (never NaN), so a shown cell's reason is
    plainly empty, and one word for both rules of the small groups."""
    return [PUBLIC_REASONS.get(r, r) if isinstance(r, str) else None for r in reasons]


def with_public_reasons(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its reasons public (``public_reasons``, an object column), the rows numbered from 0. A
    new frame (its columns shared until written: pandas copies on write)."""
    reasons = pd.Series(public_reasons(frame["reason"]), index=frame.index, dtype=object)
    return frame.assign(reason=reasons).reset_index(drop=True)
