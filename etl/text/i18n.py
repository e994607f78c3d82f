"""The one translations table: every label of the interface, French first, English second.

``t("members")`` gives the label in the session's language (French by default);
``code_label("kind", "seminar")`` words an enumeration code of the data contract. A missing key
shows the key itself, so a gap is visible, not fatal.

The words live in etl/text/catalogue/, one module per page or area, each a plain dict
key -> (French, English); ``CATALOGUES`` lists them and the import stops on a key two of them define.
A new catalogue: a module with ``TEXTS``, added to that list.

A count is worded with the language's plural rule (CLDR's, through babel): French says « 0 ligne
rejetée », « 1 ligne rejetée », « 2 lignes rejetées », English « 0 rejected rows ». In a catalogue,
``key`` holds the other form and ``key.one`` the one form (``t_count``); a ``count.<name>`` entry
words a value named ``<name>`` inside another text (``t_counts``).

The session's language comes from a resolver: French unless one is installed (the command line,
a document written outside a page). ui installs the one that reads Streamlit's session
(ui/language.py); this layer never imports Streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from types import ModuleType

from babel import Locale

from etl.text.catalogue import (
    texts_actions,
    texts_admin,
    texts_budget,
    texts_cli,
    texts_codes,
    texts_common,
    texts_comparing,
    texts_data,
    texts_documents,
    texts_indicators,
    texts_intake,
    texts_mailing,
    texts_overview,
    texts_participation,
    texts_slides,
    texts_surveys,
    texts_together,
    texts_training,
)

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT = "fr"

CATALOGUES: tuple[ModuleType, ...] = (
    texts_common,
    texts_indicators,
    texts_overview,
    texts_participation,
    texts_together,
    texts_training,
    texts_surveys,
    texts_actions,
    texts_budget,
    texts_data,
    texts_intake,
    texts_admin,
    texts_documents,
    texts_slides,
    texts_comparing,
    texts_mailing,
    texts_cli,
)


class DuplicateKey(ValueError):
    """A key defined in two catalogues: one of them would silently win."""


def merge(catalogues: Iterable[ModuleType]) -> dict[str, tuple[str, str]]:
    """The catalogues' ``TEXTS`` as one table; raises DuplicateKey when two define the same key."""
    table: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for catalogue in catalogues:
        for key, pair in catalogue.TEXTS.items():
            if key in owner:
                raise DuplicateKey(f"{key!r} is in {owner[key]} and in {catalogue.__name__}")
            owner[key] = catalogue.__name__
            table[key] = pair
    return table


T: dict[str, tuple[str, str]] = merge(CATALOGUES)

# Enumeration codes of the data contract: enum -> code -> (French, English).
CODES: dict[str, dict[str, tuple[str, str]]] = texts_codes.CODES


def french() -> str:
    """The default resolver: French."""
    return DEFAULT


_resolver: Callable[[], str] = french


def use(resolver: Callable[[], str] | None) -> Callable[[], str]:
    """Take the session's language from ``resolver`` from now on (None: French again); returns the
    resolver it replaces."""
    global _resolver
    previous, _resolver = _resolver, resolver or french
    return previous


def current() -> str:
    """The interface language of this session (French unless the installed resolver says otherwise)."""
    lang = _resolver()
    return lang if lang in LANGUAGES else DEFAULT


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def t(key: str, lang: str | None = None, **values) -> str:
    """The label of ``key`` in ``lang`` (default: the session's), with ``{placeholders}`` filled."""
    pair = T.get(key)
    text = _pick(pair, lang or current()) if pair else key
    return text.format(**values) if values else text


def code_label(enum: str, code, lang: str | None = None) -> str:
    """The label of an enumeration code (``kind``/``seminar`` → Séminaire); unknown codes pass through."""
    pair = CODES.get(enum, {}).get(code)
    return _pick(pair, lang or current()) if pair else str(code)


@functools.cache
def _plural_rule(lang: str):
    return Locale.parse(lang).plural_form


def plural_form(n, lang: str | None = None) -> str:
    """``"one"`` or ``"other"``: the plural category of ``n`` in ``lang`` (CLDR's, through babel; French 0
    and 1 are one). Categories some languages add (French « many » for millions) read as other."""
    return "one" if _plural_rule(lang or current())(abs(n)) == "one" else "other"


def plural(n, one: str, other: str, lang: str | None = None) -> str:
    """``one`` or ``other`` as ``lang`` says for ``n``, with ``{n}`` filled:
    ``plural(2, "{n} ligne rejetée", "{n} lignes rejetées", "fr")`` → « 2 lignes rejetées »."""
    text = one if plural_form(n, lang) == "one" else other
    return text.replace("{n}", str(n))


def t_count(key: str, count, lang: str | None = None, **values) -> str:
    """The label of ``key`` for ``count``: ``key.one`` when the language's rule says one (and the
    catalogue has it), else ``key``; ``{n}`` is ``count`` unless ``values`` give it (a formatted number)."""
    lang = lang or current()
    one = f"{key}.one"
    return t(one if one in T and plural_form(count, lang) == "one" else key, lang, **{"n": count, **values})


def t_counts(key: str, lang: str | None = None, **values) -> str:
    """``t(key)``, every value named after a ``count.<name>`` entry worded as that count first:
    ``rows_rejected=2`` → « 2 lignes rejetées »."""
    lang = lang or current()
    worded = {
        name: t_count(f"count.{name}", value, lang)
        if f"count.{name}" in T and isinstance(value, int)
        else value
        for name, value in values.items()
    }
    return t(key, lang, **worded)
