"""Headquarters inbox throughput: 1,000 small bundles uploaded over HTTP by 4 concurrent clients.

    .venv/bin/python benchmarks/bench_inbox.py [--bundles N] [--clients 4] [--people 5] [--sessions 5]

A venue database with N small workshops is written directly, each is exported as an encrypted bundle, and
the same files are then (1) imported from the folder into an empty headquarters database (`bundle import`,
the baseline) and (2) uploaded to `ccema hq serve` (a separate process on 127.0.0.1, an empty database of
its own, the laptop approved in advance) by 4 client threads, each `PUT` answered only after the file is
stored durably, merged and a receipt signed. The figure is the inbox's time as a ratio to the file import
of the same bundles in the same run (that import flushes its commits once at the end of the run; the inbox
flushes each upload before its receipt). Both databases are then checked to hold every bundle exactly once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from bench_sync import make_rows, raw_insert

from ccema_desktop.context import open_context
from ccema_desktop.services import devices
from ccema_desktop.storage.models import SyncImport
from ccema_desktop.sync import export, importer, keys

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _count_imports(folder: Path) -> int:
    from sqlalchemy import func, select

    ctx = open_context(folder, daily_backup=False)
    try:
        with ctx.db.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(SyncImport)).scalar_one())
    finally:
        ctx.close()


def bench_inbox(
    tmp: Path, bundles: int = 1000, clients: int = 4, people: int = 5, sessions: int = 5
) -> float:
    """Prints the figures; returns the ratio of the inbox's time to the file import's."""
    venue = open_context(tmp / "inbox-venue", daily_backup=False)
    hq_files = open_context(tmp / "inbox-hq-files", daily_backup=False)
    hq_keys = keys.init_headquarters(hq_files.paths)
    keys.write_public_key(hq_files.paths, tmp / "inbox-hq.pub")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    keys.enroll(venue.paths, tmp / "inbox-hq.pub", url)
    rows = make_rows(bundles, people, sessions, venue.db.device_id)
    venue_file = venue.sqlite_file
    assert venue_file is not None
    raw_insert(venue_file, rows, per_workshop=False)
    folder = tmp / "inbox-bundles"
    folder.mkdir()
    files: list[tuple[str, bytes]] = []
    for group in rows.by_workshop:
        result = export.export_bundle(
            venue, group["workshop"][0][0], folder / f"{group['workshop'][0][0]}.json"
        )
        files.append((result.bundle_id, result.path.read_bytes()))
    size = sum(len(data) for _, data in files)

    # Baseline: the same files imported from the folder.
    start = time.perf_counter()
    results = importer.import_paths(hq_files, [folder])
    file_time = time.perf_counter() - start
    assert all(r.status == "accepted" for r in results), [r.reason for r in results if r.reason][:3]

    # The inbox: its own data folder (same headquarters keys) and an empty database; the laptop approved.
    inbox_dir = tmp / "inbox-hq-http"
    shutil.copytree(hq_files.paths.keys, inbox_dir / "keys")
    hq_http = open_context(inbox_dir, daily_backup=False)
    devices.approve(hq_http.db, venue.db.device_id)
    hq_http.close()
    log = (tmp / "inbox-serve.log").open("wb")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "ccema_desktop.cli", "--data-dir", str(inbox_dir)),
            *("hq", "serve", "--port", str(port), "--log-level", "warning"),
        ],
        stdout=log,
        stderr=log,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the inbox did not start; see " + str(tmp / "inbox-serve.log"))
            time.sleep(0.05)
        statuses: list[int] = []
        lock = threading.Lock()

        def upload(share: list[tuple[str, bytes]]) -> None:
            with httpx.Client(timeout=60, trust_env=False) as client:
                for bundle_id, data in share:
                    status = client.put(f"{url}/bundles/{bundle_id}", content=data).status_code
                    with lock:
                        statuses.append(status)

        threads = [threading.Thread(target=upload, args=(files[i::clients],)) for i in range(clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        inbox_time = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    assert statuses == [200] * len(files), {s: statuses.count(s) for s in set(statuses)}
    assert _count_imports(inbox_dir) == len(files) == _count_imports(hq_files.paths.root)
    ratio = inbox_time / file_time
    print(
        f"inbox, {bundles:,} bundles ({rows.count:,} records, {size / 1e6:.1f} MB) by {clients} clients: "
        f"{inbox_time:6.2f} s = {bundles / inbox_time:7.1f} bundles/s   import from files {file_time:6.2f} s "
        f"= {bundles / file_time:7.1f} bundles/s   ratio {ratio:5.2f}x"
    )
    venue.close()
    hq_files.close()
    del hq_keys
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--people", type=int, default=5, help="participants per workshop")
    parser.add_argument("--sessions", type=int, default=5, help="sessions per workshop")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        bench_inbox(Path(folder), args.bundles, args.clients, args.people, args.sessions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
