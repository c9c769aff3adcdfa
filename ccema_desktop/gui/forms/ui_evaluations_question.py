# Generated from ui/evaluations_question.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CustomQuestionDialog(object):
    def setupUi(self, CustomQuestionDialog):
        if not CustomQuestionDialog.objectName():
            CustomQuestionDialog.setObjectName(u"CustomQuestionDialog")
        CustomQuestionDialog.resize(620, 480)
        self.mainLayout = QVBoxLayout(CustomQuestionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CustomQuestionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.formLabel = QLabel(CustomQuestionDialog)
        self.formLabel.setObjectName(u"formLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(CustomQuestionDialog)
        self.formCombo.setObjectName(u"formCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.typeLabel = QLabel(CustomQuestionDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(CustomQuestionDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.textLabel = QLabel(CustomQuestionDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textLayout = QVBoxLayout()
        self.textLayout.setSpacing(2)
        self.textLayout.setObjectName(u"textLayout")
        self.textEdit = QPlainTextEdit(CustomQuestionDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)
        self.textEdit.setMaximumSize(QSize(16777215, 90))

        self.textLayout.addWidget(self.textEdit)

        self.textError = QLabel(CustomQuestionDialog)
        self.textError.setObjectName(u"textError")
        self.textError.setWordWrap(True)

        self.textLayout.addWidget(self.textError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.textLayout)

        self.optionsLabel = QLabel(CustomQuestionDialog)
        self.optionsLabel.setObjectName(u"optionsLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.optionsLabel)

        self.optionsLayout = QVBoxLayout()
        self.optionsLayout.setSpacing(2)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.optionsEdit = QPlainTextEdit(CustomQuestionDialog)
        self.optionsEdit.setObjectName(u"optionsEdit")
        self.optionsEdit.setTabChangesFocus(True)
        self.optionsEdit.setMaximumSize(QSize(16777215, 120))

        self.optionsLayout.addWidget(self.optionsEdit)

        self.optionsError = QLabel(CustomQuestionDialog)
        self.optionsError.setObjectName(u"optionsError")
        self.optionsError.setWordWrap(True)

        self.optionsLayout.addWidget(self.optionsError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.optionsLayout)

        self.requiredCheck = QCheckBox(CustomQuestionDialog)
        self.requiredCheck.setObjectName(u"requiredCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.requiredCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.generalError = QLabel(CustomQuestionDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(CustomQuestionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.formLabel.setBuddy(self.formCombo)
        self.typeLabel.setBuddy(self.typeCombo)
        self.textLabel.setBuddy(self.textEdit)
        self.optionsLabel.setBuddy(self.optionsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.formCombo, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.optionsEdit)
        QWidget.setTabOrder(self.optionsEdit, self.requiredCheck)

        self.retranslateUi(CustomQuestionDialog)

        QMetaObject.connectSlotsByName(CustomQuestionDialog)
    # setupUi

    def retranslateUi(self, CustomQuestionDialog):
        CustomQuestionDialog.setWindowTitle(_("Add a custom question"))
        self.formLabel.setText(_("&Form:"))
#if QT_CONFIG(accessibility)
        self.formCombo.setAccessibleName(_("Form"))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(_("&Answer type:"))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(_("Answer type"))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(_("&Question:"))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(_("Question text"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.textError.setAccessibleName(_("Problem with the question"))
#endif // QT_CONFIG(accessibility)
        self.optionsLabel.setText(_("&Options (one per line):"))
#if QT_CONFIG(accessibility)
        self.optionsEdit.setAccessibleName(_("Options, one per line"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.optionsError.setAccessibleName(_("Problem with the options"))
#endif // QT_CONFIG(accessibility)
        self.requiredCheck.setText(_("An answer is &required"))
    # retranslateUi
