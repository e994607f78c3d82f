"""Data: what was loaded when, rows read / loaded / rejected per table, and the rejected rows to fix."""

import streamlit as st

from etl.figures import load_charts
from etl.text import reject_words
from etl.text.i18n import t
from ui import (
    auth,
    components,
    downloads,
    filters,
    mail_panel,
    privacy,
    reads,
    rejects_panel,
    tables,
    upload,
    versions_panel,
)

f = filters.current()
auth.require("hr")  # served only to HR by dashboard.py; checked again should the file run alone
st.title(t("page.data"))

if not f.presenter:
    upload.form(f.lang)
    versions_panel.versions_section(f.lang)
    st.subheader(t("data.hr_lists"))
    st.caption(t("data.hr_lists.help"))
    downloads.hr_lists_button(f)  # names: HR only, like this page
    st.subheader(t("data.opendata"))
    st.caption(t("data.opendata.help"))
    downloads.opendata_button(f)
    privacy.section(f.lang)
    mail_panel.recent_section(f)  # the e-mails sent (python -m etl send), with why one failed

st.subheader(t("data.history"))
history = reads.load_history()
tables.table(
    history.assign(source=[reject_words.source_words(s, f.lang) for s in history["source"]]),
    {
        "load_id": "int",
        "loaded_at": "datetime",
        "source": "text",
        "published": "bool",
        "rows_read": "int",
        "rows_loaded": "int",
        "rows_rejected": "int",
    },
    "historique-chargements",
    f,
)

load_id = st.selectbox(
    t("data.load"),
    history["load_id"].tolist(),
    format_func=lambda i: f"n° {i}",
    key="load_id",
)
if load_id is not None:
    st.subheader(t("data.tables"))
    counts = reads.load_table_counts(load_id=load_id)
    components.chart(load_charts.load_bars(counts, f.lang, f.presenter), counts, f"tables-{load_id}", f)
    tables.table(
        counts,
        {
            "table_name": "table",
            "files": "text",
            "rows_read": "int",
            "rows_loaded": "int",
            "rows_rejected": "int",
        },
        f"tables-{load_id}-detail",
        f,
    )

    st.subheader(t("data.rejects"))
    groups = rejects_panel.groups(load_id, f.lang)
    if groups.empty:
        st.success(t("data.none_rejected"), icon=":material/check_circle:")
    else:
        rejects_panel.show(groups, load_id, f)

    notes = rejects_panel.notes(load_id, f.lang)
    if not notes.empty:
        st.subheader(t("data.notes"))
        tables.table(notes, {"file": "text", "detail": "text"}, f"ignores-{load_id}", f)
