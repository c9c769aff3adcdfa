"""Keys: each installation signs its bundles; headquarters decrypts them.

A device has an Ed25519 signing key (made the first time it is needed, in the data folder's `keys/`, mode
0600). Headquarters has an X25519 key pair that bundles are encrypted to, plus an Ed25519 key kept for
signing receipts. A laptop trusts a headquarters by enrolling its public key file; the enrolment also
remembers the headquarters inbox URL for the outbox. Private keys never leave the folder they were made in.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.paths import DataPaths
from ccema_desktop.sync import DEVICE_KEY_FILE

HQ_ENCRYPTION_KEY_FILE = "hq-x25519.pem"
HQ_SIGNING_KEY_FILE = "hq-ed25519.pem"
ENROLMENT_FILE = "headquarters.json"
PUBLIC_KEY_FORMAT = "ccema-hq-public-key"
PUBLIC_KEY_VERSION = 1
MAX_PUBLIC_KEY_FILE = 64 * 1024


class KeyFileError(KnownError):
    """A key file is missing, unreadable or not what it claims to be."""


class NotEnrolledError(KnownError):
    """This laptop has no headquarters key to encrypt bundles to."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Strict base64 (no stray characters), as written by `b64`."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(raw: bytes) -> str:
    """A short fingerprint people can compare over the phone."""
    return hashlib.sha256(raw).hexdigest()[:16]


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _write_private(path: Path, data: bytes) -> bool:
    """Create `path` with mode 0600 unless it exists (atomic: two processes never end with two keys).

    Returns False when another process created it first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _read_private(path: Path) -> Any:
    try:
        data = path.read_bytes()
        if os.name == "posix" and path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)  # tighten a copied key file; only this user may read it
        return serialization.load_pem_private_key(data, password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise KeyFileError(
            _(
                "The key file {path} cannot be read ({reason}). Restore it from a backup of the data folder."
            ).format(path=path, reason=exc)
        ) from exc


def _write_failed(path: Path, exc: OSError) -> KnownError:
    return KeyFileError(
        _("Cannot write the key file {path} ({reason}). Check that the data folder is writable.").format(
            path=path, reason=exc.strerror or exc
        )
    )


# --- device --------------------------------------------------------------------------------------------
def device_key_path(paths: DataPaths) -> Path:
    return paths.keys / DEVICE_KEY_FILE


def ensure_device_key(paths: DataPaths) -> Ed25519PrivateKey:
    """This installation's signing key, made on first need (cheap to call: only reads after the first)."""
    path = device_key_path(paths)
    if not path.exists():
        try:
            _write_private(path, _pem(Ed25519PrivateKey.generate()))
        except OSError as exc:
            raise _write_failed(path, exc) from exc
    key = _read_private(path)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(_("{path} is not an Ed25519 signing key.").format(path=path))
    return key


# --- headquarters --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HeadquartersKeys:
    encryption: X25519PrivateKey
    signing: Ed25519PrivateKey

    @property
    def key_id(self) -> str:
        return key_id(raw_public(self.encryption.public_key()))

    def public_document(self) -> dict[str, Any]:
        return {
            "format": PUBLIC_KEY_FORMAT,
            "version": PUBLIC_KEY_VERSION,
            "key_id": self.key_id,
            "encryption_public_key": b64(raw_public(self.encryption.public_key())),
            "signing_public_key": b64(raw_public(self.signing.public_key())),
        }


def headquarters_initialised(paths: DataPaths) -> bool:
    return (paths.keys / HQ_ENCRYPTION_KEY_FILE).exists()


def init_headquarters(paths: DataPaths) -> HeadquartersKeys:
    """Make the headquarters key pair; refuses to replace one (bundles sent to it could no longer be read)."""
    enc_path = paths.keys / HQ_ENCRYPTION_KEY_FILE
    sig_path = paths.keys / HQ_SIGNING_KEY_FILE
    if enc_path.exists():
        raise KnownError(
            _(
                "This data folder already has a headquarters key ({path}). It is kept: replacing it would make "
                "every bundle already sent to it unreadable. Export it with 'ccema hq public-key --out FILE'."
            ).format(path=enc_path)
        )
    try:
        if not sig_path.exists():
            _write_private(sig_path, _pem(Ed25519PrivateKey.generate()))
        if not _write_private(enc_path, _pem(X25519PrivateKey.generate())):
            raise KnownError(
                _("Another process made the headquarters key at the same time; run the command again.")
            )
    except OSError as exc:
        raise _write_failed(enc_path, exc) from exc
    return load_headquarters(paths)


def load_headquarters(paths: DataPaths) -> HeadquartersKeys:
    enc_path = paths.keys / HQ_ENCRYPTION_KEY_FILE
    if not enc_path.exists():
        raise KnownError(
            _(
                "No headquarters key in {folder}. Run 'ccema hq init' once in the headquarters data folder, "
                "or point --data-dir at it."
            ).format(folder=paths.root)
        )
    enc = _read_private(enc_path)
    sig = _read_private(paths.keys / HQ_SIGNING_KEY_FILE)
    if not isinstance(enc, X25519PrivateKey) or not isinstance(sig, Ed25519PrivateKey):
        raise KeyFileError(
            _("The headquarters key files in {folder} are not of the expected kind.").format(
                folder=paths.keys
            )
        )
    return HeadquartersKeys(enc, sig)


def write_public_key(paths: DataPaths, out: Path) -> HeadquartersKeys:
    keys = load_headquarters(paths)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(keys.public_document(), indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise KnownError(
            _("Cannot write {path} ({reason}).").format(path=out, reason=exc.strerror or exc)
        ) from exc
    return keys


# --- enrolment of a laptop -----------------------------------------------------------------------------
@dataclass(frozen=True)
class EnrolledHeadquarters:
    key_id: str
    encryption_key: X25519PublicKey
    signing_key: Ed25519PublicKey
    inbox_url: str | None
    enrolled_at: str

    def as_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "encryption_public_key": b64(raw_public(self.encryption_key)),
            "signing_public_key": b64(raw_public(self.signing_key)),
            "inbox_url": self.inbox_url,
            "enrolled_at": self.enrolled_at,
        }


def _parse_public_document(doc: Any, source: str) -> tuple[str, X25519PublicKey, Ed25519PublicKey]:
    bad = ValidationError(
        _(
            "{source} is not a headquarters public key file. Ask headquarters for the file made by "
            "'ccema hq public-key --out FILE'."
        ).format(source=source)
    )
    if not isinstance(doc, dict) or doc.get("format") != PUBLIC_KEY_FORMAT:
        raise bad
    try:
        enc_raw = unb64(str(doc["encryption_public_key"]))
        sig_raw = unb64(str(doc["signing_public_key"]))
        enc = X25519PublicKey.from_public_bytes(enc_raw)
        sig = Ed25519PublicKey.from_public_bytes(sig_raw)
    except (KeyError, ValueError, binascii.Error, UnicodeEncodeError):
        raise bad from None
    if doc.get("key_id") != key_id(enc_raw):
        raise ValidationError(
            _("The key file {source} is damaged: its fingerprint does not match its key.").format(
                source=source
            )
        )
    return key_id(enc_raw), enc, sig


def enroll(paths: DataPaths, public_key_file: Path, inbox_url: str | None = None) -> EnrolledHeadquarters:
    """Trust the headquarters key in `public_key_file` (replacing any earlier enrolment)."""
    if inbox_url is not None and not inbox_url.startswith(("https://", "http://")):
        raise ValidationError(
            _("The inbox URL must start with https:// (or http:// on a closed network): {url}").format(
                url=inbox_url
            )
        )
    try:
        if public_key_file.stat().st_size > MAX_PUBLIC_KEY_FILE:
            raise ValidationError(_("{path} is too large to be a key file.").format(path=public_key_file))
        doc = json.loads(public_key_file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(
            _("Cannot read {path} ({reason}).").format(path=public_key_file, reason=exc.strerror or exc)
        ) from exc
    except (ValueError, UnicodeDecodeError):
        doc = None
    kid, enc, sig = _parse_public_document(doc, str(public_key_file))
    enrolled = EnrolledHeadquarters(
        kid, enc, sig, inbox_url, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    )
    target = paths.keys / ENROLMENT_FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_text(json.dumps(enrolled.as_json(), indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    return enrolled


def enrolled_headquarters(paths: DataPaths) -> EnrolledHeadquarters | None:
    """The headquarters this laptop sends bundles to, or None before `ccema device enroll`."""
    path = paths.keys / ENROLMENT_FILE
    if not path.exists():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KeyFileError(
            _(
                "The enrolment file {path} is damaged ({reason}); enroll again with 'ccema device enroll FILE'."
            ).format(path=path, reason=exc)
        ) from exc
    kid, enc, sig = _parse_public_document({**doc, "format": PUBLIC_KEY_FORMAT}, str(path))
    url = doc.get("inbox_url")
    return EnrolledHeadquarters(
        kid, enc, sig, url if isinstance(url, str) else None, str(doc.get("enrolled_at", ""))
    )
