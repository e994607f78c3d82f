"""The one translations table: every label of the interface, French first, English second.

``t("members")`` gives the label in the language chosen in the sidebar (French
by default); ``code_label("kind", "seminar")`` translates an enumeration code of
the data contract. A missing key shows the key itself, so a gap is visible, not fatal.
"""

from __future__ import annotations

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
    "card.hours_per_member": ("{h} par membre", "{h} per member"),
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
    "hours_per_member": ("Heures par membre", "Hours per member"),
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
    # --- participation
    "participation.by": ("Participation des cadres par", "Manager participation by"),
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
    "training.hours_month": ("Heures investies par mois", "Hours invested by month"),
    "training.hours_by": ("Heures investies par", "Hours invested by"),
    "training.per_member": ("Heures par membre et par collectivité", "Hours per member by organisation"),
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
    "budget.by_category": ("Prévu et dépensé par catégorie", "Planned and spent by category"),
    "budget.rule": (
        "Prévu : lignes datées de chaque année ; dépensé : lignes datées jusqu'à la date de situation, "
        "dans la période choisie.",
        "Planned: lines dated in each year; spent: lines dated up to the reference date, "
        "within the chosen period.",
    ),
    "budget.cumulative": ("Dépenses cumulées", "Cumulative spending"),
    "budget.cumulative.help": (
        "Dépenses cumulées depuis la première dépense, à la fin de chaque mois.",
        "Spending accumulated since the first expense, at each month's end.",
    ),
    "budget.by_group": ("Dépenses par groupe", "Spending by group"),
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
    "upload.button": ("Charger et publier", "Load and publish"),
    "upload.reading": ("Lecture : {table}…", "Reading: {table}…"),
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
    },
    "suppression_short": {
        "fewer_than_5": ("< 5 rép.", "< 5 resp."),
        "complementary": ("masqué", "hidden"),
        "fewer_than_10": ("< 10 rép.", "< 10 resp."),
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
        # no colour emoji (Debian has no emoji font): the colour comes from ui.theme.LIGHTS
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


def current() -> str:
    """The interface language of this session ("fr" outside a Streamlit run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return DEFAULT
    import streamlit as st

    return st.session_state.get(STATE_KEY, DEFAULT)


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
        "slides.previous": ("Précédente", "Previous"),
        "slides.next": ("Suivante", "Next"),
        "slides.position": ("{i} / {n}", "{i} / {n}"),
        "slides.keys": ("Flèches ← → du clavier", "Arrow keys ← →"),
        "slides.back": ("Quitter la présentation", "Leave the presentation"),
        "slides.footer": (
            "Situation au {as_of} · {scope} · Source : fichiers RH « {source} » chargés le {loaded}",
            "As of {as_of} · {scope} · Source: HR files “{source}” loaded on {loaded}",
        ),
        "slides.headline.title": ("La participation des cadres", "Manager participation"),
        "slides.headline.message": (
            "{rate} des cadres sont membres du réseau",
            "{rate} of managers are members of the network",
        ),
        "slides.headline.detail": (
            "{n} cadres membres sur {d} cadres en poste · {members} membres au total",
            "{n} member managers out of {d} managers in post · {members} members in all",
        ),
        "slides.participation.title": ("Participation par collectivité", "Participation by organisation"),
        "slides.participation.message": (
            "De {low} à {high} des cadres selon la collectivité",
            "From {low} to {high} of managers depending on the organisation",
        ),
        "slides.growth.title": ("Croissance du réseau", "Network growth"),
        "slides.growth.message": (
            "{members} membres, {change} en un an",
            "{members} members, {change} in a year",
        ),
        "slides.hours.title": ("Le temps investi", "Time invested"),
        "slides.hours.message": (
            "{hours} investies, {per} par participant",
            "{hours} invested, {per} per participant",
        ),
        "slides.hours.detail": (
            "{n} participants · {sessions} rencontres tenues",
            "{n} participants · {sessions} sessions held",
        ),
        "slides.budget.title": ("Le budget", "The budget"),
        "slides.budget.message": (
            "{spent} dépensés en {year} sur {planned} prévus",
            "{spent} spent in {year} out of {planned} planned",
        ),
        "slides.actions.title": ("Le plan d'actions", "The action plan"),
        "slides.actions.message": (
            "{done} actions terminées sur {total}, {late} en retard",
            "{done} actions done out of {total}, {late} late",
        ),
        "slides.survey.title": ("Ce que disent les cadres", "What managers say"),
        "slides.survey.message": (
            "« {theme} » : {share} d'avis favorables",
            "“{theme}”: {share} favourable",
        ),
        "slides.survey.respondents": ("Répondants · {survey}", "Respondents · {survey}"),
        "page.presentation": ("Présentation", "Presentation"),
        "participants": ("Participants", "Participants"),
        "slides.survey.none": ("Aucune enquête à cette date", "No survey by this date"),
        "slides.none": ("—", "—"),
    }
)
