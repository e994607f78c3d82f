"""Why a row was rejected: a code and its values; the French wording here is the CLI's and the rejects CSV's.

A problem is {column, code, arg, value, file, line}: `arg` is the rule's own parameter (a bound, a
table, the accepted labels), `value` the text read (never kept for survey tables), `file` and `line`
point at another row (the kept duplicate, a rejected staff row). ui.i18n words the same codes in English.
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
