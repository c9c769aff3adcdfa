# Generated from ui/session_dialog.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QTimeEdit, QVBoxLayout, QWidget)

class Ui_SessionDialog(object):
    def setupUi(self, SessionDialog):
        if not SessionDialog.objectName():
            SessionDialog.setObjectName(u"SessionDialog")
        SessionDialog.resize(560, 520)
        SessionDialog.setMinimumSize(QSize(540, 0))
        SessionDialog.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(SessionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.titleLabel = QLabel(SessionDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(2)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleEdit = QLineEdit(SessionDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.titleLayout.addWidget(self.titleEdit)

        self.titleError = QLabel(SessionDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleLayout.addWidget(self.titleError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.titleLayout)

        self.kindLabel = QLabel(SessionDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(SessionDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(SessionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateCombo = QComboBox(SessionDialog)
        self.dateCombo.setObjectName(u"dateCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateCombo)

        self.startLabel = QLabel(SessionDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startLayout = QHBoxLayout()
        self.startLayout.setObjectName(u"startLayout")
        self.startEdit = QTimeEdit(SessionDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setDisplayFormat(u"HH:mm")

        self.startLayout.addWidget(self.startEdit)

        self.startSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startLayout.addItem(self.startSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.startLayout)

        self.endLabel = QLabel(SessionDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endColumn = QVBoxLayout()
        self.endColumn.setSpacing(2)
        self.endColumn.setObjectName(u"endColumn")
        self.endLayout = QHBoxLayout()
        self.endLayout.setObjectName(u"endLayout")
        self.endEdit = QTimeEdit(SessionDialog)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setDisplayFormat(u"HH:mm")

        self.endLayout.addWidget(self.endEdit)

        self.durationLabel = QLabel(SessionDialog)
        self.durationLabel.setObjectName(u"durationLabel")

        self.endLayout.addWidget(self.durationLabel)

        self.endSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endLayout.addItem(self.endSpacer)


        self.endColumn.addLayout(self.endLayout)

        self.endError = QLabel(SessionDialog)
        self.endError.setObjectName(u"endError")
        self.endError.setWordWrap(True)

        self.endColumn.addWidget(self.endError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.endColumn)

        self.facilitatorLabel = QLabel(SessionDialog)
        self.facilitatorLabel.setObjectName(u"facilitatorLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.facilitatorLabel)

        self.facilitatorCombo = QComboBox(SessionDialog)
        self.facilitatorCombo.setObjectName(u"facilitatorCombo")
        self.facilitatorCombo.setEditable(True)
        self.facilitatorCombo.setInsertPolicy(QComboBox.NoInsert)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.facilitatorCombo)

        self.moduleLabel = QLabel(SessionDialog)
        self.moduleLabel.setObjectName(u"moduleLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.moduleLabel)

        self.moduleCombo = QComboBox(SessionDialog)
        self.moduleCombo.setObjectName(u"moduleCombo")
        self.moduleCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.moduleCombo.setMinimumContentsLength(20)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.moduleCombo)

        self.exerciseLabel = QLabel(SessionDialog)
        self.exerciseLabel.setObjectName(u"exerciseLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.exerciseLabel)

        self.exerciseColumn = QVBoxLayout()
        self.exerciseColumn.setSpacing(2)
        self.exerciseColumn.setObjectName(u"exerciseColumn")
        self.exerciseCombo = QComboBox(SessionDialog)
        self.exerciseCombo.setObjectName(u"exerciseCombo")
        self.exerciseCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.exerciseCombo.setMinimumContentsLength(20)

        self.exerciseColumn.addWidget(self.exerciseCombo)

        self.exerciseHint = QLabel(SessionDialog)
        self.exerciseHint.setObjectName(u"exerciseHint")
        self.exerciseHint.setWordWrap(True)

        self.exerciseColumn.addWidget(self.exerciseHint)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.exerciseColumn)

        self.notesLabel = QLabel(SessionDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(SessionDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.formError = QLabel(SessionDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(SessionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.facilitatorLabel.setBuddy(self.facilitatorCombo)
        self.moduleLabel.setBuddy(self.moduleCombo)
        self.exerciseLabel.setBuddy(self.exerciseCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.dateCombo)
        QWidget.setTabOrder(self.dateCombo, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.facilitatorCombo)
        QWidget.setTabOrder(self.facilitatorCombo, self.moduleCombo)
        QWidget.setTabOrder(self.moduleCombo, self.exerciseCombo)
        QWidget.setTabOrder(self.exerciseCombo, self.notesEdit)

        self.retranslateUi(SessionDialog)
        self.buttonBox.accepted.connect(SessionDialog.accept)
        self.buttonBox.rejected.connect(SessionDialog.reject)

        QMetaObject.connectSlotsByName(SessionDialog)
    # setupUi

    def retranslateUi(self, SessionDialog):
        SessionDialog.setWindowTitle(_("Session"))
        self.titleLabel.setText(_("&Title:"))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(_("Title"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.titleError.setAccessibleName(_("Problem with the title"))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(_("&Kind:"))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(_("Kind of session"))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(_("&Day:"))
#if QT_CONFIG(accessibility)
        self.dateCombo.setAccessibleName(_("Day"))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(_("&Starts:"))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(_("Start time"))
#endif // QT_CONFIG(accessibility)
        self.endLabel.setText(_("E&nds:"))
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(_("End time"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.durationLabel.setAccessibleName(_("Length"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.endError.setAccessibleName(_("Problem with the times"))
#endif // QT_CONFIG(accessibility)
        self.facilitatorLabel.setText(_("&Facilitator:"))
#if QT_CONFIG(accessibility)
        self.facilitatorCombo.setAccessibleName(_("Facilitator"))
#endif // QT_CONFIG(accessibility)
        self.moduleLabel.setText(_("&Module:"))
#if QT_CONFIG(accessibility)
        self.moduleCombo.setAccessibleName(_("Curriculum module"))
#endif // QT_CONFIG(accessibility)
        self.exerciseLabel.setText(_("E&xercise:"))
#if QT_CONFIG(accessibility)
        self.exerciseCombo.setAccessibleName(_("Curriculum exercise"))
#endif // QT_CONFIG(accessibility)
        self.exerciseHint.setText(_("Choosing an exercise proposes its title and length."))
        self.notesLabel.setText(_("N&otes:"))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(_("Notes"))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(_("Room, materials, who to invite\u2026"))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(_("Problem saving the session"))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
