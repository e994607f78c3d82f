"""Survey protection benchmark: CPU per survey by its number of groups (directions).

Builds one survey per group count in an in-memory database, with the demo's questionnaire (six
likert themes, one nps, one yes/no and one free-text question), directions of 2 to 37 respondents
shared out among three organisations, about half members and a few non-managers (so many small
groups to hide), then times in this process, in CPU seconds (medians of ``--repeat`` runs):

- the plain rule alone (cells under 5 hidden, then the smallest sibling of a total that would
  give one away): the baseline, measured in the same run;
- the whole protection (the plain rule, then the audit of what it leaves at risk), as a ratio
  against that baseline.

    python bench/protection_bench.py [--groups 10 35 70 140] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from etl.model import survey_tables  # noqa: E402
from etl.protection import suppression  # noqa: E402

QUESTIONS = [
    ("Q01", "likert5", "belonging"),
    ("Q02", "likert5", "meaning"),
    ("Q03", "likert5", "workload"),
    ("Q04", "likert5", "cooperation"),
    ("Q05", "likert5", "recognition"),
    ("Q06", "likert5", "information"),
    ("Q07", "likert5", "cooperation"),
    ("Q08", "nps", "recommendation"),
    ("Q09", "yes_no", "training"),
    ("Q10", "text", "expectations"),
]
SIZES = [2, 3, 4, 4, 6, 6, 7, 8, 9, 10, 13, 15, 15, 17, 19, 24, 25, 29, 31, 36, 37]  # the demo's directions
TEXTS = ["Plus d'échanges", "Des formations", "Du temps", "Rien de plus"]
TARGET_S = 1.0  # CPU seconds for a survey of 140 groups (a city of 140 directions)


def survey(groups: int, seed: int = 7) -> duckdb.DuckDBPyConnection:
    """An in-memory database holding one staged survey ``S`` of ``groups`` directions."""
    rng = random.Random(seed)
    con = duckdb.connect()
    con.execute("""
        create table stg_survey_questions (survey_id varchar, question_id varchar, text varchar, kind varchar,
            theme varchar, _ord bigint);
        create table stg_survey_respondents (survey_id varchar, respondent_id varchar, organisation varchar,
            direction varchar, is_manager boolean, is_member boolean, submitted_on date, _ord bigint);
        create table stg_survey_answers (survey_id varchar, respondent_id varchar, question_id varchar,
            value varchar, value_num double, _ord bigint);
    """)
    con.executemany(
        "insert into stg_survey_questions values ('S', ?, ?, ?, ?, ?)",
        [(q, q, kind, theme, n) for n, (q, kind, theme) in enumerate(QUESTIONS)],
    )
    people, answers = [], []
    for g in range(groups):
        organisation = ("Ville", "Agglo", "CIAS")[g % 3]
        for _ in range(rng.choice(SIZES)):
            rid = f"R{len(people):05d}"
            people.append(
                (
                    "S",
                    rid,
                    organisation,
                    f"D{g:03d}",
                    rng.random() < 0.97,
                    rng.random() < 0.5,
                    None,
                    len(people),
                )
            )
            for question, kind, _ in QUESTIONS:
                if rng.random() < (0.6 if kind == "text" else 0.03):
                    continue
                value = {
                    "likert5": lambda: rng.randint(1, 5),
                    "nps": lambda: rng.randint(0, 10),
                    "yes_no": lambda: rng.randint(0, 1),
                    "text": lambda: None,
                }[kind]()
                text = rng.choice(TEXTS) if kind == "text" else str(value)
                answers.append(("S", rid, question, text, value, len(answers)))
    con.executemany("insert into stg_survey_respondents values (?, ?, ?, ?, ?, ?, ?, ?)", people)
    con.executemany("insert into stg_survey_answers values (?, ?, ?, ?, ?, ?)", answers)
    return con


def cpu(fn, *args, repeat: int) -> tuple[float, object]:
    """The median CPU seconds of ``fn(*args)`` over ``repeat`` runs, and its last result."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        result = fn(*args)
        times.append(time.process_time() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--groups", type=int, nargs="+", default=[10, 35, 70, 140])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("survey protection, CPU seconds per survey (this process; medians of", args.repeat, "runs)")
    print("| groups | respondents | cells | hidden | plain rule s (baseline) | protection s | ratio |")
    print("|---|---|---|---|---|---|---|")
    spent = {}
    for groups in args.groups:
        con = survey(groups)
        cells = survey_tables.survey_cells(con, "S")
        plain_s, _ = cpu(survey_tables.protected, cells, suppression.plain_rule, repeat=args.repeat)
        full_s, tables = cpu(survey_tables.protected, cells, repeat=args.repeat)
        people = con.execute("select count(*) from stg_survey_respondents").fetchone()[0]
        likert = tables["likert"]
        print(
            f"| {groups} | {people} | {len(likert)} | {int(likert['suppressed'].sum())} "
            f"| {plain_s:.3f} | {full_s:.3f} | {full_s / plain_s:.1f}x |"
        )
        con.close()
        spent[groups] = full_s
    if 140 in spent:
        verdict = "met" if spent[140] < TARGET_S else "NOT met"
        print(
            f"\ntarget: a survey of 140 groups under {TARGET_S:.0f} s of CPU: {verdict} ({spent[140]:.3f} s)"
        )


if __name__ == "__main__":
    main()
