"""Sign-in, roles and accounts, settings, the personal data register and people's rights."""

TEXTS: dict[str, tuple[str, str]] = {
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
    "has_password": ("Mot de passe local", "Local password"),
    "locked": ("Verrouillé", "Locked"),
    "pages": ("Pages", "Pages"),
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
    "users.error.bad_role": (
        "Rôle inconnu : {role} (valides : {valid})",
        "Unknown role: {role} (valid: {valid})",
    ),
    "users.error.unknown_user": ("Compte inconnu : {email}", "Unknown account: {email}"),
    "users.error.bad_file": (
        "Le fichier des comptes ne se lit pas ({detail}) : rien n'a été modifié. Corrigez-le ou supprimez-le.",
        "The accounts file cannot be read ({detail}): nothing was changed. Fix it or remove it.",
    ),
    # the subject-access export (etl.admin.subject_access): sheets, columns, places
    "access.sheet.staff": ("Agent", "Staff"),
    "access.sheet.members": ("Réseau", "Network"),
    "access.sheet.attendance": ("Présences", "Attendance"),
    "access.sheet.contributions": ("Contributions", "Contributions"),
    "access.sheet.actions": ("Actions pilotées", "Actions led"),
    "access.sheet.load_rejects": ("Lignes rejetées", "Rejected rows"),
    "access.sheet.places": ("Où sont les données", "Where the data are"),
    "access.col.load": ("Chargement n°", "Load no."),
    "access.col.table": ("Table", "Table"),
    "access.col.file": ("Fichier", "File"),
    "access.col.line": ("Ligne", "Line"),
    "access.col.column": ("Colonne", "Column"),
    "access.col.reason": ("Motif", "Reason"),
    "access.col.raw": ("Valeurs lues", "Values read"),
    "access.col.version": ("Version", "Version"),
    "access.col.where": ("Emplacement", "Location"),
    "access.col.what": ("Table ou fichier", "Table or file"),
    "access.col.rows": ("Lignes", "Rows"),
    "access.published": ("publiée", "published"),
    "access.database": ("base de données", "database"),
    "access.source_file": ("fichier source", "source file"),
    "access.yes": ("Oui", "Yes"),
    "access.no": ("Non", "No"),
}
