"""Sending the report by e-mail: the SMTP settings, one all-or-nothing delivery, and the two ways
to send (``send``: to given addresses; ``send_due``: the subscriptions due today).

Settings, each from the environment, else from ``.streamlit/secrets.toml``: ``CADRAN_SMTP_HOST``,
``_PORT``, ``_TLS`` (none | starttls | tls; default starttls), ``_USER``, ``_PASSWORD``, ``_FROM``
(``[smtp]`` host, port, tls, user, password, from); the dashboard's public address from
``CADRAN_PUBLIC_URL`` (``[cadran]`` public_url). A password is never taken from the command line,
and never sent unencrypted but to this machine.

What a recipient gets follows their role (etl.admin.users): the summary quotes rejected rows'
values only for HR and admin, and a message is as private as its least entitled recipient (an
address without an account reads as a viewer). No attached file names a person.

Delivery is all or nothing: every recipient is announced (RCPT) before the message; one refused,
the transaction is reset and nobody gets it. A failure is a ``MailError`` with a code and values
(worded by etl.text: « mail.error.<code> »); every message tried is logged
(etl.admin.subscriptions.record), and a subscription is marked sent only once the server accepted
its message. A fatal failure (server down, login refused) stops a run: the next would fail alike.
"""

from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl
import tempfile
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import parseaddr
from pathlib import Path

import duckdb

from etl.admin import subscriptions, users
from etl.documents import message
from etl.documents.scope import Scope
from etl.model.page_reads import reference_day
from etl.store.db import connect_ro
from etl.text.i18n import t

TLS_MODES = {"none": 25, "starttls": 587, "tls": 465}  # mode -> its usual port
TIMEOUT = 60  # seconds for each exchange with the server
LOOPBACK = {"localhost", "127.0.0.1", "::1"}
NOT_FATAL = {"refused", "data_refused", "no_account"}  # the next message may well go


class MailError(Exception):
    """A message that could not go: ``code`` and ``values`` (strings) say why."""

    def __init__(self, code: str, **values) -> None:
        self.code = code
        self.values = {k: str(v) for k, v in values.items()}
        super().__init__(self.words("fr"))

    def words(self, lang: str | None = None) -> str:
        """Why, in ``lang`` (the session's by default): the text layer's ``mail.error.<code>``."""
        return t(f"mail.error.{self.code}", lang, **self.values)

    @property
    def fatal(self) -> bool:
        return self.code not in NOT_FATAL


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    tls: str
    sender: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Outcome:
    """One message: ``status`` sent, failed (``error`` says why) or written (``path``, a dry run)."""

    to: tuple[str, ...]
    documents: tuple[str, ...]
    scope: Scope
    status: str
    files: tuple[str, ...] = ()
    error: MailError | None = None
    path: Path | None = None
    subscription: int | None = None


def _setting(name: str, section: dict) -> str | None:
    value = os.environ.get(f"CADRAN_SMTP_{name.upper()}") or section.get(name)
    return None if value in (None, "") else str(value)


def settings() -> Smtp:
    """The SMTP settings; MailError ``no_smtp`` or ``bad_setting`` when they cannot serve."""
    section = users.secrets_section("smtp")
    host, sender = _setting("host", section), _setting("from", section)
    if not host or not sender:
        raise MailError("no_smtp")
    if "@" not in parseaddr(sender)[1]:
        raise MailError("bad_setting", name="CADRAN_SMTP_FROM", value=sender)
    tls = (_setting("tls", section) or "starttls").lower()
    if tls not in TLS_MODES:
        raise MailError("bad_setting", name="CADRAN_SMTP_TLS", value=tls)
    port = _setting("port", section) or str(TLS_MODES[tls])
    if not port.isdigit():
        raise MailError("bad_setting", name="CADRAN_SMTP_PORT", value=port)
    return Smtp(host, int(port), tls, sender, _setting("user", section), _setting("password", section))


def public_url() -> str | None:
    """The dashboard's public address (``https://cadran.ville.fr``), None when not configured."""
    url = os.environ.get("CADRAN_PUBLIC_URL") or users.secrets_section("cadran").get("public_url")
    if url and not str(url).startswith(("https://", "http://")):
        raise MailError("bad_setting", name="CADRAN_PUBLIC_URL", value=url)
    return str(url) if url else None


def sender() -> str:
    """Who a message is from: the configured sender, else Cadran on this machine (a dry run)."""
    try:
        return settings().sender
    except MailError:
        return "Cadran <cadran@localhost>"


def addresses(text: str) -> list[str]:
    """``a@ville.fr,b@ville.fr`` as normalised addresses; MailError ``bad_address``, ``no_recipient``."""
    out = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            out.append(users.normalise(part))
        except users.UserError as exc:
            raise MailError("bad_address", email=part) from exc
    if not out:
        raise MailError("no_recipient")
    return list(dict.fromkeys(out))


def sees_values(recipients: list[str]) -> bool:
    """Whether every recipient may read rejected rows' values (HR, admin); an address without an
    account reads as a viewer."""
    return all(users.may(users.role_of(r), "names") for r in recipients)


def as_of_default(con: duckdb.DuckDBPyConnection, today: dt.date | None = None) -> dt.date:
    """The data's reference date (the day the dashboard opens on), never after today."""
    today = today or dt.date.today()
    day = reference_day(con)
    return min(day, today) if day else today


# --- delivery


def deliver(msg: EmailMessage, recipients: list[str], smtp: Smtp) -> None:
    """``msg`` to every one of ``recipients``, or to nobody (MailError)."""
    if smtp.password and smtp.tls == "none" and smtp.host not in LOOPBACK:
        raise MailError("plain_password", host=smtp.host)
    where = {"host": smtp.host, "port": smtp.port}
    try:
        server = _connect(smtp)
    except ssl.SSLError as exc:
        raise MailError("tls", **where, detail=_why(exc)) from exc
    except OSError as exc:
        raise MailError("unreachable", **where, detail=_why(exc)) from exc
    try:
        with server:
            if smtp.tls == "starttls":
                _starttls(server, where)
            if smtp.user:
                _login(server, smtp)
            _transaction(server, msg, recipients, parseaddr(smtp.sender)[1])
    except smtplib.SMTPServerDisconnected as exc:
        raise MailError("disconnected", detail=_why(exc)) from exc
    except smtplib.SMTPException as exc:  # an OSError too: caught first
        raise MailError("smtp", detail=_why(exc)) from exc
    except OSError as exc:  # the connection lost mid-way
        raise MailError("disconnected", detail=_why(exc)) from exc


def _connect(smtp: Smtp) -> smtplib.SMTP:
    if smtp.tls == "tls":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=TIMEOUT, context=ssl.create_default_context())
    return smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT)


def _starttls(server: smtplib.SMTP, where: dict) -> None:
    try:
        server.starttls(context=ssl.create_default_context())
    except (smtplib.SMTPNotSupportedError, smtplib.SMTPResponseException, ssl.SSLError) as exc:
        raise MailError("tls", **where, detail=_why(exc)) from exc


def _login(server: smtplib.SMTP, smtp: Smtp) -> None:
    try:
        server.login(smtp.user, smtp.password or "")
    except (smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError) as exc:
        raise MailError("auth", host=smtp.host, detail=_why(exc)) from exc


def _transaction(server: smtplib.SMTP, msg: EmailMessage, recipients: list[str], from_addr: str) -> None:
    """MAIL, every RCPT, then DATA only when all were accepted (else RSET: nothing sent)."""
    server.ehlo_or_helo_if_needed()
    code, reply = server.mail(from_addr)
    if code != 250:
        server.rset()
        raise MailError("sender_refused", sender=from_addr, detail=_reply(code, reply))
    refused = []
    for address in recipients:
        code, reply = server.rcpt(address)
        if code not in (250, 251):
            refused.append(f"{address} ({_reply(code, reply)})")
    if refused:
        server.rset()
        raise MailError("refused", recipients=", ".join(refused))
    try:
        code, reply = server.data(msg.as_bytes(policy=SMTP_POLICY))
    except smtplib.SMTPDataError as exc:
        raise MailError("data_refused", detail=_reply(exc.smtp_code, exc.smtp_error)) from exc
    if code != 250:
        raise MailError("data_refused", detail=_reply(code, reply))


def _reply(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {text}".strip()


def _why(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    return str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc) or type(exc).__name__


def write_eml(msg: EmailMessage, folder: str | os.PathLike, name: str) -> Path:
    """``msg`` as ``folder/name`` (made when missing), written beside then renamed."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    with os.fdopen(fd, "wb") as out:
        out.write(msg.as_bytes(policy=SMTP_POLICY))
    os.replace(tmp, folder / name)
    return folder / name


# --- the two ways to send


def send(
    recipients: list[str],
    documents: tuple[str, ...],
    scope: Scope,
    db: str | os.PathLike | None = None,
    dry_run: str | os.PathLike | None = None,
) -> Outcome:
    """One message to ``recipients`` with ``documents`` at ``scope``; logged unless a dry run."""
    with connect_ro(db) as con:
        return _send_one(con, recipients, documents, scope, dry_run, None, {}, f"cadran-{scope.as_of}.eml")


def send_due(
    today: dt.date | None = None,
    db: str | os.PathLike | None = None,
    dry_run: str | os.PathLike | None = None,
) -> list[Outcome]:
    """Each subscription due ``today`` (etl.admin.subscriptions.is_due), one message each at the
    data's reference date; marked sent once accepted (not on a dry run). Stops at a fatal failure."""
    today = today or dt.date.today()
    outcomes: list[Outcome] = []
    with subscriptions.sending(), connect_ro(db) as con:
        as_of = as_of_default(con, today)
        made: dict = {}  # one report per scope and audience, however many subscribers share it
        for sub in (s for s in subscriptions.load() if subscriptions.is_due(s, today)):
            scope = Scope(as_of, sub.organisation, None, sub.lang)
            outcome = _send_one(
                con, [sub.email], sub.documents, scope, dry_run, sub, made, f"cadran-{as_of}-n{sub.n}.eml"
            )
            outcomes.append(outcome)
            if outcome.status == "sent":
                subscriptions.mark_sent(sub.n, today)
            elif outcome.error and outcome.error.fatal:
                break
    return outcomes


def _send_one(con, recipients, documents, scope, dry_run, sub, made, eml_name) -> Outcome:
    """Build, then deliver (or write) one message; a delivery tried is logged, sent or failed."""
    tried = Outcome(tuple(recipients), tuple(documents), scope, "failed", subscription=sub.n if sub else None)
    try:
        smtp = None if dry_run else settings()  # before the files are built: a bad setting is said at once
        msg = _message(con, tried, sub, smtp, made)
        names = tuple(part.get_filename() for part in msg.iter_attachments())
        if dry_run:
            return replace(tried, status="written", files=names, path=write_eml(msg, dry_run, eml_name))
        deliver(msg, recipients, smtp)
    except MailError as exc:
        failed = replace(tried, error=exc)
        if not dry_run:
            _record(failed)
        return failed
    sent = replace(tried, status="sent", files=names)
    _record(sent)
    return sent


def _message(con, tried: Outcome, sub, smtp: Smtp | None, made: dict) -> EmailMessage:
    """The message of ``tried``, its report built once per scope and audience (kept in ``made``);
    a subscription whose account has no role any more gets nothing."""
    if sub is not None and users.role_of(sub.email) is None:
        raise MailError("no_account", email=sub.email, n=sub.n)
    values = sees_values(list(tried.to))
    key = (tried.scope, tried.documents, values)
    if key not in made:
        link = message.dashboard_link(public_url(), tried.scope)
        made[key] = message.report(con, tried.scope, tried.documents, values, link)
    return message.message(made[key], smtp.sender if smtp else sender(), list(tried.to))


def _record(outcome: Outcome) -> None:
    error = outcome.error
    subscriptions.record(
        {
            "to": list(outcome.to),
            "subscription": outcome.subscription,
            "documents": list(outcome.documents),
            "as_of": outcome.scope.as_of.isoformat(),
            "organisation": outcome.scope.organisation,
            "status": outcome.status,
            "reason": error.code if error else None,
            "values": error.values if error else {},
        }
    )
