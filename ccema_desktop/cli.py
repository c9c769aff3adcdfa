"""The `ccema` command: headless use of the same services as the desktop app.

Its command names, options and JSON keys are a contract relied on by other tools: extend, never rename.
Exit codes: 0 success, 1 bad input or failed operation (the message on stderr says what to do), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ccema_desktop import __version__, cli_evaluations, cli_hq, cli_sync
from ccema_desktop.cli_reports import register as register_reports
from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import LANGUAGES, _, default_language, set_language

Handler = Callable[[argparse.Namespace], int]


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _context(args: argparse.Namespace) -> Any:
    from ccema_desktop.context import open_context

    return open_context(args.data_dir, args.db)


# --- curriculum -------------------------------------------------------------------------------------------
def cmd_curriculum_list(args: argparse.Namespace) -> int:
    from ccema_desktop.services import curriculum

    ctx = _context(args)
    modules = curriculum.list_modules(ctx.db, args.lang)
    if args.json:
        _print_json([{"number": m.number, "title": m.title, "exercises": len(m.exercises)} for m in modules])
    else:
        for m in modules:
            print(f"{m.number}. {m.title} ({len(m.exercises)})")
    return 0


def cmd_curriculum_show(args: argparse.Namespace) -> int:
    from ccema_desktop.services import curriculum

    ctx = _context(args)
    m = curriculum.get_module(ctx.db, args.number, args.lang)
    if args.json:
        _print_json(
            {
                "number": m.number,
                "title": m.title,
                "summary": m.summary,
                "objectives": [{"code": c, "text": t} for c, t in m.objectives],
                "exercises": [
                    {
                        "id": e.id,
                        "code": e.code,
                        "title": e.title,
                        "duration_minutes": e.duration_minutes,
                        "format": e.format,
                        "custom": e.is_custom,
                    }
                    for e in m.exercises
                ],
            }
        )
    else:
        print(f"{m.number}. {m.title}\n\n{m.summary}\n")
        for code, objective in m.objectives:
            print(f"  [{code}] {objective}")
        print()
        for e in m.exercises:
            print(f"  {e.code}  {e.title} ({e.duration_minutes} min)")
    return 0


# --- workshops --------------------------------------------------------------------------------------------
def _modules_arg(value: str) -> list[int]:
    try:
        return [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("modules are numbers separated by commas, for example 1,2,7")
        ) from None


def cmd_workshop_create(args: argparse.Namespace) -> int:
    from ccema_desktop.services import workshops as ws

    data = ws.WorkshopInput(
        title=args.title,
        countries=args.country,
        start=ws.parse_date(args.start, _("start date")),
        end=ws.parse_date(args.end, _("end date")),
        language=args.language,
        venue=args.venue or "",
        kind=args.kind,
        modules=args.modules or [],
        day_start=ws.parse_time(args.day_start),
        day_end=ws.parse_time(args.day_end),
        attendance_threshold=args.threshold,
    )
    ctx = _context(args)
    view = ws.create_workshop(ctx.db, data)
    if args.json:
        _print_json(
            {
                "id": view.id,
                "code": view.code,
                "sessions": len(view.sessions),
                "unscheduled": view.unscheduled,
            }
        )
    else:
        print(view.id)
        if view.unscheduled:
            print(
                _("Did not fit in the agenda: {titles}").format(titles="; ".join(view.unscheduled)),
                file=sys.stderr,
            )
    return 0


def cmd_workshop_list(args: argparse.Namespace) -> int:
    from ccema_desktop.services import workshops as ws

    ctx = _context(args)
    views = ws.list_workshops(ctx.db, args.search or "")
    if args.json:
        _print_json([v.as_json(with_sessions=False) for v in views])
    else:
        for v in views:
            print(f"{v.id}  {v.code:<14} {v.start} – {v.end}  {v.status:<8} {v.title}")
    return 0


def cmd_workshop_show(args: argparse.Namespace) -> int:
    from ccema_desktop.services import workshops as ws

    ctx = _context(args)
    v = ws.get_workshop(ctx.db, args.workshop)
    if args.json:
        _print_json(v.as_json())
    else:
        print(f"{v.title}\n{v.code}  {v.start} – {v.end}  {', '.join(v.countries)}  {v.venue}")
        print(_("Participants: {n}").format(n=v.participants))
        for sess in v.sessions:
            print(f"  {sess.date} {sess.start:%H:%M}-{sess.end:%H:%M}  {sess.title}   [{sess.id}]")
    return 0


def cmd_workshop_status(args: argparse.Namespace) -> int:
    from ccema_desktop.services import workshops as ws

    ctx = _context(args)
    if args.status != "closed":
        ws.set_status(ctx.db, args.workshop, args.status)
        return 0
    # Closing is what sends a workshop to headquarters: queue its bundle as the desktop's Close does.
    from ccema_desktop.sync import outbox

    item = outbox.close_workshop(ctx, args.workshop)
    if item is not None:
        print(_("Bundle queued for headquarters: {file}").format(file=item.path))
    return 0


def cmd_workshop_delete(args: argparse.Namespace) -> int:
    from ccema_desktop.services import workshops as ws

    if not args.yes:
        print(
            _("Deleting a workshop removes its agenda and attendance. Add --yes to confirm."), file=sys.stderr
        )
        return 1
    ws.delete_workshop(_context(args).db, args.workshop)
    return 0


# --- participants -----------------------------------------------------------------------------------------
def cmd_participants_import(args: argparse.Namespace) -> int:
    from ccema_desktop.services import participants

    ctx = _context(args)
    result = participants.import_roster(
        ctx.db, args.workshop, Path(args.file), strict=args.strict, dry_run=args.dry_run
    )
    if args.json:
        _print_json(result.as_json())
    else:
        print(
            _("Added: {added}, updated: {updated}, rejected: {rejected}").format(
                added=result.added, updated=result.updated, rejected=len(result.rejected)
            )
        )
        for r in result.rejected:
            print(_("  row {row}: {reason}").format(row=r.row, reason=r.reason))
        if not result.written:
            print(_("Nothing was written."), file=sys.stderr)
    if args.strict and result.rejected:
        print(
            _("--strict: nothing was imported because {n} row(s) were rejected.").format(
                n=len(result.rejected)
            ),
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_participants_list(args: argparse.Namespace) -> int:
    from ccema_desktop.services import participants

    people = participants.list_participants(_context(args).db, args.workshop)
    if args.json:
        _print_json([p.as_json() for p in people])
    else:
        for p in people:
            print(f"{p.id}  {p.full_name:<32} {p.email or '':<32} {p.organization}")
    return 0


# --- attendance -------------------------------------------------------------------------------------------
def cmd_attendance_mark(args: argparse.Namespace) -> int:
    from ccema_desktop.services import attendance

    n = attendance.mark(
        _context(args).db, args.workshop, args.session, args.status, args.participant, args.by
    )
    if args.json:
        _print_json({"marked": n})
    else:
        print(_("Marked {n} participant(s) {status}.").format(n=n, status=args.status))
    return 0


def cmd_attendance_import(args: argparse.Namespace) -> int:
    from ccema_desktop.services import attendance

    result = attendance.import_attendance(
        _context(args).db, args.workshop, Path(args.file), strict=args.strict
    )
    if args.json:
        _print_json(result.as_json())
    else:
        print(_("Imported: {n}, rejected: {r}").format(n=result.imported, r=len(result.rejected)))
        for r in result.rejected:
            print(_("  row {row}: {reason}").format(row=r.row, reason=r.reason))
    return 1 if args.strict and result.rejected else 0


def cmd_attendance_summary(args: argparse.Namespace) -> int:
    from ccema_desktop.services import attendance

    rows = attendance.summary(_context(args).db, args.workshop)
    if args.json:
        _print_json([r.as_json() for r in rows])
    else:
        for r in rows:
            flag = " !" if r.below_threshold else ""
            print(f"{r.full_name:<34} {r.sessions_attended:>3}/{r.sessions_planned:<3} {r.rate:>6.0%}{flag}")
    return 0


# --- backup -----------------------------------------------------------------------------------------------
def cmd_backup(args: argparse.Namespace) -> int:
    from ccema_desktop.services import maintenance

    ctx = _context(args)
    path = maintenance.backup(ctx, Path(args.out) if args.out else None)
    if args.json:
        _print_json({"path": str(path)})
    else:
        print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ccema_desktop.services import maintenance

    ctx = _context(args)
    kept = maintenance.restore(ctx, Path(args.file))
    if args.json:
        _print_json({"restored": args.file, "previous_copy": str(kept)})
    else:
        print(
            _("Restored {file}. The database it replaced was kept as {kept}.").format(
                file=args.file, kept=kept
            )
        )
    return 0


def _version(args: argparse.Namespace) -> int:
    print(__version__)
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse with translated messages that exits 2 on usage errors (its default)."""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help=_("folder holding the database, backups and keys")
    )
    common.add_argument(
        "--db", default=argparse.SUPPRESS, help=_("SQLAlchemy database URL (e.g. PostgreSQL at headquarters)")
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=_("print machine-readable JSON")
    )

    parser = _Parser(prog="ccema", description=_("CCEMA Desktop from the command line."), parents=[common])
    parser.add_argument("--version", action="version", version=f"ccema {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(container: Any, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = container.add_parser(name, help=help_text, parents=[common])
        p.set_defaults(handler=handler)
        return p

    cur = sub.add_parser("curriculum", help=_("the MECC curriculum")).add_subparsers(
        dest="action", required=True
    )
    p = command(cur, "list", cmd_curriculum_list, _("list the modules"))
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p = command(cur, "show", cmd_curriculum_show, _("show a module and its exercises"))
    p.add_argument("number", type=int)
    p.add_argument("--lang", choices=LANGUAGES, default="en")

    wsp = sub.add_parser("workshop", help=_("workshops and their agenda")).add_subparsers(
        dest="action", required=True
    )
    p = command(wsp, "create", cmd_workshop_create, _("create a workshop with a proposed agenda"))
    p.add_argument("--title", required=True)
    p.add_argument(
        "--country", action="append", required=True, help=_("ISO code of a host country (repeatable)")
    )
    p.add_argument("--start", required=True, help="YYYY-MM-DD")
    p.add_argument("--end", required=True, help="YYYY-MM-DD")
    p.add_argument("--language", required=True, choices=LANGUAGES)
    p.add_argument("--venue")
    p.add_argument("--kind", choices=("national", "regional", "global"), default="national")
    p.add_argument("--modules", type=_modules_arg, help=_("module numbers, e.g. 1,2,7"))
    p.add_argument("--day-start", default="09:00", help="HH:MM")
    p.add_argument("--day-end", default="17:00", help="HH:MM")
    p.add_argument(
        "--threshold", type=int, default=80, help=_("attendance percentage needed for a certificate")
    )
    p = command(wsp, "list", cmd_workshop_list, _("list workshops"))
    p.add_argument("--search")
    p = command(wsp, "show", cmd_workshop_show, _("show a workshop and its sessions"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p = command(wsp, "status", cmd_workshop_status, _("set a workshop's status"))
    p.add_argument("workshop")
    p.add_argument("status", choices=("planned", "running", "closed"))
    p = command(wsp, "delete", cmd_workshop_delete, _("delete a workshop, its agenda and attendance"))
    p.add_argument("workshop")
    p.add_argument("--yes", action="store_true", help=_("confirm the deletion"))

    pp = sub.add_parser("participants", help=_("participants")).add_subparsers(dest="action", required=True)
    p = command(pp, "import", cmd_participants_import, _("import a CSV or XLSX roster"))
    p.add_argument("workshop")
    p.add_argument("file")
    p.add_argument("--strict", action="store_true", help=_("import nothing when any row is invalid"))
    p.add_argument("--dry-run", action="store_true", help=_("show what would happen, write nothing"))
    p = command(pp, "list", cmd_participants_list, _("list a workshop's participants"))
    p.add_argument("workshop")

    ap = sub.add_parser("attendance", help=_("attendance")).add_subparsers(dest="action", required=True)
    p = command(ap, "mark", cmd_attendance_mark, _("mark participants in one session"))
    p.add_argument("workshop")
    p.add_argument("--session", required=True, help=_("session id or 'YYYY-MM-DD HH:MM'"))
    p.add_argument("--status", required=True, choices=("present", "late", "absent", "excused"))
    p.add_argument("--by", help=_("who recorded it (default: the system user)"))
    p.add_argument("participant", nargs="+", help=_("e-mail or participant id"))
    p = command(ap, "import", cmd_attendance_import, _("import a CSV with participant,session,status"))
    p.add_argument("workshop")
    p.add_argument("file")
    p.add_argument("--strict", action="store_true")
    p = command(ap, "summary", cmd_attendance_summary, _("attendance rate per participant"))
    p.add_argument("workshop")

    p = command(sub, "backup", cmd_backup, _("back up the database"))
    p.add_argument("--out", help=_("file to write (default: the backups folder)"))
    p = command(
        sub, "restore", cmd_restore, _("replace the database with a backup (the current one is kept)")
    )
    p.add_argument("file")
    command(sub, "version", _version, _("print the version"))
    register_reports(sub, command)
    cli_sync.register(sub, command)
    cli_evaluations.register(sub, command)
    cli_hq.register(sub, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    set_language(default_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("data_dir", None), ("db", None), ("json", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    try:
        return int(args.handler(args))
    except KnownError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Interrupted; nothing half-written was kept."), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
