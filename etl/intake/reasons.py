"""Why a row was rejected: a code and its values, and how a wording's blanks are filled (in Python and in SQL).

A problem is {column, code, arg, value, file, line}: `arg` is the rule's own parameter (a bound, a
table, the accepted labels), `value` the text read (never kept for survey tables), `file` and `line`
point at another row (the kept duplicate, a rejected staff row). The words of each code are the text
layer's (etl/text/catalogue/texts_intake.py: ``reason.<code>``); whoever stores or shows a reason passes them in.
"""

from __future__ import annotations

from collections.abc import Mapping

FIELDS = ("arg", "value", "file", "line")
_VALUE_PARTS = (
    " : « {value} »",
    " : “{value}”",
    ": “{value}”",
    " : {value}",
    ": {value}",
    "{value} : ",
    "{value}: ",
)


def without_value(template: str) -> str:
    """The wording when the value is not shown (survey tables, a group of rows)."""
    for part in _VALUE_PARTS:
        template = template.replace(part, "")
    return template


def render(template: str, problem: dict) -> str:
    """One problem in words: `template` with its {arg}, {value}, {file}, {line} filled."""
    if problem.get("value") is None:
        template = without_value(template)
    for name in FIELDS:
        template = template.replace("{" + name + "}", str(problem.get(name) or ""))
    return template


def sql_render(templates: Mapping[str, str], code: str, arg: str, value: str, file: str, line: str) -> str:
    """render() in SQL over a problem's fields (set-based: one expression for every rejected row);
    `templates`: code -> wording (an unknown code reads as itself)."""

    def case(texts: Mapping[str, str]) -> str:
        whens = " ".join(f"WHEN {_q(c)} THEN {_q(tx)}" for c, tx in texts.items())
        return f"CASE {code} {whens} ELSE {code} END"

    shown = case(templates)
    hidden = case({c: without_value(tx) for c, tx in templates.items()})
    text = f"CASE WHEN {value} IS NULL THEN {hidden} ELSE {shown} END"
    for name, expr in zip(FIELDS, (arg, value, file, line), strict=True):
        text = f"replace({text}, '{{{name}}}', coalesce({expr}, ''))"
    return text


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
