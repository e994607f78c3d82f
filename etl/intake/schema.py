"""The data contract as data: tables, columns, French names, types and rules.

Everything the reader (header matching), the validator (SQL rules) and the
documentation need comes from this one declaration of
../shared/data-contract.md section 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Enumerations: code -> accepted labels (the French label first; extra
# spellings HR exports use, such as feminine or uppercase forms, are matched
# after normalisation, see etl.intake.normalize.key).
ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "role": {
        "member": ("membre",),
        "pilot": ("pilote",),
        "project_lead": ("chef de projet", "cheffe de projet"),
        "hr_referent": ("référent RH", "référente RH"),
        "coordinator": ("coordinateur", "coordinatrice"),
    },
    "session_kind": {
        "seminar": ("séminaire",),
        "training": ("formation",),
        "workshop": ("atelier",),
        "meeting": ("réunion",),
        "other": ("autre",),
    },
    "attendance_status": {
        "registered": ("inscrit", "inscrite"),
        "attended": ("présent", "présente"),
        "absent": ("absente",),
        "excused": ("excusé", "excusée"),
    },
    "question_kind": {
        "likert5": ("échelle 5",),
        "nps": ("recommandation 0-10",),
        "yes_no": ("oui/non",),
        "choice": ("choix",),
        "text": ("texte libre", "texte"),
    },
    "idea_status": {
        "submitted": ("déposée",),
        "retained": ("retenue",),
        "merged": ("fusionnée",),
        "rejected": ("écartée",),
        "implemented": ("réalisée",),
    },
    "action_status": {
        "not_started": ("non démarrée",),
        "in_progress": ("en cours",),
        "done": ("terminée",),
        "abandoned": ("abandonnée",),
    },
}


@dataclass(frozen=True)
class Column:
    name: str
    french: str
    type: str = "text"  # text, date, datetime, number, integer, boolean, enum
    required: bool = False
    enum: str | None = None
    default: str | None = None  # enum code or boolean used when the cell is empty
    min: float | None = None
    min_strict: bool = False  # "> min" rather than ">= min"
    max: float | None = None
    after: str | None = None  # must be strictly later than this column
    ref: str | None = None  # "table.column": must exist there
    no_end: bool = False  # an end date: 31/12/9999 ("no end" in HR systems) reads as empty


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # unique; duplicates keep the first row
    required: bool = False
    refs: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = field(default=())  # composite refs
    private: bool = False  # survey tables: a reject keeps its file, line and reason, never its values

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


C = Column
MAX_EUR = 10_000_000  # in one budget row (contract section 3): beyond, a typo or an exponent
TABLES: tuple[Table, ...] = (
    Table(
        "staff",
        (
            C("person_id", "Matricule", required=True),
            C("last_name", "Nom"),
            C("first_name", "Prénom"),
            C("email", "Courriel"),
            C("organisation", "Collectivité", required=True),
            C("direction", "Direction", required=True),
            C("service", "Service"),
            C("site", "Site"),
            C("category", "Catégorie"),
            C("is_manager", "Encadrant", "boolean", required=True),
            C("hire_date", "Date d'entrée", "date"),
            C("leave_date", "Date de sortie", "date", after="hire_date", no_end=True),
        ),
        key=("person_id",),
        required=True,
    ),
    Table(
        "groups",
        (
            C("group_id", "Code groupe", required=True),
            C("name", "Nom du groupe", required=True),
            C("theme", "Thème"),
            C("created_on", "Date de création", "date"),
        ),
        key=("group_id",),
    ),
    Table(
        "members",
        (
            C("person_id", "Matricule", required=True, ref="staff.person_id"),
            C("joined_on", "Date d'adhésion", "date", required=True),
            C("left_on", "Date de départ", "date", after="joined_on", no_end=True),
            C("role", "Rôle", "enum", enum="role", default="member"),
            C("group_id", "Code groupe", ref="groups.group_id"),
        ),
    ),
    Table(
        "sessions",
        (
            C("session_id", "Code session", required=True),
            C("kind", "Type", "enum", required=True, enum="session_kind"),
            C("title", "Intitulé", required=True),
            C("date", "Date", "datetime", required=True),
            C("duration_hours", "Durée", "number", required=True, min=0, min_strict=True, max=24),
            C("group_id", "Code groupe", ref="groups.group_id"),
            C("capacity", "Places", "integer", min=0),
            C("location", "Lieu"),
            C("theme", "Thème"),
        ),
        key=("session_id",),
    ),
    Table(
        "attendance",
        (
            C("session_id", "Code session", required=True, ref="sessions.session_id"),
            C("person_id", "Matricule", required=True, ref="staff.person_id"),
            C("status", "Statut", "enum", enum="attendance_status", default="attended"),
            C("hours", "Heures", "number", min=0, max=24),
        ),
        key=("session_id", "person_id"),
    ),
    Table(
        "contributions",
        (
            C("person_id", "Matricule", required=True, ref="staff.person_id"),
            C("date", "Date", "date", required=True),
            C("hours", "Heures", "number", required=True, min=0, min_strict=True, max=24),
            C("activity", "Activité"),
            C("group_id", "Code groupe", ref="groups.group_id"),
        ),
    ),
    Table(
        "surveys",
        (
            C("survey_id", "Code enquête", required=True),
            C("title", "Intitulé", required=True),
            C("opened_on", "Date d'ouverture", "date", required=True),
            C("closed_on", "Date de clôture", "date", no_end=True),
            C("invited", "Invités", "integer", min=0),
        ),
        key=("survey_id",),
        private=True,
    ),
    Table(
        "survey_questions",
        (
            C("survey_id", "Code enquête", required=True, ref="surveys.survey_id"),
            C("question_id", "Code question", required=True),
            C("text", "Libellé", required=True),
            C("kind", "Type", "enum", required=True, enum="question_kind"),
            C("theme", "Thème"),
        ),
        key=("survey_id", "question_id"),
        private=True,
    ),
    Table(
        "survey_respondents",
        (
            C("survey_id", "Code enquête", required=True, ref="surveys.survey_id"),
            C("respondent_id", "Code répondant", required=True),
            C("organisation", "Collectivité"),
            C("direction", "Direction"),
            C("is_manager", "Encadrant", "boolean"),
            C("is_member", "Membre du réseau", "boolean"),
            C("submitted_on", "Date de réponse", "date"),
        ),
        key=("survey_id", "respondent_id"),
        private=True,
    ),
    Table(
        "survey_answers",
        (
            C("survey_id", "Code enquête", required=True, ref="surveys.survey_id"),
            C("respondent_id", "Code répondant", required=True),
            C("question_id", "Code question", required=True),
            C("value", "Réponse", required=True),
        ),
        key=("survey_id", "respondent_id", "question_id"),
        refs=(
            (("survey_id", "respondent_id"), "survey_respondents", ("survey_id", "respondent_id")),
            (("survey_id", "question_id"), "survey_questions", ("survey_id", "question_id")),
        ),
        private=True,
    ),
    Table(
        "ideas",
        (
            C("idea_id", "Code idée", required=True),
            C("title", "Intitulé", required=True),
            C("submitted_on", "Date", "date"),
            C("source", "Origine"),
            C("status", "Statut", "enum", enum="idea_status", default="submitted"),
            C("group_id", "Code groupe", ref="groups.group_id"),
        ),
        key=("idea_id",),
    ),
    Table(
        "actions",
        (
            C("action_id", "Code action", required=True),
            C("title", "Intitulé", required=True),
            C("axis", "Axe"),
            C("group_id", "Code groupe", ref="groups.group_id"),
            C("priority", "Prioritaire", "boolean"),
            C("owner", "Pilote"),
            C("start_on", "Début", "date"),
            C("due_on", "Échéance", "date", no_end=True),
            C("status", "Statut", "enum", enum="action_status", default="not_started"),
            C("progress_pct", "Avancement", "number", min=0, max=100),
        ),
        key=("action_id",),
    ),
    Table(
        "action_updates",
        (
            C("action_id", "Code action", required=True, ref="actions.action_id"),
            C("as_of", "Date", "date", required=True),
            C("status", "Statut", "enum", required=True, enum="action_status"),
            C("progress_pct", "Avancement", "number", min=0, max=100),
            C("comment", "Commentaire"),
        ),
    ),
    Table(
        "budget",
        (
            C("line_id", "Code ligne"),
            C("date", "Date", "date", required=True),
            C("category", "Catégorie", required=True),
            C("label", "Libellé"),
            C("planned_eur", "Prévu", "number", min=0, max=MAX_EUR),
            C("spent_eur", "Dépensé", "number", min=0, max=MAX_EUR),
            C("group_id", "Code groupe", ref="groups.group_id"),
            C("session_id", "Code session", ref="sessions.session_id"),
        ),
        key=("line_id",),
    ),
)

BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


def french_names() -> dict[str, str]:
    """Contract column name -> its French header (the same in every table, but for submitted_on:
    « Date de réponse » in survey_respondents, « Date » in ideas, where the first is kept)."""
    names: dict[str, str] = {}
    for table in TABLES:
        for col in table.columns:
            names.setdefault(col.name, col.french)
    return names
