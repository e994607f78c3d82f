"""Why a row was rejected, a load failed or a file was ignored: the words of etl.intake's codes.

etl.intake stores and raises codes with their values; etl.intake.reasons fills a wording's {arg}, {value},
{file}, {line} (in Python and in SQL), etl.text.reject_words picks the wording here. The French one is also
the command line's, the stored reason's and the rejects CSV's.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # why a row was rejected: {arg} the rule's parameter, {value} the text read, {file} and {line} another row
    "reason.required": ("valeur obligatoire manquante ({arg})", "required value missing ({arg})"),
    "reason.bad_date": (
        "date illisible (formats acceptés : 2015-03-31, 31/03/2015) : « {value} »",
        "unreadable date (accepted formats: 2015-03-31, 31/03/2015): “{value}”",
    ),
    "reason.bad_datetime": (
        "date illisible (formats acceptés : 2015-03-31, 31/03/2015, heure facultative) : « {value} »",
        "unreadable date (accepted formats: 2015-03-31, 31/03/2015, time optional): “{value}”",
    ),
    "reason.no_such_date": (
        "date inexistante : le format est bon, mais ce jour n'existe pas au calendrier : « {value} »",
        "this date does not exist: the format is right, but there is no such day: “{value}”",
    ),
    "reason.date_range": (
        "date hors des bornes (du 01/01/1900 au 31/12/2100 ; 31/12/9999 vaut « sans fin » dans une date "
        "de fin) : « {value} »",
        "date out of bounds (1900-01-01 to 2100-12-31; 31/12/9999 means “no end” in an end date): “{value}”",
    ),
    "reason.bad_number": ("nombre illisible : « {value} »", "unreadable number: “{value}”"),
    "reason.not_finite": (
        "nombre attendu, pas NaN ni l'infini : « {value} »",
        "a number is expected, not NaN or infinity: “{value}”",
    ),
    "reason.bad_integer": ("nombre entier attendu : « {value} »", "whole number expected: “{value}”"),
    "reason.bad_bool": (
        "oui/non attendu (oui, non, vrai, faux, 1, 0, x) : « {value} »",
        "yes/no expected (oui, non, vrai, faux, 1, 0, x): “{value}”",
    ),
    "reason.bad_enum": (
        "valeur inconnue (attendu : {arg}) : « {value} »",
        "unknown value (expected, French label or code: {arg}): “{value}”",
    ),
    "reason.min_strict": (
        "doit être supérieur à {arg} : « {value} »",
        "must be greater than {arg}: “{value}”",
    ),
    "reason.min": ("doit être supérieur ou égal à {arg} : « {value} »", "must be at least {arg}: “{value}”"),
    "reason.max": ("doit être au plus {arg} : « {value} »", "must be at most {arg}: “{value}”"),
    "reason.not_after": ("doit être postérieure à {arg}", "must be later than {arg}"),
    "reason.unknown_ref": ("inconnu dans {arg} : « {value} »", "not found in {arg}: “{value}”"),
    "reason.ref_rejected": (
        "{value} : sa ligne dans {file} (ligne {line}) a été rejetée",
        "{value}: its row in {file} (line {line}) was rejected",
    ),
    "reason.unknown_in_survey": (
        "inconnu dans {arg} pour cette enquête : « {value} »",
        "not found in {arg} for this survey: “{value}”",
    ),
    "reason.amount_needed": ("il faut un montant prévu ou dépensé", "a planned or a spent amount is needed"),
    "reason.respondent_is_matricule": (
        "un code répondant ne doit jamais être un matricule",
        "a respondent code must never be a staff number",
    ),
    "reason.answer_likert5": (
        "réponse attendue : entier de 1 à 5 : « {value} »",
        "answer expected: a whole number from 1 to 5: “{value}”",
    ),
    "reason.answer_nps": (
        "réponse attendue : entier de 0 à 10 : « {value} »",
        "answer expected: a whole number from 0 to 10: “{value}”",
    ),
    "reason.answer_yes_no": (
        "réponse attendue : oui ou non : « {value} »",
        "answer expected: yes or no: “{value}”",
    ),
    "reason.extra_values": ("plus de valeurs que de colonnes : {value}", "more values than columns: {value}"),
    "reason.duplicate": (
        "doublon : même clé que la ligne {line} (gardée)",
        "duplicate: same key as line {line} (kept)",
    ),
    "reason.too_long": (
        "valeur de plus de 128 Ko : un guillemet mal placé, ou un texte à raccourcir",
        "value over 128 KB: a misplaced quote, or a text to shorten",
    ),
    "reason.unclosed_quote": (
        "ligne illisible : guillemet ouvert jamais fermé (la ligne suivante est lue à part)",
        "unreadable line: a quote opened and never closed (the next line is read on its own)",
    ),
    "reason.bad_encoding": (
        "ligne illisible : octets d'un autre encodage que le reste du fichier (ré-exportez en UTF-8)",
        "unreadable line: bytes of another encoding than the rest of the file (export again in UTF-8)",
    ),
    "reason.nul_byte": (
        "ligne illisible : caractère nul (octet 0), le fichier est abîmé ; ré-exportez-le",
        "unreadable line: a NUL character (byte 0), the file is damaged; export it again",
    ),
    # a group of rows (the Data page's counts): without its value, nor the line that differs from row to row
    "reason_group.duplicate": (
        "doublon : même clé qu'une ligne précédente (la première est gardée)",
        "duplicate: same key as an earlier line (the first is kept)",
    ),
    "reason_group.ref_rejected": (
        "sa ligne dans {arg} a été rejetée (corrigez d'abord cette ligne)",
        "its row in {arg} was rejected (fix that row first)",
    ),
    # why a load failed (LoadError.code, its params filled in)
    "loaderror.two_sources": (
        "Deux sources pour la table « {table} » : {first} et {second}. Gardez-en une seule (rien n'est "
        "deviné).",
        "Two sources for the table “{table}”: {first} and {second}. Keep only one (nothing is guessed).",
    ),
    "loaderror.folder_missing": (
        "{folder} : dossier source introuvable. Donnez le dossier qui contient staff.csv ou staff.xlsx.",
        "{folder}: source folder not found. Give the folder that holds staff.csv or staff.xlsx.",
    ),
    "loaderror.staff_missing": (
        "{folder} : la table obligatoire « staff » (agents) est absente. Ajoutez staff.csv, staff.xlsx ou "
        "une feuille nommée staff dans un classeur.",
        "{folder}: the required table “staff” is missing. Add staff.csv, staff.xlsx or a sheet named "
        "staff in a workbook.",
    ),
    "loaderror.staff_missing_named": (
        "{folder} : la table obligatoire « staff » (agents) est absente. Fichiers non lus, faute d'un nom "
        "de table : {files}. Nommez le fichier des agents staff.csv ou staff.xlsx (ou sa feuille staff), "
        "et chaque autre fichier d'après sa table.",
        "{folder}: the required table “staff” is missing. Files not read, for want of a table's name: "
        "{files}. Name the staff file staff.csv or staff.xlsx (or its sheet staff), and each other file "
        "after its table.",
    ),
    "loaderror.unsupported_format": (
        "{file} : le format {ext} n'est pas lu. Enregistrez-le en .xlsx ou en .csv.",
        "{file}: the {ext} format is not read. Save it as .xlsx or .csv.",
    ),
    "loaderror.workbook_unreadable": (
        "{file} : classeur Excel illisible ({detail}). Ré-enregistrez-le en .xlsx.",
        "{file}: unreadable Excel workbook ({detail}). Save it again as .xlsx.",
    ),
    "loaderror.workbook_too_big": (
        "{file} : classeur refusé avant lecture ({size_mb} Mo une fois décompressé ; au plus {max_mb} "
        "Mo). Ce n'est pas un export ordinaire : exportez la table en CSV.",
        "{file}: workbook refused before reading ({size_mb} MB once unzipped; at most {max_mb} MB). This "
        "is no ordinary export: export the table as CSV.",
    ),
    "loaderror.workbook_ratio": (
        "{file} : classeur refusé avant lecture ({member} compressé {ratio} fois ; au plus {max_ratio}). "
        "Ce n'est pas un export ordinaire : exportez la table en CSV.",
        "{file}: workbook refused before reading ({member} compressed {ratio} times; at most "
        "{max_ratio}). This is no ordinary export: export the table as CSV.",
    ),
    "loaderror.column_twice": (
        "{file} : les colonnes « {first} » et « {second} » désignent toutes deux {column}.",
        "{file}: the columns “{first}” and “{second}” both stand for {column}.",
    ),
    "loaderror.column_missing": (
        "{file} : colonne obligatoire absente : {wanted}. Colonnes trouvées : {seen}. Ajoutez-la ou "
        "renommez l'en-tête (nom anglais ou français).",
        "{file}: required column missing: {wanted}. Columns found: {seen}. Add it or rename the header "
        "(English or French name).",
    ),
    "loaderror.binary": (
        "{file} : fichier binaire, pas un texte délimité. Enregistrez-le en CSV (UTF-8) ou en .xlsx.",
        "{file}: a binary file, not delimited text. Save it as CSV (UTF-8) or .xlsx.",
    ),
    "loaderror.file_empty": (
        "{file} : fichier vide. Exportez à nouveau la table avec sa ligne d'en-tête.",
        "{file}: empty file. Export the table again with its header row.",
    ),
    "loaderror.file_unreadable": (
        "{file} : fichier illisible ({detail}). Vérifiez ses droits.",
        "{file}: unreadable file ({detail}). Check its permissions.",
    ),
    "loaderror.file_not_regular": (
        "{file} : fichier illisible (ce n'est pas un fichier ordinaire : tube, périphérique, socket).",
        "{file}: unreadable file (not a regular file: pipe, device, socket).",
    ),
    "loaderror.no_header": (
        "{file} : aucune ligne d'en-tête. Exportez la table avec ses en-têtes.",
        "{file}: no header row. Export the table with its headers.",
    ),
    "loaderror.sheet_unreadable": (
        "{file} : feuille illisible ({detail}). Ré-enregistrez le classeur en .xlsx.",
        "{file}: unreadable sheet ({detail}). Save the workbook again as .xlsx.",
    ),
    "loaderror.sheet_empty": (
        "{file} : feuille vide. Ajoutez la ligne d'en-tête et les données.",
        "{file}: empty sheet. Add the header row and the data.",
    ),
    "loaderror.staff_rejected": (
        "{file} : aucun agent chargé ({rows_rejected}). Rien n'a été publié : les pages "
        "seraient vides. Corrigez le fichier des agents (voir les motifs avec --rejects) et relancez.",
        "{file}: no staff row loaded ({rows_rejected}). Nothing was published: every page "
        "would be empty. Fix the staff file (the reasons are listed with --rejects) and load again.",
    ),
    "loaderror.not_a_database": (
        "{file} : ce fichier n'est pas une base Cadran (DuckDB) ; donnez un autre chemin à --db.",
        "{file}: this file is not a Cadran (DuckDB) database; give another path to --db.",
    ),
    "loaderror.staff_no_row": (
        "{file} : aucun agent chargé (aucune ligne sous l'en-tête). Rien n'a été publié : les pages "
        "seraient vides. Ajoutez les agents sous l'en-tête et relancez.",
        "{file}: no staff row loaded (no row under the header). Nothing was published: every page would "
        "be empty. Add the staff under the header and load again.",
    ),
    "loaderror.person_blank": (
        "Matricule vide : donnez le matricule de la personne (rien n'a été modifié).",
        "Empty matricule: give the person's matricule (nothing was changed).",
    ),
    "loaderror.changed_since_check": (
        "Les données publiées ont changé depuis la vérification (un autre chargement, un effacement, la "
        "durée de conservation). Rien n'a été publié : vérifiez à nouveau.",
        "The published data changed since the check (another load, an erasure, the retention period). "
        "Nothing was published: check again.",
    ),
    # why a file or a sheet was ignored (a load note)
    "note.hidden": ("ignoré : fichier caché ou verrou Excel", "ignored: hidden file or Excel lock"),
    "note.not_a_table_name": ("ignoré : ce n'est pas le nom d'une table", "ignored: not the name of a table"),
    "note.not_a_table": (
        "ignoré : ce n'est pas une table (formats lus : .csv, .txt, .xlsx)",
        "ignored: not a table (formats read: .csv, .txt, .xlsx)",
    ),
    "note.sheet_not_a_table": (
        "feuille ignorée : ce n'est pas le nom d'une table",
        "sheet ignored: not the name of a table",
    ),
    "note.link_outside": (
        "ignoré : lien qui mène hors du dossier source",
        "ignored: a link that leads outside the source folder",
    ),
    "note.link_dangling": ("ignoré : lien vers un fichier absent", "ignored: a link to a missing file"),
    "note.link_unreadable": (
        "ignoré : lien ou fichier inaccessible",
        "ignored: a link or file that cannot be reached",
    ),
    "note.subfolder": (
        "ignoré : sous-dossier (seuls les fichiers du dossier lui-même sont lus)",
        "ignored: a subfolder (only the folder's own files are read)",
    ),
    "note.not_regular": (
        "ignoré : ce n'est pas un fichier ordinaire (tube, périphérique, socket)",
        "ignored: not a regular file (pipe, device, socket)",
    ),
    # what a load did besides (file « RGPD » or « versions »): counts worded with their plural
    "note.retention": (
        "durée de conservation ({years} après la sortie) : {staff_anonymised}",
        "retention period ({years} after leaving): {staff_anonymised}",
    ),
    "note.erasure": (
        "droit à l'effacement : {people_removed} du chargement",
        "right to erasure: {people_removed} from the load",
    ),
    "note.version_not_kept": ("version non conservée : {error}", "version not kept: {error}"),
    "note.versions_not_updated": (
        "versions conservées non mises à jour : {error}",
        "kept versions not updated: {error}",
    ),
    # where a load writes (the database, the rejects file): {what} is worded by loaderror.what.<code>
    "loaderror.seen.none": ("aucune", "none"),  # column_missing: a header row of blank cells
    "loaderror.what.database": ("la base", "the database"),
    "loaderror.what.rejects_file": ("le fichier des rejets", "the rejects file"),
    "loaderror.path_blocked": (
        "{path} : {blocking} est un fichier, pas un dossier ; {what} ne peut pas y être écrite.",
        "{path}: {blocking} is a file, not a folder; {what} cannot be written there.",
    ),
    "loaderror.target_folder_missing": (
        "{path} : le dossier {folder} n'existe pas. Créez-le ou donnez un autre chemin.",
        "{path}: the folder {folder} does not exist. Create it or give another path.",
    ),
    "loaderror.folder_uncreatable": (
        "{path} : impossible de créer le dossier de {what} ({detail}).",
        "{path}: the folder for {what} cannot be created ({detail}).",
    ),
    "loaderror.path_is_folder": (
        "{path} : c'est un dossier ; donnez un nom de fichier pour {what}.",
        "{path}: this is a folder; give a file name for {what}.",
    ),
    "loaderror.folder_read_only": (
        "{path} : le dossier {folder} est en lecture seule ; {what} ne peut pas y être écrite.",
        "{path}: the folder {folder} is read-only; {what} cannot be written there.",
    ),
    "loaderror.write_failed": (
        "{where} : écriture impossible ({detail}). Rien n'a été publié.",
        "{where}: cannot write ({detail}). Nothing was published.",
    ),
    "loaderror.check_mismatch": (
        "contrôle avant publication : stg_{table} a {got} lignes au lieu de {expected}",
        "check before publishing: stg_{table} has {got} rows instead of {expected}",
    ),
    # a version asked for that is not kept (restore, python -m etl rollback)
    "loaderror.version_not_kept": (
        "la version n° {version} n'est pas conservée (versions conservées : {kept})",
        "version no. {version} is not kept (kept versions: {kept})",
    ),
    "loaderror.no_version_kept": (
        "la version n° {version} n'est pas conservée (versions conservées : aucune)",
        "version no. {version} is not kept (kept versions: none)",
    ),
}
