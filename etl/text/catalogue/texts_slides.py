"""The slideshow and the PowerPoint deck: titles, messages, navigation."""

TEXTS: dict[str, tuple[str, str]] = {
    "slide.headline.message": (
        "{n} cadres membres du réseau sur {d} en poste : {rate} de participation.",
        "{n} of {d} managers in post are network members: {rate} participation.",
    ),
    "slide.other_managers": ("Autres cadres", "Other managers"),
    "slide.participation.message.organisation": (
        "De {low} à {high} des cadres membres du réseau selon la collectivité.",
        "From {low} to {high} of managers are network members, depending on the organisation.",
    ),
    "slide.participation.message.direction": (
        "De {low} à {high} des cadres membres du réseau selon la direction.",
        "From {low} to {high} of managers are network members, depending on the direction.",
    ),
    "slide.participation.single": (
        "{rate} des cadres sont membres du réseau.",
        "{rate} of managers are network members.",
    ),
    "slide.growth.message": (
        "{n} membres du réseau, {change} depuis le {date}.",
        "{n} network members, {change} since {date}.",
    ),
    "slide.change_year": ("Évolution sur un an", "Change over a year"),
    "slide.hours.message": (
        "{hours} investies par {n} participants, soit {each} chacun.",
        "{hours} invested by {n} participants: {each} each.",
    ),
    "slide.budget.message": (
        "{spent} dépensés depuis le début ; prévu en {year} : {planned}.",
        "{spent} spent since the start; planned for {year}: {planned}.",
    ),
    "slide.actions.message": (
        "{done} actions terminées sur {total} ; {late} en retard.",
        "{done} of {total} actions done; {late} late.",
    ),
    "slide.survey.message": (
        "{survey} : {p} d'avis favorables ; point fort : {best} ; à travailler : {worst}.",
        "{survey}: {p} favourable; strongest: {best}; to work on: {worst}.",
    ),
    "slide.survey.respondents": ("Répondants (taux non ventilé)", "Respondents (rate not split)"),
    "slide.survey.hidden": (
        "{survey} : résultats masqués pour ce périmètre (moins de 5 répondants).",
        "{survey}: results hidden for this scope (fewer than 5 respondents).",
    ),
    "slides.open": ("Lancer la présentation", "Start the presentation"),
    "slides.previous": ("Précédente", "Previous"),
    "slides.next": ("Suivante", "Next"),
    "slides.position": ("{i} / {n}", "{i} / {n}"),
    "slides.keys": ("Flèches ← → du clavier", "Arrow keys ← →"),
    "slides.back": ("Quitter la présentation", "Leave the presentation"),
    "slides.headline.title": ("Le réseau des cadres", "The managers' network"),
    "slides.growth.title": ("Croissance du réseau", "Network growth"),
    "slides.hours.title": ("Le temps investi", "Time invested"),
    "slides.budget.title": ("Le budget", "The budget"),
    "slides.actions.title": ("Le plan d'actions", "The action plan"),
    "slides.survey.title": ("Ce que disent les cadres", "What managers say"),
    "slide.source": ("Source : Cadran, données RH", "Source: Cadran, HR data"),
    "slides.files": ("Fichiers", "Files"),
    "slides.files.help": (
        "Les mêmes diapositives en PowerPoint et en rapport hors ligne.",
        "The same slides as a PowerPoint deck and an offline report.",
    ),
}
