"""`ccema report ...`, `ccema certificate verify` and `ccema workshop recommendations`.

Kept apart from `cli.py` so the report commands merge without touching the rest of the command line;
`cli.build_parser` calls `register` once. Command names, options and JSON keys are a contract.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import LANGUAGES, _

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[Any, str, Handler, str], argparse.ArgumentParser]


def _context(args: argparse.Namespace) -> Any:
    from ccema_desktop.context import open_context

    return open_context(args.data_dir, args.db)


def _print_json(data: Any) -> None:
    from ccema_desktop.cli import _print_json as print_json

    print_json(data)


def _progress(args: argparse.Namespace) -> Callable[[int, int], None] | None:
    """A one-line progress counter on stderr when it is a terminal (never in JSON mode)."""
    if args.json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done}/{total}")
        if done >= total:
            sys.stderr.write("\r")
        sys.stderr.flush()

    return show


def _done(args: argparse.Namespace, result: Any, kind: str) -> int:
    if args.json:
        _print_json(
            {
                "path": str(result.path),
                "pages": result.pages,
                "language": result.language,
                "items": result.items,
            }
            if kind == "certificates"
            else {"path": str(result.path), "pages": result.pages, "language": result.language}
        )
    elif kind == "certificates":
        print(_("Wrote {n} certificate(s) to {path}").format(n=result.items, path=result.path))
    else:
        print(_("Wrote {path} ({pages} pages)").format(path=result.path, pages=result.pages))
    return 0


def cmd_report_attendance_sheet(args: argparse.Namespace) -> int:
    from ccema_desktop.services import reporting
    from ccema_desktop.services.workshops import parse_date

    day = parse_date(args.day, _("day")) if args.day else None
    result = reporting.write_attendance_sheet(
        _context(args).db, args.workshop, args.out, day, args.session, args.lang, _progress(args)
    )
    return _done(args, result, "attendance-sheet")


def cmd_report_certificates(args: argparse.Namespace) -> int:
    from ccema_desktop.services import certificates

    result = certificates.write_certificates(
        _context(args).db, args.workshop, args.out, args.lang, _progress(args)
    )
    return _done(args, result, "certificates")


def cmd_report_workshop(args: argparse.Namespace) -> int:
    from ccema_desktop.services import reporting

    result = reporting.write_workshop_report(
        _context(args).db, args.workshop, args.out, args.lang, _progress(args)
    )
    return _done(args, result, "workshop")


def cmd_report_hq(args: argparse.Namespace) -> int:
    from ccema_desktop.services import reporting

    result = reporting.write_hq_infosheet(
        _context(args).db, args.out, args.lang, args.include_demo, _progress(args)
    )
    return _done(args, result, "hq")


def cmd_certificate_verify(args: argparse.Namespace) -> int:
    from ccema_desktop.i18n import format_date
    from ccema_desktop.services import certificates

    result = certificates.verify(_context(args).db, args.code)
    if args.json:
        _print_json(result.as_json())
    elif result.valid:
        assert result.issued is not None
        print(_("Valid certificate {number}").format(number=result.number))
        print(_("Participant: {name}").format(name=result.participant))
        print(_("Workshop: {title} ({code})").format(title=result.workshop, code=result.workshop_code))
        print(_("Issued: {date}").format(date=format_date(result.issued)))
    if not result.valid:
        print(_("Not valid: {reason}").format(reason=result.reason), file=sys.stderr)
        return 1
    return 0


def cmd_workshop_recommendations(args: argparse.Namespace) -> int:
    from ccema_desktop.services import workshops as ws

    ctx = _context(args)
    if args.text is None and args.file is None:
        text = ws.get_recommendations(ctx.db, args.workshop)
        if args.json:
            _print_json({"recommendations": text})
        else:
            print(text)
        return 0
    if args.file is not None:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnownError(
                _("Cannot read {path} as UTF-8 text: {reason}").format(path=args.file, reason=exc)
            ) from exc
    else:
        text = args.text
    ws.set_recommendations(ctx.db, args.workshop, text)
    if args.json:
        _print_json({"recommendations": text.strip()})
    return 0


def _workshop_actions(sub: Any) -> Any:
    """The sub-command container of `ccema workshop`, to add `recommendations` to it."""
    parser = sub.choices["workshop"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("'ccema workshop' has no sub-commands")


def register(sub: Any, command: Command) -> None:
    """Add the report, certificate and recommendations commands to the `ccema` parser."""
    out_help = _("PDF file to write (written whole or not at all)")
    lang_help = _("language of the document (default: the workshop's)")

    rep = sub.add_parser("report", help=_("PDF reports")).add_subparsers(dest="action", required=True)
    p = command(rep, "attendance-sheet", cmd_report_attendance_sheet, _("sign-in sheets to print"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--day", help=_("only this day (YYYY-MM-DD); default: every day"))
    p.add_argument("--session", help=_("only this session (id or 'YYYY-MM-DD HH:MM')"))
    p.add_argument("--out", required=True, help=out_help)
    p.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    p = command(rep, "certificates", cmd_report_certificates, _("certificates for eligible participants"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--out", required=True, help=out_help)
    p.add_argument(
        "--lang", choices=LANGUAGES, help=_("language of every certificate (default: each participant's own)")
    )
    p = command(rep, "workshop", cmd_report_workshop, _("the workshop report"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--out", required=True, help=out_help)
    p.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    p = command(rep, "hq", cmd_report_hq, _("the headquarters infosheet across all workshops"))
    p.add_argument("--out", required=True, help=out_help)
    p.add_argument("--lang", choices=LANGUAGES, help=_("language of the document (default: CCEMA_LANG)"))
    p.add_argument("--include-demo", action="store_true", help=_("also count demo workshops"))

    cert = sub.add_parser("certificate", help=_("certificates")).add_subparsers(dest="action", required=True)
    p = command(cert, "verify", cmd_certificate_verify, _("check a certificate's verification code"))
    p.add_argument("code", help=_("the code printed on the certificate, e.g. K7M2Q-9XW4T"))

    p = command(
        _workshop_actions(sub),
        "recommendations",
        cmd_workshop_recommendations,
        _("show or set the recommendations printed in the workshop report"),
    )
    p.add_argument("workshop", help=_("workshop id or code"))
    source = p.add_mutually_exclusive_group()
    source.add_argument("--text", help=_("the recommendations"))
    source.add_argument("--file", help=_("a UTF-8 text file with the recommendations"))
