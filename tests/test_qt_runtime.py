"""Guards against a PySide6 defect seen here: 6.12.0 under Python 3.11 decremented None's reference count on
every call of a void method, so a long workshop day ended in 'Fatal Python error: none_dealloc'."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel, QTreeWidget, QTreeWidgetItem


def test_void_calls_keep_none_alive(qapp: object) -> None:
    label, combo, tree = QLabel(), QComboBox(), QTreeWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        combo.addItem("x")
        tree.addTopLevelItem(QTreeWidgetItem(["x"]))
        tree.clear()
    assert sys.getrefcount(None) - before > -100
