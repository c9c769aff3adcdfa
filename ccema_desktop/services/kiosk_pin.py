"""The kiosk PIN: facilitators leave kiosk mode with it; participants at the kiosk cannot.

Stored only as a salted scrypt hash (n=2**14, r=8, p=1, 16-byte random salt, 32-byte key) in `db_meta`
(never synced: each machine has its own PIN), and checked with a constant-time comparison.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from ccema_desktop.errors import ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import DbMeta

PIN_KEY = "kiosk_pin"
MIN_DIGITS = 4
MAX_DIGITS = 12
_N, _R, _P = 2**14, 8, 1
_SCHEME = "scrypt"


def _derive(pin: str, salt: bytes, n: int = _N, r: int = _R, p: int = _P) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 1024 * 1024)


def check_format(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise ValidationError(
            _("The kiosk PIN is {min} to {max} digits.").format(min=MIN_DIGITS, max=MAX_DIGITS)
        )
    return pin


def hash_pin(pin: str) -> str:
    """'scrypt$n$r$p$salt$hash' (base64) for a valid PIN."""
    salt = secrets.token_bytes(16)
    digest = _derive(check_format(pin), salt)
    b64 = base64.b64encode
    return f"{_SCHEME}${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify(stored: str, pin: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(digest)
        actual = _derive(pin, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def set_pin(db: Database, pin: str) -> None:
    """Set or replace the kiosk PIN (4-12 digits)."""
    value = hash_pin(pin)
    with db.transaction() as s:
        row = s.get(DbMeta, PIN_KEY)
        if row is None:
            s.add(DbMeta(key=PIN_KEY, value=value))
        else:
            row.value = value


def has_pin(db: Database) -> bool:
    with db.transaction() as s:
        return s.get(DbMeta, PIN_KEY) is not None


def check_pin(db: Database, pin: str) -> bool:
    """Whether `pin` is the kiosk PIN (False when none is set)."""
    with db.transaction() as s:
        row = s.get(DbMeta, PIN_KEY)
        stored = row.value if row else None
    if stored is None or not isinstance(pin, str):
        return False
    return verify(stored, pin)


def clear_pin(db: Database) -> None:
    with db.transaction() as s:
        row = s.get(DbMeta, PIN_KEY)
        if row is not None:
            s.delete(row)
