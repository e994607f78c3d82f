"""The language layer: catalogues merged without a key defined twice, the session's language from a
resolver (no Streamlit in etl), plurals by the language's own rule."""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

from etl.text import catalogue, i18n
from etl.text.i18n import t

ROOT = Path(__file__).resolve().parents[1]


def _catalogue(name: str, texts: dict) -> ModuleType:
    module = ModuleType(f"etl.text.catalogue.{name}")
    module.TEXTS = texts
    return module


def test_two_catalogues_defining_one_key_stop_the_merge():
    pages = _catalogue("pages", {"page.mail": ("Courrier", "Mail"), "yes": ("oui", "yes")})
    mail = _catalogue("texts_mail", {"mail.subject": ("Objet", "Subject"), "yes": ("Oui", "Yes")})
    with pytest.raises(
        i18n.DuplicateKey, match=r"'yes' is in etl\.text\.catalogue\.pages and in .*texts_mail"
    ):
        i18n.merge([pages, mail])


def test_catalogues_with_distinct_keys_merge_into_one_table():
    pages = _catalogue("pages", {"page.mail": ("Courrier", "Mail")})
    mail = _catalogue("texts_mail", {"mail.subject": ("Objet", "Subject")})
    assert i18n.merge([pages, mail]) == {
        "page.mail": ("Courrier", "Mail"),
        "mail.subject": ("Objet", "Subject"),
    }


def test_every_catalogue_module_is_merged():
    modules = {m.name for m in pkgutil.iter_modules(catalogue.__path__)} - {"codes"}
    merged = {c.__name__.rsplit(".", 1)[1] for c in i18n.CATALOGUES}
    assert modules == merged
    assert len(i18n.T) == sum(len(c.TEXTS) for c in i18n.CATALOGUES)  # no key counted twice


def test_the_split_kept_the_words():
    # a few of the 667 entries, as they read before the split
    assert i18n.T["upload.help"][0].startswith(
        "Déposez les fichiers exportés du SIRH (CSV, TXT ou XLSX) : ils"
    )
    assert i18n.T["survey_response_rate"] == ("Réponse à l'enquête", "Survey response")
    assert i18n.T["email"] == ("Adresse e-mail", "E-mail address")
    assert i18n.T["reason.duplicate"] == (
        "doublon : même clé que la ligne {line} (gardée)",
        "duplicate: same key as line {line} (kept)",
    )
    assert i18n.T["note.hidden"] == (
        "ignoré : fichier caché ou verrou Excel",
        "ignored: hidden file or Excel lock",
    )
    assert len(i18n.T) >= 667


def test_the_language_comes_from_the_installed_resolver():
    previous = i18n.use(None)
    try:
        assert i18n.current() == "fr" and t("members") == "Membres du réseau"
        i18n.use(lambda: "en")
        assert i18n.current() == "en" and t("members") == "Network members"
        assert i18n.code_label("kind", "seminar") == "Seminar"
        assert t("members", "fr") == "Membres du réseau"  # a language given wins
        i18n.use(lambda: "de")  # not one of ours: French
        assert i18n.current() == "fr"
    finally:
        i18n.use(previous)


def test_ui_installs_the_session_resolver():
    from ui import language

    assert i18n._resolver is language.session_language
    assert i18n.current() == "fr"  # outside a Streamlit run


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_etl_never_imports_streamlit():
    found = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "etl").rglob("*.py")
        for n in _imports(p)
        if n.split(".")[0] == "streamlit"
    }
    assert not found
