"""The new-workshop wizard: details, dates, people, modules, then the proposed agenda before anything is saved.

Pages come from ui/workshop_wizard.ui. Each page's input is checked when the person presses Next (the
message appears next to the field and the page stays); the last page shows the agenda that
`services.workshops.preview_agenda` proposes (the same code path `create_workshop` saves), and Finish saves.
Cancel saves nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QListWidgetItem, QTableWidgetItem, QWidget, QWizard

from ccema_desktop.domain.countries import country_name, is_country_code
from ccema_desktop.domain.vocab import WORKSHOP_KINDS, fold, label
from ccema_desktop.errors import KnownError
from ccema_desktop.gui.forms.ui_workshop_wizard import Ui_WorkshopWizard
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import (
    LANGUAGES,
    _,
    babel_locale,
    current_language,
    format_date,
    language_name,
    ngettext,
)
from ccema_desktop.services import curriculum
from ccema_desktop.services import workshops as ws

PAGE_BASICS, PAGE_DATES, PAGE_PEOPLE, PAGE_MODULES, PAGE_AGENDA = range(5)
#: At most this many unscheduled exercises are listed by name; the rest are counted.
UNSCHEDULED_SHOWN = 5
PAUSE_KINDS = ("break", "lunch")


def format_minutes(minutes: int) -> str:
    """'45 min', '2 h', '1 h 30 min'."""
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    if minutes % 60 == 0:
        return _("{hours} h").format(hours=minutes // 60)
    return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=minutes % 60)


def short_day(day: dt.date, lang: str | None = None) -> str:
    """'Mon, Mar 16', 'пн, 16 мар.' in the UI language."""
    from babel.dates import format_skeleton  # Babel's locale data loads on first use

    return str(format_skeleton("MMMEd", day, locale=babel_locale(lang or current_language())))


def country_codes() -> list[str]:
    """Every ISO 3166 alpha-2 country the app knows."""
    from babel import Locale

    return [
        code
        for code in Locale.parse("en").territories
        if isinstance(code, str) and len(code) == 2 and is_country_code(code)
    ]


class WorkshopWizard(QWizard):
    """Create a workshop. `created(id)` fires after it is saved and made the current workshop."""

    created = Signal(str)

    def __init__(self, services: GuiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = Ui_WorkshopWizard()
        self.ui.setupUi(self)
        self._countries: list[str] = []  # ticked, in the order they were ticked (the first names the code)
        self._modules: dict[str, list[curriculum.ModuleView]] = {}  # by language
        self._ticked_modules: set[int] = set()
        self._preview: ws.AgendaPreview | None = None
        self._preview_for: ws.WorkshopInput | None = None
        self._saving = False
        self._errors: dict[QLabel, Callable[[], str]] = {}
        self._set_defaults()
        self._fill_choices()
        self._connect()
        for error in self._error_labels():
            error.hide()
        self.ui.unscheduledLabel.hide()
        self._update_countries_chosen()
        self._update_dates_summary()
        self._fit_to_screen()

    # --- set-up -----------------------------------------------------------------------------------------------
    def _set_defaults(self) -> None:
        ui = self.ui
        start = dt.date.today() + dt.timedelta(days=14)
        for edit in (ui.startDate, ui.endDate):
            edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        ui.startDate.setDate(QDate(start.year, start.month, start.day))
        end = start + dt.timedelta(days=2)
        ui.endDate.setDate(QDate(end.year, end.month, end.day))
        ui.dayStart.setTime(QTime(9, 0))
        ui.dayEnd.setTime(QTime(17, 0))
        ui.thresholdSpin.setValue(80)
        header = ui.agendaTable.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._last_start = self._start()
        rows = ui.agendaTable.verticalHeader()
        rows.setDefaultSectionSize(ui.agendaTable.fontMetrics().height() + 8)

    def _fill_choices(self) -> None:
        ui = self.ui
        kind = ui.kindCombo.currentData() or "national"
        ui.kindCombo.clear()
        for key in WORKSHOP_KINDS:
            ui.kindCombo.addItem(label(WORKSHOP_KINDS, key), key)
        ui.kindCombo.setCurrentIndex(list(WORKSHOP_KINDS).index(kind))
        language = ui.languageCombo.currentData() or current_language()
        ui.languageCombo.clear()
        for code in LANGUAGES:
            ui.languageCombo.addItem(language_name(code), code)
        ui.languageCombo.setCurrentIndex(list(LANGUAGES).index(language))
        self._fill_countries()

    def _fill_countries(self) -> None:
        """Country names in the UI language, alphabetical; ticks survive a language switch."""
        countries = self.ui.countryList
        countries.blockSignals(True)
        countries.clear()
        names = {code: country_name(code) for code in country_codes()}
        # A few territories have no name in some languages: show the English one rather than the code.
        names = {code: name if name != code else country_name(code, "en") for code, name in names.items()}
        for code in sorted(names, key=lambda c: fold(names[c])):
            item = QListWidgetItem(names[code])
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in self._countries else Qt.CheckState.Unchecked)
            countries.addItem(item)
        countries.blockSignals(False)
        self._filter_countries(self.ui.countrySearch.text())

    def _connect(self) -> None:
        ui = self.ui
        ui.titleEdit.textChanged.connect(lambda _t: self._clear_error(ui.titleError))
        ui.countrySearch.textChanged.connect(self._filter_countries)
        ui.countrySearch.installEventFilter(self)
        ui.countryList.itemChanged.connect(self._on_country_ticked)
        ui.startDate.dateChanged.connect(self._on_start_changed)
        ui.endDate.dateChanged.connect(lambda _d: self._on_dates_changed())
        ui.dayStart.timeChanged.connect(lambda _t: self._clear_error(ui.hoursError))
        ui.dayEnd.timeChanged.connect(lambda _t: self._clear_error(ui.hoursError))
        ui.moduleList.itemChanged.connect(self._on_module_ticked)
        ui.allModulesButton.clicked.connect(lambda: self._tick_all_modules(True))
        ui.noModulesButton.clicked.connect(lambda: self._tick_all_modules(False))

    def _fit_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        self.resize(min(self.width(), available.width() - 40), min(self.height(), available.height() - 60))

    def _error_labels(self) -> tuple[QLabel, ...]:
        ui = self.ui
        return (ui.titleError, ui.countriesError, ui.datesError, ui.hoursError, ui.saveError)

    # --- messages next to fields ------------------------------------------------------------------------------
    def _show_error(self, where: QLabel, message: Callable[[], str]) -> None:
        """`message` is called again on a language switch, so the text follows the UI language."""
        self._errors[where] = message
        where.setText(message())
        where.show()

    def _clear_error(self, where: QLabel) -> None:
        self._errors.pop(where, None)
        where.clear()
        where.hide()

    # --- page 1: the workshop ---------------------------------------------------------------------------------
    def _filter_countries(self, needle: str) -> None:
        wanted = fold(needle)
        countries = self.ui.countryList
        first_visible = None
        for row in range(countries.count()):
            item = countries.item(row)
            code = str(item.data(Qt.ItemDataRole.UserRole))
            match = (
                not wanted
                or wanted in fold(item.text())
                or wanted in fold(country_name(code, "en"))
                or wanted == code.lower()
            )
            item.setHidden(not match)
            if match and first_visible is None:
                first_visible = item
        if first_visible is not None and wanted:
            countries.setCurrentItem(first_visible)
            countries.scrollToItem(first_visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the country search ticks the only match instead of pressing Next.
        if (
            watched is self.ui.countrySearch
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._tick_single_match()
            return True
        return super().eventFilter(watched, event)

    def _tick_single_match(self) -> None:
        """Enter in the search field ticks the country when the search leaves exactly one."""
        countries = self.ui.countryList
        visible = [countries.item(r) for r in range(countries.count()) if not countries.item(r).isHidden()]
        if len(visible) == 1:
            visible[0].setCheckState(Qt.CheckState.Checked)
            self.ui.countrySearch.clear()

    def _on_country_ticked(self, item: QListWidgetItem) -> None:
        code = str(item.data(Qt.ItemDataRole.UserRole))
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked and code not in self._countries:
            self._countries.append(code)
        elif not ticked and code in self._countries:
            self._countries.remove(code)
        if self._countries:
            self._clear_error(self.ui.countriesError)
        self._update_countries_chosen()

    def _update_countries_chosen(self) -> None:
        if not self._countries:
            self.ui.countriesChosen.setText(_("No country ticked yet."))
            return
        names = ", ".join(country_name(code) for code in self._countries)
        text = _("Ticked: {countries}.").format(countries=names)
        if len(self._countries) > 1:
            text += " " + _("The first one gives the workshop its code.")
        self.ui.countriesChosen.setText(text)

    def set_countries(self, codes: list[str]) -> None:
        """Tick these countries (in this order), as if the person had ticked them."""
        countries = self.ui.countryList
        for code in codes:
            for row in range(countries.count()):
                item = countries.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == code.upper():
                    item.setCheckState(Qt.CheckState.Checked)

    def _check_basics(self) -> bool:
        ok = True
        if not self.ui.titleEdit.text().strip():
            self._show_error(self.ui.titleError, lambda: _("A workshop needs a title."))
            self.ui.titleEdit.setFocus()
            ok = False
        if not self._countries:
            self._show_error(self.ui.countriesError, lambda: _("Tick at least one host country."))
            if ok:
                self.ui.countrySearch.setFocus()
            ok = False
        return ok

    # --- page 2: dates, language, hours -----------------------------------------------------------------------
    def _start(self) -> dt.date:
        d = self.ui.startDate.date()
        return dt.date(d.year(), d.month(), d.day())

    def _end(self) -> dt.date:
        d = self.ui.endDate.date()
        return dt.date(d.year(), d.month(), d.day())

    def _language(self) -> str:
        return str(self.ui.languageCombo.currentData() or current_language())

    def _on_start_changed(self, _date: QDate) -> None:
        """Keep the length of the workshop when the first day moves (the usual correction)."""
        start = self._start()
        moved = start - self._last_start
        self._last_start = start
        if moved and self._end() >= start - moved:
            end = self._end() + moved
            self.ui.endDate.setDate(QDate(end.year, end.month, end.day))
        self._on_dates_changed()

    def _on_dates_changed(self) -> None:
        self._clear_error(self.ui.datesError)
        self._update_dates_summary()

    def _update_dates_summary(self) -> None:
        start, end = self._start(), self._end()
        if end < start:
            self.ui.datesSummary.clear()
            return
        days = (end - start).days + 1
        if days == 1:
            text = _("One day: {date}").format(date=format_date(start, fmt="full"))
        else:
            text = ngettext("{days} days: {start} to {end}", "{days} days: {start} to {end}", days).format(
                days=days, start=format_date(start, fmt="full"), end=format_date(end, fmt="full")
            )
        if any((start + dt.timedelta(days=i)).weekday() >= 5 for i in range(days)):
            text += "\n" + _("The dates include a Saturday or a Sunday.")
        self.ui.datesSummary.setText(text)

    def _check_dates(self) -> bool:
        ok = True
        start, end = self._start(), self._end()
        if end < start:
            self._show_error(
                self.ui.datesError, lambda: _("The last day is before the first day; check the dates.")
            )
            self.ui.endDate.setFocus()
            ok = False
        elif (end - start).days + 1 > ws.MAX_DAYS:
            self._show_error(
                self.ui.datesError,
                lambda: _("A workshop lasts at most {days} days.").format(days=ws.MAX_DAYS),
            )
            self.ui.endDate.setFocus()
            ok = False
        if self.ui.dayEnd.time() <= self.ui.dayStart.time():
            self._show_error(self.ui.hoursError, lambda: _("The working day must end after it starts."))
            if ok:
                self.ui.dayEnd.setFocus()
            ok = False
        return ok

    # --- page 4: modules --------------------------------------------------------------------------------------
    def _load_modules(self) -> None:
        language = self._language()
        if language in self._modules:
            self._fill_modules()
            return
        self.ui.moduleList.clear()
        self.ui.modulesSummary.setText(_("Loading the modules…"))

        def done(modules: list[curriculum.ModuleView]) -> None:
            self._modules[language] = modules
            if self._language() == language:
                self._fill_modules()

        self.services.runner.run(
            lambda: curriculum.list_modules(self.services.db, language), done, lambda e: show_error(self, e)
        )

    def _fill_modules(self) -> None:
        modules = self.ui.moduleList
        modules.blockSignals(True)
        modules.clear()
        for module in self._modules.get(self._language(), []):
            minutes = sum(e.duration_minutes for e in module.exercises)
            item = QListWidgetItem(
                _("Module {number}: {title}").format(number=module.number, title=module.title)
                + "\n"
                + ngettext(
                    "{count} exercise, {time}", "{count} exercises, {time}", len(module.exercises)
                ).format(count=len(module.exercises), time=format_minutes(minutes))
            )
            item.setData(Qt.ItemDataRole.UserRole, module.number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = module.number in self._ticked_modules
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            modules.addItem(item)
        modules.blockSignals(False)
        if modules.count() and modules.currentRow() < 0:
            modules.setCurrentRow(0)
        self._update_modules_summary()

    def _on_module_ticked(self, item: QListWidgetItem) -> None:
        number = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._ticked_modules.add(number)
        else:
            self._ticked_modules.discard(number)
        self._update_modules_summary()

    def _tick_all_modules(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row in range(self.ui.moduleList.count()):
            self.ui.moduleList.item(row).setCheckState(state)

    def set_modules(self, numbers: list[int]) -> None:
        """Tick exactly these modules (the list must be loaded: the modules page was shown)."""
        for row in range(self.ui.moduleList.count()):
            item = self.ui.moduleList.item(row)
            wanted = int(item.data(Qt.ItemDataRole.UserRole)) in numbers
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _update_modules_summary(self) -> None:
        chosen = [m for m in self._modules.get(self._language(), []) if m.number in self._ticked_modules]
        if not chosen:
            self.ui.modulesSummary.setText(
                _("No module ticked: the agenda will hold only the opening, the breaks and the closing.")
            )
            return
        exercises = sum(len(m.exercises) for m in chosen)
        minutes = sum(e.duration_minutes for m in chosen for e in m.exercises)
        self.ui.modulesSummary.setText(
            _("Ticked: {modules}, {exercises}, {time} in all.").format(
                modules=ngettext("{count} module", "{count} modules", len(chosen)).format(count=len(chosen)),
                exercises=ngettext("{count} exercise", "{count} exercises", exercises).format(
                    count=exercises
                ),
                time=format_minutes(minutes),
            )
        )

    def _module_numbers(self) -> list[int]:
        return sorted(self._ticked_modules)

    # --- page 5: proposed agenda ------------------------------------------------------------------------------
    def workshop_input(self) -> ws.WorkshopInput:
        """What the person entered, as the service takes it."""
        ui = self.ui
        return ws.WorkshopInput(
            title=ui.titleEdit.text().strip(),
            countries=list(self._countries),
            start=self._start(),
            end=self._end(),
            language=self._language(),
            venue=ui.venueEdit.text().strip(),
            kind=str(ui.kindCombo.currentData() or "national"),
            modules=self._module_numbers(),
            partners=ui.partnersEdit.text().strip(),
            funding=ui.fundingEdit.text().strip(),
            facilitators=[
                line.strip() for line in ui.facilitatorsEdit.toPlainText().splitlines() if line.strip()
            ],
            day_start=dt.time(ui.dayStart.time().hour(), ui.dayStart.time().minute()),
            day_end=dt.time(ui.dayEnd.time().hour(), ui.dayEnd.time().minute()),
            attendance_threshold=ui.thresholdSpin.value(),
        )

    def _load_preview(self) -> None:
        self._preview = None
        self._clear_error(self.ui.saveError)
        self.ui.unscheduledLabel.hide()
        self.ui.agendaTable.setRowCount(0)
        self.ui.agendaSummary.setText(_("Preparing the agenda…"))
        data = self.workshop_input()

        def done(preview: ws.AgendaPreview) -> None:
            self._preview, self._preview_for = preview, data
            self._show_preview()

        def failed(exc: BaseException) -> None:
            self.ui.agendaSummary.clear()
            if isinstance(exc, KnownError):
                message = str(exc)
                self._show_error(self.ui.saveError, lambda: message)
            else:
                show_error(self, exc)

        self.services.runner.run(lambda: ws.preview_agenda(self.services.db, data), done, failed)

    def _show_preview(self) -> None:
        preview, data = self._preview, self._preview_for
        if preview is None or data is None:
            return
        table = self.ui.agendaTable
        table.setRowCount(len(preview.sessions))
        days: list[dt.date] = []
        pause = QBrush(QColor("#666666"))
        for row, session in enumerate(preview.sessions):
            first_of_day = session.date not in days
            if first_of_day:
                days.append(session.date)
            day_text = (
                _("Day {number} · {date}").format(number=len(days), date=short_day(session.date))
                if first_of_day
                else ""
            )
            cells = [day_text, f"{session.start:%H:%M}", f"{session.end:%H:%M}", session.title]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 0 and first_of_day:
                    font = QFont()
                    font.setBold(True)
                    item.setFont(font)
                if session.kind in PAUSE_KINDS:
                    item.setForeground(pause)
                if column == 3:
                    item.setToolTip(session.title)
                table.setItem(row, column, item)
        exercises = sum(1 for s in preview.sessions if s.kind == "exercise")
        day_count = (data.end - data.start).days + 1
        sessions = len(preview.sessions)
        self.ui.agendaSummary.setText(
            _("{title}: {sessions} over {days}, with {exercises}.").format(
                title=data.title,
                sessions=ngettext("{count} session", "{count} sessions", sessions).format(count=sessions),
                days=ngettext("{count} day", "{count} days", day_count).format(count=day_count),
                exercises=ngettext("{count} exercise", "{count} exercises", exercises).format(
                    count=exercises
                ),
            )
        )
        if preview.unscheduled:
            self._show_unscheduled(preview.unscheduled)
        else:
            self.ui.unscheduledLabel.hide()

    def _show_unscheduled(self, titles: list[str]) -> None:
        count = len(titles)
        lines = [
            ngettext(
                "{count} exercise does not fit into the workshop's days and is left off the agenda:",
                "{count} exercises do not fit into the workshop's days and are left off the agenda:",
                count,
            ).format(count=count)
        ]
        lines += [f"• {title}" for title in titles[:UNSCHEDULED_SHOWN]]
        if count > UNSCHEDULED_SHOWN:
            rest = count - UNSCHEDULED_SHOWN
            lines.append(ngettext("… and {count} more.", "… and {count} more.", rest).format(count=rest))
        lines.append(
            _(
                "Go back to add a day, lengthen the working day or untick a module; "
                "or add them later on the Agenda screen."
            )
        )
        self.ui.unscheduledLabel.setText("\n".join(lines))
        self.ui.unscheduledLabel.show()

    # --- QWizard hooks ----------------------------------------------------------------------------------------
    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == PAGE_MODULES:
            self._load_modules()
        elif page_id == PAGE_AGENDA:
            self._load_preview()

    def validateCurrentPage(self) -> bool:
        page = self.currentId()
        if page == PAGE_BASICS:
            return self._check_basics()
        if page == PAGE_DATES:
            return self._check_dates()
        if page == PAGE_AGENDA:
            return self._preview is not None and not self._saving
        return True

    def accept(self) -> None:
        """Finish: save the workshop (off the UI thread), make it current, then close."""
        if self._saving:
            return
        data = self._preview_for or self.workshop_input()
        self._saving = True
        self._clear_error(self.ui.saveError)
        finish = self.button(QWizard.WizardButton.FinishButton)
        finish.setEnabled(False)

        def done(view: ws.WorkshopView) -> None:
            self._saving = False
            self.services.notify("workshops")
            self.services.set_workshop(view.id)
            self.created.emit(view.id)
            super(WorkshopWizard, self).accept()

        def failed(exc: BaseException) -> None:
            self._saving = False
            finish.setEnabled(True)
            if isinstance(exc, KnownError):
                message = str(exc)
                self._show_error(self.ui.saveError, lambda: message)
            else:
                show_error(self, exc)

        self.services.runner.run(lambda: ws.create_workshop(self.services.db, data), done, failed)

    # --- language ---------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._fill_choices()
        self._update_countries_chosen()
        self._update_dates_summary()
        for where, message in self._errors.items():
            where.setText(message())
        if self.currentId() == PAGE_MODULES:
            self._fill_modules()
        elif self.currentId() == PAGE_AGENDA:
            self._show_preview()
