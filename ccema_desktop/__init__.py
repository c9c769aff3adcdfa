"""CCEMA Desktop: run MECC capacity-building workshops offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ccema-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
