"""The language layer: catalogues merged without a key defined twice, the session's language from a
resolver (no Streamlit in etl), plurals by the language's own rule."""

from __future__ import annotations

import ast
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

from etl.admin import gdpr
from etl.intake import read, reasons, sources, validate
from etl.intake.sources import LoadError, fail
from etl.model import kpis
from etl.model.queries import NOT_GIVEN
from etl.publish import versions
from etl.text import catalogue, i18n
from etl.text.i18n import t
from etl.text.reject_words import group_label, load_error, note, reason
from ui import language

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
    modules = {m.name for m in pkgutil.iter_modules(catalogue.__path__)} - {"texts_codes"}
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


@pytest.mark.parametrize(
    ("n", "french", "english"),
    [
        (0, "0 ligne rejetée", "0 rejected rows"),  # French: 0 is singular, English: plural
        (1, "1 ligne rejetée", "1 rejected row"),
        (2, "2 lignes rejetées", "2 rejected rows"),
        (1_000_000, "1000000 lignes rejetées", "1000000 rejected rows"),  # French « many » reads as other
    ],
)
def test_a_count_takes_its_language_s_plural(n, french, english):
    assert i18n.plural(n, "{n} ligne rejetée", "{n} lignes rejetées", "fr") == french
    assert i18n.t_count("count.rows_rejected", n, "fr") == french
    assert i18n.t_count("count.rows_rejected", n, "en") == english


def test_plural_without_the_number_and_forms_by_language():
    assert [i18n.plural_form(n, "fr") for n in (0, 1, 1.5, 2)] == ["one", "one", "one", "other"]
    assert [i18n.plural_form(n, "en") for n in (0, 1, 1.5, 2)] == ["other", "one", "other", "other"]
    assert i18n.plural(1, "personne", "personnes", "fr") == "personne"
    assert i18n.plural(3, "personne", "personnes", "fr") == "personnes"


def test_a_count_inside_a_sentence_is_worded_with_its_plural():
    assert i18n.t_counts("note.retention", "fr", years=1, staff_anonymised=2) == (
        "durée de conservation (1 an après la sortie) : 2 agents anonymisés"
    )
    assert i18n.t_counts("note.erasure", "fr", people_removed=1) == (
        "droit à l'effacement : 1 personne retirée du chargement"
    )
    assert (
        i18n.t_counts("note.erasure", "en", people_removed=1)
        == "right to erasure: 1 person removed from the load"
    )


def test_no_count_is_written_with_parenthesised_plurals():
    found = [
        f"{p.relative_to(ROOT)}:{i}"
        for folder in ("etl", "ui", "pages")
        for p in (ROOT / folder).rglob("*.py")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"[\d}] +[^\W\d_]+\(s\)", line)  # « {n} ligne(s) », « 2 agent(s) »
    ]
    assert not found


# French prose: a run of words with an accented letter, or « … » quotes around words
FRENCH = re.compile(r"[a-zàâçéèêëîïôûùü' ]*[àâçéèêëîïôûùü][a-zàâçéèêëîïôûùü' ]* [a-zàâçéèêëîïôûùü' ]+", re.I)


def _strings(module) -> list[str]:
    """The string constants of a module's code (docstrings and comments left out)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_words_moved_out_of_etl_are_in_the_text_layer_only():
    for module in (reasons, sources, read, validate, gdpr, versions, kpis):
        prose = [s for s in _strings(module) if FRENCH.search(s)]
        assert not prose, (module.__name__, prose)
    assert not {"FRENCH", "FRENCH_GROUP", "LOAD_ERRORS", "NOTES"} & set(vars(reasons))


def test_a_load_error_is_worded_from_its_code_and_parameters():
    refused = fail("staff_rejected", file="staff.csv", rows_rejected=1)
    assert load_error(refused, "fr").startswith("staff.csv : aucun agent chargé (1 ligne rejetée). Rien n'a")
    assert load_error(refused, "en").startswith("staff.csv: no staff row loaded (1 rejected row). Nothing")
    assert str(refused) == "staff_rejected (file=staff.csv, rows_rejected=1)"  # no words in etl
    assert load_error(LoadError("a message of its own"), "en") == "a message of its own"


def test_a_header_row_of_blank_cells_is_worded_in_the_reader_s_language():
    """No column found: the reader's word for none, never French from etl in an English message."""
    with pytest.raises(LoadError) as refused:
        read.map_header(sources.Source("staff", Path("staff.csv")), [None, "", None])
    assert "Colonnes trouvées : aucune." in load_error(refused.value, "fr")
    assert "Columns found: none." in load_error(refused.value, "en")
    with pytest.raises(LoadError) as named:
        read.map_header(sources.Source("staff", Path("staff.csv")), ["nom"])
    assert "Columns found: « nom »." in load_error(named.value, "en")


def test_a_note_is_worded_from_its_code_and_parameters():
    assert note("hidden", None, "stored", "en") == "ignored: hidden file or Excel lock"
    assert note("erasure", '{"people_removed": 2}', None, "fr") == (
        "droit à l'effacement : 2 personnes retirées du chargement"
    )
    assert (
        note("hidden", float("nan"), None, "fr") == "ignoré : fichier caché ou verrou Excel"
    )  # an older load
    assert note(None, None, "recorded before codes", "en") == "recorded before codes"


def test_two_reasons_of_a_row_are_listed_as_each_language_writes_a_list():
    problems = (
        '[{"column": "date", "code": "required", "arg": "date", "value": null},'
        ' {"column": "capacity", "code": "min", "arg": "0", "value": "-60"}]'
    )
    assert reason(problems, "stored", "fr") == (
        "valeur obligatoire manquante (date) ; doit être supérieur ou égal à 0 : « -60 »"
    )
    assert reason(problems, "stored", "en").count("; ") == 1 and " ; " not in reason(problems, "stored", "en")
    assert " ; " not in group_label(problems, "stored", "en")


def test_a_blank_label_is_a_code_worded_at_display():
    assert i18n.code_label("label", NOT_GIVEN, "fr") == "(non renseigné)"
    assert i18n.code_label("label", NOT_GIVEN, "en") == "(not given)"
    assert i18n.code_label("survey_theme", NOT_GIVEN, "en") == "(not given)"
    assert i18n.code_label("label", "Direction des finances", "en") == "Direction des finances"
    assert not re.search("[éè]", NOT_GIVEN)


def test_where_a_load_writes_is_worded_in_each_language():
    refused = fail("folder_read_only", path="data/pub.duckdb", folder="data", what="database")
    assert load_error(refused, "fr") == (
        "data/pub.duckdb : le dossier data est en lecture seule ; la base ne peut pas y être écrite."
    )
    assert (
        load_error(refused, "en")
        == "data/pub.duckdb: the folder data is read-only; the database cannot be written there."
    )


def test_a_count_given_formatted_is_still_counted():
    assert i18n.t_count("upload.anonymised", 1000, "fr", n="1 000").startswith(
        "1 000 agents seront anonymisés"
    )
    assert i18n.t_count("upload.anonymised", 1, "en", n="1") == (
        "1 member of staff will be anonymised: they left longer ago than the retention period."
    )


def test_spent_per_participant_has_one_name_on_the_budget_and_the_comparer_pages():
    # the same figure (budget spent to D / participants) was « Budget dépensé par participant » on
    # one page and « Coût par participant » on the other
    for lang, words in (("fr", "Coût par participant"), ("en", "Cost per participant")):
        assert t("cost_per_participant", lang) == t("budget_per_participant", lang) == words
