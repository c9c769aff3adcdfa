"""Evaluation results in the workshop report and satisfaction and knowledge gain in the HQ infosheet.

Plugged in through `services.reporting.WORKSHOP_SECTIONS` / `HQ_SECTIONS`: each provider reads its data in
the report's transaction and returns a section only when there are responses, so a report never shows
empty or invented evaluation figures. Figures come from `services.evaluations` (definitions in
`domain.scoring`); results from fewer than `MIN_GROUP` anonymous respondents are never printed. The
section is rendered in the document's language when the PDF is built (form texts included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ccema_desktop.domain import scoring
from ccema_desktop.i18n import N_
from ccema_desktop.services import evaluations
from ccema_desktop.services.workshops import load_workshop

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from ccema_desktop.reports.charts import Chart
    from ccema_desktop.reports.data import ReportSection
    from ccema_desktop.reports.styles import Cell, Kit

#: Free-text answers printed per question at most (the rest are counted).
MAX_COMMENTS = 25

_HIDDEN = N_("not shown: fewer than {n} anonymous respondents")


def _num(kit: Kit, value: float | None, digits: int = 2) -> str:
    return "–" if value is None else kit.number(round(value, digits))


def _pct(kit: Kit, value: float | None) -> str:
    return "–" if value is None else kit.percent(value)


def gain_chart(
    rows: Sequence[tuple[str, float, float]], width: float, caption: str, labels: tuple[str, str]
) -> Chart:
    """Grouped bars per module: mean pre-test and post-test score as a share of the maximum (0-100 %)."""
    from reportlab.lib import colors

    from ccema_desktop.reports.charts import Chart
    from ccema_desktop.reports.styles import BLUE, GREY, PALETTE

    height = 150.0
    drawing = Chart(width, height)
    x0, y0 = 28.0, 30.0
    plot_w, plot_h = width - x0 - 6, height - y0 - 22
    size = 7.0
    for tick in range(0, 101, 25):
        y = y0 + plot_h * tick / 100
        drawing.line(x0, y, x0 + plot_w, y, colors.HexColor("#E0E0E0") if tick else GREY, 0.5)
        drawing.text(x0 - 4, y - 2.5, f"{tick}%", "end", size - 0.5)
    slot = plot_w / max(len(rows), 1)
    bar = min(slot * 0.32, 26)
    fills = (PALETTE[1], BLUE)
    for i, (label, pre, post) in enumerate(rows):
        cx = x0 + slot * (i + 0.5)
        for j, value in enumerate((pre, post)):
            x = cx - bar + j * bar
            h = plot_h * max(0.0, min(value, 1.0))
            drawing.rect(x, y0, bar - 1, h, fills[j])
            drawing.text(x + (bar - 1) / 2, y0 + h + 2, f"{round(value * 100)}", "middle", size - 1)
        drawing.text(cx, y0 - 10, label, "middle", size)
    legend_y = height - 10
    x = x0
    for fill, text in zip(fills, labels, strict=True):
        drawing.rect(x, legend_y - 1, 7, 7, fill)
        drawing.text(x + 10, legend_y, text, size=size)
        x += 16 + len(text) * size * 0.55
    if caption:
        drawing.text(x0, 4, caption[:140], size=size - 0.5, color=GREY)
    return drawing


@dataclass(frozen=True)
class WorkshopEvaluationSection:
    """Satisfaction, knowledge gain per module (table and chart) and per-question results of one workshop."""

    data: evaluations.EvaluationData

    def flowables(self, kit: Kit) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        from ccema_desktop.reports.styles import KeepTogether, figures, heading

        result = evaluations.render(self.data, kit.lang)
        hidden = kit.t(_HIDDEN, n=result.min_group)
        story: list[Flowable] = [heading(kit, kit.t(N_("Evaluation results")))]
        items = [
            (kit.number(sum(f.responses for f in result.forms)), kit.t(N_("forms filled in"))),
        ]
        sat = result.satisfaction
        if sat is not None and not sat.suppressed:
            items += [
                (_pct(kit, sat.share_agreeing), kit.t(N_("agree or strongly agree (final evaluation)"))),
                (_num(kit, sat.mean, 1) + " / 5", kit.t(N_("mean satisfaction score"))),
            ]
        shown = [k for k in result.knowledge if not k.suppressed and k.class_gain is not None]
        if shown:
            pairs = sum(k.pairs_matched for k in shown)
            improved = sum((k.share_improved or 0) * k.pairs_matched for k in shown) / pairs
            items.append((_pct(kit, improved), kit.t(N_("improved their knowledge test score"))))
        story.append(figures(kit, items))
        if sat is not None and sat.suppressed:
            story.append(kit.p(kit.t(N_("Satisfaction: {hidden}."), hidden=hidden), "small"))
        story += self._knowledge(kit, result, hidden)
        for form in result.forms:
            if form.responses and form.kind != "knowledge_test":
                story += [Spacer(1, 2 * mm), *self._form(kit, form, hidden)]
        story.append(
            kit.p(
                kit.t(
                    N_(
                        "Scales run from 1 (strongly disagree, or very low) to 5 (strongly agree, or very high); "
                        "'agree' counts answers 4 and 5. Results drawn from fewer than {n} anonymous respondents are "
                        "not shown."
                    ),
                    n=result.min_group,
                ),
                "small",
            )
        )
        return [KeepTogether(story[:2]), *story[2:]]

    def _knowledge(self, kit: Kit, result: evaluations.EvaluationSummary, hidden: str) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        from ccema_desktop.reports.styles import WIDTH, KeepTogether, heading

        if not result.knowledge:
            return []
        header = [
            kit.t(N_("Module")),
            kit.t(N_("Pairs")),
            kit.t(N_("Before")),
            kit.t(N_("After")),
            kit.t(N_("Gain <g>")),
            kit.t(N_("Improved")),
            kit.t(N_("Passed")),
        ]
        rows: list[list[Cell]] = []
        bars: list[tuple[str, float, float]] = []
        for k in result.knowledge:
            label = f"{k.module}. {k.title}" if k.title else str(k.module)
            if k.suppressed:
                rows.append([(label, "cell"), kit.number(k.pairs_matched), (hidden, "small"), "", "", "", ""])
                continue
            rows.append(
                [
                    (label, "cell"),
                    kit.number(k.pairs_matched),
                    "–" if k.pre_mean is None else f"{_num(kit, k.pre_mean, 1)} / {k.max_score}",
                    "–" if k.post_mean is None else f"{_num(kit, k.post_mean, 1)} / {k.max_score}",
                    _num(kit, k.class_gain),
                    _pct(kit, k.share_improved),
                    _pct(kit, k.share_passing),
                ]
            )
            if k.pre_mean is not None and k.post_mean is not None and k.max_score:
                bars.append(
                    (kit.t(N_("Module {n}"), n=k.module), k.pre_mean / k.max_score, k.post_mean / k.max_score)
                )
        widths = [WIDTH - 6 * 20 * mm, *([20 * mm] * 6)]
        table = kit.table(header, rows, widths, numeric=(1, 2, 3, 4, 5, 6))
        note = kit.p(
            kit.t(
                N_(
                    "Knowledge tests before and after each module (parallel versions A and B), paired by person "
                    "or anonymous code; only matched pairs count. Gain <g> = (after − before) / (maximum − before). "
                    "Passed: at least {pass_mark} of the maximum after the module."
                ),
                pass_mark=kit.percent(scoring.PASS_MARK),
            ),
            "small",
        )
        story: list[Flowable] = [heading(kit, kit.t(N_("Knowledge gain per module")), "h2"), table, note]
        if bars:
            caption = kit.t(N_("Mean score before and after, as a share of the maximum"))
            chart = gain_chart(bars, WIDTH, caption, (kit.t(N_("Before")), kit.t(N_("After"))))
            story += [Spacer(1, 2 * mm), chart]
        return [KeepTogether(story)]

    def _form(self, kit: Kit, form: evaluations.FormSummary, hidden: str) -> list[Flowable]:
        from reportlab.lib.units import mm

        from ccema_desktop.reports.styles import WIDTH, heading

        title = kit.t(N_("{title} ({n} responses)"), title=form.title, n=kit.number(form.responses))
        story: list[Flowable] = [heading(kit, title, "h2")]
        header = [kit.t(N_("Question")), kit.t(N_("Answers")), kit.t(N_("Mean")), kit.t(N_("Agree"))]
        rows: list[list[Cell]] = []
        comments: list[Flowable] = []
        for q in form.questions:
            if q.type in ("likert5", "rating5", "single_choice"):
                if q.suppressed:
                    rows.append([(q.text, "cell"), kit.number(q.answered), (hidden, "small"), ""])
                elif q.type == "single_choice":
                    top = max(q.distribution.items(), key=lambda kv: kv[1], default=("", 0))
                    rows.append([(q.text, "cell"), kit.number(q.answered), top[0], ""])
                else:
                    rows.append(
                        [
                            (q.text, "cell"),
                            kit.number(q.answered),
                            _num(kit, q.mean, 1),
                            _pct(kit, q.share_agreeing) if q.type == "likert5" else "–",
                        ]
                    )
            elif q.answered:
                comments.append(kit.p(q.text, "cell_bold"))
                if q.suppressed:
                    comments.append(kit.p(hidden, "small"))
                    continue
                comments += [kit.p(f"– {c}", "cell") for c in q.comments[:MAX_COMMENTS]]
                if len(q.comments) > MAX_COMMENTS:
                    more = kit.t(N_("… and {n} more"), n=len(q.comments) - MAX_COMMENTS)
                    comments.append(kit.p(more, "small"))
        if rows:
            widths = [WIDTH - 3 * 22 * mm, 22 * mm, 22 * mm, 22 * mm]
            story.append(kit.table(header, rows, widths, numeric=(1, 2, 3)))
        return story + comments


@dataclass(frozen=True)
class HqEvaluationSection:
    """Satisfaction and knowledge gain pooled over the listed workshops."""

    figures: evaluations.OverallFigures

    def flowables(self, kit: Kit) -> list[Flowable]:
        from ccema_desktop.reports.styles import figures, heading

        f = self.figures
        items = [(kit.number(f.workshops), kit.t(N_("workshops with evaluations")))]
        sat = f.satisfaction
        if sat is not None and not sat.suppressed:
            items += [
                (_pct(kit, sat.share_agreeing), kit.t(N_("agree or strongly agree (final evaluation)"))),
                (_num(kit, sat.mean, 1) + " / 5", kit.t(N_("mean satisfaction score"))),
            ]
        if f.pairs and not f.suppressed:
            items += [
                (kit.number(f.pairs), kit.t(N_("before/after test pairs"))),
                (_num(kit, f.knowledge_gain), kit.t(N_("mean knowledge gain <g>"))),
                (_pct(kit, f.share_improved), kit.t(N_("improved their knowledge test score"))),
                (_pct(kit, f.share_passing), kit.t(N_("passed the knowledge test after the module"))),
            ]
        return [heading(kit, kit.t(N_("Satisfaction and learning"))), figures(kit, items)]


def workshop_section(s: Session, workshop_id: str) -> ReportSection | None:
    """The workshop report's evaluation section, or None when nobody has answered yet."""
    data = evaluations.gather(s, load_workshop(s, workshop_id))
    return WorkshopEvaluationSection(data) if data.has_data else None


def hq_section(s: Session, workshop_ids: list[str]) -> ReportSection | None:
    """The HQ infosheet's satisfaction and learning section, or None without final evaluations or pairs."""
    if not workshop_ids:
        return None
    result = evaluations.overall(s, workshop_ids)
    if result.satisfaction is None and not result.pairs:
        return None
    return HqEvaluationSection(result)


def register() -> None:
    """Add the providers to the report plug-in points (once)."""
    from ccema_desktop.services import reporting

    if workshop_section not in reporting.WORKSHOP_SECTIONS:
        reporting.WORKSHOP_SECTIONS.append(workshop_section)
    if hq_section not in reporting.HQ_SECTIONS:
        reporting.HQ_SECTIONS.append(hq_section)
