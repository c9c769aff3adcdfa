# Generated from ui/sync_enrol.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SyncEnrolDialog(object):
    def setupUi(self, SyncEnrolDialog):
        if not SyncEnrolDialog.objectName():
            SyncEnrolDialog.setObjectName(u"SyncEnrolDialog")
        SyncEnrolDialog.resize(560, 300)
        SyncEnrolDialog.setModal(True)
        self.mainLayout = QVBoxLayout(SyncEnrolDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SyncEnrolDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.keyFileLabel = QLabel(SyncEnrolDialog)
        self.keyFileLabel.setObjectName(u"keyFileLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keyFileLabel)

        self.keyFileRow = QHBoxLayout()
        self.keyFileRow.setObjectName(u"keyFileRow")
        self.keyFileEdit = QLineEdit(SyncEnrolDialog)
        self.keyFileEdit.setObjectName(u"keyFileEdit")

        self.keyFileRow.addWidget(self.keyFileEdit)

        self.browseButton = QPushButton(SyncEnrolDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.keyFileRow.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.keyFileRow)

        self.urlLabel = QLabel(SyncEnrolDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(SyncEnrolDialog)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setPlaceholderText(u"https://")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.urlEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.urlNote = QLabel(SyncEnrolDialog)
        self.urlNote.setObjectName(u"urlNote")
        self.urlNote.setWordWrap(True)

        self.mainLayout.addWidget(self.urlNote)

        self.errorLabel = QLabel(SyncEnrolDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SyncEnrolDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.keyFileLabel.setBuddy(self.keyFileEdit)
        self.urlLabel.setBuddy(self.urlEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.keyFileEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.urlEdit)

        self.retranslateUi(SyncEnrolDialog)

        QMetaObject.connectSlotsByName(SyncEnrolDialog)
    # setupUi

    def retranslateUi(self, SyncEnrolDialog):
        SyncEnrolDialog.setWindowTitle(_("Enrol with headquarters"))
        self.introLabel.setText(_("Headquarters gives you two things: its public key file (made with 'ccema hq public-key') and the address of its inbox. Bundles are then encrypted so that only headquarters can read them, and sent to that address."))
        self.keyFileLabel.setText(_("Public &key file:"))
#if QT_CONFIG(accessibility)
        self.keyFileEdit.setAccessibleName(_("Headquarters public key file"))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(_("&Browse\u2026"))
        self.urlLabel.setText(_("&Inbox address:"))
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(_("Headquarters inbox address"))
#endif // QT_CONFIG(accessibility)
        self.urlNote.setText(_("Leave the address empty if bundles travel only on USB sticks."))
    # retranslateUi
