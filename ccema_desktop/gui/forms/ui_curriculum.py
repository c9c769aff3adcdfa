# Generated from ui/curriculum.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTextBrowser, QTreeWidget, QVBoxLayout, QWidget)

class Ui_CurriculumScreen(object):
    def setupUi(self, CurriculumScreen):
        if not CurriculumScreen.objectName():
            CurriculumScreen.setObjectName(u"CurriculumScreen")
        CurriculumScreen.resize(1100, 700)
        self.mainLayout = QVBoxLayout(CurriculumScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.contentLanguageLabel = QLabel(CurriculumScreen)
        self.contentLanguageLabel.setObjectName(u"contentLanguageLabel")

        self.toolbarLayout.addWidget(self.contentLanguageLabel)

        self.contentLanguageCombo = QComboBox(CurriculumScreen)
        self.contentLanguageCombo.setObjectName(u"contentLanguageCombo")
        self.contentLanguageCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.toolbarLayout.addWidget(self.contentLanguageCombo)

        self.toolbarSpacer1 = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer1)

        self.filterLabel = QLabel(CurriculumScreen)
        self.filterLabel.setObjectName(u"filterLabel")

        self.toolbarLayout.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(CurriculumScreen)
        self.filterEdit.setObjectName(u"filterEdit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.filterEdit.sizePolicy().hasHeightForWidth())
        self.filterEdit.setSizePolicy(sizePolicy)
        self.filterEdit.setMinimumSize(QSize(100, 0))
        self.filterEdit.setMaximumSize(QSize(360, 16777215))
        self.filterEdit.setClearButtonEnabled(True)

        self.toolbarLayout.addWidget(self.filterEdit)

        self.toolbarSpacer2 = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer2)


        self.mainLayout.addLayout(self.toolbarLayout)

        self.splitter = QSplitter(CurriculumScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.browsePane = QWidget(self.splitter)
        self.browsePane.setObjectName(u"browsePane")
        self.browseLayout = QVBoxLayout(self.browsePane)
        self.browseLayout.setObjectName(u"browseLayout")
        self.browseLayout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self.browsePane)
        self.tree.setObjectName(u"tree")
        self.tree.setMinimumSize(QSize(220, 0))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setColumnCount(3)

        self.browseLayout.addWidget(self.tree)

        self.addLayout = QHBoxLayout()
        self.addLayout.setObjectName(u"addLayout")
        self.addExerciseButton = QPushButton(self.browsePane)
        self.addExerciseButton.setObjectName(u"addExerciseButton")

        self.addLayout.addWidget(self.addExerciseButton)

        self.addSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addLayout.addItem(self.addSpacer)


        self.browseLayout.addLayout(self.addLayout)

        self.splitter.addWidget(self.browsePane)
        self.detail = QTextBrowser(self.splitter)
        self.detail.setObjectName(u"detail")
        self.detail.setMinimumSize(QSize(240, 0))
        self.detail.setOpenLinks(False)
        self.splitter.addWidget(self.detail)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.contentLanguageLabel.setBuddy(self.contentLanguageCombo)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.contentLanguageCombo, self.filterEdit)
        QWidget.setTabOrder(self.filterEdit, self.tree)
        QWidget.setTabOrder(self.tree, self.addExerciseButton)
        QWidget.setTabOrder(self.addExerciseButton, self.detail)

        self.retranslateUi(CurriculumScreen)

        QMetaObject.connectSlotsByName(CurriculumScreen)
    # setupUi

    def retranslateUi(self, CurriculumScreen):
        CurriculumScreen.setWindowTitle(_("Curriculum"))
        self.contentLanguageLabel.setText(_("Content &language:"))
#if QT_CONFIG(accessibility)
        self.contentLanguageCombo.setAccessibleName(_("Content language"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.contentLanguageCombo.setToolTip(_("The language of the curriculum texts, independent of the language of the app."))
#endif // QT_CONFIG(tooltip)
        self.filterLabel.setText(_("F&ind:"))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(_("Find modules and exercises"))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(_("Code or words in the title"))
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(2, _("Duration"))
        ___qtreewidgetitem.setText(1, _("Title"))
        ___qtreewidgetitem.setText(0, _("Code"))
#if QT_CONFIG(accessibility)
        self.tree.setAccessibleName(_("Modules and exercises"))
#endif // QT_CONFIG(accessibility)
        self.addExerciseButton.setText(_("&Add custom exercise\u2026"))
#if QT_CONFIG(accessibility)
        self.addExerciseButton.setAccessibleName(_("Add custom exercise"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detail.setAccessibleName(_("Details of the chosen module or exercise"))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
