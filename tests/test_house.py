"""The house keeps its shape: no import inside a function (a circle dodged), no two modules of one
name, no line laid out by hand against the formatter, no tracker number a newcomer cannot look up."""

from __future__ import annotations

import ast
import re
import subprocess
from collections import Counter
from pathlib import Path

from tests.conftest import LONGEST_FIRST

ROOT = Path(__file__).resolve().parent.parent
CODE = ("etl", "ui", "pages")


def _sources() -> list[Path]:
    return [p for folder in CODE for p in (ROOT / folder).rglob("*.py")] + [ROOT / "dashboard.py"]


def test_no_import_inside_a_function():
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{path.relative_to(ROOT)}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Import | ast.ImportFrom)
                ]
    assert not found


def test_no_two_modules_of_one_name():
    names = Counter(p.name for p in _sources() if p.name != "__init__.py")
    assert [name for name, count in names.items() if count > 1] == []


def test_no_line_kept_by_hand_nor_tracker_number():
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT).stdout.split()
    fmt_skip = "fmt: " + "skip"  # written apart, so this file does not find itself
    tracker = re.compile(r"\b[Ii]ssue [0-9]+\b")
    found = []
    for name in tracked:
        if not name.endswith((".py", ".sql", ".toml", ".sh")) and name not in ("Makefile", ".gitignore"):
            continue
        text = (ROOT / name).read_text(encoding="utf-8")
        found += [f"{name}: {fmt_skip}"] * (fmt_skip in text) + [
            f"{name}: {m}" for m in tracker.findall(text)
        ]
    assert found == []


def test_the_modules_run_first_are_test_modules_of_the_suite():
    modules = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    assert set(LONGEST_FIRST) <= modules and len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
