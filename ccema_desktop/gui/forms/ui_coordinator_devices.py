# Generated from ui/coordinator_devices.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_DevicesPage(object):
    def setupUi(self, DevicesPage):
        if not DevicesPage.objectName():
            DevicesPage.setObjectName(u"DevicesPage")
        DevicesPage.resize(960, 600)
        self.mainLayout = QVBoxLayout(DevicesPage)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DevicesPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.table = QTableView(DevicesPage)
        self.table.setObjectName(u"table")

        self.mainLayout.addWidget(self.table)

        self.emptyLabel = QLabel(DevicesPage)
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

        self.detailsLabel = QLabel(DevicesPage)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailsLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.approveButton = QPushButton(DevicesPage)
        self.approveButton.setObjectName(u"approveButton")

        self.actionsLayout.addWidget(self.approveButton)

        self.revokeButton = QPushButton(DevicesPage)
        self.revokeButton.setObjectName(u"revokeButton")

        self.actionsLayout.addWidget(self.revokeButton)

        self.advanceButton = QPushButton(DevicesPage)
        self.advanceButton.setObjectName(u"advanceButton")

        self.actionsLayout.addWidget(self.advanceButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.mainLayout.addLayout(self.actionsLayout)

        self.resultLabel = QLabel(DevicesPage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.resultLabel)

        QWidget.setTabOrder(self.table, self.approveButton)
        QWidget.setTabOrder(self.approveButton, self.revokeButton)
        QWidget.setTabOrder(self.revokeButton, self.advanceButton)

        self.retranslateUi(DevicesPage)

        QMetaObject.connectSlotsByName(DevicesPage)
    # setupUi

    def retranslateUi(self, DevicesPage):
#if QT_CONFIG(accessibility)
        DevicesPage.setAccessibleName(_("Devices"))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(_("Venue laptops that sent bundles to the inbox. Bundles from a new laptop are held until you approve it: compare its fingerprint with the one the facilitator reads out to you. Revoking a laptop refuses its next bundles; what it sent before stays."))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(_("Devices"))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(_("No laptop has sent a bundle yet."))
#if QT_CONFIG(accessibility)
        self.detailsLabel.setAccessibleName(_("Selected device"))
#endif // QT_CONFIG(accessibility)
        self.approveButton.setText(_("&Approve\u2026"))
#if QT_CONFIG(tooltip)
        self.approveButton.setToolTip(_("Trust the selected laptop and import the bundles held for it"))
#endif // QT_CONFIG(tooltip)
        self.revokeButton.setText(_("&Revoke\u2026"))
#if QT_CONFIG(tooltip)
        self.revokeButton.setToolTip(_("Refuse the selected laptop's next bundles"))
#endif // QT_CONFIG(tooltip)
        self.advanceButton.setText(_("Approve a laptop &by its id\u2026"))
#if QT_CONFIG(tooltip)
        self.advanceButton.setToolTip(_("Trust a laptop before it sends anything, by the device id that 'ccema device show' prints on it"))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
