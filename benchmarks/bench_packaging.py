"""The packaged app: start-up to the main window against the source install in the same run, and the size
of the build. Needs a build (bash packaging/build-linux.sh); says so and skips otherwise.

    .venv/bin/python benchmarks/bench_packaging.py [--repeat N] [--cold]

Each start is a new process (`--smoke-test`: open the main window with a 25-participant workshop, then
exit). By default the OS file cache is warm, as for a facilitator's second start of the day; `--cold` empties
it before every start, as after switching the laptop on (Linux, as root: it writes /proc/sys/vm/drop_caches,
which slows every program on the machine for a moment). Both programs get the same bare environment.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench_startup import prepare

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "dist" / "ccema-desktop"


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def _start(cmd: list[str], env: dict[str, str], cold: bool = False) -> float:
    if cold:
        os.sync()
        DROP_CACHES.write_text("3\n")
    started = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: {proc.stderr}")
    return elapsed


def _mebibytes(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.lstat().st_size for p in path.rglob("*")) / 2**20


def bench_packaging(repeat: int = 5, cold: bool = False) -> None:
    program = BUILD / "ccema-desktop"
    if not program.exists():
        print("packaged start-up: skipped, no build (run: bash packaging/build-linux.sh)")
        return
    if cold and not os.access(DROP_CACHES, os.W_OK):
        print("packaged cold start-up: skipped, emptying the file cache needs root on Linux")
        return
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        prepare(data)
        env = {"HOME": folder, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
        packaged = [str(program), "--smoke-test", "--data-dir", str(data)]
        source = [sys.executable, "-m", "ccema_desktop", "--smoke-test", "--data-dir", str(data)]
        if not cold:
            _start(packaged, env)  # warm the OS file cache for both
            _start(source, env)
        packaged_runs, source_runs = [], []
        for _ in range(repeat):  # interleaved, so a busy moment of the machine hits both alike
            packaged_runs.append(_start(packaged, env, cold))
            source_runs.append(_start(source, env, cold))
    built, src = statistics.median(packaged_runs), statistics.median(source_runs)
    cache = "empty file cache" if cold else "warm file cache"
    print(
        f"packaged start-up to main window ({cache}): build {built * 1000:5.0f} ms   "
        f"source install {src * 1000:5.0f} ms   ratio {built / src:5.2f}x"
    )
    tarball = REPO / "dist" / f"ccema-desktop-{version('ccema-desktop')}-linux-{platform.machine()}.tar.gz"
    sizes = f"folder {_mebibytes(BUILD):.0f} MiB"
    if tarball.exists():
        sizes += f", {tarball.name} {_mebibytes(tarball):.0f} MiB"
    print(f"size of the build: {sizes}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="empty the OS file cache before every start")
    args = parser.parse_args(argv)
    bench_packaging(args.repeat, args.cold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
