# Generated from ui/workshops.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_WorkshopsScreen(object):
    def setupUi(self, WorkshopsScreen):
        if not WorkshopsScreen.objectName():
            WorkshopsScreen.setObjectName(u"WorkshopsScreen")
        WorkshopsScreen.resize(960, 600)
        self.mainLayout = QVBoxLayout(WorkshopsScreen)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.heading = QLabel(WorkshopsScreen)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.headerLayout.addWidget(self.heading)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.newButton = QPushButton(WorkshopsScreen)
        self.newButton.setObjectName(u"newButton")

        self.headerLayout.addWidget(self.newButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchLabel = QLabel(WorkshopsScreen)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(WorkshopsScreen)
        self.searchEdit.setObjectName(u"searchEdit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.searchEdit.sizePolicy().hasHeightForWidth())
        self.searchEdit.setSizePolicy(sizePolicy)
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.statusFilterLabel = QLabel(WorkshopsScreen)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.filterLayout.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(WorkshopsScreen)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.statusFilter)


        self.mainLayout.addLayout(self.filterLayout)

        self.table = QTableView(WorkshopsScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.emptyLabel = QLabel(WorkshopsScreen)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignCenter)
        self.emptyLabel.setMargin(24)

        self.mainLayout.addWidget(self.emptyLabel)

        self.detailsLabel = QLabel(WorkshopsScreen)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailsLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.openButton = QPushButton(WorkshopsScreen)
        self.openButton.setObjectName(u"openButton")

        self.actionsLayout.addWidget(self.openButton)

        self.statusLabel = QLabel(WorkshopsScreen)
        self.statusLabel.setObjectName(u"statusLabel")

        self.actionsLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(WorkshopsScreen)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.actionsLayout.addWidget(self.statusCombo)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.deleteButton = QPushButton(WorkshopsScreen)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actionsLayout.addWidget(self.deleteButton)


        self.mainLayout.addLayout(self.actionsLayout)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.statusFilterLabel.setBuddy(self.statusFilter)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.table)
        QWidget.setTabOrder(self.table, self.openButton)
        QWidget.setTabOrder(self.openButton, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.newButton)

        self.retranslateUi(WorkshopsScreen)

        QMetaObject.connectSlotsByName(WorkshopsScreen)
    # setupUi

    def retranslateUi(self, WorkshopsScreen):
        self.heading.setText(_("Workshops"))
        self.newButton.setText(_("&New workshop\u2026"))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(_("Create a workshop step by step, with a proposed agenda (Ctrl+N)"))
#endif // QT_CONFIG(tooltip)
        self.searchLabel.setText(_("Se&arch:"))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(_("Search workshops"))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(_("Title, code, venue or country (Ctrl+F)"))
        self.statusFilterLabel.setText(_("Sho&w:"))
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(_("Show workshops with status"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Workshops"))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(_("There is no workshop yet. Create one with \u201cNew workshop\u2026\u201d, or open the demo workshop from the File menu to try the app with sample data."))
#if QT_CONFIG(accessibility)
        self.detailsLabel.setAccessibleName(_("Selected workshop"))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(_("&Open"))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(_("Work on the selected workshop (or double-click it, or press Enter)"))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(_("S&tatus:"))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(_("Status of the selected workshop"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(_("Changes the status of the selected workshop at once"))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(_("&Delete\u2026"))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(_("Delete the selected workshop with its agenda and attendance (Del)"))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
