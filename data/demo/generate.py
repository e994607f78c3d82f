#!/usr/bin/env python3
"""Generate Cadran's demo source folder: a fictional managers' network shaped on Orléans' "iX".

Usage::

    python data/demo/generate.py [--out DIR] [--scale N] [--seed S]

The output follows /work/shared/data-contract.md (see data/demo/README.md). Everything is
fictional (names are drawn from lists of common French names) and deterministic: the same
seed and scale give byte-identical files. Only the standard library and openpyxl are used.

``--scale N`` writes N independent "replicas" of the whole story (same organisations, ids
made unique by a ``-Rnnn`` suffix or prefix), so every table is about N times larger; rows are
streamed to the files replica by replica.

The generator checks the headline figure the demo is built around: at 2015-06-30, for
``Ville d'Orléans``, 350 managers of whom 146 are members of the network (per replica).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import re
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

# openpyxl writes its XML with lxml when lxml is installed (python-pptx brings it) and with the
# standard library otherwise, byte for byte differently: always the latter, so the demo is reproducible
os.environ["OPENPYXL_LXML"] = "False"

from openpyxl import Workbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell

D = dt.date
DAY = dt.timedelta(days=1)

REF = D(2015, 6, 30)  # the reference date of the headline figure
EXTRACT = D(2017, 12, 15)  # "latest data": the day the exports were taken
START = D(2010, 1, 1)
TARGET_MANAGERS = 350
TARGET_MEMBER_MANAGERS = 146

ORG_V = "Ville d'Orléans"
ORG_M = "Orléans Métropole"
DEFAULT_OUT = Path(__file__).resolve().parent / "source"

# --------------------------------------------------------------------------------------------
# Reference lists (fictional people, plausible organisation)
# --------------------------------------------------------------------------------------------

LAST_NAMES = (
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèvre "
    "Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent "
    "Muller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand "
    "Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson "
    "Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly "
    "Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux "
    "Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe "
    "Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy "
    "Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez "
    "Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault "
    "Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le Gall Collet Léger "
    "Bouvier Julien Prévost Millet Perrot Daniel Le Roux Cousin Germain Breton Besson Langlois Rémy "
    "Le Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger "
    "Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier "
    "Collin Chauvin Da Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau "
    "Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte"
).split(" ")
# two-word surnames were split above: glue them back
_FIXED = []
_skip = False
for _i, _w in enumerate(LAST_NAMES):
    if _skip:
        _skip = False
        continue
    if _w in ("Le", "Da") and _i + 1 < len(LAST_NAMES):
        _FIXED.append(_w + " " + LAST_NAMES[_i + 1])
        _skip = True
    else:
        _FIXED.append(_w)
LAST_NAMES = tuple(_FIXED)

FIRST_NAMES = (
    "Nathalie Isabelle Sylvie Catherine Christine Valérie Sandrine Véronique Stéphanie Céline "
    "Sophie Laurence Aurélie Virginie Karine Émilie Julie Caroline Delphine Anne Marie Hélène "
    "Claire Agnès Florence Béatrice Martine Chantal Patricia Laëtitia Élodie Camille Manon Léa "
    "Pauline Mélanie Audrey Sarah Nadia Fatima Philippe Christophe Stéphane Laurent Frédéric "
    "Olivier Éric Thierry Pascal Nicolas Sébastien David Patrick Jean-Luc Jean-Pierre Didier "
    "Franck Vincent Bruno Alain Thomas Julien Guillaume Mathieu Jérôme Yannick Cédric Fabrice "
    "Hervé Gilles Romain Maxime Kévin Antoine François Benoît Karim Mehdi Grégory Ludovic Joël"
).split()

# (name, services, agents at REF, managers at REF, sites)
_ECOLES = (
    "Jean Zay|Louise Michel|Jules Ferry|Charles Péguy|Marie Curie|Victor Hugo|Jean Mermoz|"
    "Pauline Kergomard|Paul Bert|Jean Macé|Guernica|Les Acacias|Les Blossières|Saint-Marceau|"
    "La Source|L'Argonne|Madeleine|Dunois|Bourgogne|Les Carmes|Le Nécotin|Les Aydes|Gaston Galloux|"
    "Michel de la Fournière|Maxime Perrot|René Thinat|Olympia Cormier|Claude Lewy|Jolibois|Romain Rolland|"
    "Châtelet|Pierre Ségelle|Diderot|Condorcet|Molière|Anatole France"
).split("|")
_QUARTIERS = (
    "La Source|Les Blossières|Saint-Marceau|L'Argonne|Madeleine|Dunois|Barrière Saint-Marc|"
    "Bourgogne|Les Carmes|La Gare|Les Acacias|Saint-Jean|Les Murlins"
).split("|")


def _sites(prefixes, names, n):
    out = []
    for name in names:
        for prefix in prefixes:
            out.append(f"{prefix} {name}")
    return out[:n]


VILLE_DIRECTIONS = [
    (
        "Direction générale des services",
        ["Cabinet du DGS", "Mission innovation managériale"],
        14,
        5,
        ["Hôtel de Ville"],
    ),
    (
        "Direction des ressources humaines",
        ["Carrières et paie", "Formation", "Recrutement", "Santé et qualité de vie au travail"],
        70,
        13,
        ["Hôtel de Ville", "Centre municipal"],
    ),
    (
        "Direction des finances",
        ["Budget", "Comptabilité", "Commande publique"],
        50,
        9,
        ["Centre municipal"],
    ),
    (
        "Direction de l'éducation",
        ["Restauration scolaire", "Entretien des écoles", "Animation périscolaire", "Inscriptions scolaires"],
        606,
        58,
        ["Cuisine centrale", "Centre municipal"]
        + _sites(["École maternelle", "École élémentaire"], _ECOLES, 72),
    ),
    (
        "Direction de la petite enfance",
        ["Crèches collectives", "Multi-accueils", "Relais assistants maternels"],
        300,
        40,
        _sites(["Crèche", "Multi-accueil"], _QUARTIERS, 22) + ["Relais petite enfance Nord", "Relais Sud"],
    ),
    (
        "Direction de la culture",
        ["Médiathèques", "Musées", "Conservatoire", "Archives municipales"],
        230,
        30,
        _sites(["Médiathèque"], _QUARTIERS, 6)
        + ["Musée des Beaux-Arts", "Hôtel Cabu", "Maison de Jeanne d'Arc", "Conservatoire", "Archives"]
        + ["Théâtre municipal", "Salle de l'Institut"],
    ),
    (
        "Direction des sports et de la jeunesse",
        ["Équipements sportifs", "Piscines", "Jeunesse", "Vie associative"],
        220,
        28,
        _sites(["Gymnase", "Stade", "Maison de quartier"], _QUARTIERS[:7], 21)
        + ["Piscine du Palais des sports", "Piscine de La Source", "Patinoire"],
    ),
    (
        "Direction de l'espace public",
        ["Propreté", "Espaces verts", "Voirie", "Éclairage public"],
        480,
        56,
        _sites(["Base propreté", "Cimetière"], _QUARTIERS[:6], 12)
        + ["Centre technique municipal", "Serres municipales", "Parc Pasteur", "Parc de la Fontaine"]
        + ["Atelier voirie", "Atelier éclairage"],
    ),
    (
        "Direction des bâtiments",
        ["Maintenance", "Travaux neufs", "Énergie"],
        150,
        26,
        ["Centre technique municipal", "Atelier menuiserie", "Atelier serrurerie", "Atelier électricité"],
    ),
    (
        "Direction de la tranquillité publique",
        ["Police municipale", "Médiation", "Centre de supervision urbaine"],
        170,
        22,
        ["Hôtel de police municipale", "Centre de supervision urbaine"]
        + _sites(["Poste de quartier"], _QUARTIERS[:5], 5),
    ),
    (
        "Direction de l'action sociale",
        ["Accueil social", "Résidences autonomie", "Insertion"],
        140,
        24,
        _sites(["Centre social", "Résidence autonomie"], _QUARTIERS[:6], 12) + ["Espace solidarité"],
    ),
    (
        "Direction de la communication",
        ["Création graphique", "Relations presse", "Web et réseaux sociaux"],
        40,
        8,
        ["Hôtel de Ville"],
    ),
    (
        "Direction des systèmes d'information",
        ["Infrastructures", "Études et projets", "Assistance"],
        60,
        12,
        ["Centre municipal", "Salle informatique Dunois"],
    ),
    (
        "Direction de l'urbanisme",
        ["Autorisations d'urbanisme", "Planification", "Foncier"],
        70,
        19,
        ["Centre municipal", "Maison du projet"] + _sites(["Mairie de proximité"], _QUARTIERS, 6),
    ),
]

METRO_DIRECTIONS = [
    (
        "Direction du cycle de l'eau",
        ["Eau potable", "Assainissement"],
        220,
        26,
        ["Station d'épuration de La Source", "Usine des eaux du Val", "Espace Saint-Marc"],
    ),
    (
        "Direction de la gestion des déchets",
        ["Collecte", "Déchetteries", "Prévention des déchets"],
        260,
        28,
        ["Centre de tri", "Dépôt de collecte Nord", "Dépôt de collecte Sud"]
        + [f"Déchetterie {q}" for q in ("Nord", "Sud", "Est", "Ouest", "Centre")],
    ),
    (
        "Direction des mobilités",
        ["Transports", "Stationnement", "Voirie communautaire"],
        150,
        20,
        ["Espace Saint-Marc", "Dépôt tramway", "Parc relais Gare"],
    ),
    (
        "Direction de l'aménagement et de l'habitat",
        ["Habitat", "Aménagement", "Grands projets"],
        110,
        18,
        ["Espace Saint-Marc"],
    ),
    (
        "Direction du développement économique",
        ["Entreprises", "Enseignement supérieur", "Tourisme"],
        60,
        12,
        ["Espace Saint-Marc", "Pépinière d'entreprises"],
    ),
    (
        "Direction des ressources mutualisées",
        ["Finances", "Ressources humaines", "Systèmes d'information"],
        200,
        26,
        ["Espace Saint-Marc", "Centre municipal"],
    ),
]

GROUPS = [
    # code, name, theme, created, closed (None: still running)
    (
        "G-REUNION",
        "La réunionite, elle est finite",
        "Communication interne",
        D(2013, 1, 17),
        D(2014, 12, 31),
    ),
    ("G-TRANS", "Entrez dans la trans'", "Coopération entre directions", D(2013, 1, 17), None),
    ("G-TEMPS", "À la recherche du temps perdu", "Qualité de vie au travail", D(2013, 1, 17), D(2015, 3, 31)),
    ("G-GPS", "GPS : gestion de projet sereine", "Innovation", D(2013, 1, 17), None),
    ("G-ACCUEIL", "Bon accueil, pas d'écueil", "Management", D(2013, 1, 17), None),
]
# The seminar's levers: every session's and group's theme is one of them (or the network's own life).
LEVERS = (
    "Management",
    "Communication interne",
    "Innovation",
    "Qualité de vie au travail",
    "Coopération entre directions",
)
NETWORK_LIFE = "Vie du réseau"  # openings, pilots' meetings, steering committees: the network itself
# words of an iX'Presso's title -> its lever (the first that matches; else Management)
PRESSO_LEVERS = (
    (
        (
            "agile",
            "intelligence collective",
            "outils collaboratifs",
            "changement",
            "droit à l'erreur",
            "numérique",
            "innov",
        ),
        "Innovation",
    ),
    (
        (
            "parole",
            "Écrire",
            "retour constructif",
            "réunion",
            "dialogue social",
            "Reconnaître",
            "bilan social",
        ),
        "Communication interne",
    ),
    (
        (
            "risques psychosociaux",
            "stress",
            "temps",
            "absentéisme",
            "Déconnexion",
            "conflit",
            "reclassement",
            "laïcité",
        ),
        "Qualité de vie au travail",
    ),
)
SEMINAR_LEVERS = {
    2012: "Management",
    2013: "Communication interne",
    2014: "Management",
    2015: "Coopération entre directions",
    2016: "Coopération entre directions",
    2017: "Innovation",
}
# Directions whose managers also meet among themselves, every quarter: their time stays inside
# (insular), where the others' goes to the network's sessions with everyone (central).
INSULAR = ("Direction des finances", "Direction de l'éducation", "Direction de l'espace public")


def presso_lever(theme):
    """The lever an iX'Presso serves, from the words of its title."""
    low = theme.lower()
    return next(
        (lever for words, lever in PRESSO_LEVERS if any(w.lower() in low for w in words)), "Management"
    )


PRESSO_THEMES = [
    "Animer une réunion efficace",
    "Conduire l'entretien professionnel",
    "Gérer son temps et ses priorités",
    "Prévenir les risques psychosociaux",
    "Déléguer sans s'épuiser",
    "Accueillir un nouvel agent",
    "Désamorcer un conflit",
    "La commande publique en deux heures",
    "Lire et construire un budget de service",
    "Donner un retour constructif",
    "Conduire le changement",
    "Le droit à l'erreur",
    "Mener un projet en mode agile",
    "Prendre la parole en public",
    "Reconnaître le travail de ses équipes",
    "Faciliter l'intelligence collective",
    "Manager à distance",
    "Le statut de la fonction publique territoriale",
    "La laïcité au travail",
    "Prévenir l'absentéisme",
    "Les outils collaboratifs",
    "Écrire pour être lu",
    "Le dialogue social au quotidien",
    "Lire le bilan social",
    "Manager des managers",
    "Gérer son stress",
    "Conduire un entretien de recadrage",
    "Accompagner le reclassement d'un agent",
    "Animer une équipe intergénérationnelle",
    "Piloter par les indicateurs",
    "Déconnexion et charge mentale",
    "Prévenir la discrimination au recrutement",
    "Manager en mode projet transversal",
    "Le handicap au travail",
    "Faire vivre les valeurs du service public",
    "Mener une réunion à distance",
    "Le design des politiques publiques",
    "Motiver sans primes",
    "Construire un plan de formation d'équipe",
    "Réussir ses recrutements",
]

PRESSO_LOCATIONS = [
    "Salle Eiffel, Centre municipal",
    "Salon Jeanne d'Arc, Hôtel de Ville",
    "Le Lab, Centre municipal",
]

IDEA_THEMES = {
    "G-REUNION": (
        ["Limiter", "Préparer", "Outiller", "Raccourcir", "Évaluer"],
        [
            "les réunions à une heure",
            "chaque réunion avec un ordre du jour partagé",
            "les réunions de direction",
            "les comptes rendus de réunion",
            "les réunions debout du lundi",
            "les invitations aux réunions",
            "les réunions sans décision",
        ],
    ),
    "G-TRANS": (
        ["Créer", "Organiser", "Favoriser", "Développer", "Expérimenter"],
        [
            "des rencontres entre directions",
            "un annuaire des compétences des cadres",
            "des immersions d'un jour dans une autre direction",
            "des projets menés en binôme entre directions",
            "un café des cadres mensuel",
            "des visites de sites pour les cadres",
            "le partage des bonnes pratiques",
        ],
    ),
    "G-TEMPS": (
        ["Protéger", "Mesurer", "Réduire", "Simplifier", "Planifier"],
        [
            "des plages sans courriel",
            "le temps passé en réunion",
            "les circuits de signature",
            "les interruptions",
            "les demandes urgentes de dernière minute",
            "le temps de travail sur dossiers",
            "les reportings en double",
        ],
    ),
    "G-GPS": (
        ["Former", "Équiper", "Accompagner", "Standardiser", "Partager"],
        [
            "les chefs de projet à la méthode",
            "les cadres d'un outil de suivi de projet",
            "le lancement des projets transversaux",
            "les fiches projet",
            "les retours d'expérience de projets",
            "les revues de projet trimestrielles",
            "un vivier de chefs de projet",
        ],
    ),
    "G-ACCUEIL": (
        ["Créer", "Systématiser", "Améliorer", "Remettre", "Organiser"],
        [
            "un livret d'accueil du nouvel agent",
            "une journée d'intégration trimestrielle",
            "le parrainage des nouveaux cadres",
            "un kit d'arrivée du manager",
            "l'accueil le premier jour",
            "la présentation de la collectivité",
            "le suivi à trois mois des nouveaux agents",
        ],
    ),
    None: (
        ["Reconnaître", "Informer", "Associer", "Valoriser", "Consulter"],
        [
            "les initiatives des équipes",
            "les cadres avant la presse",
            "les cadres aux décisions budgétaires",
            "les réussites des services",
            "les encadrants de proximité",
            "les agents sur l'organisation du travail",
            "les cadres sur l'intranet",
        ],
    ),
}

ACTIONS = {
    # group: [(title, axis index)]
    "G-REUNION": [
        ("Rédiger la charte de la réunion efficace", 0),
        ("Équiper les salles de minuteurs et de paperboards", 3),
        ("Former les assistantes à la préparation des réunions", 0),
        ("Supprimer une réunion récurrente par direction", 0),
        ("Publier le guide « Réunion efficace »", 3),
        ("Évaluer la charte auprès des cadres", 1),
    ],
    "G-TRANS": [
        ("Lancer les immersions inter-directions", 0),
        ("Créer l'annuaire des compétences des cadres", 3),
        ("Organiser le café des cadres mensuel", 0),
        ("Mettre en place les visites de sites", 1),
        ("Constituer des binômes de directions", 0),
        ("Ouvrir l'annuaire aux cadres de la Métropole", 0),
    ],
    "G-TEMPS": [
        ("Expérimenter les matinées sans courriel", 2),
        ("Simplifier le circuit des parapheurs", 3),
        ("Mesurer le temps passé en réunion", 2),
        ("Diffuser les bonnes pratiques de messagerie", 2),
        ("Dématérialiser les signatures", 3),
    ],
    "G-GPS": [
        ("Écrire la méthode de projet de la collectivité", 3),
        ("Former vingt chefs de projet", 1),
        ("Déployer un outil de suivi de projet", 3),
        ("Instaurer les revues de projet trimestrielles", 1),
        ("Capitaliser les retours d'expérience", 3),
        ("Créer le vivier de chefs de projet", 1),
    ],
    "G-ACCUEIL": [
        ("Rédiger le livret d'accueil du nouvel agent", 2),
        ("Organiser la journée d'intégration", 0),
        ("Mettre en place le parrainage des nouveaux cadres", 0),
        ("Préparer le kit d'arrivée du manager", 2),
        ("Suivre les nouveaux agents à trois mois", 2),
        ("Adapter l'accueil aux agents de la Métropole", 0),
    ],
    None: [
        ("Créer l'espace des cadres sur l'intranet", 1),
        ("Informer les cadres avant chaque communiqué de presse", 1),
        ("Associer les cadres à la préparation budgétaire", 1),
        ("Organiser les iX'Pressos mensuels", 3),
        ("Intégrer le réseau au parcours des nouveaux cadres", 0),
        ("Mettre en place le baromètre managérial", 1),
        ("Créer la lettre d'information du réseau", 1),
        ("Valoriser les réussites des services au séminaire", 2),
        ("Former les encadrants de proximité", 2),
        ("Ouvrir le réseau aux cadres de la Métropole", 0),
    ],
}
AXES = [
    "Axe 1 - Mieux travailler ensemble",
    "Axe 2 - Donner du sens",
    "Axe 3 - Prendre soin des équipes",
    "Axe 4 - Innover dans nos pratiques",
]
UPDATE_COMMENTS = {
    "not_started": ["Pas encore engagée", "Reportée faute de disponibilité", "En attente d'arbitrage"],
    "in_progress": [
        "Groupe de travail constitué",
        "Première version rédigée",
        "Test en cours dans deux directions",
        "Présenté au comité de pilotage",
        "Retard lié à la charge de fin d'année",
        "Relecture par la DRH",
        "Déploiement engagé",
    ],
    "done": ["Livré et présenté en plénière", "Terminée, diffusée à tous les cadres", "Action close"],
    "abandoned": ["Abandonnée : reprise dans une autre action", "Abandonnée après arbitrage"],
}

QUESTIONS = [
    ("Q01", "Je me sens appartenir à la communauté des cadres de la collectivité", "likert5", "belonging"),
    ("Q02", "Je comprends le sens des orientations de la collectivité", "likert5", "meaning"),
    ("Q03", "Ma charge de travail est soutenable", "likert5", "workload"),
    ("Q04", "Je coopère facilement avec les autres directions", "likert5", "cooperation"),
    ("Q05", "Mon travail de manager est reconnu", "likert5", "recognition"),
    ("Q06", "Je dispose de l'information nécessaire pour piloter mon équipe", "likert5", "information"),
    ("Q07", "Je peux m'appuyer sur mes pairs en cas de difficulté", "likert5", "cooperation"),
    (
        "Q08",
        "Sur une échelle de 0 à 10, recommanderiez-vous la collectivité comme employeur à un cadre ?",
        "nps",
        "recommendation",
    ),
    (
        "Q09",
        "Avez-vous suivi une formation managériale au cours des 12 derniers mois ?",
        "yes_no",
        "training",
    ),
    ("Q10", "Qu'attendez-vous d'un réseau des cadres ?", "text", "expectations"),
]
# mean of the 1-5 answers in 2012, lift in 2014 for non-members and for members of the network
LIKERT_BASE = {"belonging": 2.6, "meaning": 2.9, "workload": 2.5, "cooperation": 2.7, "recognition": 2.4}
LIKERT_BASE["information"] = 2.6
LIFT_OTHERS = {"belonging": 0.1, "meaning": 0.1, "workload": -0.1, "cooperation": 0.1, "recognition": 0.0}
LIFT_OTHERS["information"] = 0.1
LIFT_MEMBERS = {"belonging": 1.1, "meaning": 0.6, "workload": 0.1, "cooperation": 1.0, "recognition": 0.5}
LIFT_MEMBERS["information"] = 0.8
FREE_TEXT = [
    "Des échanges entre pairs, sans hiérarchie",
    "Sortir de l'isolement du manager de proximité",
    "Du temps pour prendre du recul",
    "Être informé avant les agents, pas après",
    "Des formations courtes et pratiques",
    "Connaître les autres directions et leurs contraintes",
    "Moins de réunions, plus de décisions",
    "Partager des outils concrets",
    "Un espace où l'on peut dire les difficultés",
    "Que la direction générale écoute vraiment les remontées",
    "De la reconnaissance, tout simplement",
    "Je ne sais pas encore, à voir",
    'Un lieu pour "souffler" et apprendre des autres',
    "Continuer les iX'Pressos, c'est utile",
    "Que le réseau ne devienne pas une réunion de plus",
    "Plus de place pour les encadrants de terrain",
]

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def fr_date(d):
    return d.strftime("%d/%m/%Y") if d else ""


def iso(d):
    return d.isoformat() if d else ""


def fr_number(x, decimals=1):
    return f"{x:.{decimals}f}".replace(".", ",")


def fr_money(x, sep=" "):
    whole, frac = f"{x:.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sep.join(groups)},{frac} €"


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def employed(p, d):
    return (p.hire is None or p.hire <= d) and (p.leave is None or p.leave > d)


def nth_weekday(year, month, weekday, n):
    d = D(year, month, 1)
    d += dt.timedelta(days=(weekday - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


class Person:
    __slots__ = (
        "pid",
        "last",
        "first",
        "email",
        "org",
        "direction",
        "service",
        "site",
        "category",
        "is_manager",
        "hire",
        "leave",
    )

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


class Writers:
    """The CSV files of the source folder, open for streaming."""

    SPECS = {
        # file: (encoding, delimiter, line terminator, header)
        "staff.csv": (
            "cp1252",
            ";",
            "\r\n",
            [
                "Matricule",
                "Nom",
                "Prénom",
                "Courriel",
                "Collectivité",
                "Direction",
                "Service",
                "Site",
                "Catégorie",
                "Encadrant",
                "Date d'entrée",
                "Date de sortie",
            ],
        ),
        "members.csv": ("utf-8", ",", "\n", ["person_id", "joined_on", "left_on", "role", "group_id"]),
        "sessions.csv": (
            "utf-8-sig",
            ";",
            "\r\n",
            [
                "Code session",
                "Type",
                "Intitulé",
                "Date",
                "Durée (h)",
                "Code groupe",
                "Places",
                "Lieu",
                "Thème",
            ],
        ),
        "attendance.csv": ("utf-8", ",", "\n", ["session_id", "person_id", "status", "hours"]),
        "contributions.csv": ("utf-8", ",", "\n", ["person_id", "date", "hours", "activity", "group_id"]),
        "budget.csv": (
            "utf-8",
            ";",
            "\r\n",
            [
                "Code ligne",
                "Date",
                "Catégorie",
                "Libellé",
                "Prévu (€)",
                "Dépensé (€)",
                "Code groupe",
                "Code session",
            ],
        ),
        "surveys.csv": ("utf-8", ",", "\n", ["survey_id", "title", "opened_on", "closed_on", "invited"]),
        "survey_questions.csv": ("utf-8", ",", "\n", ["survey_id", "question_id", "text", "kind", "theme"]),
        "survey_respondents.csv": (
            "utf-8",
            ",",
            "\n",
            [
                "survey_id",
                "respondent_id",
                "organisation",
                "direction",
                "is_manager",
                "is_member",
                "submitted_on",
            ],
        ),
        "survey_answers.csv": ("utf-8", ",", "\n", ["survey_id", "respondent_id", "question_id", "value"]),
    }

    def __init__(self, out):
        self.files = {}
        self.writers = {}
        self.counts = {}
        for name, (enc, delim, term, header) in self.SPECS.items():
            f = open(out / name, "w", encoding=enc, newline="")  # noqa: SIM115 - closed in close()
            w = csv.writer(f, delimiter=delim, lineterminator=term)
            w.writerow(header)
            self.files[name] = f
            self.writers[name] = w
            self.counts[name] = 0

    def row(self, name, values):
        self.writers[name].writerow(values)
        self.counts[name] += 1

    def rows(self, name, rows):
        rows = list(rows)
        self.writers[name].writerows(rows)
        self.counts[name] += len(rows)

    def close(self):
        for f in self.files.values():
            f.close()


# --------------------------------------------------------------------------------------------
# One replica of the story
# --------------------------------------------------------------------------------------------


class Replica:
    def __init__(self, seed, k, w, plan):
        self.rng = random.Random(f"cadran-demo/{seed}/{k}")
        # the insular directions' own meetings draw from their own stream: the rest of the story
        # (and every figure it was built around) stays the same draw for draw
        self.own_rng = random.Random(f"cadran-demo/{seed}/{k}/directions")
        self.k = k
        self.sfx = "" if k == 0 else f"-R{k:03d}"
        self.w = w
        self.plan = plan
        self.people = []
        self.by_pid = {}
        self.memberships = []  # (pid, joined, left, role, group_id)

    # ---- small random helpers --------------------------------------------------------------
    def rdate(self, a, b):
        return a + dt.timedelta(days=self.rng.randint(0, (b - a).days))

    def rworkday(self, a, b):
        d = self.rdate(a, b)
        while d.weekday() >= 5:
            d -= DAY
        return d if d >= a else a

    def gid(self, code):
        return code + self.sfx if code else ""

    # ---- staff -----------------------------------------------------------------------------
    def make_staff(self):
        rng = self.rng
        self.emails = {}
        v_counts = self._org_counts(VILLE_DIRECTIONS, leavers=(400, 40), hires=(220, 30))
        m_counts = self._org_counts(METRO_DIRECTIONS, leavers=(50, 10), hires=(78, 12))
        nv = sum(sum(c) for c in v_counts.values())
        nm = sum(sum(c) for c in m_counts.values())
        if self.k == 0:
            v_ids = [f"{n:06d}" for n in rng.sample(range(1000, 60000), nv)]
            m_ids = [f"M{n:05d}" for n in rng.sample(range(10000, 100000), nm)]
        else:
            v_ids = [f"{self.k:03d}{n:06d}" for n in rng.sample(range(1000, 60000), nv)]
            m_ids = [f"M{self.k:03d}{n:05d}" for n in rng.sample(range(10000, 100000), nm)]
        self.ville = self._make_org(ORG_V, VILLE_DIRECTIONS, v_counts, v_ids, "ville-orleans.example")
        self.metro = self._make_org(ORG_M, METRO_DIRECTIONS, m_counts, m_ids, "orleans-metropole.example")
        # the HR export is sorted by matricule
        self.people.sort(key=lambda p: p.pid)

    def _org_counts(self, directions, leavers, hires):
        """Per direction: [core managers, core others, leaver managers, leaver others, hire m., hire o.]."""
        rng = self.rng
        counts = {name: [mgr, agents - mgr, 0, 0, 0, 0] for name, _s, agents, mgr, _x in directions}
        names = [d[0] for d in directions]
        weights = [d[2] for d in directions]
        for slot, n in ((2, leavers[1]), (3, leavers[0]), (4, hires[1]), (5, hires[0])):
            for name in rng.choices(names, weights=weights, k=n):
                counts[name][slot] += 1
        return counts

    def _make_org(self, org, directions, counts, ids, domain):
        rng = self.rng
        ids = iter(ids)
        out = {"core_m": [], "core_o": [], "leave_m": [], "leave_o": [], "hire_m": [], "hire_o": []}
        for name, services, _agents, _mgr, sites in directions:
            c = counts[name]
            for slot, n in zip(out, c, strict=True):
                for _ in range(n):
                    is_m = slot.endswith("_m")
                    if slot.startswith("core"):
                        tenure = (rng.random() ** (1.3 if is_m else 1.6)) * 36 * 365.25
                        hire = REF - dt.timedelta(days=int(tenure))
                        leave = self.rdate(REF + DAY, D(2017, 12, 31)) if rng.random() < 0.09 else None
                    elif slot.startswith("leave"):
                        hire = self.rdate(D(1980, 1, 1), D(2009, 12, 31))
                        leave = self.rdate(START, REF)
                    else:
                        hire = self.rdate(REF + DAY, D(2017, 11, 30))
                        leave = None
                    if is_m:
                        cat = rng.choices("ABC", weights=(45, 40, 15))[0]
                    else:
                        cat = rng.choices("ABC", weights=(8, 22, 70))[0]
                    first = rng.choice(FIRST_NAMES)
                    last = rng.choice(LAST_NAMES)
                    local = f"{ascii_slug(first)}.{ascii_slug(last)}"
                    key = (domain, local)
                    self.emails[key] = self.emails.get(key, 0) + 1
                    if self.emails[key] > 1:
                        local += str(self.emails[key])
                    p = Person(
                        pid=next(ids),
                        last=last.upper(),
                        first=first,
                        email=f"{local}@{domain}",
                        org=org,
                        direction=name,
                        service=rng.choice(services),
                        site=rng.choice(sites),
                        category=cat,
                        is_manager=is_m,
                        hire=hire,
                        leave=leave,
                    )
                    out[slot].append(p)
                    self.people.append(p)
                    self.by_pid[p.pid] = p
        return out

    def write_staff(self):
        rng = self.rng
        for p in self.people:
            hire = p.hire
            if hire and hire.year < 1990 and rng.random() < 0.05:
                hire = None  # old records without a hire date: employed since always
            p.hire = hire
            self.w.row(
                "staff.csv",
                [
                    p.pid,
                    p.last,
                    p.first,
                    p.email,
                    p.org,
                    p.direction,
                    p.service,
                    p.site,
                    p.category,
                    "Oui" if p.is_manager else "Non",
                    fr_date(p.hire),
                    fr_date(p.leave),
                ],
            )

    # ---- membership ------------------------------------------------------------------------
    def member(self, p, joined, left=None, role="member", group=None):
        assert left is None or left > joined, (p.pid, joined, left)
        assert p.hire is None or p.hire <= joined, (p.pid, p.hire, joined)
        self.memberships.append((p.pid, joined, left, role, group))

    def make_members(self):
        rng = self.rng
        v = self.ville
        core_m = list(v["core_m"])
        rng.shuffle(core_m)
        # edge case: a manager hired on the reference day counts as a manager (hire_date <= D)
        edge_hired = core_m.pop()
        edge_hired.hire = REF
        early = [p for p in core_m if p.hire < D(2012, 3, 1)]
        late = [p for p in core_m if D(2012, 3, 1) <= p.hire <= D(2015, 3, 31)]
        # S: the 146 managers who are members at REF
        n_late = min(len(late), 12)
        S = early[: TARGET_MEMBER_MANAGERS - n_late] + late[:n_late]
        s_ids = {p.pid for p in S}
        others = [p for p in core_m if p.pid not in s_ids]  # 203 + edge_hired = 204 non-members at REF
        others_early = [p for p in others if p.hire < D(2012, 3, 1)]

        s_early = [p for p in S if p.hire < D(2012, 3, 1)]
        s_late = [p for p in S if p.hire >= D(2012, 3, 1)]
        pilots_s = s_early[:38]
        opening_s = s_early[38:83]
        rest_s = s_early[83:] + s_late  # 63 people joining 2013 - mid 2015
        # leaver managers: pilots and opening-wave members who later left the city
        leavers = [p for p in v["leave_m"]]
        rng.shuffle(leavers)
        lead_leaver = leavers[0]
        lead_leaver.leave = D(2014, 6, 27)
        pilots_l = leavers[:8]
        for p in pilots_l[1:]:
            p.leave = self.rdate(D(2012, 9, 1), REF)
        opening_l = leavers[8:14]
        for p in opening_l:
            p.leave = self.rdate(D(2013, 3, 1), REF)
        edge_left = opening_l[-1]
        edge_left.leave = REF  # left on the reference day: no longer employed (leave_date > D fails)
        late_l = leavers[14:17]
        for p in late_l:
            p.leave = self.rdate(D(2014, 1, 1), REF)
        # managers who left the network before REF
        quitters = others_early[:14]

        # -- pilots, April-May 2012 (50)
        for p in pilots_s:
            self.member(p, self.rworkday(D(2012, 4, 16), D(2012, 5, 31)), role="pilot")
        for p in quitters[:4]:
            self.member(
                p,
                self.rworkday(D(2012, 4, 16), D(2012, 5, 31)),
                self.rdate(D(2013, 3, 1), D(2014, 12, 31)),
                "pilot",
            )
        for p in pilots_l:
            joined = self.rworkday(D(2012, 4, 16), D(2012, 5, 31))
            self.member(p, joined, p.leave if rng.random() < 0.5 else None, "pilot")
        # -- opening to all managers, December 2012
        opening = lambda: self.rworkday(D(2012, 12, 6), D(2012, 12, 21))  # noqa: E731
        for p in opening_s:
            self.member(p, opening())
        rejoiner = opening_s[0]
        # rejoiner: left in 2013 and came back in 2014 -> replace their open row by two rows
        joined, _l, _r, _g = self.memberships[-len(opening_s)][1:]
        self.memberships[-len(opening_s)] = (rejoiner.pid, joined, D(2013, 9, 30), "member", None)
        self.member(rejoiner, D(2014, 3, 13))
        for p in quitters[4:12]:
            j = opening()
            left = self.rdate(D(2013, 6, 1), D(2015, 5, 31))
            if p is quitters[11]:
                left = REF  # left the network on the reference day: not a member (left_on > D fails)
            self.member(p, j, left)
        for p in opening_l:
            self.member(p, opening(), p.leave if rng.random() < 0.5 else None)
        # -- further waves 2013 - June 2015 (63)
        waves = [(D(2013, 2, 4), D(2013, 3, 29)), (D(2013, 10, 14), D(2013, 11, 29))]
        waves += [(D(2014, 1, 6), D(2014, 3, 28)), (D(2014, 10, 13), D(2014, 11, 28))]
        waves += [(D(2015, 1, 12), D(2015, 6, 29))]
        quota = [18, 12, 10, 10, 13]
        pending = list(rest_s)
        pending.sort(key=lambda p: p.hire)
        edge_joined = pending.pop()  # joins on the reference day: a member (joined_on <= D)
        for (a, b), n in zip(waves, quota, strict=True):
            if (a, b) == waves[-1]:
                n -= 1
            for _ in range(n):
                p = pending.pop(0)
                lo = max(a, p.hire + dt.timedelta(days=30))
                self.member(p, self.rworkday(lo, b) if lo <= b else min(p.hire + dt.timedelta(days=30), REF))
        assert not pending, len(pending)
        self.member(edge_joined, REF)
        for p in quitters[12:14]:
            self.member(
                p, self.rworkday(D(2013, 2, 4), D(2013, 3, 29)), self.rdate(D(2014, 1, 1), D(2015, 5, 31))
            )
        for p in late_l:
            j = self.rworkday(D(2013, 2, 4), D(2013, 11, 29))
            self.member(p, j, p.leave if rng.random() < 0.5 else None)
        # one quitter comes back after REF
        self.member(quitters[5], D(2016, 2, 11))
        # -- after REF: further Ville managers join (not members at REF)
        after = [p for p in others if p not in quitters] + [edge_hired]
        rng.shuffle(after)
        for p in after[:70]:
            j = self.rworkday(D(2015, 7, 6), EXTRACT)
            if p.leave is None or p.leave > j:
                self.member(p, j)
        for p in rng.sample(v["hire_m"], 15):
            lo = p.hire + dt.timedelta(days=45)
            if lo < EXTRACT:
                self.member(p, self.rworkday(lo, EXTRACT))
        # -- non-manager members: HR referents, the coordinator, a few "faisant fonction"
        drh = [
            p
            for p in v["core_o"]
            if p.direction.startswith("Direction des ressources") and p.hire < D(2012, 1, 1)
        ]
        for n, p in enumerate(drh[:7]):
            p.category = "A" if n < 3 else "B"
            p.service = "Formation" if n < 2 else p.service
            left = D(2016, 8, 31) if n == 6 else None
            self.member(p, self.rworkday(D(2012, 12, 6), D(2013, 2, 28)), left, "hr_referent")
        dgs = [
            p for p in v["core_o"] if p.direction.startswith("Direction générale") and p.hire < D(2011, 1, 1)
        ]
        coordinator = dgs[0]
        coordinator.category = "A"
        coordinator.service = "Mission innovation managériale"
        self.member(coordinator, D(2012, 3, 1), role="coordinator")
        taken = {p.pid for p in drh[:7]} | {coordinator.pid}
        ff = [p for p in v["core_o"] if p.category in "AB" and p.hire < D(2013, 1, 1) and p.pid not in taken]
        for p in rng.sample(ff, 6):
            j = self.rworkday(D(2013, 6, 3), D(2016, 6, 30))
            if p.leave is None or p.leave > j:
                self.member(p, j)
        # -- groups: project leads (7) and group members
        leads = {
            "G-REUNION": [lead_leaver, pilots_s[0]],
            "G-TRANS": [pilots_s[1], pilots_s[2]],
            "G-TEMPS": [opening_s[1]],
            "G-GPS": [pilots_s[3]],
            "G-ACCUEIL": [opening_s[2]],
        }
        self.leads = leads
        self.group_rows = {}
        pool = pilots_s[4:] + opening_s[3:]
        rng.shuffle(pool)
        used = 0
        for code, _name, _theme, created, closed in GROUPS:
            g = self.gid(code)
            rows = []
            for n, p in enumerate(leads[code]):
                if p is lead_leaver:
                    rows.append((p, created, p.leave))
                elif code == "G-REUNION" and n == 1:
                    rows.append((p, lead_leaver.leave + dt.timedelta(days=18), closed))
                else:
                    rows.append((p, created, closed))
            for p, j, left in rows:
                self.member(p, j, left, "project_lead", g)
            members = []
            size = rng.randint(7, 11)
            for p in pool[used : used + size]:
                j = created + dt.timedelta(days=rng.randint(0, 35))
                left = closed
                if left is None and rng.random() < 0.25:
                    left = self.rdate(D(2014, 1, 1), D(2016, 12, 31))
                members.append((p, j, left))
                self.member(p, j, left, group=g)
            used += size
            if closed is None:  # later recruits of the running groups, after REF
                late_pool = [p for p in after[:70]] + rng.sample(self.metro["core_m"], 4)
                self.group_late = getattr(self, "group_late", {})
                self.group_late[code] = rng.sample(late_pool, rng.randint(2, 4))
            self.group_rows[g] = rows + members
        # -- Orléans Métropole: opening in December 2015
        m = list(self.metro["core_m"])
        rng.shuffle(m)
        self.metro_joined = []
        for n, p in enumerate(m[:82]):
            if n < 40:
                j = self.rworkday(D(2015, 12, 10), D(2015, 12, 23))
            elif n < 66:
                j = self.rworkday(D(2016, 1, 11), D(2016, 12, 16))
            else:
                j = self.rworkday(D(2017, 1, 9), EXTRACT)
            if p.leave is not None and p.leave <= j:
                continue  # left the Métropole before the opening
            left = self.rdate(D(2016, 6, 1), EXTRACT) if n % 17 == 5 else None
            if left is not None and left <= j:
                left = None
            self.member(p, j, left)
            self.metro_joined.append(p)
        # late recruits of the running groups (after REF; they are members by then)
        mem_start = {}
        for pid, j, _l, _r, _g in self.memberships:
            mem_start[pid] = min(j, mem_start.get(pid, j))
        for code, recruits in getattr(self, "group_late", {}).items():
            g = self.gid(code)
            for p in recruits:
                if p.pid not in mem_start:
                    continue
                j = max(mem_start[p.pid] + dt.timedelta(days=20), D(2016, 1, 18))
                if j >= EXTRACT or (p.leave and p.leave <= j):
                    continue
                self.member(p, j, None, group=g)
                self.group_rows[g].append((p, j, None))

        self.coordinator = coordinator
        self.hr_referents = drh[:7]
        self.pilots = pilots_s + quitters[:4] + pilots_l
        self.check_reference()

    def member_at(self, pid, d):
        return any(j <= d and (left is None or left > d) for j, left in self.intervals.get(pid, ()))

    def check_reference(self):
        """The contract's indicators at REF for the Ville: managers and member managers."""
        self.intervals = {}
        for pid, j, left, _r, _g in self.memberships:
            self.intervals.setdefault(pid, []).append((j, left))
        managers = [p for p in self.people if p.org == ORG_V and p.is_manager and employed(p, REF)]
        member_managers = [p for p in managers if self.member_at(p.pid, REF)]
        got = (len(managers), len(member_managers))
        if got != (TARGET_MANAGERS, TARGET_MEMBER_MANAGERS):
            raise SystemExit(f"replica {self.k}: managers/member managers at {REF} are {got}")
        self.reference = got

    def write_members(self):
        rows = sorted(self.memberships, key=lambda r: (r[1], r[0], r[3], r[4] or ""))
        for pid, j, left, role, g in rows:
            self.w.row("members.csv", [pid, iso(j), iso(left), role, g or ""])

    # ---- sessions, attendance, contributions ------------------------------------------------
    def make_sessions(self):
        rng = self.rng
        # (id, kind, title, datetime|date, hours, group, capacity, location, theme, invitees, profile)
        sessions = []
        sfx = self.sfx
        managers = [p for p in self.people if p.is_manager]
        ville_m = [p for p in managers if p.org == ORG_V]
        members_people = [self.by_pid[pid] for pid in self.intervals]
        # how involved each member is: a few pillars, many occasional, some dormant
        self.engagement = {p.pid: rng.betavariate(0.7, 1.3) for p in members_people}

        def mgrs(d, metro):
            return [p for p in (managers if metro else ville_m) if employed(p, d)]

        def members_at(d, metro=True):
            return [
                p
                for p in members_people
                if employed(p, d) and self.member_at(p.pid, d) and (metro or p.org == ORG_V)
            ]

        # seminars
        sem_dates = [
            D(2012, 4, 5),
            D(2013, 10, 10),
            D(2014, 10, 9),
            D(2015, 10, 8),
            D(2016, 10, 13),
            D(2017, 10, 12),
        ]
        sem_titles = [
            "Séminaire des cadres 2012 : inventons notre management",
            "Séminaire des cadres 2013 : un an de réseau iX",
            "Séminaire des cadres 2014 : manager en temps de contraintes",
            "Séminaire des cadres 2015 : coopérer au-delà des directions",
            "Séminaire des cadres 2016 : une seule équipe Ville et Métropole",
            "Séminaire des cadres 2017 : innover ensemble",
        ]
        for d, title in zip(sem_dates, sem_titles, strict=True):
            sessions.append(
                (
                    f"SEM-{d.year}{sfx}",
                    "Séminaire",
                    title,
                    d,
                    7.0,
                    "",
                    500,
                    "Centre de conférences",
                    SEMINAR_LEVERS[d.year],
                    mgrs(d, d.year >= 2016),
                    "seminar",
                )
            )
        # network openings
        d = D(2012, 12, 6)
        sessions.append(
            (
                f"OUV-2012{sfx}",
                "Réunion",
                "Lancement du réseau iX",
                dt.datetime(2012, 12, 6, 14, 0),
                3.0,
                "",
                400,
                "Salle du Conseil, Hôtel de Ville",
                NETWORK_LIFE,
                mgrs(d, False),
                "opening",
            )
        )
        d = D(2015, 12, 10)
        inv = [p for p in self.metro["core_m"] + self.metro["hire_m"] if employed(p, d)]
        inv += [p for p in members_at(d, False) if p.is_manager]
        sessions.append(
            (
                f"OUV-2015{sfx}",
                "Réunion",
                "Le réseau iX s'ouvre aux cadres de la Métropole",
                dt.datetime(2015, 12, 10, 14, 0),
                3.0,
                "",
                300,
                "Espace Saint-Marc",
                NETWORK_LIFE,
                inv,
                "opening",
            )
        )
        # pilot meetings, 2012
        pilot_ids = {p.pid for p in self.pilots}
        for n, d in enumerate(
            [D(2012, 5, 24), D(2012, 6, 21), D(2012, 7, 5), D(2012, 9, 20), D(2012, 10, 18), D(2012, 11, 15)],
            1,
        ):
            inv = [p for p in members_at(d) if p.pid in pilot_ids] + [self.coordinator]
            sessions.append(
                (
                    f"PIL-2012-{n:02d}{sfx}",
                    "Réunion",
                    f"Réunion des pilotes n°{n}",
                    dt.datetime(d.year, d.month, d.day, 9, 0),
                    2.0,
                    "",
                    60,
                    "Salle Eiffel, Centre municipal",
                    NETWORK_LIFE,
                    inv,
                    "meeting",
                )
            )
        # iX'Pressos: monthly from January 2013, two sessions each (8:30 and 12:30), none in August
        themes = list(PRESSO_THEMES)
        n_theme = 0
        for year in range(2013, 2018):
            for month in range(1, 13):
                if month == 8:
                    continue
                theme = themes[n_theme % len(themes)]
                if n_theme >= len(themes):
                    theme += " (2e édition)"
                n_theme += 1
                d = nth_weekday(year, month, 3, 3)
                pool_m = mgrs(d, d >= D(2015, 12, 10))
                for half, hour in (("A", 8), ("B", 12)):
                    pool = [p for p in pool_m]
                    weights = [
                        0.2 + 8 * self.engagement[p.pid] if self.member_at(p.pid, d) else 1 for p in pool
                    ]
                    k = rng.randint(13, 21)
                    chosen = {}
                    while len(chosen) < k:
                        p = rng.choices(pool, weights=weights)[0]
                        chosen[p.pid] = p
                    sessions.append(
                        (
                            f"PRE-{year}-{month:02d}-{half}{sfx}",
                            "Formation",
                            f"iX'Presso : {theme}",
                            dt.datetime(year, month, d.day, hour, 30),
                            2.0,
                            "",
                            20,
                            rng.choice(PRESSO_LOCATIONS),
                            presso_lever(theme),
                            list(chosen.values()),
                            "training",
                        )
                    )
        # plenaries, quarterly from 2013
        for year in range(2013, 2018):
            for q, month in enumerate((3, 6, 9, 12), 1):
                d = nth_weekday(year, month, 1, 2)
                inv = members_at(d)
                sessions.append(
                    (
                        f"PLE-{year}-T{q}{sfx}",
                        "Réunion",
                        f"Plénière du réseau iX - {q}e trimestre {year}",
                        dt.datetime(year, month, d.day, 17, 0),
                        2.0,
                        "",
                        250,
                        "Salle du Conseil, Hôtel de Ville",
                        "Communication interne",
                        inv,
                        "plenary",
                    )
                )
        # steering committee, every two months from 2013
        for year in range(2013, 2018):
            for month in (1, 3, 5, 7, 9, 11):
                d = nth_weekday(year, month, 0, 4)
                inv = [self.coordinator] + [
                    p for p in self.hr_referents if employed(p, d) and self.member_at(p.pid, d)
                ]
                for code, leads in self.leads.items():
                    for p in leads:
                        if employed(p, d) and any(
                            pp is p and j <= d and (left is None or left > d)
                            for pp, j, left in self.group_rows[self.gid(code)]
                        ):
                            inv.append(p)
                inv = list({p.pid: p for p in inv}.values())
                sessions.append(
                    (
                        f"COP-{year}-{month:02d}{sfx}",
                        "Réunion",
                        "Comité de pilotage du réseau iX",
                        dt.datetime(year, month, d.day, 10, 0),
                        2.0,
                        "",
                        20,
                        "Bureau du DGS, Hôtel de Ville",
                        NETWORK_LIFE,
                        inv,
                        "meeting",
                    )
                )
        # group workshops
        for code, name, lever, created, closed in GROUPS:
            g = self.gid(code)
            end = closed or EXTRACT
            d = created + dt.timedelta(days=21)
            n = 0
            while d <= end:
                n += 1
                inv = [
                    p
                    for p, j, left in self.group_rows[g]
                    if j <= d and (left is None or left > d) and employed(p, d)
                ]
                inv = list({p.pid: p for p in inv}.values())
                day = d
                while day.weekday() >= 5:
                    day += DAY
                sessions.append(
                    (
                        f"ATL-{code[2:]}-{n:02d}{sfx}",
                        "Atelier",
                        f"Atelier « {name} » n°{n}",
                        dt.datetime(day.year, day.month, day.day, 14, 0),
                        3.0,
                        g,
                        15,
                        rng.choice(PRESSO_LOCATIONS),
                        lever,
                        inv,
                        "workshop",
                    )
                )
                d += dt.timedelta(days=rng.randint(30, 42) if d.year < 2015 else rng.randint(50, 70))
        sessions.sort(
            key=lambda s: (
                s[3] if isinstance(s[3], dt.datetime) else dt.datetime.combine(s[3], dt.time()),
                s[0],
            )
        )
        self.sessions = sessions

    def write_sessions(self):
        rng = self.rng
        profile_p = {
            # attended, excused, absent
            "seminar": (0.80, 0.13, 0.07),
            "opening": (0.62, 0.23, 0.15),
            "meeting": (0.82, 0.12, 0.06),
            "training": (0.83, 0.09, 0.08),
            "plenary": (0.52, 0.28, 0.20),
            "workshop": (0.80, 0.12, 0.08),
        }
        statuses = ("attended", "excused", "absent")
        for sid, kind, title, when, hours, g, cap, loc, theme, invitees, profile in self.sessions:
            label = when.strftime("%d/%m/%Y %H:%M") if isinstance(when, dt.datetime) else fr_date(when)
            self.w.row("sessions.csv", [sid, kind, title, label, fr_number(hours), g, cap, loc, theme])
            day = when.date() if isinstance(when, dt.datetime) else when
            weights = profile_p[profile]
            rows = []
            for p in invitees:
                if day > EXTRACT:
                    status = "registered"
                elif rng.random() < 0.004:
                    status = "registered"  # never updated after the session
                elif profile == "plenary":
                    # some members come to every plenary, others never show up
                    a = 0.02 + 0.9 * self.engagement.get(p.pid, 0.5)
                    status = rng.choices(statuses, weights=(a, (1 - a) * 0.55, (1 - a) * 0.45))[0]
                else:
                    status = rng.choices(statuses, weights=weights)[0]
                h = ""
                if status == "attended" and hours >= 3 and rng.random() < 0.05:
                    h = "3.5" if hours >= 7 else "1.5"
                rows.append([sid, p.pid, status, h])
            self.w.rows("attendance.csv", rows)
            if sid == f"PRE-2014-11-B{self.sfx}" and invitees:
                # deliberately bad: a third session "C" was cancelled and removed from the sessions file
                self.w.row("attendance.csv", [f"PRE-2014-11-C{self.sfx}", invitees[0].pid, "attended", ""])
        self.write_direction_meetings()

    def write_direction_meetings(self):
        """The insular directions' quarterly managers' meetings (2013-2017, 2 h): only their own people
        come, so their hours stay inside; written last, from their own random stream."""
        rng = self.own_rng
        for direction in INSULAR:
            own = [p for p in self.people if p.direction == direction and p.is_manager]
            for year in range(2013, 2018):
                for q, month in enumerate((2, 5, 9, 11), 1):
                    d = nth_weekday(year, month, 1, 3)
                    sid = f"DIR-{ascii_slug(direction).split('-')[-1].upper()}-{year}-T{q}{self.sfx}"
                    title = f"Réunion des cadres de la {direction[0].lower()}{direction[1:]}"
                    self.w.row(
                        "sessions.csv",
                        [
                            sid,
                            "Réunion",
                            title,
                            fr_date(d) + " 09:00",
                            fr_number(2.0),
                            "",
                            30,
                            "Salle de direction",
                            "Management",
                        ],
                    )
                    rows = [
                        [sid, p.pid, rng.choices(("attended", "excused", "absent"), (0.85, 0.1, 0.05))[0], ""]
                        for p in own
                        if employed(p, d)
                    ]
                    self.w.rows("attendance.csv", rows)

    def write_contributions(self):
        rng = self.rng
        acts = [
            "Travail en sous-groupe",
            "Préparation de l'atelier",
            "Rédaction du livrable",
            "Enquête auprès des équipes",
            "Parangonnage avec d'autres collectivités",
        ]
        rows = []
        for code, _name, _theme, _created, closed in GROUPS:
            g = self.gid(code)
            end = min(closed or EXTRACT, EXTRACT)
            for p, j, left in self.group_rows[g]:
                lead = any(p is q for q in self.leads[code])
                month = D(j.year, j.month, 1)
                while month <= end:
                    last = min((month + dt.timedelta(days=32)).replace(day=1) - DAY, end)
                    if left is not None and left <= month:
                        break
                    if not employed(p, last):
                        break
                    if rng.random() < (0.85 if lead else 0.4):
                        d = self.rworkday(max(month, j), last)
                        h = rng.choice((1, 1.5, 2, 2, 3, 4) if not lead else (2, 3, 4, 5, 6, 8))
                        rows.append((d, p.pid, h, rng.choice(acts), g))
                    month = (month + dt.timedelta(days=32)).replace(day=1)
        # the coordinator prepares the iX'Pressos
        for sid, _k, _t, when, *_rest in self.sessions:
            if sid.startswith("PRE-") and sid.endswith("-A" + self.sfx) and when.date() <= EXTRACT:
                d = when.date() - dt.timedelta(days=rng.randint(3, 9))
                while d.weekday() >= 5:
                    d -= DAY
                rows.append(
                    (d, self.coordinator.pid, rng.choice((4, 5, 6, 7.5)), "Préparation iX'Presso", "")
                )
        rows.sort(key=lambda r: (r[0], r[1]))
        lead = self.leads["G-ACCUEIL"][0]
        bad_at = next(n for n, r in enumerate(rows) if r[0] >= D(2014, 3, 1))
        # deliberately bad: a whole month declared on one line (30 h > 24 h)
        rows.insert(
            bad_at,
            (
                D(2014, 2, 28),
                lead.pid,
                30,
                "Rédaction du livret d'accueil (total du mois)",
                self.gid("G-ACCUEIL"),
            ),
        )
        self.w.rows("contributions.csv", ([pid, iso(d), f"{h:g}", a, g] for d, pid, h, a, g in rows))

    # ---- budget ----------------------------------------------------------------------------
    def write_budget(self):
        sfx = self.sfx
        lines = []
        planned = {
            2012: {
                "facilitation": 15000,
                "training": 0,
                "communication": 4000,
                "printing": 1000,
                "catering": 5000,
            },
            2013: {
                "facilitation": 8000,
                "training": 9000,
                "communication": 3000,
                "printing": 2000,
                "catering": 4000,
            },
            2014: {
                "facilitation": 7000,
                "training": 12000,
                "communication": 2000,
                "printing": 2500,
                "catering": 4000,
            },
            2015: {
                "facilitation": 7000,
                "training": 10000,
                "communication": 3000,
                "printing": 1500,
                "catering": 4500,
            },
            2016: {
                "facilitation": 8000,
                "training": 10000,
                "communication": 4000,
                "printing": 1500,
                "catering": 5500,
            },
            2017: {
                "facilitation": 8000,
                "training": 11000,
                "communication": 2500,
                "printing": 1500,
                "catering": 5500,
            },
        }
        for year, cats in planned.items():
            for cat, amount in cats.items():
                if amount:
                    lines.append(
                        (D(year, 1, 2), cat, f"Budget primitif {year} - {cat}", amount, None, "", "")
                    )
        # facilitation of the seminars: 25 000 EUR over 2012-2014
        fac = {2012: 12000, 2013: 6500, 2014: 6500, 2015: 7000, 2016: 7800, 2017: 8200}
        for year, amount in fac.items():
            d = {2012: D(2012, 4, 20)}.get(year, D(year, 10, 30))
            lines.append(
                (
                    d,
                    "facilitation",
                    f"Animation du séminaire des cadres {year}",
                    None,
                    amount,
                    "",
                    f"SEM-{year}{sfx}",
                )
            )
        # trainers of the iX'Pressos: 20 000 EUR over 2013-2014, by quarter
        per_q = {2013: 2000, 2014: 3000, 2015: 2500, 2016: 2500, 2017: 2600}
        for year, amount in per_q.items():
            for q in range(4):
                d = D(year, 3 * q + 3, 28 if q == 0 else 30)
                if d > EXTRACT:
                    continue
                lines.append(
                    (d, "training", f"Intervenants iX'Presso - T{q + 1} {year}", None, amount, "", "")
                )
        for year in range(2012, 2018):
            lines.append(
                (
                    D(year, 4, 5) if year == 2012 else D(year, 10, 20),
                    "catering",
                    f"Restauration du séminaire {year}",
                    None,
                    3800 + 100 * (year - 2012),
                    "",
                    f"SEM-{year}{sfx}",
                )
            )
        extra = [
            (D(2012, 11, 22), "communication", "Identité visuelle du réseau iX", None, 3500, "", ""),
            (D(2013, 3, 14), "communication", "Vidéo de présentation du réseau", None, 2800, "", ""),
            (
                D(2013, 6, 20),
                "printing",
                "Impression de la charte de la réunion efficace",
                None,
                1250.5,
                "G-REUNION",
                "",
            ),
            (
                D(2014, 9, 12),
                "printing",
                "Impression du livret d'accueil du nouvel agent",
                None,
                2340,
                "G-ACCUEIL",
                "",
            ),
            (
                D(2015, 11, 25),
                "communication",
                "Kit d'accueil des cadres de la Métropole",
                None,
                1900,
                "",
                "",
            ),
            (
                D(2016, 5, 19),
                "printing",
                "Impression du guide de la méthode projet",
                None,
                980.4,
                "G-GPS",
                "",
            ),
            (D(2017, 3, 9), "communication", "Lettre du réseau iX - maquette", None, 1450, "", ""),
        ]
        for d, cat, label, pl, sp, g, s in extra:
            lines.append((d, cat, label, pl, sp, self.gid(g), s))
        lines.sort(key=lambda r: (r[0], r[1], r[2]))
        counter = {}
        for d, cat, label, pl, sp, g, s in lines:
            counter[d.year] = counter.get(d.year, 0) + 1
            lid = f"B{d.year}-{counter[d.year]:03d}{sfx}"
            self.w.row(
                "budget.csv",
                [
                    lid,
                    fr_date(d),
                    cat,
                    label,
                    fr_money(pl) if pl is not None else "",
                    fr_money(sp, "\u00a0") if sp is not None else "",
                    g,
                    s,
                ],
            )

    # ---- surveys ---------------------------------------------------------------------------
    def write_surveys(self):
        rng = self.rng
        sfx = self.sfx
        specs = [
            ("ENQ-2012", "Baromètre managérial 2012 (avant le réseau)", D(2012, 3, 5), D(2012, 3, 30), 0.60),
            ("ENQ-2014", "Baromètre managérial 2014", D(2014, 5, 12), D(2014, 6, 6), 0.66),
        ]
        ville_m = [p for p in self.people if p.org == ORG_V and p.is_manager]
        for code, title, opened, closed, rate in specs:
            sid = code + sfx
            year = opened.year
            invited = [p for p in ville_m if employed(p, opened)]
            self.w.row("surveys.csv", [sid, title, iso(opened), iso(closed), len(invited)])
            for qid, text, kind, theme in QUESTIONS:
                self.w.row("survey_questions.csv", [sid, qid, text, kind, theme])
            # who answers: members answer more often; the DGS keeps below 5 respondents
            resp = []
            for p in invited:
                is_member = self.member_at(p.pid, opened)
                pr = rate * (1.25 if is_member else 0.9)
                if rng.random() < pr:
                    resp.append((p, True, is_member))
            dgs = [r for r in resp if r[0].direction.startswith("Direction générale")]
            for r in dgs[3:]:
                resp.remove(r)
            # a few non-managers ("faisant fonction") answered too
            others = [p for p in self.ville["core_o"] if p.category in "AB" and employed(p, opened)]
            for p in rng.sample(others, 4):
                resp.append((p, False, self.member_at(p.pid, opened)))
            rng.shuffle(resp)
            answers = []
            bad_done = False
            for n, (p, is_manager, is_member) in enumerate(resp, 1):
                rid = f"E{year}-R{n:04d}"
                direction = p.direction if rng.random() > 0.03 else ""  # "prefers not to say"
                submitted = self.rdate(opened, closed)
                self.w.row(
                    "survey_respondents.csv",
                    [
                        sid,
                        rid,
                        ORG_V,
                        direction,
                        "true" if is_manager else "false",
                        "true" if is_member else "false",
                        iso(submitted),
                    ],
                )
                mood = rng.gauss(0, 0.55)
                for qid, _text, kind, theme in QUESTIONS:
                    skip = rng.random() < (0.6 if kind == "text" else 0.03)
                    if qid == "Q03" and not bad_done and year == 2014 and n >= 40:
                        # deliberately bad: a 6 on a 1-5 scale (typed by hand into the export)
                        answers.append([sid, rid, qid, "6"])
                        bad_done = True
                        continue
                    if skip:
                        continue
                    if kind == "likert5":
                        mean = LIKERT_BASE[theme]
                        if year > 2012:
                            mean += (LIFT_MEMBERS if is_member else LIFT_OTHERS)[theme]
                        x = round(mean + mood + rng.gauss(0, 0.8))
                        value = str(min(5, max(1, x)))
                    elif kind == "nps":
                        mean = 5.4 + (1.0 + 1.2 * mood if year > 2012 and is_member else 0.2 + mood)
                        value = str(min(10, max(0, round(mean + rng.gauss(0, 1.6)))))
                    elif kind == "yes_no":
                        pr = 0.25 if year == 2012 else (0.8 if is_member else 0.35)
                        value = "oui" if rng.random() < pr else "non"
                    else:
                        value = rng.choice(FREE_TEXT)
                    answers.append([sid, rid, qid, value])
            self.w.rows("survey_answers.csv", answers)

    # ---- the plan workbook (rows kept as tuples, written at the end) --------------------------
    def make_plan(self):
        rng = self.rng
        sfx = self.sfx
        for code, name, theme, created, _closed in GROUPS:
            self.plan["groups"].append((code + sfx, name, theme, created))
        # 133 ideas from the April 2012 seminar
        statuses = (
            ["déposée"] * 28 + ["retenue"] * 31 + ["fusionnée"] * 28 + ["écartée"] * 22 + ["réalisée"] * 24
        )
        rng.shuffle(statuses)
        titles = []
        for g, (verbs, objects) in IDEA_THEMES.items():
            for o in objects:
                for v in verbs:
                    titles.append((f"{v} {o}", g))
        rng.shuffle(titles)
        titles = titles[:133]
        for n, ((title, g), status) in enumerate(zip(titles, statuses, strict=True), 1):
            linked = (
                g if (g and (status in ("retenue", "réalisée", "fusionnée") or rng.random() < 0.2)) else None
            )
            self.plan["ideas"].append(
                (
                    f"ID-{n:03d}{sfx}",
                    title,
                    D(2012, 4, 5),
                    "Séminaire des cadres 2012",
                    status,
                    self.gid(linked) if linked else None,
                )
            )
        # the 2013-2014 action plan
        n = 0
        status_fr = {
            "not_started": "non démarrée",
            "in_progress": "en cours",
            "done": "terminée",
            "abandoned": "abandonnée",
        }
        for code, items in ACTIONS.items():
            for title, axis in items:
                n += 1
                aid = f"A-{n:03d}{sfx}"
                g = self.gid(code) if code else None
                if code:
                    candidates = [p for p, _j, _l in self.group_rows[self.gid(code)]]
                    owner = rng.choice(self.leads[code][-1:] + candidates[:3])
                else:
                    owner = self.coordinator if rng.random() < 0.5 else rng.choice(self.hr_referents)
                if "Métropole" in title:
                    start = self.rworkday(D(2015, 9, 1), D(2016, 3, 31))
                else:
                    start = self.rworkday(D(2013, 2, 1), D(2014, 9, 30))
                due = start + dt.timedelta(days=rng.randint(90, 460))
                priority = rng.random() < 0.3
                fate = rng.choices(
                    ["done", "late", "abandoned", "never", "ontime"], weights=(55, 20, 9, 6, 10)
                )[0]
                updates = []
                d = D(start.year, ((start.month - 1) // 3 + 1) * 3, 1)
                d = (d + dt.timedelta(days=32)).replace(day=1) - DAY  # end of the start's quarter
                progress = 0
                finish = due + dt.timedelta(days=rng.randint(-60, 120))
                stop = None
                if fate == "abandoned":
                    stop = start + dt.timedelta(days=rng.randint(120, 400))
                while d <= EXTRACT:
                    if fate == "never":
                        st = "not_started"
                    elif fate == "done" and d >= finish:
                        st, progress = "done", 100
                    elif fate == "abandoned" and d >= stop:
                        st = "abandoned"
                    else:
                        st = "in_progress"
                        progress = min(
                            95 if fate != "ontime" else 90, progress + rng.choice((10, 15, 20, 25))
                        )
                    updates.append(
                        (aid, d, st, progress if st != "not_started" else 0, rng.choice(UPDATE_COMMENTS[st]))
                    )
                    if st in ("done", "abandoned"):
                        break
                    if fate == "ontime" and d > due + dt.timedelta(days=200):
                        break
                    d = (d + dt.timedelta(days=95)).replace(day=1) - DAY
                if fate == "ontime":
                    due = max(due, EXTRACT + dt.timedelta(days=rng.randint(30, 200)))
                with_updates = rng.random() > 0.1 or fate == "done"
                last = updates[-1] if updates else (aid, None, "not_started", 0, "")
                if not with_updates:
                    updates = []
                self.plan["actions"].append(
                    (
                        aid,
                        title,
                        AXES[axis],
                        g,
                        "Oui" if priority else "Non",
                        owner.pid,
                        start,
                        due,
                        status_fr[last[2]],
                        last[3],
                    )
                )
                for u in updates:
                    self.plan["action_updates"].append((u[0], u[1], status_fr[u[2]], u[3], u[4]))
                if n == 7 and updates:
                    # same-day correction: the last row of the day wins
                    aid_, d_, st_, pr_, _c = updates[0]
                    self.plan["action_updates"].append(
                        (aid_, d_, status_fr[st_], min(100, pr_ + 5), "Correction : avancement mal saisi")
                    )


# --------------------------------------------------------------------------------------------
# The workbook
# --------------------------------------------------------------------------------------------

PLAN_SHEETS = {
    "groups": ["Code groupe", "Nom du groupe", "Thème", "Date de création"],
    "ideas": ["Code idée", "Intitulé", "Date", "Origine", "Statut", "Code groupe"],
    "actions": [
        "Code action",
        "Intitulé",
        "Axe",
        "Code groupe",
        "Prioritaire",
        "Pilote",
        "Début",
        "Échéance",
        "Statut",
        "Avancement (%)",
    ],
    "action_updates": ["Code action", "Date", "Statut", "Avancement (%)", "Commentaire"],
}
README_SHEET = [
    "Réseau iX - plan d'actions et idées (données de démonstration, entièrement fictives)",
    "",
    "Cet onglet n'est pas une table : le chargement l'ignore et le signale.",
    "groups : les cinq groupes projet issus du séminaire d'avril 2012.",
    "ideas : les 133 idées du séminaire des cadres d'avril 2012 et leur devenir.",
    "actions : le plan d'actions 2013-2014 (pilote = matricule de l'agent).",
    "action_updates : l'historique des points d'avancement.",
    f"Extraction du {fr_date(EXTRACT)}.",
]
FIXED_STAMP = (2017, 12, 15, 8, 0, 0)


def write_plan(path, plan):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Lisez-moi")
    for line in README_SHEET:
        ws.append([line])
    for sheet, header in PLAN_SHEETS.items():
        ws = wb.create_sheet(sheet)
        ws.append(header)
        for row in plan[sheet]:
            cells = []
            for v in row:
                if isinstance(v, dt.date):
                    c = WriteOnlyCell(ws, v)
                    c.number_format = "DD/MM/YYYY"
                    cells.append(c)
                else:
                    cells.append(v)
            ws.append(cells)
    wb.properties.creator = "Cadran demo generator"
    wb.properties.created = dt.datetime(*FIXED_STAMP)
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time: rewrite the archive with fixed dates so output is reproducible
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_STAMP).encode()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)


# --------------------------------------------------------------------------------------------


def generate(out, scale=1, seed=2012, verbose=True):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    w = Writers(out)
    plan = {name: [] for name in PLAN_SHEETS}
    try:
        for k in range(scale):
            r = Replica(seed, k, w, plan)
            r.make_staff()
            r.make_members()
            r.write_staff()
            r.check_reference()  # again: some hire dates were blanked while writing
            r.write_members()
            r.make_sessions()
            r.write_sessions()
            r.write_contributions()
            r.write_budget()
            r.write_surveys()
            r.make_plan()
    finally:
        w.close()
    write_plan(out / "plan.xlsx", plan)
    counts = {name.removesuffix(".csv"): n for name, n in w.counts.items()}
    counts.update({name: len(rows) for name, rows in plan.items()})
    if verbose:
        print(f"wrote {out} (scale {scale}) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for name, n in counts.items():
            print(f"  {name:<20} {n:>9} rows", file=sys.stderr)
        print(
            f"  check: at {REF}, {ORG_V}: {TARGET_MANAGERS} managers,"
            f" {TARGET_MEMBER_MANAGERS} member managers" + (" (per replica)" if scale > 1 else ""),
            file=sys.stderr,
        )
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: data/demo/source)")
    ap.add_argument("--scale", type=int, default=1, help="replicas of the whole story (default 1)")
    ap.add_argument("--seed", type=int, default=2012, help="random seed (default 2012)")
    args = ap.parse_args(argv)
    if args.scale < 1:
        ap.error("--scale must be at least 1")
    generate(args.out, args.scale, args.seed)


if __name__ == "__main__":
    main()
