"""Import bundle files and folders at headquarters: one result per file, bad files set aside.

Each file is checked completely (size, JSON, format, signature, decryption, schema, records) before its
merge starts, and each merge is one transaction, so a bad or interrupted file never leaves part of itself
behind and never stops the other files of the run. Rejected files found in a folder are moved to the
folder's `quarantine/` with a `.reason.txt` beside them, so the inbox only holds what is still to do.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from ccema_desktop.context import AppContext
from ccema_desktop.i18n import _
from ccema_desktop.storage.db import batch_commits
from ccema_desktop.sync.envelope import MAX_BUNDLE_BYTES, BundleRejected, open_bundle, too_large_message
from ccema_desktop.sync.keys import HeadquartersKeys, load_headquarters
from ccema_desktop.sync.merge import TableCounts, check_device_key, merge_bundle

QUARANTINE = "quarantine"


@dataclass
class FileResult:
    file: str
    status: str  # accepted | unchanged | rejected
    reason: str | None = None
    bundle_id: str | None = None
    workshop_id: str | None = None
    device_id: str | None = None
    encrypted: bool | None = None
    conflicts: int = 0
    tables: dict[str, TableCounts] = field(default_factory=dict)
    quarantined: str | None = None

    @property
    def new(self) -> int:
        return sum(c.new for c in self.tables.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.tables.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "new": self.new,
            "updated": self.updated,
            "conflicts": self.conflicts,
            "reason": self.reason,
            "bundle_id": self.bundle_id,
            "workshop_id": self.workshop_id,
            "device_id": self.device_id,
            "encrypted": self.encrypted,
            "tables": {name: {"new": c.new, "updated": c.updated} for name, c in self.tables.items()},
            "quarantined": self.quarantined,
        }


def _read_limited(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BUNDLE_BYTES:
        raise BundleRejected(too_large_message(size))
    with path.open("rb") as fh:
        data = fh.read(MAX_BUNDLE_BYTES + 1)
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRejected(too_large_message(len(data)))
    return data


def import_file(
    ctx: AppContext, hq: HeadquartersKeys, path: Path, dry_run: bool = False, conn: Connection | None = None
) -> FileResult:
    """Check and merge one file; every problem with the file becomes a `rejected` result with a reason."""
    if conn is None:
        with ctx.db.engine.connect() as own:
            return import_file(ctx, hq, path, dry_run, own)
    result = FileResult(file=str(path), status="rejected")

    def check_sender(envelope: dict[str, Any]) -> None:
        with conn.begin():
            check_device_key(conn, str(envelope["device_id"]), str(envelope["device_public_key"]))

    try:
        bundle = open_bundle(_read_limited(path), hq, check_sender=check_sender)
        result.bundle_id, result.workshop_id = bundle.bundle_id, bundle.workshop_id
        result.device_id, result.encrypted = bundle.device_id, bundle.encrypted
        merged = merge_bundle(ctx.db, bundle, path.name, dry_run=dry_run, conn=conn)
    except BundleRejected as exc:
        result.reason = str(exc)
        return result
    except OSError as exc:
        result.reason = _("Cannot read the file ({reason}).").format(reason=exc.strerror or exc)
        return result
    result.status = merged.status
    result.tables = merged.tables
    result.conflicts = merged.conflicts
    return result


def _files(target: Path) -> Iterator[tuple[Path, bool]]:
    """(file, came from a folder) for each file named or found directly in a named folder."""
    if target.is_dir():
        for entry in sorted(target.iterdir()):
            if entry.is_file() and not entry.name.startswith("."):
                yield entry, True
    else:
        yield target, False


def _quarantine(path: Path, reason: str) -> Path | None:
    folder = path.parent / QUARANTINE
    try:
        folder.mkdir(exist_ok=True)
        dest = folder / path.name
        n = 1
        while dest.exists():
            dest = folder / f"{path.stem}-{n}{path.suffix}"
            n += 1
        os.replace(path, dest)
        dest.with_name(dest.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
    except OSError:
        return None
    return dest


def import_paths(
    ctx: AppContext,
    targets: list[Path],
    dry_run: bool = False,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[FileResult]:
    """Import files and folders in the order given (a folder's files by name); never stops at a bad file.

    `progress(done, total)` is called before each file and at the end; when `cancelled()` turns true the run
    stops between files (each file is one transaction, so what was imported stays whole) and returns the
    results so far. Everything merged is on disk before this returns (with several files the commits are
    flushed together at the end: `storage.db.batch_commits`). Accepted files are left where they are.
    """
    hq = load_headquarters(ctx.paths)
    work: list[tuple[Path, bool] | Path] = []
    for target in targets:
        if target.exists():
            work.extend(_files(target))
        else:
            work.append(target)
    results: list[FileResult] = []
    with ctx.db.engine.connect() as conn:  # one connection for the run: opening one per file is slow
        # Several files: their commits reach the disk together when the loop ends (see `batch_commits`),
        # before any result is returned; each file is still its own transaction.
        batch = batch_commits(conn) if len(work) > 1 and not dry_run else contextlib.nullcontext()
        with batch:
            for done, entry in enumerate(work):
                if cancelled is not None and cancelled():
                    break
                if progress is not None:
                    progress(done, len(work))
                if isinstance(entry, Path):
                    results.append(
                        FileResult(file=str(entry), status="rejected", reason=_("No such file or folder."))
                    )
                else:
                    results.append(_import_one(ctx, hq, entry[0], entry[1], dry_run, conn))
            merged = [r.workshop_id for r in results if r.status == "accepted" and r.workshop_id]
            if merged and not dry_run:
                # The statistics' parts of the workshops merged, read once for the run (each bundle's merge
                # only marks them stale, through triggers), so `ccema stats` needs no reading afterwards.
                from ccema_desktop.services import workshop_figures

                # If it fails the bundles are in all the same: `ccema stats` computes what is still stale.
                with contextlib.suppress(SQLAlchemyError):
                    workshop_figures.refresh(ctx.db, merged, conn)
    if progress is not None and len(results) == len(work):
        progress(len(work), len(work))
    return results


def _import_one(
    ctx: AppContext, hq: HeadquartersKeys, path: Path, from_folder: bool, dry_run: bool, conn: Connection
) -> FileResult:
    result = import_file(ctx, hq, path, dry_run=dry_run, conn=conn)
    if result.status == "rejected" and from_folder and not dry_run:
        moved = _quarantine(path, result.reason or "")
        result.quarantined = str(moved) if moved else None
    return result
