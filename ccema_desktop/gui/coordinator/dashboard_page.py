"""Dashboard: the headquarters figures (the same as `ccema stats`), charts, the workshops and every table.

Figures come from `services.dashboard.overview` in the language shown, read on the task runner; the page
reloads after an import or an approval, and on a language switch. Double-clicking a workshop opens its
details. "Export table…" writes the table shown, in its order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QChart
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QTableView, QVBoxLayout, QWidget

from ccema_desktop.gui.coordinator import charts
from ccema_desktop.gui.coordinator.detail import WorkshopDetailDialog
from ccema_desktop.gui.coordinator.export import ask_export_path, export_rows
from ccema_desktop.gui.coordinator.page import Page
from ccema_desktop.gui.coordinator.tables import (
    KEY_ROLE,
    RowsModel,
    format_value,
    model_for,
    selected_key,
    setup_table,
)
from ccema_desktop.gui.forms.ui_coordinator_dashboard import Ui_DashboardPage
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.sync_worker import format_when
from ccema_desktop.i18n import _, current_language, ngettext
from ccema_desktop.services.dashboard import Count, Overview, TableData

#: Columns of `Overview.workshops_table()` shown right after code and title: enrolled, trained, attendance rate,
#: certificates (the columns can also be dragged; an export follows the order shown).
WORKSHOP_COLUMNS_SHOWN_FIRST = (7, 8, 9, 10)
#: Below this width the figures take two rows of four.
WIDE = 980


class FigureCard(QFrame):
    """One headline figure: the value large, what it is below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("figureCard")
        self.setStyleSheet(
            "#figureCard { background: #f4f7fa; border: 1px solid #d5dde5; border-radius: 4px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 3)
        layout.setSpacing(0)
        self.value = QLabel(self)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_figure(self, caption: str, value: str, note: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.setToolTip(note)
        self.setAccessibleName(f"{caption}: {value}")


class DashboardPage(Page):
    key = "dashboard"

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        self.overview: Overview | None = None
        self.tables: list[TableData] = []
        self._cards = [FigureCard(self.ui.figuresBox) for _n in range(8)]
        self._columns = 0
        self._charts = [charts.chart_view(self.ui.chartsTab) for _n in range(4)]
        for index, view in enumerate(self._charts):
            self.ui.chartsLayout.addWidget(view, index // 2, index % 2)
        self.workshops_model = RowsModel([], self)
        self.breakdown_model = RowsModel([], self)
        self._request = 0
        self._arranged = False
        self._detail: WorkshopDetailDialog | None = None
        self._layout_cards()
        ui = self.ui
        ui.views.currentChanged.connect(lambda _index: self._views_changed())
        ui.tableCombo.currentIndexChanged.connect(lambda _index: self._show_breakdown())
        ui.workshopsTable.activated.connect(self._on_workshop_activated)
        ui.detailButton.clicked.connect(lambda: self.open_detail())
        ui.exportButton.clicked.connect(lambda: self.export())
        self._update()

    # --- Page -------------------------------------------------------------------------------------------------
    def title(self) -> str:
        return _("Dashboard")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.refresh()  # labels of sexes, sectors, countries and headers come from the service in the language

    def export_view(self) -> QTableView | None:
        if self.overview is None or not self.overview.workshops:
            return None
        current = self.ui.views.currentWidget()
        if current is self.ui.workshopsTab:
            return self.ui.workshopsTable
        if current is self.ui.tablesTab:
            return self.ui.breakdownTable
        return None

    def export_name(self) -> str:
        if self.ui.views.currentWidget() is self.ui.tablesTab:
            return str(self.ui.tableCombo.currentData() or "table")
        return "workshops"

    def refresh(self) -> None:
        from ccema_desktop.services import dashboard

        self._request += 1
        request, db, lang = self._request, self.services.db, current_language()

        def done(overview: Overview) -> None:
            if request == self._request:
                self._on_loaded(overview)

        self.services.runner.run(lambda: dashboard.overview(db, lang), done, lambda e: show_error(self, e))

    # --- data -------------------------------------------------------------------------------------------------
    def _on_loaded(self, overview: Overview) -> None:
        self.overview = overview
        self.tables = [t for t in overview.tables() if t.key != "workshops"]
        self._show_figures(overview)
        self._show_charts(overview)
        self._show_workshops(overview)
        self._fill_table_combo()
        self._update()

    def _show_figures(self, o: Overview) -> None:
        no_evaluations = _("No evaluation results have reached headquarters yet.")
        figures: list[tuple[str, str, str]] = [
            (_("Workshops"), format_value(o.workshops, "int"), ""),
            (_("Participants registered"), format_value(o.participants_registered, "int"), ""),
            (
                _("Persons trained"),
                format_value(o.persons_trained, "int"),
                _("Marked present or late in at least one session; each person counted once."),
            ),
            (_("Eligible for a certificate"), format_value(o.certificates_eligible, "int"), ""),
            (_("Certificates issued"), format_value(o.certificates_issued, "int"), ""),
            (
                _("Attendance rate"),
                format_value(o.attendance_rate, "percent"),
                _("Sessions attended over sessions planned, over all enrolments."),
            ),
            (
                _("Satisfaction"),
                format_value(o.satisfaction, "score"),
                no_evaluations if o.satisfaction is None else "",
            ),
            (
                _("Knowledge gain"),
                format_value(o.knowledge_gain, "score"),
                no_evaluations
                if o.knowledge_gain is None
                else _("Mean post-test minus pre-test score, in percentage points."),
            ),
        ]
        for card, (caption, value, note) in zip(self._cards, figures, strict=True):
            card.show_figure(caption, value, note)

    def _show_charts(self, o: Overview) -> None:
        other = _("Other")
        country_labels = {c.key: c.label for c in o.workshops_by_country}
        years = sorted({r.year for r in o.workshops_by_country_year})

        def by_country_and_year(capacity: int) -> tuple[QChart, list[str]]:
            shown = [c.key for c in o.workshops_by_country]
            if len(shown) > capacity:
                shown = shown[: capacity - 1]
            rest = len(shown) < len(o.workshops_by_country)
            per_year: list[tuple[str, list[int]]] = []
            for year in years:
                counts = {r.country: r.workshops for r in o.workshops_by_country_year if r.year == year}
                values = [counts.get(key, 0) for key in shown]
                if rest:
                    values.append(sum(n for key, n in counts.items() if key not in shown))
                per_year.append((str(year), values))
            names = [country_labels.get(key, key) for key in shown] + ([other] if rest else [])
            title = _("Workshops by country and year")
            return charts.bar_chart(title, names, per_year, stacked=True), names

        def counts_chart(title: str, counts: list[Count]) -> Callable[[int], tuple[QChart, list[str]]]:
            def build(capacity: int) -> tuple[QChart, list[str]]:
                items = charts.top_with_other([(c.label, c.count) for c in counts], capacity - 1, other)
                names = [name for name, _n in items]
                return charts.bar_chart(title, names, [(title, [n for _l, n in items])]), names

            return build

        self._charts[0].show_bars(by_country_and_year)
        self._charts[1].show_chart(
            charts.donut_chart(_("Persons trained by sex"), [(c.label, c.count) for c in o.by_sex])
        )
        self._charts[2].show_bars(counts_chart(_("Persons trained by sector"), o.by_sector))
        self._charts[3].show_bars(counts_chart(_("Persons trained by country"), o.by_country))

    def _show_workshops(self, o: Overview) -> None:
        keep = selected_key(self.ui.workshopsTable)
        table = o.workshops_table()
        model = model_for(table.header, table.as_rows(), self, stretch=1)
        model.set_rows(table.as_rows(), [w.id for w in o.workshop_rows])
        self._replace_model(self.ui.workshopsTable, model)
        self.workshops_model = model
        if not self._arranged:  # the figures next to the title, so they stay in view on a projector
            self._arranged = True
            header = self.ui.workshopsTable.horizontalHeader()
            for visual, logical in enumerate(WORKSHOP_COLUMNS_SHOWN_FIRST, start=2):
                header.moveSection(header.visualIndex(logical), visual)
        self._select_key(self.ui.workshopsTable, keep)

    def _fill_table_combo(self) -> None:
        combo = self.ui.tableCombo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for table in self.tables:
            combo.addItem(table.title, table.key)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
        combo.blockSignals(False)
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        key = self.ui.tableCombo.currentData()
        table = next((t for t in self.tables if t.key == key), None)
        if table is None:
            return
        model = model_for(table.header, table.as_rows(), self, stretch=0)
        if table.key == "figures" and self.overview is not None:
            model.set_rows(table.as_rows(), row_kinds=self._figure_kinds(self.overview))
        self._replace_model(self.ui.breakdownTable, model)
        self.breakdown_model = model
        self.export_changed.emit()

    @staticmethod
    def _figure_kinds(o: Overview) -> list[str | None]:
        kinds: list[str | None] = ["int", "int", "int", "int", "int", "percent"]
        if o.satisfaction is not None:
            kinds.append("score")
        if o.knowledge_gain is not None:
            kinds.append("score")
        return kinds

    def _replace_model(self, view: QTableView, model: RowsModel) -> None:
        old = view.model()
        setup_table(view, model)
        view.resizeRowsToContents()
        if old is not None:
            old.deleteLater()

    @staticmethod
    def _select_key(view: QTableView, key: object) -> None:
        model = view.model()
        for row in range(model.rowCount()):
            if key is not None and model.index(row, 0).data(KEY_ROLE) == key:
                view.selectRow(row)
                return

    # --- actions ----------------------------------------------------------------------------------------------
    def _on_workshop_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ui.workshopsTable.selectRow(index.row())
            self.open_detail()

    def open_detail(self, workshop_id: str | None = None) -> WorkshopDetailDialog | None:
        """Drill down into a workshop (the selected one by default)."""
        key = workshop_id or selected_key(self.ui.workshopsTable)
        if not isinstance(key, str):
            return None
        dialog = WorkshopDetailDialog(self.services, key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "_detail", None))
        self._detail = dialog
        dialog.open()
        dialog.load()
        return dialog

    def export(self) -> None:
        view = self.export_view()
        if view is None:
            return
        path = ask_export_path(self, self.export_name())
        if path is None:
            return
        header, rows = self.visible_table() or ([], [])
        export_rows(
            self.services,
            header,
            rows,
            path,
            lambda p: self.ui.footerLabel.setText(_("Table exported: {path}").format(path=p)),
            lambda exc: show_error(self, exc),
        )

    # --- display ----------------------------------------------------------------------------------------------
    def _views_changed(self) -> None:
        self._update()
        self.export_changed.emit()

    def _update(self) -> None:
        ui = self.ui
        o = self.overview
        has_data = o is not None and o.workshops > 0
        ui.figuresBox.setVisible(has_data)
        ui.views.setVisible(has_data)
        ui.emptyLabel.setVisible(o is not None and not has_data)
        ui.emptyLabel.setText(
            _(
                "No workshop has reached headquarters yet. Import the bundles that venue laptops saved "
                "(Import tab), or approve the laptops waiting in Devices."
            )
        )
        ui.exportButton.setVisible(self.export_view() is not None)
        ui.detailButton.setEnabled(has_data)
        if o is None:
            ui.footerLabel.setText(_("Reading the figures…"))
        elif has_data:
            ui.footerLabel.setText(
                ngettext(
                    "{n} workshop; figures as of {time}. Demo workshops are left out, and each person is counted "
                    "once however many workshops they attended (as 'ccema stats').",
                    "{n} workshops; figures as of {time}. Demo workshops are left out, and each person is counted "
                    "once however many workshops they attended (as 'ccema stats').",
                    o.workshops,
                ).format(n=o.workshops, time=format_when(o.generated_at))
            )
        else:
            ui.footerLabel.clear()

    def _layout_cards(self) -> None:
        columns = 8 if self.width() >= WIDE else 4
        if columns == self._columns:
            return
        self._columns = columns
        layout = self.ui.figuresLayout
        for card in self._cards:
            layout.removeWidget(card)
        for index, card in enumerate(self._cards):
            layout.addWidget(card, index // columns, index % columns)
        for column in range(8):
            layout.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_cards()
