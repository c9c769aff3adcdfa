# Generated from ui/kiosk_set_pin.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_KioskSetPinDialog(object):
    def setupUi(self, KioskSetPinDialog):
        if not KioskSetPinDialog.objectName():
            KioskSetPinDialog.setObjectName(u"KioskSetPinDialog")
        KioskSetPinDialog.resize(520, 300)
        self.mainLayout = QVBoxLayout(KioskSetPinDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(KioskSetPinDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.pinLabel = QLabel(KioskSetPinDialog)
        self.pinLabel.setObjectName(u"pinLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(KioskSetPinDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)
        self.pinEdit.setMaxLength(12)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.repeatLabel = QLabel(KioskSetPinDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(KioskSetPinDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)
        self.repeatEdit.setMaxLength(12)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(KioskSetPinDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(KioskSetPinDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pinLabel.setBuddy(self.pinEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pinEdit, self.repeatEdit)

        self.retranslateUi(KioskSetPinDialog)

        QMetaObject.connectSlotsByName(KioskSetPinDialog)
    # setupUi

    def retranslateUi(self, KioskSetPinDialog):
        KioskSetPinDialog.setWindowTitle(_("Kiosk PIN"))
        self.introLabel.setText(_("The kiosk PIN lets the facilitator leave kiosk mode; participants cannot leave it without the PIN. Use 4 to 12 digits that participants cannot guess, and keep the PIN to yourself."))
        self.pinLabel.setText(_("New &PIN:"))
#if QT_CONFIG(accessibility)
        self.pinEdit.setAccessibleName(_("New PIN"))
#endif // QT_CONFIG(accessibility)
        self.repeatLabel.setText(_("&Repeat the PIN:"))
#if QT_CONFIG(accessibility)
        self.repeatEdit.setAccessibleName(_("Repeat the PIN"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(_("Problem with the PIN"))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
