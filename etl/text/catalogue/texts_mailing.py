"""The texts of the report by e-mail: the message, its failures, the subscriptions on the Users
page and the latest e-mails on the Data page (key -> (French, English)), merged into etl.text.i18n's
table (new keys only)."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- the message
    "mail.subject": ("Cadran — réseau des cadres au {as_of}", "Cadran — managers' network at {as_of}"),
    "mail.greeting": ("Bonjour,", "Hello,"),
    "mail.intro": (
        "Voici le réseau des cadres au {as_of} ({scope}) :",
        "Here is the managers' network at {as_of} ({scope}):",
    ),
    "mail.figure": ("{label} : {value}", "{label}: {value}"),  # French: a space before the colon
    "mail.participation": ("{rate} ({n} cadres membres sur {d})", "{rate} ({n} member managers of {d})"),
    "mail.link": ("Le tableau de bord, à la même date : {url}", "The dashboard, at the same date: {url}"),
    "mail.attached": ("En pièces jointes : {files}.", "Attached: {files}."),
    "mail.document.summary": ("la synthèse (Excel)", "the summary (Excel)"),
    "mail.document.slides": ("le diaporama (PowerPoint)", "the deck (PowerPoint)"),
    "mail.document.report": ("le rapport hors ligne (HTML)", "the offline report (HTML)"),
    "mail.footer": (
        "Message envoyé par Cadran. Pour changer ce que vous recevez, adressez-vous à l'administrateur "
        "de Cadran.",
        "Sent by Cadran. To change what you receive, ask Cadran's administrator.",
    ),
    # --- the command line
    "mail.sent": ("Envoyé à {to} : {files}", "Sent to {to}: {files}"),
    "mail.nothing_due": ("Aucun abonnement à envoyer aujourd'hui.", "No subscription due today."),
    "mail.no_link": (
        "adresse publique du tableau de bord non configurée (CADRAN_PUBLIC_URL ou [cadran] public_url "
        "de .streamlit/secrets.toml) : le message part sans lien",
        "the dashboard's public address is not configured (CADRAN_PUBLIC_URL or [cadran] public_url "
        "in .streamlit/secrets.toml): the message goes without a link",
    ),
    # --- what went wrong (the command line's one line, the Data page's reason)
    "mail.error.no_smtp": (
        "SMTP non configuré : définissez CADRAN_SMTP_HOST et CADRAN_SMTP_FROM (ou host et from dans "
        "la section [smtp] de .streamlit/secrets.toml)",
        "SMTP not configured: set CADRAN_SMTP_HOST and CADRAN_SMTP_FROM (or host and from in the "
        "[smtp] section of .streamlit/secrets.toml)",
    ),
    "mail.error.bad_setting": (
        "réglage SMTP invalide : {name} = « {value} »",
        "invalid SMTP setting: {name} = “{value}”",
    ),
    "mail.error.plain_password": (
        "mot de passe refusé sur une connexion non chiffrée vers {host} : CADRAN_SMTP_TLS=starttls ou tls",
        "no password over an unencrypted connection to {host}: CADRAN_SMTP_TLS=starttls or tls",
    ),
    "mail.error.unreachable": (
        "serveur SMTP injoignable ({host}:{port}) : {detail}",
        "SMTP server unreachable ({host}:{port}): {detail}",
    ),
    "mail.error.tls": (
        "connexion chiffrée impossible avec {host}:{port} : {detail}",
        "no encrypted connection with {host}:{port}: {detail}",
    ),
    "mail.error.auth": (
        "identifiant SMTP refusé par {host} : {detail}",
        "SMTP login refused by {host}: {detail}",
    ),
    "mail.error.sender_refused": (
        "expéditeur {sender} refusé par le serveur : {detail}",
        "sender {sender} refused by the server: {detail}",
    ),
    "mail.error.refused": (
        "destinataire refusé par le serveur : {recipients} ; le message n'est parti à personne",
        "recipient refused by the server: {recipients}; the message went to nobody",
    ),
    "mail.error.data_refused": (
        "message refusé par le serveur : {detail}",
        "message refused by the server: {detail}",
    ),
    "mail.error.disconnected": (
        "le serveur SMTP a coupé la connexion : {detail}",
        "the SMTP server closed the connection: {detail}",
    ),
    "mail.error.smtp": ("erreur SMTP : {detail}", "SMTP error: {detail}"),
    "mail.error.no_account": (
        "{email} n'a plus de rôle dans Cadran : abonnement n° {n} non envoyé",
        "{email} no longer has a role in Cadran: subscription no. {n} not sent",
    ),
    "mail.error.bad_address": ("adresse e-mail invalide : {email}", "invalid e-mail address: {email}"),
    "mail.error.no_recipient": (
        "précisez au moins un destinataire (--to a@ville.fr,b@ville.fr) ou --due",
        "give at least one recipient (--to a@ville.fr,b@ville.fr) or --due",
    ),
    "mail.error.bad_subscriptions": (
        "fichier des abonnements illisible ({detail}) : corrigez-le ou supprimez-le",
        "the subscriptions file cannot be read ({detail}): fix or remove it",
    ),
    # --- the Data page: the latest e-mails
    "data.mail": ("Derniers envois", "Latest e-mails"),
    "data.mail.help": (
        "Les messages envoyés par `python -m etl send`, les plus récents d'abord ; un échec dit pourquoi.",
        "The messages sent by `python -m etl send`, newest first; a failure says why.",
    ),
    "data.mail.none": ("Aucun envoi pour l'instant.", "Nothing sent yet."),
    "mail.status.sent": ("Envoyé", "Sent"),
    "mail.status.failed": ("Échec", "Failed"),
    "mail.col.at": ("Le", "When"),
    "mail.col.to": ("Destinataires", "Recipients"),
    "mail.col.documents": ("Documents", "Documents"),
    "mail.col.as_of": ("Situation au", "As of"),
    "mail.col.status": ("Statut", "Status"),
    "mail.col.reason": ("Motif", "Reason"),
    # --- the Users page: the subscriptions
    "admin.subs": ("Envois par e-mail", "Reports by e-mail"),
    "admin.subs.help": (
        "Chaque abonné reçoit les documents choisis, selon son rôle : lecteurs et présentateurs n'y "
        "trouvent ni nom ni valeur de ligne rejetée. `python -m etl send --due`, lancé chaque jour "
        "(une ligne cron, README), envoie ce qui est dû.",
        "Each subscriber gets the chosen documents, as their role allows: viewers and presenters find "
        "no name and no rejected row's value in them. `python -m etl send --due`, run daily (a cron "
        "line, README), sends what is due.",
    ),
    "admin.subs.none": ("Aucun abonnement.", "No subscription."),
    "admin.subs.need_account": (
        "Un abonnement est celui d'un compte, dont il suit le rôle : créez d'abord un compte.",
        "A subscription belongs to an account and follows its role: create an account first.",
    ),
    "admin.subs.add": ("Abonner un compte", "Subscribe an account"),
    "admin.subs.documents": ("Documents joints", "Attached documents"),
    "admin.subs.organisation": ("Collectivité", "Organisation"),
    "admin.subs.frequency": ("Fréquence", "Frequency"),
    "admin.subs.lang": ("Langue du message", "Language of the message"),
    "admin.subs.save": ("Abonner", "Subscribe"),
    "admin.subs.saved": (
        "Abonnement n° {n} enregistré : {email}, {frequency}.",
        "Subscription no. {n} saved: {email}, {frequency}.",
    ),
    "admin.subs.pick": ("Abonnement", "Subscription"),
    "admin.subs.remove": ("Supprimer l'abonnement", "Remove the subscription"),
    "admin.subs.remove.confirm": (
        "Je confirme : supprimer l'abonnement n° {n} ({email})",
        "I confirm: remove subscription no. {n} ({email})",
    ),
    "admin.subs.removed": ("Abonnement n° {n} supprimé.", "Subscription no. {n} removed."),
    "admin.subs.col.n": ("N°", "No."),
    "admin.subs.col.last_sent": ("Dernier envoi", "Last sent"),
    "mail.kind.summary": ("Synthèse (Excel)", "Summary (Excel)"),
    "mail.kind.slides": ("Diaporama (PowerPoint)", "Deck (PowerPoint)"),
    "mail.kind.report": ("Rapport hors ligne (HTML)", "Offline report (HTML)"),
    "mail.frequency.monthly": ("Mensuel", "Monthly"),
    "mail.frequency.weekly": ("Hebdomadaire", "Weekly"),
    "users.error.no_document": (
        "Choisissez au moins un document : synthèse, diaporama ou rapport.",
        "Choose at least one document: summary, deck or report.",
    ),
    "users.error.bad_frequency": ("Fréquence inconnue : {frequency}", "Unknown frequency: {frequency}"),
    "users.error.bad_subscriptions": (
        "Le fichier des abonnements ne se lit pas ({detail}) : rien n'a été modifié. Corrigez-le ou "
        "supprimez-le.",
        "The subscriptions file cannot be read ({detail}): nothing was changed. Fix it or remove it.",
    ),
}
