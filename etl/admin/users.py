"""Who may use Cadran: e-mail -> role, the local passwords (argon2id) and the lock-out.

The users file (``data/users.json``, git-ignored; ``$CADRAN_USERS`` overrides it) is the one
table of roles, whether people log in with a password here or through the city's OpenID Connect
provider (``[auth]`` in ``.streamlit/secrets.toml``), which then only proves the e-mail.
Passwords are hashed by argon2-cffi (argon2id, its recommended parameters); this module never
stores or logs a password. After ``MAX_FAILURES`` wrong passwords in a row an account is locked
for ``LOCK_MINUTES``; the count lives in the file, so a new browser session does not reset it.

Every change rewrites the file whole (temporary file, ``os.replace``) under a lock.

No account never means open: the single-user local mode is chosen by ``CADRAN_LOCAL=1`` (what
``make run`` sets when no account exists), never inferred from a users file that is missing, empty
or unreadable (``mode``). The last administrator can be neither removed nor demoted
(``_keep_an_admin``, checked by every change). A sign-in survives a reload through a signed,
expiring token (``issue_token``, ``token_user``); each account's ``session`` number, raised at
sign-out, revokes every token issued before.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import hashlib
import json
import os
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from secrets import token_hex

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadData, URLSafeSerializer

from etl.store.db import ROOT
from etl.text.i18n import t

ROLES = ("viewer", "hr", "presenter", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 12
SECRETS = ROOT / ".streamlit" / "secrets.toml"
LOCAL_ENV = "CADRAN_LOCAL"  # "1": the single-user local mode, chosen explicitly (make run)
SIGN_IN_HOURS = 10  # a working day: how long a sign-in survives reloads
KEY_NAME = "sign-in.key"  # the tokens' secret, beside the users file (mode 600)
# What each permission is granted to. "names": a person's name, matricule or a rejected row's values.
# The app checks them (ui.auth) and so does what leaves by e-mail (etl.documents.mail).
GRANTS = {
    "viewer": {"viewer", "hr", "admin"},
    "hr": {"hr", "admin"},
    "names": {"hr", "admin"},
    "admin": {"admin"},
    "presenter": {"presenter"},
}

_hasher = PasswordHasher()


@functools.cache
def _dummy() -> str:
    """A hash verified when the e-mail is unknown, so a wrong e-mail costs the same time as a wrong
    password; made at the first such sign-in, not at import (0.25 s off every start of the command line)."""
    return _hasher.hash("cadran-no-such-user")


class UserError(ValueError):
    """A user that cannot be created or changed as asked: ``code`` and ``values`` say why, the text
    layer words them (``users.error.<code>``); the message is the French."""

    def __init__(self, code: str, **values) -> None:
        self.code = code
        self.values = values
        super().__init__(self.words("fr"))

    def words(self, lang: str | None = None) -> str:
        """Why, in ``lang`` (the session's by default)."""
        return t(f"users.error.{self.code}", lang, **self.values)


class UsersFileError(UserError):
    """The users file exists but cannot be read as Cadran writes it: nobody is let in."""

    def __init__(self, detail: str) -> None:
        super().__init__("bad_file", detail=detail)


@dataclass(frozen=True)
class Attempt:
    """The outcome of a login: ``ok``, else ``reason`` ``"invalid"``, ``"locked"`` (until when) or
    ``"no_role"`` (the right password, but the users file gives the account no known role)."""

    ok: bool
    reason: str = ""
    locked_until: dt.datetime | None = None
    role: str | None = None


def users_path(path: str | os.PathLike | None = None) -> Path:
    return Path(path or os.environ.get("CADRAN_USERS") or ROOT / "data" / "users.json")


def load(path: str | os.PathLike | None = None) -> dict[str, dict]:
    """e-mail -> {"role", "hash" (absent for OpenID Connect users), "failures", "locked_until",
    "session"}; {} when the file is missing or holds no account; UsersFileError when it cannot be
    read as Cadran writes it. An entry that is not an object is an account without a role."""
    file = users_path(path)
    if not file.exists():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsersFileError(type(exc).__name__) from exc
    accounts = data.get("users") if isinstance(data, dict) else []
    if accounts is None:
        return {}
    if not isinstance(accounts, dict):
        raise UsersFileError("users: not an object")
    return {email: entry if isinstance(entry, dict) else {} for email, entry in accounts.items()}


def may(role: str | None, permission: str) -> bool:
    """Whether ``role`` holds ``permission`` (a key of GRANTS)."""
    return role in GRANTS[permission]


def secrets_section(name: str, secrets: str | os.PathLike | None = None) -> dict:
    """The ``[name]`` section of ``.streamlit/secrets.toml`` (``$CADRAN_SECRETS`` overrides the
    path); {} when the file, or the section, is missing or does not read as TOML."""
    file = Path(secrets or os.environ.get("CADRAN_SECRETS") or SECRETS)
    if not file.exists():
        return {}
    try:
        section = tomllib.loads(file.read_text(encoding="utf-8")).get(name)
    except tomllib.TOMLDecodeError:
        return {}
    return section if isinstance(section, dict) else {}


def oidc_configured(secrets: str | os.PathLike | None = None) -> bool:
    """Whether ``.streamlit/secrets.toml`` holds an ``[auth]`` section (st.login's provider)."""
    return bool(secrets_section("auth", secrets))


def local_chosen() -> bool:
    """Whether the single-user local mode was chosen: ``CADRAN_LOCAL=1``, and nothing else."""
    return os.environ.get(LOCAL_ENV) == "1"


def mode(path: str | os.PathLike | None = None, secrets: str | os.PathLike | None = None) -> str:
    """How people get in: ``"oidc"`` (st.login), ``"password"`` (accounts in the users file),
    ``"local"`` (no account and ``CADRAN_LOCAL=1``: one local user, on 127.0.0.1 only),
    ``"setup"`` (no account, local mode not chosen: nobody) or ``"broken"`` (the users file cannot
    be read: nobody)."""
    try:
        accounts = load(path)
    except UsersFileError:
        return "broken"
    if oidc_configured(secrets):
        return "oidc"
    if accounts:
        return "password"
    return "local" if local_chosen() else "setup"


def normalise(email: str) -> str:
    email = unicodedata.normalize("NFC", email).strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@") or any(c.isspace() for c in email):
        raise UserError("bad_email", email=email)
    return email


def checked_password(password: str) -> str:
    """``password`` in Unicode NFC (« é » typed as one code point or as e + accent is the same
    password); UserError when it is blank (spaces, invisible characters) or too short."""
    password = unicodedata.normalize("NFC", password)
    visible = [c for c in password if unicodedata.category(c) not in ("Cc", "Cf")]
    if all(c.isspace() for c in visible):
        raise UserError("blank_password")
    if len(visible) < MIN_PASSWORD:
        raise UserError("short_password", minimum=MIN_PASSWORD)
    return password


def add(
    email: str,
    role: str | None,
    password: str | None = None,
    path: str | os.PathLike | None = None,
) -> None:
    """Create or update a user; ``role`` None keeps the current one (a new user: viewer);
    ``password`` None keeps the current one (or none: OpenID Connect)."""
    email = normalise(email)
    if role is not None and role not in ROLES:
        raise UserError("bad_role", role=role, valid=", ".join(ROLES))
    if password is not None:
        password = checked_password(password)
    with _editing(path) as users:
        entry = users.setdefault(email, {})
        role = role or entry.get("role")
        entry["role"] = role if role in ROLES else "viewer"
        if password is not None:
            entry["session"] = _number(entry, "session") + 1  # a new password ends the other sign-ins
            entry["hash"] = _hasher.hash(password)
            entry.pop("failures", None)
            entry.pop("locked_until", None)


def remove(email: str, path: str | os.PathLike | None = None) -> bool:
    with _editing(path) as users:
        return users.pop(normalise(email), None) is not None


def unlock(email: str, path: str | os.PathLike | None = None) -> None:
    with _editing(path) as users:
        entry = users.get(normalise(email))
        if entry is None:
            raise UserError("unknown_user", email=email)
        entry.pop("failures", None)
        entry.pop("locked_until", None)


def role_of(email: str | None, path: str | os.PathLike | None = None) -> str | None:
    """The role the users file gives this e-mail, None when it gives none (or one Cadran does
    not know, or the file cannot be read)."""
    if not email:
        return None
    try:
        role = load(path).get(normalise(email), {}).get("role")
    except UserError:
        return None
    return role if role in ROLES else None


def admins(users: dict[str, dict], oidc: bool) -> set[str]:
    """The administrators who can sign in: a password, or the city's provider proves them."""
    return {
        e
        for e, entry in users.items()
        if entry.get("role") == "admin" and (oidc or isinstance(entry.get("hash"), str))
    }


def _keep_an_admin(before: dict[str, dict], after: dict[str, dict]) -> None:
    """The rule of every change: the last administrator can be neither removed nor demoted."""
    oidc = oidc_configured()
    left = admins(before, oidc)
    if left and not admins(after, oidc):
        last = min(left)
        raise UserError("last_admin", email=last)


def authenticate(
    email: str, password: str, path: str | os.PathLike | None = None, now: dt.datetime | None = None
) -> Attempt:
    """Check a local password, counting failures: the lock-out is decided here, on the server."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        email = normalise(email)
    except UserError:
        _verify(_dummy(), password)
        return Attempt(False, "invalid")
    with _editing(path) as users:
        entry = users.get(email)
        if entry is None or "hash" not in entry:
            _verify(_dummy(), password)
            return Attempt(False, "invalid")
        until = _locked_until(entry)
        if until and until > now:
            return Attempt(False, "locked", until)
        if _matches(entry, password):
            entry.pop("failures", None)
            entry.pop("locked_until", None)
            role = entry.get("role")
            return Attempt(True, role=role) if role in ROLES else Attempt(False, "no_role")
        entry["failures"] = _number(entry, "failures") + 1
        if entry["failures"] >= MAX_FAILURES:
            locked = now + dt.timedelta(minutes=LOCK_MINUTES)
            entry["locked_until"] = locked.isoformat()
            entry["failures"] = 0
            return Attempt(False, "locked", locked)
        return Attempt(False, "invalid")


def _matches(entry: dict, password: str) -> bool:
    """Whether ``password`` (NFC) matches the entry's hash; a hash made before the NFC rule from a
    decomposed password (NFD) matches too, and is made again from the NFC form."""
    composed = unicodedata.normalize("NFC", password)
    decomposed = unicodedata.normalize("NFD", password)
    if _verify(entry["hash"], composed):
        legacy = False
    elif decomposed != composed and _verify(entry["hash"], decomposed):
        legacy = True
    else:
        return False
    if legacy or _hasher.check_needs_rehash(entry["hash"]):
        entry["hash"] = _hasher.hash(composed)
    return True


def _verify(hashed: object, password: str) -> bool:
    if not isinstance(hashed, str):  # a hand-edited entry: no password matches it
        return False
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _number(entry: dict, field: str) -> int:
    """A counter of the entry (failures, session); 0 when absent or not a whole number."""
    value = entry.get(field, 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _locked_until(entry: dict) -> dt.datetime | None:
    """When the entry's lock ends; a date that does not read as one locks for the full term."""
    until = entry.get("locked_until")
    if not until:
        return None
    try:
        moment = dt.datetime.fromisoformat(until)
    except (TypeError, ValueError):
        return dt.datetime.now(dt.UTC) + dt.timedelta(minutes=LOCK_MINUTES)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# --- a sign-in that survives a reload: a signed, expiring token in a cookie (ui.auth sets it)


def _key(path: str | os.PathLike | None) -> bytes:
    """The tokens' secret (32 random bytes, hex), beside the users file, mode 600, made at first use."""
    file = users_path(path).with_name(KEY_NAME)
    if not file.exists():
        _write_key(file)
    if file.stat().st_mode & 0o077:
        file.chmod(0o600)
    return file.read_bytes().strip()


def _write_key(file: Path) -> None:
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}-", dir=file.parent)  # mkstemp: mode 600
    with os.fdopen(fd, "w") as out:
        out.write(token_hex(32))
    try:
        os.link(tmp, file)  # a concurrent first use keeps the key written first
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)


def _signer(path: str | os.PathLike | None) -> URLSafeSerializer:
    return URLSafeSerializer(
        _key(path), salt="cadran-sign-in", signer_kwargs={"digest_method": hashlib.sha256}
    )


def issue_token(email: str, path: str | os.PathLike | None = None, now: dt.datetime | None = None) -> str:
    """A signed token naming the account, its role and session number, valid ``SIGN_IN_HOURS``."""
    email = normalise(email)
    entry = load(path).get(email, {})
    expires = (now or dt.datetime.now(dt.UTC)) + dt.timedelta(hours=SIGN_IN_HOURS)
    claims = {
        "e": email,
        "r": entry.get("role"),
        "s": _number(entry, "session"),
        "x": int(expires.timestamp()),
    }
    return _signer(path).dumps(claims)


def token_user(
    token: str | None, path: str | os.PathLike | None = None, now: dt.datetime | None = None
) -> str | None:
    """The e-mail a token signs in, None when it is forged, expired, signed out (session number
    raised), or its account removed or given another role since."""
    try:
        claims = _signer(path).loads(token or "")
        entry = load(path).get(claims["e"])
        expired = claims["x"] <= (now or dt.datetime.now(dt.UTC)).timestamp()
    except (BadData, UserError, KeyError, TypeError):
        return None
    if expired or entry is None or entry.get("role") not in ROLES:
        return None
    if entry.get("role") != claims["r"] or _number(entry, "session") != claims["s"]:
        return None
    return claims["e"]


def session_number(email: str | None, path: str | os.PathLike | None = None) -> int | None:
    """The account's session number (raised at each sign-out); None for an unknown account."""
    try:
        entry = load(path).get(normalise(email or ""))
    except UserError:
        return None
    return None if entry is None else _number(entry, "session")


def sign_out(email: str, path: str | os.PathLike | None = None) -> None:
    """End every sign-in of the account: the tokens issued before no longer sign anyone in."""
    with _editing(path) as users:
        entry = users.get(normalise(email))
        if entry is not None:
            entry["session"] = _number(entry, "session") + 1


@contextmanager
def _editing(path: str | os.PathLike | None) -> Iterator[dict[str, dict]]:
    """The users, changed in place by the caller, then written whole (atomically) under a lock;
    a change that would leave no administrator is refused (UserError) and nothing is written."""
    file = users_path(path)
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with os.fdopen(
        os.open(file.with_name(f".{file.name}.lock"), os.O_WRONLY | os.O_CREAT, 0o600), "w"
    ) as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        users = load(file)
        before = json.loads(json.dumps(users))
        yield users
        if users == before:
            return
        _keep_an_admin(before, users)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}-", dir=file.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"users": users}, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, file)
