"""The main window: workshops on the left, the curriculum on the right."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccema_desktop.context import AppContext
from ccema_desktop.i18n import _, current_language, format_date
from ccema_desktop.services import curriculum
from ccema_desktop.services import workshops as ws


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setWindowTitle(_("CCEMA Desktop"))
        self.resize(1200, 760)
        self.workshops = QTableWidget(0, 4)
        self.curriculum = QTreeWidget()
        self.curriculum.setHeaderHidden(True)
        self.details = QTextBrowser()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(_("Workshops")))
        left_layout.addWidget(self.workshops)
        right = QSplitter()
        right.addWidget(self.curriculum)
        right.addWidget(self.details)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        self.setCentralWidget(splitter)
        self.curriculum.currentItemChanged.connect(self._on_curriculum_item)
        self.statusBar().showMessage(
            _("Database: {url}").format(url=ctx.sqlite_file or ctx.url.split("@")[-1])
        )
        self.refresh()

    def refresh(self) -> None:
        lang = current_language()
        rows = ws.list_workshops(self._ctx.db)
        self.workshops.setHorizontalHeaderLabels([_("Title"), _("Code"), _("Start"), _("Status")])
        self.workshops.setRowCount(len(rows))
        for i, w in enumerate(rows):
            for j, value in enumerate((w.title, w.code, format_date(w.start, lang, "medium"), w.status)):
                self.workshops.setItem(i, j, QTableWidgetItem(value))
        self.curriculum.clear()
        for module in curriculum.list_modules(self._ctx.db, lang):
            item = QTreeWidgetItem([f"{module.number}. {module.title}"])
            item.setData(0, 256, ("module", module))
            for ex in module.exercises:
                child = QTreeWidgetItem([f"{ex.code} {ex.title} ({ex.duration_minutes}′)"])
                child.setData(0, 256, ("exercise", ex))
                item.addChild(child)
            self.curriculum.addTopLevelItem(item)

    def _on_curriculum_item(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, view = item.data(0, 256)
        if kind == "module":
            objectives = "".join(f"<li>{text}</li>" for _code, text in view.objectives)
            self.details.setHtml(f"<h2>{view.title}</h2><p>{view.summary}</p><ul>{objectives}</ul>")
        else:
            steps = "".join(f"<li>{minutes}′ — {text}</li>" for minutes, text in view.steps)
            self.details.setHtml(
                f"<h2>{view.code} {view.title}</h2><p>{view.description}</p><ol>{steps}</ol>"
            )
