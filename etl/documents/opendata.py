"""The open-data package: aggregate figures as a Frictionless tabular data package.

    python -m etl opendata --out DIR [--as-of D] [--db PATH] [--licence etalab-2.0]

``write_package`` reads the same read model as the pages (etl.model.kpis.headline, etl.model.breakdowns,
etl.model.working_across, etl.model.survey_results) and writes ``datapackage.json`` and one CSV per resource (UTF-8,
``;``, decimal comma, as the page downloads, so that it opens in French Excel), each described by a
Table Schema that declares that dialect. Only aggregates: no
person, no identifier, no free text; every text value is escaped against formula injection.

Small groups: a count of people between 1 and 4 is hidden with the figures it carries, and so is a
second cell of the same column where the parts add up to a published total, so that a subtraction
gives nothing back; a hidden cell is an empty value and its row's ``masque`` is true. Directions of
fewer than 5 participants are gathered as in the Transversalité page; survey cells keep the
protection etl/model/survey_results.py gives them. The rows, and their protection, are
etl.documents.opendata_rows's; this module declares the resources and writes the package.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from etl.documents.opendata_rows import (
    ALL_DIRECTIONS,
    LEAST,
    OTHERS,
    WHOLE,
    headline_rows,
    hours_rows,
    network_rows,
    participation_rows,
    survey_rows,
    transversality_rows,
)
from etl.model import queries, working_across
from etl.model.kpis import NAMES, organisations
from etl.text import format as fmt
from etl.text.cells import safe_text
from etl.text.i18n import t

# The CSV convention of the page downloads, so that a file opens in French Excel by a double click:
# « ; » between values, a decimal comma, UTF-8 with its byte-order mark. Each resource declares it
# (dialect, decimalChar, encoding), so a Frictionless reader reads the same values.
DELIMITER, DECIMAL, ENCODING = ";", ",", "utf-8-sig"
LICENCES = {
    "etalab-2.0": {
        "name": "etalab-2.0",
        "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "title": "Licence Ouverte / Open Licence version 2.0",
    },
    "odc-odbl": {
        "name": "ODC-ODbL-1.0",
        "path": "https://opendatacommons.org/licenses/odbl/1-0/",
        "title": "Open Data Commons Open Database License 1.0",
    },
    "cc-by-4.0": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
}


@dataclass(frozen=True)
class Field:
    """A column of a resource and its Table Schema description (type: integer, number, string…)."""

    name: str
    type: str
    title: str
    description: str = ""

    def schema(self) -> dict:
        out = {"name": self.name, "type": self.type, "title": self.title}
        if self.type == "number":
            out["decimalChar"] = DECIMAL
        return out | ({"description": self.description} if self.description else {})


@dataclass(frozen=True)
class Resource:
    """One CSV of the package: its columns, its key and the read that builds its rows at D."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[duckdb.DuckDBPyConnection, dt.date], pd.DataFrame]

    def descriptor(self) -> dict:
        schema = {"fields": [f.schema() for f in self.fields], "missingValues": [""]}
        return {
            "name": self.name,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": ENCODING,
            "dialect": {"delimiter": DELIMITER},
            "schema": schema | {"primaryKey": list(self.primary_key)},
        }


# --- the resources ------------------------------------------------------------------------

MASQUE = Field(
    "masque",
    "boolean",
    "Masqué",
    "true quand une valeur de la ligne est masquée (moins de 5 personnes, ou une case qui permettrait "
    "de la retrouver par différence) : la case est alors vide.",
)
_INTEGERS = {
    "managers",
    "member_managers",
    "members",
    "sessions_held",
    "active_members_12m",
    "participants",
    "ideas_total",
    "ideas_retained",
    "actions_total",
    "actions_priority",
    "actions_done",
    "actions_late",
}


def _indicator(name: str) -> Field:
    kind = "integer" if name in _INTEGERS else "number"
    return Field(name, kind, t(name, "fr"), t(f"def.{name}", "fr"))


def _hours_fields(by: Field) -> tuple[Field, ...]:
    return (
        by,
        Field(
            "session_hours", "number", "Heures de rencontres", "Heures des présences aux rencontres tenues."
        ),
        Field("contribution_hours", "number", "Heures déclarées", "Temps déclaré hors rencontres."),
        Field("hours", "number", "Heures", "Heures de rencontres et heures déclarées."),
        Field(
            "participants", "integer", "Participants", "Personnes distinctes ayant des heures sur la ligne."
        ),
        MASQUE,
    )


def _budget_fields(by: Field) -> tuple[Field, ...]:
    return (
        by,
        Field("planned_eur", "number", "Prévu (€)", "Montant prévu, en euros."),
        Field(
            "spent_eur", "number", "Dépensé (€)", "Montant dépensé jusqu'à la date de situation, en euros."
        ),
        Field(
            "spent_to_date_eur",
            "number",
            "Dépensé depuis l'origine (€)",
            "Toutes dépenses datées au plus tard de la date de situation.",
        ),
        MASQUE,
    )


def _actions_fields(by: Field) -> tuple[Field, ...]:
    return (
        by,
        Field("actions", "integer", "Actions", "Actions du plan."),
        Field("done", "integer", "Terminées", "Actions terminées à la date de situation."),
        Field("late", "integer", "En retard", "Échéance dépassée, ni terminée ni abandonnée."),
        Field("mean_progress_pct", "number", "Avancement moyen (%)", "De 0 à 100."),
        MASQUE,
    )


ORGANISATION = Field("organisation", "string", "Collectivité", f"« {WHOLE} » : toutes collectivités.")
RESOURCES: tuple[Resource, ...] = (
    Resource(
        "indicateurs-par-mois",
        "Indicateurs clés par mois et par collectivité",
        "Les indicateurs de tête à la fin de chaque mois (et à la date de situation), pour l'ensemble du "
        "réseau et pour chaque collectivité ; rencontres, budget, idées, actions et enquête restent ceux "
        "de l'ensemble.",
        (Field("date", "date", "Date de situation"), ORGANISATION, *map(_indicator, NAMES), MASQUE),
        ("date", "organisation"),
        headline_rows,
    ),
    Resource(
        "participation-par-direction",
        "Participation des cadres par direction",
        "Agents en poste à la date de situation, membres du réseau et cadres, par direction de chaque collectivité.",
        (
            Field("organisation", "string", "Collectivité"),
            Field("direction", "string", "Direction"),
            Field("staff", "integer", "Agents en poste"),
            Field("members", "integer", "Membres du réseau", "Agents en poste membres du réseau."),
            Field("managers", "integer", "Cadres", "Agents en poste encadrants."),
            Field("member_managers", "integer", "Cadres membres"),
            Field(
                "manager_participation_rate",
                "number",
                "Participation des cadres",
                "Cadres membres / cadres (de 0 à 1).",
            ),
            MASQUE,
        ),
        ("organisation", "direction"),
        participation_rows,
    ),
    Resource(
        "heures-par-type",
        "Heures investies par type de rencontre",
        "Heures des rencontres tenues par type (séminaire, formation, atelier, réunion, autre) et temps déclaré (contribution).",
        _hours_fields(
            Field("kind", "string", "Type", "seminar, training, workshop, meeting, other ou contribution.")
        ),
        ("kind",),
        hours_rows("kind"),
    ),
    Resource(
        "heures-par-theme",
        "Heures investies par thème",
        "Heures des rencontres par thème de la rencontre, et temps déclaré par thème du groupe.",
        _hours_fields(Field("theme", "string", "Thème")),
        ("theme",),
        hours_rows("theme"),
    ),
    Resource(
        "travail-entre-directions",
        "Travail entre directions",
        "Heures de présence aux rencontres tenues par direction de la personne, dont celles passées avec "
        f"une autre direction ; les directions de moins de {working_across.LEAST} participants sont "
        f"regroupées dans « {OTHERS} ».",
        (
            Field("direction", "string", "Direction"),
            Field("participants", "integer", "Participants"),
            Field("hours", "number", "Heures"),
            Field("cross_hours", "number", "Heures avec d'autres directions"),
            Field("cross_hours_share", "number", "Part des heures avec d'autres directions", "De 0 à 1."),
            Field("groups_met", "integer", "Directions rencontrées"),
            Field("sessions", "integer", "Rencontres"),
            Field("cross_sessions", "integer", "Rencontres avec d'autres directions"),
            MASQUE,
        ),
        ("direction",),
        transversality_rows,
    ),
    Resource(
        "budget-par-annee",
        "Budget par année",
        "Prévu et dépensé de chaque année jusqu'à celle de la date de situation.",
        _budget_fields(Field("year", "year", "Année")),
        ("year",),
        network_rows("budget", "year"),
    ),
    Resource(
        "budget-par-categorie",
        "Budget par catégorie",
        "Prévu et dépensé de l'année de la date de situation par catégorie, et dépensé depuis l'origine.",
        _budget_fields(Field("category", "string", "Catégorie")),
        ("category",),
        network_rows("budget", "category"),
    ),
    Resource(
        "plan-action-par-axe",
        "Plan d'action par axe",
        "Actions du plan par axe stratégique, avec leur statut à la date de situation.",
        _actions_fields(Field("axis", "string", "Axe")),
        ("axis",),
        network_rows("actions", "axis"),
    ),
    Resource(
        "plan-action-par-statut",
        "Plan d'action par statut",
        "Actions du plan par statut à la date de situation.",
        _actions_fields(Field("status", "string", "Statut", "not_started, in_progress, done ou abandoned.")),
        ("status",),
        network_rows("actions", "status"),
    ),
    Resource(
        "enquetes-par-theme",
        "Résultats des enquêtes par thème",
        "Part de réponses favorables (4 ou 5 sur 5) par thème de chaque enquête, pour l'ensemble, chaque "
        "collectivité et chaque direction ; une case de moins de 5 répondants, ou qui permettrait d'en "
        "retrouver une, est vide et masquée.",
        (
            Field("survey_id", "string", "Code enquête"),
            Field("title", "string", "Intitulé de l'enquête"),
            Field("opened_on", "date", "Date d'ouverture"),
            ORGANISATION,
            Field("direction", "string", "Direction", f"« {ALL_DIRECTIONS} » : la collectivité entière."),
            Field("theme", "string", "Thème", "« * » : toutes les questions à échelle de 1 à 5."),
            Field("respondents", "integer", "Répondants"),
            Field("favourable", "number", "Part favorable", "Réponses 4 ou 5 / réponses (de 0 à 1)."),
            MASQUE,
        ),
        ("survey_id", "organisation", "direction", "theme"),
        survey_rows,
    ),
)


# --- writing ----------------------------------------------------------------------------


def cell(value, kind: str) -> str:
    """The CSV text of a value of a Table Schema type: empty when missing, text escaped."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("integer", "year"):
        return str(int(value))
    if kind == "number":
        return format(Decimal(repr(float(value))), "f").replace(".", DECIMAL)
    if kind == "date":
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    return safe_text(str(value))


def write_csv(path: Path, frame: pd.DataFrame, fields: tuple[Field, ...]) -> int:
    """Write the frame's fields as a CSV for French Excel (``;``, decimal comma, UTF-8 with BOM) with a
    header of the fields' names; the row count."""
    with open(path, "w", encoding=ENCODING, newline="") as out:
        writer = csv.writer(out, delimiter=DELIMITER)
        writer.writerow([f.name for f in fields])
        for record in frame[[f.name for f in fields]].itertuples(index=False):
            writer.writerow([cell(v, f.type) for v, f in zip(record, fields, strict=True)])
    return len(frame)


def network_name(con) -> str:
    """The network's name: $CADRAN_NETWORK, else its organisations (« Ville d'Orléans · Orléans Métropole »)."""
    return os.environ.get("CADRAN_NETWORK") or " · ".join(organisations(con)) or "Cadran"


def descriptor(con, as_of: dt.date, licence: str, network: str | None = None) -> dict:
    """``datapackage.json``: the package's name, French title and description, licence, source, and
    under ``cadran`` the network's name and the date of situation (read back by etl.documents.comparison)."""
    load = queries.last_load(con)
    source = f"Cadran, chargement n° {int(load['load_id'].iloc[0])}" if not load.empty else "Cadran"
    return {
        "profile": "tabular-data-package",
        "name": f"cadran-reseau-des-cadres-{as_of.isoformat()}",
        "title": f"Cadran — réseau des cadres au {fmt.date(as_of, 'fr')}",
        "description": (
            "Chiffres agrégés du réseau des cadres : participation, heures investies, travail entre "
            "directions, budget, plan d'action et résultats d'enquêtes. Aucune personne, aucun "
            f"identifiant, aucun texte libre ; aucun groupe de moins de {LEAST} personnes n'est publié."
        ),
        "licenses": [LICENCES[licence]],
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "sources": [{"title": source}],
        "keywords": ["réseau des cadres", "management", "ressources humaines"],
        "resources": [r.descriptor() for r in RESOURCES],
        "cadran": {"network": safe_text(network or network_name(con)), "as_of": as_of.isoformat()},
    }


def write_package(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    as_of: dt.date,
    licence: str = "etalab-2.0",
    progress: Callable[[str, int], None] | None = None,
    network: str | None = None,
) -> Path:
    """Write every resource's CSV and ``datapackage.json`` into ``out`` (made when missing); the
    descriptor's path. ``progress(name, rows)`` after each resource."""
    if licence not in LICENCES:
        raise ValueError(f"licence inconnue « {licence} » ; valides : {', '.join(LICENCES)}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for resource in RESOURCES:
        rows = write_csv(folder / f"{resource.name}.csv", resource.rows(con, as_of), resource.fields)
        if progress:
            progress(resource.name, rows)
    path = folder / "datapackage.json"
    path.write_text(
        json.dumps(descriptor(con, as_of, licence, network), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return path


def package_zip(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    licence: str = "etalab-2.0",
    progress: Callable[[str, int], None] | None = None,
) -> bytes:
    """The same package as one .zip (``datapackage.json`` and the CSVs at its root): a download."""
    with tempfile.TemporaryDirectory() as folder:
        write_package(con, folder, as_of, licence, progress)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(folder).iterdir()):
                archive.write(path, path.name)
    return buffer.getvalue()
