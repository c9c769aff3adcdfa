"""Report speed: certificates for 25 participants and the workshop report, each as time and as a ratio to a
minimal ReportLab document with the same page count (one line per page in each face of the same embedded
font, regular and bold, as every report embeds both) built in the same run. Target: within 3x.

    .venv/bin/python benchmarks/bench_reports.py [--repeat N]

Both sides go from data in memory to a finished file on disk: the app side is `build_*` plus the atomic
write (fsync and rename), the baseline is a canvas saved to a file and fsynced. Runs alternate between the
two sides; the ratio uses CPU time (this process only), so other programs on a busy machine do not skew it,
and wall-clock medians are printed beside it. "with data" adds gathering from the database (and, for
certificates, numbering) as `ccema report` does it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.reports.certificates import build_certificates
from ccema_desktop.reports.fonts import FONT, FONT_BOLD, register_fonts
from ccema_desktop.reports.output import write_atomic
from ccema_desktop.reports.workshop_report import build_workshop_report
from ccema_desktop.services import attendance, certificates, participants, reporting
from ccema_desktop.services import workshops as ws

NAMES = [
    "Aigerim Nurlanovna Bekova",
    "Асель Жумабаева",
    "José Ramírez Peña",
    "Amélie Dubois-Léger",
    "Александра Владимировна Константинопольская-Преображенская",
]


def _workshop(tmp: Path) -> tuple[AppContext, str]:
    ctx = open_context(tmp / "data", daily_backup=False)
    view = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Atelier régional sur la migration, l'environnement et le changement climatique en Afrique de l'Ouest",
            countries=["SN", "ML"],
            start=dt.date(2026, 3, 2),
            end=dt.date(2026, 3, 4),
            language="fr",
            venue="Dakar",
            modules=[1, 2, 7],
            facilitators=["Aïssatou Ndiaye", "Дмитрий Соколов"],
        ),
    )
    path = tmp / "roster.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["full_name", "sex", "organization", "sector", "country", "email"])
        for i in range(25):
            writer.writerow(
                [
                    f"{NAMES[i % 5]} {i}",
                    "F" if i % 2 else "M",
                    f"Ministère {i}",
                    "environment",
                    "SN",
                    f"p{i}@x.org",
                ]
            )
    participants.import_roster(ctx.db, view.id, path)
    sessions = [s.id for s in view.sessions if s.kind in ws.ATTENDANCE_KINDS]
    people = [p.id for p in participants.list_participants(ctx.db, view.id)]
    attendance.mark_bulk(ctx.db, view.id, [(p, s, "present") for p in people for s in sessions])
    return ctx, view.id


def _minimal(path: Path, pages: int, pagesize: tuple[float, float]) -> None:
    """The baseline: one line per page in each face of the shipped font (every report embeds both)."""
    canvas = Canvas(str(path), pagesize=pagesize, initialFontName=FONT)
    top = pagesize[1] - 72
    for n in range(pages):
        canvas.setFont(FONT_BOLD, 14)
        canvas.drawString(72, top, f"Page {n + 1}")
        canvas.setFont(FONT, 12)
        canvas.drawString(72, top - 20, f"Страница {n + 1} — página {n + 1}")
        canvas.showPage()
    canvas.save()
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


@dataclass
class Timing:
    wall: float
    cpu: float


def _pair(app: Callable[[], object], base: Callable[[], object], repeat: int) -> tuple[Timing, Timing]:
    """Median wall and CPU times of `app` and `base`, run alternately."""
    samples: dict[str, list[tuple[float, float]]] = {"app": [], "base": []}
    for _ in range(repeat):
        for name, fn in (("app", app), ("base", base)):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            samples[name].append((time.perf_counter() - wall, time.process_time() - cpu))

    def med(name: str) -> Timing:
        return Timing(
            statistics.median(w for w, _ in samples[name]), statistics.median(c for _, c in samples[name])
        )

    return med("app"), med("base")


def _line(what: str, app: Timing, full: float, base: Timing) -> str:
    return (
        f"{what:<42} app {app.wall * 1000:6.1f} ms (cpu {app.cpu * 1000:6.1f})   with data {full * 1000:6.1f} ms"
        f"   minimal ReportLab {base.wall * 1000:5.1f} ms (cpu {base.cpu * 1000:5.1f})"
        f"   ratio {app.cpu / base.cpu:5.2f}x cpu, {app.wall / base.wall:5.2f}x wall"
    )


def run(repeat: int = 5) -> list[str]:
    register_fonts()
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ctx, wid = _workshop(tmp)
        cert_data = certificates.issue_certificates(ctx.db, wid)
        pages = build_certificates(cert_data).pages
        app, base = _pair(
            lambda: write_atomic(tmp / "certs.pdf", build_certificates(cert_data).data),
            lambda: _minimal(tmp / "min-c.pdf", pages, landscape(A4)),
            repeat,
        )
        full, _ = _pair(
            lambda: certificates.write_certificates(ctx.db, wid, tmp / "c2.pdf"), lambda: None, repeat
        )
        lines.append(_line(f"certificates, 25 participants ({pages} pages):", app, full.wall, base))
        report_data = reporting.workshop_report_data(ctx.db, wid)
        pages = build_workshop_report(report_data, "fr").pages
        app, base = _pair(
            lambda: write_atomic(tmp / "r.pdf", build_workshop_report(report_data, "fr").data),
            lambda: _minimal(tmp / "min-r.pdf", pages, A4),
            repeat,
        )
        full, _ = _pair(
            lambda: reporting.write_workshop_report(ctx.db, wid, tmp / "r2.pdf"), lambda: None, repeat
        )
        lines.append(_line(f"workshop report ({pages} pages):", app, full.wall, base))
        ctx.close()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    for line in run(args.repeat):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
