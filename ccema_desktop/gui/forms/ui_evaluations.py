# Generated from ui/evaluations.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableWidget, QTreeWidget, QVBoxLayout, QWidget)

class Ui_EvaluationsScreen(object):
    def setupUi(self, EvaluationsScreen):
        if not EvaluationsScreen.objectName():
            EvaluationsScreen.setObjectName(u"EvaluationsScreen")
        EvaluationsScreen.resize(900, 620)
        self.screenLayout = QVBoxLayout(EvaluationsScreen)
        self.screenLayout.setObjectName(u"screenLayout")
        self.screenLayout.setContentsMargins(0, 0, 0, 0)
        self.emptyLabel = QLabel(EvaluationsScreen)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setMargin(12)

        self.screenLayout.addWidget(self.emptyLabel)

        self.tabs = QTabWidget(EvaluationsScreen)
        self.tabs.setObjectName(u"tabs")
        self.formsTab = QWidget()
        self.formsTab.setObjectName(u"formsTab")
        self.formsTabLayout = QHBoxLayout(self.formsTab)
        self.formsTabLayout.setObjectName(u"formsTabLayout")
        self.formsColumn = QVBoxLayout()
        self.formsColumn.setObjectName(u"formsColumn")
        self.formsIntro = QLabel(self.formsTab)
        self.formsIntro.setObjectName(u"formsIntro")
        self.formsIntro.setWordWrap(True)

        self.formsColumn.addWidget(self.formsIntro)

        self.formsTree = QTreeWidget(self.formsTab)
        self.formsTree.setObjectName(u"formsTree")
        self.formsTree.setHeaderHidden(False)
        self.formsTree.setRootIsDecorated(True)
        self.formsTree.setUniformRowHeights(False)
        self.formsTree.setWordWrap(True)

        self.formsColumn.addWidget(self.formsTree)

        self.formsError = QLabel(self.formsTab)
        self.formsError.setObjectName(u"formsError")
        self.formsError.setWordWrap(True)

        self.formsColumn.addWidget(self.formsError)

        self.questionButtons = QHBoxLayout()
        self.questionButtons.setObjectName(u"questionButtons")
        self.addQuestionButton = QPushButton(self.formsTab)
        self.addQuestionButton.setObjectName(u"addQuestionButton")

        self.questionButtons.addWidget(self.addQuestionButton)

        self.retireQuestionButton = QPushButton(self.formsTab)
        self.retireQuestionButton.setObjectName(u"retireQuestionButton")

        self.questionButtons.addWidget(self.retireQuestionButton)

        self.questionButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.questionButtons.addItem(self.questionButtonsSpacer)


        self.formsColumn.addLayout(self.questionButtons)


        self.formsTabLayout.addLayout(self.formsColumn)

        self.actionsColumn = QVBoxLayout()
        self.actionsColumn.setObjectName(u"actionsColumn")
        self.kioskGroup = QGroupBox(self.formsTab)
        self.kioskGroup.setObjectName(u"kioskGroup")
        self.kioskLayout = QVBoxLayout(self.kioskGroup)
        self.kioskLayout.setObjectName(u"kioskLayout")
        self.kioskStatusLabel = QLabel(self.kioskGroup)
        self.kioskStatusLabel.setObjectName(u"kioskStatusLabel")
        self.kioskStatusLabel.setWordWrap(True)

        self.kioskLayout.addWidget(self.kioskStatusLabel)

        self.startKioskButton = QPushButton(self.kioskGroup)
        self.startKioskButton.setObjectName(u"startKioskButton")

        self.kioskLayout.addWidget(self.startKioskButton)

        self.setPinButton = QPushButton(self.kioskGroup)
        self.setPinButton.setObjectName(u"setPinButton")

        self.kioskLayout.addWidget(self.setPinButton)


        self.actionsColumn.addWidget(self.kioskGroup)

        self.transferGroup = QGroupBox(self.formsTab)
        self.transferGroup.setObjectName(u"transferGroup")
        self.transferLayout = QVBoxLayout(self.transferGroup)
        self.transferLayout.setObjectName(u"transferLayout")
        self.importKioskButton = QPushButton(self.transferGroup)
        self.importKioskButton.setObjectName(u"importKioskButton")

        self.transferLayout.addWidget(self.importKioskButton)

        self.importPaperButton = QPushButton(self.transferGroup)
        self.importPaperButton.setObjectName(u"importPaperButton")

        self.transferLayout.addWidget(self.importPaperButton)

        self.exportButton = QPushButton(self.transferGroup)
        self.exportButton.setObjectName(u"exportButton")

        self.transferLayout.addWidget(self.exportButton)

        self.transferLabel = QLabel(self.transferGroup)
        self.transferLabel.setObjectName(u"transferLabel")
        self.transferLabel.setWordWrap(True)
        self.transferLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.transferLayout.addWidget(self.transferLabel)


        self.actionsColumn.addWidget(self.transferGroup)

        self.actionsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.actionsColumn.addItem(self.actionsSpacer)


        self.formsTabLayout.addLayout(self.actionsColumn)

        self.tabs.addTab(self.formsTab, "")
        self.completionTab = QWidget()
        self.completionTab.setObjectName(u"completionTab")
        self.completionLayout = QVBoxLayout(self.completionTab)
        self.completionLayout.setObjectName(u"completionLayout")
        self.completionIntro = QLabel(self.completionTab)
        self.completionIntro.setObjectName(u"completionIntro")
        self.completionIntro.setWordWrap(True)

        self.completionLayout.addWidget(self.completionIntro)

        self.completionTree = QTreeWidget(self.completionTab)
        self.completionTree.setObjectName(u"completionTree")
        self.completionTree.setUniformRowHeights(True)

        self.completionLayout.addWidget(self.completionTree)

        self.tabs.addTab(self.completionTab, "")
        self.resultsTab = QWidget()
        self.resultsTab.setObjectName(u"resultsTab")
        self.resultsLayout = QVBoxLayout(self.resultsTab)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsBar = QHBoxLayout()
        self.resultsBar.setObjectName(u"resultsBar")
        self.resultFormLabel = QLabel(self.resultsTab)
        self.resultFormLabel.setObjectName(u"resultFormLabel")

        self.resultsBar.addWidget(self.resultFormLabel)

        self.resultFormCombo = QComboBox(self.resultsTab)
        self.resultFormCombo.setObjectName(u"resultFormCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(2)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resultFormCombo.sizePolicy().hasHeightForWidth())
        self.resultFormCombo.setSizePolicy(sizePolicy)
        self.resultFormCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.resultFormCombo.setMinimumContentsLength(20)

        self.resultsBar.addWidget(self.resultFormCombo)

        self.resultSessionLabel = QLabel(self.resultsTab)
        self.resultSessionLabel.setObjectName(u"resultSessionLabel")

        self.resultsBar.addWidget(self.resultSessionLabel)

        self.resultSessionCombo = QComboBox(self.resultsTab)
        self.resultSessionCombo.setObjectName(u"resultSessionCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.resultSessionCombo.sizePolicy().hasHeightForWidth())
        self.resultSessionCombo.setSizePolicy(sizePolicy1)
        self.resultSessionCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.resultSessionCombo.setMinimumContentsLength(14)

        self.resultsBar.addWidget(self.resultSessionCombo)


        self.resultsLayout.addLayout(self.resultsBar)

        self.resultsSummaryLabel = QLabel(self.resultsTab)
        self.resultsSummaryLabel.setObjectName(u"resultsSummaryLabel")
        self.resultsSummaryLabel.setWordWrap(True)
        self.resultsSummaryLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.resultsLayout.addWidget(self.resultsSummaryLabel)

        self.resultsScroll = QScrollArea(self.resultsTab)
        self.resultsScroll.setObjectName(u"resultsScroll")
        self.resultsScroll.setWidgetResizable(True)
        self.resultsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.resultsArea = QWidget()
        self.resultsArea.setObjectName(u"resultsArea")
        self.resultsAreaLayout = QVBoxLayout(self.resultsArea)
        self.resultsAreaLayout.setSpacing(12)
        self.resultsAreaLayout.setObjectName(u"resultsAreaLayout")
        self.resultsScroll.setWidget(self.resultsArea)

        self.resultsLayout.addWidget(self.resultsScroll)

        self.tabs.addTab(self.resultsTab, "")
        self.knowledgeTab = QWidget()
        self.knowledgeTab.setObjectName(u"knowledgeTab")
        self.knowledgeLayout = QVBoxLayout(self.knowledgeTab)
        self.knowledgeLayout.setObjectName(u"knowledgeLayout")
        self.knowledgeIntro = QLabel(self.knowledgeTab)
        self.knowledgeIntro.setObjectName(u"knowledgeIntro")
        self.knowledgeIntro.setWordWrap(True)

        self.knowledgeLayout.addWidget(self.knowledgeIntro)

        self.knowledgeSplitter = QSplitter(self.knowledgeTab)
        self.knowledgeSplitter.setObjectName(u"knowledgeSplitter")
        self.knowledgeSplitter.setOrientation(Qt.Vertical)
        self.knowledgeSplitter.setChildrenCollapsible(False)
        self.knowledgeTableHost = QWidget(self.knowledgeSplitter)
        self.knowledgeTableHost.setObjectName(u"knowledgeTableHost")
        self.knowledgeTableLayout = QVBoxLayout(self.knowledgeTableHost)
        self.knowledgeTableLayout.setObjectName(u"knowledgeTableLayout")
        self.knowledgeTableLayout.setContentsMargins(0, 0, 0, 0)
        self.knowledgeTable = QTableWidget(self.knowledgeTableHost)
        self.knowledgeTable.setObjectName(u"knowledgeTable")
        self.knowledgeTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.knowledgeTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.knowledgeTable.setWordWrap(True)

        self.knowledgeTableLayout.addWidget(self.knowledgeTable)

        self.selfRatedLabel = QLabel(self.knowledgeTableHost)
        self.selfRatedLabel.setObjectName(u"selfRatedLabel")
        self.selfRatedLabel.setWordWrap(True)
        self.selfRatedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.knowledgeTableLayout.addWidget(self.selfRatedLabel)

        self.knowledgeSplitter.addWidget(self.knowledgeTableHost)
        self.knowledgeChartHost = QWidget(self.knowledgeSplitter)
        self.knowledgeChartHost.setObjectName(u"knowledgeChartHost")
        self.knowledgeChartLayout = QVBoxLayout(self.knowledgeChartHost)
        self.knowledgeChartLayout.setObjectName(u"knowledgeChartLayout")
        self.knowledgeChartLayout.setContentsMargins(0, 0, 0, 0)
        self.knowledgeSplitter.addWidget(self.knowledgeChartHost)

        self.knowledgeLayout.addWidget(self.knowledgeSplitter)

        self.tabs.addTab(self.knowledgeTab, "")

        self.screenLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.resultFormLabel.setBuddy(self.resultFormCombo)
        self.resultSessionLabel.setBuddy(self.resultSessionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.formsTree)
        QWidget.setTabOrder(self.formsTree, self.addQuestionButton)
        QWidget.setTabOrder(self.addQuestionButton, self.retireQuestionButton)
        QWidget.setTabOrder(self.retireQuestionButton, self.startKioskButton)
        QWidget.setTabOrder(self.startKioskButton, self.setPinButton)
        QWidget.setTabOrder(self.setPinButton, self.importKioskButton)
        QWidget.setTabOrder(self.importKioskButton, self.importPaperButton)
        QWidget.setTabOrder(self.importPaperButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.completionTree)
        QWidget.setTabOrder(self.completionTree, self.resultFormCombo)
        QWidget.setTabOrder(self.resultFormCombo, self.resultSessionCombo)
        QWidget.setTabOrder(self.resultSessionCombo, self.resultsScroll)
        QWidget.setTabOrder(self.resultsScroll, self.knowledgeTable)

        self.retranslateUi(EvaluationsScreen)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(EvaluationsScreen)
    # setupUi

    def retranslateUi(self, EvaluationsScreen):
        self.formsIntro.setText(_("Tick the forms this workshop uses: only these are offered in the kiosk. Custom questions appear under their form."))
        ___qtreewidgetitem = self.formsTree.headerItem()
        ___qtreewidgetitem.setText(1, _("Questions"))
        ___qtreewidgetitem.setText(0, _("Form"))
#if QT_CONFIG(accessibility)
        self.formsTree.setAccessibleName(_("Forms used by this workshop"))
#endif // QT_CONFIG(accessibility)
        self.addQuestionButton.setText(_("&Add a custom question\u2026"))
        self.retireQuestionButton.setText(_("S&top asking this question"))
#if QT_CONFIG(tooltip)
        self.retireQuestionButton.setToolTip(_("The question is no longer asked; answers already given are kept"))
#endif // QT_CONFIG(tooltip)
        self.kioskGroup.setTitle(_("Kiosk"))
        self.startKioskButton.setText(_("Start &kiosk mode\u2026"))
        self.setPinButton.setText(_("Set kiosk &PIN\u2026"))
        self.transferGroup.setTitle(_("Responses from elsewhere"))
        self.importKioskButton.setText(_("&Import kiosk file\u2026"))
#if QT_CONFIG(tooltip)
        self.importKioskButton.setToolTip(_("Responses exported from another computer used as a kiosk"))
#endif // QT_CONFIG(tooltip)
        self.importPaperButton.setText(_("Import &paper responses (CSV)\u2026"))
#if QT_CONFIG(tooltip)
        self.importPaperButton.setToolTip(_("Transcribed paper forms: columns respondent, form, question, answer"))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(_("&Export responses to a file\u2026"))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(_("On the kiosk computer: save this workshop's responses to a file (for a USB stick)"))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.formsTab), _("&Forms and kiosk"))
        self.completionIntro.setText(_("Who has completed each form. This list is kept apart from the answers: it never shows who answered what."))
        ___qtreewidgetitem1 = self.completionTree.headerItem()
        ___qtreewidgetitem1.setText(1, _("Completed"))
        ___qtreewidgetitem1.setText(0, _("Form"))
#if QT_CONFIG(accessibility)
        self.completionTree.setAccessibleName(_("Completion of the forms"))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.completionTab), _("&Completion"))
        self.resultFormLabel.setText(_("F&orm:"))
#if QT_CONFIG(accessibility)
        self.resultFormCombo.setAccessibleName(_("Form whose results are shown"))
#endif // QT_CONFIG(accessibility)
        self.resultSessionLabel.setText(_("Sessio&n:"))
#if QT_CONFIG(accessibility)
        self.resultSessionCombo.setAccessibleName(_("Session whose feedback is shown"))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.resultsTab), _("&Results"))
#if QT_CONFIG(accessibility)
        self.knowledgeTable.setAccessibleName(_("Knowledge gain per module"))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.knowledgeTab), _("&Knowledge gain"))
        pass
    # retranslateUi
