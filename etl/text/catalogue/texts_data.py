"""The data page: load history, uploads and their check, rejects, kept versions, what Cadran expects."""

TEXTS: dict[str, tuple[str, str]] = {
    "data.history": ("Historique des chargements", "Load history"),
    "upload.title": ("Charger de nouveaux exports", "Load new exports"),
    "upload.help": (
        "Déposez les fichiers exportés du SIRH (CSV, TXT ou XLSX) : ils remplacent leurs tables ; "
        "les autres tables gardent les fichiers de la dernière version conservée. Le chargement "
        "est vérifié avant publication, puis tout ou rien : en cas d'erreur, les données publiées "
        "restent inchangées.",
        "Drop the files exported from HR (CSV, TXT or XLSX): they replace their tables; the other "
        "tables keep the files of the latest kept version. The load is checked before publishing, "
        "then all or nothing: on an error, the published data stay as they were.",
    ),
    "upload.files": ("Fichiers à charger", "Files to load"),
    "upload.button": ("Publier", "Publish"),
    "upload.check": ("Vérifier (rien n'est publié)", "Check (nothing is published)"),
    "upload.rejects": ("**Lignes qui seront rejetées**", "**Rows that will be rejected**"),
    "upload.rejects.download": (
        "Télécharger chaque ligne rejetée (CSV : fichier, ligne, colonne, motif, valeurs)",
        "Download each rejected row (CSV: file, line, column, reason, values)",
    ),
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
    "upload.checked": ("{table} : {loaded}, {rejected}", "{table}: {loaded}, {rejected}"),
    "upload.done": (
        "Chargement n° {load_id} publié : {loaded}, {rejected}.",
        "Load no. {load_id} published: {loaded}, {rejected}.",
    ),
    "count.rows_loaded": ("{n} lignes chargées", "{n} rows loaded"),
    "count.rows_loaded.one": ("{n} ligne chargée", "{n} row loaded"),
    "count.rejected": ("{n} rejetées", "{n} rejected"),
    "count.rejected.one": ("{n} rejetée", "{n} rejected"),
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
    # a load's source when it is an upload or a restore: the French is what the history stores
    # (etl.publish.load), worded again in the reader's language (etl.text.reject_words.source_words)
    "load.source.upload": ("téléversement : {files}", "upload: {files}"),
    "load.source.upload_kept": (
        "téléversement : {files} (autres tables : version n° {kept})",
        "upload: {files} (other tables: version no. {kept})",
    ),
    "load.source.restore": ("restauration de la version n° {version}", "restore of version no. {version}"),
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
    "data.reject_groups": ("Rejets par table et motif", "Rejects by table and reason"),
    "data.filter_tables": ("Tables", "Tables"),
    "data.filter_reasons": ("Motifs", "Reasons"),
    "data.show_rows": ("Voir les lignes de", "Show the rows of"),
    "data.pick_group": ("Choisissez un motif", "Pick a reason"),
    "data.private_rows": (
        "Enquêtes : seuls le fichier, la ligne et le motif sont montrés, jamais les réponses.",
        "Surveys: only the file, line and reason are shown, never the answers.",
    ),
    "upload.uploaded_files": ("Fichiers déposés", "Uploaded files"),
    "first_line": ("Première ligne", "First line"),
    "upload.checking": ("Vérification des fichiers…", "Checking the files…"),
    "upload.origins": ("**D'où vient chaque table**", "**Where each table comes from**"),
    "upload.origin.upload": ("fichier déposé", "uploaded file"),
    "upload.origin.kept": ("version conservée n° {version}", "kept version no. {version}"),
    "upload.origin.none": ("vide", "empty"),
    "upload.col.table": ("Table", "Table"),
    "upload.col.origin": ("Origine", "Origin"),
    "upload.col.file": ("Fichier", "File"),
    "upload.col.change": ("Publié → après", "Published → after"),
    "upload.col.why": ("Pourquoi", "Why"),
    "upload.change": ("{table} : {counts}", "{table}: {counts}"),
    "upload.ignored": (
        "Ces fichiers ou feuilles déposés ne seront pas lus : nommez chacun d'après sa table (« Noms de "
        "fichier acceptés » dans « Ce que Cadran attend », ci-dessus), puis déposez-le à nouveau. "
        "D'ici là, ils ne changent rien.",
        "These uploaded files or sheets will not be read: name each after its table (“Accepted file "
        "names” in “What Cadran expects”, above), then drop it again. Until then, they change nothing.",
    ),
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
    "versions.only_published": (
        "La seule version conservée, n° {version}, est celle publiée : rien d'autre à restaurer.",
        "The only version kept, no. {version}, is the one published: nothing else to restore.",
    ),
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
    "uploader.hint": (
        "Déposez les fichiers ici · {mb} Mo au plus par fichier · {types}",
        "Drop the files here · at most {mb} MB per file · {types}",
    ),
    "uploader.browse": ("Choisir des fichiers", "Choose files"),
    "version.number": ("n° {n}", "No. {n}"),
    "data.hr_lists": ("Listes RH nominatives", "HR lists with names"),
    "data.hr_lists.help": (
        "Membres avec leurs rôles et groupes, et cadres de chaque direction qui n'ont jamais participé, "
        "pour des invitations ciblées. Le seul fichier qui porte des noms : à ne pas diffuser.",
        "Members with their roles and groups, and each direction's managers who never took part, for "
        "targeted invitations. The only file with names: do not circulate it.",
    ),
    "upload.read_model": (
        "Modèle de lecture : les chiffres des pages, calculés d'avance…",
        "Read model: the pages' figures, computed ahead…",
    ),
}
