"""Who receives Cadran's report by e-mail, and what went out: the subscriptions and the send log.

Both live in ``mail/`` beside the users file (``data/mail/``: git-ignored, folder 700, files 600):

- ``subscriptions.json``: each subscription has its number ``n``, an account's ``email`` and the
  ``role`` it had when subscribed, the ``documents`` (``summary``, ``slides``, ``report``: the kinds
  of etl.documents.files), the ``organisation`` (None: all of them), the ``frequency`` (``monthly``,
  ``weekly``), the ``lang`` and ``last_sent`` (the day it was last delivered). The file is
  rewritten whole (temporary file, ``os.replace``) under a lock, as users.json is.
- ``log.jsonl``: one line per message tried (when, to whom, which documents at which date), with
  ``status`` ``sent`` or ``failed``, a reason code and the server's words; the last ``LOG_KEEP``.

A subscription is due when it was not delivered in its current period (this calendar month, this
ISO week): a daily cron line sends it at the period's first run, and not again before the next.
Only a message the server accepted marks it sent (``mark_sent``); a failure is logged and leaves
it due.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from etl.admin import users

DOCUMENTS = ("summary", "slides", "report")  # what a message may carry (etl.documents.files.KINDS)
DEFAULT_DOCUMENTS = ("summary", "slides")
FREQUENCIES = ("monthly", "weekly")
LANGS = ("fr", "en")
LOG_KEEP = 500  # the log's last lines kept


@dataclass(frozen=True)
class Subscription:
    n: int
    email: str
    role: str
    documents: tuple[str, ...]
    organisation: str | None
    frequency: str
    lang: str = "fr"
    last_sent: str | None = None  # ISO day of the last delivery


class SubscriptionsFileError(users.UserError):
    """The subscriptions file exists but does not read as Cadran writes it: nothing is sent."""

    def __init__(self, detail: str) -> None:
        super().__init__("bad_subscriptions", detail=detail)


def mail_dir(users_file: str | os.PathLike | None = None) -> Path:
    """``data/mail/``: beside the users file (``$CADRAN_USERS`` moves both)."""
    return users.users_path(users_file).parent / "mail"


def load(users_file: str | os.PathLike | None = None) -> list[Subscription]:
    """The subscriptions, by number; [] when there is no file."""
    file = mail_dir(users_file) / "subscriptions.json"
    if not file.exists():
        return []
    try:
        rows = json.loads(file.read_text(encoding="utf-8"))["subscriptions"]
        return sorted((_subscription(row) for row in rows), key=lambda s: s.n)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise SubscriptionsFileError(type(exc).__name__) from exc


def _subscription(row: dict) -> Subscription:
    sub = Subscription(**{**row, "documents": tuple(row["documents"])})
    if (
        not isinstance(sub.n, int)
        or not set(sub.documents) <= set(DOCUMENTS)
        or sub.frequency not in FREQUENCIES
        or sub.lang not in LANGS
    ):
        raise ValueError(sub.n)
    if sub.last_sent is not None:
        dt.date.fromisoformat(sub.last_sent)
    return sub


def add(
    email: str,
    documents: tuple[str, ...] | list[str],
    organisation: str | None = None,
    frequency: str = "monthly",
    lang: str = "fr",
    users_file: str | os.PathLike | None = None,
) -> Subscription:
    """Subscribe an account; the same account, organisation and frequency again changes its
    documents and language. UserError (with a code) when the account has no role or a choice is
    not one Cadran knows."""
    email = users.normalise(email)
    role = users.role_of(email, users_file)
    if role is None:
        raise users.UserError("unknown_user", email=email)
    chosen = tuple(d for d in DOCUMENTS if d in documents)
    if not chosen or set(documents) - set(DOCUMENTS):
        raise users.UserError("no_document")
    if frequency not in FREQUENCIES or lang not in LANGS:
        raise users.UserError("bad_frequency", frequency=frequency)
    organisation = (organisation or "").strip() or None
    with _editing(users_file) as subs:
        same = next(
            (
                i
                for i, s in enumerate(subs)
                if (s.email, s.organisation, s.frequency) == (email, organisation, frequency)
            ),
            None,
        )
        if same is not None:
            subs[same] = replace(subs[same], role=role, documents=chosen, lang=lang)
            return subs[same]
        sub = Subscription(
            max((s.n for s in subs), default=0) + 1, email, role, chosen, organisation, frequency, lang
        )
        subs.append(sub)
        return sub


def remove(n: int, users_file: str | os.PathLike | None = None) -> bool:
    """Remove subscription n° ``n``; False when there is none."""
    with _editing(users_file) as subs:
        kept = [s for s in subs if s.n != n]
        gone = len(kept) < len(subs)
        subs[:] = kept
    return gone


def period_start(frequency: str, day: dt.date) -> dt.date:
    """The first day of the period ``day`` is in: the month's first, or the ISO week's Monday."""
    return day.replace(day=1) if frequency == "monthly" else day - dt.timedelta(days=day.weekday())


def is_due(sub: Subscription, today: dt.date) -> bool:
    """Not delivered yet in the period of ``today``."""
    return sub.last_sent is None or dt.date.fromisoformat(sub.last_sent) < period_start(sub.frequency, today)


def mark_sent(n: int, day: dt.date, users_file: str | os.PathLike | None = None) -> None:
    """Subscription n° ``n`` delivered on ``day`` (the server accepted its message)."""
    with _editing(users_file) as subs:
        subs[:] = [replace(s, last_sent=day.isoformat()) if s.n == n else s for s in subs]


@contextmanager
def sending(users_file: str | os.PathLike | None = None) -> Iterator[None]:
    """One ``send --due`` at a time: a second run waits, then finds what the first sent."""
    with _lock(_folder(users_file) / ".send.lock"):
        yield


# --- the send log


def record(entry: dict, users_file: str | os.PathLike | None = None) -> None:
    """Add ``entry`` (to, documents, as_of, status, reason, detail…) to the log, stamped now."""
    folder = _folder(users_file)
    file = folder / "log.jsonl"
    line = json.dumps({"at": dt.datetime.now().isoformat(timespec="seconds"), **entry}, ensure_ascii=False)
    with _lock(folder / ".log.lock"):
        lines = file.read_text(encoding="utf-8").splitlines() if file.exists() else []
        _write(file, "\n".join([*lines, line][-LOG_KEEP:]) + "\n")


def recent(limit: int = 20, users_file: str | os.PathLike | None = None) -> list[dict]:
    """The last ``limit`` messages tried, newest first (a line that does not read is skipped)."""
    file = mail_dir(users_file) / "log.jsonl"
    if not file.exists():
        return []
    out = []
    for line in reversed(file.read_text(encoding="utf-8").splitlines()):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
        if len(out) == limit:
            break
    return out


# --- the files


def _folder(users_file: str | os.PathLike | None) -> Path:
    folder = mail_dir(users_file)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextmanager
def _editing(users_file: str | os.PathLike | None) -> Iterator[list[Subscription]]:
    """The subscriptions, changed in place by the caller, then written whole under a lock."""
    folder = _folder(users_file)
    with _lock(folder / ".subscriptions.lock"):
        subs = load(users_file)
        before = list(subs)
        yield subs
        if subs != before:
            rows = [{**asdict(s), "documents": list(s.documents)} for s in subs]
            _write(
                folder / "subscriptions.json",
                json.dumps({"subscriptions": rows}, ensure_ascii=False, indent=1),
            )


def _write(file: Path, text: str) -> None:
    """``text`` in ``file`` (600), written beside then renamed: a reader never sees half of it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}-", dir=file.parent)  # mkstemp: mode 600
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, file)
