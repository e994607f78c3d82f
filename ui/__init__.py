"""The pages' shared frame, over etl: filters, cards, tables, sign-in, uploads; the session's language."""

from ui import language  # noqa: F401  installs the session's language in etl.text.i18n
