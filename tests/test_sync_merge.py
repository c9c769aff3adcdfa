"""Merge rules: order does not matter, conflicts are logged, dry runs write nothing, records stay in their
workshop, keys behave, and two imports at the same time leave no duplicates."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import func, select

from ccema_desktop.services import curriculum, participants
from ccema_desktop.storage.models import AgendaSession, Enrolment, Participant, SyncImport
from ccema_desktop.sync import envelope, export, keys, registry
from ccema_desktop.sync.importer import import_paths
from tests.conftest import content_digest
from tests.sync_helpers import (
    BACKENDS,
    Laptop,
    ccema,
    enroll,
    headquarters,
    laptop,
    pg_schema_url,
)

PEOPLE = [
    ["Ann Lee", "F", "Org", "environment", "", "KZ", "ann@example.org", "111"],
    ["Bo Chen", "M", "Org", "academia", "", "KZ", "bo@example.org", ""],
]


def _copy_laptop(source: Laptop, folder: Path) -> Laptop:
    """A second laptop started from a copy of the first one's database (a new device id and key)."""
    source.ctx.close()
    shutil.copytree(source.folder, folder)
    shutil.rmtree(folder / "keys")
    conn = sqlite3.connect(folder / "ccema.sqlite")
    with conn:
        conn.execute(
            "UPDATE db_meta SET value = 'b0000000-0000-4000-8000-000000000000' WHERE key = 'device_id'"
        )
    conn.close()
    return laptop(folder)


def _rows(ctx_db_file: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(ctx_db_file)
    try:
        return conn.execute(
            "SELECT id, phone, revision, device_id, updated_at FROM participant ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_order_does_not_matter_and_the_loser_is_logged(tmp_path: Path) -> None:
    a = laptop(tmp_path / "a")
    wid = a.workshop("Shared", "KZ", dt.date(2026, 6, 1), 1, [1])
    ann = a.roster(wid, PEOPLE)["Ann Lee"]
    b = _copy_laptop(a, tmp_path / "b")
    a = laptop(tmp_path / "a")
    assert a.ctx.db.device_id != b.ctx.db.device_id
    # Both laptops change Ann's phone: same revision, laptop B later.
    a.roster(wid, [["Ann Lee", "", "", "", "", "", "ann@example.org", "222"]])
    b.roster(wid, [["Ann Lee", "", "", "", "", "", "ann@example.org", "333"]])
    bundle_a = a.export(wid, tmp_path / "a.json", "--plain")
    bundle_b = b.export(wid, tmp_path / "b.json", "--plain")

    hq1 = headquarters(tmp_path / "hq1")
    hq2 = headquarters(tmp_path / "hq2")
    for hq, order in ((hq1, [bundle_a, bundle_b]), (hq2, [bundle_b, bundle_a])):
        run = hq.run("bundle", "import", *map(str, order), "--json")
        assert run.code == 0, run.err
        assert run.json()[0]["status"] == "accepted"
    rows1 = _rows(hq1.folder / "ccema.sqlite")
    assert rows1 == _rows(hq2.folder / "ccema.sqlite")
    assert {r[0]: r[1] for r in rows1}[ann] == "333"  # equal revisions: the later change wins
    for hq in (hq1, hq2):
        conflicts = hq.run("conflicts", "--json").json()
        assert [(c["record_id"], c["loser"]["data"]["phone"]) for c in conflicts] == [(ann, "222")]
        # Importing everything again changes nothing, not even the conflict log.
        before = content_digest(hq.folder / "ccema.sqlite")
        again = hq.run("bundle", "import", str(bundle_a), str(bundle_b), "--json")
        assert {r["status"] for r in again.json()} == {"unchanged"}
        assert content_digest(hq.folder / "ccema.sqlite") == before
    a.ctx.close()
    b.ctx.close()


def test_dry_run_reports_and_writes_nothing(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "lap")
    enroll(lap, hq)
    wid = lap.workshop("Dry", "KZ", dt.date(2026, 6, 1), 1, [1])
    lap.roster(wid, PEOPLE)
    bundle = lap.export(wid, tmp_path / "b.json")
    before = content_digest(hq.folder / "ccema.sqlite")
    dry = hq.run("bundle", "import", str(bundle), "--dry-run", "--json")
    assert dry.code == 0 and dry.json()[0]["dry_run"] is True
    assert content_digest(hq.folder / "ccema.sqlite") == before
    real = hq.run("bundle", "import", str(bundle), "--json")
    for key in ("status", "new", "updated", "tables"):
        assert dry.json()[0][key] == real.json()[0][key]
    assert real.json()[0]["tables"]["participant"] == {"new": 2, "updated": 0}
    lap.ctx.close()


def test_a_record_never_moves_to_another_workshop(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "lap")
    enroll(lap, hq)
    first = lap.workshop("First", "KZ", dt.date(2026, 6, 1), 1, [])
    second = lap.workshop("Second", "KZ", dt.date(2026, 7, 1), 1, [])
    assert hq.run("bundle", "import", str(lap.export(first, tmp_path / "first.json"))).code == 0
    with lap.ctx.db.transaction() as s:
        payload = export.build_payload(
            s, second, lap.ctx.db.device_id, "c0000000-0000-4000-8000-000000000001"
        )
        stolen = s.scalars(select(AgendaSession.id).where(AgendaSession.workshop_id == first)).first()
    moved = next(r for r in payload["records"]["agenda_session"])
    payload["records"]["agenda_session"].append({**moved, "id": stolen, "revision": 99})
    data = envelope.seal(
        json.dumps(payload).encode(),
        device_id=lap.ctx.db.device_id,
        device_key=keys.ensure_device_key(lap.ctx.paths),
        workshop_id=second,
        recipient=keys.enrolled_headquarters(lap.ctx.paths),
        bundle_id=payload["bundle_id"],
    )
    (tmp_path / "moved.json").write_bytes(data)
    before = content_digest(hq.folder / "ccema.sqlite")
    run = hq.run("bundle", "import", str(tmp_path / "moved.json"), "--json")
    assert run.code == 1
    assert "another workshop" in run.json()[0]["reason"]
    assert content_digest(hq.folder / "ccema.sqlite") == before
    lap.ctx.close()


def test_custom_exercises_and_curriculum_references_travel(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "lap")
    enroll(lap, hq)
    curriculum.add_custom_exercise(lap.ctx.db, 1, "Local river walk", 30)
    wid = lap.workshop("Custom", "KZ", dt.date(2026, 6, 1), 2, [1])
    run = hq.run("bundle", "import", str(lap.export(wid, tmp_path / "b.json")), "--json")
    assert run.code == 0, run.err
    assert run.json()[0]["tables"]["exercise"]["new"] == 1
    hq_ctx = hq.context()
    try:
        hq_exercises = {
            m.number: {e.title: e.id for e in m.exercises} for m in curriculum.list_modules(hq_ctx.db, "en")
        }
        with hq_ctx.db.transaction() as s:
            linked = {
                (module, exercise_id)
                for module, exercise_id in s.execute(
                    select(AgendaSession.module_number, AgendaSession.exercise_id).where(
                        AgendaSession.workshop_id == wid, AgendaSession.exercise_id.is_not(None)
                    )
                )
            }
        assert linked and all(exercise_id in hq_exercises[1].values() for _m, exercise_id in linked)
        assert "Local river walk" in hq_exercises[1]
    finally:
        hq_ctx.close()
        lap.ctx.close()


def test_registry_covers_every_synced_model_and_the_schema_is_valid() -> None:
    assert registry.unregistered_models() == [], "add the table to sync.registry.REGISTRY (one line)"
    Draft202012Validator.check_schema(envelope.schema())
    names = [t.name for t in registry.REGISTRY]
    assert names.index("participant") < names.index("enrolment") < names.index("attendance")


def test_keys_and_enrolment(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    assert hq.run("hq", "init").code == 1  # never replaced
    lap = laptop(tmp_path / "lap")
    device_key = lap.folder / "keys" / "device-ed25519.pem"
    assert device_key.exists(), "made on first start"
    assert stat.S_IMODE(device_key.stat().st_mode) == 0o600
    wid = lap.workshop("Keys", "KZ", dt.date(2026, 6, 1), 1, [])
    refused = ccema("--data-dir", str(lap.folder), "bundle", "export", wid, "--out", str(tmp_path / "x.json"))
    assert refused.code == 1 and "ccema device enroll" in refused.err and "--plain" in refused.err
    assert not (tmp_path / "x.json").exists()
    not_a_key = tmp_path / "nope.json"
    not_a_key.write_text('{"format": "something else"}')
    bad = ccema("--data-dir", str(lap.folder), "device", "enroll", str(not_a_key))
    assert bad.code == 1 and "not a headquarters public key" in bad.err
    plain = lap.export(wid, tmp_path / "plain.json", "--plain")
    assert json.loads(plain.read_bytes())["encryption"] == {"scheme": "none"}
    enroll(lap, hq)
    shown = ccema("--data-dir", str(lap.folder), "device", "show", "--json").json()
    assert shown["device_id"] == lap.ctx.db.device_id
    assert shown["headquarters"]["inbox_url"] == "https://hq.test/inbox"
    run = hq.run("bundle", "import", str(plain), "--json")
    assert run.code == 0 and run.json()[0]["encrypted"] is False
    devices = hq.run("hq", "devices", "--json").json()
    assert [d["device_id"] for d in devices] == [lap.ctx.db.device_id]
    lap.ctx.close()


def test_an_older_format_version_stays_importable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The saved version 1 bundle imports; and once the format moves on, version 1 is upgraded on import."""
    fixtures = Path(__file__).parent / "fixtures"
    hq_folder = tmp_path / "hq"
    (hq_folder / "keys").mkdir(parents=True)
    for name in ("hq-x25519.pem", "hq-ed25519.pem"):
        shutil.copy(fixtures / "bundle-v1-hq-keys" / name, hq_folder / "keys" / name)
        os.chmod(hq_folder / "keys" / name, 0o600)
    bundle = fixtures / "bundle-v1.json"
    assert json.loads(bundle.read_bytes())["format_version"] == 1
    run = ccema("--data-dir", str(hq_folder), "bundle", "import", str(bundle), "--dry-run", "--json")
    assert run.code == 0, run.out
    assert run.json()[0]["tables"]["participant"]["new"] == 3

    seen: list[int] = []

    def upgrade_1_to_2(payload: dict[str, object]) -> dict[str, object]:
        seen.append(1)
        return payload

    monkeypatch.setattr(envelope, "FORMAT_VERSION", 2)
    monkeypatch.setitem(envelope.UPGRADES, 1, upgrade_1_to_2)
    run = ccema("--data-dir", str(hq_folder), "bundle", "import", str(bundle), "--json")
    assert run.code == 0 and run.json()[0]["status"] == "accepted"
    assert seen == [1]
    hq = ccema("--data-dir", str(hq_folder), "stats", "--json").json()
    assert hq["participants_registered"] == 3


def _three_laptops_sharing_people(tmp_path: Path, public_key: Path) -> list[Path]:
    bundles = []
    for n in range(3):
        lap = laptop(tmp_path / f"lap{n}")
        assert ccema("--data-dir", str(lap.folder), "device", "enroll", str(public_key)).code == 0
        for k in range(2):
            wid = lap.workshop(f"W{n}{k}", "KZ", dt.date(2026, 3 + n, 1 + 7 * k), 1, [])
            rows = [
                [f"Person {i}", "F", "Org", "environment", "", "KZ", f"P{i}@Example.org", ""]
                for i in range(14)
            ]
            people = lap.roster(wid, rows[n * 3 : n * 3 + 8])
            for pid in people.values():
                lap.mark(wid, pid, lap.sessions(wid), "present")
            bundles.append(lap.export(wid, tmp_path / f"b{n}{k}.json"))
        lap.ctx.close()
    return bundles


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_imports_at_the_same_time_leave_no_duplicates(tmp_path: Path, backend: str) -> None:
    def run(url: str | None) -> None:
        hq = headquarters(tmp_path / "hq", url)
        bundles = _three_laptops_sharing_people(tmp_path, hq.public_key)
        env = {**os.environ, "CCEMA_LANG": "en"}
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "ccema_desktop.cli",
                    *hq.args("bundle", "import", *map(str, files), "--json"),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for files in (bundles[:4], bundles[::-1])
        ]
        outputs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outputs, strict=True):
            assert p.returncode == 0, err
            assert all(r["status"] in ("accepted", "unchanged") for r in json.loads(out))
        ctx = hq.context()
        try:
            with ctx.db.transaction() as s:
                emails = list(s.scalars(select(func.lower(Participant.email))))
                assert len(emails) == len(set(emails)) == 14
                pairs = s.execute(select(Enrolment.workshop_id, Enrolment.participant_id)).all()
                assert len(pairs) == len(set(pairs)) == 6 * 8
                assert s.scalar(select(func.count()).select_from(SyncImport)) == 6
            assert {len(participants.list_participants(ctx.db, w.id)) for w in _workshops(ctx)} == {8}
        finally:
            ctx.close()
        stats = hq.run("stats", "--json").json()
        assert stats["participants_trained"] == 14 and stats["workshops"] == 6

    if backend == "postgresql":
        with pg_schema_url() as url:
            run(url)
    else:
        run(None)


def _workshops(ctx: object) -> list[object]:
    from ccema_desktop.services import workshops as ws

    return list(ws.list_workshops(ctx.db))  # type: ignore[attr-defined]


def test_import_needs_a_headquarters_key(tmp_path: Path) -> None:
    lap = laptop(tmp_path / "lap")
    wid = lap.workshop("NoHQ", "KZ", dt.date(2026, 6, 1), 1, [])
    bundle = lap.export(wid, tmp_path / "b.json", "--plain")
    run = ccema("--data-dir", str(tmp_path / "not-hq"), "bundle", "import", str(bundle))
    assert run.code == 1 and "ccema hq init" in run.err
    assert import_paths is not None
    lap.ctx.close()


def test_headquarters_stores_exactly_what_the_venue_stored(tmp_path: Path) -> None:
    """Every synced row arrives unchanged, down to the text SQLite holds (dates, times, JSON, booleans)."""
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "lap")
    enroll(lap, hq)
    curriculum.add_custom_exercise(lap.ctx.db, 2, "Mapping exercise", 45)
    wid = lap.workshop("Exact", "SN", dt.date(2026, 6, 1), 2, [2, 7])
    people = lap.roster(wid, PEOPLE)
    lap.mark(wid, people["Ann Lee"], lap.sessions(wid), "late")
    assert hq.run("bundle", "import", str(lap.export(wid, tmp_path / "b.json"))).code == 0
    lap.ctx.close()

    def dump(db_file: Path, table: str, where: str) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(db_file)
        try:
            return conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id").fetchall()
        finally:
            conn.close()

    scopes = {
        "workshop": f"id = '{wid}'",
        "agenda_session": f"workshop_id = '{wid}' AND exercise_id IS NULL",
        "participant": "1 = 1",
        "enrolment": "1 = 1",
        "attendance": "1 = 1",
        "exercise": "is_custom = 1",
    }
    for table, where in scopes.items():
        venue_rows = dump(lap.folder / "ccema.sqlite", table, where)
        assert venue_rows, table
        hq_rows = dump(hq.folder / "ccema.sqlite", table, where)
        if table == "exercise":  # module_id is headquarters' own module
            venue_rows = [r[1:] for r in venue_rows]
            hq_rows = [r[1:] for r in hq_rows]
        assert hq_rows == venue_rows, table
