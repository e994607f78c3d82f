"""The budget page: planned and spent, by year, category and group; costs."""

TEXTS: dict[str, tuple[str, str]] = {
    "budget.by_year": ("Prévu et dépensé par année", "Planned and spent by year"),
    "budget.by_category": (
        "Prévu et dépensé par catégorie en {year}",
        "Planned and spent by category in {year}",
    ),
    "budget.rule": (
        "Par année : le prévu de chaque année et le dépensé jusqu'à la date de situation. Par catégorie et "
        "par groupe : l'année de la date de situation des deux côtés, le dépensé depuis le début à côté.",
        "By year: each year's plan and the spending up to the reference date. By category and by group: "
        "the reference date's year on both sides, the spending since the start beside it.",
    ),
    "budget.cumulative": ("Dépenses cumulées", "Cumulative spending"),
    "budget.cumulative.help": (
        "Dépenses cumulées depuis la première dépense, à la fin de chaque mois.",
        "Spending accumulated since the first expense, at each month's end.",
    ),
    "budget.by_group": ("Dépenses par groupe depuis le début", "Spending by group since the start"),
    "budget.by_group.help": (
        "Lignes rattachées à un groupe, directement ou par leur rencontre.",
        "Lines linked to a group, directly or through their session.",
    ),
    "budget.spent_year": ("Dépensé dans l'année", "Spent this year"),
    "budget.card.spent": ("Dépensé (cumul)", "Spent (cumulative)"),
    "budget.card.planned": ("Prévu dans l'année", "Planned this year"),
    "budget.execution": ("{p} du prévu de l'année", "{p} of this year's plan"),
    "budget.spent_total": ("depuis le début", "since the start"),
    "cost_per_participant": ("Coût par participant", "Cost per participant"),
    "cost_per_hour": ("Coût par heure investie", "Cost per hour invested"),
    "budget.participants": ("{n} participants distincts", "{n} unique participants"),
    "budget.hours": ("{h} investies", "{h} invested"),
    "budget.scope_note": (
        "Le budget concerne tout le réseau : collectivité et direction ne restreignent que les "
        "participants et les heures (coût par participant, coût par heure).",
        "The budget belongs to the whole network: organisation and direction narrow only the "
        "participants and the hours (cost per participant, cost per hour).",
    ),
    "year": ("Année", "Year"),
    "planned_eur": ("Prévu", "Planned"),
    "spent_eur": ("Dépensé", "Spent"),
    "spent_to_date_eur": ("Dépensé depuis le début", "Spent to date"),
    "cumulative_spent_eur": ("Dépensé cumulé", "Cumulative spent"),
}
