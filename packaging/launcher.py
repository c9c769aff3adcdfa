"""Entry point of the frozen build: one bundle, two programs.

The PyInstaller spec builds two executables from this same script into one folder: ``ccema-desktop`` (the
windowed app) and ``ccema`` (the console command). Both share the bundled Python, Qt and data; this script
picks the program from the executable's own name.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    name = Path(sys.executable).stem.lower()
    if name == "ccema":
        from ccema_desktop.cli import main as cli_main

        return cli_main()
    from ccema_desktop.__main__ import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
