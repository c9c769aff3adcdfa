# Generated from ui/session_runner.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QListView, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter, QTextBrowser, QVBoxLayout, QWidget)

class Ui_SessionRunnerDialog(object):
    def setupUi(self, SessionRunnerDialog):
        if not SessionRunnerDialog.objectName():
            SessionRunnerDialog.setObjectName(u"SessionRunnerDialog")
        SessionRunnerDialog.resize(1200, 760)
        self.mainLayout = QVBoxLayout(SessionRunnerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(SessionRunnerDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.titleLabel)

        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.whenLabel = QLabel(SessionRunnerDialog)
        self.whenLabel.setObjectName(u"whenLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.whenLabel.sizePolicy().hasHeightForWidth())
        self.whenLabel.setSizePolicy(sizePolicy)
        self.whenLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.whenLabel)

        self.contentLanguageLabel = QLabel(SessionRunnerDialog)
        self.contentLanguageLabel.setObjectName(u"contentLanguageLabel")

        self.headerLayout.addWidget(self.contentLanguageLabel)

        self.contentLanguageCombo = QComboBox(SessionRunnerDialog)
        self.contentLanguageCombo.setObjectName(u"contentLanguageCombo")
        self.contentLanguageCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.headerLayout.addWidget(self.contentLanguageCombo)

        self.guideButton = QPushButton(SessionRunnerDialog)
        self.guideButton.setObjectName(u"guideButton")
        self.guideButton.setCheckable(True)
        self.guideButton.setChecked(True)
        self.guideButton.setAutoDefault(False)

        self.headerLayout.addWidget(self.guideButton)

        self.fullScreenButton = QPushButton(SessionRunnerDialog)
        self.fullScreenButton.setObjectName(u"fullScreenButton")
        self.fullScreenButton.setCheckable(True)
        self.fullScreenButton.setAutoDefault(False)

        self.headerLayout.addWidget(self.fullScreenButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.splitter = QSplitter(SessionRunnerDialog)
        self.splitter.setObjectName(u"splitter")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.splitter.sizePolicy().hasHeightForWidth())
        self.splitter.setSizePolicy(sizePolicy1)
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.stage = QFrame(self.splitter)
        self.stage.setObjectName(u"stage")
        self.stage.setFrameShape(QFrame.StyledPanel)
        self.stageLayout = QVBoxLayout(self.stage)
        self.stageLayout.setObjectName(u"stageLayout")
        self.stepHeadingLabel = QLabel(self.stage)
        self.stepHeadingLabel.setObjectName(u"stepHeadingLabel")
        self.stepHeadingLabel.setWordWrap(True)

        self.stageLayout.addWidget(self.stepHeadingLabel)

        self.stepTextLabel = QLabel(self.stage)
        self.stepTextLabel.setObjectName(u"stepTextLabel")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.stepTextLabel.sizePolicy().hasHeightForWidth())
        self.stepTextLabel.setSizePolicy(sizePolicy2)
        self.stepTextLabel.setWordWrap(True)
        self.stepTextLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.stageLayout.addWidget(self.stepTextLabel)

        self.countdownLabel = QLabel(self.stage)
        self.countdownLabel.setObjectName(u"countdownLabel")
        sizePolicy3 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        sizePolicy3.setHorizontalStretch(0)
        sizePolicy3.setVerticalStretch(1)
        sizePolicy3.setHeightForWidth(self.countdownLabel.sizePolicy().hasHeightForWidth())
        self.countdownLabel.setSizePolicy(sizePolicy3)
        self.countdownLabel.setMinimumSize(QSize(200, 110))
        self.countdownLabel.setText(u"00:00")
        self.countdownLabel.setAlignment(Qt.AlignCenter)

        self.stageLayout.addWidget(self.countdownLabel)

        self.controlsLayout = QHBoxLayout()
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.previousButton = QPushButton(self.stage)
        self.previousButton.setObjectName(u"previousButton")
        self.previousButton.setAutoDefault(False)

        self.controlsLayout.addWidget(self.previousButton)

        self.startButton = QPushButton(self.stage)
        self.startButton.setObjectName(u"startButton")
        self.startButton.setAutoDefault(False)

        self.controlsLayout.addWidget(self.startButton)

        self.resetButton = QPushButton(self.stage)
        self.resetButton.setObjectName(u"resetButton")
        self.resetButton.setAutoDefault(False)

        self.controlsLayout.addWidget(self.resetButton)

        self.addMinuteButton = QPushButton(self.stage)
        self.addMinuteButton.setObjectName(u"addMinuteButton")
        self.addMinuteButton.setAutoDefault(False)

        self.controlsLayout.addWidget(self.addMinuteButton)

        self.nextButton = QPushButton(self.stage)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setAutoDefault(False)

        self.controlsLayout.addWidget(self.nextButton)


        self.stageLayout.addLayout(self.controlsLayout)

        self.splitter.addWidget(self.stage)
        self.sidePanel = QWidget(self.splitter)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.stepsLabel = QLabel(self.sidePanel)
        self.stepsLabel.setObjectName(u"stepsLabel")

        self.sideLayout.addWidget(self.stepsLabel)

        self.stepsList = QListWidget(self.sidePanel)
        self.stepsList.setObjectName(u"stepsList")
        sizePolicy4 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy4.setHorizontalStretch(0)
        sizePolicy4.setVerticalStretch(3)
        sizePolicy4.setHeightForWidth(self.stepsList.sizePolicy().hasHeightForWidth())
        self.stepsList.setSizePolicy(sizePolicy4)
        self.stepsList.setWordWrap(True)
        self.stepsList.setResizeMode(QListView.Adjust)
        self.stepsList.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

        self.sideLayout.addWidget(self.stepsList)

        self.guideLabel = QLabel(self.sidePanel)
        self.guideLabel.setObjectName(u"guideLabel")

        self.sideLayout.addWidget(self.guideLabel)

        self.guideBrowser = QTextBrowser(self.sidePanel)
        self.guideBrowser.setObjectName(u"guideBrowser")
        sizePolicy4.setHeightForWidth(self.guideBrowser.sizePolicy().hasHeightForWidth())
        self.guideBrowser.setSizePolicy(sizePolicy4)
        self.guideBrowser.setOpenLinks(False)

        self.sideLayout.addWidget(self.guideBrowser)

        self.notesHeaderLayout = QHBoxLayout()
        self.notesHeaderLayout.setObjectName(u"notesHeaderLayout")
        self.notesLabel = QLabel(self.sidePanel)
        self.notesLabel.setObjectName(u"notesLabel")
        sizePolicy.setHeightForWidth(self.notesLabel.sizePolicy().hasHeightForWidth())
        self.notesLabel.setSizePolicy(sizePolicy)
        self.notesLabel.setWordWrap(True)

        self.notesHeaderLayout.addWidget(self.notesLabel)

        self.savedLabel = QLabel(self.sidePanel)
        self.savedLabel.setObjectName(u"savedLabel")

        self.notesHeaderLayout.addWidget(self.savedLabel)


        self.sideLayout.addLayout(self.notesHeaderLayout)

        self.notesEdit = QPlainTextEdit(self.sidePanel)
        self.notesEdit.setObjectName(u"notesEdit")
        sizePolicy5 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy5.setHorizontalStretch(0)
        sizePolicy5.setVerticalStretch(2)
        sizePolicy5.setHeightForWidth(self.notesEdit.sizePolicy().hasHeightForWidth())
        self.notesEdit.setSizePolicy(sizePolicy5)
        self.notesEdit.setTabChangesFocus(True)

        self.sideLayout.addWidget(self.notesEdit)

        self.splitter.addWidget(self.sidePanel)

        self.mainLayout.addWidget(self.splitter)

        self.keysLabel = QLabel(SessionRunnerDialog)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.keysLabel)

#if QT_CONFIG(shortcut)
        self.contentLanguageLabel.setBuddy(self.contentLanguageCombo)
        self.stepsLabel.setBuddy(self.stepsList)
        self.guideLabel.setBuddy(self.guideBrowser)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.previousButton, self.startButton)
        QWidget.setTabOrder(self.startButton, self.resetButton)
        QWidget.setTabOrder(self.resetButton, self.addMinuteButton)
        QWidget.setTabOrder(self.addMinuteButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.stepsList)
        QWidget.setTabOrder(self.stepsList, self.guideBrowser)
        QWidget.setTabOrder(self.guideBrowser, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.contentLanguageCombo)
        QWidget.setTabOrder(self.contentLanguageCombo, self.guideButton)
        QWidget.setTabOrder(self.guideButton, self.fullScreenButton)

        self.retranslateUi(SessionRunnerDialog)

        QMetaObject.connectSlotsByName(SessionRunnerDialog)
    # setupUi

    def retranslateUi(self, SessionRunnerDialog):
        SessionRunnerDialog.setWindowTitle(_("Run session"))
        self.contentLanguageLabel.setText(_("Content &language:"))
#if QT_CONFIG(accessibility)
        self.contentLanguageCombo.setAccessibleName(_("Content language"))
#endif // QT_CONFIG(accessibility)
        self.guideButton.setText(_("&Guide and notes"))
#if QT_CONFIG(accessibility)
        self.guideButton.setAccessibleName(_("Show or hide the guide and notes"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.guideButton.setToolTip(_("Hide the guide and your notes before showing the screen to participants (G)"))
#endif // QT_CONFIG(tooltip)
        self.fullScreenButton.setText(_("F&ull screen"))
#if QT_CONFIG(accessibility)
        self.fullScreenButton.setAccessibleName(_("Full screen"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fullScreenButton.setToolTip(_("Full screen for the projector (F11)"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.countdownLabel.setAccessibleName(_("Time left in this step"))
#endif // QT_CONFIG(accessibility)
        self.previousButton.setText(_("&Previous"))
#if QT_CONFIG(accessibility)
        self.previousButton.setAccessibleName(_("Previous step"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(_("Previous step (P or Left arrow)"))
#endif // QT_CONFIG(tooltip)
        self.startButton.setText(_("&Start"))
#if QT_CONFIG(accessibility)
        self.startButton.setAccessibleName(_("Start or pause the countdown"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.startButton.setToolTip(_("Start or pause (Space)"))
#endif // QT_CONFIG(tooltip)
        self.resetButton.setText(_("&Reset"))
#if QT_CONFIG(accessibility)
        self.resetButton.setAccessibleName(_("Reset this step's countdown"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.resetButton.setToolTip(_("Start this step's time again (R)"))
#endif // QT_CONFIG(tooltip)
        self.addMinuteButton.setText(_("+1 min"))
#if QT_CONFIG(accessibility)
        self.addMinuteButton.setAccessibleName(_("Add one minute"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addMinuteButton.setToolTip(_("Give this step one more minute (+)"))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(_("&Next"))
#if QT_CONFIG(accessibility)
        self.nextButton.setAccessibleName(_("Next step"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(_("Next step (N or Right arrow)"))
#endif // QT_CONFIG(tooltip)
        self.stepsLabel.setText(_("S&teps"))
#if QT_CONFIG(accessibility)
        self.stepsList.setAccessibleName(_("Steps of the exercise"))
#endif // QT_CONFIG(accessibility)
        self.guideLabel.setText(_("Ob&jectives and materials"))
#if QT_CONFIG(accessibility)
        self.guideBrowser.setAccessibleName(_("Objectives, materials and guidance"))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(_("Your n&otes (saved as you type)"))
#if QT_CONFIG(accessibility)
        self.savedLabel.setAccessibleName(_("Notes saving status"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(_("Facilitator notes for this session"))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(_("What happened, what to change next time, follow-ups\u2026"))
        self.keysLabel.setText(_("Keys: Space start or pause \u00b7 N or Right next step \u00b7 P or Left previous step \u00b7 R reset \u00b7 + one more minute \u00b7 G guide and notes \u00b7 F11 full screen \u00b7 Esc close"))
    # retranslateUi
