"""What Cadran expects, from the one declaration of the contract (etl.intake.schema): the tables and
their columns with the French headers, the accepted file names, and an empty template workbook
(one sheet per table, French headers, validation of enumerations, booleans, dates, numbers).

The template filled in is itself a source: a workbook whose sheets are named after the tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import io

import pandas as pd
import xlsxwriter

from etl.intake.schema import ENUMS, TABLES

TYPE_LABELS = {
    "text": "texte",
    "date": "date (JJ/MM/AAAA ou AAAA-MM-JJ)",
    "datetime": "date et heure",
    "number": "nombre",
    "integer": "nombre entier",
    "boolean": "oui / non",
    "enum": "liste",
}
ROWS = 1000  # rows of each sheet that carry the validation


def accepted_names(table: str) -> str:
    return f"{table}.csv, {table}.txt, {table}.xlsx, ou une feuille « {table} » d'un classeur"


def columns() -> pd.DataFrame:
    """One row per column: table, column, header (French), type, required, accepted values."""
    rows = []
    for table in TABLES:
        for col in table.columns:
            values = ", ".join(labels[0] for labels in ENUMS[col.enum].values()) if col.enum else ""
            if col.ref:
                values = f"doit exister dans {col.ref}"
            rows.append(
                {
                    "table": table.name,
                    "column": col.name,
                    "header": col.french,
                    "type": TYPE_LABELS[col.type],
                    "required": col.required,
                    "values": values,
                }
            )
    return pd.DataFrame(rows)


def tables() -> pd.DataFrame:
    """One row per table: its name, whether it is required, the file names accepted."""
    return pd.DataFrame(
        [{"table": t.name, "required": t.required, "files": accepted_names(t.name)} for t in TABLES]
    )


@functools.cache  # the same bytes for the whole process: the Data page offers them at every run (20 ms)
def workbook() -> bytes:
    """The empty template: one sheet per table, the French headers, and validation per column."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7"})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    for table in TABLES:
        sheet = book.add_worksheet(table.name)
        for j, col in enumerate(table.columns):
            sheet.write_string(0, j, col.french, bold)
            sheet.write_comment(
                0, j, f"{col.name} : {TYPE_LABELS[col.type]}" + (" ; obligatoire" if col.required else "")
            )
            sheet.set_column(j, j, max(14, len(col.french) + 4), date if col.type == "date" else None)
            rule = _validation(col)
            if rule:
                sheet.data_validation(1, j, ROWS, j, rule)
        sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


def _validation(col) -> dict | None:
    if col.type == "enum":
        labels = [labels[0] for labels in ENUMS[col.enum].values()]
        return {"validate": "list", "source": labels, "error_message": "Choisissez une valeur de la liste."}
    if col.type == "boolean":
        return {"validate": "list", "source": ["oui", "non"]}
    if col.type in ("date", "datetime"):
        return {
            "validate": "date",
            "criteria": ">=",
            "value": dt.date(1900, 1, 1),
            "error_message": "Une date est attendue (JJ/MM/AAAA).",
        }
    if col.type in ("number", "integer"):
        rule = {
            "validate": "decimal" if col.type == "number" else "integer",
            "criteria": ">=",
            "value": col.min if col.min is not None else -1e12,
        }
        if col.max is not None:
            rule = {**rule, "criteria": "between", "minimum": rule.pop("value"), "maximum": col.max}
        return rule
    return None
