# Generated from ui/sync.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_SyncScreen(object):
    def setupUi(self, SyncScreen):
        if not SyncScreen.objectName():
            SyncScreen.setObjectName(u"SyncScreen")
        SyncScreen.resize(960, 600)
        self.mainLayout = QVBoxLayout(SyncScreen)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(SyncScreen)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.mainLayout.addWidget(self.heading)

        self.headquartersBox = QGroupBox(SyncScreen)
        self.headquartersBox.setObjectName(u"headquartersBox")
        self.headquartersLayout = QVBoxLayout(self.headquartersBox)
        self.headquartersLayout.setSpacing(6)
        self.headquartersLayout.setObjectName(u"headquartersLayout")
        self.headquartersLabel = QLabel(self.headquartersBox)
        self.headquartersLabel.setObjectName(u"headquartersLabel")
        self.headquartersLabel.setWordWrap(True)
        self.headquartersLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.headquartersLayout.addWidget(self.headquartersLabel)

        self.reachLabel = QLabel(self.headquartersBox)
        self.reachLabel.setObjectName(u"reachLabel")
        self.reachLabel.setWordWrap(True)
        self.reachLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.headquartersLayout.addWidget(self.reachLabel)

        self.headquartersActions = QHBoxLayout()
        self.headquartersActions.setObjectName(u"headquartersActions")
        self.checkButton = QPushButton(self.headquartersBox)
        self.checkButton.setObjectName(u"checkButton")

        self.headquartersActions.addWidget(self.checkButton)

        self.enrolButton = QPushButton(self.headquartersBox)
        self.enrolButton.setObjectName(u"enrolButton")

        self.headquartersActions.addWidget(self.enrolButton)

        self.headquartersSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headquartersActions.addItem(self.headquartersSpacer)


        self.headquartersLayout.addLayout(self.headquartersActions)


        self.mainLayout.addWidget(self.headquartersBox)

        self.outboxHeader = QHBoxLayout()
        self.outboxHeader.setObjectName(u"outboxHeader")
        self.outboxHeading = QLabel(SyncScreen)
        self.outboxHeading.setObjectName(u"outboxHeading")
        self.outboxHeading.setStyleSheet(u"font-weight: bold;")

        self.outboxHeader.addWidget(self.outboxHeading)

        self.outboxSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outboxHeader.addItem(self.outboxSpacer)

        self.progressLabel = QLabel(SyncScreen)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setText(u"")

        self.outboxHeader.addWidget(self.progressLabel)

        self.progressBar = QProgressBar(SyncScreen)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximumSize(QSize(200, 16777215))
        self.progressBar.setTextVisible(False)

        self.outboxHeader.addWidget(self.progressBar)


        self.mainLayout.addLayout(self.outboxHeader)

        self.table = QTableView(SyncScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.emptyLabel = QLabel(SyncScreen)
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

        self.detailsLabel = QLabel(SyncScreen)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailsLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.syncButton = QPushButton(SyncScreen)
        self.syncButton.setObjectName(u"syncButton")

        self.actionsLayout.addWidget(self.syncButton)

        self.saveButton = QPushButton(SyncScreen)
        self.saveButton.setObjectName(u"saveButton")

        self.actionsLayout.addWidget(self.saveButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.mainLayout.addLayout(self.actionsLayout)

        self.resultLabel = QLabel(SyncScreen)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.resultLabel)

        self.noteLabel = QLabel(SyncScreen)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        QWidget.setTabOrder(self.checkButton, self.enrolButton)
        QWidget.setTabOrder(self.enrolButton, self.table)
        QWidget.setTabOrder(self.table, self.syncButton)
        QWidget.setTabOrder(self.syncButton, self.saveButton)

        self.retranslateUi(SyncScreen)

        QMetaObject.connectSlotsByName(SyncScreen)
    # setupUi

    def retranslateUi(self, SyncScreen):
#if QT_CONFIG(accessibility)
        SyncScreen.setAccessibleName(_("Sync with headquarters"))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(_("Sync with headquarters"))
        self.headquartersBox.setTitle(_("Headquarters"))
#if QT_CONFIG(accessibility)
        self.headquartersLabel.setAccessibleName(_("Enrolled headquarters"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reachLabel.setAccessibleName(_("Connection to headquarters"))
#endif // QT_CONFIG(accessibility)
        self.checkButton.setText(_("&Check connection"))
#if QT_CONFIG(tooltip)
        self.checkButton.setToolTip(_("Contact headquarters now to see whether it can be reached"))
#endif // QT_CONFIG(tooltip)
        self.enrolButton.setText(_("&Enrol with headquarters\u2026"))
#if QT_CONFIG(tooltip)
        self.enrolButton.setToolTip(_("Trust the public key file that headquarters gave you, and give its inbox address"))
#endif // QT_CONFIG(tooltip)
        self.outboxHeading.setText(_("Outbox: bundles for headquarters"))
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(_("Sending progress"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Outbox"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailsLabel.setAccessibleName(_("Selected bundle"))
#endif // QT_CONFIG(accessibility)
        self.syncButton.setText(_("&Sync now"))
#if QT_CONFIG(tooltip)
        self.syncButton.setToolTip(_("Make a fresh bundle of the current workshop and send everything waiting to headquarters"))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(_("Save bundle to &USB/folder\u2026"))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(_("Write a bundle of the current workshop to a USB stick or folder, to carry to headquarters"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(_("Result of the last action"))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(_("Bundles are sent in the background every minute while headquarters can be reached. Sending never deletes anything from this laptop."))
    # retranslateUi
