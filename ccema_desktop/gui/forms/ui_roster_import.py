# Generated from ui/roster_import.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_RosterImportDialog(object):
    def setupUi(self, RosterImportDialog):
        if not RosterImportDialog.objectName():
            RosterImportDialog.setObjectName(u"RosterImportDialog")
        RosterImportDialog.resize(860, 600)
        RosterImportDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(RosterImportDialog)
        self.dialogLayout.setSpacing(6)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fileLabel = QLabel(RosterImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setText(u"")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.fileLabel)

        self.summaryLabel = QLabel(RosterImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(RosterImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.busyBox = QWidget(RosterImportDialog)
        self.busyBox.setObjectName(u"busyBox")
        self.busyLayout = QHBoxLayout(self.busyBox)
        self.busyLayout.setObjectName(u"busyLayout")
        self.busyLayout.setContentsMargins(0, 0, 0, 0)
        self.busyLabel = QLabel(self.busyBox)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setText(u"")

        self.busyLayout.addWidget(self.busyLabel)

        self.busyBar = QProgressBar(self.busyBox)
        self.busyBar.setObjectName(u"busyBar")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.busyBar.sizePolicy().hasHeightForWidth())
        self.busyBar.setSizePolicy(sizePolicy)
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.busyLayout.addWidget(self.busyBar)


        self.dialogLayout.addWidget(self.busyBox)

        self.rejectedOnlyCheck = QCheckBox(RosterImportDialog)
        self.rejectedOnlyCheck.setObjectName(u"rejectedOnlyCheck")

        self.dialogLayout.addWidget(self.rejectedOnlyCheck)

        self.table = QTableView(RosterImportDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.table)

        self.strictCheck = QCheckBox(RosterImportDialog)
        self.strictCheck.setObjectName(u"strictCheck")

        self.dialogLayout.addWidget(self.strictCheck)

        self.strictNote = QLabel(RosterImportDialog)
        self.strictNote.setObjectName(u"strictNote")
        self.strictNote.setText(u"")
        self.strictNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.strictNote)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.importButton = QPushButton(RosterImportDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setText(u"")

        self.buttonsRow.addWidget(self.importButton)

        self.cancelButton = QPushButton(RosterImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonsRow.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonsRow)

        QWidget.setTabOrder(self.rejectedOnlyCheck, self.table)
        QWidget.setTabOrder(self.table, self.strictCheck)
        QWidget.setTabOrder(self.strictCheck, self.importButton)
        QWidget.setTabOrder(self.importButton, self.cancelButton)

        self.retranslateUi(RosterImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(RosterImportDialog)
    # setupUi

    def retranslateUi(self, RosterImportDialog):
        RosterImportDialog.setWindowTitle(_("Import roster"))
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(_("Progress"))
#endif // QT_CONFIG(accessibility)
        self.rejectedOnlyCheck.setText(_("Show only &rejected rows"))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Rows of the file and what the import will do with each"))
#endif // QT_CONFIG(accessibility)
        self.strictCheck.setText(_("Import &nothing if any row is rejected"))
        self.cancelButton.setText(_("Cancel"))
    # retranslateUi
