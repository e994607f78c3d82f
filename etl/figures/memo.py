"""Caching of what a page or a document makes from its frames (formatted tables, downloads, figures).

One cache, the standard library's ``functools.lru_cache``, keyed by the call's arguments. Streamlit's
``st.cache_data`` hashed a DataFrame with ``pandas.util.hash_pandas_object`` column by column:
5–6 ms a frame, even a frame of one row, some thirty frames a run on the surveys page (measured at
100×, half its server time), and it needs Streamlit's runtime (the command line has none). A frame
is keyed here by its values instead (0,1–0,5 ms), read the way they compare:

- numbers, dates and flags by their bytes; a nullable column (``Float64``, ``Int64``…) by its
  mask and its values with the masked ones zeroed (pandas leaves anything under the mask: two
  equal frames pickled apart);
- text and other objects by a pickle of the values without pickle's memo, so one string object
  held twice and two equal ones key alike;
- and the column names, the dtypes, the index and ``attrs``.

Two frames with one key are equal; a key missed for two equal frames only means a cache miss.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
from collections.abc import Callable

import numpy as np
import pandas as pd
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


class _Call:
    """A call's arguments as one hashable key: frames by ``digest``, anything else by its plain
    pickle. The arguments themselves are held only until the call is made (``release``)."""

    __slots__ = ("args", "key", "kwargs")

    def __init__(self, args: tuple, kwargs: dict):
        h = hashlib.blake2b(digest_size=20)
        for value in (*args, *sorted(kwargs.items())):
            h.update(_key_of(value))
        self.args, self.kwargs, self.key = args, kwargs, h.digest()

    def release(self) -> None:
        self.args, self.kwargs = (), {}

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Call) and other.key == self.key


def _key_of(value) -> bytes:
    if isinstance(value, pd.DataFrame):
        return b"F" + digest(value)
    if isinstance(value, pd.Series):
        return b"S" + digest(value.to_frame()) + _plain_pickle(value.name)
    if isinstance(value, tuple | list):
        return b"T" + b"".join(len(k).to_bytes(8, "little") + k for k in map(_key_of, value))
    if isinstance(value, dict):
        return b"D" + _key_of(sorted(value.items(), key=lambda item: repr(item[0])))
    return b"P" + _plain_pickle(value)


def of_frames(max_entries: int) -> Callable:
    """A function of frames cached on its arguments (frames keyed by ``digest``), the ``max_entries``
    latest calls kept. Each call returns its own copy (kept pickled): a caller may change it."""

    def decorate(function: Callable) -> Callable:
        @functools.lru_cache(maxsize=max_entries)
        def kept(call: _Call) -> bytes:
            return pickle.dumps(function(*call.args, **call.kwargs), protocol=5)

        @functools.wraps(function)
        def cached(*args, **kwargs):
            try:
                call = _Call(args, kwargs)
            except (pickle.PicklingError, TypeError, AttributeError):  # a callable argument: not kept
                return function(*args, **kwargs)
            try:
                return pickle.loads(kept(call))
            finally:
                call.release()

        cached.cache_clear = kept.cache_clear
        return cached

    return decorate
