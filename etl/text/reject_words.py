"""A reject's reasons in the interface's language, from the codes and values etl stores (no Streamlit:
the Data page, the Excel summary and the upload's preview word them the same way).

etl stores each reject's problems as codes and values (etl.intake.reasons); the wording is etl.text.i18n's
(``reason.<code>``, ``reason_group.<code>`` for a group of rows).
"""

from __future__ import annotations

import json

from etl.intake.reasons import FRENCH, render
from etl.text.i18n import T, t


def _problems(problems_json) -> list[dict] | None:
    return json.loads(problems_json) if isinstance(problems_json, str) else None


def _template(code: str, lang: str, group: bool = False) -> str:
    key = f"reason_group.{code}" if group and f"reason_group.{code}" in T else f"reason.{code}"
    return t(key, lang) if key in T else FRENCH.get(code, code)


def reason(problems_json, stored: str, lang: str) -> str:
    """A reject's reasons in ``lang``, values included (the stored French text for loads recorded
    before reason codes)."""
    problems = _problems(problems_json)
    if not problems:
        return stored
    return " ; ".join(render(_template(p["code"], lang), p) for p in problems)


def group_label(problems_json, stored: str, lang: str) -> str:
    """A group's reasons in ``lang``, without the values and lines that differ from row to row."""
    problems = _problems(problems_json)
    if not problems:
        return stored
    return " ; ".join(render(_template(p["code"], lang, group=True), {"arg": p.get("arg")}) for p in problems)
