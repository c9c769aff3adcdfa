"""The workshop report for donors and headquarters: summary, agenda as delivered, who came, attendance,
facilitator notes and recommendations, with tables and charts.

Evaluation results and knowledge gain per module are not computed here: the evaluations feature supplies
them as `ReportSection`s in `WorkshopReportData.extra_sections` (see `services.reporting.WORKSHOP_SECTIONS`),
and they appear after attendance only when data exists, so the report never shows invented figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ccema_desktop.i18n import N_
from ccema_desktop.reports import charts
from ccema_desktop.reports.data import CountRow, SessionRow, WorkshopReportData
from ccema_desktop.reports.output import CancelCheck, Progress, Reporter
from ccema_desktop.reports.styles import (
    GENERATED_BY,
    WIDTH,
    BuiltPdf,
    Cell,
    KeepTogether,
    Kit,
    Unit,
    build_pdf,
    facts,
    figures,
    heading,
    markup,
    numbered_canvas,
    side_by_side,
)

WORKSHOP_REPORT = N_("Workshop report")


def _cover(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    w = data.workshop
    modules = "; ".join(f"{n}. {title}" for n, title in w.module_titles(kit.lang))
    return [
        kit.p(kit.t(WORKSHOP_REPORT), "subtitle"),
        kit.p(w.title, "title"),
        facts(
            kit,
            [
                (kit.t(N_("Code")), w.code),
                (kit.t(N_("Dates")), kit.date_range(w.start, w.end)),
                (kit.t(N_("Venue")), w.venue),
                (kit.t(N_("Host countries")), kit.countries(w.countries)),
                (kit.t(N_("Kind of workshop")), kit.kind(w.kind)),
                (kit.t(N_("Facilitators")), ", ".join(w.facilitators)),
                (kit.t(N_("Partners")), w.partners),
                (kit.t(N_("Funding")), w.funding),
                (kit.t(N_("Modules")), modules),
            ],
        ),
    ]


def _summary(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    women = next((r.attended for r in data.by_sex if r.key == "female"), 0)
    counted = [s for s in data.sessions if s.counts]
    countries = len([r for r in data.by_country if r.key])
    items = [
        (kit.number(data.enrolled), kit.t(N_("participants enrolled"))),
        (kit.number(data.attended), kit.t(N_("persons trained (attended at least one session)"))),
        (
            kit.percent(women / data.attended) if data.attended else "–",
            kit.t(N_("women among persons trained")),
        ),
        (kit.number(countries), kit.t(N_("countries of participants"))),
        (kit.number(len(counted)), kit.t(N_("sessions (without breaks)"))),
        (kit.percent(data.average_rate), kit.t(N_("average attendance rate"))),
        (
            kit.number(data.eligible),
            kit.t(
                N_("eligible for a certificate (threshold {threshold})"),
                threshold=kit.percent(data.workshop.threshold / 100),
            ),
        ),
        (kit.number(data.certificates), kit.t(N_("certificates issued"))),
    ]
    return [heading(kit, kit.t(N_("Summary"))), figures(kit, items)]


def _agenda(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    story: list[Flowable] = [heading(kit, kit.t(N_("Agenda as delivered")))]
    if not data.sessions:
        return [*story, kit.p(kit.t(N_("No sessions were planned.")))]
    header = [kit.t(N_("Time")), kit.t(N_("Session")), kit.t(N_("Module")), kit.t(N_("Facilitator"))]
    widths = [24 * mm, WIDTH - 24 * mm - 18 * mm - 38 * mm, 18 * mm, 38 * mm]
    for day, group in itertools.groupby(data.sessions, key=lambda s: s.date):
        rows: list[list[Cell]] = []
        for s in group:
            style = "cell" if s.counts else "small"
            rows.append(
                [
                    f"{s.start:%H:%M}–{s.end:%H:%M}",
                    (s.title, style),
                    str(s.module) if s.module else "",
                    s.facilitator,
                ]
            )
        story += [heading(kit, kit.date(day, "full"), "h2"), kit.table(header, rows, widths)]
    return story


def _breakdown_rows(kit: Kit, rows: list[CountRow], label: Callable[[str], str]) -> list[list[Cell]]:
    body: list[list[Cell]] = [[label(r.key), kit.number(r.enrolled), kit.number(r.attended)] for r in rows]
    total: list[Cell] = [
        kit.t(N_("Total")),
        kit.number(sum(r.enrolled for r in rows)),
        kit.number(sum(r.attended for r in rows)),
    ]
    return [*body, total]


def _breakdown(
    kit: Kit,
    title: str,
    first_column: str,
    rows: list[CountRow],
    label: Callable[[str], str],
    pie: bool,
    lead: Sequence[Flowable] = (),
) -> Flowable:
    """A breakdown table (enrolled, attended) with its chart, a pie beside it or bars below it, kept on one
    page with `lead` (the section heading: ReportLab does not keep a heading with a KeepTogether)."""
    header = [first_column, kit.t(N_("Enrolled")), kit.t(N_("Attended"))]
    body = _breakdown_rows(kit, rows, label)
    items = [(label(r.key), r.attended) for r in rows]
    if pie:
        table = kit.table(header, body, [50 * mm, 20 * mm, 20 * mm], numeric=(1, 2), bold_last=True)
        chart = charts.pie(items, WIDTH - 96 * mm, 110)
        return KeepTogether([*lead, heading(kit, title, "h2"), side_by_side(table, chart, 92 * mm)])
    table = kit.table(header, body, [WIDTH - 40 * mm, 20 * mm, 20 * mm], numeric=(1, 2), bold_last=True)
    chart = charts.hbar(items, WIDTH, 70 * mm)
    return KeepTogether([*lead, heading(kit, title, "h2"), table, Spacer(1, 3 * mm), chart])


def _participants(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    title = heading(kit, kit.t(N_("Participants")))
    if not data.enrolled:
        return [title, kit.p(kit.t(N_("Nobody was enrolled.")))]
    note = N_("Charts show persons who attended at least one session; tables also show everyone enrolled.")
    lead = [title, kit.p(kit.t(note), "small")]
    return [
        _breakdown(kit, kit.t(N_("By sex")), kit.t(N_("Sex")), data.by_sex, kit.sex, True, lead),
        _breakdown(kit, kit.t(N_("By sector")), kit.t(N_("Sector")), data.by_sector, kit.sector, False),
        _breakdown(kit, kit.t(N_("By country")), kit.t(N_("Country")), data.by_country, kit.country, False),
    ]


def _attendance(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(60 * mm), heading(kit, kit.t(N_("Attendance per session")))]
    counted: list[SessionRow] = [s for s in data.sessions if s.counts]
    if not counted:
        return [*story, kit.p(kit.t(N_("No sessions count for attendance.")))]
    rows: list[list[Cell]] = []
    bars: list[tuple[str, int]] = []
    for n, s in enumerate(counted, 1):
        attended = s.present + s.late
        rate = kit.percent(attended / data.enrolled) if data.enrolled else "–"
        when = f"{kit.date(s.date, 'short')} {s.start:%H:%M}"
        rows.append(
            [
                f"S{n}",
                f"{when}\n{s.title}",
                kit.number(s.present),
                kit.number(s.late),
                kit.number(s.absent),
                kit.number(s.excused),
                kit.number(s.unrecorded),
                rate,
            ]
        )
        bars.append((f"S{n}", attended))
    header = [
        "",
        kit.t(N_("Session")),
        kit.status("present"),
        kit.status("late"),
        kit.status("absent"),
        kit.status("excused"),
        kit.t(N_("Not recorded")),
        kit.t(N_("Attended")),
    ]
    # Status columns are wide enough for the Russian labels in bold at the smallest size.
    numbers = 5 * 20 * mm + 15 * mm
    widths = [8 * mm, WIDTH - 8 * mm - numbers, *([20 * mm] * 5), 15 * mm]
    caption = kit.t(N_("Persons present or late per session (S1, S2 … as in the table below)"))
    story += [
        charts.vbar(bars, WIDTH, 150, total=data.enrolled, caption=caption),
        Spacer(1, 3 * mm),
        kit.table(header, rows, widths, numeric=(2, 3, 4, 5, 6, 7)),
    ]
    return story


def _notes(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    story: list[Flowable] = [heading(kit, kit.t(N_("Facilitator notes")))]
    noted = [s for s in data.sessions if s.notes.strip()]
    if not data.notes.strip() and not noted:
        return [*story, kit.p(kit.t(N_("No notes were recorded.")))]
    if data.notes.strip():
        story.append(kit.p(data.notes))
    for s in noted:
        when = f"{kit.date(s.date, 'short')} {s.start:%H:%M}"
        story.append(kit.rich(f"<b>{markup(when)} · {markup(s.title)}</b><br/>{markup(s.notes)}"))
    return story


def _recommendations(kit: Kit, data: WorkshopReportData) -> list[Flowable]:
    story: list[Flowable] = [heading(kit, kit.t(N_("Recommendations")))]
    if data.recommendations.strip():
        return [*story, kit.p(data.recommendations)]
    return [*story, kit.p(kit.t(N_("No recommendations were recorded.")))]


def build_workshop_report(
    data: WorkshopReportData,
    lang: str,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> BuiltPdf:
    """The workshop report in `lang`; one progress unit per section."""
    kit = Kit.for_language(lang)
    sections = [_cover, _summary, _agenda, _participants, _attendance]
    reporter = Reporter(len(sections) + len(data.extra_sections) + 2, progress, cancel)
    story: list[Flowable] = []
    for section in sections:
        reporter.check()
        story += [*section(kit, data), Unit()]
    for extra in data.extra_sections:
        story += [*extra.flowables(kit), Unit()]
    story += [*_notes(kit, data), Unit(), *_recommendations(kit, data), Unit()]
    w = data.workshop
    footer = f"{w.code} · {kit.t(WORKSHOP_REPORT)} · {kit.t(GENERATED_BY, date=kit.date(dt.date.today()))}"
    return build_pdf(
        story,
        kit,
        reporter,
        title=f"{kit.t(WORKSHOP_REPORT)} – {w.title}",
        subject=w.code,
        canvasmaker=numbered_canvas(kit, footer, header=f"{w.title} · {w.code}"),
    )
