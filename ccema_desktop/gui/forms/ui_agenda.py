# Generated from ui/agenda.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QToolButton, QVBoxLayout, QWidget)

from ccema_desktop.gui.agenda_widgets import (AgendaDayBar, AgendaTable)

class Ui_AgendaScreen(object):
    def setupUi(self, AgendaScreen):
        if not AgendaScreen.objectName():
            AgendaScreen.setObjectName(u"AgendaScreen")
        AgendaScreen.resize(1100, 700)
        self.actionAdd = QAction(AgendaScreen)
        self.actionAdd.setObjectName(u"actionAdd")
#if QT_CONFIG(shortcut)
        self.actionAdd.setShortcut(u"Ins")
#endif // QT_CONFIG(shortcut)
        self.actionAdd.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionEdit = QAction(AgendaScreen)
        self.actionEdit.setObjectName(u"actionEdit")
#if QT_CONFIG(shortcut)
        self.actionEdit.setShortcut(u"F2")
#endif // QT_CONFIG(shortcut)
        self.actionEdit.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionDelete = QAction(AgendaScreen)
        self.actionDelete.setObjectName(u"actionDelete")
#if QT_CONFIG(shortcut)
        self.actionDelete.setShortcut(u"Del")
#endif // QT_CONFIG(shortcut)
        self.actionDelete.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionRun = QAction(AgendaScreen)
        self.actionRun.setObjectName(u"actionRun")
#if QT_CONFIG(shortcut)
        self.actionRun.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionRun.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionEarlier = QAction(AgendaScreen)
        self.actionEarlier.setObjectName(u"actionEarlier")
#if QT_CONFIG(shortcut)
        self.actionEarlier.setShortcut(u"Alt+Up")
#endif // QT_CONFIG(shortcut)
        self.actionEarlier.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionLater = QAction(AgendaScreen)
        self.actionLater.setObjectName(u"actionLater")
#if QT_CONFIG(shortcut)
        self.actionLater.setShortcut(u"Alt+Down")
#endif // QT_CONFIG(shortcut)
        self.actionLater.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionPreviousDay = QAction(AgendaScreen)
        self.actionPreviousDay.setObjectName(u"actionPreviousDay")
#if QT_CONFIG(shortcut)
        self.actionPreviousDay.setShortcut(u"Alt+Left")
#endif // QT_CONFIG(shortcut)
        self.actionPreviousDay.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionNextDay = QAction(AgendaScreen)
        self.actionNextDay.setObjectName(u"actionNextDay")
#if QT_CONFIG(shortcut)
        self.actionNextDay.setShortcut(u"Alt+Right")
#endif // QT_CONFIG(shortcut)
        self.actionNextDay.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionShorter = QAction(AgendaScreen)
        self.actionShorter.setObjectName(u"actionShorter")
#if QT_CONFIG(shortcut)
        self.actionShorter.setShortcut(u"Alt+Shift+Up")
#endif // QT_CONFIG(shortcut)
        self.actionShorter.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionLonger = QAction(AgendaScreen)
        self.actionLonger.setObjectName(u"actionLonger")
#if QT_CONFIG(shortcut)
        self.actionLonger.setShortcut(u"Alt+Shift+Down")
#endif // QT_CONFIG(shortcut)
        self.actionLonger.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionUndo = QAction(AgendaScreen)
        self.actionUndo.setObjectName(u"actionUndo")
#if QT_CONFIG(shortcut)
        self.actionUndo.setShortcut(u"Ctrl+Z")
#endif // QT_CONFIG(shortcut)
        self.actionUndo.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionNextWarning = QAction(AgendaScreen)
        self.actionNextWarning.setObjectName(u"actionNextWarning")
#if QT_CONFIG(shortcut)
        self.actionNextWarning.setShortcut(u"F8")
#endif // QT_CONFIG(shortcut)
        self.actionNextWarning.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionPreviousTab = QAction(AgendaScreen)
        self.actionPreviousTab.setObjectName(u"actionPreviousTab")
#if QT_CONFIG(shortcut)
        self.actionPreviousTab.setShortcut(u"Ctrl+PgUp")
#endif // QT_CONFIG(shortcut)
        self.actionPreviousTab.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.actionNextTab = QAction(AgendaScreen)
        self.actionNextTab.setObjectName(u"actionNextTab")
#if QT_CONFIG(shortcut)
        self.actionNextTab.setShortcut(u"Ctrl+PgDown")
#endif // QT_CONFIG(shortcut)
        self.actionNextTab.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.mainLayout = QVBoxLayout(AgendaScreen)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.dayTabs = AgendaDayBar(AgendaScreen)
        self.dayTabs.setObjectName(u"dayTabs")
        self.dayTabs.setExpanding(False)
        self.dayTabs.setUsesScrollButtons(True)
        self.dayTabs.setDocumentMode(True)
        self.dayTabs.setElideMode(Qt.ElideNone)

        self.mainLayout.addWidget(self.dayTabs)

        self.dayInfoLabel = QLabel(AgendaScreen)
        self.dayInfoLabel.setObjectName(u"dayInfoLabel")
        self.dayInfoLabel.setWordWrap(True)
        self.dayInfoLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.dayInfoLabel)

        self.warningBar = QFrame(AgendaScreen)
        self.warningBar.setObjectName(u"warningBar")
        self.warningBar.setFrameShape(QFrame.StyledPanel)
        self.warningLayout = QHBoxLayout(self.warningBar)
        self.warningLayout.setObjectName(u"warningLayout")
        self.warningLayout.setContentsMargins(8, 4, 4, 4)
        self.warningIcon = QLabel(self.warningBar)
        self.warningIcon.setObjectName(u"warningIcon")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.warningIcon.sizePolicy().hasHeightForWidth())
        self.warningIcon.setSizePolicy(sizePolicy)

        self.warningLayout.addWidget(self.warningIcon)

        self.warningSummary = QLabel(self.warningBar)
        self.warningSummary.setObjectName(u"warningSummary")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.warningSummary.sizePolicy().hasHeightForWidth())
        self.warningSummary.setSizePolicy(sizePolicy1)
        self.warningSummary.setWordWrap(True)

        self.warningLayout.addWidget(self.warningSummary)

        self.nextWarningButton = QPushButton(self.warningBar)
        self.nextWarningButton.setObjectName(u"nextWarningButton")

        self.warningLayout.addWidget(self.nextWarningButton)


        self.mainLayout.addWidget(self.warningBar)

        self.messageBar = QFrame(AgendaScreen)
        self.messageBar.setObjectName(u"messageBar")
        self.messageBar.setFrameShape(QFrame.StyledPanel)
        self.messageLayout = QHBoxLayout(self.messageBar)
        self.messageLayout.setObjectName(u"messageLayout")
        self.messageLayout.setContentsMargins(8, 4, 4, 4)
        self.messageIcon = QLabel(self.messageBar)
        self.messageIcon.setObjectName(u"messageIcon")
        sizePolicy.setHeightForWidth(self.messageIcon.sizePolicy().hasHeightForWidth())
        self.messageIcon.setSizePolicy(sizePolicy)

        self.messageLayout.addWidget(self.messageIcon)

        self.messageLabel = QLabel(self.messageBar)
        self.messageLabel.setObjectName(u"messageLabel")
        sizePolicy1.setHeightForWidth(self.messageLabel.sizePolicy().hasHeightForWidth())
        self.messageLabel.setSizePolicy(sizePolicy1)
        self.messageLabel.setWordWrap(True)

        self.messageLayout.addWidget(self.messageLabel)

        self.undoButton = QPushButton(self.messageBar)
        self.undoButton.setObjectName(u"undoButton")

        self.messageLayout.addWidget(self.undoButton)

        self.dismissButton = QToolButton(self.messageBar)
        self.dismissButton.setObjectName(u"dismissButton")
        self.dismissButton.setAutoRaise(True)

        self.messageLayout.addWidget(self.dismissButton)


        self.mainLayout.addWidget(self.messageBar)

        self.sessionTable = AgendaTable(AgendaScreen)
        self.sessionTable.setObjectName(u"sessionTable")
        self.sessionTable.setContextMenuPolicy(Qt.CustomContextMenu)
        self.sessionTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.sessionTable.setTabKeyNavigation(False)
        self.sessionTable.setDragEnabled(True)
        self.sessionTable.setDragDropOverwriteMode(False)
        self.sessionTable.setDragDropMode(QAbstractItemView.DragDrop)
        self.sessionTable.setDefaultDropAction(Qt.MoveAction)
        self.sessionTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.sessionTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.sessionTable.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.sessionTable.setShowGrid(False)
        self.sessionTable.setWordWrap(False)
        self.sessionTable.setCornerButtonEnabled(False)
        self.sessionTable.horizontalHeader().setHighlightSections(False)
        self.sessionTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.sessionTable)

        self.actionBar = QWidget(AgendaScreen)
        self.actionBar.setObjectName(u"actionBar")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.actionBar.sizePolicy().hasHeightForWidth())
        self.actionBar.setSizePolicy(sizePolicy2)
        self.actionRows = QVBoxLayout(self.actionBar)
        self.actionRows.setSpacing(4)
        self.actionRows.setObjectName(u"actionRows")
        self.actionRows.setContentsMargins(0, 0, 0, 0)
        self.firstRow = QHBoxLayout()
        self.firstRow.setObjectName(u"firstRow")
        self.sessionButtons = QWidget(self.actionBar)
        self.sessionButtons.setObjectName(u"sessionButtons")
        self.sessionButtonsLayout = QHBoxLayout(self.sessionButtons)
        self.sessionButtonsLayout.setObjectName(u"sessionButtonsLayout")
        self.sessionButtonsLayout.setContentsMargins(0, 0, 0, 0)
        self.addButton = QPushButton(self.sessionButtons)
        self.addButton.setObjectName(u"addButton")

        self.sessionButtonsLayout.addWidget(self.addButton)

        self.editButton = QPushButton(self.sessionButtons)
        self.editButton.setObjectName(u"editButton")

        self.sessionButtonsLayout.addWidget(self.editButton)

        self.deleteButton = QPushButton(self.sessionButtons)
        self.deleteButton.setObjectName(u"deleteButton")

        self.sessionButtonsLayout.addWidget(self.deleteButton)

        self.runButton = QPushButton(self.sessionButtons)
        self.runButton.setObjectName(u"runButton")

        self.sessionButtonsLayout.addWidget(self.runButton)


        self.firstRow.addWidget(self.sessionButtons)

        self.buttonSpacer = QSpacerItem(12, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.firstRow.addItem(self.buttonSpacer)

        self.adjustButtons = QWidget(self.actionBar)
        self.adjustButtons.setObjectName(u"adjustButtons")
        self.adjustButtonsLayout = QHBoxLayout(self.adjustButtons)
        self.adjustButtonsLayout.setObjectName(u"adjustButtonsLayout")
        self.adjustButtonsLayout.setContentsMargins(0, 0, 0, 0)
        self.moveLabel = QLabel(self.adjustButtons)
        self.moveLabel.setObjectName(u"moveLabel")

        self.adjustButtonsLayout.addWidget(self.moveLabel)

        self.earlierButton = QToolButton(self.adjustButtons)
        self.earlierButton.setObjectName(u"earlierButton")

        self.adjustButtonsLayout.addWidget(self.earlierButton)

        self.laterButton = QToolButton(self.adjustButtons)
        self.laterButton.setObjectName(u"laterButton")

        self.adjustButtonsLayout.addWidget(self.laterButton)

        self.previousDayButton = QToolButton(self.adjustButtons)
        self.previousDayButton.setObjectName(u"previousDayButton")

        self.adjustButtonsLayout.addWidget(self.previousDayButton)

        self.nextDayButton = QToolButton(self.adjustButtons)
        self.nextDayButton.setObjectName(u"nextDayButton")

        self.adjustButtonsLayout.addWidget(self.nextDayButton)

        self.lengthSpacer = QSpacerItem(8, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.adjustButtonsLayout.addItem(self.lengthSpacer)

        self.lengthLabel = QLabel(self.adjustButtons)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.adjustButtonsLayout.addWidget(self.lengthLabel)

        self.shorterButton = QToolButton(self.adjustButtons)
        self.shorterButton.setObjectName(u"shorterButton")

        self.adjustButtonsLayout.addWidget(self.shorterButton)

        self.longerButton = QToolButton(self.adjustButtons)
        self.longerButton.setObjectName(u"longerButton")

        self.adjustButtonsLayout.addWidget(self.longerButton)


        self.firstRow.addWidget(self.adjustButtons)


        self.actionRows.addLayout(self.firstRow)

        self.secondRow = QHBoxLayout()
        self.secondRow.setObjectName(u"secondRow")
        self.secondRowSpacer = QSpacerItem(12, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.secondRow.addItem(self.secondRowSpacer)


        self.actionRows.addLayout(self.secondRow)


        self.mainLayout.addWidget(self.actionBar)

        QWidget.setTabOrder(self.dayTabs, self.sessionTable)
        QWidget.setTabOrder(self.sessionTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.runButton)
        QWidget.setTabOrder(self.runButton, self.earlierButton)
        QWidget.setTabOrder(self.earlierButton, self.laterButton)
        QWidget.setTabOrder(self.laterButton, self.previousDayButton)
        QWidget.setTabOrder(self.previousDayButton, self.nextDayButton)
        QWidget.setTabOrder(self.nextDayButton, self.shorterButton)
        QWidget.setTabOrder(self.shorterButton, self.longerButton)
        QWidget.setTabOrder(self.longerButton, self.nextWarningButton)
        QWidget.setTabOrder(self.nextWarningButton, self.undoButton)
        QWidget.setTabOrder(self.undoButton, self.dismissButton)

        self.retranslateUi(AgendaScreen)

        QMetaObject.connectSlotsByName(AgendaScreen)
    # setupUi

    def retranslateUi(self, AgendaScreen):
        AgendaScreen.setWindowTitle(_("Agenda"))
        self.actionAdd.setText(_("&Add session\u2026"))
        self.actionEdit.setText(_("&Edit session\u2026"))
        self.actionDelete.setText(_("&Delete session"))
        self.actionRun.setText(_("&Run session"))
        self.actionEarlier.setText(_("Earlier by 15 minutes"))
        self.actionLater.setText(_("Later by 15 minutes"))
        self.actionPreviousDay.setText(_("To the previous day"))
        self.actionNextDay.setText(_("To the next day"))
        self.actionShorter.setText(_("Shorter by 5 minutes"))
        self.actionLonger.setText(_("Longer by 5 minutes"))
        self.actionUndo.setText(_("&Undo"))
        self.actionNextWarning.setText(_("Show the next &warning"))
        self.actionPreviousTab.setText(_("Show the previous day"))
        self.actionNextTab.setText(_("Show the next day"))
#if QT_CONFIG(accessibility)
        self.dayTabs.setAccessibleName(_("Workshop days"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dayTabs.setToolTip(_("Drop a session on a day to move it there."))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.dayInfoLabel.setAccessibleName(_("About this day"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.warningBar.setAccessibleName(_("Agenda warnings"))
#endif // QT_CONFIG(accessibility)
        self.nextWarningButton.setText(_("Show &next"))
#if QT_CONFIG(accessibility)
        self.nextWarningButton.setAccessibleName(_("Show the next session with a warning"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageBar.setAccessibleName(_("Message"))
#endif // QT_CONFIG(accessibility)
        self.undoButton.setText(_("&Undo"))
#if QT_CONFIG(accessibility)
        self.undoButton.setAccessibleName(_("Undo"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dismissButton.setAccessibleName(_("Dismiss the message"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dismissButton.setToolTip(_("Dismiss the message"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sessionTable.setAccessibleName(_("Sessions of the day"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sessionTable.setAccessibleDescription(_("Alt+Up and Alt+Down move the selected session, Alt+Left and Alt+Right move it to another day, Alt+Shift+Up and Alt+Shift+Down change its length, Enter runs it."))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(_("&Add session\u2026"))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(_("Add session"))
#endif // QT_CONFIG(accessibility)
        self.editButton.setText(_("&Edit\u2026"))
#if QT_CONFIG(accessibility)
        self.editButton.setAccessibleName(_("Edit session"))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setText(_("&Delete"))
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(_("Delete session"))
#endif // QT_CONFIG(accessibility)
        self.runButton.setText(_("&Run session"))
#if QT_CONFIG(accessibility)
        self.runButton.setAccessibleName(_("Run session"))
#endif // QT_CONFIG(accessibility)
        self.moveLabel.setText(_("Move:"))
#if QT_CONFIG(accessibility)
        self.earlierButton.setAccessibleName(_("Earlier by 15 minutes"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.laterButton.setAccessibleName(_("Later by 15 minutes"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previousDayButton.setAccessibleName(_("To the previous day"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nextDayButton.setAccessibleName(_("To the next day"))
#endif // QT_CONFIG(accessibility)
        self.lengthLabel.setText(_("Length:"))
        self.shorterButton.setText(_("\u22125 min"))
#if QT_CONFIG(accessibility)
        self.shorterButton.setAccessibleName(_("Shorter by 5 minutes"))
#endif // QT_CONFIG(accessibility)
        self.longerButton.setText(_("+5 min"))
#if QT_CONFIG(accessibility)
        self.longerButton.setAccessibleName(_("Longer by 5 minutes"))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
