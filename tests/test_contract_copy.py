"""docs/data-contract.md is the data contract the repository carries: the copy of ../shared's."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_contract_copy_is_the_shared_one():
    """The copy under docs/ must not drift from ../shared when it is there (a clone without it has
    only the copy: it is then the reference, checked by ../shared/tools/check-sample elsewhere)."""
    shared = ROOT.parent / "shared" / "data-contract.md"
    if not shared.exists():
        pytest.skip("no ../shared beside this clone")
    assert (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8") == shared.read_text(
        encoding="utf-8"
    )


def test_the_readme_points_at_the_copy():
    assert "docs/data-contract.md" in (ROOT / "README.md").read_text(encoding="utf-8")
