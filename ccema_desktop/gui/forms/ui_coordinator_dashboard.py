# Generated from ui/coordinator_dashboard.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(1200, 700)
        self.mainLayout = QVBoxLayout(DashboardPage)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 4, 0, 0)
        self.figuresBox = QWidget(DashboardPage)
        self.figuresBox.setObjectName(u"figuresBox")
        self.figuresLayout = QGridLayout(self.figuresBox)
        self.figuresLayout.setObjectName(u"figuresLayout")
        self.figuresLayout.setHorizontalSpacing(6)
        self.figuresLayout.setVerticalSpacing(6)
        self.figuresLayout.setContentsMargins(0, 0, 0, 0)

        self.mainLayout.addWidget(self.figuresBox)

        self.views = QTabWidget(DashboardPage)
        self.views.setObjectName(u"views")
        self.chartsTab = QWidget()
        self.chartsTab.setObjectName(u"chartsTab")
        self.chartsLayout = QGridLayout(self.chartsTab)
        self.chartsLayout.setSpacing(4)
        self.chartsLayout.setObjectName(u"chartsLayout")
        self.chartsLayout.setContentsMargins(0, 0, 0, 0)
        self.views.addTab(self.chartsTab, "")
        self.workshopsTab = QWidget()
        self.workshopsTab.setObjectName(u"workshopsTab")
        self.workshopsLayout = QVBoxLayout(self.workshopsTab)
        self.workshopsLayout.setObjectName(u"workshopsLayout")
        self.workshopsLayout.setContentsMargins(0, 4, 0, 0)
        self.workshopsHeader = QHBoxLayout()
        self.workshopsHeader.setObjectName(u"workshopsHeader")
        self.workshopsHint = QLabel(self.workshopsTab)
        self.workshopsHint.setObjectName(u"workshopsHint")
        self.workshopsHint.setWordWrap(True)

        self.workshopsHeader.addWidget(self.workshopsHint)

        self.detailButton = QPushButton(self.workshopsTab)
        self.detailButton.setObjectName(u"detailButton")

        self.workshopsHeader.addWidget(self.detailButton)

        self.workshopsHeader.setStretch(0, 1)

        self.workshopsLayout.addLayout(self.workshopsHeader)

        self.workshopsTable = QTableView(self.workshopsTab)
        self.workshopsTable.setObjectName(u"workshopsTable")

        self.workshopsLayout.addWidget(self.workshopsTable)

        self.views.addTab(self.workshopsTab, "")
        self.tablesTab = QWidget()
        self.tablesTab.setObjectName(u"tablesTab")
        self.tablesLayout = QVBoxLayout(self.tablesTab)
        self.tablesLayout.setObjectName(u"tablesLayout")
        self.tablesLayout.setContentsMargins(0, 4, 0, 0)
        self.tablePickerRow = QHBoxLayout()
        self.tablePickerRow.setObjectName(u"tablePickerRow")
        self.tableLabel = QLabel(self.tablesTab)
        self.tableLabel.setObjectName(u"tableLabel")

        self.tablePickerRow.addWidget(self.tableLabel)

        self.tableCombo = QComboBox(self.tablesTab)
        self.tableCombo.setObjectName(u"tableCombo")
        self.tableCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.tablePickerRow.addWidget(self.tableCombo)

        self.tablePickerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tablePickerRow.addItem(self.tablePickerSpacer)


        self.tablesLayout.addLayout(self.tablePickerRow)

        self.breakdownTable = QTableView(self.tablesTab)
        self.breakdownTable.setObjectName(u"breakdownTable")

        self.tablesLayout.addWidget(self.breakdownTable)

        self.views.addTab(self.tablesTab, "")

        self.mainLayout.addWidget(self.views)

        self.emptyLabel = QLabel(DashboardPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.emptyLabel.sizePolicy().hasHeightForWidth())
        self.emptyLabel.setSizePolicy(sizePolicy)
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignCenter)
        self.emptyLabel.setMargin(24)

        self.mainLayout.addWidget(self.emptyLabel)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.footerLabel = QLabel(DashboardPage)
        self.footerLabel.setObjectName(u"footerLabel")
        self.footerLabel.setWordWrap(True)

        self.footerLayout.addWidget(self.footerLabel)

        self.exportButton = QPushButton(DashboardPage)
        self.exportButton.setObjectName(u"exportButton")

        self.footerLayout.addWidget(self.exportButton)

        self.footerLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.tableLabel.setBuddy(self.tableCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.views, self.workshopsTable)
        QWidget.setTabOrder(self.workshopsTable, self.detailButton)
        QWidget.setTabOrder(self.detailButton, self.tableCombo)
        QWidget.setTabOrder(self.tableCombo, self.breakdownTable)
        QWidget.setTabOrder(self.breakdownTable, self.exportButton)

        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
#if QT_CONFIG(accessibility)
        DashboardPage.setAccessibleName(_("Dashboard"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.figuresBox.setAccessibleName(_("Key figures"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.views.setAccessibleName(_("Dashboard views"))
#endif // QT_CONFIG(accessibility)
        self.views.setTabText(self.views.indexOf(self.chartsTab), _("C&harts"))
        self.workshopsHint.setText(_("Double-click a workshop (or press Enter) to see its participants, attendance per session and the bundles it came in."))
        self.detailButton.setText(_("&Details\u2026"))
#if QT_CONFIG(accessibility)
        self.workshopsTable.setAccessibleName(_("Workshops"))
#endif // QT_CONFIG(accessibility)
        self.views.setTabText(self.views.indexOf(self.workshopsTab), _("&Workshops"))
        self.tableLabel.setText(_("T&able:"))
#if QT_CONFIG(accessibility)
        self.tableCombo.setAccessibleName(_("Table to show"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.breakdownTable.setAccessibleName(_("Table"))
#endif // QT_CONFIG(accessibility)
        self.views.setTabText(self.views.indexOf(self.tablesTab), _("&Tables"))
        self.exportButton.setText(_("E&xport table\u2026"))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(_("Save the table shown, in its order, as a spreadsheet (XLSX) or CSV file (Ctrl+E)"))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
