"""The enumeration codes of the data contract, worded: enum -> code -> (French, English)."""

CODES: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {
        "seminar": ("Séminaire", "Seminar"),
        "training": ("Formation", "Training"),
        "workshop": ("Atelier", "Workshop"),
        "meeting": ("Réunion", "Meeting"),
        "other": ("Autre", "Other"),
        "contribution": ("Contributions", "Contributions"),
    },
    "source": {
        "session": ("Rencontres", "Sessions"),
        "contribution": ("Contributions", "Contributions"),
    },
    "status": {
        "attended": ("Présent", "Attended"),
        "registered": ("Inscrit sans suite", "Registered only"),
        "absent": ("Absent", "Absent"),
        "excused": ("Excusé", "Excused"),
    },
    "role": {
        "member": ("Membre", "Member"),
        "pilot": ("Pilote", "Pilot"),
        "project_lead": ("Chef de projet", "Project lead"),
        "hr_referent": ("Référent RH", "HR referent"),
        "coordinator": ("Coordinateur", "Coordinator"),
    },
    "survey_theme": {
        "*": ("Ensemble des questions", "All questions"),
        "belonging": ("Appartenance", "Belonging"),
        "meaning": ("Sens", "Meaning"),
        "workload": ("Charge de travail", "Workload"),
        "cooperation": ("Coopération", "Cooperation"),
        "recognition": ("Reconnaissance", "Recognition"),
        "information": ("Information", "Information"),
        "recommendation": ("Recommandation", "Recommendation"),
        "training": ("Formation", "Training"),
        "expectations": ("Attentes", "Expectations"),
        "(not_given)": ("(non renseigné)", "(not given)"),  # etl.model.queries.NOT_GIVEN: no theme
    },
    # a label the data left blank (etl.model.queries.NOT_GIVEN); any other label reads as itself
    "label": {
        "(not_given)": ("(non renseigné)", "(not given)"),
    },
    "suppression": {
        "fewer_than_5": ("moins de 5 répondants", "fewer than 5 respondents"),
        "complementary": (
            "masqué pour protéger un petit groupe",
            "hidden to protect a small group",
        ),
        "fewer_than_10": ("moins de 10 répondants", "fewer than 10 respondents"),
        "small_group": (
            "masqué : moins de 5 répondants ici ou dans un groupe lié",
            "hidden: fewer than 5 respondents here or in a related group",
        ),
    },
    "suppression_short": {
        "fewer_than_5": ("< 5 rép.", "< 5 resp."),
        "complementary": ("masqué", "hidden"),
        "fewer_than_10": ("< 10 rép.", "< 10 resp."),
        "small_group": ("masqué", "hidden"),
    },
    "nps_category": {
        "detractor": ("Détracteurs (0-6)", "Detractors (0-6)"),
        "passive": ("Passifs (7-8)", "Passives (7-8)"),
        "promoter": ("Promoteurs (9-10)", "Promoters (9-10)"),
    },
    "question_kind": {
        "likert5": ("Échelle 5", "5-point scale"),
        "nps": ("Recommandation 0-10", "Recommendation 0-10"),
        "yes_no": ("Oui/non", "Yes/no"),
        "choice": ("Choix", "Choice"),
        "text": ("Texte libre", "Free text"),
    },
    "idea_status": {
        "submitted": ("Déposée", "Submitted"),
        "retained": ("Retenue", "Retained"),
        "merged": ("Fusionnée", "Merged"),
        "rejected": ("Écartée", "Rejected"),
        "implemented": ("Réalisée", "Implemented"),
    },
    "action_status": {
        "not_started": ("Non démarrée", "Not started"),
        "in_progress": ("En cours", "In progress"),
        "done": ("Terminée", "Done"),
        "abandoned": ("Abandonnée", "Abandoned"),
    },
    "funnel_managers": {
        "eligible": ("Cadres en poste", "Managers in post"),
        "members": ("Cadres membres", "Member managers"),
        "active": ("Cadres actifs sur 12 mois", "Managers active in 12 months"),
        "engaged": ("… en groupe projet ou avec un rôle", "… in a project group or with a role"),
        "leads": ("… dont pilotes ou référents", "… of whom leads or referents"),
    },
    "funnel_staff": {
        "eligible": ("Agents en poste", "Staff in post"),
        "members": ("Agents membres", "Member staff"),
        "active": ("Agents actifs sur 12 mois", "Staff active in 12 months"),
        "engaged": ("… en groupe projet ou avec un rôle", "… in a project group or with a role"),
        "leads": ("… dont pilotes ou référents", "… of whom leads or referents"),
    },
    "light": {
        # no colour emoji (Debian has no emoji font): the colour comes from etl.figures.theme.LIGHTS
        "green": ("Dans les temps", "On track"),
        "amber": ("À surveiller", "Watch"),
        "red": ("Critique", "Critical"),
        "grey": ("Non évalué", "Not assessed"),
    },
    "budget_category": {
        "facilitation": ("Animation", "Facilitation"),
        "training": ("Formation", "Training"),
        "communication": ("Communication", "Communication"),
        "printing": ("Impression", "Printing"),
        "catering": ("Restauration", "Catering"),
    },
}
