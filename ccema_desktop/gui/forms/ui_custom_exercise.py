# Generated from ui/custom_exercise.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_CustomExerciseDialog(object):
    def setupUi(self, CustomExerciseDialog):
        if not CustomExerciseDialog.objectName():
            CustomExerciseDialog.setObjectName(u"CustomExerciseDialog")
        CustomExerciseDialog.resize(640, 460)
        self.mainLayout = QVBoxLayout(CustomExerciseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CustomExerciseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.moduleLabel = QLabel(CustomExerciseDialog)
        self.moduleLabel.setObjectName(u"moduleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.moduleLabel)

        self.moduleCombo = QComboBox(CustomExerciseDialog)
        self.moduleCombo.setObjectName(u"moduleCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.moduleCombo.sizePolicy().hasHeightForWidth())
        self.moduleCombo.setSizePolicy(sizePolicy)
        self.moduleCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.moduleCombo.setMinimumContentsLength(24)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.moduleCombo)

        self.titleLabel = QLabel(CustomExerciseDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(2)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleEdit = QLineEdit(CustomExerciseDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.titleLayout.addWidget(self.titleEdit)

        self.titleError = QLabel(CustomExerciseDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleLayout.addWidget(self.titleError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.titleLayout)

        self.durationLabel = QLabel(CustomExerciseDialog)
        self.durationLabel.setObjectName(u"durationLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.durationLabel)

        self.durationLayout = QVBoxLayout()
        self.durationLayout.setSpacing(2)
        self.durationLayout.setObjectName(u"durationLayout")
        self.durationSpin = QSpinBox(CustomExerciseDialog)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setMinimum(5)
        self.durationSpin.setMaximum(480)
        self.durationSpin.setSingleStep(5)
        self.durationSpin.setValue(45)

        self.durationLayout.addWidget(self.durationSpin)

        self.durationError = QLabel(CustomExerciseDialog)
        self.durationError.setObjectName(u"durationError")
        self.durationError.setWordWrap(True)

        self.durationLayout.addWidget(self.durationError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.durationLayout)

        self.formatLabel = QLabel(CustomExerciseDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(CustomExerciseDialog)
        self.formatCombo.setObjectName(u"formatCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.descriptionLabel = QLabel(CustomExerciseDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(CustomExerciseDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.generalError = QLabel(CustomExerciseDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(CustomExerciseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.moduleLabel.setBuddy(self.moduleCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.durationLabel.setBuddy(self.durationSpin)
        self.formatLabel.setBuddy(self.formatCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.moduleCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.durationSpin)
        QWidget.setTabOrder(self.durationSpin, self.formatCombo)
        QWidget.setTabOrder(self.formatCombo, self.descriptionEdit)

        self.retranslateUi(CustomExerciseDialog)

        QMetaObject.connectSlotsByName(CustomExerciseDialog)
    # setupUi

    def retranslateUi(self, CustomExerciseDialog):
        CustomExerciseDialog.setWindowTitle(_("Add a custom exercise"))
        self.moduleLabel.setText(_("&Module:"))
#if QT_CONFIG(accessibility)
        self.moduleCombo.setAccessibleName(_("Module"))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(_("&Title:"))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(_("Title"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.titleError.setAccessibleName(_("Problem with the title"))
#endif // QT_CONFIG(accessibility)
        self.durationLabel.setText(_("&Duration (minutes):"))
#if QT_CONFIG(accessibility)
        self.durationSpin.setAccessibleName(_("Duration in minutes"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.durationError.setAccessibleName(_("Problem with the duration"))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(_("&Format:"))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(_("Format"))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(_("D&escription:"))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(_("Description"))
#endif // QT_CONFIG(accessibility)
        self.descriptionEdit.setPlaceholderText(_("What participants do, and what they should take away"))
    # retranslateUi
