"""The survey read API: response rates, favourable shares, eNPS, breakdowns and free text, as the
pages, documents and open data read them, cut out of the survey's protected tables
(etl.model.survey_tables), so no page, chart or download can show a hidden cell.

Hidden cells carry NULL figures (their respondents count too), ``suppressed`` = true and one
reason, ``small_group`` (free text: ``fewer_than_10``): which rule hid a cell is not published (a
cell known to be under 5 beside one known to be 5 or more could be pinned). The survey's own count
and rate are always shown (they reveal no answer: data contract, section 4). The organisation and
direction filters pick rows of these tables, never recompute them, so a filtered view cannot undo a
breakdown's protection. Surveys are those opened on or before D. The filters match organisations
and directions ignoring case and surrounding spaces (``scope_match`` in etl/model/model.sql).

The load protects every survey once, into the published file (etl.publish.protections); a read
takes the survey's tables from there, and protects them itself only in a database built before the
load stored them. One cache (``_tables``) keeps them by published file (path and version) and survey.
"""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.model import survey_store, survey_tables
from etl.model.queries import NOT_GIVEN
from etl.model.survey_scope import hidden_as_null, picked, scope_rows, with_public_reasons
from etl.model.survey_tables import (
    ALL_THEMES,
    BREAKDOWNS,
    FEWER_THAN_10,
    MEASURES,
    MIN_TEXT,
    SURVEY_ROWS,
)
from etl.store import db
from etl.store.db import query

# --- the protected tables, once per published file and survey ----------------------------


@dataclass(frozen=True)
class _Source:
    """What a survey's tables are cached on: the published file (path, version) a connection reads,
    else the connection itself (a database being built, a test's); ``con`` reaches the connection
    without keeping it open or taking part in the key."""

    key: object
    con: weakref.ref = field(compare=False, hash=False)

    @classmethod
    def of(cls, con) -> _Source:
        """The connection's source, found at its first read: the file it opened stays the one it
        reads, even when a publish replaces the file under its path meanwhile (a query and a stat
        per table read otherwise: ~0.6 ms, 6 times a survey's results)."""
        source = _SOURCES.get(con)
        if source is None:
            source = _SOURCES[con] = cls(_published(con) or weakref.ref(con), weakref.ref(con))
        return source


_SOURCES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # connection -> its _Source


@functools.lru_cache(maxsize=512)  # two published files of 200 surveys, and room
def _tables(source: _Source, survey_id: str) -> dict[str, pd.DataFrame]:
    """The survey's protected tables by kind: as the load stored them, else protected here."""
    con = source.con()
    stored = survey_store.read(con, survey_id)
    return (
        stored if stored is not None else survey_tables.protected(survey_tables.survey_cells(con, survey_id))
    )


def _table(con, survey_id: str, kind: str) -> pd.DataFrame:
    """The survey's protected table of a kind (never to be changed in place: the cache shares it)."""
    return _tables(_Source.of(con), survey_id)[kind]


@functools.lru_cache(maxsize=4)
def _stored_kind(source: _Source, kind: str) -> dict[str, pd.DataFrame]:
    return survey_store.read_kind(source.con(), kind)


@functools.lru_cache(maxsize=4)  # two published files: their whole list and the change chart's last ones
def _every_respondents(source: _Source, survey_ids: tuple[str, ...]) -> pd.DataFrame:
    """These surveys' protected respondents tables, one under the other with their survey_id: what
    the survey list cuts each scope from (building it took 80 % of a scope's list of 200 surveys).
    Read in one query from the stored tables (reading every kind of 200 surveys took 2.8 s), else as
    ``_table`` for a survey the file does not store; never to be changed in place (shared)."""
    stored = _stored_kind(source, "respondents")
    tables = [stored[s] if s in stored else _tables(source, s)["respondents"] for s in survey_ids]
    return pd.concat(
        [t.assign(survey_id=s) for s, t in zip(survey_ids, tables, strict=True)], ignore_index=True
    )


def _published(con) -> tuple | None:
    """(path, version) of the database file a read-only connection reads, else None: a published
    file is never written in place (etl.store.db: a load replaces it), so its version names its content."""
    row = con.execute(
        "select path, readonly from duckdb_databases() where database_name = current_database()"
    ).fetchone()
    if row is None or not row[0] or not row[1]:
        return None
    version = db.version(row[0])
    return None if version is None else (row[0], version)


def _read(con, survey_id, kind, organisation=None, direction=None) -> pd.DataFrame:
    return scope_rows(_table(con, survey_id, kind), MEASURES[kind], organisation, direction)


def _share(frame: pd.DataFrame, part: str, whole: str = "answers") -> pd.Series:
    """``part`` / ``whole`` as Float64: NULL where either is NULL or ``whole`` is not above 0."""
    parts = frame[part].to_numpy(dtype="float64", na_value=np.nan)
    wholes = frame[whole].to_numpy(dtype="float64", na_value=np.nan)
    null = np.isnan(parts) | ~(wholes > 0)  # a NULL whole compares false
    shares = np.divide(parts, wholes, out=np.zeros_like(parts), where=~null)
    return pd.Series(pd.arrays.FloatingArray(shares, null), index=frame.index)


# --- the read API --------------------------------------------------------------------

# the kind of each column of survey_list with its privacy column (how a table or a sheet writes it)
LIST_KINDS = {
    "title": "text",
    "opened_on": "date",
    "closed_on": "date",
    "invited": "int",
    "respondents": "int",
    "response_rate": "pct",
    "privacy": "text",
}


def survey_list(
    con, as_of: dt.date, organisation=None, direction=None, last: int | None = None
) -> pd.DataFrame:
    """One row per survey opened on or before D, in opening order: survey_id, title, opened_on,
    closed_on, invited, respondents, response_rate (respondents / invited), suppressed, reason.

    For the whole network the count and the rate are shown whatever the size (they reveal no
    answer: data contract, section 4). With an organisation or a direction, respondents are that
    scope's (hidden under 5 and where a breakdown needs it) and the rate is null: invited is not
    split (data contract, section 4).
    ``last``: only the ``last`` surveys opened (each survey is protected on its own, so these rows
    are the same as the whole list's; the others' protection is not paid for).
    """
    sql = """
    -- one row per survey opened on or before D
    select s.survey_id, s.title, s.opened_on, s.closed_on, s.invited, count(r.respondent_id) as respondents,
        respondents / nullif(s.invited, 0) as response_rate
    from stg_surveys s left join stg_survey_respondents r using (survey_id)
    where s.opened_on <= $as_of
    group by s.survey_id, s.title, s.opened_on, s.closed_on, s.invited, s._ord order by s.opened_on, s._ord
    """
    frame = query(con, sql, as_of=as_of)
    if last is not None:
        frame = frame.tail(last).reset_index(drop=True)
    frame[["respondents", "response_rate"]] = frame[["respondents", "response_rate"]].astype("Float64")
    frame["suppressed"], frame["reason"] = False, None
    if frame.empty or (organisation is None and direction is None):
        # the survey's own count and rate reveal no answer (data contract, section 4, as kpis gives
        # it): shown whatever its size; its answers stay protected in every item
        return with_public_reasons(frame)
    every = _every_respondents(_Source.of(con), tuple(frame["survey_id"]))
    scoped = scope_rows(every, MEASURES["respondents"], organisation, direction, by=["survey_id"])
    scoped = frame[["survey_id"]].merge(scoped, on="survey_id", how="left")  # a scope nobody is in: none
    # invited is not split (data contract, section 4): the scope's respondents, no rate
    hidden = scoped["suppressed"].fillna(False).astype(bool).to_numpy()
    frame["respondents"] = scoped["respondents"].fillna(0).where(~hidden, pd.NA).astype("Float64")
    frame["response_rate"] = pd.NA
    frame["suppressed"] = hidden
    frame["reason"] = scoped["reason"].where(hidden, None)
    return with_public_reasons(frame)


def latest_survey(con, as_of: dt.date) -> str | None:
    """The survey opened last on or before D (ties: last in file order), or None."""
    row = con.execute("select survey_id from latest_survey($d)", {"d": as_of}).fetchone()
    return row[0] if row else None


def _themes_order(con, survey_id) -> dict:
    """Each likert5 theme of the survey (``*`` first) -> its first question's position (never to be
    changed: the cache shares it)."""
    return _survey_themes_order(_Source.of(con), survey_id)


@functools.lru_cache(maxsize=512)  # as the survey's questions: read by every frame of its themes
def _survey_themes_order(source: _Source, survey_id: str) -> dict:
    questions = _survey_questions(source, survey_id)
    likert = questions[questions["kind"] == "likert5"]
    order = likert.groupby(likert["theme"].fillna(NOT_GIVEN), sort=False)["_ord"].min()
    return {ALL_THEMES: -1, **order.to_dict()}


def _likert(frame: pd.DataFrame, order: dict) -> pd.DataFrame:
    out = frame.rename(columns={"item": "theme"})
    for share in ("favourable", "neutral", "unfavourable"):
        out[share] = _share(out, share)
    out["_position"] = out["theme"].map(order)
    return out.sort_values(["_position", "grp"], ascending=[True, False], ignore_index=True)


def theme_scores(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per likert5 theme of the survey (first ``*``: every likert5 answer pooled), in
    questionnaire order: theme, respondents, answers, favourable (4–5), neutral (3) and unfavourable
    (1–2) shares of its answers, suppressed, reason."""
    return _scores(_read(con, survey_id, "likert", organisation, direction), _themes_order(con, survey_id))


def _scores(likert: pd.DataFrame, order: dict) -> pd.DataFrame:
    """theme_scores of the scope's likert rows (``_read``) and the survey's themes (``_themes_order``)."""
    frame = _likert(likert[likert["breakdown"] == "all"], order)
    return frame[
        ["theme", "respondents", "answers", "favourable", "neutral", "unfavourable", "suppressed", "reason"]
    ]


def theme_by_group(
    con, survey_id: str, by: str = "is_member", organisation=None, direction=None
) -> pd.DataFrame:
    """One row per likert5 theme (``*`` first) per group of ``by`` (is_member or is_manager; true
    first): theme, group, respondents, favourable, neutral, unfavourable, suppressed, reason."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    likert = _read(con, survey_id, "likert", organisation, direction)
    return _by_group(likert, _themes_order(con, survey_id), by)


def _by_group(likert: pd.DataFrame, order: dict, by: str) -> pd.DataFrame:
    frame = _likert(likert[likert["breakdown"] == by], order)
    frame = frame.rename(columns={"grp": "group"})
    frame["group"] = frame["group"].astype(bool)
    return frame[
        ["theme", "group", "respondents", "favourable", "neutral", "unfavourable", "suppressed", "reason"]
    ]


CHANGES_SHOWN = 6  # surveys in the change chart: each one rebuilds its protected table


def theme_changes(
    con, as_of: dt.date, organisation=None, direction=None, last: int = CHANGES_SHOWN
) -> pd.DataFrame:
    """One row per survey per theme, for the `last` surveys opened on or before D, in opening order:
    survey_id, title, opened_on, theme, favourable, change (percentage points, e.g. 12.5, against the
    same theme in the survey before; null when either is missing or hidden), suppressed, reason."""
    return _changes(con, as_of, organisation, direction, last, {})


def _changes(con, as_of, organisation, direction, last, known: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """theme_changes, with the theme_scores of the scope already read for some surveys (``known``)."""
    parts = []
    for survey in survey_list(con, as_of, last=last + 1).itertuples():
        scores = known.get(survey.survey_id)
        if scores is None:
            scores = theme_scores(con, survey.survey_id, organisation, direction)
        parts.append(
            scores.assign(survey_id=survey.survey_id, title=survey.title, opened_on=survey.opened_on)
        )
    columns = ["survey_id", "title", "opened_on", "theme", "favourable", "change", "suppressed", "reason"]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True)
    surveys = list(dict.fromkeys(frame["survey_id"]))
    previous = frame.assign(
        survey_id=frame["survey_id"].map(dict(zip(surveys[:-1], surveys[1:], strict=True)))
    )
    frame = frame.merge(
        previous[["survey_id", "theme", "favourable"]].dropna(subset=["survey_id"]),
        on=["survey_id", "theme"],
        how="left",
        suffixes=("", "_before"),
    )
    frame["change"] = ((frame["favourable"] - frame["favourable_before"]) * 100).astype("Float64")
    frame = frame[frame["survey_id"].isin(surveys[-last:])]  # the one before served only as a base
    return with_public_reasons(frame[columns].reset_index(drop=True))


def theme_heatmap(
    con, survey_id: str, level: str = "organisation", organisation=None, direction=None
) -> pd.DataFrame:
    """One row per organisation (level organisation) or direction within its organisation (level
    direction) per likert5 theme (``*`` first): organisation, direction, theme, respondents,
    favourable, suppressed, reason. The organisation filter keeps its rows; the direction filter
    keeps its row at the direction level."""
    if level not in ("organisation", "direction"):
        raise ValueError(f"unknown level {level!r}")
    return _heatmap(
        _table(con, survey_id, "likert"), _themes_order(con, survey_id), level, organisation, direction
    )


def _heatmap(cells: pd.DataFrame, order: dict, level: str, organisation, direction) -> pd.DataFrame:
    direction = direction if level == "direction" else None
    rows = cells.take(picked(cells, level, organisation, direction, breakdown="all"))
    rows = _likert(rows.assign(**hidden_as_null(rows, ["respondents", *MEASURES["likert"]])), order)
    rows = rows.sort_values(["organisation", "direction", "_position"], ignore_index=True)
    if level == "organisation":
        rows["direction"] = None
    return with_public_reasons(
        rows[["organisation", "direction", "theme", "respondents", "favourable", "suppressed", "reason"]]
    )


def enps(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per nps question of the survey (questionnaire order): question_id, text, respondents,
    promoters (9–10), passives (7–8), detractors (0–6) as shares, enps (promoters − detractors, in
    points: −100 to 100), suppressed, reason."""
    return _enps(_read(con, survey_id, "nps", organisation, direction), _questions(con, survey_id, "nps"))


def _enps(nps: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """enps of the scope's nps rows (``_read``) and the survey's nps questions (``_questions``)."""
    frame = questions.merge(nps[nps["breakdown"] == "all"], left_on="question_id", right_on="item")
    for share in ("promoters", "passives", "detractors"):
        frame[share] = _share(frame, share)
    frame["enps"] = (frame["promoters"] - frame["detractors"]) * 100
    return frame[
        [
            "question_id",
            "text",
            "respondents",
            "promoters",
            "passives",
            "detractors",
            "enps",
            "suppressed",
            "reason",
        ]
    ]


def nps_distribution(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per nps question per score 0–10: question_id, score, category (detractor, passive,
    promoter), answers, share; answers and shares NULL when the scope is hidden."""
    return _nps_distribution(_read(con, survey_id, "nps", organisation, direction))


def _nps_distribution(nps: pd.DataFrame) -> pd.DataFrame:
    frame = nps[nps["breakdown"] == "all"]
    rows = []
    for cell in frame.itertuples():
        for k in range(11):
            count = getattr(cell, f"s{k}")
            share = count / cell.answers if not cell.suppressed and cell.answers else pd.NA
            category = "promoter" if k >= 9 else "passive" if k >= 7 else "detractor"
            rows.append((cell.item, k, category, count, share, cell.suppressed, cell.reason))
    columns = ["question_id", "score", "category", "answers", "share", "suppressed", "reason"]
    out = pd.DataFrame(rows, columns=columns)
    out[["answers", "share"]] = out[["answers", "share"]].astype("Float64")
    return out


def yes_no(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per yes/no question (questionnaire order): question_id, text, theme, respondents,
    yes (share of yes among its answers), suppressed, reason."""
    frame = _read(con, survey_id, "yes_no", organisation, direction)
    frame = _questions(con, survey_id, "yes_no").merge(
        frame[frame["breakdown"] == "all"], left_on="question_id", right_on="item"
    )
    frame["yes"] = _share(frame, "yes")
    return with_public_reasons(
        frame[["question_id", "text", "theme", "respondents", "yes", "suppressed", "reason"]]
    )


def free_text(con, survey_id: str, organisation=None, direction=None) -> pd.DataFrame:
    """One row per distinct free-text answer (trimmed) of a group of at least 10 writers, sorted by
    question, then most written, then text (never by respondent): question_id, question, answer,
    count (how many wrote it), suppressed, reason; for a hidden group, one row per question with a
    NULL answer and count. No identifying column, ever."""
    scope = scope_rows(
        _table(con, survey_id, "text"), MEASURES["text"], organisation, direction, MIN_TEXT, FEWER_THAN_10
    )
    sql = f"""{SURVEY_ROWS}
    -- one row per question and distinct free-text answer of the scope, with how many wrote it
    select a.question_id, trim(a.value) as answer, count(*) as count
    from answers a join respondents r using (respondent_id)
    where a.kind = 'text' and nullif(trim(a.value), '') is not null
        and scope_match(r.organisation, $org) and scope_match(r.direction, $dir)
    group by a.question_id, trim(a.value)
    order by a.question_id, count desc, answer
    """
    answers = query(con, sql, survey=survey_id, not_given=NOT_GIVEN, org=organisation, dir=direction)
    questions = _questions(con, survey_id, "text").rename(columns={"text": "question"})
    shown = set(scope.loc[~scope["suppressed"], "item"])
    hidden = scope.loc[scope["suppressed"], ["item", "reason"]].rename(columns={"item": "question_id"})
    listed = answers[answers["question_id"].isin(shown)].assign(suppressed=False, reason=None)
    masked = hidden.assign(answer=None, count=None, suppressed=True)
    frame = pd.concat([listed, masked], ignore_index=True).merge(
        questions[["question_id", "question"]], on="question_id"
    )
    frame["count"] = frame["count"].astype("Int64")
    return with_public_reasons(frame[["question_id", "question", "answer", "count", "suppressed", "reason"]])


def _questions(con, survey_id: str, kind: str) -> pd.DataFrame:
    """The survey's questions of a kind, in questionnaire order: question_id, text, theme."""
    questions = _survey_questions(_Source.of(con), survey_id)
    return questions.loc[questions["kind"] == kind, ["question_id", "text", "theme"]].reset_index(drop=True)


@functools.lru_cache(maxsize=512)
def _survey_questions(source: _Source, survey_id: str) -> pd.DataFrame:
    """The survey's questions in questionnaire order (question_id, text, theme, kind, _ord), read
    once per source as its tables are (never to be changed in place: the cache shares it)."""
    sql = """
    -- one row per question of the survey, in questionnaire order
    select question_id, text, theme, kind, _ord from stg_survey_questions where survey_id = $survey order by _ord
    """
    return query(source.con(), sql, survey=survey_id)


def results(
    con, as_of: dt.date, survey_id: str, organisation=None, direction=None
) -> dict[str, pd.DataFrame]:
    """Every frame of the surveys page for one survey and scope, each as its function above returns
    it (keys: themes, enps, nps_distribution, groups_is_member, groups_is_manager, changes,
    heatmap_organisation, heatmap_direction, yes_no, free_text); one protected table per kind serves them all."""
    scope = {"organisation": organisation, "direction": direction}
    # the scope's likert rows and the survey's themes read once for the five frames made of them, its
    # nps rows once for two
    likert, order = _read(con, survey_id, "likert", **scope), _themes_order(con, survey_id)
    nps = _read(con, survey_id, "nps", **scope)
    themes = _scores(likert, order)
    frames = {
        "themes": themes,
        "enps": _enps(nps, _questions(con, survey_id, "nps")),
        "nps_distribution": _nps_distribution(nps),
        "changes": _changes(con, as_of, organisation, direction, CHANGES_SHOWN, {survey_id: themes}),
        "yes_no": yes_no(con, survey_id, **scope),
        "free_text": free_text(con, survey_id, **scope),
    }
    for by in BREAKDOWNS:
        frames[f"groups_{by}"] = _by_group(likert, order, by)
    likert_cells = _table(con, survey_id, "likert")
    for level in ("organisation", "direction"):
        frames[f"heatmap_{level}"] = _heatmap(likert_cells, order, level, organisation, direction)
    return frames
