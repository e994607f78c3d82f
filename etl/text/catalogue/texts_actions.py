"""The actions and ideas page: the plan, late and priority actions, status lights."""

TEXTS: dict[str, tuple[str, str]] = {
    "actions.tab.plan": ("Le plan", "The plan"),
    "actions.tab.late": ("Retards et priorités", "Late and priority actions"),
    "actions.tab.lights": ("Feux d'avancement", "Status lights"),
    "actions.funnel": ("De l'idée à l'action", "From idea to action"),
    "actions.funnel.help": (
        "Idées déposées jusqu'à la date de situation, idées retenues ou réalisées, "
        "actions du plan, actions terminées à cette date.",
        "Ideas submitted by the reference date, ideas retained or implemented, "
        "actions of the plan, actions done at that date.",
    ),
    "actions.by": ("Actions par", "Actions by"),
    "actions.dimension": ("Ventilation des actions", "Actions breakdown"),
    "actions.month": ("Avancement du plan au fil des mois", "Action plan progress over time"),
    "actions.month.help": (
        "Actions par statut à la fin de chaque mois, d'après l'historique des points d'avancement.",
        "Actions by status at each month's end, from the history of progress updates.",
    ),
    "actions.late.help": (
        "Échéance dépassée à la date de situation, action ni terminée ni abandonnée.",
        "Due date passed at the reference date, action neither done nor abandoned.",
    ),
    "actions.lights": ("Feu d'avancement par action", "Status light per action"),
    "actions.lights.help": (
        "Avancement attendu = part écoulée de la période entre début et échéance. "
        "Vert : avancement réel au moins égal à l'attendu moins 10 points (ou action terminée) ; "
        "orange (à surveiller) : de 10 à 25 points de retard ; rouge (critique) : plus de 25 points, "
        "ou échéance dépassée ; "
        "gris : dates manquantes ou action abandonnée.",
        "Expected progress = elapsed share of the time between start and due date. "
        "Green: actual progress at least the expected minus 10 points (or action done); "
        "amber (watch): 10 to 25 points behind; red (critical): more than 25 points behind, "
        "or past its due date; "
        "grey: dates missing or action abandoned.",
    ),
    "actions.scope_note": (
        "Idées et actions concernent tout le réseau : collectivité et direction ne les restreignent pas.",
        "Ideas and actions belong to the whole network: organisation and direction do not narrow them.",
    ),
    "actions.presenter_note": (
        "Mode présentation : les pilotes ne sont pas affichés.",
        "Presenter mode: owners are not shown.",
    ),
    "axis": ("Axe", "Axis"),
    "status": ("Statut", "Status"),
    "owner_name": ("Pilote", "Owner"),
    "start_on": ("Début", "Start"),
    "due_on": ("Échéance", "Due"),
    "progress_pct": ("Avancement", "Progress"),
    "expected_pct": ("Avancement attendu", "Expected progress"),
    "light": ("Feu", "Light"),
    "priority": ("Prioritaire", "Priority"),
    "actions": ("Actions", "Actions"),
}
