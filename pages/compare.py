"""Comparer: this network beside other networks, as their open-data packages state them (the same
contract, the same definitions): a table of figures, one figure as bars, the latest surveys by theme,
and the comparison as a workbook. HR and administrators add a network's package (.zip)."""

import pandas as pd
import streamlit as st

from etl.documents import comparison
from etl.figures import document_charts
from etl.text import format as fmt
from etl.text import plain
from etl.text.i18n import code_label, t
from ui import auth, components, filters, reads, tables

f = filters.current()
st.title(t("page.compare"))
st.caption(t("compare.intro"))


@st.cache_data(show_spinner=False, max_entries=64)
def _network(path: str, changed: float) -> comparison.Network:
    """A package read once per change of its file (``changed``: its modification time)."""
    return comparison.read_network(path)


ours = reads.this_network(f.as_of)
ours.name = t("compare.this", name=ours.name)
networks, refused = [ours], []
for path in comparison.found_packages():
    try:
        networks.append(_network(str(path), path.stat().st_mtime))
    except comparison.PackageError as exc:
        refused.append(exc.words(f.lang))
for message in refused:
    st.warning(t("compare.refused", error=plain.md(message)), icon=":material/block:")

if auth.can("hr") and not f.presenter:
    uploaded = st.file_uploader(t("compare.upload"), type=["zip"], key="compare_upload")
    if uploaded is not None and st.session_state.get("compare_kept") != uploaded.file_id:
        try:
            kept = comparison.keep(uploaded.name, uploaded.getvalue())
        except comparison.PackageError as exc:
            st.error(t("compare.refused", error=plain.md(exc.words(f.lang))), icon=":material/block:")
        else:
            st.session_state["compare_kept"] = uploaded.file_id
            st.rerun()

if len(networks) < 2:
    st.info(t("compare.none"), icon=":material/info:")

heads = [f"{n.name} · {fmt.date(n.as_of, f.lang)}" for n in networks]


def side_by_side(rows: dict[str, list[str]], name: str) -> None:
    """The networks' columns of texts already written, with the table's download: an HTML table,
    whose headers (a network's name and date, 70 characters and more) wrap and read whole."""
    frame = pd.DataFrame(rows)
    columns = dict.fromkeys(frame.columns, "text")
    tables.table(frame, columns, name, f, headers={c: c for c in frame.columns}, wrap=True)


def show_figures() -> None:
    rows = {t("compare.figure"): [t(name) for name in comparison.FIGURES]}
    for head, network in zip(heads, networks, strict=True):
        rows[head] = [
            fmt.of_kind(network.figure(n), comparison.kind_of(n), f.lang) for n in comparison.FIGURES
        ]
    side_by_side(rows, "comparaison-chiffres")
    picked = st.selectbox(
        t("compare.pick"),
        comparison.FIGURES,
        format_func=lambda n: t(n, f.lang),
        index=2,
        key="compare_figure",
    )
    frame = pd.DataFrame(
        {"network": [n.name for n in networks], "value": [n.figure(picked) for n in networks]}
    )
    components.chart(
        document_charts.compare_bars(frame, comparison.kind_of(picked), f.lang, f.presenter),
        frame.assign(value=[fmt.of_kind(v, comparison.kind_of(picked), f.lang) for v in frame["value"]]),
        "comparaison",
        f,
        {"network": "text", "value": "text"},
        {"network": t("compare.network"), "value": t(picked)},
    )


def show_surveys() -> None:
    themes = sorted(
        {th for n in networks for th in n.favourable}, key=lambda th: (th != comparison.ALL_THEMES, th)
    )
    rows = {t("theme"): [code_label("survey_theme", th, f.lang) for th in themes]}
    for head, network in zip(heads, networks, strict=True):
        rows[head] = [fmt.percent(network.favourable.get(th), lang=f.lang) for th in themes]
    st.caption(plain.md(" · ".join(f"{n.name} : {n.survey or fmt.MISSING}" for n in networks)))
    side_by_side(rows, "comparaison-enquetes")


components.views({"compare.tab.figures": show_figures, "compare.tab.surveys": show_surveys}, "compare_tab")
if not f.presenter:
    st.download_button(
        t("compare.download"),
        comparison.workbook(networks, f.lang),
        file_name=f"cadran-comparaison-{f.as_of.isoformat()}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="compare_download",
    )
