"""The texts of the command line (python -m etl): progress, outcomes, warnings, errors and prompts
(key -> (French, English)), merged into etl.text.i18n's table. The command line speaks French
(etl.cli.LANG); a count is worded with its plural (``count.<name>`` in texts_common)."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- what frames a line on stderr
    "cli.error": ("Erreur : {message}", "Error: {message}"),
    "cli.bad_date": (
        "date illisible ou inexistante « {value} » : écrivez-la AAAA-MM-JJ (2015-06-30 pour le 30 juin 2015)",
        "unreadable or nonexistent date “{value}”: write it YYYY-MM-DD (2015-06-30 for 30 June 2015)",
    ),
    "cli.bad_date.french": (
        "« {value} » : écrivez la date AAAA-MM-JJ, ici {iso}",
        "“{value}”: write the date YYYY-MM-DD, here {iso}",
    ),
    "cli.warning": ("Attention : {message}", "Warning: {message}"),
    "cli.error.database": (
        "erreur inattendue de la base ({kind}) : {error}",
        "unexpected database error ({kind}): {error}",
    ),
    "cli.error.system": ("{file} : erreur du système ({error})", "{file}: system error ({error})"),
    "cli.error.not_published": (
        "Aucune base publiée à {db} : lancez `make run` ou `python -m etl load DOSSIER`.",
        "No database published at {db}: run `make run` or `python -m etl load FOLDER`.",
    ),
    # --- load: progress (a table's counts in columns), then the outcome
    "cli.load.counts": (
        "{table:<20} lues {read:>9}  chargées {loaded:>9}  rejetées {rejected:>7}",
        "{table:<20} read {read:>9}  loaded {loaded:>9}  rejected {rejected:>7}",
    ),
    "cli.load.surveys_protected": (
        "… enquêtes protégées : {done} / {total}",
        "… surveys protected: {done} / {total}",
    ),
    "cli.load.protecting": (
        "… enquêtes : protection des petits groupes",
        "… surveys: protecting small groups",
    ),
    "cli.load.read_model": ("… modèle de lecture", "… read model"),
    "cli.load.taken_over": (
        "Inchangées depuis le chargement publié : {tables_taken_over} sans nouvelle validation, "
        "{files_not_read}",
        "Unchanged since the published load: {tables_taken_over} without validating again, {files_not_read}",
    ),
    # a file or sheet ignored (« ignoré : … »), or what the load did besides (« RGPD : … »)
    "cli.load.note": ("{file} : {detail}", "{file}: {detail}"),
    "cli.load.published": (
        "Publié : {db} (chargement n° {load_id}, {rows_rejected})",
        "Published: {db} (load no. {load_id}, {rows_rejected})",
    ),
    "cli.load.rejects_where": (
        "Chaque ligne rejetée, avec son fichier, sa ligne et le motif : --rejects FICHIER.csv, ou la page "
        "Données.",
        "Each rejected row, with its file, line and reason: --rejects FILE.csv, or the Data page.",
    ),
    "cli.load.published_but": (
        "chargement n° {load_id} publié, mais {what}.",
        "load no. {load_id} published, but {what}.",
    ),
    "cli.load.rejects_not_written": (
        "le fichier des rejets {path} n'a pas pu être écrit ({error})",
        "the rejects file {path} could not be written ({error})",
    ),
    "cli.load.output_closed": (
        "la sortie a été fermée avant la fin du compte rendu",
        "the output was closed before the end of the report",
    ),
    # --- breakdown
    "cli.breakdown.usage": (
        "précisez NAME et --by ; valides : {valid}",
        "give NAME and --by; valid: {valid}",
    ),
    "cli.breakdown.name": (
        "breakdown inconnu « {name} » ; valides : {valid}",
        "unknown breakdown “{name}”; valid: {valid}",
    ),
    "cli.breakdown.dimension": (
        "dimension inconnue « {by} » pour {name} ; valides : {valid}",
        "unknown dimension “{by}” for {name}; valid: {valid}",
    ),
    # --- files written
    "cli.written": ("Écrit : {path}", "Written: {path}"),
    "cli.written.counts": ("Écrit : {path} ({counts})", "Written: {path} ({counts})"),
    "cli.opendata.rows": ("{name:<28} lignes {rows:>7}", "{name:<28} rows {rows:>7}"),
    # --- forget
    "cli.forgotten": (
        "Effacé : {databases_rewritten}, {source_files_changed} ; les prochains chargements retireront "
        "aussi cette personne.",
        "Erased: {databases_rewritten}, {source_files_changed}; the next loads will remove this person too.",
    ),
    # --- users
    "cli.users.removed": ("Supprimé : {email}", "Removed: {email}"),
    "cli.users.unlocked": ("Déverrouillé : {email}", "Unlocked: {email}"),
    "cli.users.saved": ("Enregistré : {email} ({role})", "Saved: {email} ({role})"),
    "cli.users.password": ("mot de passe", "password"),
    "cli.users.locked": (", verrouillé", ", locked"),
    "cli.users.no_role": ("(aucun rôle : compte inconnu)", "(no role: unknown account)"),
    "cli.users.prompt": (
        "Mot de passe de {email} ({minimum} caractères au moins) : ",
        "Password for {email} ({minimum} characters or more): ",
    ),
    "cli.users.prompt_again": ("Une seconde fois : ", "Once more: "),
    "users.error.email_needed": ("précisez l'adresse e-mail", "give the e-mail address"),
    "users.error.passwords_differ": ("les deux mots de passe diffèrent", "the two passwords differ"),
    # --- versions | rollback: a kept version's row counts its loaded rows
    "cli.versions.row": (
        "n° {load_id:<4} {loaded_at}  {n:>9} lignes  {label}",
        "no. {load_id:<4} {loaded_at}  {n:>9} rows  {label}",
    ),
    "cli.versions.row.one": (
        "n° {load_id:<4} {loaded_at}  {n:>9} ligne   {label}",
        "no. {load_id:<4} {loaded_at}  {n:>9} row   {label}",
    ),
    "cli.rollback.published": (
        "Publié : {db} (chargement n° {load_id}, version n° {version} restaurée)",
        "Published: {db} (load no. {load_id}, version no. {version} restored)",
    ),
    # --- send
    "cli.send.due_alone": (
        "--due envoie chaque abonnement tel qu'il est enregistré (sans --summary, --deck, --report, "
        "--as-of, --organisation ni --lang)",
        "--due sends each subscription as it is saved (without --summary, --deck, --report, --as-of, "
        "--organisation or --lang)",
    ),
}
