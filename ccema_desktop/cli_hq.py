"""The `ccema` commands for the headquarters inbox and the laptop's outbox.

    ccema hq serve [--host 127.0.0.1] [--port 8765] [--max-mb 32]   # the inbox laptops upload to
    ccema hq devices [--json]                                       # now with status and held bundles
    ccema hq approve DEVICE [--json]                                # trust a laptop, import its held bundles
    ccema hq revoke DEVICE [--json]                                 # refuse a laptop from now on
    ccema hq held [--json]                                          # bundles waiting for approval
    ccema sync [--workshop W ...] [--json]                          # queue (optional) and send, once

`register` is called once from `cli.build_parser`, after `cli_sync.register` (it adds to its `hq` group).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
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


# --- headquarters ------------------------------------------------------------------------------------------
def cmd_hq_serve(args: argparse.Namespace) -> int:
    from ccema_desktop.hq import server
    from ccema_desktop.sync.keys import load_headquarters

    ctx = _context(args)
    keys = load_headquarters(ctx.paths)  # before listening: say at once when this is not headquarters
    config = server.ServerConfig(max_bytes=int(args.max_mb * 1024 * 1024))
    url = f"http://{args.host}:{args.port}"
    print(
        _(
            "Headquarters inbox for key {key} on {url} (Ctrl+C stops it). Laptops enroll with: "
            "ccema device enroll KEY_FILE --url {url}"
        ).format(key=keys.key_id, url=url),
        file=sys.stderr,
        flush=True,
    )
    server.serve(ctx, args.host, args.port, config, log_level=args.log_level)
    return 0


def cmd_hq_devices(args: argparse.Namespace) -> int:
    from ccema_desktop.services import devices

    views = devices.list_devices(_context(args).db)
    if args.json:
        _print_json([v.as_json() for v in views])
        return 0
    if not views:
        print(_("No laptops yet."))
    for v in views:
        last = f"{v.last_seen:%Y-%m-%d %H:%M}" if v.last_seen else "-"
        print(
            _(
                "{device}  {status:<8}  key {fingerprint}  last seen {last}  {bundles} imported, {held} held"
            ).format(
                device=v.device_id,
                status=v.status,
                fingerprint=v.fingerprint or "-",
                last=last,
                bundles=v.bundles,
                held=v.held,
            )
        )
    return 0


def cmd_hq_approve(args: argparse.Namespace) -> int:
    from ccema_desktop.services import devices

    result = devices.approve_device(_context(args).db, args.device)
    if args.json:
        _print_json(result.as_json())
    else:
        if result.in_advance:
            print(
                _("Device {device} approved in advance: its uploads will be imported.").format(
                    device=result.device_id
                )
            )
        else:
            print(
                _("Device {device} approved; {n} held bundle(s) imported.").format(
                    device=result.device_id, n=result.imported
                )
            )
        for bundle_id, reason in result.rejected:
            print(_("rejected   {file}: {reason}").format(file=bundle_id, reason=reason), file=sys.stderr)
    return 1 if result.rejected else 0


def cmd_hq_revoke(args: argparse.Namespace) -> int:
    from ccema_desktop.services import devices

    devices.revoke(_context(args).db, args.device)
    if args.json:
        _print_json({"device_id": args.device, "status": devices.REVOKED})
    else:
        print(
            _("Device {device} revoked: its uploads and bundle files are refused from now on.").format(
                device=args.device
            )
        )
    return 0


def cmd_hq_held(args: argparse.Namespace) -> int:
    from ccema_desktop.services import devices

    held = devices.held_bundles(_context(args).db)
    if args.json:
        _print_json([h.as_json() for h in held])
    else:
        if not held:
            print(_("No bundles are waiting for approval."))
        for h in held:
            print(f"{h.bundle_id}  {h.device_id}  {h.received_at:%Y-%m-%d %H:%M}  {h.size}")
    return 0


# --- laptop ------------------------------------------------------------------------------------------------
def cmd_sync(args: argparse.Namespace) -> int:
    from ccema_desktop.sync import outbox

    ctx = _context(args)
    queued = [outbox.queue_workshop(ctx, ref) for ref in args.workshop or []]
    url = outbox.hq_url(ctx)
    if url is None:
        outbox.send_pending(ctx)  # raises the message saying what to do
    reachable, detail = outbox.check_reachable(ctx, timeout=args.timeout)
    tried = outbox.send_pending(ctx, timeout=args.timeout, force=True)
    items = outbox.list_items(ctx)
    failed = [i for i in tried if i.state == outbox.FAILED]
    if args.json:
        _print_json(
            {
                "url": url,
                "reachable": reachable,
                "detail": detail,
                "queued": [i.bundle_id for i in queued],
                "tried": [i.bundle_id for i in tried],
                "items": [i.as_json() for i in items],
                "counts": {
                    state: sum(1 for i in items if i.state == state) for state in outbox.BUNDLE_STATES
                },
            }
        )
    else:
        print(detail if reachable else _("Headquarters not reachable: {reason}").format(reason=detail))
        for item in items:
            line = f"{item.workshop_code:<16} {item.created_at:%Y-%m-%d %H:%M}  {item.state:<9}"
            if item.state == outbox.FAILED:
                line += "  " + item.last_error
                if item.next_attempt_at:
                    line += "  " + _("(next try {time:%H:%M})").format(time=item.next_attempt_at.astimezone())
            print(line)
        if not items:
            print(_("The outbox is empty."))
    return 1 if failed else 0


def register(sub: Any, command: Command) -> None:
    """Add the inbox and outbox commands (the `hq` group is made by `cli_sync.register`, called before)."""
    hq_parser = sub.choices["hq"]
    hq = next(a for a in hq_parser._actions if isinstance(a, argparse._SubParsersAction))
    p = command(hq, "serve", cmd_hq_serve, _("run the inbox laptops upload bundles to"))
    p.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default 127.0.0.1)"))
    p.add_argument("--port", type=int, default=8765, help=_("port to listen on (default 8765)"))
    p.add_argument("--max-mb", type=float, default=32, help=_("largest bundle accepted, in MB (default 32)"))
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    # `hq devices` gains the approval status and held bundles (its JSON keys only grow).
    hq.choices["devices"].set_defaults(handler=cmd_hq_devices)
    p = command(hq, "approve", cmd_hq_approve, _("trust a laptop and import its held bundles"))
    p.add_argument("device", help=_("device id"))
    p = command(hq, "revoke", cmd_hq_revoke, _("refuse a laptop's uploads and bundles"))
    p.add_argument("device", help=_("device id"))
    command(hq, "held", cmd_hq_held, _("bundles waiting for a coordinator's approval"))

    p = command(sub, "sync", cmd_sync, _("send the outbox to headquarters now"))
    p.add_argument(
        "--workshop",
        action="append",
        metavar="WORKSHOP",
        help=_("queue a fresh bundle of it first (repeatable)"),
    )
    p.add_argument("--timeout", type=float, default=10.0, help=_("seconds to wait for headquarters"))
