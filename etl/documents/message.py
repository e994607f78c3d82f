"""The report as an e-mail: a subject with the date, a short body with the headline's three figures
and the dashboard's link, the chosen files attached.

``report(con, scope, documents, values, link) -> Report``: what the message says and carries, built
once per scope and audience; ``message(report, sender, recipients) -> EmailMessage``: the message.
The figures are etl.model.kpis.headline's, written by etl.text.format as the deck writes them
(``42 %``, ``16 621 h``, ``25 000 €``); the files are etl.documents.files', as the download buttons
build them. ``values``: the summary quotes the rejected rows' values (HR and admin only); no file
of ``DOCUMENTS`` names a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from urllib.parse import quote, urlencode

import duckdb

from etl.admin.subscriptions import DOCUMENTS
from etl.documents import files
from etl.documents.scope import Scope, source_line
from etl.model.kpis import headline
from etl.text import format as fmt
from etl.text.i18n import t


@dataclass(frozen=True)
class Attachment:
    name: str
    mime: str
    content: bytes


@dataclass(frozen=True)
class Report:
    subject: str
    body: str
    attachments: tuple[Attachment, ...]


def report(
    con: duckdb.DuckDBPyConnection, scope: Scope, documents: tuple[str, ...], values: bool, link: str | None
) -> Report:
    """The message at ``scope`` with ``documents`` (kinds of DOCUMENTS) attached."""
    chosen = tuple(d for d in DOCUMENTS if d in documents)
    attached = tuple(
        Attachment(
            files.name(kind, scope), files.KINDS[kind].mime, files.build(con, kind, scope, values=values)
        )
        for kind in chosen
    )
    subject = t("mail.subject", scope.lang, as_of=fmt.date(scope.as_of, scope.lang))
    return Report(subject, body(con, scope, chosen, link), attached)


def body(con: duckdb.DuckDBPyConnection, scope: Scope, documents: tuple[str, ...], link: str | None) -> str:
    """The text: the date and scope, the three headline figures, the link, what is attached."""
    lang = scope.lang
    h = headline(con, scope.as_of, scope.organisation, scope.direction)
    participation = t(
        "mail.participation",
        lang,
        rate=fmt.of_kind(h["manager_participation_rate"], "pct", lang),
        n=fmt.of_kind(h["member_managers"], "int", lang),
        d=fmt.of_kind(h["managers"], "int", lang),
    )
    figures = (
        ("manager_participation_rate", participation),
        ("hours_invested", fmt.of_kind(h["hours_invested"], "hours", lang)),
        ("budget_spent_eur", fmt.of_kind(h["budget_spent_eur"], "eur", lang)),
    )
    attached = ", ".join(t(f"mail.document.{kind}", lang) for kind in documents)
    lines = [
        t("mail.greeting", lang),
        "",
        t("mail.intro", lang, as_of=fmt.date(scope.as_of, lang), scope=scope.label()),
        "",
        *(f"- {t('mail.figure', lang, label=t(name, lang), value=value)}" for name, value in figures),
        "",
        *([t("mail.link", lang, url=link), ""] if link else []),
        *([t("mail.attached", lang, files=attached)] if documents else []),
        t("export.source_is", lang, source=source_line(con, lang)),
        "",
        "-- ",
        t("mail.footer", lang),
    ]
    return "\n".join(lines) + "\n"


def dashboard_link(base: str | None, scope: Scope) -> str | None:
    """The dashboard at the message's date and organisation (the app reads its filters from the
    address: ``…/?as_of=2015-06-30&organisation=Ville%20d%27Orl%C3%A9ans``); None without a base."""
    if not base:
        return None
    query = {"as_of": scope.as_of.isoformat()}
    if scope.organisation:
        query["organisation"] = scope.organisation
    if scope.lang != "fr":
        query["lang"] = scope.lang
    return f"{base.rstrip('/')}/?{urlencode(query, quote_via=quote)}"


def message(report: Report, sender: str, recipients: list[str]) -> EmailMessage:
    """The e-mail of ``report`` from ``sender`` to every one of ``recipients`` (one message)."""
    msg = EmailMessage()
    msg["Subject"] = report.subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    msg.set_content(report.body)
    for file in report.attachments:
        maintype, subtype = file.mime.split("/")
        msg.add_attachment(file.content, maintype=maintype, subtype=subtype, filename=file.name)
    return msg
