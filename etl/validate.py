"""raw_<table> -> stg_<table> and load_rejects, in set-based SQL generated from etl.schema.

Each rule is one SQL expression that yields a (column, reason) struct for an
offending row; a row with no reason is typed into stg_<table>, a row with
reasons goes to the rejects with all of them. Duplicates are judged last,
among the rows that pass every other rule, keeping the first in file order.
"""

from __future__ import annotations

import duckdb

from etl.normalize import enum_labels
from etl.schema import TABLES, Column, Table

# Parsing macros: the contract's section 1 formats, each returning NULL for text it cannot read.
MACROS = """
CREATE OR REPLACE TEMP MACRO cadran_num(s) AS (
    WITH t AS (SELECT regexp_replace(s, '[ \t\u00a0\u202f€%]|EUR$', '', 'g') AS v)
    SELECT TRY_CAST(CASE
        WHEN v LIKE '%,%' AND v LIKE '%.%' THEN
            CASE WHEN strpos(reverse(v), ',') < strpos(reverse(v), '.')
                 THEN replace(replace(v, '.', ''), ',', '.') ELSE replace(v, ',', '') END
        WHEN v LIKE '%,%' THEN
            CASE WHEN length(v) - length(replace(v, ',', '')) = 1 THEN replace(v, ',', '.') ELSE replace(v, ',', '') END
        WHEN length(v) - length(replace(v, '.', '')) > 1 THEN replace(v, '.', '')
        ELSE v END AS DOUBLE) FROM t
);
CREATE OR REPLACE TEMP MACRO cadran_ts(s) AS try_strptime(s, [
    '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M',
    '%Y-%m-%d %H:%M:%S.%f', '%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d-%m-%Y', '%d.%m.%Y',
    '%Y/%m/%d', '%d/%m/%y']);
CREATE OR REPLACE TEMP MACRO cadran_key(s) AS regexp_replace(lower(strip_accents(s)), '[^a-z0-9]', '', 'g');
CREATE OR REPLACE TEMP MACRO cadran_bool(s) AS CASE
    WHEN s IS NULL THEN false
    WHEN cadran_key(s) IN ('true', 'yes', 'oui', 'o', 'y', '1', 'x', 'vrai') THEN true
    WHEN cadran_key(s) IN ('false', 'no', 'non', 'n', '0', 'faux') THEN false
END;
"""

DATE_HINT = "formats acceptés : 2015-03-31, 31/03/2015"
SQL_TYPES = {
    "text": "VARCHAR",
    "enum": "VARCHAR",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "number": "DOUBLE",
    "integer": "INTEGER",
    "boolean": "BOOLEAN",
}


def _q(text: str) -> str:
    """A constant of ours (never user data) as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _enum_case(enum: str, raw: str) -> str:
    labels = [(label, code) for name, label, code in enum_labels() if name == enum]
    whens = " ".join(f"WHEN {_q(label)} THEN {_q(code)}" for label, code in labels)
    return f"CASE cadran_key({raw}) {whens} END"


def typed_expr(col: Column) -> str:
    """The typed value of a raw text column (NULL when empty or unreadable; defaults applied)."""
    raw = f'r."{col.name}"'
    match col.type:
        case "date":
            return f"CAST(cadran_ts({raw}) AS DATE)"
        case "datetime":
            return f"cadran_ts({raw})"
        case "number":
            return f"cadran_num({raw})"
        case "integer":
            return f"CAST(cadran_num({raw}) AS INTEGER)"
        case "boolean":
            return f"cadran_bool({raw})"
        case "enum":
            default = _q(col.default) if col.default else "NULL"
            return f"CASE WHEN {raw} IS NULL THEN {default} ELSE {_enum_case(col.enum, raw)} END"
        case _:
            return raw


def _problem(col: str, condition: str, reason_sql: str) -> str:
    return f"CASE WHEN {condition} THEN {{'column': {_q(col)}, 'reason': {reason_sql}}} END"


def _shown(col: Column) -> str:
    """The raw value quoted in a reason, e.g. « 31/02/2015 »."""
    return f"'« ' || r.\"{col.name}\" || ' »'"


def column_rules(col: Column) -> list[str]:
    """Row-level rules of one column: required, readable type, range, order against another date."""
    raw, val, rules = f'r."{col.name}"', f't."{col.name}"', []
    if col.required and col.type != "boolean":
        rules.append(_problem(col.name, f"{raw} IS NULL", _q(f"valeur obligatoire manquante ({col.french})")))
    unreadable = {
        "date": f"date illisible ({DATE_HINT})",
        "datetime": f"date illisible ({DATE_HINT}, heure facultative)",
        "number": "nombre illisible",
        "integer": "nombre entier attendu",
        "boolean": "oui/non attendu (oui, non, vrai, faux, 1, 0, x)",
        "enum": "valeur inconnue",
    }.get(col.type)
    if unreadable:
        if col.type == "enum":
            unreadable += " (attendu : " + ", ".join(sorted({c for e, _, c in enum_labels() if e == col.enum})) + ")"
        bad = f"{raw} IS NOT NULL AND {val} IS NULL"
        if col.type == "integer":
            bad = f"{raw} IS NOT NULL AND (cadran_num({raw}) IS NULL OR cadran_num({raw}) <> round(cadran_num({raw})))"
        rules.append(_problem(col.name, bad, f"{_q(unreadable + ' : ')} || {_shown(col)}"))
    if col.min is not None:
        op, word = ("<=", "supérieur à") if col.min_strict else ("<", "supérieur ou égal à")
        rules.append(_problem(col.name, f"{val} {op} {col.min}", f"{_q(f'doit être {word} {col.min:g} : ')} || {_shown(col)}"))
    if col.max is not None:
        rules.append(_problem(col.name, f"{val} > {col.max}", f"{_q(f'doit être au plus {col.max:g} : ')} || {_shown(col)}"))
    if col.after:
        cond = f'{val} <= t."{col.after}"'
        rules.append(_problem(col.name, cond, _q(f"doit être postérieure à {col.after}")))
    return rules


def reference_rules(table: Table) -> list[str]:
    """Values that must exist in a table already loaded (its stg_ rows, after its own rejects)."""
    rules = []
    for col in table.columns:
        if col.ref:
            target, target_col = col.ref.split(".")
            cond = f't."{col.name}" IS NOT NULL AND t."{col.name}" NOT IN (SELECT "{target_col}" FROM stg_{target})'
            rules.append(_problem(col.name, cond, f"{_q(f'inconnu dans {target} : ')} || {_shown(col)}"))
    for cols, target, target_cols in table.refs:
        pairs = " AND ".join(f'x."{b}" = t."{a}"' for a, b in zip(cols, target_cols, strict=True))
        cond = f"NOT EXISTS (SELECT 1 FROM stg_{target} x WHERE {pairs})"
        what = f"inconnu dans {target} pour cette enquête : "
        rules.append(_problem(cols[-1], cond, f"{_q(what)} || {_shown(table.column(cols[-1]))}"))
    return rules


def table_rules(table: Table) -> list[str]:
    """Rules that involve several columns or another table's content, beyond the declaration."""
    match table.name:
        case "budget":
            cond = "r.planned_eur IS NULL AND r.spent_eur IS NULL"
            return [_problem("spent_eur", cond, _q("il faut un montant prévu ou dépensé"))]
        case "survey_respondents":
            cond = "t.respondent_id IN (SELECT person_id FROM stg_staff)"
            return [_problem("respondent_id", cond, _q("un code répondant ne doit jamais être un matricule"))]
        case "survey_answers":
            return [_problem("value", "t.value IS NOT NULL AND q.kind IN ('likert5', 'nps', 'yes_no') "
                             "AND value_num IS NULL", _answer_reason())]
    return []


def _answer_reason() -> str:
    return (
        "CASE q.kind WHEN 'likert5' THEN 'réponse attendue : entier de 1 à 5 : ' "
        "WHEN 'nps' THEN 'réponse attendue : entier de 0 à 10 : ' "
        "ELSE 'réponse attendue : oui ou non : ' END || '« ' || r.value || ' »'"
    )


ANSWER_VALUE = """CASE q.kind
    WHEN 'likert5' THEN CASE WHEN cadran_num(r.value) IN (1, 2, 3, 4, 5) THEN cadran_num(r.value) END
    WHEN 'nps' THEN CASE WHEN cadran_num(r.value) BETWEEN 0 AND 10
                          AND cadran_num(r.value) = round(cadran_num(r.value)) THEN cadran_num(r.value) END
    WHEN 'yes_no' THEN CASE WHEN r.value IS NOT NULL THEN CAST(cadran_bool(r.value) AS DOUBLE) END
END"""


def checked_sql(table: Table) -> str:
    """One row per raw row: typed values and the list of problems found."""
    typed = ", ".join(f'{typed_expr(c)} AS "{c.name}"' for c in table.columns)
    rules = [r for c in table.columns for r in column_rules(c)]
    rules += reference_rules(table) + table_rules(table)
    rules.append(_problem("*", "r._extra IS NOT NULL", "'plus de valeurs que de colonnes : ' || r._extra"))
    extra_cols, join = "", ""
    if table.name == "survey_answers":
        extra_cols = f", {ANSWER_VALUE} AS value_num"
        join = "LEFT JOIN stg_survey_questions q ON q.survey_id = r.survey_id AND q.question_id = r.question_id"
    return f"""
        WITH typed AS (
            SELECT r._file, r._line, r._ord, {typed}{extra_cols}
            FROM raw_{table.name} r {join}
        )
        SELECT t.*, list_filter([{", ".join(rules)}], lambda p: p IS NOT NULL) AS problems
        FROM typed t JOIN raw_{table.name} r USING (_ord) {join}
    """


def stage_table(con: duckdb.DuckDBPyConnection, load_id: int, table: Table) -> None:
    """Build stg_<table> and append its rejects to load_rejects."""
    con.execute(f"CREATE TEMP TABLE _checked AS {checked_sql(table)}")
    dup = _duplicate_flag(table)
    con.execute(f"CREATE TEMP TABLE _flagged AS SELECT *, {dup} AS dup_of FROM _checked")
    cols = [f'"{c.name}"' for c in table.columns]
    if table.name == "survey_answers":
        cols.append("value_num")
    con.execute(
        f"CREATE TABLE stg_{table.name} AS SELECT {', '.join(cols)}, _file, _line, _ord FROM _flagged "
        "WHERE len(problems) = 0 AND dup_of IS NULL ORDER BY _ord"
    )
    raw = ", ".join(f'"{c.name}" := r."{c.name}"' for c in table.columns)
    con.execute(
        f"""
        INSERT INTO load_rejects
        SELECT ?, ?, f._file, f._line,
               CASE WHEN f.dup_of IS NOT NULL THEN ?
                    ELSE array_to_string(list_transform(f.problems, lambda p: p.column), ', ') END,
               CASE WHEN f.dup_of IS NOT NULL THEN 'doublon : même clé que la ligne ' || f.dup_of || ' (gardée)'
                    ELSE array_to_string(list_transform(f.problems, lambda p: p.reason), ' ; ') END,
               CAST(to_json(struct_pack({raw})) AS VARCHAR), f._ord
        FROM _flagged f JOIN raw_{table.name} r USING (_ord)
        WHERE len(f.problems) > 0 OR f.dup_of IS NOT NULL
        ORDER BY f._ord
        """,
        [load_id, table.name, ", ".join(table.key)],
    )
    con.execute("DROP TABLE _flagged; DROP TABLE _checked")


def _duplicate_flag(table: Table) -> str:
    """The line of the first row with the same key, for later rows that pass every other rule."""
    if not table.key:
        return "NULL::VARCHAR"
    keys = ", ".join(f'"{k}"' for k in table.key)
    not_null = " AND ".join(f'"{k}" IS NOT NULL' for k in table.key)
    window = f"OVER (PARTITION BY len(problems) = 0, {keys} ORDER BY _ord)"
    return f"CASE WHEN len(problems) = 0 AND {not_null} AND row_number() {window} > 1 THEN first(_line) {window} END"


def stage_all(con: duckdb.DuckDBPyConnection, load_id: int, on_table=None) -> None:
    """Validate every table in dependency order (a reference sees its target's loaded rows)."""
    con.execute(MACROS)
    for table in TABLES:
        stage_table(con, load_id, table)
        if on_table:
            on_table(table.name)


def stg_type(col: Column) -> str:
    return SQL_TYPES[col.type]
