"""The `ccema` commands for sync bundles and headquarters: keys, export, import, statistics, conflicts.

Kept apart from cli.py so branches that add commands do not collide; `register` is called once from
`cli.build_parser`. Names, options and JSON keys are a contract, like the rest of the CLI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ccema_desktop.i18n import _

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[Any, str, Handler, str], argparse.ArgumentParser]


def _print_json(data: Any) -> None:
    from ccema_desktop.cli import _print_json as print_json

    print_json(data)


def _context(args: argparse.Namespace) -> Any:
    from ccema_desktop.context import open_context

    return open_context(args.data_dir, args.db)


def _paths(args: argparse.Namespace) -> Any:
    from ccema_desktop.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


# --- headquarters keys -----------------------------------------------------------------------------------
def cmd_hq_init(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import keys

    paths = _paths(args)
    hq = keys.init_headquarters(paths)
    if args.json:
        _print_json({"key_id": hq.key_id, "folder": str(paths.keys)})
    else:
        print(
            _(
                "Headquarters key {key} made in {folder}. Export it with 'ccema hq public-key --out FILE'."
            ).format(key=hq.key_id, folder=paths.keys)
        )
    return 0


def cmd_hq_public_key(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import keys

    out = Path(args.out)
    hq = keys.write_public_key(_paths(args), out)
    if args.json:
        _print_json({"key_id": hq.key_id, "path": str(out)})
    else:
        print(
            _("Wrote {path} (key {key}). Give it to each venue laptop: 'ccema device enroll {path}'.").format(
                path=out, key=hq.key_id
            )
        )
    return 0


def cmd_hq_devices(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import merge

    devices = merge.list_devices(_context(args).db)
    if args.json:
        _print_json([d.as_json() for d in devices])
    else:
        for d in devices:
            print(f"{d.device_id}  {d.first_seen:%Y-%m-%d}  {d.last_seen:%Y-%m-%d %H:%M}  {d.bundles}")
    return 0


def cmd_hq_forget_device(args: argparse.Namespace) -> int:
    from ccema_desktop.errors import NotFoundError
    from ccema_desktop.sync import merge

    if not merge.forget_device(_context(args).db, args.device):
        raise NotFoundError(
            _("No device {device}. Run 'ccema hq devices' to see them.").format(device=args.device)
        )
    if args.json:
        _print_json({"forgotten": args.device})
    else:
        print(_("Device {device} forgotten; its next bundle pins its new key.").format(device=args.device))
    return 0


# --- device ----------------------------------------------------------------------------------------------
def cmd_device_enroll(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import keys

    paths = _paths(args)
    enrolled = keys.enroll(paths, Path(args.file), args.url)
    keys.ensure_device_key(paths)
    if args.json:
        _print_json({"key_id": enrolled.key_id, "inbox_url": enrolled.inbox_url})
    else:
        print(_("This laptop now encrypts bundles to headquarters key {key}.").format(key=enrolled.key_id))
    return 0


def cmd_device_show(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import keys

    ctx = _context(args)
    key = keys.ensure_device_key(ctx.paths)
    public = keys.raw_public(key.public_key())
    hq = keys.enrolled_headquarters(ctx.paths)
    data = {
        "device_id": ctx.db.device_id,
        "public_key": keys.b64(public),
        "key_id": keys.key_id(public),
        "headquarters": None if hq is None else {"key_id": hq.key_id, "inbox_url": hq.inbox_url},
    }
    if args.json:
        _print_json(data)
    else:
        print(_("Device {device}, signing key {key}").format(device=data["device_id"], key=data["key_id"]))
        print(
            _("Headquarters: {key}").format(key=hq.key_id)
            if hq
            else _("Not enrolled: run 'ccema device enroll FILE'.")
        )
    return 0


# --- bundles ---------------------------------------------------------------------------------------------
def cmd_bundle_export(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import export

    out = Path(args.out)
    if args.out.endswith(("/", os.sep)):  # "--out bundles/" names a folder, even one not made yet
        out.mkdir(parents=True, exist_ok=True)
    result = export.export_bundle(_context(args), args.workshop, out, plain=args.plain)
    if args.json:
        _print_json(result.as_json())
    else:
        print(result.path)
        if not result.encrypted:
            print(
                _("Warning: the bundle is not encrypted; anyone with the file can read it."), file=sys.stderr
            )
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import importer

    results = importer.import_paths(_context(args), [Path(p) for p in args.paths], dry_run=args.dry_run)
    rejected = [r for r in results if r.status == "rejected"]
    if args.json:
        _print_json([{**r.as_json(), "dry_run": args.dry_run} for r in results])
    else:
        for r in results:
            if r.status == "rejected":
                print(_("rejected   {file}: {reason}").format(file=r.file, reason=r.reason))
                if r.quarantined:
                    print(_("           moved to {path}").format(path=r.quarantined))
            elif r.status == "accepted":
                print(
                    _("accepted   {file}: {new} new, {updated} updated, {conflicts} conflict(s)").format(
                        file=r.file, new=r.new, updated=r.updated, conflicts=r.conflicts
                    )
                )
            else:
                print(_("unchanged  {file}").format(file=r.file))
        if not results:
            print(_("No files to import in {paths}.").format(paths=", ".join(args.paths)), file=sys.stderr)
        if args.dry_run:
            print(_("Dry run: nothing was written."), file=sys.stderr)
    if rejected:
        print(_("{n} file(s) rejected.").format(n=len(rejected)), file=sys.stderr)
        return 1
    return 0


# --- headquarters figures --------------------------------------------------------------------------------
def cmd_stats(args: argparse.Namespace) -> int:
    from ccema_desktop.services import stats

    figures = stats.compute(_context(args).db)
    if args.json:
        _print_json(figures.as_json())
    else:
        print(_("Workshops: {n}").format(n=figures.workshops))
        print(_("Participants registered: {n}").format(n=figures.participants_registered))
        print(_("Participants trained: {n}").format(n=figures.participants_trained))
        print(_("Eligible for a certificate: {n}").format(n=figures.certificates_eligible))
        print(_("Attendance rate: {rate:.1%}").format(rate=figures.attendance_rate))
        for title, counts in (
            (_("By sex"), figures.by_sex),
            (_("By sector"), figures.by_sector),
            (_("By country"), figures.by_country),
            (_("By year"), figures.by_year),
        ):
            print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import merge

    conflicts = merge.list_conflicts(_context(args).db)
    if args.json:
        _print_json([c.as_json() for c in conflicts])
    else:
        if not conflicts:
            print(_("No conflicts."))
        for c in conflicts:
            print(
                _(
                    "{table} {record}: kept revision {win_rev} from {win_device}, lost revision {lose_rev} from {lose_device}"
                ).format(
                    table=c.table,
                    record=c.record_id,
                    win_rev=c.winner_revision,
                    win_device=c.winner_device_id,
                    lose_rev=c.loser_revision,
                    lose_device=c.loser_device_id,
                )
            )
    return 0


def register(sub: Any, command: Command) -> None:
    """Add the sync and headquarters commands to the `ccema` parser."""
    hq = sub.add_parser("hq", help=_("headquarters keys and devices")).add_subparsers(
        dest="action", required=True
    )
    command(hq, "init", cmd_hq_init, _("make the headquarters key pair in the data folder"))
    p = command(hq, "public-key", cmd_hq_public_key, _("export the headquarters public key for laptops"))
    p.add_argument("--out", required=True, help=_("file to write"))
    command(hq, "devices", cmd_hq_devices, _("laptops that sent bundles"))
    p = command(hq, "forget-device", cmd_hq_forget_device, _("accept a reinstalled laptop's new key"))
    p.add_argument("device", help=_("device id"))

    dev = sub.add_parser("device", help=_("this laptop's identity and headquarters")).add_subparsers(
        dest="action", required=True
    )
    p = command(dev, "enroll", cmd_device_enroll, _("trust a headquarters public key file"))
    p.add_argument("file")
    p.add_argument("--url", help=_("headquarters inbox URL (for the outbox)"))
    command(dev, "show", cmd_device_show, _("device id, signing key and headquarters"))

    bun = sub.add_parser("bundle", help=_("sync bundles")).add_subparsers(dest="action", required=True)
    p = command(bun, "export", cmd_bundle_export, _("write a workshop as a signed, encrypted bundle"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--out", required=True, help=_("file (or folder) to write"))
    p.add_argument("--plain", action="store_true", help=_("do not encrypt (only on purpose)"))
    p = command(bun, "import", cmd_bundle_import, _("verify and merge bundles at headquarters"))
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--dry-run", action="store_true", help=_("show what would change, write nothing"))

    command(sub, "stats", cmd_stats, _("headquarters statistics"))
    command(sub, "conflicts", cmd_conflicts, _("records two devices changed differently"))
