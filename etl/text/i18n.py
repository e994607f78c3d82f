"""The one translations table: every label of the interface, French first, English second.

``t("members")`` gives the label in the language chosen in the sidebar (French
by default); ``code_label("kind", "seminar")`` translates an enumeration code of
the data contract. A missing key shows the key itself, so a gap is visible, not fatal.
"""

from __future__ import annotations

from etl.text import texts_compare, texts_mail, texts_network

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT = "fr"
STATE_KEY = "lang"

T: dict[str, tuple[str, str]] = {
    # --- application frame
    "app.title": ("Cadran", "Cadran"),
    "app.tagline": ("Tableau de bord du réseau des cadres", "Managers' network dashboard"),
    "section.pilotage": ("Pilotage", "Steering"),
    "section.network": ("Réseau", "Network"),
    "section.quality": ("Qualité des données", "Data quality"),
    "page.overview": ("Vue d'ensemble", "Overview"),
    "page.participation": ("Participation", "Participation"),
    "page.training": ("Formation et temps investi", "Training and time"),
    "page.surveys": ("Enquêtes", "Surveys"),
    "page.actions": ("Actions et idées", "Actions and ideas"),
    "page.budget": ("Budget", "Budget"),
    "page.data": ("Données", "Data"),
    # --- sidebar filters
    "filters": ("Filtres", "Filters"),
    "filter.as_of": ("Situation au", "As of"),
    "filter.as_of.help": (
        "Date de référence des indicateurs (par défaut : la dernière date des données).",
        "Reference date of the indicators (default: the latest date in the data).",
    ),
    "filter.period": ("Période des graphiques", "Chart period"),
    "period.all": ("Depuis le début", "Since the start"),
    "period.12m": ("12 derniers mois", "Last 12 months"),
    "period.3y": ("3 dernières années", "Last 3 years"),
    "period.year": ("Année civile en cours", "Current calendar year"),
    "filter.organisation": ("Collectivité", "Organisation"),
    "filter.direction": ("Direction", "Direction"),
    "filter.all": ("Toutes", "All"),
    "filter.language": ("Langue", "Language"),
    "filter.presenter": ("Mode présentation", "Presenter mode"),
    "filter.presenter.help": (
        "Grands graphiques, aucun nom de personne, aucun tableau nominatif.",
        "Large charts, no names of people, no tables of people.",
    ),
    "footer.loaded": ("Données chargées le {when} depuis {source}", "Data loaded on {when} from {source}"),
    "footer.never": ("Aucun chargement enregistré.", "No load recorded."),
    "nodb.title": ("Aucune donnée publiée pour l'instant", "No data published yet"),
    "nodb.body": (
        "Le tableau de bord lit la base `{path}`, qui n'existe pas encore. "
        "Chargez des données avec l'une de ces commandes, puis rechargez la page :",
        "The dashboard reads the database `{path}`, which does not exist yet. "
        "Load data with one of these commands, then reload the page:",
    ),
    "scope.whole": ("Toutes collectivités", "All organisations"),
    "scope.caption": ("Situation au {as_of} · {scope}", "As of {as_of} · {scope}"),
    "download": ("Télécharger les données (CSV)", "Download the data (CSV)"),
    "empty": ("Aucune donnée pour ces filtres.", "No data for these filters."),
    "hidden.presenter": (
        "Tableau masqué en mode présentation.",
        "Table hidden in presenter mode.",
    ),
    "vs_year": ("par rapport au {date}", "compared with {date}"),
    # --- exports: the Excel summary, the HR lists, the slides and the offline report (etl/documents/excel.py…)
    "participants": ("Participants", "Participants"),
    "hours_per_participant": ("Heures par participant", "Hours per participant"),
    "session_hours": ("Heures en rencontres", "Session hours"),
    "contribution_hours": ("Heures de contribution", "Contribution hours"),
    "done": ("Terminées", "Done"),
    "late": ("En retard", "Late"),
    "mean_progress_pct": ("Avancement moyen", "Mean progress"),
    "ideas": ("Idées", "Ideas"),
    "retained": ("Retenues", "Retained"),
    "action_id": ("Action", "Action"),
    "export.title": ("Cadran : synthèse du réseau des cadres", "Cadran: managers' network summary"),
    "export.hr_title": ("Cadran : listes RH (nominatives)", "Cadran: HR lists (with names)"),
    "export.as_of": ("Situation au", "As of"),
    "export.scope": ("Périmètre", "Scope"),
    "export.source": ("Source", "Source"),
    "export.source_is": ("Source : {source}", "Source: {source}"),  # French spaces before a colon
    "export.source_line": (
        "Cadran, chargement n° {load_id} du {when} ({source})",
        "Cadran, load no. {load_id} of {when} ({source})",
    ),
    "export.no_load": ("Cadran (aucun chargement enregistré)", "Cadran (no load recorded)"),
    "export.indicator": ("Indicateur", "Indicator"),
    "export.value": ("Valeur", "Value"),
    "export.definition": ("Définition", "Definition"),
    "export.code": ("Code", "Code"),
    "export.privacy_note": (
        "Enquêtes : tout groupe de moins de 5 répondants est masqué (et un second groupe là où un "
        "total le trahirait) ; les verbatims ne figurent pas dans ce fichier.",
        "Surveys: any group of fewer than 5 respondents is hidden (and a second one where a total "
        "would give it away); free-text answers are not in this file.",
    ),
    "export.people_note": (
        "Fichier nominatif : à réserver aux RH, à ne pas diffuser.",
        "Contains names: for HR only, do not circulate.",
    ),
    "export.survey": ("Enquête", "Survey"),
    "export.no_survey": ("Aucune enquête ouverte à cette date.", "No survey opened by this date."),
    "export.button.summary": ("Classeur Excel de synthèse", "Excel summary workbook"),
    "export.button.slides": ("Diaporama PowerPoint", "PowerPoint deck"),
    "export.button.report": ("Rapport hors ligne (HTML)", "Offline report (HTML)"),
    "export.button.hr_lists": ("Listes RH nominatives (Excel)", "HR lists with names (Excel)"),
    "export.preparing": ("Préparation du fichier…", "Preparing the file…"),
    "export.ready": ("Fichier prêt : {name}", "File ready: {name}"),
    "export.download": ("Télécharger (.{ext})", "Download (.{ext})"),
    "sheet.summary": ("Synthèse", "Summary"),
    "sheet.participation_organisation": ("Participation collectivités", "Participation organisations"),
    "sheet.participation_direction": ("Participation directions", "Participation directions"),
    "sheet.hours_kind": ("Heures par type", "Hours by kind"),
    "sheet.hours_month": ("Heures par mois", "Hours by month"),
    "sheet.hours_organisation": ("Heures par collectivité", "Hours by organisation"),
    "sheet.budget_year": ("Budget par année", "Budget by year"),
    "sheet.budget_category": ("Budget par catégorie", "Budget by category"),
    "sheet.actions_status": ("Actions par statut", "Actions by status"),
    "sheet.actions_axis": ("Actions par axe", "Actions by axis"),
    "sheet.action_list": ("Liste des actions", "Action list"),
    "sheet.surveys": ("Enquêtes", "Surveys"),
    "sheet.survey_themes": ("Avis par thème", "Opinion by theme"),
    "sheet.survey_members": ("Membres et non-membres", "Members and others"),
    "sheet.survey_organisations": ("Avis par collectivité", "Opinion by organisation"),
    "sheet.survey_enps": ("eNPS", "eNPS"),
    "sheet.survey_yes_no": ("Questions oui-non", "Yes-no questions"),
    "promoters": ("Promoteurs", "Promoters"),
    "passives": ("Passifs", "Passives"),
    "detractors": ("Détracteurs", "Detractors"),
    "sheet.load_tables": ("Dernier chargement", "Last load"),
    "sheet.load_reasons": ("Rejets par motif", "Rejects by reason"),
    "sheet.hr_members": ("Membres", "Members"),
    "sheet.hr_absent_managers": ("Cadres jamais venus", "Managers never present"),
    "rows": ("Lignes", "Rows"),
    "last_name": ("Nom", "Last name"),
    "first_name": ("Prénom", "First name"),
    "email": ("Courriel", "Email"),
    "service": ("Service", "Service"),
    "role": ("Rôle", "Role"),
    "joined_on": ("Adhésion", "Joined"),
    "person_id": ("Matricule", "Employee no."),
    "late_first": ("Actions en retard en tête.", "Late actions first."),
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
    "report.title": ("Cadran : le réseau des cadres", "Cadran: the managers' network"),
    "report.offline": (
        "Rapport autonome : s'ouvre sans réseau ; aucun nom de personne.",
        "Self-contained report: opens with no network; no names of people.",
    ),
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
    # --- headline indicators (data contract section 4)
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
    "survey_response_rate": ("Réponse à la dernière enquête", "Last survey response rate"),
    # --- card captions
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
    # --- dimensions and columns
    "organisation": ("Collectivité", "Organisation"),
    "direction": ("Direction", "Direction"),
    "site": ("Site", "Site"),
    "category": ("Catégorie", "Category"),
    "month": ("Mois", "Month"),
    "date": ("Date", "Date"),
    "kind": ("Type", "Kind"),
    "group": ("Groupe", "Group"),
    "title": ("Intitulé", "Title"),
    "capacity": ("Places", "Capacity"),
    "fill_rate": ("Taux de remplissage", "Fill rate"),
    "hours": ("Heures", "Hours"),
    "participation_rate": ("Taux de participation", "Participation rate"),
    "not_given": ("(non renseigné)", "(not given)"),
    "count": ("Nombre", "Count"),
    "people": ("Personnes", "People"),
    "level": ("Niveau", "Level"),
    "no_group": ("(hors groupe)", "(no group)"),
    # --- overview
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
    # the bars beyond a chart's first ones, gathered in one (the download keeps every row)
    "others": ("Autres ({n})", "Others ({n})"),
    # --- participation
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
    # --- training and time
    "training.sessions": ("Rencontres par type et par mois", "Sessions by kind and month"),
    "training.sessions_count": ("Rencontres", "Sessions"),
    "training.statuses": ("Inscriptions, présences et absences", "Registrations, attendance and no-shows"),
    "training.registrations": ("Inscriptions", "Registrations"),
    "training.no_show_rate": ("Taux d'absence", "No-show rate"),
    "training.unique": ("Participants distincts", "Unique participants"),
    "training.tab.sessions": ("Rencontres et présences", "Sessions and attendance"),
    "training.tab.hours": ("Temps investi", "Time invested"),
    "training.hours_month": ("Heures investies par mois", "Hours invested by month"),
    "training.hours_by": ("Heures investies par", "Hours invested by"),
    "training.top": ("Rencontres les plus suivies", "Most attended sessions"),
    "training.attended": ("Présents", "Attended"),
    "registrations": ("Inscriptions", "Registrations"),
    "attended": ("Présents", "Attended"),
    "day": ("Date", "Date"),
    "joiners": ("Adhérents", "Joiners"),
    "staff": ("Agents en poste", "Staff in post"),
    "rate": ("Taux de participation", "Participation rate"),
    "training.dimension": ("Ventilation des heures", "Hours breakdown"),
    "training.period_note": ("Période : {start} – {end}", "Period: {start} – {end}"),
    # --- actions and ideas
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
    # --- budget
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
    # --- surveys
    "surveys.pick": ("Enquête", "Survey"),
    "surveys.none": (
        "Aucune enquête ouverte à cette date.",
        "No survey opened by this date.",
    ),
    "surveys.privacy": (
        "Confidentialité : tout groupe de moins de 5 répondants est masqué, ainsi qu'un second groupe "
        "partout où un total permettrait de le retrouver par soustraction ; les verbatims ne sont "
        "affichés que pour 10 répondants ou plus.",
        "Privacy: any group of fewer than 5 respondents is hidden, and a second group wherever a total "
        "would give it away by subtraction; free-text answers are shown only for 10 respondents or more.",
    ),
    "surveys.respondents": ("Répondants", "Respondents"),
    "surveys.response_rate": ("Taux de réponse", "Response rate"),
    "surveys.favourable_all": ("Avis favorables", "Favourable"),
    "surveys.favourable_all.caption": ("toutes questions à 5 niveaux", "all 5-point questions"),
    "surveys.enps": ("eNPS", "eNPS"),
    "surveys.enps.caption": (
        "{p} promoteurs − {d} détracteurs",
        "{p} promoters − {d} detractors",
    ),
    "surveys.of_invited": ("sur {n} invités", "of {n} invited"),
    "surveys.rate_scope": ("taux non ventilé par collectivité", "rate not split by organisation"),
    "surveys.rates": ("Participation aux enquêtes", "Survey participation"),
    "surveys.themes": ("Avis par thème", "Opinion by theme"),
    "surveys.themes.help": (
        "Part des réponses favorables (4 ou 5 sur 5), neutres (3) et défavorables (1 ou 2).",
        "Share of favourable (4 or 5 out of 5), neutral (3) and unfavourable (1 or 2) answers.",
    ),
    "surveys.enps_title": ("Recommandation de l'employeur (eNPS)", "Employer recommendation (eNPS)"),
    "surveys.enps.help": (
        "eNPS = % de promoteurs (9-10) − % de détracteurs (0-6), en points, de −100 à +100.",
        "eNPS = % promoters (9-10) − % detractors (0-6), in points, from −100 to +100.",
    ),
    "surveys.changes": ("Évolution d'une enquête à l'autre", "Change from one survey to the next"),
    "surveys.tab.results": ("Résultats", "Results"),
    "surveys.tab.changes": ("Évolution", "Change"),
    "surveys.tab.map": ("Carte des thèmes", "Themes map"),
    "surveys.tab.answers": ("Oui / non et verbatims", "Yes / no and free text"),
    "surveys.changes.help": (
        "Part d'avis favorables par thème à chaque enquête ; écart en points avec l'enquête précédente.",
        "Favourable share per theme in each survey; change in points from the survey before.",
    ),
    "surveys.groups": ("Le réseau fait-il la différence ?", "Does the network make a difference?"),
    "surveys.groups.help": (
        "Part d'avis favorables des membres du réseau et des autres répondants.",
        "Favourable share of network members and of the other respondents.",
    ),
    "surveys.by": ("Comparer", "Compare"),
    "surveys.heatmap": ("Carte des thèmes", "Themes map"),
    "surveys.heatmap.help": (
        "Part d'avis favorables par thème et par collectivité ou direction.",
        "Favourable share per theme and organisation or direction.",
    ),
    "surveys.level": ("Lignes", "Rows"),
    "surveys.yes_no": ("Questions oui / non", "Yes / no questions"),
    "surveys.text": ("Verbatims", "Free-text answers"),
    "surveys.detail": ("Détail des chiffres", "Figures in detail"),
    "surveys.level.organisation": ("Collectivités", "Organisations"),
    "surveys.level.direction": ("Directions", "Directions"),
    "surveys.change_pts": ("Écart (pts)", "Change (pp)"),
    "surveys.text.presenter": (
        "Verbatims masqués en mode présentation.",
        "Free-text answers hidden in presenter mode.",
    ),
    # surveys: respondents of a scope, grouped free text (issue 8)
    "surveys.rate_not_split": (
        "pas de taux : les invités ne sont pas ventilés par collectivité",
        "no rate: invitations are not split by organisation",
    ),
    "surveys.text.count": ("Nombre", "Count"),
    "surveys.text.hidden": (
        "« {q} » : verbatims masqués ({reason}).",
        "“{q}”: free-text answers hidden ({reason}).",
    ),
    "theme": ("Thème", "Theme"),
    "respondents": ("Répondants", "Respondents"),
    "answers": ("Réponses", "Answers"),
    "favourable": ("Favorables", "Favourable"),
    "neutral": ("Neutres", "Neutral"),
    "unfavourable": ("Défavorables", "Unfavourable"),
    "suppressed": ("Masqué", "Hidden"),
    "privacy": ("Confidentialité", "Privacy"),
    "invited": ("Invités", "Invited"),
    "response_rate": ("Taux de réponse", "Response rate"),
    "opened_on": ("Ouverture", "Opened"),
    "closed_on": ("Clôture", "Closed"),
    "change": ("Écart", "Change"),
    "question": ("Question", "Question"),
    "answer": ("Réponse", "Answer"),
    "yes_share": ("Part de oui", "Share of yes"),
    "score": ("Note", "Score"),
    "share": ("Part", "Share"),
    "group.is_member.true": ("Membres du réseau", "Network members"),
    "group.is_member.false": ("Non-membres", "Non-members"),
    "group.is_manager.true": ("Encadrants", "Managers"),
    "group.is_manager.false": ("Non-encadrants", "Non-managers"),
    # --- data
    "data.history": ("Historique des chargements", "Load history"),
    "upload.title": ("Charger de nouveaux exports", "Load new exports"),
    "upload.help": (
        "Déposez tous les fichiers exportés du SIRH (CSV, TXT ou XLSX ; les agents sont obligatoires) : "
        "ils remplacent l'ensemble des données publiées. Le chargement est tout ou rien : en cas "
        "d'erreur, les données publiées restent inchangées.",
        "Drop every file exported from HR (CSV, TXT or XLSX; staff is required): they replace all the "
        "published data. The load is all or nothing: on an error, the published data stay as they were.",
    ),
    "upload.files": ("Fichiers à charger", "Files to load"),
    "upload.button": ("Publier", "Publish"),
    "upload.check": ("Vérifier (rien n'est publié)", "Check (nothing is published)"),
    "upload.rejects": ("**Lignes qui seront rejetées**", "**Rows that will be rejected**"),
    "upload.anonymised": (
        "{n} agents seront anonymisés : partis depuis plus longtemps que la durée de conservation.",
        "{n} staff will be anonymised: they left longer ago than the retention period.",
    ),
    "upload.anonymised.one": (
        "{n} agent sera anonymisé : parti depuis plus longtemps que la durée de conservation.",
        "{n} member of staff will be anonymised: they left longer ago than the retention period.",
    ),
    "upload.reading": ("Lecture : {table}…", "Reading: {table}…"),
    "upload.protecting": (
        "Enquêtes : protection des petits groupes…",
        "Surveys: protecting small groups…",
    ),
    "upload.protected": (
        "Enquêtes : protection des petits groupes, {done} sur {total}…",
        "Surveys: protecting small groups, {done} of {total}…",
    ),
    "upload.read_model": (
        "Modèle de lecture : les chiffres des pages, calculés d'avance…",
        "Read model: the pages' figures, computed ahead…",
    ),
    "upload.emptied": (
        "Ces tables ont aujourd'hui des données mais ne sont pas dans les fichiers déposés : "
        "elles seront vides après le chargement. {tables}.",
        "These tables hold data today but are not in the files dropped: they will be empty after "
        "the load. {tables}.",
    ),
    "upload.confirm": (
        "Je remplace toutes les données, y compris ces tables",
        "I replace all the data, these tables included",
    ),
    "table.staff": ("Agents", "Staff"),
    "table.groups": ("Groupes", "Groups"),
    "table.members": ("Membres du réseau", "Network members"),
    "table.sessions": ("Rencontres", "Sessions"),
    "table.attendance": ("Présences", "Attendance"),
    "table.contributions": ("Temps déclaré", "Declared time"),
    "table.surveys": ("Enquêtes", "Surveys"),
    "table.survey_questions": ("Questions d'enquête", "Survey questions"),
    "table.survey_respondents": ("Répondants", "Respondents"),
    "table.survey_answers": ("Réponses", "Answers"),
    "table.ideas": ("Idées", "Ideas"),
    "table.actions": ("Actions", "Actions"),
    "table.action_updates": ("Suivi des actions", "Action updates"),
    "table.budget": ("Budget", "Budget"),
    "upload.checked": (
        "{table} : {loaded} lignes chargées, {rejected} rejetées",
        "{table}: {loaded} rows loaded, {rejected} rejected",
    ),
    "upload.done": (
        "Chargement n° {load_id} publié : {loaded} lignes chargées, {rejected} rejetées.",
        "Load no. {load_id} published: {loaded} rows loaded, {rejected} rejected.",
    ),
    "upload.failed": ("Rien n'a été publié. {error}", "Nothing was published. {error}"),
    "data.tables": (
        "Lignes lues, chargées et rejetées par table",
        "Rows read, loaded and rejected per table",
    ),
    "data.rejects": ("Lignes rejetées et motifs", "Rejected rows and reasons"),
    "data.notes": ("Fichiers ignorés", "Ignored files"),
    "data.load": ("Chargement", "Load"),
    "data.none_rejected": (
        "Aucune ligne rejetée : tout a été chargé.",
        "No rejected rows: everything loaded.",
    ),
    "load_id": ("N°", "No."),
    "loaded_at": ("Chargé le", "Loaded on"),
    "source": ("Source", "Source"),
    "published": ("Publié", "Published"),
    "table_name": ("Table", "Table"),
    "files": ("Fichiers", "Files"),
    "rows_read": ("Lues", "Read"),
    "rows_loaded": ("Chargées", "Loaded"),
    "rows_rejected": ("Rejetées", "Rejected"),
    "file": ("Fichier", "File"),
    "line": ("Ligne", "Line"),
    "column_name": ("Colonne", "Column"),
    "reason": ("Motif", "Reason"),
    "raw": ("Valeurs lues", "Values read"),
    "detail": ("Détail", "Detail"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
}

# Enumeration codes of the data contract: (French, English).
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


# --- rejected rows: reasons (codes from etl.intake.reasons; French wording there, the CLI's), the Data page
REASONS_EN: dict[str, str] = {
    "required": "required value missing ({arg})",
    "bad_date": "unreadable date (accepted formats: 2015-03-31, 31/03/2015): “{value}”",
    "bad_datetime": "unreadable date (accepted formats: 2015-03-31, 31/03/2015, time optional): “{value}”",
    "no_such_date": "this date does not exist: the format is right, but there is no such day: “{value}”",
    "date_range": (
        "date out of bounds (1900-01-01 to 2100-12-31; 31/12/9999 means “no end” in an end date): “{value}”"
    ),
    "bad_number": "unreadable number: “{value}”",
    "not_finite": "a number is expected, not NaN or infinity: “{value}”",
    "bad_integer": "whole number expected: “{value}”",
    "bad_bool": "yes/no expected (oui, non, vrai, faux, 1, 0, x): “{value}”",
    "bad_enum": "unknown value (expected, French label or code: {arg}): “{value}”",
    "min_strict": "must be greater than {arg}: “{value}”",
    "min": "must be at least {arg}: “{value}”",
    "max": "must be at most {arg}: “{value}”",
    "not_after": "must be later than {arg}",
    "unknown_ref": "not found in {arg}: “{value}”",
    "ref_rejected": "{value}: its row in {file} (line {line}) was rejected",
    "unknown_in_survey": "not found in {arg} for this survey: “{value}”",
    "amount_needed": "a planned or a spent amount is needed",
    "respondent_is_matricule": "a respondent code must never be a staff number",
    "answer_likert5": "answer expected: a whole number from 1 to 5: “{value}”",
    "answer_nps": "answer expected: a whole number from 0 to 10: “{value}”",
    "answer_yes_no": "answer expected: yes or no: “{value}”",
    "extra_values": "more values than columns: {value}",
    "duplicate": "duplicate: same key as line {line} (kept)",
    "too_long": "value over 128 KB: a misplaced quote, or a text to shorten",
    "unclosed_quote": "unreadable line: a quote opened and never closed (the next line is read on its own)",
    "bad_encoding": "unreadable line: bytes of another encoding than the rest of the file (export again in UTF-8)",
    "nul_byte": "unreadable line: a NUL character (byte 0), the file is damaged; export it again",
}
REASON_GROUPS_EN: dict[str, str] = {
    "duplicate": "duplicate: same key as an earlier line (the first is kept)",
    "ref_rejected": "its row in {arg} was rejected (fix that row first)",
}


def _reason_keys() -> dict[str, tuple[str, str]]:
    from etl.intake.reasons import FRENCH, FRENCH_GROUP

    keys = {f"reason.{code}": (FRENCH[code], REASONS_EN[code]) for code in FRENCH}
    keys.update({f"reason_group.{c}": (FRENCH_GROUP[c], REASON_GROUPS_EN[c]) for c in FRENCH_GROUP})
    return keys


LOAD_ERRORS_EN: dict[str, str] = {
    "two_sources": "Two sources for the table “{table}”: {first} and {second}. Keep only one (nothing is guessed).",
    "folder_missing": "{folder}: source folder not found. Give the folder that holds staff.csv or staff.xlsx.",
    "staff_missing": (
        "{folder}: the required table “staff” is missing. Add staff.csv, staff.xlsx or a sheet named staff "
        "in a workbook."
    ),
    "unsupported_format": "{file}: the {ext} format is not read. Save it as .xlsx or .csv.",
    "workbook_unreadable": "{file}: unreadable Excel workbook ({detail}). Save it again as .xlsx.",
    "workbook_too_big": (
        "{file}: workbook refused before reading ({size_mb} MB once unzipped; at most {max_mb} MB). "
        "This is no ordinary export: export the table as CSV."
    ),
    "workbook_ratio": (
        "{file}: workbook refused before reading ({member} compressed {ratio} times; at most {max_ratio}). "
        "This is no ordinary export: export the table as CSV."
    ),
    "column_twice": "{file}: the columns “{first}” and “{second}” both stand for {column}.",
    "column_missing": (
        "{file}: required column missing: {wanted}. Columns found: {seen}. "
        "Add it or rename the header (English or French name)."
    ),
    "binary": "{file}: a binary file, not delimited text. Save it as CSV (UTF-8) or .xlsx.",
    "file_empty": "{file}: empty file. Export the table again with its header row.",
    "file_unreadable": "{file}: unreadable file ({detail}). Check its permissions.",
    "no_header": "{file}: no header row. Export the table with its headers.",
    "sheet_unreadable": "{file}: unreadable sheet ({detail}). Save the workbook again as .xlsx.",
    "sheet_empty": "{file}: empty sheet. Add the header row and the data.",
    "staff_rejected": (
        "{file}: no staff row loaded ({rejected} row(s) rejected). Nothing was published: every page would "
        "be empty. Fix the staff file (the reasons are listed with --rejects) and load again."
    ),
    "not_a_database": "{file}: this file is not a Cadran (DuckDB) database; give another path to --db.",
    "staff_no_row": (
        "{file}: no staff row loaded (no row under the header). Nothing was published: every page would be "
        "empty. Add the staff under the header and load again."
    ),
    "person_blank": "Empty matricule: give the person's matricule (nothing was changed).",
    "changed_since_check": (
        "The published data changed since the check (another load, an erasure, the retention period). "
        "Nothing was published: check again."
    ),
}
NOTES_EN: dict[str, str] = {
    "hidden": "ignored: hidden file or Excel lock",
    "not_a_table_name": "ignored: not the name of a table",
    "not_a_table": "ignored: not a table (formats read: .csv, .txt, .xlsx)",
    "sheet_not_a_table": "sheet ignored: not the name of a table",
    "link_outside": "ignored: a link that leads outside the source folder",
    "link_dangling": "ignored: a link to a missing file",
    "link_unreadable": "ignored: a link or file that cannot be reached",
    "subfolder": "ignored: a subfolder (only the folder's own files are read)",
    "not_regular": "ignored: not a regular file (pipe, device, socket)",
}


def _load_keys() -> dict[str, tuple[str, str]]:
    from etl.intake.reasons import LOAD_ERRORS, NOTES

    keys = {f"loaderror.{c}": (LOAD_ERRORS[c], LOAD_ERRORS_EN[c]) for c in LOAD_ERRORS}
    keys.update({f"note.{c}": (NOTES[c], NOTES_EN[c]) for c in NOTES})
    return keys


T.update(_reason_keys())
T.update(_load_keys())
T.update(
    {
        "data.reject_groups": ("Rejets par table et motif", "Rejects by table and reason"),
        "data.filter_tables": ("Tables", "Tables"),
        "data.filter_reasons": ("Motifs", "Reasons"),
        "data.show_rows": ("Voir les lignes de", "Show the rows of"),
        "data.pick_group": ("Choisissez un motif", "Pick a reason"),
        "data.private_rows": (
            "Enquêtes : seuls le fichier, la ligne et le motif sont montrés, jamais les réponses.",
            "Surveys: only the file, line and reason are shown, never the answers.",
        ),
        "rows": ("Lignes", "Rows"),
        "upload.uploaded_files": ("Fichiers déposés", "Uploaded files"),
        "first_line": ("Première ligne", "First line"),
    }
)


def current() -> str:
    """The interface language of this session ("fr" outside a Streamlit run).

    Before the sidebar's language box exists (a session's first run: the login, the local-mode
    notice), the link's ``lang`` (``?lang=en``), as ui.filters.read_url reads it just after."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return DEFAULT
    import streamlit as st

    if STATE_KEY in st.session_state:
        return st.session_state[STATE_KEY]
    linked = st.query_params.get(STATE_KEY)
    return linked if linked in LANGUAGES else DEFAULT


T.update(texts_network.TEXTS)  # working together: its own catalogue (it adds keys, never overrides one)
T.update(texts_compare.TEXTS)  # comparing networks: the same
T.update(texts_mail.TEXTS)  # the report by e-mail: its own catalogue too (new keys only)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def t(key: str, lang: str | None = None, **values) -> str:
    """The label of ``key`` in the session's language, with ``{placeholders}`` filled."""
    pair = T.get(key)
    text = _pick(pair, lang or current()) if pair else key
    return text.format(**values) if values else text


def code_label(enum: str, code, lang: str | None = None) -> str:
    """The label of an enumeration code (``kind``/``seminar`` → Séminaire); unknown codes pass through."""
    pair = CODES.get(enum, {}).get(code)
    return _pick(pair, lang or current()) if pair else str(code)


# --- login, roles, versions and GDPR (issue 10): one block, appended
T.update(
    {
        "page.admin": ("Utilisateurs", "Users"),
        "section.admin": ("Administration", "Administration"),
        "auth.page.presentation": ("Présentation", "Presentation"),
        "auth.title": ("Connexion à Cadran", "Sign in to Cadran"),
        "auth.email": ("Adresse e-mail", "E-mail address"),
        "auth.password": ("Mot de passe", "Password"),
        "auth.button": ("Se connecter", "Sign in"),
        "auth.logout": ("Se déconnecter", "Sign out"),
        "auth.invalid": ("Adresse ou mot de passe incorrect.", "Wrong e-mail address or password."),
        "auth.locked": (
            "Compte verrouillé après trop d'essais : réessayez dans {minutes} minutes "
            "ou demandez à un administrateur de le déverrouiller.",
            "Account locked after too many attempts: try again in {minutes} minutes "
            "or ask an administrator to unlock it.",
        ),
        "auth.oidc.help": (
            "Connectez-vous avec le compte de votre collectivité.",
            "Sign in with your organisation's account.",
        ),
        "auth.oidc.button": (
            "Se connecter avec le compte de la collectivité",
            "Sign in with your organisation",
        ),
        "auth.unknown": (
            "{email} n'a pas de rôle dans Cadran : demandez à un administrateur de vous en donner un.",
            "{email} has no role in Cadran: ask an administrator to give you one.",
        ),
        "auth.denied": (
            "Votre rôle ne permet pas cette page ou cette action.",
            "Your role does not allow this page or action.",
        ),
        "auth.not_for_role": (
            "La page « {page} » n'est pas ouverte à votre rôle ({role}).",
            "The page “{page}” is not open to your role ({role}).",
        ),
        "auth.not_for_role.help": (
            "Les pages ouvertes à votre rôle sont dans le menu.",
            "The pages open to your role are in the menu.",
        ),
        "auth.signed_in": ("Connecté : {email} ({role})", "Signed in: {email} ({role})"),
        "auth.none.banner": (
            "Mode local : un seul utilisateur, sur cet ordinateur (127.0.0.1), sans connexion. "
            "Configurez des comptes avant de l'ouvrir à d'autres postes (README).",
            "Local mode: a single user, on this computer (127.0.0.1), without sign-in. "
            "Set up accounts before opening it to other computers (README).",
        ),
        "auth.none.exposed": (
            "Cadran sert sur {address} sans aucune connexion configurée : refusé. Servez-le sur "
            "127.0.0.1 (make run) ou créez un administrateur : python -m etl users add EMAIL --role admin",
            "Cadran is served on {address} with no sign-in configured: refused. Serve it on "
            "127.0.0.1 (make run) or create an administrator: python -m etl users add EMAIL --role admin",
        ),
        "auth.role.viewer": ("direction générale", "viewer"),
        "auth.role.hr": ("RH", "HR"),
        "auth.role.presenter": ("présentation", "presenter"),
        "auth.role.admin": ("administrateur", "administrator"),
        "admin.users": ("Comptes et rôles", "Accounts and roles"),
        "admin.roles": ("Ce que chaque rôle ouvre", "What each role opens"),
        "admin.add": ("Ajouter ou modifier un compte", "Add or change an account"),
        "admin.password.help": (
            "Laisser vide pour garder le mot de passe actuel (ou pour un compte de la collectivité).",
            "Leave empty to keep the current password (or for an organisation account).",
        ),
        "admin.save": ("Enregistrer", "Save"),
        "admin.saved": ("Compte {email} enregistré ({role}).", "Account {email} saved ({role})."),
        "admin.remove": ("Supprimer le compte", "Remove the account"),
        "admin.removed": ("Compte {email} supprimé.", "Account {email} removed."),
        "admin.unlock": ("Déverrouiller", "Unlock"),
        "admin.unlocked": ("Compte {email} déverrouillé.", "Account {email} unlocked."),
        "admin.account": ("Compte", "Account"),
        "admin.none_mode": (
            "Aucun compte : Cadran tourne en mode local. Le premier compte administrateur se crée "
            "en ligne de commande : python -m etl users add EMAIL --role admin",
            "No account: Cadran runs in local mode. Create the first administrator on the command "
            "line: python -m etl users add EMAIL --role admin",
        ),
        "email": ("Adresse e-mail", "E-mail address"),
        "role": ("Rôle", "Role"),
        "has_password": ("Mot de passe local", "Local password"),
        "locked": ("Verrouillé", "Locked"),
        "pages": ("Pages", "Pages"),
        "upload.help": (
            "Déposez les fichiers exportés du SIRH (CSV, TXT ou XLSX) : ils remplacent leurs tables ; "
            "les autres tables gardent les fichiers de la dernière version conservée. Le chargement "
            "est vérifié avant publication, puis tout ou rien : en cas d'erreur, les données publiées "
            "restent inchangées.",
            "Drop the files exported from HR (CSV, TXT or XLSX): they replace their tables; the other "
            "tables keep the files of the latest kept version. The load is checked before publishing, "
            "then all or nothing: on an error, the published data stay as they were.",
        ),
        "upload.checking": ("Vérification des fichiers…", "Checking the files…"),
        "upload.origins": ("**D'où vient chaque table**", "**Where each table comes from**"),
        "upload.origin.upload": ("fichier déposé", "uploaded file"),
        "upload.origin.kept": ("version conservée n° {version}", "kept version no. {version}"),
        "upload.origin.none": ("vide", "empty"),
        "upload.col.table": ("Table", "Table"),
        "upload.col.origin": ("Origine", "Origin"),
        "upload.col.file": ("Fichier", "File"),
        "upload.col.change": ("Publié → après", "Published → after"),
        "upload.preview": (
            "**Avant publication : lignes lues, chargées, rejetées et changement**",
            "**Before publishing: rows read, loaded, rejected and the change**",
        ),
        "upload.shrink": (
            "Ces tables perdent plus d'un cinquième de leurs lignes : {changes}.",
            "These tables lose more than a fifth of their rows: {changes}.",
        ),
        "upload.shrink.confirm": (
            "Je confirme : ces tables doivent perdre ces lignes",
            "I confirm: these tables are to lose these rows",
        ),
        "versions.title": ("Versions conservées", "Kept versions"),
        "versions.help": (
            "Les {keep} dernières publications (base et fichiers source). Restaurer en republie une, "
            "comme un chargement : tout ou rien.",
            "The last {keep} publications (database and source files). Restoring one publishes it "
            "again, like a load: all or nothing.",
        ),
        "versions.none": ("Aucune version conservée pour l'instant.", "No version kept yet."),
        "versions.pick": ("Version à restaurer", "Version to restore"),
        "versions.restore": ("Restaurer cette version", "Restore this version"),
        "versions.restore.what": (
            "Restaurer la version n° {version} ({source}, chargée le {when}) remplace toutes les données "
            "publiées par les siennes, comme un nouveau chargement. Par table : lignes publiées → celles de la version.",
            "Restoring version no. {version} ({source}, loaded on {when}) replaces all the published data "
            "with its own, like a new load. Per table: rows published → the version's.",
        ),
        "versions.col.change": ("Publiées → version", "Published → version"),
        "versions.restore.confirm": (
            "Je confirme : publier à nouveau la version n° {version}",
            "I confirm: publish version no. {version} again",
        ),
        "versions.restored": (
            "Version n° {version} restaurée : chargement n° {load_id} publié.",
            "Version no. {version} restored: load no. {load_id} published.",
        ),
        "version": ("Version", "Version"),
        "privacy.title": (
            "Données personnelles : registre du traitement",
            "Personal data: record of processing",
        ),
        "privacy.col.item": ("Rubrique", "Item"),
        "privacy.col.what": ("Ce que fait Cadran", "What Cadran does"),
        "privacy.purpose": ("Finalité", "Purpose"),
        "privacy.purpose.text": (
            "Piloter le réseau des managers : participation, temps investi, formation, enquêtes, "
            "plan d'actions et budget, en chiffres agrégés.",
            "Steering the managers' network: participation, time invested, training, surveys, "
            "action plan and budget, as aggregate figures.",
        ),
        "privacy.basis": ("Base légale", "Legal basis"),
        "privacy.basis.text": (
            "Mission d'intérêt public de la collectivité employeur (RGPD, art. 6-1-e).",
            "Public-interest task of the employing authority (GDPR, art. 6(1)(e)).",
        ),
        "privacy.data": ("Données", "Data"),
        "privacy.data.text": (
            "Agents : matricule, nom, prénom, courriel, collectivité, direction, service, site, "
            "catégorie, encadrant, dates d'entrée et de sortie ; adhésions, présences, temps déclaré, "
            "pilotes d'actions. Enquêtes : codes répondants sans lien avec le matricule.",
            "Staff: matricule, names, e-mail, organisation, direction, service, site, category, "
            "manager, hire and leave dates; memberships, attendance, declared time, action owners. "
            "Surveys: respondent codes unrelated to the matricule.",
        ),
        "privacy.retention": ("Durée de conservation", "Retention"),
        "privacy.retention.text": (
            "Agents partis : retirés {years} ans après la date de sortie, à chaque chargement. "
            "Les {keep} dernières versions publiées ; les lignes rejetées des {rejects} derniers chargements.",
            "Leavers: removed {years} years after the leave date, at each load. The last {keep} "
            "published versions; the rejected rows of the last {rejects} loads.",
        ),
        "privacy.retention.off": (
            "Agents partis : gardés, aucune durée de conservation n'est appliquée (réglage désactivé). "
            "Les {keep} dernières versions publiées ; les lignes rejetées des {rejects} derniers chargements.",
            "Leavers: kept, no retention period is applied (setting turned off). The last {keep} "
            "published versions; the rejected rows of the last {rejects} loads.",
        ),
        "privacy.recipients": ("Qui voit quoi", "Who sees what"),
        "privacy.recipients.text": (
            "RH : noms, listes, chargements, versions, droits des personnes. Direction générale et "
            "présentation : chiffres agrégés, sans aucun nom. Administrateur : comptes et rôles.",
            "HR: names, lists, loads, versions, people's rights. General management and presenter: "
            "aggregate figures, no name. Administrator: accounts and roles.",
        ),
        "privacy.rights": ("Droits des personnes", "People's rights"),
        "privacy.rights.text": (
            "Accès : export de tout ce qui est détenu sur la personne. Effacement : retrait des données "
            "publiées, des versions, des fichiers source et des rejets ; les chargements suivants la "
            "retirent encore (empreinte à clé, jamais le matricule) ; l'acte est journalisé sans la personne.",
            "Access: export of everything held about the person. Erasure: removed from the published "
            "data, versions, source files and rejects; later loads drop them again (keyed hash, never "
            "the matricule); the act is logged without the person.",
        ),
        "privacy.storage": ("Où", "Where"),
        "privacy.storage.text": (
            "Sur le serveur de la collectivité, dossier data/ (jamais dans le dépôt de code).",
            "On the authority's server, data/ folder (never in the code repository).",
        ),
        "privacy.person": ("Matricule", "Matricule"),
        "privacy.access": ("**Droit d'accès**", "**Right of access**"),
        "privacy.access.button": ("Préparer l'export", "Prepare the export"),
        "privacy.access.download": ("Télécharger l'export (xlsx)", "Download the export (xlsx)"),
        "privacy.forget": ("**Droit à l'effacement**", "**Right to erasure**"),
        "privacy.forget.confirm": (
            "J'efface définitivement cette personne des données et des versions",
            "I erase this person for good from the data and the versions",
        ),
        "privacy.forget.button": ("Effacer la personne", "Erase the person"),
        "privacy.forget.who": (
            "Vous allez effacer {name} ({email}, matricule {id}, {where}) : des données publiées, des "
            "versions conservées et de leurs fichiers source, des rejets ; les chargements suivants la "
            "retireront aussi. C'est définitif.",
            "You are about to erase {name} ({email}, matricule {id}, {where}): from the published data, "
            "the kept versions and their source files, the rejects; later loads will drop them too. "
            "This cannot be undone.",
        ),
        "privacy.forget.unknown": (
            "Aucun agent de matricule « {id} » dans les données publiées. L'effacer le retire des versions "
            "conservées, de leurs fichiers source et des rejets, et des chargements suivants. C'est définitif.",
            "No staff with matricule “{id}” in the published data. Erasing it removes it from the kept "
            "versions, their source files and the rejects, and from later loads. This cannot be undone.",
        ),
        "privacy.forget.no_name": ("une personne sans nom", "a person with no name"),
        "privacy.forget.done": (
            "Personne effacée des données publiées, des versions, des fichiers source et des rejets.",
            "Person erased from the published data, versions, source files and rejects.",
        ),
        "expected.title": (
            "Ce que Cadran attend : tables, fichiers, colonnes, modèle",
            "What Cadran expects: tables, files, columns, template",
        ),
        "expected.table": ("Table", "Table"),
        "expected.required": ("Obligatoire", "Required"),
        "expected.files": ("Noms de fichier acceptés", "Accepted file names"),
        "expected.column": ("Colonne", "Column"),
        "expected.header": ("En-tête (français)", "Header (French)"),
        "expected.type": ("Type", "Type"),
        "expected.values": ("Valeurs acceptées", "Accepted values"),
        "expected.template": ("Télécharger le modèle vide (xlsx)", "Download the empty template (xlsx)"),
        "admin.settings": ("Réglages", "Settings"),
        "admin.retention": (
            "Conservation des agents partis (années après la sortie)",
            "Leavers kept (years after leaving)",
        ),
        "admin.retention.help": (
            "Appliquée à chaque chargement : les agents sortis depuis plus longtemps sont retirés.",
            "Applied at each load: staff who left longer ago are removed.",
        ),
        "admin.retention.saved": (
            "Conservation : {years} ans après la sortie.",
            "Retention: {years} years after leaving.",
        ),
    }
)


# --- pages as a director, an HR officer and a presenter read them (issue 8): the overview's
# hours per participant, the survey card of a scope, the roles, empty charts, the slideshow
T.update(
    {
        "card.hours_per_participant": (
            "{h} par participant ({n} participants)",
            "{h} per participant ({n} participants)",
        ),
        "card.survey_respondents": ("{n} répondants dans ce périmètre", "{n} respondents in this scope"),
        "card.survey_not_split": (
            "{who} ; pas de taux : les invités ne sont comptés que pour l'ensemble",
            "{who}; no rate: invitations are counted for the whole network only",
        ),
        "pct_header": ("{h} (%)", "{h} (%)"),
        "empty.lowest": (
            "Aucune direction d'au moins {n} cadres dans ce périmètre : rien à comparer.",
            "No direction with at least {n} managers in this scope: nothing to compare.",
        ),
        "empty.period": (
            "Aucune donnée datée de cette période pour ce périmètre.",
            "No data dated in this period for this scope.",
        ),
        "roles.title": ("Rôles dans le réseau", "Roles in the network"),
        "roles.help": (
            "Membres en poste tenant chaque rôle à la date de situation (une personne peut en tenir deux).",
            "Members in post holding each role at the reference date (one person may hold two).",
        ),
        "role": ("Rôle", "Role"),
        "slides.open": ("Lancer la présentation", "Start the presentation"),
        # a card's label fits its card at 1280 px (« Réponse à la dernière en… » was cut)
        "survey_response_rate": ("Réponse à l'enquête", "Survey response"),
        "fill_rate": ("Remplissage", "Fill rate"),  # « Taux de rem… » was cut in its column
        "training.per_participant": (
            "Heures par participant et par collectivité",
            "Hours per participant by organisation",
        ),
        "training.per_participant.help": (
            "Heures investies par les agents de la collectivité (rencontres et contributions), divisées "
            "par le nombre de ces agents qui ont participé, membres du réseau ou non (entre parenthèses).",
            "Hours invested by the organisation's staff (sessions and contributions), divided by how "
            "many of them took part, network members or not (in brackets).",
        ),
        "uploader.hint": (
            "Déposez les fichiers ici · {mb} Mo au plus par fichier · CSV, TXT, XLSX",
            "Drop the files here · at most {mb} MB per file · CSV, TXT, XLSX",
        ),
        "uploader.browse": ("Choisir des fichiers", "Choose files"),
        "version.number": ("n° {n}", "No. {n}"),
        "presenter.rows": (
            "Les {n} premières lignes sur {total} ; la liste complète hors mode présentation.",
            "The first {n} rows of {total}; the whole list outside presenter mode.",
        ),
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
        "page.presentation": ("Présentation", "Presentation"),
        "participants": ("Participants", "Participants"),
    }
)

# --- the exports offered on the overview and in the slideshow (issue 9)
T.update(
    {
        "exports.title": ("Exporter", "Export"),
        "exports.help": (
            "Les mêmes chiffres, à ces filtres : synthèse Excel, diaporama PowerPoint, rapport hors ligne. "
            "Aucun nom de personne n'y figure.",
            "The same figures, at these filters: Excel summary, PowerPoint deck, offline report. "
            "No person's name is in them.",
        ),
    }
)
T.update(
    {
        "data.hr_lists": ("Listes RH nominatives", "HR lists with names"),
        "data.hr_lists.help": (
            "Membres avec leurs rôles et groupes, et cadres de chaque direction qui n'ont jamais participé, "
            "pour des invitations ciblées. Le seul fichier qui porte des noms : à ne pas diffuser.",
            "Members with their roles and groups, and each direction's managers who never took part, for "
            "targeted invitations. The only file with names: do not circulate it.",
        ),
    }
)

# --- an open door closed (issue 18): no account is no access; the last admin stays; errors of etl.admin.users
T.update(
    {
        "auth.setup.title": ("Cadran n'est pas encore ouvert", "Cadran is not open yet"),
        "auth.setup.body": (
            "Aucun compte n'est configuré : Cadran ne sert aucune donnée. Un administrateur crée le "
            "premier compte sur le serveur, en ligne de commande (le mot de passe, 12 caractères au "
            "moins, est lu sur l'entrée standard), puis se connecte ici.",
            "No account is configured: Cadran serves no data. An administrator creates the first "
            "account on the server, on the command line (the password, 12 characters or more, is read "
            "from standard input), then signs in here.",
        ),
        "auth.setup.command": (
            "python -m etl users add dsi@ville.fr --role admin --password-stdin",
            "python -m etl users add it@city.org --role admin --password-stdin",
        ),
        "auth.setup.local": (
            "Sur un poste seul, sans comptes : make run (mode local, CADRAN_LOCAL=1, servi sur 127.0.0.1).",
            "On a single computer, without accounts: make run (local mode, CADRAN_LOCAL=1, served on 127.0.0.1).",
        ),
        "auth.broken.body": (
            "Le fichier des comptes (data/users.json) ne se lit pas : Cadran ne laisse entrer personne. "
            "Corrigez-le, ou supprimez-le puis recréez le premier administrateur :",
            "The accounts file (data/users.json) cannot be read: Cadran lets nobody in. Fix it, or "
            "remove it and create the first administrator again:",
        ),
        "auth.local.proxied": (
            "Mode local : Cadran ne sert que cet ordinateur (http://localhost), pas à travers un proxy "
            "ni sous un autre nom. Créez des comptes pour l'ouvrir à d'autres (README).",
            "Local mode: Cadran serves this computer only (http://localhost), not through a proxy nor "
            "under another name. Create accounts to open it to others (README).",
        ),
        "auth.role.none": ("aucun rôle (compte inconnu)", "no role (unknown account)"),
        "users.error.last_admin": (
            "{email} est le dernier administrateur : il ne peut être ni supprimé ni rétrogradé. "
            "Nommez d'abord un autre administrateur.",
            "{email} is the last administrator: they can be neither removed nor demoted. "
            "Make someone else an administrator first.",
        ),
        "users.error.blank_password": (
            "Mot de passe vide : des espaces ne suffisent pas.",
            "Blank password: spaces are not enough.",
        ),
        "users.error.short_password": (
            "Mot de passe trop court : {minimum} caractères au moins.",
            "Password too short: {minimum} characters or more.",
        ),
        "users.error.bad_email": ("Adresse e-mail invalide : {email}", "Invalid e-mail address: {email}"),
        "users.error.bad_role": ("Rôle inconnu : {role}", "Unknown role: {role}"),
        "users.error.unknown_user": ("Compte inconnu : {email}", "Unknown account: {email}"),
        "users.error.bad_file": (
            "Le fichier des comptes ne se lit pas : rien n'a été modifié.",
            "The accounts file cannot be read: nothing was changed.",
        ),
    }
)

# --- the slideshow speaks to the audience (issue 22): the date of the figures and their source at
# the foot of each slide; the load they come from in the presenter's notes; the files in a menu
T.update(
    {
        "slide.source": ("Source : Cadran, données RH", "Source: Cadran, HR data"),
        "slides.files": ("Fichiers", "Files"),
        "slides.files.help": (
            "Les mêmes diapositives en PowerPoint et en rapport hors ligne.",
            "The same slides as a PowerPoint deck and an offline report.",
        ),
    }
)
