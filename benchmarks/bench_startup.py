"""Desktop start-up: process start to main window shown with a 25-participant workshop open, against a bare
PySide6 window shown in the same run; and the app's peak memory (targets: at most 2x, under 200 MB).

    .venv/bin/python benchmarks/bench_startup.py [--repeat N]

Both programs print one line on stdout once their window is shown, that is painted (the app with
`--smoke-test`: once the most recent workshop is open and the first screen shows its data), and the time is
taken when that line arrives. The app then finishes opening its database in the background before it exits, so the time to exit
is reported too. Runs alternate between the two programs so a busy moment of the machine hits both alike;
CPU time (user + system, all threads) is shown beside the wall clock because it swings less on a shared
machine. Both programs get a private bytecode cache (PYTHONPYCACHEPREFIX, filled by the warm-up start), as an
installed app has its .pyc files: with PYTHONDONTWRITEBYTECODE set, every start would compile the app's
sources again, which no facilitator's start does.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: Like the app, the bare window says it is shown once its first paint is done (the app: the first paint once
#: its data is in, `MainWindow.first_frame`).
BARE = (
    "import time\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "class Window(QMainWindow):\n"
    "    painted = False\n"
    "    def paintEvent(self, event):\n"
    "        super().paintEvent(event)\n"
    "        if not self.painted:\n"
    "            self.painted = True\n"
    "            QTimer.singleShot(0, shown)\n"
    "def shown():\n"
    "    print(f'bare window shown (cpu {time.process_time():.4f} s)', flush=True)\n"
    "    app.exit(0 if w.isVisible() else 3)\n"
    "w = Window(); w.resize(1280, 800); w.show()\n"
    "raise SystemExit(app.exec())\n"
)


@dataclass(frozen=True)
class Start:
    shown: float  # seconds from process start to its first line on stdout (the window is shown)
    shown_cpu: float | None  # CPU seconds it had used by then, as it says in that line
    exited: float  # seconds from process start to exit
    cpu: float  # user + system seconds of the whole process
    peak_mb: int


_CPU = re.compile(rb"\(cpu ([0-9.]+) s\)")


def _run(cmd: list[str], env: dict[str, str]) -> Start:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    shown = time.perf_counter() - start
    said = _CPU.search(first)
    shown_cpu = float(said.group(1)) if said else None
    proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    exited = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0 or not first:
        raise RuntimeError(f"{cmd} failed")
    return Start(shown, shown_cpu, exited, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def prepare(data_dir: Path) -> None:
    from ccema_desktop.context import open_context
    from ccema_desktop.services import demo
    from ccema_desktop.settings import Settings, save_settings

    ctx = open_context(data_dir)
    workshop = demo.ensure_demo_workshop(ctx.db)
    save_settings(
        ctx.paths.settings_file, Settings(language="en", recent_workshops=[workshop], demo_offered=True)
    )
    ctx.close()


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:5.0f} ms ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"


def bench_startup(repeat: int = 7) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
        data = Path(folder) / "data"
        prepare(data)
        app_cmd = [sys.executable, "-m", "ccema_desktop", "--smoke-test", "--data-dir", str(data)]
        bare_cmd = [sys.executable, "-c", BARE]
        _run(app_cmd, env)  # warm the OS file cache for both, as a facilitator's second start would be
        _run(bare_cmd, env)
        app_runs: list[Start] = []
        bare_runs: list[Start] = []
        for _ in range(repeat):  # interleaved
            app_runs.append(_run(app_cmd, env))
            bare_runs.append(_run(bare_cmd, env))
    app_shown = [r.shown for r in app_runs]
    bare_shown = [r.shown for r in bare_runs]
    ratios = [a / b for a, b in zip(app_shown, bare_shown, strict=True)]
    print(
        f"start-up to main window shown (25 participants): app {_ms(app_shown)}   bare PySide6 window "
        f"{_ms(bare_shown)}   ratio {statistics.median(app_shown) / statistics.median(bare_shown):5.2f}x "
        f"(pairs {min(ratios):.2f}-{max(ratios):.2f})   (target <= 2x)"
    )
    app_shown_cpu = [r.shown_cpu for r in app_runs if r.shown_cpu is not None]
    bare_shown_cpu = [r.shown_cpu for r in bare_runs if r.shown_cpu is not None]
    if app_shown_cpu and bare_shown_cpu:
        print(
            f"CPU time to main window shown (as reported):  app {_ms(app_shown_cpu)}   bare PySide6 window "
            f"{_ms(bare_shown_cpu)}   ratio "
            f"{statistics.median(app_shown_cpu) / statistics.median(bare_shown_cpu):5.2f}x"
        )
    app_exit = [r.exited for r in app_runs]
    bare_exit = [r.exited for r in bare_runs]
    print(
        f"start-up to exit (app: database fully open):   app {_ms(app_exit)}   bare PySide6 window "
        f"{_ms(bare_exit)}   ratio {statistics.median(app_exit) / statistics.median(bare_exit):5.2f}x"
    )
    app_cpu = [r.cpu for r in app_runs]
    bare_cpu = [r.cpu for r in bare_runs]
    print(
        f"CPU time of the whole start (all threads):     app {_ms(app_cpu)}   bare PySide6 window "
        f"{_ms(bare_cpu)}   ratio {statistics.median(app_cpu) / statistics.median(bare_cpu):5.2f}x"
    )
    peak = max(r.peak_mb for r in app_runs)
    print(f"peak memory of the app at start-up: {peak} MB   (target < 200 MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    bench_startup(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
