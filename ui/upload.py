"""HR's upload in two steps: files in, « Vérifier », then « Publier ».

The files uploaded replace their tables; the other tables keep the files of the latest kept
version (etl.publish.versions.combine). « Vérifier » loads the combination into a scratch database
(etl.publish.load.check_files, a progress bar per table; nothing is published) and shows rows read /
loaded / rejected per table, the change against the published data, the rejects and who the
retention anonymises; a table losing more than a fifth of its rows asks for a confirmation;
« Publier » puts in place the very database checked (etl.publish.load.publish_checked), refused when the
published data changed meanwhile. Every action calls ``auth.require("hr")`` again.
"""

from __future__ import annotations

import hashlib

import duckdb
import pandas as pd
import streamlit as st

from etl.documents import template
from etl.intake.schema import TABLES
from etl.intake.sources import LoadError
from etl.publish import versions
from etl.publish.load import (
    PROTECTIONS,
    READ_MODEL,
    Checked,
    LoadResult,
    Share,
    TableCount,
    check_files,
    discard,
    publish_checked,
    upload_label,
)
from etl.store.db import published_path
from etl.store.db import version as db_version
from etl.text import format as fmt
from etl.text import i18n, reject_words
from etl.text.cells import rejects_csv
from etl.text.i18n import t, t_count
from etl.text.reject_words import group_label, load_error
from ui import auth
from ui.tables import source_columns

# etl.publish.load calls progress twice per table, then for the survey protections, then the read model
STEPS = 2 * len(TABLES) + 2
OUTCOME_KEY = "upload_outcome"


def form(lang: str) -> None:
    """The uploader and where each table will come from; « Vérifier » loads them into a scratch
    database (nothing published) and shows the rows read / loaded / rejected per table, the change
    against the published data, the rejects and what the retention will anonymise; then
    « Publier » publishes what was checked (a table losing more than a fifth of its rows asks for
    a confirmation first)."""
    if not auth.can("hr"):
        return
    st.subheader(t("upload.title", lang))
    st.caption(t("upload.help", lang))
    expected(lang)
    _show_outcome(lang)
    files = st.file_uploader(
        t("upload.files", lang), type=["csv", "txt", "xlsx"], accept_multiple_files=True, key="upload_files"
    )
    contents = {f.name: f.getvalue() for f in files or []}
    whole = versions.combine(contents, published_path()) if contents else None
    if whole:
        _origins(whole, lang)
        _ignored(whole, lang)
    key = _key(whole.files) if whole else None
    if st.button(
        t("upload.check", lang), disabled=not contents, icon=":material/fact_check:", key="upload_check"
    ):
        _keep_check(key, check(whole.files, lang, _label(whole)))
    kept = st.session_state.get(CHECK_KEY)
    checked = kept[1] if kept and kept[0] == key else None
    if isinstance(checked, str):
        st.error(t("upload.failed", lang, error=checked), icon=":material/error:")
    elif checked is not None:
        _preview(checked, lang)


CHECK_KEY = "_upload_checked"


def _key(files: dict[str, bytes]) -> tuple:
    """The files and the published version a check was made for: another of either needs a new one."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return (digest.hexdigest(), db_version())


def _keep_check(key: tuple, outcome: Checked | str) -> None:
    """Remember this session's check (one at a time: an earlier one's scratch folder is removed)."""
    earlier = st.session_state.get(CHECK_KEY)
    if earlier and isinstance(earlier[1], Checked):
        discard(earlier[1].scratch)
    st.session_state[CHECK_KEY] = (key, outcome)


def _preview(checked: Checked, lang: str) -> None:
    """What publishing will do: counts and change per table, what retention anonymises, the rejects;
    a confirmation when a table shrinks by more than a fifth; the button that publishes."""
    changes = checked.changes()
    _changes(changes, lang)
    if checked.anonymised:
        n = fmt.integer(checked.anonymised, lang)
        st.info(
            i18n.t_count("upload.anonymised", checked.anonymised, lang, n=n), icon=":material/person_off:"
        )
    _rejects(checked, lang)
    confirmed = True
    shrinking = [c for c in changes if c.shrinks]
    if shrinking:
        listed = t("list.separator", lang).join(_change_text(c, lang) for c in shrinking)
        st.warning(t("upload.shrink", lang, changes=listed), icon=":material/warning:")
        confirmed = st.checkbox(t("upload.shrink.confirm", lang), key="upload_confirm")
    if st.button(
        t("upload.button", lang), disabled=not confirmed, icon=":material/publish:", key="upload_go"
    ):
        outcome = publish(checked, lang)
        st.session_state.pop(CHECK_KEY, None)
        st.session_state[OUTCOME_KEY] = _summary(outcome, lang)
        if isinstance(outcome, LoadResult):
            st.cache_data.clear()
            st.session_state["load_id"] = outcome.load_id  # the Data page then shows this load
        st.rerun()  # the sidebar's dates and footer follow the new data


def _rejects(checked: Checked, lang: str) -> None:
    """The rows the load would reject, per table and reason (the Data page's groups)."""
    groups = checked.rejects
    if groups.empty:
        return
    st.markdown(t("upload.rejects", lang))
    frame = pd.DataFrame(
        {
            t("upload.col.table", lang): [t(f"table.{n}", lang) for n in groups["table_name"]],
            # the file's headers (« Places (capacity) »): the reason alone does not say which column
            t("column_name", lang): [source_columns(c) if c else "" for c in groups["column_name"]],
            t("reason", lang): [
                group_label(p, r, lang) for p, r in zip(groups["problems"], groups["reason"], strict=True)
            ],
            t("rows", lang): [fmt.integer(n, lang) for n in groups["rows"]],
            t("upload.col.file", lang): groups["files"].tolist(),
            t("first_line", lang): groups["first_line"].tolist(),
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="upload-rejects")
    # every row, with its file, line, column, reason and values, before anything is published: the
    # file the command line's --rejects writes
    st.download_button(
        t("upload.rejects.download", lang),
        rejects_csv(checked.database, checked.result.load_id),
        file_name="cadran-rejets-verification.csv",
        mime="text/csv",
        icon=":material/download:",
        key="upload-rejects-csv",
    )


def expected(lang: str) -> None:
    """What Cadran expects (etl.documents.template, from etl.intake.schema): tables, file names, columns with their
    French headers, and the empty template workbook."""
    with st.expander(t("expected.title", lang), icon=":material/help:"):
        names = {
            "table": "expected.table",
            "required": "expected.required",
            "files": "expected.files",
            "column": "expected.column",
            "header": "expected.header",
            "type": "expected.type",
            "values": "expected.values",
        }
        yes_no = {True: t("yes", lang), False: t("no", lang)}
        listed = template.tables().replace({"required": yes_no})
        st.dataframe(
            listed.rename(columns=lambda c: t(names[c], lang)), hide_index=True, key="expected-tables"
        )
        cols = template.columns().replace({"required": yes_no})
        st.dataframe(
            cols.rename(columns=lambda c: t(names[c], lang)), hide_index=True, key="expected-columns"
        )
        st.download_button(
            t("expected.template", lang),
            template.workbook(),
            file_name="modele-cadran.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/download:",
            key="expected-template",
        )


def _origins(whole: versions.Combined, lang: str) -> None:
    """Table by table: from the upload, from the kept version, or empty."""
    rows = []
    for table in TABLES:
        kind, file = whole.origin.get(table.name, ("none", ""))
        where = t(f"upload.origin.{kind}", lang, version=whole.version or "")
        rows.append({"table": t(f"table.{table.name}", lang), "origin": where, "file": file or "—"})
    st.markdown(t("upload.origins", lang))
    st.dataframe(
        pd.DataFrame(rows).rename(
            columns={
                "table": t("upload.col.table", lang),
                "origin": t("upload.col.origin", lang),
                "file": t("upload.col.file", lang),
            }
        ),
        hide_index=True,
        width="stretch",
        key="upload-origins",
    )


def _ignored(whole: versions.Combined, lang: str) -> None:
    """The uploaded files and sheets no table is read from, and why: said before the check (a file
    named « Présences mars.csv » would otherwise leave its table on the published data unsaid)."""
    if not whole.ignored:
        return
    st.warning(t("upload.ignored", lang), icon=":material/warning:")
    frame = pd.DataFrame(
        {
            t("upload.col.file", lang): [n.file for n in whole.ignored],
            t("upload.col.why", lang): [
                reject_words.note(n.code, n.params, None, lang) for n in whole.ignored
            ],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="upload-ignored")  # names as text


def counts_text(change: versions.Change, lang: str) -> str:
    """« 1 715 → 1 690 »: the table's rows published, then after this load."""
    before = fmt.integer(change.before, lang) if change.before is not None else "—"
    return f"{before} → {fmt.integer(change.loaded, lang)}"


def _change_text(change: versions.Change, lang: str) -> str:
    """« Agents : 1 715 → 1 690 » (the table as HR knows it, not its code)."""
    return t("upload.change", lang, table=t(f"table.{change.table}", lang), counts=counts_text(change, lang))


def _changes(changes: list[versions.Change], lang: str) -> None:
    st.markdown(t("upload.preview", lang))
    frame = pd.DataFrame(
        [
            {
                t("upload.col.table", lang): t(f"table.{c.table}", lang),
                t("rows_read", lang): fmt.integer(c.read, lang),
                t("rows_loaded", lang): fmt.integer(c.loaded, lang),
                t("rows_rejected", lang): fmt.integer(c.rejected, lang),
                t("upload.col.change", lang): counts_text(c, lang),
            }
            for c in changes
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="upload-preview")


def _label(whole: versions.Combined) -> str:
    uploaded = sorted({f for kind, f in whole.origin.values() if kind == "upload"})
    kept = any(kind == "kept" for kind, _ in whole.origin.values())
    return upload_label(uploaded or whole.files, whole.version if kept else None)


def _summary(outcome: LoadResult | str, lang: str) -> tuple[str, str]:
    if isinstance(outcome, str):
        return "error", t("upload.failed", lang, error=outcome)
    loaded = sum(c.loaded for c in outcome.tables.values())
    rejected = sum(c.rejected for c in outcome.tables.values())
    return "success", t("upload.done", lang, load_id=outcome.load_id, **_counted(loaded, rejected, lang))


def _counted(loaded: int, rejected: int, lang: str) -> dict[str, str]:
    """« 39 lignes chargées », « 1 rejetée »: each count worded with its plural, its number as French
    readers write it."""
    return {
        "loaded": t_count("count.rows_loaded", loaded, lang, n=fmt.integer(loaded, lang)),
        "rejected": t_count("count.rejected", rejected, lang, n=fmt.integer(rejected, lang)),
    }


def _show_outcome(lang: str) -> None:
    kind, text = st.session_state.pop(OUTCOME_KEY, (None, None))
    if kind == "success":
        st.success(text, icon=":material/check_circle:")
    elif kind == "error":
        st.error(text, icon=":material/error:")


def bar_step(steps: int, table: str, count: TableCount | Share | None, lang: str) -> tuple[int, float, str]:
    """The progress bar after etl.publish.load's call ``(table, count)``, ``steps`` of ``STEPS`` reached
    before it: the steps reached, the bar's value and its text. The surveys' protections, the last
    step but one, move the bar survey by survey; the read model is the last."""
    if isinstance(count, Share):
        value = (STEPS - 2 + count.done / count.total) / STEPS
        done, total = fmt.integer(count.done, lang), fmt.integer(count.total, lang)
        return steps, min(value, 1.0), t("upload.protected", lang, done=done, total=total)
    if table == PROTECTIONS:  # started, not done
        return STEPS - 2, (STEPS - 2) / STEPS, t("upload.protecting", lang)
    if table == READ_MODEL:
        return STEPS - 1, (STEPS - 1) / STEPS, t("upload.read_model", lang)
    steps += 1
    if count is None:
        text = t("upload.reading", lang, table=t(f"table.{table}", lang))
    else:
        text = t(
            "upload.checked",
            lang,
            table=t(f"table.{table}", lang),
            **_counted(count.loaded, count.rejected, lang),
        )
    return steps, min(steps / STEPS, 1.0), text


def check(files: dict[str, bytes], lang: str, label: str | None = None) -> Checked | str:
    """Load the files into a scratch database with a progress bar (nothing published): the report,
    or the error message."""
    auth.require("hr")  # checked at the action itself: a replayed request from another role stops here
    bar = st.progress(0.0)
    steps = 0

    def progress(table: str, count: TableCount | Share | None) -> None:
        nonlocal steps
        steps, value, text = bar_step(steps, table, count, lang)
        bar.progress(value, text=text)

    try:
        return check_files(files, published_path(), progress, label)
    except LoadError as exc:
        return load_error(exc, lang)
    except duckdb.Error as exc:  # a case the rules did not foresee: said plainly, nothing published
        return f"{type(exc).__name__} : {exc}"
    finally:
        bar.empty()


def publish(checked: Checked, lang: str) -> LoadResult | str:
    """Publish what was checked (etl.publish.load.publish_checked); the error message on failure."""
    auth.require("hr")
    try:
        return publish_checked(checked, published_path())
    except LoadError as exc:
        return load_error(exc, lang)


def run(files: dict[str, bytes], lang: str, label: str | None = None) -> LoadResult | str:
    """Check the files, then publish them: the two steps of the form in one call (scripts, replays)."""
    checked = check(files, lang, label)
    return checked if isinstance(checked, str) else publish(checked, lang)


def no_database() -> None:
    """What a user sees before the first load: what to run, not a traceback."""
    st.title(t("nodb.title"))
    st.warning(t("nodb.body", path=published_path().name), icon=":material/database_off:")  # no server path
    st.code("make run\n# ou\npython -m etl load data/demo/source", language="bash")
    form(i18n.current())  # HR can publish the first load from here too
