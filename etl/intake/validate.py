"""raw_<table> -> stg_<table> and load_rejects, in set-based SQL generated from etl.intake.schema.

Each rule is one SQL expression that yields a (column, reason) struct for an
offending row; a row with no reason is typed into stg_<table>, a row with
reasons goes to the rejects with all of them. Duplicates are judged last,
among the rows that pass every other rule, keeping the first in file order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import duckdb

from etl.intake.normalize import enum_labels
from etl.intake.read import Raw
from etl.intake.reasons import sql_render
from etl.intake.schema import ENUMS, TABLES, Column, Table

# Parsing macros: the contract's section 1 formats, each returning NULL for text it cannot read.
MACROS = """
-- v: the text without spaces, currency and percent signs (cadran_num); a macro of a macro, not a
-- subquery: a subquery per number column was most of planning a table, and twice the reading
CREATE OR REPLACE TEMP MACRO cadran_num_of(v) AS TRY_CAST(CASE
    WHEN v LIKE '%,%' AND v LIKE '%.%' THEN
        CASE WHEN strpos(reverse(v), ',') < strpos(reverse(v), '.')
             THEN replace(replace(v, '.', ''), ',', '.') ELSE replace(v, ',', '') END
    WHEN v LIKE '%,%' THEN
        CASE WHEN length(v) - length(replace(v, ',', '')) = 1 THEN replace(v, ',', '.') ELSE replace(v, ',', '') END
    WHEN length(v) - length(replace(v, '.', '')) > 1 THEN replace(v, '.', '')
    ELSE v END AS DOUBLE);
CREATE OR REPLACE TEMP MACRO cadran_num(s) AS cadran_num_of(regexp_replace(s, '[ \t\u00a0\u202f€%]|EUR$', '', 'g'));
-- the usual shapes first: trying a list of formats costs 50x more per value
CREATE OR REPLACE TEMP MACRO cadran_ts(s) AS CASE
    WHEN s LIKE '____-__-__' THEN try_strptime(s, '%Y-%m-%d')
    WHEN s LIKE '__/__/____' THEN try_strptime(s, '%d/%m/%Y')
    WHEN s LIKE '____-__-__ __:__:__' THEN try_strptime(s, '%Y-%m-%d %H:%M:%S')
    WHEN s LIKE '__/__/____ __:__' THEN try_strptime(s, '%d/%m/%Y %H:%M')
    ELSE try_strptime(s, [
        '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M',
        '%Y-%m-%d %H:%M:%S.%f', '%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d-%m-%Y', '%d.%m.%Y',
        '%Y/%m/%d', '%d/%m/%y'])
END;
CREATE OR REPLACE TEMP MACRO cadran_key(s) AS regexp_replace(lower(strip_accents(s)), '[^a-z0-9]', '', 'g');
CREATE OR REPLACE TEMP MACRO cadran_bool(s) AS CASE
    WHEN s IS NULL THEN false
    WHEN cadran_key(s) IN ('true', 'yes', 'oui', 'o', 'y', '1', 'x', 'vrai') THEN true
    WHEN cadran_key(s) IN ('false', 'no', 'non', 'n', '0', 'faux') THEN false
END;
"""

# A date written in a shape we read, whose day does not exist (31/02/2015, 2015-13-01).
DATE_SHAPE = (
    r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4}))([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$"
)
# the load record of each staged table's key and digest (etl.publish.staging): an erasure keeps none
STAGE_RECORD = "load_stages"
FIRST_DAY, LAST_DAY, NO_END = "1900-01-01", "2100-12-31", "9999-12-31"  # contract section 3
MAX_FIELD = 128 * 1024  # bytes: a longer value is a misplaced quote or a text that is not HR data


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
        case "date" if col.no_end:  # HR systems write 31/12/9999 for "no end"
            return f"nullif(CAST(cadran_ts({raw}) AS DATE), DATE '{NO_END}')"
        case "date":
            return f"CAST(cadran_ts({raw}) AS DATE)"
        case "datetime":
            return f"cadran_ts({raw})"
        case "number":
            return f"cadran_num({raw})"
        case "integer":
            return f"TRY_CAST(cadran_num({raw}) AS INTEGER)"
        case "boolean":
            return f"cadran_bool({raw})"
        case "enum":
            default = _q(col.default) if col.default else "NULL"
            return f'CASE WHEN {raw} IS NULL THEN {default} ELSE "e_{col.name}".code END'
        case _:
            return raw


@dataclass(frozen=True)
class Rule:
    """A row breaks the rule when `condition` holds; the reject then names `column` and gives a reason
    code with its values (SQL expressions: `value` quotes the text read, `file`/`line` another row)."""

    column: str
    condition: str
    code: str
    arg: str = "NULL"
    value: str = "NULL"
    file: str = "NULL"
    line: str = "NULL"

    def problem(self, hide_values: bool = False) -> str:
        value = "NULL" if hide_values else f"left({self.value}, 200)"  # a reason quotes, it does not copy
        fields = {
            "column": _q(self.column),
            "code": self.code,
            "arg": self.arg,
            "value": value,
            "file": self.file,
            "line": self.line,
        }
        struct = ", ".join(f"'{k}': CAST({v} AS VARCHAR)" for k, v in fields.items())
        return f"CASE WHEN {self.condition} THEN {{{struct}}} END"


def _shown(col: Column) -> str:
    """The raw value a reason quotes, e.g. 31/02/2015."""
    return f't."raw__{col.name}"'


def _bound(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if value >= 10_000 else f"{value:g}"


def _enum_expected(enum: str) -> str:
    """`membre (member), pilote (pilot), …`: the French label HR's files use, and the code."""
    return ", ".join(f"{labels[0]} ({code})" for code, labels in ENUMS[enum].items())


UNREADABLE = {
    "date": "bad_date",
    "datetime": "bad_datetime",
    "number": "bad_number",
    "integer": "bad_integer",
    "boolean": "bad_bool",
    "enum": "bad_enum",
}


def column_rules(col: Column) -> list[Rule]:
    """Row-level rules of one column: required, readable type, finite, range, order against another date."""
    raw, val, rules = f't."raw__{col.name}"', f't."{col.name}"', []
    rules.append(Rule(col.name, f"strlen({raw}) > {MAX_FIELD}", _q("too_long")))
    if col.required and col.type != "boolean":
        rules.append(Rule(col.name, f"{raw} IS NULL", _q("required"), arg=_q(col.french)))
    if code := UNREADABLE.get(col.type):
        bad = f"{raw} IS NOT NULL AND {val} IS NULL"
        if col.type == "integer":
            bad = f"{raw} IS NOT NULL AND ({val} IS NULL OR cadran_num({raw}) <> round(cadran_num({raw})))"
        if col.no_end:
            bad += f" AND CAST(cadran_ts({raw}) AS DATE) IS DISTINCT FROM DATE '{NO_END}'"
        arg = _q(_enum_expected(col.enum)) if col.type == "enum" else "NULL"
        if col.type in ("date", "datetime"):
            shape = f"regexp_full_match({raw}, {_q(DATE_SHAPE)})"
            rules.append(Rule(col.name, f"{bad} AND {shape}", _q("no_such_date"), value=_shown(col)))
            bad += f" AND NOT {shape}"
        rules.append(Rule(col.name, bad, _q(code), arg=arg, value=_shown(col)))
    if col.type in ("date", "datetime"):
        day = f"CAST({val} AS DATE)"
        out = f"({day} < DATE '{FIRST_DAY}' OR {day} > DATE '{LAST_DAY}')"
        rules.append(Rule(col.name, out, _q("date_range"), value=_shown(col)))
    finite = ""
    if col.type == "number":
        rules.append(Rule(col.name, f"NOT isfinite({val})", _q("not_finite"), value=_shown(col)))
        finite = f"isfinite({val}) AND "
    if col.min is not None:
        op, code = ("<=", "min_strict") if col.min_strict else ("<", "min")
        rules.append(
            Rule(col.name, f"{finite}{val} {op} {col.min}", _q(code), _q(_bound(col.min)), _shown(col))
        )
    if col.max is not None:
        rules.append(
            Rule(col.name, f"{finite}{val} > {col.max}", _q("max"), _q(_bound(col.max)), _shown(col))
        )
    if col.after:
        rules.append(Rule(col.name, f'{val} <= t."{col.after}"', _q("not_after"), arg=_q(col.after)))
    return rules


def reference_rules(table: Table) -> list[Rule]:
    """Values that must exist in a table already loaded (its stg_ rows, after its own rejects).

    When the value is the key of a row the target table rejected, the reason says so and names that
    row's line: HR searching the file finds the value, and must fix that row instead."""
    rules = []
    for col in table.columns:
        if col.ref:
            target, target_col = col.ref.split(".")
            val = f't."{col.name}"'
            cond = f'{val} IS NOT NULL AND {val} NOT IN (SELECT "{target_col}" FROM stg_{target})'
            rejected = f"(SELECT {{}} FROM rejected_{target} x WHERE x.key = {val})"
            code = f"CASE WHEN {rejected.format('x.line')} IS NULL THEN 'unknown_ref' ELSE 'ref_rejected' END"
            rules.append(
                Rule(
                    col.name,
                    cond,
                    code,
                    _q(target),
                    _shown(col),
                    rejected.format("x.file"),
                    rejected.format("x.line"),
                )
            )
    for cols, target, target_cols in table.refs:
        pairs = " AND ".join(f'x."{b}" = t."{a}"' for a, b in zip(cols, target_cols, strict=True))
        cond = f"NOT EXISTS (SELECT 1 FROM stg_{target} x WHERE {pairs})"
        rules.append(
            Rule(cols[-1], cond, _q("unknown_in_survey"), _q(target), _shown(table.column(cols[-1])))
        )
    return rules


def table_rules(table: Table) -> list[Rule]:
    """Rules that involve several columns or another table's content, beyond the declaration."""
    match table.name:
        case "budget":
            cond = "t.raw__planned_eur IS NULL AND t.raw__spent_eur IS NULL"
            return [Rule("spent_eur", cond, _q("amount_needed"))]
        case "survey_respondents":
            cond = "t.respondent_id IN (SELECT person_id FROM raw_staff)"  # any matricule read, even a rejected row's
            return [Rule("respondent_id", cond, _q("respondent_is_matricule"))]
        case "survey_answers":
            cond = "t.value IS NOT NULL AND t.question_kind IN ('likert5', 'nps', 'yes_no') AND t.value_num IS NULL"
            return [Rule("value", cond, "'answer_' || t.question_kind", value='t."raw__value"')]
    return []


ANSWER_VALUE = """CASE q.kind
    WHEN 'likert5' THEN CASE WHEN cadran_num(r.value) IN (1, 2, 3, 4, 5) THEN cadran_num(r.value) END
    WHEN 'nps' THEN CASE WHEN cadran_num(r.value) BETWEEN 0 AND 10
                          AND cadran_num(r.value) = round(cadran_num(r.value)) THEN cadran_num(r.value) END
    WHEN 'yes_no' THEN CASE WHEN r.value IS NOT NULL THEN CAST(cadran_bool(r.value) AS DOUBLE) END
END"""


TYPED = "_typed"  # the temporary table of a table's typed rows (typed_sql), while it is staged


def typed_sql(table: Table) -> str:
    """One row per raw row: file, line, file order, the raw text (raw__<column>) and the typed values."""
    typed = ", ".join(f'{typed_expr(c)} AS "{c.name}"' for c in table.columns)
    raw = ", ".join(f'r."{c.name}" AS "raw__{c.name}"' for c in table.columns)
    joins = [_enum_map(table, c) for c in table.columns if c.type == "enum"]
    extra = ""
    if table.name == "survey_answers":
        extra = f", q.kind AS question_kind, {ANSWER_VALUE} AS value_num"
        joins.append(
            "LEFT JOIN stg_survey_questions q ON q.survey_id = r.survey_id AND q.question_id = r.question_id"
        )
    return f"""
        SELECT $file AS _file, coalesce(r._line, CAST(r.rowid + $first_line AS VARCHAR)) AS _line,
               r.rowid AS _ord, r._extra, r._error, {raw}, {typed}{extra}
        FROM raw_{table.name} r {" ".join(joins)}
    """


def rules(table: Table) -> list[Rule]:
    found = [r for c in table.columns for r in column_rules(c)] + reference_rules(table) + table_rules(table)
    return [*found, Rule("*", "t._extra IS NOT NULL", _q("extra_values"), value="t._extra")]


def broken_rows_sql(table: Table) -> str:
    """The rows that break at least one rule, or that the reader could not read (_error)."""
    any_broken = " OR ".join(f"({r.condition})" for r in rules(table))
    return f"SELECT t.* FROM {TYPED} t WHERE t._error IS NOT NULL OR {any_broken}"


def problems_sql(table: Table, broken: str) -> str:
    """The rows of ``broken`` (broken_rows_sql) with the list of their problems: planned only for a
    table that has such rows (the list is three quarters of planning a clean table's checks).

    A line the reader could not read (_error) has that one problem: its values are not there to check."""
    problems = ", ".join(r.problem(table.private) for r in rules(table))
    unreadable = Rule("*", "true", "t._error").problem()
    return f"""
        SELECT t.*, CASE WHEN t._error IS NOT NULL THEN [{unreadable}]
                         ELSE list_filter([{problems}], lambda p: p IS NOT NULL) END AS problems
        FROM {broken} t
    """


def _enum_map(table: Table, col: Column) -> str:
    """Labels are normalised once per distinct value, then joined: cheap on a million rows."""
    name = f'"{col.name}"'
    labels = f"SELECT v, {_enum_case(col.enum, 'v')} AS code FROM (SELECT DISTINCT {name} AS v FROM raw_{table.name})"
    return f'LEFT JOIN ({labels}) "e_{col.name}" ON "e_{col.name}".v = r.{name}'


def stage_table(
    con: duckdb.DuckDBPyConnection, load_id: int, table: Table, raw: Raw, reasons: Mapping[str, str]
) -> tuple[int, int, int]:
    """Build stg_<table> (typed rows breaking no rule, in file order) and append its rejects to load_rejects,
    each reason worded by `reasons` (code -> wording); rejected_<table> keeps the key, file and line of its
    rejected rows (for the reasons of references). Rows read, loaded and rejected: every raw row is one
    typed row (typed_sql), staged or rejected once (a row breaking rules and repeating a key is one
    reject: _dups reads the rows that break none)."""
    params = {"file": raw.label, "first_line": raw.first_line}
    cols = [f'"{c.name}"' for c in table.columns] + (["value_num"] if table.name == "survey_answers" else [])
    select = f"SELECT {', '.join(cols)}, _file, _ord FROM {TYPED}"
    read = _count(con, f"raw_{table.name}")
    if not read:
        _create_empty(con, table, f"{select.replace(TYPED, f'({typed_sql(table)})')} LIMIT 0", params)
        none_rejected(con, table)
        return 0, 0, 0
    # typed once: the rules, the duplicates and the staged rows read it (its SQL planned once)
    con.execute(f"CREATE TEMP TABLE {TYPED} AS {typed_sql(table)}", params)
    con.execute(f"CREATE TEMP TABLE _broken AS {broken_rows_sql(table)}")
    broken = _count(con, "_broken")
    if broken:
        con.execute(f"CREATE TEMP TABLE _bad AS {problems_sql(table, '_broken')}")
    else:  # no problem to list (_rejects_sql reads problems from _dups alone)
        con.execute("CREATE TEMP TABLE _bad AS SELECT * FROM _broken")
    repeated = _repeated_keys(con, table)
    con.execute(f"CREATE TEMP TABLE _dups AS {duplicates_sql(table, repeated)}")
    rejected = broken + (_count(con, "_dups") if repeated else 0)
    if rejected:
        select += " WHERE _ord NOT IN (SELECT _ord FROM _bad) AND _ord NOT IN (SELECT _ord FROM _dups)"
    con.execute(f"CREATE TABLE stg_{table.name} AS {select}")  # insertion order kept: no sort
    if rejected:  # a clean table (most of them) plans neither statement: a small load is planning-bound
        key = f'"raw__{table.key[0]}"' if len(table.key) == 1 else "NULL"
        con.execute(f"""CREATE TEMP TABLE rejected_{table.name} AS SELECT CAST({key} AS VARCHAR) AS key,
            arg_min(_file, _ord) AS file, arg_min(_line, _ord) AS line FROM _bad WHERE {key} IS NOT NULL GROUP BY 1""")
        con.execute(
            _rejects_sql(table, reasons),
            {"load_id": load_id, "table": table.name, "key": ", ".join(table.key)},
        )
    else:
        none_rejected(con, table)
    con.execute(f"DROP TABLE _dups; DROP TABLE _bad; DROP TABLE _broken; DROP TABLE {TYPED}")
    return read, read - rejected, rejected


_EMPTY: dict[str, str] = {}  # the CREATE of a staged table without rows, by the query that types its rows


def _create_empty(con: duckdb.DuckDBPyConnection, table: Table, typed: str, params: dict) -> None:
    """stg_<table> without rows, its columns of the types ``typed`` gives them: that query planned
    once per process, then its columns written out (planning it was a third of a small load, most
    of whose tables have no file)."""
    create = _EMPTY.get(typed)
    if create is None:
        con.execute(f"CREATE TABLE stg_{table.name} AS {typed}", params)
        columns = ", ".join(
            f'"{name}" {kind}' for name, kind, *_ in con.execute(f"DESCRIBE stg_{table.name}").fetchall()
        )
        _EMPTY[typed] = f"CREATE TABLE stg_{table.name} ({columns})"
    else:
        con.execute(create)


def none_rejected(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    con.execute(f"CREATE TEMP TABLE rejected_{table.name} (key VARCHAR, file VARCHAR, line VARCHAR)")


def _rejects_sql(table: Table, reasons: Mapping[str, str]) -> str:
    """INSERT the rejects of _bad and _dups: the reason worded by `reasons`, and the problems as JSON codes.

    Survey tables keep no value at all: what a respondent wrote never leaves the source file."""
    values = ", ".join(f'"{c.name}" := left("raw__{c.name}", 1000)' for c in table.columns)
    raw = (
        "NULL"
        if table.private
        else f"""CASE WHEN _error IS NOT NULL THEN to_json({{'_text': _extra}})
                                                ELSE to_json(struct_pack({values})) END"""
    )
    null = "CAST(NULL AS VARCHAR)"
    duplicate = (
        f"{{'column': $key, 'code': 'duplicate', 'arg': {null}, 'value': {null}, 'file': {null}, "
        "'line': CAST(first_line AS VARCHAR)}"
    )
    reason = "lambda p: " + sql_render(reasons, "p.code", "p.arg", "p.value", "p.file", "p.line")
    return f"""
        INSERT INTO load_rejects BY NAME
        SELECT $load_id AS load_id, $table AS table_name, _file AS file, _line AS line,
               array_to_string(list_transform(problems, lambda p: p.column), ', ') AS column_name,
               array_to_string(list_transform(problems, {reason}), ' ; ') AS reason,
               CAST({raw} AS VARCHAR) AS raw, _ord, CAST(to_json(problems) AS VARCHAR) AS problems,
               CAST(to_json(list_transform(problems, lambda p: [p.column, p.code, p.arg])) AS VARCHAR) AS reason_key
        FROM (
            SELECT * FROM _bad
            UNION ALL BY NAME
            SELECT *, [{duplicate}] AS problems FROM _dups
        )
    """  # no ORDER BY: readers sort by _ord, and a sort of many rejects would hold them all in memory


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _repeated_keys(con: duckdb.DuckDBPyConnection, table: Table) -> bool:
    """Whether any key value appears twice in the raw rows: cheap, and false for most loads."""
    if not table.key:
        return False
    keys = ", ".join(f'"{k}"' for k in table.key)
    sql = f"SELECT count(*) FROM (SELECT 1 FROM raw_{table.name} GROUP BY {keys} HAVING count(*) > 1)"
    return con.execute(sql).fetchone()[0] > 0


def duplicates_sql(table: Table, repeated: bool = True) -> str:
    """Later rows whose key repeats an earlier row's, among rows breaking no rule: raw columns and the kept line."""
    if not repeated:
        return f"SELECT t.*, NULL AS first_line FROM {TYPED} t WHERE false"
    keys = ", ".join(f'"{k}"' for k in table.key)
    not_null = " AND ".join(f'"{k}" IS NOT NULL' for k in table.key)
    return f"""
        WITH good AS (SELECT * FROM {TYPED} WHERE _ord NOT IN (SELECT _ord FROM _bad) AND {not_null}),
        firsts AS (SELECT {keys}, min(_ord) AS first_ord FROM good GROUP BY {keys} HAVING count(*) > 1)
        SELECT g.*, k._line AS first_line
        FROM good g JOIN firsts f USING ({keys}) JOIN good k ON k._ord = f.first_ord
        WHERE g._ord > f.first_ord
    """


def stage_all(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    raws: dict[str, Raw],
    staged=None,
    *,
    reasons: Mapping[str, str],
    reuse: Callable[[Table], tuple[int, int, int] | None] | None = None,
) -> None:
    """Validate every table in dependency order (a reference sees its target's loaded rows); `reasons`
    words each reject's reason (code -> wording with {arg}, {value}, {file}, {line}: etl.text.reject_words).

    stg_<table> keeps _file and _ord (the rank in the file); the line of a row is in the rejects.
    `staged(table_name, read, loaded, rejected)` is called after each table with its rows' counts.
    `reuse(table)`, when given, may build stg_<table>, its rejects and rejected_<table> itself (taken
    over from the published file: etl.publish.staging) and answer the counts; None: validated here.
    """
    con.execute(MACROS)
    for table in TABLES:
        counts = reuse(table) if reuse else None
        if counts is None:
            counts = stage_table(con, load_id, table, raws.get(table.name, Raw("")), reasons)
        if staged:
            staged(table.name, *counts)
