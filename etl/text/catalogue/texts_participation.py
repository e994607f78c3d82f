"""The participation page: rates by group, levels of involvement, roles, growth and cohorts."""

TEXTS: dict[str, tuple[str, str]] = {
    "participation.by": ("Participation des cadres par", "Manager participation by"),
    "participation.tab.breakdown": ("Répartition", "Breakdown"),
    "participation.tab.involvement": ("Engagement et rôles", "Involvement and roles"),
    "participation.tab.time": ("Évolution et fidélité", "Growth and retention"),
    "participation.denominator": (
        "Taux = cadres membres / cadres en poste à la date de situation.",
        "Rate = member managers / managers in post at the reference date.",
    ),
    "participation.dimension": ("Ventilation", "Breakdown"),
    "funnel.title": ("Niveaux d'engagement", "Levels of involvement"),
    "funnel.population": ("Population", "Population"),
    "funnel.managers": ("Cadres", "Managers"),
    "funnel.staff": ("Tous les agents", "All staff"),
    "funnel.help": (
        "Un entonnoir : chaque niveau est compris dans le précédent. En poste, membres du réseau, "
        "actifs sur 12 mois (présence ou contribution), parmi eux engagés dans un groupe projet ou "
        "tenant un rôle, parmi eux pilotes ou référents (un rôle tenu pour le réseau, hors groupe). "
        "Pourcentages : part des {who} en poste.",
        "A funnel: each level is part of the one before. In post, network members, active in 12 "
        "months (attendance or contribution), of whom engaged in a project group or holding a role, "
        "of whom leads or referents (a role held for the network, outside groups). "
        "Percentages: share of the {who} in post.",
    ),
    "funnel.share_of.managers": ("cadres", "managers"),
    "funnel.share_of.staff": ("agents", "staff"),
    "growth.title": ("Évolution de la participation", "Participation over time"),
    "cohort.title": ("Fidélité des promotions d'adhérents", "Retention of joining cohorts"),
    "cohort.help": (
        "Part des adhérents de chaque année encore membres 6, 12, 24 et 36 mois après leur adhésion.",
        "Share of each year's joiners still members 6, 12, 24 and 36 months after joining.",
    ),
    "cohort": ("Promotion", "Cohort"),
    "cohort.size": ("Adhérents", "Joiners"),
    "cohort.m": ("{n} mois", "{n} months"),
    "lowest.title": (
        "Directions où la participation est la plus faible",
        "Directions with the lowest participation",
    ),
    "lowest.help": ("Directions d'au moins {n} cadres.", "Directions with at least {n} managers."),
    "roles.title": ("Rôles dans le réseau", "Roles in the network"),
    "roles.help": (
        "Membres en poste tenant chaque rôle à la date de situation (une personne peut en tenir deux).",
        "Members in post holding each role at the reference date (one person may hold two).",
    ),
}
