# Generated from ui/evaluations_import.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ResponsesImportDialog(object):
    def setupUi(self, ResponsesImportDialog):
        if not ResponsesImportDialog.objectName():
            ResponsesImportDialog.setObjectName(u"ResponsesImportDialog")
        ResponsesImportDialog.resize(760, 480)
        self.mainLayout = QVBoxLayout(ResponsesImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLabel = QLabel(ResponsesImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.summaryLabel = QLabel(ResponsesImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.busyBar = QProgressBar(ResponsesImportDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.rejectedLabel = QLabel(ResponsesImportDialog)
        self.rejectedLabel.setObjectName(u"rejectedLabel")
        self.rejectedLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.rejectedLabel)

        self.rejectedTable = QTableWidget(ResponsesImportDialog)
        if (self.rejectedTable.columnCount() < 3):
            self.rejectedTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.rejectedTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.rejectedTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.rejectedTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.rejectedTable.setObjectName(u"rejectedTable")
        self.rejectedTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rejectedTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rejectedTable.setWordWrap(True)
        self.rejectedTable.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.rejectedTable)

        self.errorLabel = QLabel(ResponsesImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.importButton = QPushButton(ResponsesImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonRow.addWidget(self.importButton)

        self.cancelButton = QPushButton(ResponsesImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.rejectedTable, self.importButton)
        QWidget.setTabOrder(self.importButton, self.cancelButton)

        self.retranslateUi(ResponsesImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ResponsesImportDialog)
    # setupUi

    def retranslateUi(self, ResponsesImportDialog):
        ResponsesImportDialog.setWindowTitle(_("Import responses"))
        ___qtablewidgetitem = self.rejectedTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_("Row"))
        ___qtablewidgetitem1 = self.rejectedTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_("Respondent or record"))
        ___qtablewidgetitem2 = self.rejectedTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_("Why it is not imported"))
#if QT_CONFIG(accessibility)
        self.rejectedTable.setAccessibleName(_("Rows that will not be imported"))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(_("Cancel"))
    # retranslateUi
