"""What the PyInstaller recipe leaves out of the bundle, as plain functions (tested in tests/test_packaging.py).

PyInstaller collects every Qt plugin of each plugin type a Qt module may use, and Babel's data for 1,000
locales. CCEMA Desktop needs a small part of that: this module says which part, and after the unwanted Qt
plugins are dropped, which shared libraries nothing needs any more (on Linux, where it was built and tested).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import PurePath

LANGUAGES = ("en", "es", "fr", "ru")

#: TOC entries as PyInstaller keeps them: (destination name, source path, type code).
TocEntry = tuple[str, str, str]

#: Qt plugins (by type folder and name without lib prefix or extension) the app never loads, each with what
#: it would drag in.
UNUSED_QT_PLUGINS: dict[str, set[str] | None] = {
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},  # Qt Quick, QML, virtual keyboard (~20 MB)
    "imageformats": {"qpdf"},  # the Qt PDF renderer (Chromium's PDFium, ~5 MB)
    "platformthemes": {"qgtk3"},  # GTK, Pango, Cairo; and it needs the system's GTK anyway
    "platforms": {"qeglfs", "qvnc", "qlinuxfb", "qminimalegl", "qvkkhrdisplay"},  # kiosk boards, VNC
    "egldeviceintegrations": None,  # all: only for eglfs
    "generic": {"qtuiotouchplugin"},  # TUIO over the network
    "networkinformation": None,  # all: the app does not use QtNetwork
    "tls": None,
}


def _stem(name: str) -> str:
    base = PurePath(name).name.split(".")[0]
    return base[3:] if base.startswith("lib") else base


def is_unused_qt_plugin(dest: str) -> bool:
    parts = PurePath(dest).parts
    if "plugins" not in parts or parts[0] != "PySide6":
        return False
    index = parts.index("plugins")
    if len(parts) < index + 3:  # plugins/<type>/<file>
        return False
    kind = parts[index + 1]
    if kind not in UNUSED_QT_PLUGINS:
        return False
    names = UNUSED_QT_PLUGINS[kind]
    return names is None or _stem(parts[-1]) in names


def keep_data(dest: str) -> bool:
    """Babel: only the four languages and 'root' (their parent); Qt translations: only qtbase in those."""
    parts = PurePath(dest).parts
    if parts[:2] == ("babel", "locale-data"):
        return PurePath(dest).stem in {"root", *LANGUAGES}
    if parts and parts[0] == "PySide6" and "translations" in parts:
        return PurePath(dest).stem in {f"qtbase_{lang}" for lang in LANGUAGES}
    return True


#: Packages whose shared library is loaded with ctypes at run time, so nothing links to it: always kept
#: (pypdfium2 renders the Reports screen's first-page preview).
RUNTIME_LOADED_PACKAGES = ("pypdfium2_raw",)


def prune_binaries(
    binaries: Iterable[TocEntry],
    get_imports: Callable[[str], Iterable[tuple[str, str | None]]],
    prune_libraries: bool,
) -> tuple[list[TocEntry], list[str]]:
    """Drop unused Qt plugins; with `prune_libraries`, also every shared library no longer needed.

    Roots are the Python extension modules, the Qt plugins kept, libpython and the libraries of
    RUNTIME_LOADED_PACKAGES; a library stays when a root
    needs it directly or through other libraries. Returns the entries kept and the destinations dropped.
    """
    entries = list(binaries)
    dropped = [dest for dest, _src, _kind in entries if is_unused_qt_plugin(dest)]
    kept = [e for e in entries if not is_unused_qt_plugin(e[0])]
    if not prune_libraries:
        return kept, dropped

    real = {os.path.realpath(src): dest for dest, src, kind in kept if kind != "SYMLINK"}
    roots = [
        os.path.realpath(src)
        for dest, src, kind in kept
        if kind == "EXTENSION"
        or (kind == "BINARY" and "plugins" in PurePath(dest).parts)
        or PurePath(dest).name.startswith("libpython")
        or PurePath(dest).parts[0] in RUNTIME_LOADED_PACKAGES
    ]
    needed: set[str] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in needed:
            continue
        needed.add(path)
        for _name, resolved in get_imports(path):
            if resolved is not None:
                target = os.path.realpath(resolved)
                if target in real and target not in needed:
                    todo.append(target)
    needed_dests = {real[p] for p in needed if p in real}
    result: list[TocEntry] = []
    for dest, src, kind in kept:
        if kind == "SYMLINK" or dest in needed_dests:
            result.append((dest, src, kind))
        else:
            dropped.append(dest)
    return drop_dangling_links(result, dropped), dropped


def _link_target(dest: str, src: str) -> str:
    """A SYMLINK entry's `src` is its target, relative to the link's own folder."""
    return os.path.normpath(os.path.join(os.path.dirname(dest), src))


def drop_dangling_links(toc: Iterable[TocEntry], dropped: Iterable[str]) -> list[TocEntry]:
    """Remove the links (PyInstaller puts them next to the executable) that point at dropped libraries."""
    gone = {os.path.normpath(d) for d in dropped}
    return [
        (dest, src, kind)
        for dest, src, kind in toc
        if not (kind == "SYMLINK" and _link_target(dest, src) in gone)
    ]
