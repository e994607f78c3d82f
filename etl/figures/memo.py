"""Caching of what a page makes from its frames (formatted tables, downloads, figures).

Streamlit's ``st.cache_data`` keys a call by its arguments; a DataFrame argument is hashed with
``pandas.util.hash_pandas_object`` column by column: 5–6 ms a frame, even a frame of one row,
some thirty frames a run on the surveys page (measured at 100×, half its server time). A frame is
keyed here by its values instead (0,1–0,5 ms), read the way they compare:

- numbers, dates and flags by their bytes; a nullable column (``Float64``, ``Int64``…) by its
  mask and its values with the masked ones zeroed (pandas leaves anything under the mask: two
  equal frames pickled apart);
- text and other objects by a pickle of the values without pickle's memo, so one string object
  held twice and two equal ones key alike;
- and the column names, the dtypes, the index and ``attrs``.

Two frames with one key are equal; a key missed for two equal frames only means a cache miss.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st
from pandas.api.extensions import ExtensionArray


def _plain_pickle(value) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the values, not on which objects hold them
    pickler.dump(value)
    return out.getvalue()


def _values(values) -> bytes:
    """The bytes of one column's (or an index's) values, equal for equal values."""
    if isinstance(values, pd.arrays.NumpyExtensionArray):
        values = values.to_numpy()
    if isinstance(values, np.ndarray) and values.dtype != object:
        return np.ascontiguousarray(values).tobytes()
    if isinstance(values, ExtensionArray) and hasattr(values, "_mask"):  # nullable numbers, booleans
        mask = np.asarray(values._mask)
        data = np.where(mask, np.zeros(1, values._data.dtype), values._data)
        return mask.tobytes() + data.tobytes()
    if isinstance(values, pd.DatetimeIndex | pd.arrays.DatetimeArray):
        return np.asarray(values.asi8).tobytes() + str(values.dtype).encode()
    if isinstance(values, pd.Categorical):
        return _values(values.codes) + _values(np.asarray(values.categories))
    if isinstance(values, ExtensionArray):  # text (Arrow strings…): tolist is 5× quicker than iterating
        return _plain_pickle(values.tolist())
    return _plain_pickle(list(values))


def digest(frame: pd.DataFrame) -> bytes:
    """A frame's cache key (``hash_funcs`` of ``of_frames``)."""
    h = hashlib.blake2b(digest_size=20)
    h.update(_plain_pickle([list(frame.columns), [str(d) for d in frame.dtypes], frame.attrs]))
    index = frame.index
    if isinstance(index, pd.RangeIndex):
        h.update(_plain_pickle(("range", index.start, index.stop, index.step)))
    else:
        h.update(str(index.dtype).encode() + _values(index.array))
    for position in range(frame.shape[1]):
        column = _values(frame.iloc[:, position].array)
        h.update(len(column).to_bytes(8, "little") + column)  # lengths: no two splits read alike
    return h.digest()


def of_frames(max_entries: int) -> Callable:
    """``st.cache_data`` for functions of frames, frames keyed by ``digest``."""
    return st.cache_data(show_spinner=False, max_entries=max_entries, hash_funcs={pd.DataFrame: digest})
