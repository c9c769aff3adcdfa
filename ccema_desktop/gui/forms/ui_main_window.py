# Generated from ui/main_window.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QMenu, QMenuBar, QSizePolicy, QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionNewWorkshop = QAction(MainWindow)
        self.actionNewWorkshop.setObjectName(u"actionNewWorkshop")
#if QT_CONFIG(shortcut)
        self.actionNewWorkshop.setShortcut(u"Ctrl+N")
#endif // QT_CONFIG(shortcut)
        self.actionOpenDemo = QAction(MainWindow)
        self.actionOpenDemo.setObjectName(u"actionOpenDemo")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
#if QT_CONFIG(shortcut)
        self.actionBackup.setShortcut(u"Ctrl+Shift+B")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget(self.centralwidget)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMinimumSize(QSize(150, 0))
        self.navigation.setMaximumSize(QSize(190, 16777215))
        self.navigation.setIconSize(QSize(20, 20))

        self.centralLayout.addWidget(self.navigation)

        self.contentLayout = QVBoxLayout()
        self.contentLayout.setSpacing(6)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(12, 8, 12, 8)
        self.workshopBar = QHBoxLayout()
        self.workshopBar.setObjectName(u"workshopBar")
        self.workshopLabel = QLabel(self.centralwidget)
        self.workshopLabel.setObjectName(u"workshopLabel")

        self.workshopBar.addWidget(self.workshopLabel)

        self.workshopCombo = QComboBox(self.centralwidget)
        self.workshopCombo.setObjectName(u"workshopCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.workshopCombo.sizePolicy().hasHeightForWidth())
        self.workshopCombo.setSizePolicy(sizePolicy)
        self.workshopCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.workshopCombo.setMinimumContentsLength(20)

        self.workshopBar.addWidget(self.workshopCombo)

        self.demoBadge = QLabel(self.centralwidget)
        self.demoBadge.setObjectName(u"demoBadge")

        self.workshopBar.addWidget(self.demoBadge)


        self.contentLayout.addLayout(self.workshopBar)

        self.stack = QStackedWidget(self.centralwidget)
        self.stack.setObjectName(u"stack")

        self.contentLayout.addWidget(self.stack)


        self.centralLayout.addLayout(self.contentLayout)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuRecent = QMenu(self.menuFile)
        self.menuRecent.setObjectName(u"menuRecent")
        self.menuGo = QMenu(self.menubar)
        self.menuGo.setObjectName(u"menuGo")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuLanguage = QMenu(self.menuSettings)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.workshopLabel.setBuddy(self.workshopCombo)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuGo.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNewWorkshop)
        self.menuFile.addAction(self.menuRecent.menuAction())
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionOpenDemo)
        self.menuFile.addAction(self.actionBackup)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuSettings.addAction(self.menuLanguage.menuAction())
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(_("CCEMA Desktop"))
        self.actionNewWorkshop.setText(_("&New workshop\u2026"))
        self.actionOpenDemo.setText(_("Open the &demo workshop"))
        self.actionBackup.setText(_("&Back up the database now"))
        self.actionQuit.setText(_("&Quit"))
        self.actionAbout.setText(_("&About CCEMA Desktop"))
#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(_("Sections"))
#endif // QT_CONFIG(accessibility)
        self.workshopLabel.setText(_("Workshop:"))
#if QT_CONFIG(accessibility)
        self.workshopCombo.setAccessibleName(_("Current workshop"))
#endif // QT_CONFIG(accessibility)
        self.demoBadge.setText(_("Demo workshop: sample data"))
        self.menuFile.setTitle(_("&File"))
        self.menuRecent.setTitle(_("&Recent workshops"))
        self.menuGo.setTitle(_("&Go"))
        self.menuSettings.setTitle(_("&Settings"))
        self.menuLanguage.setTitle(_("&Language"))
        self.menuHelp.setTitle(_("&Help"))
    # retranslateUi
