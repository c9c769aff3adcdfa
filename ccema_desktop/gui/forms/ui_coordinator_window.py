# Generated from ui/coordinator_window.ui by ccema_desktop.gui.build_forms: do not edit.
# ruff: noqa
# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from ccema_desktop.i18n import _
from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QMenu, QMenuBar, QStatusBar, QTabWidget, QVBoxLayout, QWidget)

class Ui_CoordinatorWindow(object):
    def setupUi(self, CoordinatorWindow):
        if not CoordinatorWindow.objectName():
            CoordinatorWindow.setObjectName(u"CoordinatorWindow")
        CoordinatorWindow.resize(1280, 800)
        self.actionImportFiles = QAction(CoordinatorWindow)
        self.actionImportFiles.setObjectName(u"actionImportFiles")
#if QT_CONFIG(shortcut)
        self.actionImportFiles.setShortcut(u"Ctrl+I")
#endif // QT_CONFIG(shortcut)
        self.actionImportFolder = QAction(CoordinatorWindow)
        self.actionImportFolder.setObjectName(u"actionImportFolder")
#if QT_CONFIG(shortcut)
        self.actionImportFolder.setShortcut(u"Ctrl+Shift+I")
#endif // QT_CONFIG(shortcut)
        self.actionExportTable = QAction(CoordinatorWindow)
        self.actionExportTable.setObjectName(u"actionExportTable")
#if QT_CONFIG(shortcut)
        self.actionExportTable.setShortcut(u"Ctrl+E")
#endif // QT_CONFIG(shortcut)
        self.actionInfosheet = QAction(CoordinatorWindow)
        self.actionInfosheet.setObjectName(u"actionInfosheet")
#if QT_CONFIG(shortcut)
        self.actionInfosheet.setShortcut(u"Ctrl+P")
#endif // QT_CONFIG(shortcut)
        self.actionRefresh = QAction(CoordinatorWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(CoordinatorWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionAbout = QAction(CoordinatorWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(CoordinatorWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(6)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(8, 6, 8, 4)
        self.tabs = QTabWidget(self.centralwidget)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.centralLayout.addWidget(self.tabs)

        CoordinatorWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(CoordinatorWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuGo = QMenu(self.menubar)
        self.menuGo.setObjectName(u"menuGo")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuLanguage = QMenu(self.menuSettings)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        CoordinatorWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(CoordinatorWindow)
        self.statusbar.setObjectName(u"statusbar")
        CoordinatorWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuGo.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionImportFiles)
        self.menuFile.addAction(self.actionImportFolder)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionExportTable)
        self.menuFile.addAction(self.actionInfosheet)
        self.menuFile.addAction(self.actionRefresh)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuSettings.addAction(self.menuLanguage.menuAction())
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(CoordinatorWindow)

        QMetaObject.connectSlotsByName(CoordinatorWindow)
    # setupUi

    def retranslateUi(self, CoordinatorWindow):
        CoordinatorWindow.setWindowTitle(_("CCEMA Desktop: headquarters"))
        self.actionImportFiles.setText(_("&Import bundle files\u2026"))
        self.actionImportFolder.setText(_("Import a &folder of bundles\u2026"))
        self.actionExportTable.setText(_("&Export the table shown\u2026"))
        self.actionInfosheet.setText(_("&Print the headquarters infosheet\u2026"))
#if QT_CONFIG(tooltip)
        self.actionInfosheet.setToolTip(_("A PDF with the totals of every imported workshop, opened in the PDF viewer"))
#endif // QT_CONFIG(tooltip)
        self.actionRefresh.setText(_("&Refresh"))
        self.actionQuit.setText(_("&Quit"))
        self.actionAbout.setText(_("&About CCEMA Desktop"))
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(_("Headquarters sections"))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(_("&File"))
        self.menuGo.setTitle(_("&Go"))
        self.menuSettings.setTitle(_("&Settings"))
        self.menuLanguage.setTitle(_("&Language"))
        self.menuHelp.setTitle(_("&Help"))
    # retranslateUi
