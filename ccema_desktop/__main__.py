"""`python -m ccema_desktop` and the `ccema-desktop` command: start the desktop app."""

from __future__ import annotations

import sys


def main() -> int:
    from ccema_desktop.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
