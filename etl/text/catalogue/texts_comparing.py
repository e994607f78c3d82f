"""The texts of comparing networks: the Comparer page, its workbook and the command (key -> (French,
English)), merged into etl.text.i18n's table."""

TEXTS: dict[str, tuple[str, str]] = {
    "page.compare": ("Comparer", "Compare"),
    "compare.title": ("Comparaison des réseaux", "Networks compared"),
    "compare.sheet": ("Comparaison", "Comparison"),
    "compare.intro": (
        "Chaque réseau tel que son paquet de données ouvertes le publie, à sa date de situation : "
        "les mêmes définitions partout (le contrat de données de Cadran).",
        "Each network as its open-data package publishes it, at its own date: the same definitions "
        "everywhere (Cadran's data contract).",
    ),
    "compare.note": (
        "Chiffres agrégés des paquets de données ouverts ; un effectif de 1 à 4 personnes reste masqué.",
        "Aggregates from the open-data packages; a count of 1 to 4 people stays hidden.",
    ),
    "compare.figure": ("Indicateur", "Indicator"),
    "compare.as_of": ("Date de situation", "Date of the figures"),
    "compare.this": ("{name} (ce tableau de bord)", "{name} (this dashboard)"),
    "compare.survey": ("Dernière enquête : part favorable", "Latest survey: favourable share"),
    "compare.none": (
        "Aucun autre réseau à comparer : déposez le paquet .zip de données ouvertes d'un autre réseau.",
        "No other network to compare: drop another network's open-data package (.zip).",
    ),
    "compare.upload": ("Ajouter le paquet d'un réseau (.zip)", "Add a network's package (.zip)"),
    "compare.refused": ("Paquet refusé : {error}", "Package refused: {error}"),
    # why a package was refused (etl.documents.comparison.PackageError's code), {file} the package
    "compare.error.bad_zip": (
        "{file} : archive illisible ({detail})",
        "{file}: unreadable archive ({detail})",
    ),
    "compare.error.missing_file": ("{file} : {name} manque", "{file}: {name} is missing"),
    "compare.error.missing_resource": (
        "{file} : la ressource « {resource} » manque",
        "{file}: the resource “{resource}” is missing",
    ),
    "compare.error.field_differs": (
        "{file} : ressource « {resource} », champ n° {position} : attendu « {field} » ({type}), "
        "trouvé « {got} » ({got_type})",
        "{file}: resource “{resource}”, field no. {position}: expected “{field}” ({type}), "
        "found “{got}” ({got_type})",
    ),
    "compare.error.field_missing": (
        "{file} : ressource « {resource} », champ n° {position} manquant : attendu « {field} » ({type})",
        "{file}: resource “{resource}”, field no. {position} missing: expected “{field}” ({type})",
    ),
    "compare.error.field_extra": (
        "{file} : ressource « {resource} », champ en trop « {field} »",
        "{file}: resource “{resource}”, one field too many: “{field}”",
    ),
    "compare.error.header_differs": (
        "{file} : l'en-tête de {resource}.csv diffère du schéma",
        "{file}: the header of {resource}.csv differs from the schema",
    ),
    "compare.error.bad_json": (
        "{file} : datapackage.json illisible ({detail})",
        "{file}: unreadable datapackage.json ({detail})",
    ),
    "compare.error.empty": (
        "{file} : aucun indicateur de l'ensemble du réseau",
        "{file}: no indicator for the whole network",
    ),
    "compare.error.no_row_at_date": (
        "{file} : pas d'indicateurs à la date de situation {as_of}",
        "{file}: no indicators at the date of the figures {as_of}",
    ),
    "compare.download": ("Télécharger la comparaison (.xlsx)", "Download the comparison (.xlsx)"),
    "compare.tab.figures": ("Indicateurs", "Indicators"),
    "compare.tab.surveys": ("Enquêtes", "Surveys"),
    "compare.size": (
        "{managers} cadres, {participants} participants",
        "{managers} managers, {participants} participants",
    ),
    "budget_per_participant": ("Coût par participant", "Cost per participant"),  # as the Budget page says it
    "compare.pick": ("Indicateur comparé", "Indicator compared"),
    "compare.network": ("Réseau", "Network"),
    "data.opendata": ("Données ouvertes", "Open data"),
    "data.opendata.help": (
        "Le paquet de données ouvertes à la date choisie (.zip, Frictionless, licence Etalab 2.0) : chiffres "
        "agrégés seulement, aucun effectif de 1 à 4 personnes ; c'est aussi ce qu'un autre réseau compare "
        "sur sa page « Comparer ».",
        "The open-data package at the chosen date (.zip, Frictionless, Etalab 2.0 licence): aggregates only, "
        "no count of 1 to 4 people; it is also what another network compares on its « Compare » page.",
    ),
    "export.button.opendata": ("Préparer les données ouvertes", "Prepare the open data"),
}
