"""The headquarters infosheet: totals and tables across every workshop the database holds.

"Persons trained" counts each person once (present or late in at least one session), whatever the number
of workshops; regions are the workshop kinds (national, regional, global) because Babel ships no territory
containment data. Satisfaction and knowledge gain come from the evaluations feature as `ReportSection`s in
`HqData.extra_sections` and appear only when there is data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ccema_desktop.i18n import LANGUAGES, N_
from ccema_desktop.reports import charts
from ccema_desktop.reports.data import HqData, Tally
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
    figures,
    heading,
    numbered_canvas,
    side_by_side,
)

INFOSHEET = N_("Capacity-building infosheet")


def _tally_block(
    kit: Kit,
    title: str,
    first_column: str,
    rows: list[Tally],
    label: Callable[[str], str],
    column: str,
    chart: str = "bar",
    lead: Sequence[Flowable] = (),
) -> Flowable:
    """A tally table with a total and its chart (bars below, columns below, or a pie beside), kept on one
    page with `lead` (the section heading: ReportLab does not keep a heading with a KeepTogether)."""
    body: list[list[Cell]] = [[label(r.key), kit.number(r.count)] for r in rows]
    body.append([kit.t(N_("Total")), kit.number(sum(r.count for r in rows))])
    items = [(label(r.key), r.count) for r in rows]
    header = [first_column, column]
    if chart == "pie":
        table = kit.table(header, body, [55 * mm, 25 * mm], numeric=(1,), bold_last=True)
        layout = side_by_side(table, charts.pie(items, WIDTH - 86 * mm, 110), 82 * mm)
        return KeepTogether([*lead, heading(kit, title, "h2"), layout])
    table = kit.table(header, body, [WIDTH - 30 * mm, 30 * mm], numeric=(1,), bold_last=True)
    parts: list[Flowable] = [*lead, heading(kit, title, "h2"), table]
    if chart == "bar" and items:
        parts += [Spacer(1, 3 * mm), charts.hbar(items, WIDTH, 70 * mm)]
    elif chart == "columns" and items:
        parts += [Spacer(1, 3 * mm), charts.vbar(items, min(WIDTH, 60 + 45 * len(items)), 120)]
    return KeepTogether(parts)


def _overview(kit: Kit, data: HqData) -> list[Flowable]:
    women = next((t.count for t in data.by_sex if t.key == "female"), 0)
    years = [t.key for t in data.workshops_by_year]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "–")
    items = [
        (kit.number(len(data.workshops)), kit.t(N_("workshops"))),
        (kit.number(data.persons_trained), kit.t(N_("persons trained (counted once)"))),
        (
            kit.percent(women / data.persons_trained) if data.persons_trained else "–",
            kit.t(N_("women among persons trained")),
        ),
        (kit.number(data.participations), kit.t(N_("participations (a person per workshop)"))),
        (kit.number(len(data.workshops_by_country)), kit.t(N_("host countries"))),
        (
            kit.number(len([t for t in data.by_participant_country if t.key])),
            kit.t(N_("countries of participants")),
        ),
        (kit.number(data.certificates), kit.t(N_("certificates issued"))),
        (span, kit.t(N_("years"))),
    ]
    story: list[Flowable] = [
        kit.p(kit.t(N_("Migration, environment and climate change: capacity building")), "subtitle"),
        kit.p(kit.t(INFOSHEET), "title"),
        kit.p(
            kit.t(N_("All workshops in this database as of {date}."), date=kit.date(data.generated)), "body"
        ),
        figures(kit, items),
    ]
    if not data.workshops:
        story.append(
            kit.p(kit.t(N_("There are no workshops in this database yet; import workshop bundles first.")))
        )
    return story


def _workshops(kit: Kit, data: HqData) -> list[Flowable]:
    column = kit.t(N_("Workshops"))
    return [
        _tally_block(
            kit,
            kit.t(N_("By host country")),
            kit.t(N_("Country")),
            data.workshops_by_country,
            kit.country,
            column,
            lead=[heading(kit, kit.t(N_("Workshops")))],
        ),
        _tally_block(
            kit,
            kit.t(N_("By region (kind of workshop)")),
            kit.t(N_("Kind of workshop")),
            data.workshops_by_region,
            kit.kind,
            column,
            "none",
        ),
        _tally_block(
            kit, kit.t(N_("By year")), kit.t(N_("Year")), data.workshops_by_year, str, column, "columns"
        ),
    ]


def _persons(kit: Kit, data: HqData) -> list[Flowable]:
    column = kit.t(N_("Persons"))
    return [
        _tally_block(
            kit,
            kit.t(N_("By sex")),
            kit.t(N_("Sex")),
            data.by_sex,
            kit.sex,
            column,
            "pie",
            lead=[heading(kit, kit.t(N_("Persons trained")))],
        ),
        _tally_block(kit, kit.t(N_("By sector")), kit.t(N_("Sector")), data.by_sector, kit.sector, column),
        _tally_block(
            kit,
            kit.t(N_("By country")),
            kit.t(N_("Country")),
            data.by_participant_country,
            kit.country,
            column,
            "none",
        ),
    ]


def _list(kit: Kit, data: HqData) -> list[Flowable]:
    story: list[Flowable] = [heading(kit, kit.t(N_("List of workshops")))]
    if not data.workshops:
        return [*story, kit.p("–")]
    header = [
        kit.t(N_("Code")),
        kit.t(N_("Workshop")),
        kit.t(N_("Enrolled")),
        kit.t(N_("Trained")),
        kit.t(N_("Certificates")),
    ]
    widths = [27 * mm, WIDTH - 27 * mm - 3 * 21 * mm, *([21 * mm] * 3)]
    rows: list[list[Cell]] = []
    for w in data.workshops:
        language = w.language.upper() if w.language in LANGUAGES else w.language
        details = " · ".join(
            part
            for part in (
                kit.date_range(w.start, w.end),
                kit.countries(w.countries),
                kit.kind(w.kind),
                language,
            )
            if part
        )
        rows.append(
            [
                (w.code, "small"),
                [(w.title, "cell_bold"), (details, "small")],
                kit.number(w.enrolled),
                kit.number(w.trained),
                kit.number(w.certificates),
            ]
        )
    return [*story, kit.table(header, rows, widths, numeric=(2, 3, 4))]


def build_hq_infosheet(
    data: HqData, lang: str, progress: Progress | None = None, cancel: CancelCheck | None = None
) -> BuiltPdf:
    """The infosheet in `lang`; one progress unit per section."""
    kit = Kit.for_language(lang)
    sections = [_overview, _workshops, _persons]
    reporter = Reporter(len(sections) + len(data.extra_sections) + 1, progress, cancel)
    story: list[Flowable] = []
    for section in sections:
        reporter.check()
        story += [*section(kit, data), Unit()]
    for extra in data.extra_sections:
        story += [*extra.flowables(kit), Unit()]
    story += [*_list(kit, data), Unit()]
    footer = f"{kit.t(INFOSHEET)} · {kit.t(GENERATED_BY, date=kit.date(data.generated))}"
    return build_pdf(
        story,
        kit,
        reporter,
        title=kit.t(INFOSHEET),
        canvasmaker=numbered_canvas(kit, footer, header=kit.t(INFOSHEET)),
    )
