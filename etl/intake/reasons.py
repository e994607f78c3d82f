"""Why a row was rejected: a code and its values; the French wording here is the CLI's and the rejects CSV's.

A problem is {column, code, arg, value, file, line}: `arg` is the rule's own parameter (a bound, a
table, the accepted labels), `value` the text read (never kept for survey tables), `file` and `line`
point at another row (the kept duplicate, a rejected staff row). etl.text.i18n words the same codes in English.
"""

from __future__ import annotations

FRENCH: dict[str, str] = {
    "required": "valeur obligatoire manquante ({arg})",
    "bad_date": "date illisible (formats acceptés : 2015-03-31, 31/03/2015) : « {value} »",
    "bad_datetime": "date illisible (formats acceptés : 2015-03-31, 31/03/2015, heure facultative) : « {value} »",
    "no_such_date": "date inexistante : le format est bon, mais ce jour n'existe pas au calendrier : « {value} »",
    "date_range": (
        "date hors des bornes (du 01/01/1900 au 31/12/2100 ; 31/12/9999 vaut « sans fin » dans une date "
        "de fin) : « {value} »"
    ),
    "bad_number": "nombre illisible : « {value} »",
    "not_finite": "nombre attendu, pas NaN ni l'infini : « {value} »",
    "bad_integer": "nombre entier attendu : « {value} »",
    "bad_bool": "oui/non attendu (oui, non, vrai, faux, 1, 0, x) : « {value} »",
    "bad_enum": "valeur inconnue (attendu : {arg}) : « {value} »",
    "min_strict": "doit être supérieur à {arg} : « {value} »",
    "min": "doit être supérieur ou égal à {arg} : « {value} »",
    "max": "doit être au plus {arg} : « {value} »",
    "not_after": "doit être postérieure à {arg}",
    "unknown_ref": "inconnu dans {arg} : « {value} »",
    "ref_rejected": "{value} : sa ligne dans {file} (ligne {line}) a été rejetée",
    "unknown_in_survey": "inconnu dans {arg} pour cette enquête : « {value} »",
    "amount_needed": "il faut un montant prévu ou dépensé",
    "respondent_is_matricule": "un code répondant ne doit jamais être un matricule",
    "answer_likert5": "réponse attendue : entier de 1 à 5 : « {value} »",
    "answer_nps": "réponse attendue : entier de 0 à 10 : « {value} »",
    "answer_yes_no": "réponse attendue : oui ou non : « {value} »",
    "extra_values": "plus de valeurs que de colonnes : {value}",
    "duplicate": "doublon : même clé que la ligne {line} (gardée)",
    "too_long": "valeur de plus de 128 Ko : un guillemet mal placé, ou un texte à raccourcir",
    "unclosed_quote": "ligne illisible : guillemet ouvert jamais fermé (la ligne suivante est lue à part)",
    "bad_encoding": "ligne illisible : octets d'un autre encodage que le reste du fichier (ré-exportez en UTF-8)",
    "nul_byte": "ligne illisible : caractère nul (octet 0), le fichier est abîmé ; ré-exportez-le",
}

FIELDS = ("arg", "value", "file", "line")
_VALUE_PARTS = (
    " : « {value} »",
    " : “{value}”",
    ": “{value}”",
    " : {value}",
    ": {value}",
    "{value} : ",
    "{value}: ",
)


def without_value(template: str) -> str:
    """The wording when the value is not shown (survey tables, a group of rows)."""
    for part in _VALUE_PARTS:
        template = template.replace(part, "")
    return template


def render(template: str, problem: dict) -> str:
    """One problem in words: `template` with its {arg}, {value}, {file}, {line} filled."""
    if problem.get("value") is None:
        template = without_value(template)
    for name in FIELDS:
        template = template.replace("{" + name + "}", str(problem.get(name) or ""))
    return template


def sql_render(code: str, arg: str, value: str, file: str, line: str) -> str:
    """render() in SQL over a problem's fields (set-based: one expression for every rejected row)."""

    def case(texts: dict[str, str]) -> str:
        whens = " ".join(f"WHEN {_q(c)} THEN {_q(tx)}" for c, tx in texts.items())
        return f"CASE {code} {whens} ELSE {code} END"

    shown = case(FRENCH)
    hidden = case({c: without_value(tx) for c, tx in FRENCH.items()})
    text = f"CASE WHEN {value} IS NULL THEN {hidden} ELSE {shown} END"
    for name, expr in zip(FIELDS, (arg, value, file, line), strict=True):
        text = f"replace({text}, '{{{name}}}', coalesce({expr}, ''))"
    return text


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# A group of rows (the Data page's counts) is worded without its value, and without the line that
# differs from row to row.
FRENCH_GROUP: dict[str, str] = {
    "duplicate": "doublon : même clé qu'une ligne précédente (la première est gardée)",
    "ref_rejected": "sa ligne dans {arg} a été rejetée (corrigez d'abord cette ligne)",
}


# Why a load failed (LoadError.code) or a file was ignored (a load note): the French wording,
# the CLI's; etl.text.i18n words the same codes in English.
LOAD_ERRORS: dict[str, str] = {
    "two_sources": (
        "Deux sources pour la table « {table} » : {first} et {second}. Gardez-en une seule (rien n'est deviné)."
    ),
    "folder_missing": "{folder} : dossier source introuvable. Donnez le dossier qui contient staff.csv ou staff.xlsx.",
    "staff_missing": (
        "{folder} : la table obligatoire « staff » (agents) est absente. Ajoutez staff.csv, staff.xlsx "
        "ou une feuille nommée staff dans un classeur."
    ),
    "unsupported_format": "{file} : le format {ext} n'est pas lu. Enregistrez-le en .xlsx ou en .csv.",
    "workbook_unreadable": "{file} : classeur Excel illisible ({detail}). Ré-enregistrez-le en .xlsx.",
    "workbook_too_big": (
        "{file} : classeur refusé avant lecture ({size_mb} Mo une fois décompressé ; au plus {max_mb} Mo). "
        "Ce n'est pas un export ordinaire : exportez la table en CSV."
    ),
    "workbook_ratio": (
        "{file} : classeur refusé avant lecture ({member} compressé {ratio} fois ; au plus {max_ratio}). "
        "Ce n'est pas un export ordinaire : exportez la table en CSV."
    ),
    "column_twice": "{file} : les colonnes « {first} » et « {second} » désignent toutes deux {column}.",
    "column_missing": (
        "{file} : colonne obligatoire absente : {wanted}. Colonnes trouvées : {seen}. "
        "Ajoutez-la ou renommez l'en-tête (nom anglais ou français)."
    ),
    "binary": "{file} : fichier binaire, pas un texte délimité. Enregistrez-le en CSV (UTF-8) ou en .xlsx.",
    "file_empty": "{file} : fichier vide. Exportez à nouveau la table avec sa ligne d'en-tête.",
    "file_unreadable": "{file} : fichier illisible ({detail}). Vérifiez ses droits.",
    "no_header": "{file} : aucune ligne d'en-tête. Exportez la table avec ses en-têtes.",
    "sheet_unreadable": "{file} : feuille illisible ({detail}). Ré-enregistrez le classeur en .xlsx.",
    "sheet_empty": "{file} : feuille vide. Ajoutez la ligne d'en-tête et les données.",
    "staff_rejected": (
        "{file} : aucun agent chargé ({rejected} ligne(s) rejetée(s)). Rien n'a été publié : les pages "
        "seraient vides. Corrigez le fichier des agents (voir les motifs avec --rejects) et relancez."
    ),
    "not_a_database": "{file} : ce fichier n'est pas une base Cadran (DuckDB) ; donnez un autre chemin à --db.",
    "staff_no_row": (
        "{file} : aucun agent chargé (aucune ligne sous l'en-tête). Rien n'a été publié : les pages "
        "seraient vides. Ajoutez les agents sous l'en-tête et relancez."
    ),
    "person_blank": "Matricule vide : donnez le matricule de la personne (rien n'a été modifié).",
    "changed_since_check": (
        "Les données publiées ont changé depuis la vérification (un autre chargement, un effacement, "
        "la durée de conservation). Rien n'a été publié : vérifiez à nouveau."
    ),
}

NOTES: dict[str, str] = {
    "hidden": "ignoré : fichier caché ou verrou Excel",
    "not_a_table_name": "ignoré : ce n'est pas le nom d'une table",
    "not_a_table": "ignoré : ce n'est pas une table (formats lus : .csv, .txt, .xlsx)",
    "sheet_not_a_table": "feuille ignorée : ce n'est pas le nom d'une table",
    "link_outside": "ignoré : lien qui mène hors du dossier source",
    "link_dangling": "ignoré : lien vers un fichier absent",
    "link_unreadable": "ignoré : lien ou fichier inaccessible",
    "subfolder": "ignoré : sous-dossier (seuls les fichiers du dossier lui-même sont lus)",
    "not_regular": "ignoré : ce n'est pas un fichier ordinaire (tube, périphérique, socket)",
}
