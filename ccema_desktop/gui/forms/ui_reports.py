# Generated from ui/reports.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QRect, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ReportsScreen(object):
    def setupUi(self, ReportsScreen):
        if not ReportsScreen.objectName():
            ReportsScreen.setObjectName(u"ReportsScreen")
        ReportsScreen.resize(820, 640)
        self.mainLayout = QVBoxLayout(ReportsScreen)
        self.mainLayout.setSpacing(8)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(ReportsScreen)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.mainLayout.addWidget(self.heading)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setSpacing(10)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.controlsScroll = QScrollArea(ReportsScreen)
        self.controlsScroll.setObjectName(u"controlsScroll")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.controlsScroll.sizePolicy().hasHeightForWidth())
        self.controlsScroll.setSizePolicy(sizePolicy)
        self.controlsScroll.setMinimumSize(QSize(300, 0))
        self.controlsScroll.setMaximumSize(QSize(360, 16777215))
        self.controlsScroll.setFrameShape(QFrame.NoFrame)
        self.controlsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.controlsScroll.setWidgetResizable(True)
        self.controlsPanel = QWidget()
        self.controlsPanel.setObjectName(u"controlsPanel")
        self.controlsPanel.setGeometry(QRect(0, 0, 340, 600))
        self.controlsLayout = QVBoxLayout(self.controlsPanel)
        self.controlsLayout.setSpacing(8)
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.controlsLayout.setContentsMargins(0, 0, 4, 0)
        self.kindGroup = QGroupBox(self.controlsPanel)
        self.kindGroup.setObjectName(u"kindGroup")
        self.kindLayout = QVBoxLayout(self.kindGroup)
        self.kindLayout.setSpacing(4)
        self.kindLayout.setObjectName(u"kindLayout")
        self.sheetRadio = QRadioButton(self.kindGroup)
        self.sheetRadio.setObjectName(u"sheetRadio")
        self.sheetRadio.setChecked(True)

        self.kindLayout.addWidget(self.sheetRadio)

        self.certificatesRadio = QRadioButton(self.kindGroup)
        self.certificatesRadio.setObjectName(u"certificatesRadio")

        self.kindLayout.addWidget(self.certificatesRadio)

        self.workshopRadio = QRadioButton(self.kindGroup)
        self.workshopRadio.setObjectName(u"workshopRadio")

        self.kindLayout.addWidget(self.workshopRadio)

        self.hqRadio = QRadioButton(self.kindGroup)
        self.hqRadio.setObjectName(u"hqRadio")

        self.kindLayout.addWidget(self.hqRadio)

        self.kindDescription = QLabel(self.kindGroup)
        self.kindDescription.setObjectName(u"kindDescription")
        self.kindDescription.setWordWrap(True)

        self.kindLayout.addWidget(self.kindDescription)


        self.controlsLayout.addWidget(self.kindGroup)

        self.optionsGroup = QGroupBox(self.controlsPanel)
        self.optionsGroup.setObjectName(u"optionsGroup")
        self.optionsLayout = QVBoxLayout(self.optionsGroup)
        self.optionsLayout.setSpacing(4)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.dayLabel = QLabel(self.optionsGroup)
        self.dayLabel.setObjectName(u"dayLabel")

        self.optionsLayout.addWidget(self.dayLabel)

        self.dayCombo = QComboBox(self.optionsGroup)
        self.dayCombo.setObjectName(u"dayCombo")
        self.dayCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)

        self.optionsLayout.addWidget(self.dayCombo)

        self.languageLabel = QLabel(self.optionsGroup)
        self.languageLabel.setObjectName(u"languageLabel")
        self.languageLabel.setWordWrap(True)

        self.optionsLayout.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(self.optionsGroup)
        self.languageCombo.setObjectName(u"languageCombo")
        self.languageCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)

        self.optionsLayout.addWidget(self.languageCombo)

        self.demoCheck = QCheckBox(self.optionsGroup)
        self.demoCheck.setObjectName(u"demoCheck")

        self.optionsLayout.addWidget(self.demoCheck)

        self.eligibleLabel = QLabel(self.optionsGroup)
        self.eligibleLabel.setObjectName(u"eligibleLabel")
        self.eligibleLabel.setWordWrap(True)

        self.optionsLayout.addWidget(self.eligibleLabel)

        self.recommendationsLabel = QLabel(self.optionsGroup)
        self.recommendationsLabel.setObjectName(u"recommendationsLabel")
        self.recommendationsLabel.setWordWrap(True)

        self.optionsLayout.addWidget(self.recommendationsLabel)

        self.recommendationsEdit = QPlainTextEdit(self.optionsGroup)
        self.recommendationsEdit.setObjectName(u"recommendationsEdit")
        self.recommendationsEdit.setMinimumSize(QSize(0, 90))
        self.recommendationsEdit.setTabChangesFocus(True)

        self.optionsLayout.addWidget(self.recommendationsEdit)


        self.controlsLayout.addWidget(self.optionsGroup)

        self.generateLayout = QHBoxLayout()
        self.generateLayout.setObjectName(u"generateLayout")
        self.generateButton = QPushButton(self.controlsPanel)
        self.generateButton.setObjectName(u"generateButton")

        self.generateLayout.addWidget(self.generateButton)

        self.cancelButton = QPushButton(self.controlsPanel)
        self.cancelButton.setObjectName(u"cancelButton")

        self.generateLayout.addWidget(self.cancelButton)

        self.generateSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.generateLayout.addItem(self.generateSpacer)


        self.controlsLayout.addLayout(self.generateLayout)

        self.progressBar = QProgressBar(self.controlsPanel)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setTextVisible(False)

        self.controlsLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(self.controlsPanel)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.controlsLayout.addWidget(self.statusLabel)

        self.controlsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.controlsLayout.addItem(self.controlsSpacer)

        self.controlsScroll.setWidget(self.controlsPanel)

        self.bodyLayout.addWidget(self.controlsScroll)

        self.resultTabs = QTabWidget(ReportsScreen)
        self.resultTabs.setObjectName(u"resultTabs")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.resultTabs.sizePolicy().hasHeightForWidth())
        self.resultTabs.setSizePolicy(sizePolicy1)
        self.previewTab = QWidget()
        self.previewTab.setObjectName(u"previewTab")
        self.previewLayout = QVBoxLayout(self.previewTab)
        self.previewLayout.setSpacing(6)
        self.previewLayout.setObjectName(u"previewLayout")
        self.resultLabel = QLabel(self.previewTab)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.previewLayout.addWidget(self.resultLabel)

        self.previewScroll = QScrollArea(self.previewTab)
        self.previewScroll.setObjectName(u"previewScroll")
        self.previewScroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
        self.previewScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.previewScroll.setWidgetResizable(True)
        self.previewImage = QLabel()
        self.previewImage.setObjectName(u"previewImage")
        self.previewImage.setGeometry(QRect(0, 0, 400, 500))
        self.previewImage.setAlignment(Qt.AlignHCenter|Qt.AlignTop)
        self.previewImage.setWordWrap(True)
        self.previewImage.setMargin(12)
        self.previewScroll.setWidget(self.previewImage)

        self.previewLayout.addWidget(self.previewScroll)

        self.fileButtons = QHBoxLayout()
        self.fileButtons.setObjectName(u"fileButtons")
        self.openButton = QPushButton(self.previewTab)
        self.openButton.setObjectName(u"openButton")

        self.fileButtons.addWidget(self.openButton)

        self.folderButton = QPushButton(self.previewTab)
        self.folderButton.setObjectName(u"folderButton")

        self.fileButtons.addWidget(self.folderButton)

        self.fileButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fileButtons.addItem(self.fileButtonsSpacer)


        self.previewLayout.addLayout(self.fileButtons)

        self.resultTabs.addTab(self.previewTab, "")
        self.certificatesTab = QWidget()
        self.certificatesTab.setObjectName(u"certificatesTab")
        self.certificatesLayout = QVBoxLayout(self.certificatesTab)
        self.certificatesLayout.setSpacing(6)
        self.certificatesLayout.setObjectName(u"certificatesLayout")
        self.certificatesIntro = QLabel(self.certificatesTab)
        self.certificatesIntro.setObjectName(u"certificatesIntro")
        self.certificatesIntro.setWordWrap(True)

        self.certificatesLayout.addWidget(self.certificatesIntro)

        self.certificatesTable = QTableWidget(self.certificatesTab)
        if (self.certificatesTable.columnCount() < 5):
            self.certificatesTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.certificatesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.certificatesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.certificatesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.certificatesTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.certificatesTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.certificatesTable.setObjectName(u"certificatesTable")
        self.certificatesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.certificatesTable.setAlternatingRowColors(True)
        self.certificatesTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.certificatesTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.certificatesTable.setTabKeyNavigation(False)
        self.certificatesTable.setWordWrap(True)
        self.certificatesTable.horizontalHeader().setStretchLastSection(True)
        self.certificatesTable.verticalHeader().setVisible(False)

        self.certificatesLayout.addWidget(self.certificatesTable)

        self.resultTabs.addTab(self.certificatesTab, "")

        self.bodyLayout.addWidget(self.resultTabs)


        self.mainLayout.addLayout(self.bodyLayout)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayCombo)
        self.languageLabel.setBuddy(self.languageCombo)
        self.recommendationsLabel.setBuddy(self.recommendationsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sheetRadio, self.certificatesRadio)
        QWidget.setTabOrder(self.certificatesRadio, self.workshopRadio)
        QWidget.setTabOrder(self.workshopRadio, self.hqRadio)
        QWidget.setTabOrder(self.hqRadio, self.dayCombo)
        QWidget.setTabOrder(self.dayCombo, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.demoCheck)
        QWidget.setTabOrder(self.demoCheck, self.recommendationsEdit)
        QWidget.setTabOrder(self.recommendationsEdit, self.generateButton)
        QWidget.setTabOrder(self.generateButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.resultTabs)
        QWidget.setTabOrder(self.resultTabs, self.previewScroll)
        QWidget.setTabOrder(self.previewScroll, self.openButton)
        QWidget.setTabOrder(self.openButton, self.folderButton)
        QWidget.setTabOrder(self.folderButton, self.certificatesTable)

        self.retranslateUi(ReportsScreen)

        self.resultTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ReportsScreen)
    # setupUi

    def retranslateUi(self, ReportsScreen):
#if QT_CONFIG(accessibility)
        ReportsScreen.setAccessibleName(_("Reports"))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(_("Reports"))
        self.kindGroup.setTitle(_("Report"))
#if QT_CONFIG(accessibility)
        self.kindGroup.setAccessibleName(_("Kind of report"))
#endif // QT_CONFIG(accessibility)
        self.sheetRadio.setText(_("Sign-&in sheet"))
        self.certificatesRadio.setText(_("&Certificates"))
        self.workshopRadio.setText(_("&Workshop report"))
        self.hqRadio.setText(_("Head&quarters infosheet"))
#if QT_CONFIG(accessibility)
        self.kindDescription.setAccessibleName(_("About this report"))
#endif // QT_CONFIG(accessibility)
        self.optionsGroup.setTitle(_("Options"))
        self.dayLabel.setText(_("&Day:"))
#if QT_CONFIG(accessibility)
        self.dayCombo.setAccessibleName(_("Day of the sign-in sheet"))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(_("&Language of the document:"))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(_("Language of the document"))
#endif // QT_CONFIG(accessibility)
        self.demoCheck.setText(_("Also count demo wor&kshops"))
#if QT_CONFIG(accessibility)
        self.eligibleLabel.setAccessibleName(_("Who gets a certificate"))
#endif // QT_CONFIG(accessibility)
        self.recommendationsLabel.setText(_("&Recommendations (printed in the report, saved with the workshop):"))
#if QT_CONFIG(accessibility)
        self.recommendationsEdit.setAccessibleName(_("Recommendations"))
#endif // QT_CONFIG(accessibility)
        self.generateButton.setText(_("Generate &PDF\u2026"))
#if QT_CONFIG(tooltip)
        self.generateButton.setToolTip(_("Choose where to save the PDF, then build it"))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(_("Ca&ncel"))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(_("Stop building the report; nothing is written"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(_("Report progress"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(_("Report status"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(_("Generated PDF"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewScroll.setAccessibleName(_("Preview of the first page"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewImage.setAccessibleName(_("First page"))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(_("&Open PDF"))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(_("Open the PDF in the computer's PDF viewer, to print it"))
#endif // QT_CONFIG(tooltip)
        self.folderButton.setText(_("Show in folder"))
#if QT_CONFIG(tooltip)
        self.folderButton.setToolTip(_("Open the folder that holds the PDF"))
#endif // QT_CONFIG(tooltip)
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.previewTab), _("Pre&view"))
        ___qtablewidgetitem = self.certificatesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_("Number"))
        ___qtablewidgetitem1 = self.certificatesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_("Participant"))
        ___qtablewidgetitem2 = self.certificatesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_("Verification code"))
        ___qtablewidgetitem3 = self.certificatesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(_("Language"))
        ___qtablewidgetitem4 = self.certificatesTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(_("Issued"))
#if QT_CONFIG(accessibility)
        self.certificatesTable.setAccessibleName(_("Issued certificates"))
#endif // QT_CONFIG(accessibility)
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.certificatesTab), _("Issued certificates"))
    # retranslateUi
