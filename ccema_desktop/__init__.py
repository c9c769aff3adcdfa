"""CCEMA Desktop: run MECC capacity-building workshops offline."""

from __future__ import annotations

#: The installed distribution's version; read on first use (importlib.metadata costs the desktop's start-up
#: a few dozen milliseconds, and only --version, the About box and bundles need it).
__version__: str


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("ccema-desktop")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
