# Generated from ui/attendance.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_AttendanceScreen(object):
    def setupUi(self, AttendanceScreen):
        if not AttendanceScreen.objectName():
            AttendanceScreen.setObjectName(u"AttendanceScreen")
        AttendanceScreen.resize(900, 600)
        self.screenLayout = QVBoxLayout(AttendanceScreen)
        self.screenLayout.setObjectName(u"screenLayout")
        self.screenLayout.setContentsMargins(0, 0, 0, 0)
        self.sessionBar = QHBoxLayout()
        self.sessionBar.setObjectName(u"sessionBar")
        self.sessionLabel = QLabel(AttendanceScreen)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.sessionBar.addWidget(self.sessionLabel)

        self.sessionCombo = QComboBox(AttendanceScreen)
        self.sessionCombo.setObjectName(u"sessionCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sessionCombo.sizePolicy().hasHeightForWidth())
        self.sessionCombo.setSizePolicy(sizePolicy)
        self.sessionCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.sessionCombo.setMinimumContentsLength(24)
        self.sessionCombo.setMaxVisibleItems(20)

        self.sessionBar.addWidget(self.sessionCombo)

        self.currentSessionButton = QPushButton(AttendanceScreen)
        self.currentSessionButton.setObjectName(u"currentSessionButton")

        self.sessionBar.addWidget(self.currentSessionButton)

        self.closeDayButton = QPushButton(AttendanceScreen)
        self.closeDayButton.setObjectName(u"closeDayButton")

        self.sessionBar.addWidget(self.closeDayButton)


        self.screenLayout.addLayout(self.sessionBar)

        self.emptyLabel = QLabel(AttendanceScreen)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setMargin(12)

        self.screenLayout.addWidget(self.emptyLabel)

        self.tabs = QTabWidget(AttendanceScreen)
        self.tabs.setObjectName(u"tabs")
        self.rollCallTab = QWidget()
        self.rollCallTab.setObjectName(u"rollCallTab")
        self.rollCallLayout = QVBoxLayout(self.rollCallTab)
        self.rollCallLayout.setObjectName(u"rollCallLayout")
        self.findBar = QHBoxLayout()
        self.findBar.setObjectName(u"findBar")
        self.findLabel = QLabel(self.rollCallTab)
        self.findLabel.setObjectName(u"findLabel")

        self.findBar.addWidget(self.findLabel)

        self.findEdit = QLineEdit(self.rollCallTab)
        self.findEdit.setObjectName(u"findEdit")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.findEdit.sizePolicy().hasHeightForWidth())
        self.findEdit.setSizePolicy(sizePolicy1)
        self.findEdit.setMinimumSize(QSize(160, 0))
        self.findEdit.setClearButtonEnabled(True)

        self.findBar.addWidget(self.findEdit)

        self.findStatus = QLabel(self.rollCallTab)
        self.findStatus.setObjectName(u"findStatus")
        self.findStatus.setStyleSheet(u"color: #9b1c1c;")

        self.findBar.addWidget(self.findStatus)

        self.findSpacer = QSpacerItem(12, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.findBar.addItem(self.findSpacer)

        self.markAllButton = QPushButton(self.rollCallTab)
        self.markAllButton.setObjectName(u"markAllButton")

        self.findBar.addWidget(self.markAllButton)


        self.rollCallLayout.addLayout(self.findBar)

        self.rollCallView = QTableView(self.rollCallTab)
        self.rollCallView.setObjectName(u"rollCallView")
        self.rollCallView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rollCallView.setTabKeyNavigation(False)
        self.rollCallView.setAlternatingRowColors(True)
        self.rollCallView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.rollCallView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rollCallView.setWordWrap(False)

        self.rollCallLayout.addWidget(self.rollCallView)

        self.markBar = QHBoxLayout()
        self.markBar.setObjectName(u"markBar")
        self.presentButton = QPushButton(self.rollCallTab)
        self.presentButton.setObjectName(u"presentButton")

        self.markBar.addWidget(self.presentButton)

        self.lateButton = QPushButton(self.rollCallTab)
        self.lateButton.setObjectName(u"lateButton")

        self.markBar.addWidget(self.lateButton)

        self.absentButton = QPushButton(self.rollCallTab)
        self.absentButton.setObjectName(u"absentButton")

        self.markBar.addWidget(self.absentButton)

        self.excusedButton = QPushButton(self.rollCallTab)
        self.excusedButton.setObjectName(u"excusedButton")

        self.markBar.addWidget(self.excusedButton)

        self.clearButton = QPushButton(self.rollCallTab)
        self.clearButton.setObjectName(u"clearButton")

        self.markBar.addWidget(self.clearButton)

        self.markSpacer = QSpacerItem(12, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.markBar.addItem(self.markSpacer)


        self.rollCallLayout.addLayout(self.markBar)

        self.countsLabel = QLabel(self.rollCallTab)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setWordWrap(True)
        self.countsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.rollCallLayout.addWidget(self.countsLabel)

        self.undoBar = QFrame(self.rollCallTab)
        self.undoBar.setObjectName(u"undoBar")
        self.undoBar.setFrameShape(QFrame.StyledPanel)
        self.undoLayout = QHBoxLayout(self.undoBar)
        self.undoLayout.setObjectName(u"undoLayout")
        self.undoLayout.setContentsMargins(-1, 4, -1, 4)
        self.undoLabel = QLabel(self.undoBar)
        self.undoLabel.setObjectName(u"undoLabel")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(1)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.undoLabel.sizePolicy().hasHeightForWidth())
        self.undoLabel.setSizePolicy(sizePolicy2)
        self.undoLabel.setWordWrap(True)

        self.undoLayout.addWidget(self.undoLabel)

        self.undoButton = QPushButton(self.undoBar)
        self.undoButton.setObjectName(u"undoButton")

        self.undoLayout.addWidget(self.undoButton)


        self.rollCallLayout.addWidget(self.undoBar)

        self.keysLabel = QLabel(self.rollCallTab)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)
        self.keysLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.rollCallLayout.addWidget(self.keysLabel)

        self.tabs.addTab(self.rollCallTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.thresholdBar = QHBoxLayout()
        self.thresholdBar.setObjectName(u"thresholdBar")
        self.thresholdLabel = QLabel(self.historyTab)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.thresholdBar.addWidget(self.thresholdLabel)

        self.thresholdSpin = QSpinBox(self.historyTab)
        self.thresholdSpin.setObjectName(u"thresholdSpin")
        self.thresholdSpin.setKeyboardTracking(False)
        self.thresholdSpin.setMinimum(0)
        self.thresholdSpin.setMaximum(100)
        self.thresholdSpin.setSingleStep(5)
        self.thresholdSpin.setValue(80)

        self.thresholdBar.addWidget(self.thresholdSpin)

        self.thresholdError = QLabel(self.historyTab)
        self.thresholdError.setObjectName(u"thresholdError")
        self.thresholdError.setWordWrap(True)
        self.thresholdError.setStyleSheet(u"color: #9b1c1c;")

        self.thresholdBar.addWidget(self.thresholdError)

        self.thresholdSpacer = QSpacerItem(12, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.thresholdBar.addItem(self.thresholdSpacer)


        self.historyLayout.addLayout(self.thresholdBar)

        self.historySummaryLabel = QLabel(self.historyTab)
        self.historySummaryLabel.setObjectName(u"historySummaryLabel")
        self.historySummaryLabel.setWordWrap(True)

        self.historyLayout.addWidget(self.historySummaryLabel)

        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.historyView.setTabKeyNavigation(False)
        self.historyView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.historyView.setSortingEnabled(True)
        self.historyView.setWordWrap(False)

        self.historyLayout.addWidget(self.historyView)

        self.legendLabel = QLabel(self.historyTab)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setWordWrap(True)
        self.legendLabel.setTextFormat(Qt.RichText)

        self.historyLayout.addWidget(self.legendLabel)

        self.tabs.addTab(self.historyTab, "")

        self.screenLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.sessionLabel.setBuddy(self.sessionCombo)
        self.findLabel.setBuddy(self.findEdit)
        self.thresholdLabel.setBuddy(self.thresholdSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sessionCombo, self.currentSessionButton)
        QWidget.setTabOrder(self.currentSessionButton, self.closeDayButton)
        QWidget.setTabOrder(self.closeDayButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.findEdit)
        QWidget.setTabOrder(self.findEdit, self.markAllButton)
        QWidget.setTabOrder(self.markAllButton, self.rollCallView)
        QWidget.setTabOrder(self.rollCallView, self.presentButton)
        QWidget.setTabOrder(self.presentButton, self.lateButton)
        QWidget.setTabOrder(self.lateButton, self.absentButton)
        QWidget.setTabOrder(self.absentButton, self.excusedButton)
        QWidget.setTabOrder(self.excusedButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.undoButton)
        QWidget.setTabOrder(self.undoButton, self.thresholdSpin)
        QWidget.setTabOrder(self.thresholdSpin, self.historyView)

        self.retranslateUi(AttendanceScreen)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AttendanceScreen)
    # setupUi

    def retranslateUi(self, AttendanceScreen):
        self.sessionLabel.setText(_("Sessi&on:"))
#if QT_CONFIG(accessibility)
        self.sessionCombo.setAccessibleName(_("Session for the roll call"))
#endif // QT_CONFIG(accessibility)
        self.currentSessionButton.setText(_("Session no&w"))
#if QT_CONFIG(tooltip)
        self.currentSessionButton.setToolTip(_("Choose the session running now (or the next one today)"))
#endif // QT_CONFIG(tooltip)
        self.closeDayButton.setText(_("Close the &day"))
#if QT_CONFIG(tooltip)
        self.closeDayButton.setToolTip(_("Save today's roll calls and queue the workshop's bundle for headquarters (when this laptop is enrolled)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.closeDayButton.setAccessibleName(_("Close the day"))
#endif // QT_CONFIG(accessibility)
        self.findLabel.setText(_("Find &name:"))
#if QT_CONFIG(accessibility)
        self.findEdit.setAccessibleName(_("Find name"))
#endif // QT_CONFIG(accessibility)
        self.findEdit.setPlaceholderText(_("Type a few letters, then Enter"))
        self.markAllButton.setText(_("Mark all unmarked present"))
#if QT_CONFIG(tooltip)
        self.markAllButton.setToolTip(_("Marks everyone not yet marked as present; marks already taken stay as they are (Ctrl+Shift+P)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.rollCallView.setAccessibleName(_("Roll call"))
#endif // QT_CONFIG(accessibility)
        self.clearButton.setText(_("Clear mark"))
#if QT_CONFIG(tooltip)
        self.clearButton.setToolTip(_("Back to not marked (Delete)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.countsLabel.setAccessibleName(_("Counts"))
#endif // QT_CONFIG(accessibility)
        self.undoButton.setText(_("&Undo"))
        self.tabs.setTabText(self.tabs.indexOf(self.rollCallTab), _("&Roll call"))
        self.thresholdLabel.setText(_("Certificate &threshold:"))
#if QT_CONFIG(accessibility)
        self.thresholdSpin.setAccessibleName(_("Certificate threshold (percent of sessions)"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.thresholdSpin.setToolTip(_("Share of all planned sessions a participant must attend (present or late) for a certificate"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.historyView.setAccessibleName(_("Attendance history"))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), _("H&istory"))
        pass
    # retranslateUi
