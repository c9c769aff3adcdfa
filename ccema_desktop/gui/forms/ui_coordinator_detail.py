# Generated from ui/coordinator_detail.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout)

class Ui_WorkshopDetailDialog(object):
    def setupUi(self, WorkshopDetailDialog):
        if not WorkshopDetailDialog.objectName():
            WorkshopDetailDialog.setObjectName(u"WorkshopDetailDialog")
        WorkshopDetailDialog.resize(900, 600)
        self.mainLayout = QVBoxLayout(WorkshopDetailDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(WorkshopDetailDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.titleLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.mainLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(WorkshopDetailDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(WorkshopDetailDialog)
        self.tabs.setObjectName(u"tabs")

        self.mainLayout.addWidget(self.tabs)

        self.busyLabel = QLabel(WorkshopDetailDialog)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setAlignment(Qt.AlignCenter)

        self.mainLayout.addWidget(self.busyLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.exportButton = QPushButton(WorkshopDetailDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonsLayout.addWidget(self.exportButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(WorkshopDetailDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(WorkshopDetailDialog)

        QMetaObject.connectSlotsByName(WorkshopDetailDialog)
    # setupUi

    def retranslateUi(self, WorkshopDetailDialog):
        WorkshopDetailDialog.setWindowTitle(_("Workshop details"))
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(_("Workshop tables"))
#endif // QT_CONFIG(accessibility)
        self.busyLabel.setText(_("Reading the workshop\u2026"))
        self.exportButton.setText(_("E&xport table\u2026"))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(_("Save the table shown as a spreadsheet (XLSX) or CSV file"))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(_("&Close"))
    # retranslateUi
