"""The headline indicators (data contract, section 4): their names and their definitions."""

TEXTS: dict[str, tuple[str, str]] = {
    # definitions of the headline indicators (data contract, section 4), for the summary sheet
    "def.managers": (
        "Agents en poste à la date de situation et encadrants.",
        "Staff employed at the reference date who are managers.",
    ),
    "def.member_managers": (
        "Cadres en poste membres du réseau à la date de situation.",
        "Managers in post who are network members at the reference date.",
    ),
    "def.manager_participation_rate": (
        "Cadres membres / cadres en poste.",
        "Member managers / managers in post.",
    ),
    "def.members": (
        "Agents en poste membres du réseau à la date de situation.",
        "Staff in post who are network members at the reference date.",
    ),
    "def.sessions_held": (
        "Rencontres (séminaires, formations, ateliers…) datées au plus tard de la date de situation.",
        "Sessions dated on or before the reference date.",
    ),
    "def.attendance_rate": (
        "Présences / inscriptions, sur les rencontres tenues.",
        "Attended rows / all attendance rows, over sessions held.",
    ),
    "def.hours_invested": (
        "Heures des présences aux rencontres tenues, plus le temps déclaré jusqu'à la date de situation.",
        "Hours of attended rows of sessions held, plus declared time up to the reference date.",
    ),
    "def.active_members_12m": (
        "Membres présents à une rencontre ou ayant déclaré du temps dans les 365 jours précédents.",
        "Members who attended a session or declared time in the previous 365 days.",
    ),
    "def.participants": (
        "Personnes distinctes présentes à une rencontre tenue ou ayant déclaré du temps.",
        "Distinct people who attended a held session or declared time.",
    ),
    "def.hours_per_participant": ("Heures investies / participants.", "Hours invested / participants."),
    "def.budget_spent_eur": (
        "Somme des dépenses datées au plus tard de la date de situation.",
        "Sum of spending dated on or before the reference date.",
    ),
    "def.budget_planned_eur": (
        "Somme du prévu des lignes de l'année civile de la date de situation.",
        "Sum of planned amounts of the reference date's calendar year.",
    ),
    "def.ideas_total": (
        "Idées déposées au plus tard à la date de situation (ou non datées).",
        "Ideas submitted on or before the reference date (or undated).",
    ),
    "def.ideas_retained": ("Idées retenues ou réalisées.", "Ideas retained or implemented."),
    "def.actions_total": ("Actions du plan.", "Actions in the plan."),
    "def.actions_priority": ("Actions marquées prioritaires.", "Actions flagged as priority."),
    "def.actions_done": ("Actions terminées à la date de situation.", "Actions done at the reference date."),
    "def.actions_late": (
        "Échéance dépassée, action ni terminée ni abandonnée.",
        "Past due date, neither done nor abandoned.",
    ),
    "def.survey_response_rate": (
        "Répondants / invités de la dernière enquête ouverte (non ventilé par collectivité).",
        "Respondents / invited of the latest survey opened (not split by organisation).",
    ),
    "managers": ("Cadres", "Managers"),
    "member_managers": ("Cadres membres", "Member managers"),
    "manager_participation_rate": ("Participation des cadres", "Manager participation"),
    "members": ("Membres du réseau", "Network members"),
    "sessions_held": ("Rencontres tenues", "Sessions held"),
    "attendance_rate": ("Taux de présence", "Attendance rate"),
    "hours_invested": ("Heures investies", "Hours invested"),
    "active_members_12m": ("Membres actifs sur 12 mois", "Members active in 12 months"),
    "budget_spent_eur": ("Budget dépensé (cumul)", "Budget spent (cumulative)"),
    "budget_planned_eur": ("Budget prévu dans l'année", "Budget planned this year"),
    "ideas_total": ("Idées recueillies", "Ideas collected"),
    "ideas_retained": ("Idées retenues", "Ideas retained"),
    "actions_total": ("Actions du plan", "Actions in the plan"),
    "actions_priority": ("Actions prioritaires", "Priority actions"),
    "actions_done": ("Actions terminées", "Actions done"),
    "actions_late": ("Actions en retard", "Late actions"),
    # a card's label fits its card at 1280 px (« Réponse à la dernière en… » was cut)
    "survey_response_rate": ("Réponse à l'enquête", "Survey response"),
}
