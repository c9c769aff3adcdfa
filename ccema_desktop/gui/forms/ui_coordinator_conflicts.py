# Generated from ui/coordinator_conflicts.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QLabel, QPlainTextEdit, QSizePolicy, QSplitter, QTableView, QVBoxLayout)

class Ui_ConflictsPage(object):
    def setupUi(self, ConflictsPage):
        if not ConflictsPage.objectName():
            ConflictsPage.setObjectName(u"ConflictsPage")
        ConflictsPage.resize(960, 600)
        self.mainLayout = QVBoxLayout(ConflictsPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ConflictsPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.splitter = QSplitter(ConflictsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.splitter.addWidget(self.table)
        self.detailsEdit = QPlainTextEdit(self.splitter)
        self.detailsEdit.setObjectName(u"detailsEdit")
        self.detailsEdit.setReadOnly(True)
        self.splitter.addWidget(self.detailsEdit)

        self.mainLayout.addWidget(self.splitter)

        self.emptyLabel = QLabel(ConflictsPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.emptyLabel.sizePolicy().hasHeightForWidth())
        self.emptyLabel.setSizePolicy(sizePolicy)
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignCenter)
        self.emptyLabel.setMargin(24)

        self.mainLayout.addWidget(self.emptyLabel)


        self.retranslateUi(ConflictsPage)

        QMetaObject.connectSlotsByName(ConflictsPage)
    # setupUi

    def retranslateUi(self, ConflictsPage):
#if QT_CONFIG(accessibility)
        ConflictsPage.setAccessibleName(_("Conflict log"))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(_("Records that two laptops changed differently. The newer change was kept; the other one is written here, whole, so nothing is lost."))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Conflicts"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailsEdit.setAccessibleName(_("The version set aside"))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(_("No conflicts: no record was changed differently on two laptops."))
    # retranslateUi
