"""Personal data: forgetting a person, their subject access, and the retention of leavers.

``data/gdpr/`` (beside the published database, git-ignored) holds ``secret.key`` (random,
mode 600), ``forgotten.txt`` (one HMAC-SHA256 of a forgotten matricule per line: never the
matricule), ``log.jsonl`` (who forgot someone and when, not whom) and ``settings.json``
(``retention_years``, default 5).

Every load calls ``drop_at_load`` on its raw tables before validation: the rows of forgotten
people are dropped, so they reach neither the published data nor the rejects; staff who left more
than ``retention_years`` ago are anonymised (matricule replaced by a token of that load, names and
e-mail emptied), so the contract's figures at past dates stay exact while no one is identifiable.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import os
import secrets
import shutil
from pathlib import Path

import duckdb

from etl.db import published_path

# table -> columns holding a matricule: a row whose person_id is the person is theirs (dropped);
# an action's owner is blanked (the action stays)
PERSON_ROWS = {"staff": "person_id", "members": "person_id", "attendance": "person_id",
               "contributions": "person_id"}  # fmt: skip
OWNER = ("actions", "owner")
NAME_COLUMNS = ("first_name", "last_name", "email")
RETENTION_YEARS = 5


def gdpr_dir(db: str | os.PathLike | None = None) -> Path:
    return published_path(db).parent / "gdpr"


def _secret(db) -> bytes:
    path = gdpr_dir(db) / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


def keyed_hash(person_id: str, db=None) -> str:
    return hmac.new(_secret(db), person_id.strip().encode(), hashlib.sha256).hexdigest()


def forgotten(db=None) -> set[str]:
    path = gdpr_dir(db) / "forgotten.txt"
    return set(path.read_text().split()) if path.exists() else set()


def retention_years(db=None) -> int | None:
    """Years kept after leave_date (None: no purge). $CADRAN_RETENTION_YEARS ("off" or a number)
    overrides the setting: the bundled demo, dated 2015, is loaded with it off."""
    env = os.environ.get("CADRAN_RETENTION_YEARS")
    if env:
        return None if env.lower() in ("off", "0", "non") else int(env)
    path = gdpr_dir(db) / "settings.json"
    if path.exists():
        return int(json.loads(path.read_text()).get("retention_years", RETENTION_YEARS))
    return RETENTION_YEARS


def set_retention_years(years: int, db=None) -> None:
    path = gdpr_dir(db) / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"retention_years": int(years)}))


# --- at each load


def drop_at_load(con: duckdb.DuckDBPyConnection, target: Path, today: dt.date | None = None) -> list:
    """Drop from the raw tables the forgotten people and the leavers past retention; the notes
    (counts only) for the load report."""
    from etl.validate import MACROS

    con.execute(MACROS)
    hashes = forgotten(target)
    ids: set[str] = set()
    for table, column in [*PERSON_ROWS.items(), OWNER]:
        ids |= {
            r[0]
            for r in con.execute(
                f'SELECT DISTINCT trim("{column}") FROM raw_{table} WHERE "{column}" IS NOT NULL'
            ).fetchall()
        }  # noqa: E501
    gone = {i for i in ids if hashes and keyed_hash(i, target) in hashes}
    years = retention_years(target)
    leavers: set[str] = set()
    if years is not None:
        today = today or dt.date.today()
        day = 28 if (today.month, today.day) == (2, 29) else today.day
        cutoff = today.replace(year=today.year - years, day=day)
        leavers = {r[0] for r in con.execute(
            "SELECT trim(person_id) FROM raw_staff WHERE CAST(cadran_ts(leave_date) AS DATE) < ?", [cutoff]
        ).fetchall()}  # fmt: skip
    anonymised = _anonymise(con, leavers - gone)
    drop = gone
    notes = []
    if anonymised:
        notes.append(("RGPD", f"durée de conservation ({years} ans après la sortie) : "
                              f"{anonymised} agent(s) anonymisé(s)"))  # fmt: skip
    if not drop:
        return notes
    names = _names_in_raw(con, drop)
    con.execute("CREATE OR REPLACE TEMP TABLE _drop AS SELECT unnest(?::VARCHAR[]) AS id", [sorted(drop)])
    for table, column in PERSON_ROWS.items():
        con.execute(f'DELETE FROM raw_{table} WHERE trim("{column}") IN (SELECT id FROM _drop)')
    _blank_owner(con, "_drop", names)
    con.execute("DROP TABLE _drop")
    if gone:
        notes.append(("RGPD", f"droit à l'effacement : {len(gone)} personne(s) retirée(s) du chargement"))
    return notes


def _blank_owner(con: duckdb.DuckDBPyConnection, ids_table: str, names: set[str]) -> None:
    """An action owned by these people (matricules in ``ids_table``.id, or their names) loses its owner."""
    table, column = OWNER
    con.execute(
        f'UPDATE raw_{table} SET "{column}" = NULL WHERE trim("{column}") IN (SELECT id FROM {ids_table})'
    )
    if names:
        con.execute(f'UPDATE raw_{table} SET "{column}" = NULL WHERE lower(trim("{column}")) IN '
                    "(SELECT lower(unnest(?::VARCHAR[])))", [sorted(names)])  # fmt: skip


def _anonymise(con: duckdb.DuckDBPyConnection, ids: set[str]) -> int:
    """Leavers past retention lose what identifies them, not their place in the figures: their
    matricule becomes a token drawn for this load only (the same in every table, so the contract's
    figures at any date stay exact; nothing links it back once the load ends), their names and
    e-mail are emptied, and an action they own loses its owner. Returns how many."""
    if not ids:
        return 0
    names = _names_in_raw(con, ids)
    salt = secrets.token_hex(16)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _anon AS SELECT id, 'anonyme-' || substr(sha256(? || id), 1, 12) AS token "
        "FROM (SELECT unnest(?::VARCHAR[]) AS id)",
        [salt, sorted(ids)],
    )
    for table, column in PERSON_ROWS.items():
        con.execute(
            f'UPDATE raw_{table} SET "{column}" = a.token FROM _anon a WHERE trim(raw_{table}."{column}") = a.id'
        )
    cols = {r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE raw_staff)").fetchall()}
    blank = ", ".join(f'"{c}" = NULL' for c in NAME_COLUMNS if c in cols)
    if blank:
        con.execute(f"UPDATE raw_staff SET {blank} WHERE person_id IN (SELECT token FROM _anon)")
    _blank_owner(con, "_anon", names)
    con.execute("DROP TABLE _anon")
    return len(ids)


def _names_in_raw(con, ids: set[str]) -> set[str]:
    """Full names ("Prénom Nom", "Nom Prénom") and e-mails of these matricules in raw_staff."""
    cols = {r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE raw_staff)").fetchall()}
    if not {"first_name", "last_name"} <= cols:
        return set()
    email = "email" if "email" in cols else "NULL"
    rows = con.execute(
        f"SELECT first_name, last_name, {email} FROM raw_staff WHERE trim(person_id) IN "
        "(SELECT unnest(?::VARCHAR[]))",
        [sorted(ids)],
    ).fetchall()
    return _name_forms(rows)


def _name_forms(rows) -> set[str]:
    names = set()
    for first, last, email in rows:
        if first and last:
            names |= {f"{first.strip()} {last.strip()}", f"{last.strip()} {first.strip()}"}
        if email:
            names.add(email.strip())
    return names


# --- forget


def forget(person_id: str, db=None, by: str = "cli") -> dict:
    """Remove ``person_id`` from the published data, every kept version (database and source
    files) and the rejects; remember its keyed hash so later loads drop it; log the act."""
    from etl import versions
    from etl.load import _exclusive

    person_id = person_id.strip()
    target = published_path(db)
    folder = gdpr_dir(target)
    folder.mkdir(parents=True, exist_ok=True)
    hashed = keyed_hash(person_id, target)
    if hashed not in forgotten(target):
        with open(folder / "forgotten.txt", "a") as out:
            out.write(hashed + "\n")
    dbs = [p for p in [target, *(versions.versions_dir(target).glob("v*/cadran.duckdb"))] if p.exists()]
    names = set()
    for path in dbs:
        names |= _names_in_db(path, person_id)
    with _exclusive(target):
        if target.exists():
            tmp = target.with_name(f".cadran-load-{target.name}-{os.getpid()}-forget.tmp")
            shutil.copy2(target, tmp)
            try:
                _clean_db(tmp, person_id, names)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
        for path in dbs[1:]:
            _clean_db(path, person_id, names)
        files = [p for p in versions.versions_dir(target).glob("v*/source/*") if p.is_file()]
        for path in files:
            _clean_file(path, person_id, names)
    entry = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "by": by, "act": "forget",
             "databases": len(dbs), "files": len(files)}  # fmt: skip
    with open(folder / "log.jsonl", "a") as out:
        out.write(json.dumps(entry) + "\n")
    return entry


def _names_in_db(path: Path, person_id: str) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        try:
            rows = con.execute(
                "SELECT first_name, last_name, email FROM stg_staff WHERE person_id = ?", [person_id]
            ).fetchall()
        except duckdb.Error:
            return set()
    return _name_forms(rows)


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # how a value appears in a reject's raw JSON


def _clean_db(path: Path, person_id: str, names: set[str]) -> None:
    con = duckdb.connect(str(path))
    try:
        for table, column in PERSON_ROWS.items():
            con.execute(f'DELETE FROM stg_{table} WHERE "{column}" = ?', [person_id])
        table, column = OWNER
        con.execute(f'UPDATE stg_{table} SET "{column}" = NULL WHERE "{column}" = ? OR "{column}" IN '
                    "(SELECT unnest(?::VARCHAR[]))", [person_id, sorted(names)])  # fmt: skip
        for value in [person_id, *sorted(names)]:
            con.execute("DELETE FROM load_rejects WHERE contains(raw, ?)", [_quoted(value)])
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _clean_file(path: Path, person_id: str, names: set[str]) -> None:
    """A kept source file without the person: their rows dropped, an owner or a name blanked."""
    ext = path.suffix.lower()
    if ext in (".csv", ".txt"):
        from etl.read import decode, sniff_delimiter

        text, _ = decode(path)
        lines = text.splitlines()
        delimiter = sniff_delimiter(next((line for line in lines if line.strip()), ","))
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        kept = _clean_rows(rows, person_id, names)
        if kept is not None:
            out = io.StringIO()
            csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(kept)
            path.write_text(out.getvalue(), encoding="utf-8-sig")  # the loader reads UTF-8 with a BOM as is
    elif ext in (".xlsx", ".xlsm"):
        import openpyxl

        book = openpyxl.load_workbook(path)
        changed = False
        for sheet in book.worksheets:
            rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
            kept = _clean_rows(rows, person_id, names)
            if kept is None:
                continue
            changed = True
            sheet.delete_rows(1, sheet.max_row)
            for row in kept:
                sheet.append([None if v == "" else v for v in row])
        if changed:
            book.save(path)


def _clean_rows(rows: list[list[str]], person_id: str, names: set[str]) -> list[list[str]] | None:
    """The rows without the person (None when nothing changes). A row is the person's when the
    matricule is in a column headed like a person's matricule; elsewhere the cell is blanked."""
    from etl.normalize import key

    person_headers = {key("person_id"), key("Matricule")}
    lowered = {n.casefold() for n in names}
    header: list[str] | None = None
    out, changed = [], False
    for row in rows:
        cells = [c.strip() for c in row]
        if header is None and any(key(c) in person_headers or key(c) == key("owner") for c in cells if c):
            header = [key(c) for c in cells]
        hit = [i for i, c in enumerate(cells) if c == person_id or (c and c.casefold() in lowered)]
        if not hit:
            out.append(row)
            continue
        changed = True
        if header and any(
            i < len(header) and header[i] in person_headers and cells[i] == person_id for i in hit
        ):
            continue  # the person's own row
        out.append(["" if i in hit else v for i, v in enumerate(row)])
    return out if changed else None


# --- subject access


def subject_access(person_id: str, out: str | os.PathLike, db=None) -> dict[str, int]:
    """Everything the published database holds about ``person_id``, one sheet per table (and the
    rejected rows naming them), in ``out`` (xlsx). Rows per sheet."""
    import xlsxwriter

    from etl.export import safe_text

    person_id = person_id.strip()
    target = published_path(db)
    counts: dict[str, int] = {}
    names = _names_in_db(target, person_id) if target.exists() else set()
    book = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False})
    try:
        with duckdb.connect(str(target), read_only=True) as con:
            frames = {t: con.execute(f'SELECT * EXCLUDE (_file, _ord) FROM stg_{t} WHERE "{c}" = ?', [person_id]).df()
                      for t, c in PERSON_ROWS.items()}  # fmt: skip
            table, column = OWNER
            frames[table] = con.execute(
                f'SELECT * EXCLUDE (_file, _ord) FROM stg_{table} WHERE "{column}" = ? OR "{column}" IN '
                "(SELECT unnest(?::VARCHAR[]))",
                [person_id, sorted(names)],
            ).df()
            values = [_quoted(v) for v in [person_id, *sorted(names)]]
            where = " OR ".join("contains(raw, ?)" for _ in values)
            frames["load_rejects"] = con.execute(
                f"SELECT * EXCLUDE (_ord) FROM load_rejects WHERE {where}", values
            ).df()
        frames["kept_versions"] = _in_versions(target, person_id)
        for name, frame in frames.items():
            sheet = book.add_worksheet(name[:31])
            for j, header in enumerate(frame.columns):
                sheet.write_string(0, j, str(header))
            for i, row in enumerate(frame.itertuples(index=False), 1):
                for j, value in enumerate(row):
                    sheet.write_string(i, j, "" if value is None or value != value else safe_text(str(value)))
            counts[name] = len(frame)
    finally:
        book.close()
    return counts


def _in_versions(target: Path, person_id: str):
    """Per kept version and table, the rows of the person it holds (the data is the published
    one's sheets, as it was at that version)."""
    import pandas as pd

    from etl import versions

    rows = []
    for path in sorted(versions.versions_dir(target).glob("v*/cadran.duckdb")):
        with duckdb.connect(str(path), read_only=True) as con:
            for table, column in [*PERSON_ROWS.items(), OWNER]:
                n = con.execute(
                    f'SELECT count(*) FROM stg_{table} WHERE "{column}" = ?', [person_id]
                ).fetchone()[0]
                if n:
                    rows.append({"version": path.parent.name.removeprefix("v"), "table": table, "rows": n})
    return pd.DataFrame(rows, columns=["version", "table", "rows"])


# --- python -m etl forget | subject-access


def register(sub) -> None:
    f = sub.add_parser(
        "forget", help="erase a person (matricule) from the data, the kept versions and the rejects"
    )
    f.add_argument("person_id", metavar="PERSON_ID")
    f.add_argument("--db", help="published database (default: the dashboard's)")
    f.add_argument("--by", default=os.environ.get("USER", "cli"), help="who asks (logged; the person is not)")
    f.set_defaults(run=_forget)
    s = sub.add_parser("subject-access", help="export everything held about a person, one sheet per table")
    s.add_argument("person_id", metavar="PERSON_ID")
    s.add_argument("--db", help="published database (default: the dashboard's)")
    s.add_argument("--out", required=True, metavar="FILE.xlsx")
    s.set_defaults(run=_subject_access)


def _forget(args) -> int:
    entry = forget(args.person_id, args.db, args.by)
    print(f"Effacé : {entry['databases']} base(s), {entry['files']} fichier(s) source vérifiés ; "
          "les prochains chargements retireront aussi cette personne.")  # fmt: skip
    return 0


def _subject_access(args) -> int:
    counts = subject_access(args.person_id, args.out, args.db)
    print(f"Écrit : {args.out} (" + ", ".join(f"{t} {n}" for t, n in counts.items()) + ")")
    return 0


def scrub_forgotten(folder: Path, target: Path) -> None:
    """Kept source files (a version being kept) without the forgotten people: their matricules are
    found by keyed hash among the cells, their names in the staff rows, then ``_clean_file``."""
    hashes = forgotten(target)
    if not hashes:
        return
    from etl.normalize import key

    tables = {path: _rows_of(path) for path in sorted(folder.iterdir()) if path.is_file()}
    cells = {c.strip() for sheets in tables.values() for rows in sheets for row in rows for c in row if c}
    ids = {c for c in cells if keyed_hash(c, target) in hashes}
    if not ids:
        return
    person, first, last, mail = ({key(h) for h in hs} for hs in (("person_id", "Matricule"),
        ("first_name", "Prénom"), ("last_name", "Nom"), ("email", "Courriel")))  # fmt: skip
    names: set[str] = set()
    for sheets in tables.values():
        for rows in sheets:
            header = None
            for row in rows:
                keys = [key(c) for c in row]
                if header is None and any(k in person for k in keys):
                    header = keys
                    continue
                if header is None:
                    continue
                at = {h: row[i].strip() for i, h in enumerate(header) if i < len(row)}
                if any(at.get(h) in ids for h in person):
                    f = next((at[h] for h in first if at.get(h)), None)
                    la = next((at[h] for h in last if at.get(h)), None)
                    e = next((at[h] for h in mail if at.get(h)), None)
                    names |= _name_forms([(f, la, e)])
    for path in tables:
        for person_id in sorted(ids):
            _clean_file(path, person_id, names)


def _rows_of(path: Path) -> list[list[list[str]]]:
    """A file's rows as text, one list per sheet (one for a delimited file)."""
    ext = path.suffix.lower()
    if ext in (".csv", ".txt"):
        from etl.read import decode, sniff_delimiter

        text, _ = decode(path)
        first = next((line for line in text.splitlines() if line.strip()), ",")
        return [list(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(first)))]
    if ext in (".xlsx", ".xlsm"):
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        return [[["" if c is None else str(c) for c in row] for row in book.get_sheet_by_name(n).to_python()]
                for n in book.sheet_names]  # fmt: skip
    return []
