"""Labels Babel formatted for the first screen at the last start, so the next start paints without Babel.

Importing Babel and reading its locale data takes about a tenth of the desktop app's start. The first screen
formats the same few dates, numbers, country and language names every start, so the desktop app remembers
them in its data folder and looks them up first. Every label is keyed by all that decides it (what was
formatted, the language, the value, the format) and the file by the installed Babel and app (the files'
sizes and times: reading versions costs more than the labels save), so a remembered label is always the one
Babel would give; anything not found is formatted by Babel as always. A
missing, damaged or stale file is ignored. Only labels asked for before `save()` (the first paint) are kept,
so the file stays small. The command line and reports never `start()` it: there `label()` just formats.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

#: The file in the data folder.
FILE_NAME = "first-screen-labels.json"
#: Recording stops at this many labels (a window never painted, minimised say, would record forever).
MAX_LABELS = 500


def _stamp() -> str:
    """Which Babel and which app are installed (size and time of a file of each), found without importing."""
    spec = importlib.util.find_spec("babel")
    parts = []
    for origin in (spec.origin if spec is not None else None, __file__):
        try:
            st = os.stat(origin or "")
        except OSError:
            parts.append("none")
        else:
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


class LabelMemo:
    """Formatted labels looked up by key before asking Babel; see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._stamp = ""
        self._known: dict[str, str] = {}
        self._used: dict[str, str] | None = None  # recording until save()

    @property
    def active(self) -> bool:
        return self._path is not None

    def start(self, folder: Path) -> None:
        """Read the labels remembered in `folder` and record the ones asked for until `save()`."""
        self._path = folder / FILE_NAME
        self._stamp = _stamp()
        self._used = {}
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        labels = data.get("labels") if isinstance(data, dict) and data.get("stamp") == self._stamp else None
        if isinstance(labels, dict):
            self._known = {k: v for k, v in labels.items() if isinstance(k, str) and isinstance(v, str)}

    def label(self, key: str, compute: Callable[[], str]) -> str:
        """The label for `key`: remembered, or `compute()`d (by Babel) and remembered while recording."""
        if self._path is None:
            return compute()
        found = self._known.get(key)
        used = self._used
        if used is None:  # past the first paint: no more remembering
            return compute() if found is None else found
        if found is None:
            found = compute()
        with self._lock:
            self._known[key] = used[key] = found
            if len(used) >= MAX_LABELS:
                self._used = None
        return found

    def save(self) -> None:
        """Stop recording and keep the labels asked for so far for the next start (nothing written when
        they are the ones already kept). Never raises: the labels are only worth a faster start."""
        with self._lock:
            used, self._used = self._used, None
        path = self._path
        if path is None or used is None:
            return
        content = json.dumps({"stamp": self._stamp, "labels": used}, ensure_ascii=False, sort_keys=True)
        with contextlib.suppress(OSError):
            if path.exists() and path.read_text(encoding="utf-8") == content:
                return
        import tempfile

        tmp = ""
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(content)
            os.replace(tmp, path)
            tmp = ""
        except OSError:
            pass
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def stop(self) -> None:
        """Back to plain formatting (tests, and a data folder being closed)."""
        with self._lock:
            self._path = None
            self._known = {}
            self._used = None


#: The process's memo (the desktop app starts it; nothing else does).
memo = LabelMemo()
