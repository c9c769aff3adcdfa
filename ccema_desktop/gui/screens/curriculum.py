"""Curriculum screen: the seven MECC modules and their exercises in any content language, and custom exercises.

The content language (the language of the manual's texts) is independent of the app's language: a
facilitator can run the app in English while reading the Russian edition. It is remembered in the settings.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidgetItem,
    QWidget,
)

from ccema_desktop.errors import ValidationError
from ccema_desktop.gui.forms.ui_curriculum import Ui_CurriculumScreen
from ccema_desktop.gui.forms.ui_custom_exercise import Ui_CustomExerciseDialog
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import LANGUAGES, _, current_language, language_name, ngettext
from ccema_desktop.services import curriculum
from ccema_desktop.services.curriculum import EXERCISE_FORMATS, ExerciseView, ModuleView

KIND_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b00020;"


# --- texts shared with the session runner ---------------------------------------------------------------------
def format_label(key: str) -> str:
    """The exercise format in the app's language."""
    labels = {
        "presentation": _("Presentation"),
        "discussion": _("Discussion"),
        "group_work": _("Group work"),
        "pair_work": _("Pair work"),
        "case_study": _("Case study"),
        "role_play": _("Role play"),
        "simulation": _("Simulation"),
        "quiz": _("Quiz"),
        "energiser": _("Energiser"),
        "individual": _("Individual work"),
    }
    return labels.get(key, key)


def duration_text(minutes: int) -> str:
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def group_size_text(size: tuple[int, int] | None) -> str:
    if size is None:
        return _("Whole group")
    low, high = size
    if low == high:
        return ngettext("{count} person per group", "{count} people per group", low).format(count=low)
    return _("{low} to {high} people per group").format(low=low, high=high)


def content_language_default(services: GuiServices) -> str:
    """The remembered content language, else the app's language."""
    saved = services.settings.content_language
    return saved if saved in LANGUAGES else current_language()


def fill_language_combo(combo: QComboBox, selected: str) -> None:
    """The four content languages, each named in its own language."""
    combo.blockSignals(True)
    combo.clear()
    for lang in LANGUAGES:
        combo.addItem(language_name(lang), lang)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    combo.blockSignals(False)


def esc(value: str) -> str:
    return html.escape(value, quote=True)


def paragraphs(value: str) -> str:
    """Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks are kept."""
    parts = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{esc(p).replace(chr(10), '<br>')}</p>" for p in parts)


def section(title: str, body: str) -> str:
    return f"<h3>{esc(title)}</h3>{body}" if body else ""


def _bullets(items: Iterable[str]) -> str:
    rows = [f"<li>{esc(item)}</li>" for item in items if item]
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


STYLE = (
    "<style>"
    "h2 { margin-bottom: 4px; } h3 { margin-top: 14px; margin-bottom: 4px; }"
    "p { margin-top: 2px; margin-bottom: 6px; } .meta { color: #555555; }"
    ".custom { color: #8a4b00; font-weight: bold; } td { padding: 2px 8px 2px 0; vertical-align: top; }"
    "</style>"
)


def module_html(module: ModuleView) -> str:
    objectives = "".join(f"<li><b>{esc(code)}</b> {esc(text)}</li>" for code, text in module.objectives)
    background = "".join(f"<h4>{esc(title)}</h4>{paragraphs(text)}" for title, text in module.background)
    exercises = "".join(
        f"<tr><td><b>{esc(e.code)}</b></td><td>{esc(e.title or e.code)}</td>"
        f"<td>{esc(duration_text(e.duration_minutes))}</td></tr>"
        for e in module.exercises
    )
    total = sum(e.duration_minutes for e in module.exercises)
    return (
        STYLE
        + f"<h2>{esc(_('Module {number}: {title}').format(number=module.number, title=module.title))}</h2>"
        + paragraphs(module.summary)
        + section(_("Objectives"), f"<ul>{objectives}</ul>" if objectives else "")
        + section(_("Background"), background)
        + section(
            _("Exercises ({total} in all)").format(total=duration_text(total)),
            f"<table>{exercises}</table>" if exercises else "",
        )
    )


def exercise_meta_html(exercise: ExerciseView) -> str:
    rows = [
        (_("Format"), format_label(exercise.format)),
        (_("Group size"), group_size_text(exercise.group_size)),
        (_("Duration"), duration_text(exercise.duration_minutes)),
    ]
    cells = "".join(f"<tr><td class='meta'>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def exercise_objectives_html(exercise: ExerciseView, module: ModuleView | None) -> str:
    texts = dict(module.objectives) if module else {}
    items = "".join(f"<li><b>{esc(code)}</b> {esc(texts.get(code, ''))}</li>" for code in exercise.objectives)
    return f"<ul>{items}</ul>" if items else ""


def steps_html(exercise: ExerciseView) -> str:
    rows = "".join(
        f"<tr><td><b>{index}.</b></td><td class='meta'>{esc(duration_text(minutes))}</td>"
        f"<td>{esc(text)}</td></tr>"
        for index, (minutes, text) in enumerate(exercise.steps, start=1)
    )
    return f"<table>{rows}</table>" if rows else ""


def exercise_html(exercise: ExerciseView, module: ModuleView | None) -> str:
    custom = (
        f"<p class='custom'>{esc(_('Custom exercise, added by a facilitator'))}</p>"
        if exercise.is_custom
        else ""
    )
    heading = f"{exercise.code} {exercise.title}".strip()
    module_line = (
        f"<p class='meta'>{esc(_('Module {number}: {title}').format(number=module.number, title=module.title))}</p>"
        if module
        else ""
    )
    return (
        STYLE
        + f"<h2>{esc(heading)}</h2>"
        + module_line
        + custom
        + exercise_meta_html(exercise)
        + section(_("Objectives it serves"), exercise_objectives_html(exercise, module))
        + section(_("Description"), paragraphs(exercise.description))
        + section(_("Materials"), _bullets(exercise.materials))
        + section(_("Steps"), steps_html(exercise))
        + section(_("Facilitator notes"), paragraphs(exercise.facilitator_notes))
    )


# --- the custom exercise dialog -------------------------------------------------------------------------------
class CustomExerciseDialog(QDialog):
    """Module, title, duration, format and description of a facilitator's own exercise.

    The texts are stored in the content language. `exercise_id` is set once it is saved.
    """

    def __init__(
        self,
        services: GuiServices,
        modules: list[ModuleView],
        lang: str,
        module_number: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.lang = lang
        self.exercise_id: str | None = None
        self.ui = Ui_CustomExerciseDialog()
        self.ui.setupUi(self)
        for module in modules:
            self.ui.moduleCombo.addItem(
                _("Module {number}: {title}").format(number=module.number, title=module.title), module.number
            )
        if module_number is not None:
            self.ui.moduleCombo.setCurrentIndex(max(0, self.ui.moduleCombo.findData(module_number)))
        for key in EXERCISE_FORMATS:
            self.ui.formatCombo.addItem(format_label(key), key)
        self.ui.formatCombo.setCurrentIndex(self.ui.formatCombo.findData("group_work"))
        for label in (self.ui.titleError, self.ui.durationError, self.ui.generalError):
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
        self._ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.retranslate()
        self.ui.buttonBox.accepted.connect(self._on_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.titleEdit.textEdited.connect(self._on_title_edited)
        self.ui.titleEdit.setFocus()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.introLabel.setText(
            _(
                "Your exercise is added to the module and can be scheduled like the manual's exercises. "
                "Its texts are saved in {language}, the content language."
            ).format(language=language_name(self.lang, current_language()))
        )
        self._ok.setText(_("Add exercise"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_title_edited(self, _text: str) -> None:
        self._set_error(self.ui.titleError, "")

    def _set_error(self, label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))

    def _on_accept(self) -> None:
        for label in (self.ui.titleError, self.ui.durationError, self.ui.generalError):
            self._set_error(label, "")
        title = self.ui.titleEdit.text().strip()
        minutes = self.ui.durationSpin.value()
        if not title:
            self._set_error(self.ui.titleError, _("Give the exercise a title."))
            self.ui.titleEdit.setFocus()
            return
        if not 5 <= minutes <= 480:
            self._set_error(self.ui.durationError, _("An exercise lasts between 5 and 480 minutes."))
            self.ui.durationSpin.setFocus()
            return
        number = int(self.ui.moduleCombo.currentData())
        exercise_format = str(self.ui.formatCombo.currentData())
        description = self.ui.descriptionEdit.toPlainText().strip()
        db, lang = self.services.db, self.lang
        self._ok.setEnabled(False)
        self.services.runner.run(
            lambda: curriculum.add_custom_exercise(
                db, number, title, minutes, exercise_format, description, lang=lang
            ),
            self._on_added,
            self._on_error,
        )

    def _on_added(self, exercise_id: str) -> None:
        self.exercise_id = exercise_id
        self._ok.setEnabled(True)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._set_error(self.ui.generalError, str(exc))
        else:
            show_error(self, exc)


# --- the screen -----------------------------------------------------------------------------------------------
class CurriculumScreen(Screen):
    key = "curriculum"
    needs_workshop = False
    watches = ("curriculum",)

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_CurriculumScreen()
        self.ui.setupUi(self)
        self._modules: list[ModuleView] = []
        self._selected: tuple[str, str] | None = None
        self._loaded_lang = ""
        self.add_dialog: CustomExerciseDialog | None = None
        fill_language_combo(self.ui.contentLanguageCombo, content_language_default(services))
        header = self.ui.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([440, 660])
        self.ui.contentLanguageCombo.currentIndexChanged.connect(self._on_language_chosen)
        self.ui.filterEdit.textChanged.connect(self._apply_filter)
        self.ui.tree.currentItemChanged.connect(self._on_current_changed)
        self.ui.addExerciseButton.clicked.connect(self.open_add_dialog)
        self.retranslate()

    def nav_title(self) -> str:
        return _("Curriculum")

    @property
    def content_language(self) -> str:
        return str(self.ui.contentLanguageCombo.currentData() or "en")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.tree.setHeaderLabels([_("Code"), _("Title"), _("Duration")])
        if self._modules:
            self._populate(self._modules)

    # --- loading ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        lang = self.content_language
        db = self.services.db
        self.services.runner.run(
            lambda: curriculum.list_modules(db, lang),
            lambda modules: self._on_loaded(lang, modules),
            self._on_error,
        )

    def _on_loaded(self, lang: str, modules: list[ModuleView]) -> None:
        if lang != self.content_language:
            return  # an older answer for a language no longer chosen
        self._loaded_lang = lang
        self._modules = modules
        self._populate(modules)

    def _on_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _on_language_chosen(self, _index: int) -> None:
        self.services.settings.content_language = self.content_language
        self.services.save_settings()
        self.refresh()

    # --- tree -------------------------------------------------------------------------------------------------
    def _populate(self, modules: list[ModuleView]) -> None:
        tree = self.ui.tree
        selected = self._selected
        tree.blockSignals(True)
        tree.clear()
        current: QTreeWidgetItem | None = None
        for module in modules:
            total = sum(e.duration_minutes for e in module.exercises)
            item = QTreeWidgetItem([str(module.number), module.title, duration_text(total)])
            item.setData(0, KIND_ROLE, "module")
            item.setData(0, KEY_ROLE, str(module.number))
            item.setToolTip(1, module.title)
            bold = QFont(item.font(1))
            bold.setBold(True)
            for column in range(3):
                item.setFont(column, bold)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
            if selected == ("module", str(module.number)):
                current = item
            for exercise in module.exercises:
                title = exercise.title or exercise.code
                if exercise.is_custom:
                    title = _("{title} (custom)").format(title=title)
                child = QTreeWidgetItem([exercise.code, title, duration_text(exercise.duration_minutes)])
                child.setData(0, KIND_ROLE, "exercise")
                child.setData(0, KEY_ROLE, exercise.id)
                child.setToolTip(1, title)
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if exercise.is_custom:
                    italic = QFont(child.font(1))
                    italic.setItalic(True)
                    child.setFont(1, italic)
                item.addChild(child)
                if selected == ("exercise", exercise.id):
                    current = child
        tree.expandAll()
        tree.blockSignals(False)
        if current is None and tree.topLevelItemCount():
            current = tree.topLevelItem(0)
        self._apply_filter(self.ui.filterEdit.text())
        if current is not None:
            tree.setCurrentItem(current)
            tree.scrollToItem(current)
        self._show_detail(current)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()

        def matches(item: QTreeWidgetItem) -> bool:
            return not needle or any(needle in item.text(c).casefold() for c in range(2))

        tree = self.ui.tree
        for i in range(tree.topLevelItemCount()):
            module_item = tree.topLevelItem(i)
            if module_item is None:
                continue
            module_match = matches(module_item)
            any_child = False
            for j in range(module_item.childCount()):
                child = module_item.child(j)
                if child is None:
                    continue
                match = module_match or matches(child)
                child.setHidden(not match)
                any_child = any_child or match
            module_item.setHidden(not (module_match or any_child))

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._selected = (str(current.data(0, KIND_ROLE)), str(current.data(0, KEY_ROLE)))
        self._show_detail(current)

    def selected_module(self) -> ModuleView | None:
        if self._selected is None:
            return None
        kind, key = self._selected
        for module in self._modules:
            if kind == "module" and str(module.number) == key:
                return module
            if kind == "exercise" and any(e.id == key for e in module.exercises):
                return module
        return None

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        browser = self.ui.detail
        if item is None:
            browser.clear()
            return
        kind, key = str(item.data(0, KIND_ROLE)), str(item.data(0, KEY_ROLE))
        for module in self._modules:
            if kind == "module" and str(module.number) == key:
                browser.setHtml(module_html(module))
                return
            for exercise in module.exercises:
                if kind == "exercise" and exercise.id == key:
                    browser.setHtml(exercise_html(exercise, module))
                    return
        browser.clear()

    # --- custom exercises -------------------------------------------------------------------------------------
    def open_add_dialog(self) -> CustomExerciseDialog:
        """Open the dialog (window-modal, not blocking); on success the new exercise is selected."""
        module = self.selected_module()
        dialog = CustomExerciseDialog(
            self.services,
            self._modules,
            self.content_language,
            module.number if module else None,
            parent=self,
        )
        dialog.finished.connect(self._on_dialog_finished)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.add_dialog = self.add_dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if dialog.exercise_id:
            self._selected = ("exercise", dialog.exercise_id)
            self.services.notify("curriculum")


SCREEN = CurriculumScreen
