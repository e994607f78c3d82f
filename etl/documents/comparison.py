"""Networks side by side: several cities' open-data packages (etl.documents.opendata) read back and
compared on the figures a network's managers ask first.

    python -m etl compare PKG_OR_ZIP ... [--json] [--out FILE.xlsx]

A package is a folder holding ``datapackage.json``, that file itself, or a ``.zip`` of the folder.
It is refused, naming the resource and the field, when its schema differs from the one this Cadran
writes (a field missing, renamed or of another type): two packages compare only when each figure
means the same. A network's figures are its headline row « Ensemble du réseau » at its date of
situation: the very figures its own Cadran prints with ``python -m etl kpis --json`` at that date,
under the same names (a count of 1 to 4 people stays hidden, as the package publishes it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.documents.excel import INDICATOR_KINDS, Book
from etl.documents.opendata import DECIMAL, DELIMITER, RESOURCES, Field, Resource, network_name
from etl.documents.opendata_rows import WHOLE
from etl.model import survey_results
from etl.model.kpis import NAMES, headline
from etl.store import storage
from etl.store.db import ROOT
from etl.text.i18n import code_label, t

# the resources a comparison reads, and what it draws from them
HEADLINE = "indicateurs-par-mois"
SURVEYS = "enquetes-par-theme"
ALL_THEMES = "*"
# the figures set side by side, in reading order (names of kpis --json, then derived ones)
FIGURES = (
    "managers",
    "member_managers",
    "manager_participation_rate",
    "participants",
    "hours_invested",
    "hours_per_participant",
    "cross_direction_hours_share",
    "hours_share_top_10pct",
    "budget_spent_eur",
    "budget_per_participant",
    "survey_response_rate",
)


class PackageError(ValueError):
    """A package that cannot be compared: ``code`` and ``params`` say which file and what differs, the
    text layer words them (``compare.error.<code>``); the message is the French."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(self.words("fr"))

    def words(self, lang: str | None = None) -> str:
        """Why, in ``lang`` (the session's by default)."""
        return t(f"compare.error.{self.code}", lang, **self.params)


@dataclass
class Network:
    """One network as its package states it."""

    name: str
    as_of: dt.date
    source: str  # the package's file or folder name (never a server path)
    kpis: dict[str, float | int | None]
    favourable: dict[str, float | None] = field(default_factory=dict)  # theme -> share, latest survey
    survey: str | None = None  # the latest survey's title

    @property
    def budget_per_participant(self) -> float | None:
        spent, people = self.kpis.get("budget_spent_eur"), self.kpis.get("participants")
        return spent / people if spent is not None and people else None

    def figure(self, name: str):
        return self.budget_per_participant if name == "budget_per_participant" else self.kpis.get(name)

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "source": self.source,
            "kpis": self.kpis,
            "budget_per_participant": self.budget_per_participant,
            "survey": self.survey,
            "favourable_by_theme": self.favourable,
        }


# --- reading a package -------------------------------------------------------------------


class _Files:
    """The files of a package, from a folder or a zip: ``read(name) -> text``."""

    def __init__(self, path: Path):
        self.label = path.name
        if path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    self._texts = {
                        Path(info.filename).name: archive.read(info).decode("utf-8")
                        for info in archive.infolist()
                        if not info.is_dir() and info.file_size < 64 * 2**20
                    }
            except (zipfile.BadZipFile, UnicodeDecodeError) as exc:
                raise PackageError("bad_zip", file=self.label, detail=str(exc)) from exc
            self._folder = None
        else:
            self._texts = None
            self._folder = path.parent if path.name == "datapackage.json" else path
            self.label = self._folder.name

    def read(self, name: str) -> str:
        if self._texts is not None:
            if name not in self._texts:
                raise PackageError("missing_file", file=self.label, name=name)
            return self._texts[name]
        target = self._folder / name
        if not target.is_file():
            raise PackageError("missing_file", file=self.label, name=name)
        return target.read_text(encoding="utf-8")


def _check_schema(label: str, descriptor: dict, ours: Resource) -> None:
    """Refuse a resource whose fields differ from ours (name, order and type), naming the field."""
    found = next((r for r in descriptor.get("resources", []) if r.get("name") == ours.name), None)
    if found is None:
        raise PackageError("missing_resource", file=label, resource=ours.name)
    theirs = [(f.get("name"), f.get("type")) for f in found.get("schema", {}).get("fields", [])]
    for position, expected in enumerate(ours.fields):
        got = theirs[position] if position < len(theirs) else (None, None)
        if got != (expected.name, expected.type):
            raise PackageError(
                "field_differs" if any(got) else "field_missing",
                file=label,
                resource=ours.name,
                position=position + 1,
                field=expected.name,
                type=expected.type,
                got=got[0] or "",
                got_type=got[1] or "-",
            )
    if len(theirs) > len(ours.fields):
        extra = theirs[len(ours.fields)][0]
        raise PackageError("field_extra", file=label, resource=ours.name, field=extra)


def _value(text: str, spec: Field):
    if text == "":
        return None
    if spec.type in ("integer", "year"):
        return int(text)
    if spec.type == "number":
        return float(text.replace(DECIMAL, "."))
    if spec.type == "boolean":
        return text == "true"
    if spec.type == "date":
        return dt.date.fromisoformat(text)
    return text


def _rows(files: _Files, resource: Resource) -> list[dict]:
    reader = csv.reader(io.StringIO(files.read(f"{resource.name}.csv").lstrip("\ufeff")), delimiter=DELIMITER)
    header = next(reader, [])
    if header != [f.name for f in resource.fields]:
        raise PackageError("header_differs", file=files.label, resource=resource.name)
    return [
        {f.name: _value(text, f) for f, text in zip(resource.fields, record, strict=True)}
        for record in reader
        if record
    ]


def read_network(path: str | Path) -> Network:
    """One package read and checked against this Cadran's schema."""
    files = _Files(Path(path))
    try:
        descriptor = json.loads(files.read("datapackage.json"))
    except json.JSONDecodeError as exc:
        raise PackageError("bad_json", file=files.label, detail=exc.msg) from exc
    by_name = {r.name: r for r in RESOURCES}
    for name in (HEADLINE, SURVEYS):
        _check_schema(files.label, descriptor, by_name[name])
    meta = descriptor.get("cadran", {})
    headline = [r for r in _rows(files, by_name[HEADLINE]) if r["organisation"] == WHOLE]
    if not headline:
        raise PackageError("empty", file=files.label)
    as_of = dt.date.fromisoformat(meta["as_of"]) if meta.get("as_of") else max(r["date"] for r in headline)
    row = next((r for r in headline if r["date"] == as_of), None)
    if row is None:
        raise PackageError("no_row_at_date", file=files.label, as_of=as_of.isoformat())
    kpis = {k: v for k, v in row.items() if k not in ("date", "organisation", "masque")}
    network = Network(meta.get("network") or descriptor.get("title") or files.label, as_of, files.label, kpis)
    _latest_survey(network, _rows(files, by_name[SURVEYS]))
    return network


def _latest_survey(network: Network, rows: list[dict]) -> None:
    """The favourable share by theme of the latest survey opened by the network's date, whole network."""
    whole = [
        r for r in rows if r["organisation"] == WHOLE and r["opened_on"] and r["opened_on"] <= network.as_of
    ]
    if not whole:
        return
    latest = max(whole, key=lambda r: r["opened_on"])
    network.survey = latest["title"]
    network.favourable = {r["theme"]: r["favourable"] for r in whole if r["survey_id"] == latest["survey_id"]}


def read_networks(paths: list[str | Path]) -> list[Network]:
    return [read_network(p) for p in paths]


def this_network(con: duckdb.DuckDBPyConnection, as_of: dt.date, name: str | None = None) -> Network:
    """The published database's own network at D, read as its package would state it."""
    kpis = {k: v for k, v in headline(con, as_of).items() if k in NAMES}
    network = Network(name or network_name(con), as_of, "", kpis)
    survey_id = survey_results.latest_survey(con, as_of)
    if survey_id:
        listed = survey_results.survey_list(con, as_of)
        network.survey = listed.loc[listed["survey_id"] == survey_id, "title"].iloc[0]
        scores = survey_results.theme_scores(con, survey_id)
        network.favourable = {
            row.theme: None if row.suppressed else float(row.favourable) for row in scores.itertuples()
        }
    return network


# --- where packages are found -------------------------------------------------------------

SHIPPED = ROOT / "data" / "demo" / "networks"  # the demo's second network, generated and named as such
KEPT = ROOT / "data" / "networks"  # packages HR added (git-ignored): $CADRAN_NETWORKS overrides it


def kept_folder() -> Path:
    return Path(os.environ.get("CADRAN_NETWORKS") or KEPT)


def found_packages() -> list[Path]:
    """Every package under the kept folder and the shipped one: folders holding datapackage.json and
    .zip files, by name."""
    found = []
    for folder in (kept_folder(), SHIPPED):
        if folder.is_dir():
            for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
                if (path / "datapackage.json").is_file() or path.suffix.lower() == ".zip":
                    found.append(path)
    return found


def keep(name: str, content: bytes) -> Network:
    """An uploaded .zip package checked, then kept under the kept folder (private); its network."""
    folder = storage.private_dir(kept_folder())
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(name).stem).strip("-")[:60] or "reseau"
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / f"{stem}.zip"
        trial.write_bytes(content)
        network = read_network(trial)
    target = folder / f"{stem}.zip"
    target.write_bytes(content)
    os.chmod(target, 0o600)
    return network


# --- the workbook -------------------------------------------------------------------------

KINDS = {**INDICATOR_KINDS, "budget_per_participant": "eur"}


def kind_of(name: str) -> str:
    """How a figure is written on a page (etl.text.format.of_kind): a share, euros, hours, a count."""
    return "hours_each" if name == "hours_per_participant" else KINDS.get(name, "int")


def workbook(networks: list[Network], lang: str = "fr") -> bytes:
    """One sheet: a row per figure, a column per network (its date of situation under its name),
    then the favourable share of each theme of their latest surveys."""
    book = Book(lang)
    ws = book.wb.add_worksheet(t("compare.sheet", lang))
    book.string(ws, 0, 0, t("compare.title", lang), book.title)
    book.string(ws, 1, 0, t("compare.note", lang), book.caption)
    header = 3
    book.string(ws, header, 0, t("compare.figure", lang), book.header)
    book.string(ws, header + 1, 0, t("compare.as_of", lang), book.caption)
    for col, network in enumerate(networks, start=1):
        book.string(ws, header, col, network.name, book.header)
        book.cell(ws, header + 1, col, network.as_of, "day", lang)
    row = header + 2
    for name in FIGURES:
        book.string(ws, row, 0, t(name, lang))
        for col, network in enumerate(networks, start=1):
            book.cell(ws, row, col, network.figure(name), KINDS.get(name, "int"), lang)
        row += 1
    themes = sorted(
        {theme for n in networks for theme in n.favourable}, key=lambda th: (th != ALL_THEMES, th)
    )
    if themes:
        row += 1
        book.string(ws, row, 0, t("compare.survey", lang), book.header)
        for col, network in enumerate(networks, start=1):
            book.string(ws, row, col, network.survey or "", book.header)
        for theme in themes:
            row += 1
            book.string(ws, row, 0, code_label("survey_theme", theme, lang))
            for col, network in enumerate(networks, start=1):
                book.cell(ws, row, col, network.favourable.get(theme), "pct", lang)
    ws.set_column(0, 0, 34)
    ws.set_column(1, max(1, len(networks)), 26)
    ws.freeze_panes(header + 2, 1)
    return book.close()
