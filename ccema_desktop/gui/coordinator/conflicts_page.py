"""Conflict log: records two laptops changed differently (the same data as `ccema conflicts`)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QTableView

from ccema_desktop.gui.coordinator.page import Page
from ccema_desktop.gui.coordinator.tables import Column, RowsModel, selected_key, setup_table
from ccema_desktop.gui.forms.ui_coordinator_conflicts import Ui_ConflictsPage
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _
from ccema_desktop.sync.merge import ConflictView


class ConflictsPage(Page):
    key = "conflicts"

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_ConflictsPage()
        self.ui.setupUi(self)
        self.model = RowsModel(
            [
                Column(lambda: _("Found"), "datetime"),
                Column(lambda: _("Table")),
                Column(lambda: _("Record")),
                Column(lambda: _("Kept: device, revision")),
                Column(lambda: _("Set aside: device, revision")),
                Column(lambda: _("Bundle"), stretch=True),
            ],
            self,
        )
        setup_table(self.ui.table, self.model)
        self.ui.splitter.setSizes([400, 160])
        self.conflicts: list[ConflictView] = []
        self.loaded = False
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_details())
        self._update()

    def title(self) -> str:
        return _("Conflict log")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.relabel()
        self._show_details()

    def export_view(self) -> QTableView | None:
        return self.ui.table

    def export_name(self) -> str:
        return "conflicts"

    def refresh(self) -> None:
        from ccema_desktop.sync import merge

        db = self.services.db
        self.services.runner.run(
            lambda: merge.list_conflicts(db), self._on_loaded, lambda e: show_error(self, e)
        )

    def _on_loaded(self, conflicts: list[ConflictView]) -> None:
        self.conflicts = sorted(conflicts, key=lambda c: (c.detected_at, c.id), reverse=True)
        self.loaded = True
        self.model.set_rows(
            [
                [
                    c.detected_at,
                    c.table,
                    c.record_id,
                    f"{c.winner_device_id[:8]}, {c.winner_revision}",
                    f"{c.loser_device_id[:8]}, {c.loser_revision}",
                    c.bundle_id,
                ]
                for c in self.conflicts
            ],
            [c.id for c in self.conflicts],
        )
        if self.conflicts:
            self.ui.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        has_rows = bool(self.conflicts)
        self.ui.splitter.setVisible(has_rows)
        self.ui.emptyLabel.setVisible(self.loaded and not has_rows)
        self._show_details()

    def _show_details(self) -> None:
        key = selected_key(self.ui.table)
        conflict = next((c for c in self.conflicts if c.id == key), None)
        if conflict is None:
            self.ui.detailsEdit.clear()
            return
        text = _(
            "{table} {record}: the change of device {winner} (revision {win_rev}, {win_time}) was kept. "
            "The change of device {loser} (revision {lose_rev}, {lose_time}) was set aside; here it is:"
        ).format(
            table=conflict.table,
            record=conflict.record_id,
            winner=conflict.winner_device_id,
            win_rev=conflict.winner_revision,
            win_time=conflict.winner_updated_at.isoformat(sep=" ", timespec="seconds"),
            loser=conflict.loser_device_id,
            lose_rev=conflict.loser_revision,
            lose_time=conflict.loser_updated_at.isoformat(sep=" ", timespec="seconds"),
        )
        data = json.dumps(conflict.loser_data, indent=2, ensure_ascii=False, sort_keys=True, default=str)
        self.ui.detailsEdit.setPlainText(f"{text}\n\n{data}")
