# Generated from ui/workshop_wizard.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout, QWizard, QWizardPage)

class Ui_WorkshopWizard(object):
    def setupUi(self, WorkshopWizard):
        if not WorkshopWizard.objectName():
            WorkshopWizard.setObjectName(u"WorkshopWizard")
        WorkshopWizard.resize(860, 640)
        WorkshopWizard.setMinimumSize(QSize(640, 480))
        WorkshopWizard.setModal(True)
        WorkshopWizard.setWizardStyle(QWizard.ClassicStyle)
        WorkshopWizard.setOptions(QWizard.NoBackButtonOnStartPage)
        self.basicsPage = QWizardPage()
        self.basicsPage.setObjectName(u"basicsPage")
        self.basicsLayout = QFormLayout(self.basicsPage)
        self.basicsLayout.setObjectName(u"basicsLayout")
        self.basicsLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(self.basicsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.basicsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.basicsPage)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.basicsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(self.basicsPage)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)
        self.titleError.setStyleSheet(u"color: #b00020;")

        self.basicsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.kindLabel = QLabel(self.basicsPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.basicsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.basicsPage)
        self.kindCombo.setObjectName(u"kindCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kindCombo.sizePolicy().hasHeightForWidth())
        self.kindCombo.setSizePolicy(sizePolicy)
        self.kindCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.basicsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.countriesLabel = QLabel(self.basicsPage)
        self.countriesLabel.setObjectName(u"countriesLabel")
        self.countriesLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.basicsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.countriesLabel)

        self.countriesLayout = QVBoxLayout()
        self.countriesLayout.setSpacing(4)
        self.countriesLayout.setObjectName(u"countriesLayout")
        self.countrySearch = QLineEdit(self.basicsPage)
        self.countrySearch.setObjectName(u"countrySearch")
        self.countrySearch.setClearButtonEnabled(True)

        self.countriesLayout.addWidget(self.countrySearch)

        self.countryList = QListWidget(self.basicsPage)
        self.countryList.setObjectName(u"countryList")
        self.countryList.setMinimumSize(QSize(0, 120))
        self.countryList.setUniformItemSizes(True)

        self.countriesLayout.addWidget(self.countryList)

        self.countriesChosen = QLabel(self.basicsPage)
        self.countriesChosen.setObjectName(u"countriesChosen")
        self.countriesChosen.setWordWrap(True)

        self.countriesLayout.addWidget(self.countriesChosen)

        self.countriesError = QLabel(self.basicsPage)
        self.countriesError.setObjectName(u"countriesError")
        self.countriesError.setWordWrap(True)
        self.countriesError.setStyleSheet(u"color: #b00020;")

        self.countriesLayout.addWidget(self.countriesError)


        self.basicsLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.countriesLayout)

        self.venueLabel = QLabel(self.basicsPage)
        self.venueLabel.setObjectName(u"venueLabel")

        self.basicsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(self.basicsPage)
        self.venueEdit.setObjectName(u"venueEdit")

        self.basicsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        WorkshopWizard.addPage(self.basicsPage)
        self.datesPage = QWizardPage()
        self.datesPage.setObjectName(u"datesPage")
        self.datesLayout = QFormLayout(self.datesPage)
        self.datesLayout.setObjectName(u"datesLayout")
        self.datesLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.startLabel = QLabel(self.datesPage)
        self.startLabel.setObjectName(u"startLabel")

        self.datesLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startDate = QDateEdit(self.datesPage)
        self.startDate.setObjectName(u"startDate")
        self.startDate.setCalendarPopup(True)
        self.startDate.setDisplayFormat(u"yyyy-MM-dd")
        sizePolicy.setHeightForWidth(self.startDate.sizePolicy().hasHeightForWidth())
        self.startDate.setSizePolicy(sizePolicy)

        self.datesLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.startDate)

        self.endLabel = QLabel(self.datesPage)
        self.endLabel.setObjectName(u"endLabel")

        self.datesLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endDate = QDateEdit(self.datesPage)
        self.endDate.setObjectName(u"endDate")
        self.endDate.setCalendarPopup(True)
        self.endDate.setDisplayFormat(u"yyyy-MM-dd")
        sizePolicy.setHeightForWidth(self.endDate.sizePolicy().hasHeightForWidth())
        self.endDate.setSizePolicy(sizePolicy)

        self.datesLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.endDate)

        self.datesSummary = QLabel(self.datesPage)
        self.datesSummary.setObjectName(u"datesSummary")
        self.datesSummary.setWordWrap(True)

        self.datesLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.datesSummary)

        self.datesError = QLabel(self.datesPage)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(True)
        self.datesError.setStyleSheet(u"color: #b00020;")

        self.datesLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.datesError)

        self.languageLabel = QLabel(self.datesPage)
        self.languageLabel.setObjectName(u"languageLabel")

        self.datesLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.datesPage)
        self.languageCombo.setObjectName(u"languageCombo")
        sizePolicy.setHeightForWidth(self.languageCombo.sizePolicy().hasHeightForWidth())
        self.languageCombo.setSizePolicy(sizePolicy)
        self.languageCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.datesLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.languageHint = QLabel(self.datesPage)
        self.languageHint.setObjectName(u"languageHint")
        self.languageHint.setWordWrap(True)

        self.datesLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.languageHint)

        self.dayStartLabel = QLabel(self.datesPage)
        self.dayStartLabel.setObjectName(u"dayStartLabel")

        self.datesLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dayStartLabel)

        self.dayStart = QTimeEdit(self.datesPage)
        self.dayStart.setObjectName(u"dayStart")
        self.dayStart.setDisplayFormat(u"HH:mm")
        sizePolicy.setHeightForWidth(self.dayStart.sizePolicy().hasHeightForWidth())
        self.dayStart.setSizePolicy(sizePolicy)

        self.datesLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.dayStart)

        self.dayEndLabel = QLabel(self.datesPage)
        self.dayEndLabel.setObjectName(u"dayEndLabel")

        self.datesLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.dayEndLabel)

        self.dayEnd = QTimeEdit(self.datesPage)
        self.dayEnd.setObjectName(u"dayEnd")
        self.dayEnd.setDisplayFormat(u"HH:mm")
        sizePolicy.setHeightForWidth(self.dayEnd.sizePolicy().hasHeightForWidth())
        self.dayEnd.setSizePolicy(sizePolicy)

        self.datesLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dayEnd)

        self.hoursError = QLabel(self.datesPage)
        self.hoursError.setObjectName(u"hoursError")
        self.hoursError.setWordWrap(True)
        self.hoursError.setStyleSheet(u"color: #b00020;")

        self.datesLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.hoursError)

        self.thresholdLabel = QLabel(self.datesPage)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.datesLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.thresholdLabel)

        self.thresholdSpin = QSpinBox(self.datesPage)
        self.thresholdSpin.setObjectName(u"thresholdSpin")
        self.thresholdSpin.setSuffix(u" %")
        self.thresholdSpin.setMinimum(0)
        self.thresholdSpin.setMaximum(100)
        self.thresholdSpin.setSingleStep(5)
        self.thresholdSpin.setValue(80)
        sizePolicy.setHeightForWidth(self.thresholdSpin.sizePolicy().hasHeightForWidth())
        self.thresholdSpin.setSizePolicy(sizePolicy)

        self.datesLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.thresholdSpin)

        self.thresholdHint = QLabel(self.datesPage)
        self.thresholdHint.setObjectName(u"thresholdHint")
        self.thresholdHint.setWordWrap(True)

        self.datesLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.thresholdHint)

        WorkshopWizard.addPage(self.datesPage)
        self.peoplePage = QWizardPage()
        self.peoplePage.setObjectName(u"peoplePage")
        self.peopleLayout = QFormLayout(self.peoplePage)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.partnersLabel = QLabel(self.peoplePage)
        self.partnersLabel.setObjectName(u"partnersLabel")

        self.peopleLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partnersLabel)

        self.partnersEdit = QLineEdit(self.peoplePage)
        self.partnersEdit.setObjectName(u"partnersEdit")

        self.peopleLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.partnersEdit)

        self.fundingLabel = QLabel(self.peoplePage)
        self.fundingLabel.setObjectName(u"fundingLabel")

        self.peopleLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fundingLabel)

        self.fundingEdit = QLineEdit(self.peoplePage)
        self.fundingEdit.setObjectName(u"fundingEdit")

        self.peopleLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fundingEdit)

        self.facilitatorsLabel = QLabel(self.peoplePage)
        self.facilitatorsLabel.setObjectName(u"facilitatorsLabel")
        self.facilitatorsLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.peopleLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.facilitatorsLabel)

        self.facilitatorsEdit = QPlainTextEdit(self.peoplePage)
        self.facilitatorsEdit.setObjectName(u"facilitatorsEdit")
        self.facilitatorsEdit.setTabChangesFocus(True)

        self.peopleLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.facilitatorsEdit)

        WorkshopWizard.addPage(self.peoplePage)
        self.modulesPage = QWizardPage()
        self.modulesPage.setObjectName(u"modulesPage")
        self.modulesLayout = QVBoxLayout(self.modulesPage)
        self.modulesLayout.setObjectName(u"modulesLayout")
        self.modulesLabel = QLabel(self.modulesPage)
        self.modulesLabel.setObjectName(u"modulesLabel")
        self.modulesLabel.setWordWrap(True)

        self.modulesLayout.addWidget(self.modulesLabel)

        self.moduleList = QListWidget(self.modulesPage)
        self.moduleList.setObjectName(u"moduleList")
        self.moduleList.setWordWrap(True)

        self.modulesLayout.addWidget(self.moduleList)

        self.moduleButtons = QHBoxLayout()
        self.moduleButtons.setObjectName(u"moduleButtons")
        self.allModulesButton = QPushButton(self.modulesPage)
        self.allModulesButton.setObjectName(u"allModulesButton")

        self.moduleButtons.addWidget(self.allModulesButton)

        self.noModulesButton = QPushButton(self.modulesPage)
        self.noModulesButton.setObjectName(u"noModulesButton")

        self.moduleButtons.addWidget(self.noModulesButton)

        self.moduleButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.moduleButtons.addItem(self.moduleButtonsSpacer)


        self.modulesLayout.addLayout(self.moduleButtons)

        self.modulesSummary = QLabel(self.modulesPage)
        self.modulesSummary.setObjectName(u"modulesSummary")
        self.modulesSummary.setWordWrap(True)

        self.modulesLayout.addWidget(self.modulesSummary)

        self.modulesLayout.setStretch(1, 1)
        WorkshopWizard.addPage(self.modulesPage)
        self.agendaPage = QWizardPage()
        self.agendaPage.setObjectName(u"agendaPage")
        self.agendaLayout = QVBoxLayout(self.agendaPage)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaSummary = QLabel(self.agendaPage)
        self.agendaSummary.setObjectName(u"agendaSummary")
        self.agendaSummary.setWordWrap(True)

        self.agendaLayout.addWidget(self.agendaSummary)

        self.agendaTable = QTableWidget(self.agendaPage)
        if (self.agendaTable.columnCount() < 4):
            self.agendaTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.agendaTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.agendaTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.agendaTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.agendaTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.agendaTable.setObjectName(u"agendaTable")
        self.agendaTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.agendaTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.agendaTable.setTabKeyNavigation(False)
        self.agendaTable.setWordWrap(False)
        self.agendaTable.horizontalHeader().setStretchLastSection(True)
        self.agendaTable.verticalHeader().setVisible(False)

        self.agendaLayout.addWidget(self.agendaTable)

        self.unscheduledLabel = QLabel(self.agendaPage)
        self.unscheduledLabel.setObjectName(u"unscheduledLabel")
        self.unscheduledLabel.setWordWrap(True)
        self.unscheduledLabel.setTextFormat(Qt.PlainText)
        self.unscheduledLabel.setStyleSheet(u"QLabel { color: #7a4a00; background: #fff4e0; border: 1px solid #e0b060; border-radius: 3px; padding: 6px; }")

        self.agendaLayout.addWidget(self.unscheduledLabel)

        self.saveError = QLabel(self.agendaPage)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setWordWrap(True)
        self.saveError.setStyleSheet(u"color: #b00020;")

        self.agendaLayout.addWidget(self.saveError)

        self.agendaLayout.setStretch(1, 1)
        WorkshopWizard.addPage(self.agendaPage)
#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.countriesLabel.setBuddy(self.countrySearch)
        self.venueLabel.setBuddy(self.venueEdit)
        self.startLabel.setBuddy(self.startDate)
        self.endLabel.setBuddy(self.endDate)
        self.languageLabel.setBuddy(self.languageCombo)
        self.dayStartLabel.setBuddy(self.dayStart)
        self.dayEndLabel.setBuddy(self.dayEnd)
        self.thresholdLabel.setBuddy(self.thresholdSpin)
        self.partnersLabel.setBuddy(self.partnersEdit)
        self.fundingLabel.setBuddy(self.fundingEdit)
        self.facilitatorsLabel.setBuddy(self.facilitatorsEdit)
        self.modulesLabel.setBuddy(self.moduleList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WorkshopWizard)

        QMetaObject.connectSlotsByName(WorkshopWizard)
    # setupUi

    def retranslateUi(self, WorkshopWizard):
        WorkshopWizard.setWindowTitle(_("New workshop"))
        self.basicsPage.setTitle(_("The workshop"))
        self.basicsPage.setSubTitle(_("Name the workshop and say where it takes place."))
        self.titleLabel.setText(_("&Title:"))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(_("Workshop title"))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(_("For example: Migration, environment and climate change in Kazakhstan"))
        self.kindLabel.setText(_("&Kind:"))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(_("Kind of workshop"))
#endif // QT_CONFIG(accessibility)
        self.countriesLabel.setText(_("Host &countries:"))
#if QT_CONFIG(accessibility)
        self.countrySearch.setAccessibleName(_("Find a country"))
#endif // QT_CONFIG(accessibility)
        self.countrySearch.setPlaceholderText(_("Type to find a country, then tick it (Space)"))
#if QT_CONFIG(accessibility)
        self.countryList.setAccessibleName(_("Host countries"))
#endif // QT_CONFIG(accessibility)
        self.venueLabel.setText(_("&Venue:"))
#if QT_CONFIG(accessibility)
        self.venueEdit.setAccessibleName(_("Venue"))
#endif // QT_CONFIG(accessibility)
        self.venueEdit.setPlaceholderText(_("City and place, for example: Almaty, Hotel Kazakhstan"))
        self.datesPage.setTitle(_("Dates, language and hours"))
        self.datesPage.setSubTitle(_("When the workshop runs and in which language."))
        self.startLabel.setText(_("Fi&rst day:"))
#if QT_CONFIG(accessibility)
        self.startDate.setAccessibleName(_("First day"))
#endif // QT_CONFIG(accessibility)
        self.endLabel.setText(_("&Last day:"))
#if QT_CONFIG(accessibility)
        self.endDate.setAccessibleName(_("Last day"))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(_("Working lan&guage:"))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(_("Working language"))
#endif // QT_CONFIG(accessibility)
        self.languageHint.setText(_("The agenda, exercise titles and certificates use this language."))
        self.dayStartLabel.setText(_("Working day &starts:"))
#if QT_CONFIG(accessibility)
        self.dayStart.setAccessibleName(_("Working day starts"))
#endif // QT_CONFIG(accessibility)
        self.dayEndLabel.setText(_("Working day &ends:"))
#if QT_CONFIG(accessibility)
        self.dayEnd.setAccessibleName(_("Working day ends"))
#endif // QT_CONFIG(accessibility)
        self.thresholdLabel.setText(_("Attendance &threshold:"))
#if QT_CONFIG(accessibility)
        self.thresholdSpin.setAccessibleName(_("Attendance threshold in percent"))
#endif // QT_CONFIG(accessibility)
        self.thresholdHint.setText(_("Share of the sessions a participant must attend; people below it are flagged and get no certificate."))
        self.peoplePage.setTitle(_("Partners, funding and facilitators"))
        self.peoplePage.setSubTitle(_("Who organises, pays for and runs the workshop. All optional."))
        self.partnersLabel.setText(_("&Partners:"))
#if QT_CONFIG(accessibility)
        self.partnersEdit.setAccessibleName(_("Partners"))
#endif // QT_CONFIG(accessibility)
        self.partnersEdit.setPlaceholderText(_("For example: IOM; Ministry of Environment"))
        self.fundingLabel.setText(_("F&unding:"))
#if QT_CONFIG(accessibility)
        self.fundingEdit.setAccessibleName(_("Funding"))
#endif // QT_CONFIG(accessibility)
        self.fundingEdit.setPlaceholderText(_("Donor or project that funds the workshop"))
        self.facilitatorsLabel.setText(_("F&acilitators:"))
#if QT_CONFIG(accessibility)
        self.facilitatorsEdit.setAccessibleName(_("Facilitators, one per line"))
#endif // QT_CONFIG(accessibility)
        self.facilitatorsEdit.setPlaceholderText(_("One name per line"))
        self.modulesPage.setTitle(_("Modules"))
        self.modulesPage.setSubTitle(_("Tick the MECC modules to cover; their exercises are placed on the agenda in this order."))
        self.modulesLabel.setText(_("&Modules (titles in the workshop's language):"))
#if QT_CONFIG(accessibility)
        self.moduleList.setAccessibleName(_("Modules"))
#endif // QT_CONFIG(accessibility)
        self.allModulesButton.setText(_("Tick &all"))
        self.noModulesButton.setText(_("&Untick all"))
        self.agendaPage.setTitle(_("Proposed agenda"))
        self.agendaPage.setSubTitle(_("Nothing is saved until you press Finish. You can change the agenda afterwards on the Agenda screen."))
        ___qtablewidgetitem = self.agendaTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_("Day"))
        ___qtablewidgetitem1 = self.agendaTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_("Start"))
        ___qtablewidgetitem2 = self.agendaTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_("End"))
        ___qtablewidgetitem3 = self.agendaTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(_("Session"))
#if QT_CONFIG(accessibility)
        self.agendaTable.setAccessibleName(_("Proposed agenda"))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
