"""The bundle envelope: canonical JSON, sealing (compress, encrypt, sign) and opening (every check first).

A bundle file is the canonical JSON of its envelope (sorted keys, no spaces, ASCII), so any changed byte
is caught: either the file no longer parses, or it is not canonical, or the Ed25519 signature (over the
canonical envelope without its signature) fails. The payload is zlib-compressed and encrypted to the
headquarters key with HPKE (RFC 9180: X25519, HKDF-SHA256, ChaCha20-Poly1305); the HPKE `info` is the
canonical header, so a payload cannot be moved into another envelope. Limits are checked before parsing.
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
import json
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ccema_desktop import __version__
from ccema_desktop.errors import ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.sync.keys import EnrolledHeadquarters, HeadquartersKeys, b64, raw_public, unb64
from ccema_desktop.sync.registry import depth_ok

FORMAT = "ccema-bundle"
FORMAT_VERSION = 1
#: Oldest format version this app still imports (see `UPGRADES`).
MIN_FORMAT_VERSION = 1
SCHEME_HPKE = "hpke-x25519-sha256-chacha20poly1305"
SCHEME_NONE = "none"
MAX_BUNDLE_BYTES = 32 * 1024 * 1024
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32
_SIGNATURE_CONTEXT = b"ccema-bundle-signature\n"
_HPKE_CONTEXT = b"ccema-bundle-payload\n"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)

#: format version N -> function turning a version N payload into a version N+1 payload. When the format
#: changes, bump FORMAT_VERSION, add the step here and keep a saved bundle of the old version in tests.
UPGRADES: dict[int, Any] = {}


class BundleRejected(ValidationError):
    """A file that is not an intact bundle for this headquarters; the message is the reason."""


def canonical(value: Any) -> bytes:
    """The one byte form of a JSON value that signatures and bundle files use."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("ascii")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse_json(data: bytes, what: str, check_depth: bool = True) -> Any:
    """JSON with the guards a file from outside needs: UTF-8, no NaN, bounded nesting.

    The payload skips the full depth walk: its shape is fixed by the schema, and the free-form JSON values
    it stores are depth-checked column by column when records are decoded (registry).
    """
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_no_constants)
    except UnicodeDecodeError:
        raise BundleRejected(_("The {what} is not text (not UTF-8 JSON).").format(what=what)) from None
    except RecursionError:
        raise BundleRejected(_("The {what} is nested too deeply to be a bundle.").format(what=what)) from None
    except ValueError as exc:
        raise BundleRejected(
            _("The {what} is not valid JSON ({reason}).").format(what=what, reason=exc)
        ) from None
    if check_depth and not depth_ok(value, MAX_DEPTH):
        raise BundleRejected(
            _("The {what} is nested more than {depth} levels deep.").format(what=what, depth=MAX_DEPTH)
        )
    return value


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema (shipped as package data)."""
    text = files("ccema_desktop.sync").joinpath("bundle.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with its local `$ref`s replaced by what they point to (the schema has no cycles)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(defs[ref.removeprefix("#/$defs/")], defs), **_inline(rest, defs)}
        return {k: _inline(v, defs) for k, v in node.items() if k not in ("$defs", "$schema", "$id")}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@lru_cache(maxsize=2)
def _validator(part: str) -> Callable[[Any], Any]:
    """The shipped schema compiled to Python by fastjsonschema (about 50 times faster than interpreting it)."""
    import fastjsonschema

    root = schema()
    target = root if part == "envelope" else root["$defs"][part]
    compiled: Callable[[Any], Any] = fastjsonschema.compile(_inline(target, root["$defs"]))
    return compiled


def validate(value: Any, part: str, what: str) -> None:
    """Raise BundleRejected with the first schema violation (the message says where)."""
    import fastjsonschema

    try:
        _validator(part)(value)
    except fastjsonschema.JsonSchemaException as exc:
        message = str(exc)
        message = message if len(message) < 300 else message[:300] + "…"
        raise BundleRejected(
            _("The {what} does not follow the bundle format: {message}").format(what=what, message=message)
        ) from None


def _header(
    *,
    bundle_id: str,
    created_at: dt.datetime,
    device_id: str,
    device_key: Ed25519PrivateKey,
    workshop_id: str,
    recipient: EnrolledHeadquarters | None,
) -> dict[str, Any]:
    encryption: dict[str, Any] = (
        {"scheme": SCHEME_HPKE, "recipient": recipient.key_id} if recipient else {"scheme": SCHEME_NONE}
    )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id,
        "created_at": created_at.astimezone(dt.UTC).isoformat(),
        "app_version": __version__,
        "device_id": device_id,
        "device_public_key": b64(raw_public(device_key.public_key())),
        "workshop_id": workshop_id,
        "encryption": encryption,
        "compression": "zlib",
    }


def seal(
    payload: bytes,
    *,
    device_id: str,
    device_key: Ed25519PrivateKey,
    workshop_id: str,
    recipient: EnrolledHeadquarters | None,
    bundle_id: str | None = None,
    created_at: dt.datetime | None = None,
) -> bytes:
    """The bytes of a bundle file: compressed, encrypted to `recipient` (None: plain), signed."""
    header = _header(
        bundle_id=bundle_id or str(uuid.uuid4()),
        created_at=created_at or dt.datetime.now(dt.UTC),
        device_id=device_id,
        device_key=device_key,
        workshop_id=workshop_id,
        recipient=recipient,
    )
    body = zlib.compress(payload, 6)
    if recipient is not None:
        body = _SUITE.encrypt(body, recipient.encryption_key, info=_HPKE_CONTEXT + canonical(header))
    envelope = {**header, "payload": b64(body)}
    envelope["signature"] = b64(device_key.sign(_SIGNATURE_CONTEXT + canonical(envelope)))
    return canonical(envelope)


@dataclass(frozen=True)
class OpenedBundle:
    """A verified, decrypted and validated bundle."""

    envelope: dict[str, Any]
    payload: dict[str, Any]
    content_hash: str

    @property
    def bundle_id(self) -> str:
        return str(self.envelope["bundle_id"])

    @property
    def device_id(self) -> str:
        return str(self.envelope["device_id"])

    @property
    def device_public_key(self) -> str:
        return str(self.envelope["device_public_key"])

    @property
    def workshop_id(self) -> str:
        return str(self.envelope["workshop_id"])

    @property
    def format_version(self) -> int:
        return int(self.envelope["format_version"])

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(str(self.envelope["created_at"])).astimezone(dt.UTC)

    @property
    def encrypted(self) -> bool:
        return bool(self.envelope["encryption"]["scheme"] != SCHEME_NONE)


def read_envelope(data: bytes) -> dict[str, Any]:
    """Parse and check the outer envelope (format, version, schema, canonical form); nothing decrypted."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRejected(too_large_message(len(data)))
    if not data.lstrip()[:1] == b"{":
        raise BundleRejected(_("This is not a CCEMA bundle (not a JSON object)."))
    envelope = parse_json(data, _("file"))
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise BundleRejected(
            _("This is not a CCEMA bundle (its 'format' is not '{format}').").format(format=FORMAT)
        )
    version = envelope.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        raise BundleRejected(
            _(
                "This bundle uses format version {version}, newer than this app reads ({current}). "
                "Update CCEMA Desktop at headquarters and import it again."
            ).format(version=version, current=FORMAT_VERSION)
        )
    if type(version) is int and version < MIN_FORMAT_VERSION:
        raise BundleRejected(
            _("This bundle uses format version {version}, which is no longer supported.").format(
                version=version
            )
        )
    validate(envelope, "envelope", _("bundle"))
    if canonical(envelope) != data:
        raise BundleRejected(
            _(
                "The bundle file was altered after it was written (it is not in the exact form the app writes)."
            )
        )
    return envelope


def too_large_message(size: int) -> str:
    return _(
        "The file is {size} MB; a bundle is at most {limit} MB. It is not a bundle or it is damaged."
    ).format(size=round(size / 1024 / 1024, 1), limit=MAX_BUNDLE_BYTES // 1024 // 1024)


def verify(envelope: dict[str, Any]) -> None:
    """Check the device's signature over the whole envelope."""
    unsigned = {k: v for k, v in envelope.items() if k != "signature"}
    try:
        key = Ed25519PublicKey.from_public_bytes(unb64(envelope["device_public_key"]))
        key.verify(unb64(envelope["signature"]), _SIGNATURE_CONTEXT + canonical(unsigned))
    except (InvalidSignature, ValueError, binascii.Error):
        raise BundleRejected(
            _("The bundle's signature does not match its content: it was altered or damaged on the way.")
        ) from None


def decrypt(envelope: dict[str, Any], hq: HeadquartersKeys | None) -> bytes:
    """The decompressed payload bytes."""
    try:
        body = unb64(envelope["payload"])
    except (ValueError, binascii.Error):
        raise BundleRejected(_("The bundle's payload is damaged (not base64).")) from None
    scheme = envelope["encryption"]["scheme"]
    if scheme == SCHEME_HPKE:
        recipient = envelope["encryption"]["recipient"]
        if hq is None or recipient != hq.key_id:
            raise BundleRejected(
                _(
                    "The bundle is encrypted to another headquarters key ({theirs}); this headquarters is {ours}. "
                    "The venue must enroll this headquarters' key ('ccema device enroll FILE') and export again."
                ).format(theirs=recipient, ours=hq.key_id if hq else "-")
            )
        header = {k: v for k, v in envelope.items() if k not in ("payload", "signature")}
        try:
            body = _SUITE.decrypt(body, hq.encryption, info=_HPKE_CONTEXT + canonical(header))
        except (InvalidTag, ValueError):
            raise BundleRejected(
                _("The bundle cannot be decrypted with this headquarters key: it is damaged.")
            ) from None
    if envelope["compression"] == "none":
        if len(body) > MAX_PAYLOAD_BYTES:
            raise BundleRejected(_("The bundle's payload is too large."))
        return body
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(body, MAX_PAYLOAD_BYTES)
    except zlib.error:
        raise BundleRejected(_("The bundle's payload is damaged (cannot be decompressed).")) from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise BundleRejected(_("The bundle's payload is too large or truncated."))
    return data


def open_bundle(
    data: bytes, hq: HeadquartersKeys | None, check_sender: Callable[[dict[str, Any]], None] | None = None
) -> OpenedBundle:
    """Every check a bundle must pass before anything is written; raises BundleRejected with the reason.

    `check_sender` sees the verified envelope before decryption (headquarters checks the device's key).
    """
    envelope = read_envelope(data)
    verify(envelope)
    if check_sender is not None:
        check_sender(envelope)
    plain = decrypt(envelope, hq)
    payload = parse_json(plain, _("bundle's payload"), check_depth=False)
    version = int(envelope["format_version"])
    for step in range(version, FORMAT_VERSION):
        payload = UPGRADES[step](payload)
    validate(payload, "payload", _("bundle's payload"))
    for key in ("bundle_id", "device_id", "workshop_id"):
        if payload[key] != envelope[key]:
            raise BundleRejected(
                _("The bundle's payload does not belong to its envelope ({key} differs).").format(key=key)
            )
    return OpenedBundle(envelope, payload, hashlib.sha256(plain).hexdigest())
