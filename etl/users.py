"""Who may use Cadran: e-mail -> role, the local passwords (argon2id) and the lock-out.

The users file (``data/users.json``, git-ignored; ``$CADRAN_USERS`` overrides it) is the one
table of roles, whether people log in with a password here or through the city's OpenID Connect
provider (``[auth]`` in ``.streamlit/secrets.toml``), which then only proves the e-mail.
Passwords are hashed by argon2-cffi (argon2id, its recommended parameters); this module never
stores or logs a password. After ``MAX_FAILURES`` wrong passwords in a row an account is locked
for ``LOCK_MINUTES``; the count lives in the file, so a new browser session does not reset it.

Every change rewrites the file whole (temporary file, ``os.replace``) under a lock.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from etl.db import ROOT

ROLES = ("viewer", "hr", "presenter", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 12
SECRETS = ROOT / ".streamlit" / "secrets.toml"

_hasher = PasswordHasher()
# verified when the e-mail is unknown, so a wrong e-mail costs the same time as a wrong password
_DUMMY = _hasher.hash("cadran-no-such-user")


class UserError(ValueError):
    """A user that cannot be created or changed as asked (the message says why, in French)."""


@dataclass(frozen=True)
class Attempt:
    """The outcome of a login: ``ok``, else ``reason`` ``"invalid"`` or ``"locked"`` (until when)."""

    ok: bool
    reason: str = ""
    locked_until: dt.datetime | None = None
    role: str | None = None


def users_path(path: str | os.PathLike | None = None) -> Path:
    return Path(path or os.environ.get("CADRAN_USERS") or ROOT / "data" / "users.json")


def load(path: str | os.PathLike | None = None) -> dict[str, dict]:
    """e-mail -> {"role", "hash" (absent for OpenID Connect users), "failures", "locked_until"}."""
    file = users_path(path)
    if not file.exists():
        return {}
    return json.loads(file.read_text(encoding="utf-8")).get("users", {})


def oidc_configured(secrets: str | os.PathLike | None = None) -> bool:
    """Whether ``.streamlit/secrets.toml`` holds an ``[auth]`` section (st.login's provider)."""
    file = Path(secrets or os.environ.get("CADRAN_SECRETS") or SECRETS)
    if not file.exists():
        return False
    try:
        return bool(tomllib.loads(file.read_text(encoding="utf-8")).get("auth"))
    except tomllib.TOMLDecodeError:
        return False


def mode(path: str | os.PathLike | None = None, secrets: str | os.PathLike | None = None) -> str:
    """``"oidc"`` (st.login), ``"local"`` (passwords in the users file) or ``"none"`` (nothing
    configured: one local user, on 127.0.0.1 only)."""
    if oidc_configured(secrets):
        return "oidc"
    return "local" if load(path) else "none"


def normalise(email: str) -> str:
    email = email.strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@") or any(c.isspace() for c in email):
        raise UserError(f"adresse e-mail invalide : {email!r}")
    return email


def add(
    email: str,
    role: str,
    password: str | None = None,
    path: str | os.PathLike | None = None,
) -> None:
    """Create or update a user; ``password`` None keeps the current one (or none: OpenID Connect)."""
    email = normalise(email)
    if role not in ROLES:
        raise UserError(f"rôle inconnu : {role!r} ; valides : {', '.join(ROLES)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UserError(f"mot de passe trop court : {MIN_PASSWORD} caractères au moins")
    with _editing(path) as users:
        entry = users.setdefault(email, {})
        entry["role"] = role
        if password is not None:
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
            raise UserError(f"utilisateur inconnu : {email}")
        entry.pop("failures", None)
        entry.pop("locked_until", None)


def role_of(email: str | None, path: str | os.PathLike | None = None) -> str | None:
    """The role the users file gives this e-mail, None when it gives none."""
    if not email:
        return None
    try:
        return load(path).get(normalise(email), {}).get("role")
    except UserError:
        return None


def authenticate(
    email: str, password: str, path: str | os.PathLike | None = None, now: dt.datetime | None = None
) -> Attempt:
    """Check a local password, counting failures: the lock-out is decided here, on the server."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        email = normalise(email)
    except UserError:
        _verify(_DUMMY, password)
        return Attempt(False, "invalid")
    with _editing(path) as users:
        entry = users.get(email)
        if entry is None or "hash" not in entry:
            _verify(_DUMMY, password)
            return Attempt(False, "invalid")
        until = entry.get("locked_until")
        if until and dt.datetime.fromisoformat(until) > now:
            return Attempt(False, "locked", dt.datetime.fromisoformat(until))
        if _verify(entry["hash"], password):
            entry.pop("failures", None)
            entry.pop("locked_until", None)
            if _hasher.check_needs_rehash(entry["hash"]):
                entry["hash"] = _hasher.hash(password)
            return Attempt(True, role=entry["role"])
        entry["failures"] = entry.get("failures", 0) + 1
        if entry["failures"] >= MAX_FAILURES:
            locked = now + dt.timedelta(minutes=LOCK_MINUTES)
            entry["locked_until"] = locked.isoformat()
            entry["failures"] = 0
            return Attempt(False, "locked", locked)
        return Attempt(False, "invalid")


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


@contextmanager
def _editing(path: str | os.PathLike | None) -> Iterator[dict[str, dict]]:
    """The users, changed in place by the caller, then written whole (atomically) under a lock."""
    file = users_path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    with open(file.with_name(f".{file.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        users = load(file)
        before = json.dumps(users, sort_keys=True)
        yield users
        if json.dumps(users, sort_keys=True) == before:
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}-", dir=file.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"users": users}, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, file)


# --- python -m etl users …


def register(sub) -> None:
    """The ``users`` command of ``python -m etl`` (its parser added to ``sub``)."""
    p = sub.add_parser(
        "users",
        help="accounts and roles: add EMAIL --role ROLE | remove EMAIL | unlock EMAIL | list | configured",
        description="Example (the first administrator): python -m etl users add dsi@ville.fr --role admin",
    )
    p.add_argument("action", choices=("add", "remove", "unlock", "list", "configured"))
    p.add_argument("email", nargs="?")
    p.add_argument("--role", choices=ROLES, default="viewer")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (scripts)"
    )
    p.add_argument(
        "--no-password",
        action="store_true",
        help="no local password: the account signs in with OpenID Connect",
    )
    p.add_argument("--users", help="users file (default: data/users.json, or $CADRAN_USERS)")
    p.set_defaults(run=_cli)


def _cli(args) -> int:
    import getpass
    import sys

    if args.action == "configured":  # exit 0 when a sign-in is configured (the Makefile asks)
        return 0 if mode(args.users) != "none" else 1
    if args.action == "list":
        for email, entry in sorted(load(args.users).items()):
            flags = ("mot de passe" if "hash" in entry else "OpenID Connect") + (
                ", verrouillé" if entry.get("locked_until") else ""
            )
            print(f"{email:<40} {entry['role']:<10} {flags}")
        return 0
    if not args.email:
        raise UserError("précisez l'adresse e-mail")
    if args.action == "remove":
        if not remove(args.email, args.users):
            raise UserError(f"utilisateur inconnu : {args.email}")
        print(f"Supprimé : {normalise(args.email)}")
        return 0
    if args.action == "unlock":
        unlock(args.email, args.users)
        print(f"Déverrouillé : {normalise(args.email)}")
        return 0
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif not args.no_password and not oidc_configured():
        password = getpass.getpass(f"Mot de passe de {args.email} ({MIN_PASSWORD} caractères au moins) : ")
        if getpass.getpass("Une seconde fois : ") != password:
            raise UserError("les deux mots de passe diffèrent")
    add(args.email, args.role, password, args.users)
    print(f"Enregistré : {normalise(args.email)} ({args.role})")
    return 0
