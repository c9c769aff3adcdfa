# Generated from ui/kiosk.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_KioskWindow(object):
    def setupUi(self, KioskWindow):
        if not KioskWindow.objectName():
            KioskWindow.setObjectName(u"KioskWindow")
        KioskWindow.resize(1024, 768)
        self.windowLayout = QVBoxLayout(KioskWindow)
        self.windowLayout.setSpacing(10)
        self.windowLayout.setObjectName(u"windowLayout")
        self.windowLayout.setContentsMargins(28, 14, 28, 18)
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.workshopLabel = QLabel(KioskWindow)
        self.workshopLabel.setObjectName(u"workshopLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.workshopLabel.sizePolicy().hasHeightForWidth())
        self.workshopLabel.setSizePolicy(sizePolicy)
        self.workshopLabel.setWordWrap(True)

        self.topBar.addWidget(self.workshopLabel)

        self.startOverButton = QPushButton(KioskWindow)
        self.startOverButton.setObjectName(u"startOverButton")
        self.startOverButton.setFocusPolicy(Qt.TabFocus)

        self.topBar.addWidget(self.startOverButton)


        self.windowLayout.addLayout(self.topBar)

        self.noticeFrame = QFrame(KioskWindow)
        self.noticeFrame.setObjectName(u"noticeFrame")
        self.noticeFrame.setFrameShape(QFrame.StyledPanel)
        self.noticeLayout = QHBoxLayout(self.noticeFrame)
        self.noticeLayout.setSpacing(16)
        self.noticeLayout.setObjectName(u"noticeLayout")
        self.noticeLabel = QLabel(self.noticeFrame)
        self.noticeLabel.setObjectName(u"noticeLabel")
        sizePolicy.setHeightForWidth(self.noticeLabel.sizePolicy().hasHeightForWidth())
        self.noticeLabel.setSizePolicy(sizePolicy)
        self.noticeLabel.setWordWrap(True)

        self.noticeLayout.addWidget(self.noticeLabel)

        self.noticeYesButton = QPushButton(self.noticeFrame)
        self.noticeYesButton.setObjectName(u"noticeYesButton")

        self.noticeLayout.addWidget(self.noticeYesButton)

        self.noticeNoButton = QPushButton(self.noticeFrame)
        self.noticeNoButton.setObjectName(u"noticeNoButton")

        self.noticeLayout.addWidget(self.noticeNoButton)


        self.windowLayout.addWidget(self.noticeFrame)

        self.stack = QStackedWidget(KioskWindow)
        self.stack.setObjectName(u"stack")
        self.languagePage = QWidget()
        self.languagePage.setObjectName(u"languagePage")
        self.languageLayout = QVBoxLayout(self.languagePage)
        self.languageLayout.setSpacing(18)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageTopSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.languageLayout.addItem(self.languageTopSpacer)

        self.welcomeLabel = QLabel(self.languagePage)
        self.welcomeLabel.setObjectName(u"welcomeLabel")
        self.welcomeLabel.setAlignment(Qt.AlignCenter)
        self.welcomeLabel.setWordWrap(True)

        self.languageLayout.addWidget(self.welcomeLabel)

        self.languageGrid = QGridLayout()
        self.languageGrid.setObjectName(u"languageGrid")
        self.languageGrid.setHorizontalSpacing(24)
        self.languageGrid.setVerticalSpacing(24)
        self.englishButton = QPushButton(self.languagePage)
        self.englishButton.setObjectName(u"englishButton")
        self.englishButton.setText(u"English")
#if QT_CONFIG(accessibility)
        self.englishButton.setAccessibleName(u"English")
#endif // QT_CONFIG(accessibility)

        self.languageGrid.addWidget(self.englishButton, 0, 0, 1, 1)

        self.spanishButton = QPushButton(self.languagePage)
        self.spanishButton.setObjectName(u"spanishButton")
        self.spanishButton.setText(u"Espa\u00f1ol")
#if QT_CONFIG(accessibility)
        self.spanishButton.setAccessibleName(u"Espa\u00f1ol")
#endif // QT_CONFIG(accessibility)

        self.languageGrid.addWidget(self.spanishButton, 0, 1, 1, 1)

        self.frenchButton = QPushButton(self.languagePage)
        self.frenchButton.setObjectName(u"frenchButton")
        self.frenchButton.setText(u"Fran\u00e7ais")
#if QT_CONFIG(accessibility)
        self.frenchButton.setAccessibleName(u"Fran\u00e7ais")
#endif // QT_CONFIG(accessibility)

        self.languageGrid.addWidget(self.frenchButton, 1, 0, 1, 1)

        self.russianButton = QPushButton(self.languagePage)
        self.russianButton.setObjectName(u"russianButton")
        self.russianButton.setText(u"\u0420\u0443\u0441\u0441\u043a\u0438\u0439")
#if QT_CONFIG(accessibility)
        self.russianButton.setAccessibleName(u"\u0420\u0443\u0441\u0441\u043a\u0438\u0439")
#endif // QT_CONFIG(accessibility)

        self.languageGrid.addWidget(self.russianButton, 1, 1, 1, 1)


        self.languageLayout.addLayout(self.languageGrid)

        self.languageBottomSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.languageLayout.addItem(self.languageBottomSpacer)

        self.stack.addWidget(self.languagePage)
        self.formPage = QWidget()
        self.formPage.setObjectName(u"formPage")
        self.formLayout = QVBoxLayout(self.formPage)
        self.formLayout.setObjectName(u"formLayout")
        self.formHeading = QLabel(self.formPage)
        self.formHeading.setObjectName(u"formHeading")
        self.formHeading.setWordWrap(True)

        self.formLayout.addWidget(self.formHeading)

        self.formHint = QLabel(self.formPage)
        self.formHint.setObjectName(u"formHint")
        self.formHint.setWordWrap(True)

        self.formLayout.addWidget(self.formHint)

        self.formScroll = QScrollArea(self.formPage)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFrameShape(QFrame.NoFrame)
        self.formScroll.setWidgetResizable(True)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.formButtons = QWidget()
        self.formButtons.setObjectName(u"formButtons")
        self.formButtons.setAutoFillBackground(False)
        self.formGrid = QGridLayout(self.formButtons)
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setHorizontalSpacing(16)
        self.formGrid.setVerticalSpacing(14)
        self.formScroll.setWidget(self.formButtons)

        self.formLayout.addWidget(self.formScroll)

        self.noFormsLabel = QLabel(self.formPage)
        self.noFormsLabel.setObjectName(u"noFormsLabel")
        self.noFormsLabel.setWordWrap(True)

        self.formLayout.addWidget(self.noFormsLabel)

        self.stack.addWidget(self.formPage)
        self.phasePage = QWidget()
        self.phasePage.setObjectName(u"phasePage")
        self.phaseLayout = QVBoxLayout(self.phasePage)
        self.phaseLayout.setSpacing(18)
        self.phaseLayout.setObjectName(u"phaseLayout")
        self.phaseHeading = QLabel(self.phasePage)
        self.phaseHeading.setObjectName(u"phaseHeading")
        self.phaseHeading.setWordWrap(True)

        self.phaseLayout.addWidget(self.phaseHeading)

        self.phaseHint = QLabel(self.phasePage)
        self.phaseHint.setObjectName(u"phaseHint")
        self.phaseHint.setWordWrap(True)

        self.phaseLayout.addWidget(self.phaseHint)

        self.preButton = QPushButton(self.phasePage)
        self.preButton.setObjectName(u"preButton")

        self.phaseLayout.addWidget(self.preButton)

        self.postButton = QPushButton(self.phasePage)
        self.postButton.setObjectName(u"postButton")

        self.phaseLayout.addWidget(self.postButton)

        self.phaseSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.phaseLayout.addItem(self.phaseSpacer)

        self.stack.addWidget(self.phasePage)
        self.sessionPage = QWidget()
        self.sessionPage.setObjectName(u"sessionPage")
        self.sessionLayout = QVBoxLayout(self.sessionPage)
        self.sessionLayout.setObjectName(u"sessionLayout")
        self.sessionHeading = QLabel(self.sessionPage)
        self.sessionHeading.setObjectName(u"sessionHeading")
        self.sessionHeading.setWordWrap(True)

        self.sessionLayout.addWidget(self.sessionHeading)

        self.sessionList = QListWidget(self.sessionPage)
        self.sessionList.setObjectName(u"sessionList")
        self.sessionList.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.sessionList.setWordWrap(True)
        self.sessionList.setUniformItemSizes(False)

        self.sessionLayout.addWidget(self.sessionList)

        self.stack.addWidget(self.sessionPage)
        self.identifyPage = QWidget()
        self.identifyPage.setObjectName(u"identifyPage")
        self.identifyLayout = QVBoxLayout(self.identifyPage)
        self.identifyLayout.setObjectName(u"identifyLayout")
        self.identifyHeading = QLabel(self.identifyPage)
        self.identifyHeading.setObjectName(u"identifyHeading")
        self.identifyHeading.setWordWrap(True)

        self.identifyLayout.addWidget(self.identifyHeading)

        self.identifyHint = QLabel(self.identifyPage)
        self.identifyHint.setObjectName(u"identifyHint")
        self.identifyHint.setWordWrap(True)

        self.identifyLayout.addWidget(self.identifyHint)

        self.searchBar = QHBoxLayout()
        self.searchBar.setObjectName(u"searchBar")
        self.searchLabel = QLabel(self.identifyPage)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchBar.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(self.identifyPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setContextMenuPolicy(Qt.NoContextMenu)

        self.searchBar.addWidget(self.searchEdit)


        self.identifyLayout.addLayout(self.searchBar)

        self.nameList = QListWidget(self.identifyPage)
        self.nameList.setObjectName(u"nameList")
        self.nameList.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.nameList.setWordWrap(True)

        self.identifyLayout.addWidget(self.nameList)

        self.noNameLabel = QLabel(self.identifyPage)
        self.noNameLabel.setObjectName(u"noNameLabel")
        self.noNameLabel.setWordWrap(True)

        self.identifyLayout.addWidget(self.noNameLabel)

        self.anonymousButton = QPushButton(self.identifyPage)
        self.anonymousButton.setObjectName(u"anonymousButton")

        self.identifyLayout.addWidget(self.anonymousButton)

        self.stack.addWidget(self.identifyPage)
        self.codePage = QWidget()
        self.codePage.setObjectName(u"codePage")
        self.codeLayout = QVBoxLayout(self.codePage)
        self.codeLayout.setObjectName(u"codeLayout")
        self.codeHeading = QLabel(self.codePage)
        self.codeHeading.setObjectName(u"codeHeading")
        self.codeHeading.setWordWrap(True)

        self.codeLayout.addWidget(self.codeHeading)

        self.codeHint = QLabel(self.codePage)
        self.codeHint.setObjectName(u"codeHint")
        self.codeHint.setWordWrap(True)

        self.codeLayout.addWidget(self.codeHint)

        self.codeForm = QGridLayout()
        self.codeForm.setObjectName(u"codeForm")
        self.codeForm.setHorizontalSpacing(18)
        self.codeForm.setVerticalSpacing(12)
        self.motherLabel = QLabel(self.codePage)
        self.motherLabel.setObjectName(u"motherLabel")
        self.motherLabel.setWordWrap(True)

        self.codeForm.addWidget(self.motherLabel, 0, 0, 1, 1)

        self.motherEdit = QLineEdit(self.codePage)
        self.motherEdit.setObjectName(u"motherEdit")
        self.motherEdit.setMaxLength(2)
        self.motherEdit.setContextMenuPolicy(Qt.NoContextMenu)

        self.codeForm.addWidget(self.motherEdit, 0, 1, 1, 1)

        self.monthLabel = QLabel(self.codePage)
        self.monthLabel.setObjectName(u"monthLabel")
        self.monthLabel.setWordWrap(True)

        self.codeForm.addWidget(self.monthLabel, 1, 0, 1, 1)

        self.monthCombo = QComboBox(self.codePage)
        self.monthCombo.setObjectName(u"monthCombo")
        self.monthCombo.setMaxVisibleItems(12)

        self.codeForm.addWidget(self.monthCombo, 1, 1, 1, 1)

        self.townLabel = QLabel(self.codePage)
        self.townLabel.setObjectName(u"townLabel")
        self.townLabel.setWordWrap(True)

        self.codeForm.addWidget(self.townLabel, 2, 0, 1, 1)

        self.townEdit = QLineEdit(self.codePage)
        self.townEdit.setObjectName(u"townEdit")
        self.townEdit.setMaxLength(1)
        self.townEdit.setContextMenuPolicy(Qt.NoContextMenu)

        self.codeForm.addWidget(self.townEdit, 2, 1, 1, 1)

        self.yearLabel = QLabel(self.codePage)
        self.yearLabel.setObjectName(u"yearLabel")
        self.yearLabel.setWordWrap(True)

        self.codeForm.addWidget(self.yearLabel, 3, 0, 1, 1)

        self.yearCombo = QComboBox(self.codePage)
        self.yearCombo.setObjectName(u"yearCombo")
        self.yearCombo.setMaxVisibleItems(10)

        self.codeForm.addWidget(self.yearCombo, 3, 1, 1, 1)

        self.codeForm.setColumnStretch(0, 3)
        self.codeForm.setColumnStretch(1, 2)

        self.codeLayout.addLayout(self.codeForm)

        self.codePreview = QLabel(self.codePage)
        self.codePreview.setObjectName(u"codePreview")
        self.codePreview.setWordWrap(True)

        self.codeLayout.addWidget(self.codePreview)

        self.completedLayout = QVBoxLayout()
        self.completedLayout.setObjectName(u"completedLayout")

        self.codeLayout.addLayout(self.completedLayout)

        self.codeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.codeLayout.addItem(self.codeSpacer)

        self.stack.addWidget(self.codePage)
        self.questionPage = QWidget()
        self.questionPage.setObjectName(u"questionPage")
        self.questionLayout = QVBoxLayout(self.questionPage)
        self.questionLayout.setSpacing(10)
        self.questionLayout.setObjectName(u"questionLayout")
        self.progressBar = QHBoxLayout()
        self.progressBar.setObjectName(u"progressBar")
        self.formTitleLabel = QLabel(self.questionPage)
        self.formTitleLabel.setObjectName(u"formTitleLabel")
        sizePolicy.setHeightForWidth(self.formTitleLabel.sizePolicy().hasHeightForWidth())
        self.formTitleLabel.setSizePolicy(sizePolicy)
        self.formTitleLabel.setWordWrap(True)

        self.progressBar.addWidget(self.formTitleLabel)

        self.progressLabel = QLabel(self.questionPage)
        self.progressLabel.setObjectName(u"progressLabel")

        self.progressBar.addWidget(self.progressLabel)


        self.questionLayout.addLayout(self.progressBar)

        self.progress = QProgressBar(self.questionPage)
        self.progress.setObjectName(u"progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)

        self.questionLayout.addWidget(self.progress)

        self.introLabel = QLabel(self.questionPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.questionLayout.addWidget(self.introLabel)

        self.questionLabel = QLabel(self.questionPage)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)

        self.questionLayout.addWidget(self.questionLabel)

        self.requiredHint = QLabel(self.questionPage)
        self.requiredHint.setObjectName(u"requiredHint")
        self.requiredHint.setWordWrap(True)

        self.questionLayout.addWidget(self.requiredHint)

        self.answerScroll = QScrollArea(self.questionPage)
        self.answerScroll.setObjectName(u"answerScroll")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.answerScroll.sizePolicy().hasHeightForWidth())
        self.answerScroll.setSizePolicy(sizePolicy1)
        self.answerScroll.setFrameShape(QFrame.NoFrame)
        self.answerScroll.setWidgetResizable(True)
        self.answerScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.answerArea = QWidget()
        self.answerArea.setObjectName(u"answerArea")
        self.answerLayout = QVBoxLayout(self.answerArea)
        self.answerLayout.setObjectName(u"answerLayout")
        self.answerLayout.setContentsMargins(0, 0, 4, 0)
        self.answerScroll.setWidget(self.answerArea)

        self.questionLayout.addWidget(self.answerScroll)

        self.stack.addWidget(self.questionPage)
        self.thanksPage = QWidget()
        self.thanksPage.setObjectName(u"thanksPage")
        self.thanksLayout = QVBoxLayout(self.thanksPage)
        self.thanksLayout.setSpacing(24)
        self.thanksLayout.setObjectName(u"thanksLayout")
        self.thanksTopSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.thanksLayout.addItem(self.thanksTopSpacer)

        self.thanksHeading = QLabel(self.thanksPage)
        self.thanksHeading.setObjectName(u"thanksHeading")
        self.thanksHeading.setAlignment(Qt.AlignCenter)
        self.thanksHeading.setWordWrap(True)

        self.thanksLayout.addWidget(self.thanksHeading)

        self.thanksText = QLabel(self.thanksPage)
        self.thanksText.setObjectName(u"thanksText")
        self.thanksText.setAlignment(Qt.AlignCenter)
        self.thanksText.setWordWrap(True)

        self.thanksLayout.addWidget(self.thanksText)

        self.thanksNext = QLabel(self.thanksPage)
        self.thanksNext.setObjectName(u"thanksNext")
        self.thanksNext.setAlignment(Qt.AlignCenter)
        self.thanksNext.setWordWrap(True)

        self.thanksLayout.addWidget(self.thanksNext)

        self.thanksButtonRow = QHBoxLayout()
        self.thanksButtonRow.setObjectName(u"thanksButtonRow")
        self.thanksLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.thanksButtonRow.addItem(self.thanksLeftSpacer)

        self.nextPersonButton = QPushButton(self.thanksPage)
        self.nextPersonButton.setObjectName(u"nextPersonButton")

        self.thanksButtonRow.addWidget(self.nextPersonButton)

        self.thanksRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.thanksButtonRow.addItem(self.thanksRightSpacer)


        self.thanksLayout.addLayout(self.thanksButtonRow)

        self.thanksBottomSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.thanksLayout.addItem(self.thanksBottomSpacer)

        self.stack.addWidget(self.thanksPage)
        self.pinPage = QWidget()
        self.pinPage.setObjectName(u"pinPage")
        self.pinLayout = QVBoxLayout(self.pinPage)
        self.pinLayout.setSpacing(16)
        self.pinLayout.setObjectName(u"pinLayout")
        self.pinTopSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pinLayout.addItem(self.pinTopSpacer)

        self.pinHeading = QLabel(self.pinPage)
        self.pinHeading.setObjectName(u"pinHeading")
        self.pinHeading.setAlignment(Qt.AlignCenter)
        self.pinHeading.setWordWrap(True)

        self.pinLayout.addWidget(self.pinHeading)

        self.pinHint = QLabel(self.pinPage)
        self.pinHint.setObjectName(u"pinHint")
        self.pinHint.setAlignment(Qt.AlignCenter)
        self.pinHint.setWordWrap(True)

        self.pinLayout.addWidget(self.pinHint)

        self.pinRow = QHBoxLayout()
        self.pinRow.setObjectName(u"pinRow")
        self.pinLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pinRow.addItem(self.pinLeftSpacer)

        self.pinLabel = QLabel(self.pinPage)
        self.pinLabel.setObjectName(u"pinLabel")

        self.pinRow.addWidget(self.pinLabel)

        self.pinEdit = QLineEdit(self.pinPage)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setContextMenuPolicy(Qt.NoContextMenu)

        self.pinRow.addWidget(self.pinEdit)

        self.pinRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pinRow.addItem(self.pinRightSpacer)


        self.pinLayout.addLayout(self.pinRow)

        self.pinError = QLabel(self.pinPage)
        self.pinError.setObjectName(u"pinError")
        self.pinError.setAlignment(Qt.AlignCenter)
        self.pinError.setWordWrap(True)

        self.pinLayout.addWidget(self.pinError)

        self.pinButtons = QHBoxLayout()
        self.pinButtons.setObjectName(u"pinButtons")
        self.pinButtonsLeft = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pinButtons.addItem(self.pinButtonsLeft)

        self.pinCancelButton = QPushButton(self.pinPage)
        self.pinCancelButton.setObjectName(u"pinCancelButton")

        self.pinButtons.addWidget(self.pinCancelButton)

        self.unlockButton = QPushButton(self.pinPage)
        self.unlockButton.setObjectName(u"unlockButton")

        self.pinButtons.addWidget(self.unlockButton)

        self.pinButtonsRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pinButtons.addItem(self.pinButtonsRight)


        self.pinLayout.addLayout(self.pinButtons)

        self.pinBottomSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pinLayout.addItem(self.pinBottomSpacer)

        self.stack.addWidget(self.pinPage)

        self.windowLayout.addWidget(self.stack)

        self.errorLabel = QLabel(KioskWindow)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.windowLayout.addWidget(self.errorLabel)

        self.navBar = QHBoxLayout()
        self.navBar.setSpacing(16)
        self.navBar.setObjectName(u"navBar")
        self.backButton = QPushButton(KioskWindow)
        self.backButton.setObjectName(u"backButton")

        self.navBar.addWidget(self.backButton)

        self.navSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navBar.addItem(self.navSpacer)

        self.nextButton = QPushButton(KioskWindow)
        self.nextButton.setObjectName(u"nextButton")

        self.navBar.addWidget(self.nextButton)


        self.windowLayout.addLayout(self.navBar)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.motherLabel.setBuddy(self.motherEdit)
        self.monthLabel.setBuddy(self.monthCombo)
        self.townLabel.setBuddy(self.townEdit)
        self.yearLabel.setBuddy(self.yearCombo)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.englishButton, self.spanishButton)
        QWidget.setTabOrder(self.spanishButton, self.frenchButton)
        QWidget.setTabOrder(self.frenchButton, self.russianButton)
        QWidget.setTabOrder(self.russianButton, self.formScroll)
        QWidget.setTabOrder(self.formScroll, self.preButton)
        QWidget.setTabOrder(self.preButton, self.postButton)
        QWidget.setTabOrder(self.postButton, self.sessionList)
        QWidget.setTabOrder(self.sessionList, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.nameList)
        QWidget.setTabOrder(self.nameList, self.anonymousButton)
        QWidget.setTabOrder(self.anonymousButton, self.motherEdit)
        QWidget.setTabOrder(self.motherEdit, self.monthCombo)
        QWidget.setTabOrder(self.monthCombo, self.townEdit)
        QWidget.setTabOrder(self.townEdit, self.yearCombo)
        QWidget.setTabOrder(self.yearCombo, self.answerScroll)
        QWidget.setTabOrder(self.answerScroll, self.nextPersonButton)
        QWidget.setTabOrder(self.nextPersonButton, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.pinCancelButton)
        QWidget.setTabOrder(self.pinCancelButton, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.noticeYesButton)
        QWidget.setTabOrder(self.noticeYesButton, self.noticeNoButton)
        QWidget.setTabOrder(self.noticeNoButton, self.startOverButton)

        self.retranslateUi(KioskWindow)

        self.stack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(KioskWindow)
    # setupUi

    def retranslateUi(self, KioskWindow):
        KioskWindow.setWindowTitle(_("CCEMA Desktop: participant kiosk"))
#if QT_CONFIG(accessibility)
        self.workshopLabel.setAccessibleName(_("Workshop"))
#endif // QT_CONFIG(accessibility)
        self.startOverButton.setText(_("Start over"))
#if QT_CONFIG(tooltip)
        self.startOverButton.setToolTip(_("Clear your answers and go back to the first page"))
#endif // QT_CONFIG(tooltip)
        self.formHeading.setText(_("Which form are you filling in?"))
        self.formHint.setText(_("Your facilitator tells you which one. Tap it to begin."))
        self.noFormsLabel.setText(_("No form is open for this workshop. Please tell the facilitator."))
        self.phaseHeading.setText(_("Are you taking this test before or after the module?"))
        self.phaseHint.setText(_("Each module has a short test at its start and another at its end. If you are not sure, ask the facilitator."))
        self.preButton.setText(_("Before the module (my first test)"))
        self.postButton.setText(_("After the module (my second test)"))
        self.sessionHeading.setText(_("Which session is your feedback about?"))
#if QT_CONFIG(accessibility)
        self.sessionList.setAccessibleName(_("Sessions"))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(_("Find your &name:"))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(_("Find your name"))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(_("Type a few letters of your name"))
#if QT_CONFIG(accessibility)
        self.nameList.setAccessibleName(_("Names of the participants"))
#endif // QT_CONFIG(accessibility)
        self.codeHeading.setText(_("Make your personal code"))
#if QT_CONFIG(accessibility)
        self.codePreview.setAccessibleName(_("Your code"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progressLabel.setAccessibleName(_("Progress"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.questionLabel.setAccessibleName(_("Question"))
#endif // QT_CONFIG(accessibility)
        self.thanksHeading.setText(_("Thank you!"))
        self.thanksText.setText(_("Your answers have been saved. Nobody at this screen can see them."))
        self.nextPersonButton.setText(_("Next person"))
        self.pinHeading.setText(_("Facilitator: leave kiosk mode"))
        self.pinHint.setText(_("Enter the kiosk PIN to go back to the facilitator's screens. Participants: tap Cancel to go back to your form."))
        self.pinLabel.setText(_("&PIN:"))
#if QT_CONFIG(accessibility)
        self.pinEdit.setAccessibleName(_("Kiosk PIN"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pinError.setAccessibleName(_("Problem with the PIN"))
#endif // QT_CONFIG(accessibility)
        self.pinCancelButton.setText(_("Cancel"))
        self.unlockButton.setText(_("Leave kiosk mode"))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(_("Message"))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(_("Back"))
        self.nextButton.setText(_("Next"))
    # retranslateUi
