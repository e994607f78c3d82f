#!/usr/bin/env python3
"""A small mutation run over the "at D" definitions of etl/model/model.sql: flip each comparison one at a
time, run the tests that pin the definitions, and print which tests fail (a surviving mutant: none).

usage (from the project root, in a scratch clone: it rewrites etl/model/model.sql and restores it):
    .venv/bin/python scripts/mutate-model.py
"""

import re
import subprocess
import sys
from pathlib import Path

MODEL = Path("etl/model/model.sql")
TESTS = [
    "tests/test_boundaries.py",
    "tests/test_kpis.py",
    "tests/test_breakdowns.py",
    "tests/test_sample.py",
    "tests/test_page_actions.py::test_status_light",
    "tests/test_page_actions.py::test_expected_progress_is_the_elapsed_share",
    "tests/test_page_readings.py::test_the_app_opens_on_the_extraction_day_not_on_a_planned_session",
]
# (macro, the comparison as written, its flip)
MUTANTS = [
    (
        "employed_on",
        "coalesce(hire_date, DATE '0001-01-01') <= d",
        "coalesce(hire_date, DATE '0001-01-01') < d",
    ),
    (
        "employed_on",
        "coalesce(leave_date, DATE '9999-12-31') > d",
        "coalesce(leave_date, DATE '9999-12-31') >= d",
    ),
    ("membership_on", "joined_on <= d", "joined_on < d"),
    (
        "membership_on",
        "coalesce(left_on, DATE '9999-12-31') > d",
        "coalesce(left_on, DATE '9999-12-31') >= d",
    ),
    ("dated_by", "CAST(day AS DATE) <= d", "CAST(day AS DATE) < d"),
    ("in_last_12m", "day > d - 365", "day >= d - 365"),
    ("in_last_12m", "day <= d;", "day < d;"),
    ("late_on", "due_on < d", "due_on <= d"),
    ("in_year_of", "year(day) = year(d)", "year(day) <= year(d)"),
    (
        "hours_lines_of",
        "c.hours, 'contribution', NULL, c.group_id, g.theme",
        "c.hours, 'contribution', NULL, c.group_id, NULL",
    ),
    ("session_groups_at", "WHERE a.status = 'attended'", "WHERE a.status <> 'absent'"),
    (
        "session_groups_at",
        "min(grp) <> max(grp) AS across",
        "min(grp) = max(grp) AS across",
    ),
    ("top_tenth_of", "rank <= ceil(n / 10)", "rank <= floor(n / 10)"),
    ("in_period", "CAST(day AS DATE) >= start", "CAST(day AS DATE) > start"),
    ("latest_survey", "WHERE opened_on <= d", "WHERE opened_on < d"),
    ("expected_pct", "WHEN CAST(d AS DATE) >= due_on THEN 100.0", "WHEN CAST(d AS DATE) > due_on THEN 100.0"),
    ("status_light", "coalesce(progress_pct, 0) <= 10", "coalesce(progress_pct, 0) < 10"),
    ("dated_days", "a.status <> 'registered'", "a.status IS NOT NULL"),
    (
        "in_scope",
        "people_at(d, org, dir := dir, svc := svc));",
        "people_at(d, org));",
    ),
]


def main() -> int:
    original = MODEL.read_text(encoding="utf-8")
    survivors = 0
    try:
        for macro, before, after in MUTANTS:
            assert original.count(before) == 1, f"{before!r} is not written once in {MODEL}"
            MODEL.write_text(original.replace(before, after), encoding="utf-8")
            run = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS],
                capture_output=True,
                text=True,
            )
            failed = sorted(set(re.findall(r"^FAILED (\S+?)(?:\[| - |$)", run.stdout, re.M)))
            survivors += not failed
            print(f"{macro}: {before}  ->  {after}")
            print(
                "   "
                + ("SURVIVED" if not failed else f"killed by {len(failed)} test(s): " + ", ".join(failed[:4]))
            )
    finally:
        MODEL.write_text(original, encoding="utf-8")
    print(f"{len(MUTANTS) - survivors}/{len(MUTANTS)} mutants killed")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
