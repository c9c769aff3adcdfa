# Generated from ui/coordinator_import.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ImportPage(object):
    def setupUi(self, ImportPage):
        if not ImportPage.objectName():
            ImportPage.setObjectName(u"ImportPage")
        ImportPage.resize(960, 600)
        self.mainLayout = QVBoxLayout(ImportPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ImportPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.filesButton = QPushButton(ImportPage)
        self.filesButton.setObjectName(u"filesButton")

        self.actionsLayout.addWidget(self.filesButton)

        self.folderButton = QPushButton(ImportPage)
        self.folderButton.setObjectName(u"folderButton")

        self.actionsLayout.addWidget(self.folderButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.progressBar = QProgressBar(ImportPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMinimumSize(QSize(160, 0))

        self.actionsLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ImportPage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.actionsLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.actionsLayout)

        self.summaryLabel = QLabel(ImportPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.table = QTableView(ImportPage)
        self.table.setObjectName(u"table")

        self.mainLayout.addWidget(self.table)

        self.emptyLabel = QLabel(ImportPage)
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

        QWidget.setTabOrder(self.filesButton, self.folderButton)
        QWidget.setTabOrder(self.folderButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.table)

        self.retranslateUi(ImportPage)

        QMetaObject.connectSlotsByName(ImportPage)
    # setupUi

    def retranslateUi(self, ImportPage):
#if QT_CONFIG(accessibility)
        ImportPage.setAccessibleName(_("Import bundles"))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(_("Import the bundles that venue laptops saved to USB sticks or sent by e-mail. Each file is checked completely (signature, encryption, contents) before it is merged; importing the same bundle again changes nothing. Rejected files found in a folder are moved to its \u201cquarantine\u201d folder with the reason beside them."))
        self.filesButton.setText(_("Import &files\u2026"))
#if QT_CONFIG(tooltip)
        self.filesButton.setToolTip(_("Choose one or more bundle files (Ctrl+I)"))
#endif // QT_CONFIG(tooltip)
        self.folderButton.setText(_("Import a f&older\u2026"))
#if QT_CONFIG(tooltip)
        self.folderButton.setToolTip(_("Import every bundle in a folder, e.g. a USB stick (Ctrl+Shift+I)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(_("Import progress"))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(_("&Cancel"))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(_("Stop after the file being imported; what was imported stays (Esc)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(_("Import summary"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Import report, one row per file"))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(_("No import yet in this session. The report of each file appears here."))
    # retranslateUi
