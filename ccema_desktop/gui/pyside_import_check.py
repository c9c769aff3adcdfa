"""A faster form of the check PySide runs on every module imported after it (part of the start-up work).

Once shiboken6 is imported, PySide's `__feature__` support looks at each newly imported module to see
whether its source mentions "PySide6" (`shibokensupport.feature._mod_uses_pyside`, PYSIDE-2029). It reads
the source with `inspect.getsource`, which costs 0.1-0.7 ms a module; the desktop app imports about 50
modules after PySide before its first paint. Reading the module's file directly answers the same question
for plain `.py` modules in a tenth of the time; anything else (no file, a compiled module, a file that
cannot be read) still goes to PySide's own check. `tests/test_pyside_import_check.py` checks both give the
same answer for every module loaded, so a PySide that changes the check shows up there, and when the
function is not where it is expected nothing is changed.

Importing this module imports shiboken6 and installs the faster check, so the desktop entry point imports it
before anything from PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import shiboken6  # noqa: F401  # loads PySide's feature support, whose check is replaced below

_MARK = "_ccema_fast"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether `module`'s source mentions PySide6, from its file when it is a readable `.py` file."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            pass
    return fallback(module)


def install() -> bool:
    """Put the faster check in place (once); False when PySide's feature support is not as expected."""
    feature: Any = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def _mod_uses_pyside(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    setattr(_mod_uses_pyside, _MARK, True)
    _mod_uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside
    return True


install()
