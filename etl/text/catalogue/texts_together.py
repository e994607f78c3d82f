"""Working together: the Transversalité page, who carries the effort (training), the levers and the
roadmap tree (actions)."""

TEXTS: dict[str, tuple[str, str]] = {
    "page.transversality": ("Transversalité", "Working across"),
    "filter.service": ("Service", "Service"),
    "filter.any": ("Toutes (choisir pour filtrer)", "All (choose to filter)"),
    "breadcrumb.help": (
        "Cliquez sur la barre d'une direction pour voir ses services ; le fil d'Ariane remonte.",
        "Click a direction's bar to see its services; the breadcrumb goes back up.",
    ),
    "breadcrumb.label": ("Vous êtes ici", "You are here"),
    "cross_direction_hours_share": ("Heures avec d'autres directions", "Hours with other directions"),
    "hours_share_top_10pct": (
        "Heures portées par 10 % des participants",
        "Hours carried by 10% of participants",
    ),
    "def.cross_direction_hours_share": (
        "Part des heures de présence aux rencontres tenues passées avec au moins une personne d'une autre "
        "direction (toutes collectivités).",
        "Share of the attended hours of sessions held spent with at least one person of another direction "
        "(any organisation).",
    ),
    "def.hours_share_top_10pct": (
        "Part des heures investies que portent les 10 % de participants qui en ont le plus.",
        "Share of the hours invested carried by the 10% of participants with the most hours.",
    ),
    "transversality.card.help": (
        "des heures de rencontre passées avec une autre direction",
        "of session hours spent with another direction",
    ),
    "effort.card.help": (
        "de l'effort porté par un dixième des participants",
        "of the effort carried by a tenth",
    ),
    "card.top_tenth": (
        "portées par les {n} participants les plus investis",
        "carried by the {n} most involved",
    ),
    "transversality.by": ("Regrouper par", "Group by"),
    "transversality.others": ("Autres directions", "Other directions"),
    "transversality.bar": ("{p} ({n} rencontrées)", "{p} ({n} met)"),
    "transversality.participants": ("{n} participants", "{n} participants"),
    "transversality.tab.map": ("Qui rencontre qui", "Who meets whom"),
    "transversality.tab.groups": ("Par direction", "By direction"),
    "transversality.tab.sessions": ("Rencontres", "Sessions"),
    "transversality.tab.trend": ("Évolution", "Trend"),
    "transversality.map": ("Heures en commun", "Hours in common"),
    "transversality.map.help": (
        "Pour chaque paire, la durée des rencontres auxquelles l'une et l'autre ont assisté.",
        "For each pair, the duration of the sessions both attended.",
    ),
    "transversality.network": ("Le réseau des rencontres", "The network of meetings"),
    "transversality.network.help": (
        "Plus un trait est épais, plus les deux se sont rencontrées ; les {n} liens les plus forts.",
        "The thicker a line, the more the two met; the {n} strongest links.",
    ),
    "transversality.other": ("Avec", "With"),
    "transversality.empty": (
        "Aucune rencontre entre groupes pour ces filtres.",
        "No session brought groups together for these filters.",
    ),
    "transversality.groups.direction": ("Travail avec d'autres directions", "Work with other directions"),
    "transversality.groups.organisation": (
        "Travail avec d'autres collectivités",
        "Work with other organisations",
    ),
    "transversality.groups.help": (
        "Les directions de moins de {n} participants sont regroupées dans « Autres directions ».",
        "Directions of fewer than {n} participants are gathered in « Other directions ».",
    ),
    "transversality.groups.help.all": (
        "Toutes les directions, petites comprises (vue RH).",
        "Every direction, small ones included (HR view).",
    ),
    "transversality.sessions": (
        "Les rencontres qui ont réuni le plus de directions",
        "The sessions that brought the most directions together",
    ),
    "transversality.trend": (
        "Heures avec d'autres directions, par trimestre",
        "Hours with other directions, by quarter",
    ),
    "effort.title": ("Qui porte l'effort", "Who carries the effort"),
    "effort.help": (
        "Les participants rangés du plus au moins investi : {p} des participants portent {h} des heures.",
        "Participants from the most to the least involved: {p} of them carry {h} of the hours.",
    ),
    "effort.point": ("{p} des participants : {h} des heures", "{p} of participants: {h} of the hours"),
    "effort.tenth": ("{p} portent {h}", "{p} carry {h}"),
    "cross_hours": ("Heures avec d'autres", "Hours with others"),
    "cross_hours_share": ("Part avec d'autres", "Share with others"),
    "groups_met": ("Rencontrées", "Met"),
    "sessions": ("Rencontres", "Sessions"),
    "cross_sessions": ("Rencontres partagées", "Shared sessions"),
    "directions": ("Directions", "Directions"),
    "quarter": ("Trimestre", "Quarter"),
    "slides.together.title": ("Travailler ensemble", "Working together"),
    "slide.together.message": (
        "{p} des heures de rencontre se passent avec une autre direction ({change} en un an) ; "
        "10 % des participants portent {top} des heures.",
        "{p} of session hours are spent with another direction ({change} in a year); "
        "10% of participants carry {top} of the hours.",
    ),
    "sheet.together": ("Travailler ensemble", "Working together"),
    "actions.tab.roadmap": ("Feuille de route", "Roadmap"),
    "roadmap.title": (
        "La feuille de route : axes, groupes pilotes, actions",
        "The roadmap: axes, pilot groups, actions",
    ),
    "roadmap.help": (
        "Chaque bloc est aussi grand que ses actions. Rouge : en retard (un quart au moins des actions d'un axe "
        "ou d'un groupe) ; orange : quelques-unes en retard ou en avance insuffisante ; vert : dans les temps.",
        "Each box is as large as its actions. Red: late (a quarter or more of an axis's or a group's actions); "
        "amber: some late or behind; green: on time.",
    ),
    "roadmap.box": ("{n} actions · {late} en retard · {p}", "{n} actions · {late} late · {p}"),
    "roadmap.table": ("La même feuille de route, à lire", "The same roadmap, to read"),
    "node": ("Axe › groupe › action", "Axis › group › action"),
    "training.tab.levers": ("Leviers", "Levers"),
    "training.tab.effort": ("Qui porte l'effort", "Who carries the effort"),
    "levers.title": ("Les heures par levier", "Hours by lever"),
    "levers.help": (
        "Le thème de la rencontre, ou celui du groupe pour le temps déclaré, les idées et les actions.",
        "The session's theme, or the group's for declared time, ideas and actions.",
    ),
    "levers.bar": ("{h} · {n} participants", "{h} · {n} participants"),
    "levers.bar.one": ("{h} · {n} participant", "{h} · {n} participant"),
    "levers.years": ("L'évolution des leviers, par année", "How the levers change, year by year"),
    "levers.years.help": (
        "Les {n} leviers qui comptent le plus d'heures.",
        "The {n} levers with the most hours.",
    ),
    "levers.table": (
        "Heures, rencontres, idées et actions par levier",
        "Hours, sessions, ideas and actions by lever",
    ),
    "lever": ("Levier", "Lever"),
}
