"""Desktop start-up: process start to main window shown with a 25-participant workshop open, against a bare
PySide6 window shown in the same run; and the app's peak memory (targets: at most 2x, under 200 MB)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow(); w.resize(1280, 800); w.show()\n"
    "QTimer.singleShot(0, lambda: app.exit(0 if w.isVisible() else 3))\n"
    "raise SystemExit(app.exec())\n"
)


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time to exit (the programs quit as soon as the window is shown) and peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd} failed")
    return elapsed, usage.ru_maxrss // 1024


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


def bench_startup(repeat: int = 5) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        prepare(data)
        app_cmd = [sys.executable, "-m", "ccema_desktop", "--smoke-test", "--data-dir", str(data)]
        bare_cmd = [sys.executable, "-c", BARE]
        _run(app_cmd, env)  # warm the OS file cache for both, as a facilitator's second start would be
        _run(bare_cmd, env)
        app_runs = [_run(app_cmd, env) for _ in range(repeat)]
        bare_runs = [_run(bare_cmd, env) for _ in range(repeat)]
    app_t = statistics.median(t for t, _m in app_runs)
    bare_t = statistics.median(t for t, _m in bare_runs)
    peak = max(m for _t, m in app_runs)
    print(
        f"start-up to main window (25 participants): app {app_t * 1000:7.0f} ms   bare PySide6 window "
        f"{bare_t * 1000:6.0f} ms   ratio {app_t / bare_t:5.2f}x   (target <= 2x)"
    )
    print(f"peak memory of the app at start-up: {peak} MB   (target < 200 MB)")


if __name__ == "__main__":
    bench_startup()
