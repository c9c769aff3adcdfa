"""Sync bundles: a workshop travels from a venue laptop to headquarters as one signed, encrypted file.

keys.py      device signing key, headquarters key pair, enrolment of a laptop to a headquarters
envelope.py  canonical JSON, sealing (sign + encrypt) and opening (limits, verify, decrypt, validate)
registry.py  which tables travel and how each is scoped to a workshop (one line per table)
export.py    a complete snapshot of one workshop as a bundle
merge.py     idempotent merge of a bundle into the headquarters database, conflict log
importer.py  files and folders in, per-file results out, quarantine for rejected files
"""

from __future__ import annotations

import contextlib

from ccema_desktop.errors import KnownError
from ccema_desktop.paths import DataPaths

DEVICE_KEY_FILE = "device-ed25519.pem"


def ensure_device_key_on_start(paths: DataPaths) -> None:
    """Make this installation's signing key on first start; later starts only see that the file exists.

    cryptography is imported only when a key must be made, so start-up stays fast. A folder that cannot
    be written is reported later, when a bundle is exported.
    """
    if (paths.keys / DEVICE_KEY_FILE).exists():
        return
    from ccema_desktop.sync.keys import ensure_device_key

    with contextlib.suppress(KnownError, OSError):
        ensure_device_key(paths)
