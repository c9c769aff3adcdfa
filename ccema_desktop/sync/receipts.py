"""Signed receipts: headquarters tells a laptop what became of a bundle, and the laptop can check it.

A receipt is a small JSON object signed with the headquarters Ed25519 key (`keys/hq-ed25519.pem`, made by
`ccema hq init`; its public half travels in the public key file a laptop enrols). It names the bundle (id,
device, workshop and the SHA-256 of the decrypted payload, so it cannot be taken for another bundle or
another version of it) and what headquarters did: `imported` (merged, with the record counts of its first
import) or `held` (stored, waiting for a coordinator to approve the laptop).

The signature is Ed25519 over the bytes `ccema-receipt-signature\\n` followed by the canonical JSON (as for
bundles) of the receipt without its `signature` field. Fields are only ever added; a laptop ignores fields
it does not know, and the signature covers them all.
"""

from __future__ import annotations

import binascii
import datetime as dt
from typing import Any

from cryptography.exceptions import InvalidSignature

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _
from ccema_desktop.sync.envelope import canonical
from ccema_desktop.sync.keys import EnrolledHeadquarters, HeadquartersKeys, b64, key_id, raw_public, unb64

RECEIPT_FORMAT = "ccema-receipt"
RECEIPT_VERSION = 1
IMPORTED = "imported"
HELD = "held"
RECEIPT_STATUSES = (IMPORTED, HELD)
_SIGNATURE_CONTEXT = b"ccema-receipt-signature\n"


class ReceiptError(KnownError):
    """A receipt that does not prove what it claims; the message says why in plain words."""


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")


def make_receipt(
    hq: HeadquartersKeys,
    *,
    bundle_id: str,
    device_id: str,
    workshop_id: str,
    content_hash: str,
    status: str,
    at: dt.datetime,
    records_new: int = 0,
    records_updated: int = 0,
) -> dict[str, Any]:
    """A signed receipt. `at` is when the bundle was imported (`imported`) or received (`held`)."""
    if status not in RECEIPT_STATUSES:
        raise ValueError(status)
    receipt: dict[str, Any] = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "status": status,
        "bundle_id": bundle_id,
        "device_id": device_id,
        "workshop_id": workshop_id,
        "content_hash": content_hash,
        "key_id": hq.key_id,
        "signing_key_id": key_id(raw_public(hq.signing.public_key())),
        "issued_at": _iso(dt.datetime.now(dt.UTC)),
    }
    if status == IMPORTED:
        receipt["imported_at"] = _iso(at)
        receipt["records"] = {"new": records_new, "updated": records_updated}
    else:
        receipt["received_at"] = _iso(at)
    receipt["signature"] = b64(hq.signing.sign(_SIGNATURE_CONTEXT + canonical(receipt)))
    return receipt


def verify_receipt(
    receipt: Any,
    enrolled: EnrolledHeadquarters,
    *,
    bundle_id: str,
    content_hash: str | None = None,
) -> str:
    """Check a receipt against the enrolled headquarters and the bundle it should be about.

    Returns its status (`imported` or `held`); raises ReceiptError with the reason otherwise.
    """
    if not isinstance(receipt, dict) or receipt.get("format") != RECEIPT_FORMAT:
        raise ReceiptError(_("Headquarters answered without a receipt."))
    unsigned = {k: v for k, v in receipt.items() if k != "signature"}
    try:
        enrolled.signing_key.verify(
            unb64(str(receipt.get("signature", ""))), _SIGNATURE_CONTEXT + canonical(unsigned)
        )
    except (InvalidSignature, ValueError, TypeError, binascii.Error):
        raise ReceiptError(
            _(
                "The receipt is not signed by the headquarters this laptop is enrolled to (key {key}): "
                "the answer came from somewhere else or was altered."
            ).format(key=enrolled.key_id)
        ) from None
    if receipt.get("bundle_id") != bundle_id:
        raise ReceiptError(
            _("Headquarters sent a receipt for another bundle ({other}).").format(
                other=receipt.get("bundle_id")
            )
        )
    if content_hash is not None and receipt.get("content_hash") != content_hash:
        raise ReceiptError(
            _("Headquarters' receipt is for different content than this bundle; send it again.")
        )
    status = receipt.get("status")
    if status not in RECEIPT_STATUSES:
        raise ReceiptError(_("The receipt has an unknown status ({status}).").format(status=status))
    return str(status)


def receipt_time(receipt: dict[str, Any]) -> dt.datetime | None:
    """When headquarters imported (or received) the bundle, as the receipt says."""
    for key in ("imported_at", "received_at", "issued_at"):
        raw = receipt.get(key)
        if isinstance(raw, str):
            try:
                value = dt.datetime.fromisoformat(raw)
            except ValueError:
                continue
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return None
