"""The facilitator's shell: navigation, current workshop, menus, language switch, status bar.

Screens are built when first shown (the one on show at start-up, the others in idle moments once the database
is open, or at once when someone goes to one): the navigation, the Go menu and their titles come from
`screens.REGISTRY`, so start-up imports only the first screen's module. The sync worker and the kiosk
launcher are made after the first frame too (or when asked for).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMainWindow, QWidget

from ccema_desktop.gui.forms.ui_main_window import Ui_MainWindow
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.screens import ScreenEntry, available_screens
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.shell_menus import add_go_actions, add_language_actions
from ccema_desktop.gui.widgets import ElidedLabel
from ccema_desktop.i18n import _, current_language, set_language

if TYPE_CHECKING:
    from ccema_desktop.gui.kiosk.launcher import KioskLauncher
    from ccema_desktop.gui.sync_worker import SyncSnapshot, SyncWorker
    from ccema_desktop.services.workshop_views import WorkshopView

#: Screens not yet built are built one per idle moment, this long apart, once the database is open.
IDLE_BUILD_MS = 30


def switch_language(lang: str) -> None:
    """Swap gettext and Qt catalogs, then tell every widget to retranslate."""
    from ccema_desktop.app import install_qt_translations

    set_language(lang)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_qt_translations(app, lang)
        for widget in app.allWidgets():
            QApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


class MainWindow(QMainWindow):
    #: Emitted once the first workshop list has arrived (with how many workshops there are).
    workshops_loaded = Signal(int)
    #: Emitted once, when the window first shows its data: the workshop list is in, the most recent workshop
    #: is open and the screen on show has loaded (`--smoke-test` and the start-up benchmark wait for it).
    ready = Signal()
    #: Emitted once, just after the first paint of the window once it is ready: what a person sees. At
    #: start-up the database layer starts opening then, not before, so it does not slow that paint.
    first_frame = Signal()

    def __init__(self, services: GuiServices) -> None:
        super().__init__()
        self.services = services
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._entries: list[ScreenEntry] = available_screens()
        self._built: dict[str, Screen] = {}
        self._first_load_done = False
        self._ready = False
        self._framed = False
        self._painted = False
        for entry in self._entries:
            self.ui.stack.addWidget(QWidget())  # a placeholder until the screen is built
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.ui.navigation.addItem(item)
        self._db_label = ElidedLabel()
        self._sync_label = ElidedLabel()
        self._sync_label.setAccessibleName(_("Sync state"))
        self._sync_label.hide()
        self.statusBar().addPermanentWidget(self._sync_label)
        self.statusBar().addPermanentWidget(self._db_label)
        # Made after the first frame (see `_after_first_frame`), or when asked for.
        self._sync_worker: SyncWorker | None = None
        self._kiosk_launcher: KioskLauncher | None = None
        self._build_go_menu()
        self._build_language_menu()
        # Queued: whoever waits for the first frame (the smoke test, the database opening) goes first.
        self.first_frame.connect(lambda: QTimer.singleShot(0, self._after_first_frame))
        self.ui.navigation.currentRowChanged.connect(self._on_nav_changed)
        self.ui.workshopCombo.activated.connect(self._on_workshop_chosen)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionNewWorkshop.triggered.connect(self._on_new_workshop)
        self.ui.actionOpenDemo.triggered.connect(self._on_open_demo)
        self.ui.actionBackup.triggered.connect(self._on_backup)
        self.ui.actionAbout.triggered.connect(self._on_about)
        services.workshop_changed.connect(self._on_workshop_changed)
        services.data_changed.connect(self._on_data_changed)
        self._qsettings = QSettings(str(services.paths.root / "window.ini"), QSettings.Format.IniFormat)
        geometry = self._qsettings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._workshops: dict[str, WorkshopView] = {}
        self.retranslate()
        self.ui.navigation.setCurrentRow(0)
        self._update_for_workshop()
        self._reload_workshops(first=True)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(IDLE_BUILD_MS)
        self._idle_timer.timeout.connect(self._build_next_in_idle)
        if services.is_open:
            self._idle_timer.start()
        else:
            services.core_opened.connect(self._idle_timer.start)

    @property
    def sync_worker(self) -> SyncWorker:
        """Sends the outbox in the background (every minute, at once after "Sync now"); runs while shown."""
        if self._sync_worker is None:
            from ccema_desktop.gui.sync_worker import worker_for

            self._sync_worker = worker_for(self.services)
            self._sync_worker.changed.connect(self._show_sync_state)
        return self._sync_worker

    @property
    def kiosk_launcher(self) -> KioskLauncher:
        """File > Start kiosk mode… (Ctrl+Shift+K)."""
        if self._kiosk_launcher is None:
            from ccema_desktop.gui.kiosk.launcher import KioskLauncher

            self._kiosk_launcher = KioskLauncher(self, self.services)
        return self._kiosk_launcher

    def _after_first_frame(self) -> None:
        self.kiosk_launcher  # noqa: B018  (made now: its File menu action)
        if self.isVisible():
            self._start_sync_worker()

    def _start_sync_worker(self) -> None:
        from ccema_desktop.gui.sync_worker import FIRST_CYCLE_DELAY_MS

        if not self.sync_worker.is_active():
            self.sync_worker.start(FIRST_CYCLE_DELAY_MS)

    # --- navigation -------------------------------------------------------------------------------------------
    def current_screen(self) -> Screen | None:
        widget = self.ui.stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    @property
    def screen_keys(self) -> list[str]:
        """The screens of this build in navigation order (built or not)."""
        return [entry.key for entry in self._entries]

    @property
    def screens(self) -> list[Screen]:
        """Every screen in navigation order; builds those not built yet."""
        return [self._screen_at(index) for index in range(len(self._entries))]

    def built_screens(self) -> list[Screen]:
        return [self._built[e.key] for e in self._entries if e.key in self._built]

    def screen_for(self, key: str) -> Screen:
        """The screen with this key (built now if it was not)."""
        return self._screen_at(self.screen_keys.index(key))

    def show_screen(self, key: str) -> None:
        self.ui.navigation.setCurrentRow(self.screen_keys.index(key))

    def _screen_at(self, index: int) -> Screen:
        entry = self._entries[index]
        screen = self._built.get(entry.key)
        if screen is not None:
            return screen
        if not entry.light:
            # Screen modules import core services: wait for the database layer the opening thread loads.
            self.services.wait_until_open()
        module = importlib.import_module(entry.module)
        screen = module.SCREEN(self.services)
        assert isinstance(screen, Screen) and screen.key == entry.key
        screen.loaded.connect(self._check_ready)
        placeholder = self.ui.stack.widget(index)
        assert placeholder is not None
        was_current = self.ui.stack.currentWidget() is placeholder
        self.ui.stack.insertWidget(index, screen)
        if was_current:  # otherwise removing the placeholder would show (and refresh) a neighbour
            self.ui.stack.setCurrentWidget(screen)
        self.ui.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[entry.key] = screen
        return screen

    def _build_next_in_idle(self) -> None:
        """One screen per idle moment, so going to it later is instant and the window stays responsive."""
        pending = [i for i, e in enumerate(self._entries) if e.key not in self._built]
        if pending:
            self._screen_at(pending[0])
            if len(pending) > 1:
                self._idle_timer.start()

    def _on_nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            screen = self._screen_at(row)
            self.ui.stack.setCurrentWidget(screen)

    def _build_go_menu(self) -> None:
        keys = [entry.key for entry in self._entries]
        self._go_actions = add_go_actions(self, self.ui.menuGo, keys, self.show_screen)

    def _build_language_menu(self) -> None:
        self._language_actions = add_language_actions(self, self.ui.menuLanguage, self.set_language)

    def set_language(self, lang: str) -> None:
        switch_language(lang)
        self.services.settings.language = lang
        self.services.save_settings()

    # --- workshops --------------------------------------------------------------------------------------------
    def _workshop_ids(self) -> list[str]:
        return [self.ui.workshopCombo.itemData(i) for i in range(self.ui.workshopCombo.count())]

    def workshop_ids(self) -> list[str]:
        """The workshops in the database, as the workshop chooser lists them."""
        return self._workshop_ids()

    @property
    def first_load_done(self) -> bool:
        """Whether the first workshop list has arrived (`workshops_loaded` was emitted)."""
        return self._first_load_done

    def is_ready(self) -> bool:
        """Shown, the first workshop list in, and the screen on show displaying its data."""
        screen = self.current_screen()
        return self.isVisible() and self._first_load_done and (screen is None or screen.is_loaded())

    def _check_ready(self) -> None:
        if not self._ready and self.is_ready():
            self._ready = True
            self.ready.emit()
            if self._painted:
                self.update()  # a paint that shows the data, then `first_frame`

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted = True
        if self._ready and not self._framed:
            self._framed = True
            QTimer.singleShot(0, self.first_frame.emit)  # once the children of this paint are drawn too

    def _reload_workshops(self, first: bool = False) -> None:
        """Load the workshop list off the UI thread; on the first load, reopen the most recent workshop.

        While the database is still opening at start-up, the list read at start is the current one."""
        listed = self.services.first_workshops
        if listed is not None:
            self._fill_workshops(listed, first)
            return
        services = self.services

        def work() -> list[WorkshopView]:
            db = services.db
            from ccema_desktop.services import workshops as ws

            return ws.list_workshops(db)

        self.services.runner.run(work, lambda views: self._fill_workshops(views, first), self._error)

    def _fill_workshops(self, views: list[WorkshopView], first: bool) -> None:
        combo = self.ui.workshopCombo
        current = self.services.workshop_id
        combo.blockSignals(True)
        combo.clear()
        self._workshops = {w.id: w for w in views}
        for w in self._workshops.values():
            combo.addItem(f"{w.title} ({w.code})", w.id)
        if current in self._workshops:
            combo.setCurrentIndex(self._workshop_ids().index(current))
        elif current is not None:
            self.services.set_workshop(None)
        combo.setCurrentIndex(combo.currentIndex() if self.services.workshop_id else -1)
        combo.setPlaceholderText(_("No workshop chosen"))
        combo.blockSignals(False)
        self._rebuild_recent_menu()
        if first:
            recent = [w for w in self.services.settings.recent_workshops if w in self._workshops]
            if recent:
                self.services.set_workshop(recent[0])
            self._update_for_workshop()
            self._first_load_done = True
            self.workshops_loaded.emit(len(self._workshops))
            self._check_ready()

    def _rebuild_recent_menu(self) -> None:
        menu = self.ui.menuRecent
        menu.clear()
        recent = [w for w in self.services.settings.recent_workshops if w in self._workshops]
        for wid in recent:
            w = self._workshops[wid]
            action = menu.addAction(f"{w.title} ({w.code})")
            action.triggered.connect(lambda _checked=False, target=wid: self.services.set_workshop(target))
        menu.setEnabled(bool(recent))

    def _on_workshop_chosen(self, index: int) -> None:
        self.services.set_workshop(self.ui.workshopCombo.itemData(index))

    def _on_workshop_changed(self, workshop_id: object) -> None:
        if workshop_id in self._workshop_ids():
            self.ui.workshopCombo.setCurrentIndex(self._workshop_ids().index(workshop_id))
        self._update_for_workshop()
        self._rebuild_recent_menu()

    def _on_data_changed(self, what: str) -> None:
        if what == "workshops":
            self._reload_workshops()
            self._update_for_workshop()

    def _update_for_workshop(self) -> None:
        chosen = self.services.workshop_id is not None
        for index, entry in enumerate(self._entries):
            item = self.ui.navigation.item(index)
            enabled = chosen or not entry.needs_workshop
            flags = item.flags()
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
            self._go_actions[index].setEnabled(enabled)
        workshop = self._workshops.get(self.services.workshop_id or "")
        self.ui.demoBadge.setVisible(bool(workshop and workshop.is_demo))

    def _on_new_workshop(self) -> None:
        self.show_screen("workshops")
        screen = self.screen_for("workshops")
        if hasattr(screen, "start_wizard"):
            screen.start_wizard()

    def _on_open_demo(self) -> None:
        services = self.services

        def work() -> str:
            db = services.db
            from ccema_desktop.services import demo

            return demo.ensure_demo_workshop(db)

        def done(workshop_id: str) -> None:
            self.services.notify("workshops")
            self.services.set_workshop(workshop_id)

        self.services.runner.run(work, done, self._error)

    def _on_backup(self) -> None:
        services = self.services

        def work() -> Path:
            ctx = services.ctx
            from ccema_desktop.services import maintenance

            return maintenance.backup(ctx)

        def done(path: Path) -> None:
            self.statusBar().showMessage(_("Backup saved: {path}").format(path=path), 10000)

        self.services.runner.run(work, done, self._error)

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ccema_desktop import __version__

        QMessageBox.about(
            self,
            _("About CCEMA Desktop"),
            _(
                "CCEMA Desktop {version}\nRuns MECC capacity-building workshops offline.\nData folder: {path}"
            ).format(version=__version__, path=self.services.paths.root),
        )

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _show_sync_state(self, snapshot: SyncSnapshot | None = None) -> None:
        snapshot = snapshot or (self._sync_worker.snapshot if self._sync_worker is not None else None)
        if snapshot is None:  # nothing known yet: nothing to show
            self._sync_label.setText("")
            self._sync_label.hide()
            return
        from ccema_desktop.gui.sync_worker import status_text

        text = status_text(snapshot)
        self._sync_label.setText(text)
        self._sync_label.setVisible(bool(text))

    # --- language and lifecycle -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        for index, entry in enumerate(self._entries):
            self.ui.navigation.item(index).setText(entry.title())
            self._go_actions[index].setText(entry.title())
        for lang, action in self._language_actions.items():
            action.setChecked(lang == current_language())
        location = self.services.database_label()
        self._db_label.setText(_("Database: {location}").format(location=location))
        self.ui.workshopCombo.setPlaceholderText(_("No workshop chosen"))
        self._sync_label.setAccessibleName(_("Sync state"))
        self._show_sync_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._framed:  # shown again (after the kiosk, say); the first time, after the first frame
            self._start_sync_worker()
        self._check_ready()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._idle_timer.stop()
        if self._sync_worker is not None:
            self._sync_worker.stop()
        self._qsettings.setValue("geometry", self.saveGeometry())
        self._qsettings.sync()
        self.services.runner.wait(10000)
        super().closeEvent(event)


def first_start_prompt(parent: QWidget, services: GuiServices) -> str:
    """On an empty database: 'create' a workshop, open the 'demo', or 'later'."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Welcome to CCEMA Desktop"),
        _(
            "There is no workshop yet. Create your first workshop, or open a demo workshop with "
            "sample participants to try the app (you can remove it at any time)."
        ),
        parent=parent,
    )
    create = box.addButton(_("Create a workshop"), QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton(_("Open the demo workshop"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    services.settings.demo_offered = True
    services.save_settings()
    if box.clickedButton() is create:
        return "create"
    if box.clickedButton() is demo:
        return "demo"
    return "later"
