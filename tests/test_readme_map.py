"""The README's map names every package and module of etl/ and ui/, and nothing that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_map_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the data flows", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `([\w/.]+)` \|", section, re.M))
    modules = {
        str(p.relative_to(ROOT))
        for folder in ("etl", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py") and "catalogue" not in p.parts
    }
    modules.add("etl/model/model.sql")
    packages = {f"{p.parent.relative_to(ROOT)}/" for p in (ROOT / "etl").glob("*/__init__.py")}
    packages |= {"ui/", "pages/", "etl/text/catalogue/"}
    assert modules | packages <= named, sorted((modules | packages) - named)
    assert named - {"dashboard.py"} <= modules | packages, sorted(
        named - modules - packages - {"dashboard.py"}
    )
