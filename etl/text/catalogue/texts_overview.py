"""The overview page: its cards, the network's growth and its milestones."""

TEXTS: dict[str, tuple[str, str]] = {
    "card.of_total": ("sur {n} {what}", "out of {n} {what}"),
    "card.spent_total": ("depuis la première dépense", "since the first expense"),
    "card.of_managers": ("{n} cadres membres sur {d}", "{n} member managers out of {d}"),
    "card.of_members": ("{p} des membres", "{p} of members"),
    "card.budget_of_planned": ("prévu cette année : {p}", "planned this year: {p}"),
    "card.attendance": ("présence : {p}", "attendance: {p}"),
    "card.actions_late": ("dont {n} en retard", "of which {n} late"),
    "card.survey_none": ("aucune enquête ouverte à cette date", "no survey opened by this date"),
    "card.survey_org": ("non ventilé par collectivité", "not split by organisation"),
    "card.direction_note": (
        "Direction {d} : les indicateurs de personnes portent sur cette direction ; "
        "rencontres, budget, actions et enquêtes restent ceux de l'ensemble.",
        "Direction {d}: people indicators cover this direction; sessions, budget, "
        "actions and surveys stay whole.",
    ),
    "overview.growth": ("Croissance du réseau", "Network growth"),
    "overview.growth.help": (
        "Membres en poste à la fin de chaque mois ; repères : séminaires et créations de groupes.",
        "Members in post at each month's end; markers: seminars and groups created.",
    ),
    "milestone.seminar": ("Séminaire", "Seminar"),
    "milestone.group": ("Création de groupe", "Group created"),
    # a month's milestones as one marker, once they are too many to mark one by one
    "milestone.seminar.n": ("{n} séminaires", "{n} seminars"),
    "milestone.group.n": ("{n} groupes créés", "{n} groups created"),
    "card.hours_per_participant": (
        "{h} par participant ({n} participants)",
        "{h} per participant ({n} participants)",
    ),
    "card.survey_respondents": ("{n} répondants dans ce périmètre", "{n} respondents in this scope"),
    "card.survey_not_split": (
        "{who} ; pas de taux : les invités ne sont comptés que pour l'ensemble",
        "{who}; no rate: invitations are counted for the whole network only",
    ),
}
