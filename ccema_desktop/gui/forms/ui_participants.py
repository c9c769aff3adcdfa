# Generated from ui/participants.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ParticipantsScreen(object):
    def setupUi(self, ParticipantsScreen):
        if not ParticipantsScreen.objectName():
            ParticipantsScreen.setObjectName(u"ParticipantsScreen")
        ParticipantsScreen.resize(900, 600)
        self.actionImport = QAction(ParticipantsScreen)
        self.actionImport.setObjectName(u"actionImport")
#if QT_CONFIG(shortcut)
        self.actionImport.setShortcut(u"Ctrl+I")
#endif // QT_CONFIG(shortcut)
        self.actionAdd = QAction(ParticipantsScreen)
        self.actionAdd.setObjectName(u"actionAdd")
#if QT_CONFIG(shortcut)
        self.actionAdd.setShortcut(u"Ctrl+Shift+N")
#endif // QT_CONFIG(shortcut)
        self.actionRemove = QAction(ParticipantsScreen)
        self.actionRemove.setObjectName(u"actionRemove")
#if QT_CONFIG(shortcut)
        self.actionRemove.setShortcut(u"Del")
#endif // QT_CONFIG(shortcut)
        self.actionRemove.setShortcutContext(Qt.WidgetShortcut)
        self.actionUndo = QAction(ParticipantsScreen)
        self.actionUndo.setObjectName(u"actionUndo")
#if QT_CONFIG(shortcut)
        self.actionUndo.setShortcut(u"Ctrl+Z")
#endif // QT_CONFIG(shortcut)
        self.actionFind = QAction(ParticipantsScreen)
        self.actionFind.setObjectName(u"actionFind")
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.mainLayout = QVBoxLayout(ParticipantsScreen)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 4, 0, 0)
        self.actionsRow = QHBoxLayout()
        self.actionsRow.setSpacing(6)
        self.actionsRow.setObjectName(u"actionsRow")
        self.importButton = QPushButton(ParticipantsScreen)
        self.importButton.setObjectName(u"importButton")

        self.actionsRow.addWidget(self.importButton)

        self.addButton = QPushButton(ParticipantsScreen)
        self.addButton.setObjectName(u"addButton")

        self.actionsRow.addWidget(self.addButton)

        self.removeButton = QPushButton(ParticipantsScreen)
        self.removeButton.setObjectName(u"removeButton")

        self.actionsRow.addWidget(self.removeButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsRow.addItem(self.actionsSpacer)

        self.countLabel = QLabel(ParticipantsScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")
        self.countLabel.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.actionsRow.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.actionsRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setSpacing(6)
        self.filterRow.setObjectName(u"filterRow")
        self.filterLabel = QLabel(ParticipantsScreen)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterRow.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(ParticipantsScreen)
        self.filterEdit.setObjectName(u"filterEdit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.filterEdit.sizePolicy().hasHeightForWidth())
        self.filterEdit.setSizePolicy(sizePolicy)
        self.filterEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.filterEdit)


        self.mainLayout.addLayout(self.filterRow)

        self.emptyLabel = QLabel(ParticipantsScreen)
        self.emptyLabel.setObjectName(u"emptyLabel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.emptyLabel.sizePolicy().hasHeightForWidth())
        self.emptyLabel.setSizePolicy(sizePolicy1)
        self.emptyLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setMargin(8)

        self.mainLayout.addWidget(self.emptyLabel)

        self.table = QTableView(ParticipantsScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked|QAbstractItemView.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.editHint = QLabel(ParticipantsScreen)
        self.editHint.setObjectName(u"editHint")
        self.editHint.setWordWrap(True)

        self.mainLayout.addWidget(self.editHint)

        self.messageFrame = QFrame(ParticipantsScreen)
        self.messageFrame.setObjectName(u"messageFrame")
        self.messageFrame.setFrameShape(QFrame.StyledPanel)
        self.messageLayout = QHBoxLayout(self.messageFrame)
        self.messageLayout.setObjectName(u"messageLayout")
        self.messageLayout.setContentsMargins(8, 4, 4, 4)
        self.messageLabel = QLabel(self.messageFrame)
        self.messageLabel.setObjectName(u"messageLabel")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(1)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.messageLabel.sizePolicy().hasHeightForWidth())
        self.messageLabel.setSizePolicy(sizePolicy2)
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.messageLayout.addWidget(self.messageLabel)

        self.undoButton = QPushButton(self.messageFrame)
        self.undoButton.setObjectName(u"undoButton")

        self.messageLayout.addWidget(self.undoButton)

        self.dismissButton = QPushButton(self.messageFrame)
        self.dismissButton.setObjectName(u"dismissButton")

        self.messageLayout.addWidget(self.dismissButton)


        self.mainLayout.addWidget(self.messageFrame)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.importButton, self.addButton)
        QWidget.setTabOrder(self.addButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.filterEdit)
        QWidget.setTabOrder(self.filterEdit, self.table)
        QWidget.setTabOrder(self.table, self.undoButton)
        QWidget.setTabOrder(self.undoButton, self.dismissButton)

        self.retranslateUi(ParticipantsScreen)

        QMetaObject.connectSlotsByName(ParticipantsScreen)
    # setupUi

    def retranslateUi(self, ParticipantsScreen):
#if QT_CONFIG(accessibility)
        ParticipantsScreen.setAccessibleName(_("Participants"))
#endif // QT_CONFIG(accessibility)
        self.actionImport.setText(_("Import roster\u2026"))
        self.actionAdd.setText(_("Add participant\u2026"))
        self.actionRemove.setText(_("Remove from workshop"))
        self.actionUndo.setText(_("Undo"))
        self.actionFind.setText(_("Filter"))
        self.importButton.setText(_("&Import roster\u2026"))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(_("Add or update people from a CSV or Excel (XLSX) file, after a preview (Ctrl+I)"))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(_("&Add participant\u2026"))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(_("Add one person to this workshop (Ctrl+Shift+N)"))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(_("&Remove from workshop"))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(_("Take the selected person off this workshop; you can undo it (Delete)"))
#endif // QT_CONFIG(tooltip)
        self.filterLabel.setText(_("Fi&lter:"))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(_("Filter participants"))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(_("Type part of a name, organisation, country, e-mail\u2026 (Ctrl+F)"))
        self.emptyLabel.setText(_("No participants yet. Import a roster from a CSV or Excel file (Ctrl+I), or add people one by one."))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Participants of this workshop"))
#endif // QT_CONFIG(accessibility)
        self.editHint.setText(_("Double-click a cell or press F2 to correct it; changes are saved at once."))
        self.undoButton.setText(_("&Undo"))
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(_("Put the person back in this workshop with their attendance (Ctrl+Z)"))
#endif // QT_CONFIG(tooltip)
        self.dismissButton.setText(_("Dismiss"))
#if QT_CONFIG(tooltip)
        self.dismissButton.setToolTip(_("Hide this message"))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
