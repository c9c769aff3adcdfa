"""The `ccema` commands for evaluations: forms, paper and kiosk imports, kiosk export, results, kiosk PIN.

Kept apart from cli.py (like cli_sync.py); `register` is called once from `cli.build_parser`. Names, options
and JSON keys are a contract: extend, never rename.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ccema_desktop.i18n import LANGUAGES, _

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[Any, str, Handler, str], argparse.ArgumentParser]


def _print_json(data: Any) -> None:
    from ccema_desktop.cli import _print_json as print_json

    print_json(data)


def _context(args: argparse.Namespace) -> Any:
    from ccema_desktop.context import open_context

    return open_context(args.data_dir, args.db)


def _lang(args: argparse.Namespace) -> str:
    from ccema_desktop.i18n import current_language

    return str(args.lang or current_language())


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


# --- forms ------------------------------------------------------------------------------------------------
def _form_json(f: Any) -> dict[str, Any]:
    return {
        "id": f.id,
        "version": f.version,
        "kind": f.kind,
        "module": f.module,
        "variant": f.variant,
        "title": f.title,
        "questions": [
            {
                "id": q.id,
                "type": q.type,
                "text": q.text,
                "required": q.required,
                "objective": q.objective,
                "custom": q.custom,
                "options": [{"id": oid, "text": t} for oid, t in q.options],
            }
            for q in f.questions
        ],
    }


def cmd_forms_list(args: argparse.Namespace) -> int:
    from ccema_desktop.services import forms

    if args.workshop:
        items = forms.list_forms(_lang(args), _context(args).db, args.workshop)
    else:
        items = forms.list_forms(_lang(args))
    if args.json:
        _print_json([_form_json(f) for f in items])
    else:
        for f in items:
            print(f"{f.id}  ({f.version})  {f.title}")
            print("    " + " ".join(q.id for q in f.questions))
    return 0


def cmd_evaluations_forms(args: argparse.Namespace) -> int:
    from ccema_desktop.services import forms

    db = _context(args).db
    if args.use is not None:
        forms.set_workshop_forms(db, args.workshop, [f for f in args.use.replace(" ", "").split(",") if f])
    chosen = forms.workshop_forms(db, args.workshop)
    if args.json:
        _print_json({"forms": chosen})
    else:
        for form_id in chosen:
            print(form_id)
    return 0


def cmd_evaluations_add_question(args: argparse.Namespace) -> int:
    from ccema_desktop.services import forms

    question_id = forms.add_custom_question(
        _context(args).db,
        args.workshop,
        args.form,
        args.type,
        args.text,
        _lang(args),
        options=args.option,
        required=args.required,
    )
    if args.json:
        _print_json({"id": question_id})
    else:
        print(question_id)
    return 0


# --- imports and exports ----------------------------------------------------------------------------------
def _print_report(report: Any) -> None:
    print(
        _(
            "Responses added: {added}, updated: {updated}, unchanged: {unchanged}; completions added: {done}"
        ).format(
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            done=report.completions_added,
        )
    )
    for r in report.rejected:
        where = _("row {row}").format(row=r.row) if r.row is not None else r.ref
        print(_("  rejected {where}: {reason}").format(where=where, reason=r.reason), file=sys.stderr)
    if report.dry_run:
        print(_("Dry run: nothing was written."), file=sys.stderr)
    elif report.rejected and not report.written:
        print(_("Nothing was written (--strict)."), file=sys.stderr)


def cmd_evaluations_import(args: argparse.Namespace) -> int:
    from ccema_desktop.services import evaluations

    report = evaluations.import_paper(
        _context(args).db, args.workshop, Path(args.file), dry_run=args.dry_run, strict=args.strict
    )
    if args.json:
        _print_json(report.as_json())
    else:
        _print_report(report)
    return 1 if report.rejected else 0


def cmd_evaluations_import_kiosk(args: argparse.Namespace) -> int:
    from ccema_desktop.services import evaluations

    report = evaluations.import_responses(_context(args).db, Path(args.file), dry_run=args.dry_run)
    if args.json:
        _print_json(report.as_json())
    else:
        _print_report(report)
    return 1 if report.rejected else 0


def cmd_evaluations_export(args: argparse.Namespace) -> int:
    from ccema_desktop.services import evaluations

    out = Path(args.out)
    count = evaluations.export_responses(_context(args).db, args.workshop, out)
    if args.json:
        _print_json({"path": str(out), "responses": count})
    else:
        print(_("Wrote {n} responses to {path}.").format(n=count, path=out))
    return 0


# --- results ----------------------------------------------------------------------------------------------
def cmd_evaluations_summary(args: argparse.Namespace) -> int:
    from ccema_desktop.services import evaluations

    result = evaluations.summary(_context(args).db, args.workshop, _lang(args))
    if args.json:
        _print_json(result.as_json())
        return 0
    if not result.has_data:
        print(_("No evaluation responses yet."))
        return 0
    hidden = _("hidden: fewer than {n} anonymous respondents").format(n=result.min_group)
    for f in result.forms:
        if not f.responses:
            continue
        print(
            _("{title}: {n} responses, {done} completed").format(
                title=f.title, n=f.responses, done=f.completed
            )
        )
        for q in f.questions:
            if q.suppressed:
                print(f"  {q.id}: {hidden}")
            elif q.type in ("likert5", "rating5"):
                share = f", {_('agree')} {_pct(q.share_agreeing)}" if q.share_agreeing is not None else ""
                print(f"  {q.id}: {_('mean')} {_num(q.mean)}{share}  {q.distribution}")
            elif q.type == "single_choice":
                print(f"  {q.id}: {_('correct')} {_pct(q.share_correct)}  {q.distribution}")
            else:
                print(f"  {q.id}: " + _("{n} comments").format(n=len(q.comments)))
    for k in result.knowledge:
        if k.suppressed:
            print(
                _("Module {m}: {pairs} pairs; {hidden}").format(
                    m=k.module, pairs=k.pairs_matched, hidden=hidden
                )
            )
            continue
        print(
            _(
                "Module {m}: {pairs} pairs, pre {pre}/{max}, post {post}/{max}, gain <g> {g}, improved {imp}, passing {pas}"
            ).format(
                m=k.module,
                pairs=k.pairs_matched,
                pre=_num(k.pre_mean),
                post=_num(k.post_mean),
                max=k.max_score,
                g=_num(k.class_gain),
                imp=_pct(k.share_improved),
                pas=_pct(k.share_passing),
            )
        )
    return 0


# --- kiosk ------------------------------------------------------------------------------------------------
def _read_pin(args: argparse.Namespace) -> str:
    from ccema_desktop.errors import ValidationError

    if not sys.stdin.isatty():  # scripted: the PIN on the first line of stdin
        return sys.stdin.readline().strip()
    first = getpass.getpass(_("New kiosk PIN (4-12 digits): "))
    second = getpass.getpass(_("Repeat the PIN: "))
    if first != second:
        raise ValidationError(_("The two PINs differ; nothing was changed."))
    return first


def cmd_kiosk_set_pin(args: argparse.Namespace) -> int:
    from ccema_desktop.services import kiosk_pin

    db = _context(args).db
    kiosk_pin.set_pin(db, _read_pin(args))
    if args.json:
        _print_json({"pin_set": True})
    else:
        print(_("Kiosk PIN set."))
    return 0


def register(sub: Any, command: Command) -> None:
    """Add `ccema forms`, `ccema evaluations` and `ccema kiosk` to the parser."""
    fp = sub.add_parser("forms", help=_("evaluation forms")).add_subparsers(dest="action", required=True)
    p = command(fp, "list", cmd_forms_list, _("list the forms and their question ids"))
    p.add_argument("--lang", choices=LANGUAGES)
    p.add_argument("--workshop", help=_("include this workshop's own questions"))

    ev = sub.add_parser("evaluations", help=_("evaluation responses and results")).add_subparsers(
        dest="action", required=True
    )
    p = command(ev, "import", cmd_evaluations_import, _("import transcribed paper forms (CSV or XLSX)"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("file", help=_("CSV with respondent,form,question,answer"))
    p.add_argument("--dry-run", action="store_true", help=_("show what would happen, write nothing"))
    p.add_argument("--strict", action="store_true", help=_("import nothing when any row is invalid"))
    p = command(ev, "summary", cmd_evaluations_summary, _("results per form and question, knowledge gain"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--lang", choices=LANGUAGES)
    p = command(ev, "export", cmd_evaluations_export, _("write a workshop's responses for another machine"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--out", required=True, help=_("file to write"))
    p = command(ev, "import-kiosk", cmd_evaluations_import_kiosk, _("import responses exported by a kiosk"))
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help=_("show what would happen, write nothing"))
    p = command(ev, "forms", cmd_evaluations_forms, _("show or choose the forms a workshop uses"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("--use", help=_("form ids separated by commas"))
    p = command(ev, "add-question", cmd_evaluations_add_question, _("add your own question to a form"))
    p.add_argument("workshop", help=_("workshop id or code"))
    p.add_argument("form", help=_("form id, e.g. final-evaluation"))
    p.add_argument("--type", required=True, choices=("single_choice", "likert5", "rating5", "text"))
    p.add_argument("--text", required=True)
    p.add_argument("--lang", choices=LANGUAGES, help=_("language the question is written in"))
    p.add_argument("--option", action="append", help=_("an option of a single-choice question (repeatable)"))
    p.add_argument("--required", action="store_true")

    kp = sub.add_parser("kiosk", help=_("kiosk mode")).add_subparsers(dest="action", required=True)
    command(
        kp, "set-pin", cmd_kiosk_set_pin, _("set the PIN that leaves kiosk mode (read from the terminal)")
    )
