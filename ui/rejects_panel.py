"""The Data page's rejects: cached reads of etl.intake.rejects, and their reasons worded in the interface's language.

etl stores each reject's problems as codes and values; the wording is etl.text.i18n's (``reason.<code>``),
so an English interface reads English reasons. Survey tables come without values (etl.intake.validate).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl.intake.rejects import PRIVATE, load_notes, reject_groups, reject_rows
from etl.text import reject_words
from etl.text.i18n import t
from etl.text.reject_words import group_label, reason
from ui import reads, tables

# cached on the published version, like every read of the pages
_groups = reads.reader(reject_groups)
_rows = reads.reader(reject_rows)
_notes = reads.reader(load_notes)


def notes(load_id: int, lang: str) -> pd.DataFrame:
    """The files and sheets a load ignored, ``detail`` worded in ``lang`` (as recorded for older loads)."""
    frame = _notes(load_id).copy()
    frame["detail"] = [
        reject_words.note(c, p, d, lang)
        for c, p, d in zip(frame["code"], frame["params"], frame["detail"], strict=True)
    ]
    return frame


def groups(load_id: int, lang: str) -> pd.DataFrame:
    """One row per table and reason (``label``: the reason in ``lang``, without values), most rows first."""
    frame = _groups(load_id).copy()
    frame["label"] = [
        group_label(p, r, lang) for p, r in zip(frame["problems"], frame["reason"], strict=True)
    ]
    frame["private"] = frame["table_name"].isin(PRIVATE)
    return frame


def rows(load_id: int, table_name: str, reason_key: str, lang: str) -> pd.DataFrame:
    """The rows of one group, their reasons in ``lang``."""
    frame = _rows(load_id, table_name, reason_key).copy()
    frame["reason"] = [reason(p, r, lang) for p, r in zip(frame["problems"], frame["reason"], strict=True)]
    return frame


def show(groups: pd.DataFrame, load_id: int, f) -> None:
    """Counts per table and reason first (filterable), then the rows of the group picked."""
    # the placeholder in the interface's language (Streamlit's own reads « Choose options »)
    chosen = st.multiselect(
        t("data.filter_tables"),
        sorted(set(groups["table_name"])),
        format_func=lambda n: t(f"table.{n}"),
        key="rejects_tables",
        placeholder=t("filter.any"),
    )
    shown = groups[groups["table_name"].isin(chosen)] if chosen else groups
    reasons = st.multiselect(
        t("data.filter_reasons"),
        sorted(set(shown["label"])),
        key="rejects_reasons",
        placeholder=t("filter.any"),
    )
    shown = shown[shown["label"].isin(reasons)] if reasons else shown
    st.caption(t("data.reject_groups"))
    columns = {
        "table_name": "table",
        "column_name": "columns",
        "label": "text",
        "rows": "int",
        "files": "text",
        "first_line": "text",
    }
    tables.table(shown, columns, f"rejets-{load_id}-motifs", f, headers={"label": t("reason")})
    picked = st.selectbox(
        t("data.show_rows"),
        list(shown.index),
        index=None,
        placeholder=t("data.pick_group"),
        format_func=lambda i: (
            f"{t('table.' + shown.at[i, 'table_name'])} · {shown.at[i, 'label']} ({shown.at[i, 'rows']})"
        ),
        key="rejects_group",
    )
    if picked is None:
        return
    group = shown.loc[picked]
    found = rows(load_id, group["table_name"], group["reason_key"], f.lang)
    columns = {
        "table_name": "table",
        "file": "text",
        "line": "text",
        "column_name": "columns",
        "reason": "text",
    }
    if group["private"]:
        st.caption(t("data.private_rows"))
    else:
        columns["raw"] = "raw"
    tables.table(found, columns, f"rejets-{load_id}-lignes", f, people=True)
