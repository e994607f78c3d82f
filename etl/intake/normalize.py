"""How header, enumeration and file names are matched: ignoring case, accents and punctuation."""

from __future__ import annotations

import re
import unicodedata

from etl.intake.schema import ENUMS, TABLES

_UNIT = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")  # a trailing "(h)", "(€)", "[%]"


def key(text: str) -> str:
    """`Durée (h)` -> `duree`, `Date d'adhésion` -> `datedadhesion`, `joined_on` -> `joinedon`."""
    text = _UNIT.sub("", str(text).replace("\ufeff", "").strip())
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum()).lower()


def enum_key(text: str) -> str:
    """Enumeration labels are matched like headers, but a bracketed part is kept (`Recommandation (0-10)`)."""
    text = unicodedata.normalize("NFKD", str(text).strip())
    return "".join(ch for ch in text if ch.isalnum()).lower()


def header_map(table_name: str) -> dict[str, str]:
    """Normalised English or French header -> contract column name, for one table."""
    table = next(t for t in TABLES if t.name == table_name)
    out: dict[str, str] = {}
    for col in table.columns:
        out[key(col.name)] = col.name
        out[key(col.french)] = col.name
    return out


def enum_labels() -> list[tuple[str, str, str]]:
    """(enum name, normalised label, code) rows: the mapping table the validator joins against."""
    rows = []
    for enum, codes in ENUMS.items():
        for code, labels in codes.items():
            for label in {code, *labels}:
                rows.append((enum, enum_key(label), code))
    rows.extend(("question_kind", k, "nps") for k in ("nps", "recommandation010", "recommandation"))
    rows.extend(("question_kind", k, "likert5") for k in ("likert", "echelle5", "echelle15"))
    return sorted(set(rows))


def table_for(stem: str) -> str | None:
    """The contract table a file or sheet name designates (`Survey-Answers` -> survey_answers), if any."""
    wanted = key(stem)
    return next((t.name for t in TABLES if key(t.name) == wanted), None)
