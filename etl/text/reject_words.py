"""A load's words in the interface's language, from the codes and values etl stores (no Streamlit: the
Data page, the Excel summary, the upload's preview and the command line word them the same way).

etl stores each reject's problems as codes and values (etl.intake.reasons), raises a LoadError with a
code and its parameters, and notes what it ignored or did as a code and parameters; the wording is the
catalogue's (etl/text/catalogue/texts_intake.py: ``reason.<code>``, ``reason_group.<code>`` for a group of
rows, ``loaderror.<code>``, ``note.<code>``).
"""

from __future__ import annotations

import functools
import json
import re

from etl.intake.reasons import render
from etl.text.i18n import T, t, t_counts

# What etl writes in place of an upload's temporary folder (etl.publish.load.as_uploaded): the folder
# means nothing to the person who uploaded; a load error words it « Fichiers déposés », "Uploaded files".
UPLOADED = "{uploaded_files}"


# A load's recorded source for an upload or a restore (load_log.source): the French of these keys,
# as stored since the first versions, most specific first
SOURCES = ("load.source.upload_kept", "load.source.upload", "load.source.restore")


def recorded_source(key: str, **values) -> str:
    """What the load history stores as the source of an upload or a restore (``key`` of SOURCES)."""
    return t(key, "fr", **values)


@functools.cache
def _source_pattern(key: str) -> re.Pattern:
    """The stored French of ``key`` as a pattern, each ``{placeholder}`` a named group."""
    parts = re.split(r"\{(\w+)\}", T[key][0])
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)))


def source_words(stored: str, lang: str | None = None) -> str:
    """A load's recorded source in ``lang``: an upload's or a restore's worded again, any other (a
    folder's name) as it is."""
    for key in SOURCES:
        match = _source_pattern(key).fullmatch(str(stored))
        if match:
            return t(key, lang, **match.groupdict())
    return str(stored)


def templates(lang: str = "fr") -> dict[str, str]:
    """Every reject reason's wording in ``lang``, code -> template with its {arg}, {value}, {file}, {line}
    (the load stores the French one, the command line's and the rejects CSV's)."""
    return {key.removeprefix("reason."): t(key, lang) for key in T if key.startswith("reason.")}


def _problems(problems_json) -> list[dict] | None:
    return json.loads(problems_json) if isinstance(problems_json, str) else None


def _template(code: str, lang: str, group: bool = False) -> str:
    key = f"reason_group.{code}" if group and f"reason_group.{code}" in T else f"reason.{code}"
    return t(key, lang) if key in T else code


def reason(problems_json, stored: str, lang: str) -> str:
    """A reject's reasons in ``lang``, values included (the stored French text for loads recorded
    before reason codes)."""
    problems = _problems(problems_json)
    if not problems:
        return stored
    return t("list.separator", lang).join(render(_template(p["code"], lang), p) for p in problems)


def group_label(problems_json, stored: str, lang: str) -> str:
    """A group's reasons in ``lang``, without the values and lines that differ from row to row."""
    problems = _problems(problems_json)
    if not problems:
        return stored
    words = (render(_template(p["code"], lang, group=True), {"arg": p.get("arg")}) for p in problems)
    return t("list.separator", lang).join(words)


def load_error(exc, lang: str, params: dict | None = None) -> str:
    """A failed load's message in ``lang``: ``loaderror.<code>`` with the error's parameters (or
    ``params``, the same renamed for the reader); an error without a code says its own message. An
    upload's folder (UPLOADED) is worded as the reader's uploaded files."""
    key = f"loaderror.{exc.code}"
    if key not in T:
        return _uploaded(str(exc), lang)
    values = exc.params if params is None else params
    # a parameter that is itself a code (``what="database"``) has its words: ``loaderror.<name>.<code>``
    values = {
        n: t(f"loaderror.{n}.{v}", lang) if f"loaderror.{n}.{v}" in T else _uploaded(v, lang)
        for n, v in values.items()
    }
    return t_counts(key, lang, **values)


def _uploaded(value, lang: str):
    return value.replace(UPLOADED, t("upload.uploaded_files", lang)) if isinstance(value, str) else value


def note(code: str | None, params: dict | str | None, stored: str | None, lang: str) -> str:
    """A load's note in ``lang``: ``note.<code>`` with its parameters (a dict, or the JSON stored);
    the stored text for notes recorded without a code."""
    key = f"note.{code}"
    if key not in T:
        return stored if stored is not None else str(code)
    values = json.loads(params) if isinstance(params, str) else params if isinstance(params, dict) else {}
    return t_counts(key, lang, **values)
