# Generated from ui/participant_dialog.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ParticipantDialog(object):
    def setupUi(self, ParticipantDialog):
        if not ParticipantDialog.objectName():
            ParticipantDialog.setObjectName(u"ParticipantDialog")
        ParticipantDialog.resize(520, 480)
        ParticipantDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ParticipantDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(ParticipantDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.fullNameLabel = QLabel(ParticipantDialog)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameBox = QVBoxLayout()
        self.fullNameBox.setSpacing(2)
        self.fullNameBox.setObjectName(u"fullNameBox")
        self.fullNameEdit = QLineEdit(ParticipantDialog)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(200)

        self.fullNameBox.addWidget(self.fullNameEdit)

        self.fullNameError = QLabel(ParticipantDialog)
        self.fullNameError.setObjectName(u"fullNameError")
        self.fullNameError.setText(u"")
        self.fullNameError.setWordWrap(True)

        self.fullNameBox.addWidget(self.fullNameError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fullNameBox)

        self.sexLabel = QLabel(ParticipantDialog)
        self.sexLabel.setObjectName(u"sexLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexCombo = QComboBox(ParticipantDialog)
        self.sexCombo.setObjectName(u"sexCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sexCombo.sizePolicy().hasHeightForWidth())
        self.sexCombo.setSizePolicy(sizePolicy)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.organizationLabel = QLabel(ParticipantDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationEdit = QLineEdit(ParticipantDialog)
        self.organizationEdit.setObjectName(u"organizationEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organizationEdit)

        self.sectorLabel = QLabel(ParticipantDialog)
        self.sectorLabel.setObjectName(u"sectorLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectorLabel)

        self.sectorCombo = QComboBox(ParticipantDialog)
        self.sectorCombo.setObjectName(u"sectorCombo")
        sizePolicy.setHeightForWidth(self.sectorCombo.sizePolicy().hasHeightForWidth())
        self.sectorCombo.setSizePolicy(sizePolicy)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sectorCombo)

        self.positionLabel = QLabel(ParticipantDialog)
        self.positionLabel.setObjectName(u"positionLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(ParticipantDialog)
        self.positionEdit.setObjectName(u"positionEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.countryLabel = QLabel(ParticipantDialog)
        self.countryLabel.setObjectName(u"countryLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryBox = QVBoxLayout()
        self.countryBox.setSpacing(2)
        self.countryBox.setObjectName(u"countryBox")
        self.countryCombo = QComboBox(ParticipantDialog)
        self.countryCombo.setObjectName(u"countryCombo")
        sizePolicy.setHeightForWidth(self.countryCombo.sizePolicy().hasHeightForWidth())
        self.countryCombo.setSizePolicy(sizePolicy)
        self.countryCombo.setEditable(True)
        self.countryCombo.setInsertPolicy(QComboBox.NoInsert)

        self.countryBox.addWidget(self.countryCombo)

        self.countryError = QLabel(ParticipantDialog)
        self.countryError.setObjectName(u"countryError")
        self.countryError.setText(u"")
        self.countryError.setWordWrap(True)

        self.countryBox.addWidget(self.countryError)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.countryBox)

        self.emailLabel = QLabel(ParticipantDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailBox = QVBoxLayout()
        self.emailBox.setSpacing(2)
        self.emailBox.setObjectName(u"emailBox")
        self.emailEdit = QLineEdit(ParticipantDialog)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setPlaceholderText(u"name@example.org")

        self.emailBox.addWidget(self.emailEdit)

        self.emailError = QLabel(ParticipantDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setText(u"")
        self.emailError.setWordWrap(True)

        self.emailBox.addWidget(self.emailError)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.emailBox)

        self.phoneLabel = QLabel(ParticipantDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ParticipantDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.dialogLayout.addLayout(self.form)

        self.generalError = QLabel(ParticipantDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setText(u"")
        self.generalError.setWordWrap(True)

        self.dialogLayout.addWidget(self.generalError)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.addButton = QPushButton(ParticipantDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonsRow.addWidget(self.addButton)

        self.cancelButton = QPushButton(ParticipantDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonsRow.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonsRow)

#if QT_CONFIG(shortcut)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.organizationLabel.setBuddy(self.organizationEdit)
        self.sectorLabel.setBuddy(self.sectorCombo)
        self.positionLabel.setBuddy(self.positionEdit)
        self.countryLabel.setBuddy(self.countryCombo)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fullNameEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.organizationEdit)
        QWidget.setTabOrder(self.organizationEdit, self.sectorCombo)
        QWidget.setTabOrder(self.sectorCombo, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.countryCombo)
        QWidget.setTabOrder(self.countryCombo, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.cancelButton)

        self.retranslateUi(ParticipantDialog)

        self.addButton.setDefault(True)


        QMetaObject.connectSlotsByName(ParticipantDialog)
    # setupUi

    def retranslateUi(self, ParticipantDialog):
        ParticipantDialog.setWindowTitle(_("Add participant"))
        self.introLabel.setText(_("Only the full name is required. Someone already known from another workshop (same e-mail) is enrolled, not duplicated."))
        self.fullNameLabel.setText(_("&Full name:"))
#if QT_CONFIG(accessibility)
        self.fullNameEdit.setAccessibleName(_("Full name"))
#endif // QT_CONFIG(accessibility)
        self.fullNameEdit.setPlaceholderText(_("Required"))
        self.sexLabel.setText(_("&Sex:"))
#if QT_CONFIG(accessibility)
        self.sexCombo.setAccessibleName(_("Sex"))
#endif // QT_CONFIG(accessibility)
        self.organizationLabel.setText(_("&Organisation:"))
#if QT_CONFIG(accessibility)
        self.organizationEdit.setAccessibleName(_("Organisation"))
#endif // QT_CONFIG(accessibility)
        self.sectorLabel.setText(_("S&ector:"))
#if QT_CONFIG(accessibility)
        self.sectorCombo.setAccessibleName(_("Sector"))
#endif // QT_CONFIG(accessibility)
        self.positionLabel.setText(_("&Position:"))
#if QT_CONFIG(accessibility)
        self.positionEdit.setAccessibleName(_("Position"))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(_("&Country:"))
#if QT_CONFIG(accessibility)
        self.countryCombo.setAccessibleName(_("Country"))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(_("E-&mail:"))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(_("E-mail"))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(_("P&hone:"))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(_("Phone"))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(_("&Add"))
        self.cancelButton.setText(_("Cancel"))
    # retranslateUi
