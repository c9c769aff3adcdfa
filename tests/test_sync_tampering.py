"""Bundles that were altered, forged, misaddressed or are not bundles at all: rejected, with a reason, and
nothing written; the other files of the same run still import. Includes a hypothesis fuzz test."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccema_desktop.context import AppContext
from ccema_desktop.sync import envelope, keys
from ccema_desktop.sync.importer import import_file, import_paths
from tests.conftest import content_digest
from tests.sync_helpers import Headquarters, Laptop, enroll, headquarters, laptop


@dataclass
class World:
    hq: Headquarters
    hq_ctx: AppContext
    hq_keys: keys.HeadquartersKeys
    lap: Laptop
    workshop: str
    bundle: Path
    other: Path

    @property
    def db_file(self) -> Path:
        path = self.hq_ctx.sqlite_file
        assert path is not None
        return path


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "laptop")
    enroll(lap, hq)
    wid = lap.workshop("Tamper", "KZ", dt.date(2026, 4, 6), 1, [3])
    people = lap.roster(
        wid,
        [
            ["Ann Lee", "F", "Org", "environment", "", "KZ", "ann@example.org", ""],
            ["Bo Chen", "M", "Org", "academia", "", "KZ", "bo@example.org", ""],
        ],
    )
    lap.mark(wid, people["Ann Lee"], lap.sessions(wid), "present")
    bundle = lap.export(wid, tmp_path / "good.json")
    other_wid = lap.workshop("Other", "KZ", dt.date(2026, 5, 4), 1, [])
    other = lap.export(other_wid, tmp_path / "other.json")
    hq_ctx = hq.context()
    world = World(hq, hq_ctx, keys.load_headquarters(hq_ctx.paths), lap, wid, bundle, other)
    yield world
    hq_ctx.close()
    lap.ctx.close()


def _rejected(world: World, data: bytes, name: str) -> str:
    path = world.bundle.parent / name
    path.write_bytes(data)
    before = content_digest(world.db_file)
    result = import_file(world.hq_ctx, world.hq_keys, path)
    assert result.status == "rejected", result.as_json()
    assert result.reason
    assert content_digest(world.db_file) == before
    return result.reason


def _forge(world: World, signer: Ed25519PrivateKey, recipient: keys.EnrolledHeadquarters | None) -> bytes:
    """A well-formed bundle for the laptop's device id and workshop, signed by `signer`."""
    payload = {"not": "used"}
    return envelope.seal(
        json.dumps(payload).encode(),
        device_id=world.lap.ctx.db.device_id,
        device_key=signer,
        workshop_id=world.workshop,
        recipient=recipient,
    )


def test_flipped_bytes_anywhere_are_rejected(world: World) -> None:
    data = world.bundle.read_bytes()
    reasons = set()
    for position in (0, 1, 10, len(data) // 3, len(data) // 2, len(data) - 100, len(data) - 2, len(data) - 1):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        reasons.add(_rejected(world, bytes(flipped), f"flip-{position}.json"))
    assert any("signature" in r or "altered" in r for r in reasons)


def test_truncated_and_swapped_payloads_are_rejected(world: World) -> None:
    data = world.bundle.read_bytes()
    assert "not valid JSON" in _rejected(world, data[: len(data) // 2], "half.json")
    good = json.loads(data)
    other = json.loads(world.other.read_bytes())
    good["payload"], other["payload"] = other["payload"], good["payload"]
    assert "signature" in _rejected(world, envelope.canonical(good), "swapped.json")
    # Re-signed by someone who swapped the payload in: the payload no longer matches its header.
    assert "signature" in _rejected(world, envelope.canonical(other), "swapped2.json")


def test_another_key_under_a_known_device_id_is_rejected(world: World) -> None:
    assert import_file(world.hq_ctx, world.hq_keys, world.bundle).status == "accepted"
    impostor = Ed25519PrivateKey.generate()
    enrolled = keys.enrolled_headquarters(world.lap.ctx.paths)
    reason = _rejected(world, _forge(world, impostor, enrolled), "impostor.json")
    assert "another signing key" in reason
    # Replaying the genuine bundle re-signed with another key: same verdict.
    genuine = json.loads(world.bundle.read_bytes())
    genuine["device_public_key"] = keys.b64(keys.raw_public(impostor.public_key()))
    unsigned = {k: v for k, v in genuine.items() if k != "signature"}
    genuine["signature"] = keys.b64(impostor.sign(b"ccema-bundle-signature\n" + envelope.canonical(unsigned)))
    assert "another signing key" in _rejected(world, envelope.canonical(genuine), "replay.json")


def test_bundle_encrypted_to_another_headquarters_is_rejected(world: World, tmp_path: Path) -> None:
    other_hq = headquarters(tmp_path / "hq2")
    enroll(world.lap, other_hq)
    misaddressed = world.lap.export(world.workshop, tmp_path / "misaddressed.json")
    reason = _rejected(world, misaddressed.read_bytes(), "misaddressed2.json")
    assert "another headquarters" in reason


def test_not_bundles_are_rejected_quickly(world: World, tmp_path: Path) -> None:
    assert "not a JSON object" in _rejected(world, b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image.json")
    assert "not a CCEMA bundle" in _rejected(world, b'{"hello": "world"}', "other.json")
    assert "nested" in _rejected(world, b'{"a":' * 200_000 + b"1" + b"}" * 200_000, "deep.json")
    assert "nested" in _rejected(
        world, b'{"format":"ccema-bundle","x":' + b"[" * 50 + b"]" * 50 + b"}", "d.json"
    )
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:
        fh.write(b'{"format":"ccema-bundle","payload":"')
        block = b"A" * (1024 * 1024)
        for _ in range(100):
            fh.write(block)
        fh.write(b'"}')
    start = time.perf_counter()
    result = import_file(world.hq_ctx, world.hq_keys, huge)
    assert time.perf_counter() - start < 1.0
    assert result.status == "rejected" and "MB" in (result.reason or "")
    assert "format" in _rejected(
        world, envelope.canonical({"format": "ccema-bundle", "format_version": 1}), "x.json"
    )


def test_a_folder_run_continues_past_bad_files_and_quarantines_them(world: World) -> None:
    inbox = world.bundle.parent / "inbox"
    inbox.mkdir()
    (inbox / "1-good.json").write_bytes(world.bundle.read_bytes())
    (inbox / "0-broken.json").write_bytes(world.bundle.read_bytes()[:-10])
    (inbox / "2-notes.txt").write_text("not a bundle")
    (inbox / "3-other.json").write_bytes(world.other.read_bytes())
    run = world.hq.run("bundle", "import", str(inbox), "--json")
    assert run.code == 1
    results = {Path(r["file"]).name: r for r in run.json()}
    assert results["1-good.json"]["status"] == "accepted"
    assert results["3-other.json"]["status"] == "accepted"
    for name in ("0-broken.json", "2-notes.txt"):
        assert results[name]["status"] == "rejected"
        assert results[name]["reason"]
        assert Path(results[name]["quarantined"]).exists()
        assert not (inbox / name).exists()
    assert "2 file(s) rejected" in run.err
    assert sorted(p.name for p in inbox.iterdir()) == ["1-good.json", "3-other.json", "quarantine"]


def _mutations(data: bytes) -> st.SearchStrategy[bytes]:
    size = len(data)
    flip = st.tuples(st.integers(0, size - 1), st.integers(1, 255)).map(
        lambda p: data[: p[0]] + bytes([data[p[0]] ^ p[1]]) + data[p[0] + 1 :]
    )
    cut = st.integers(0, size - 1).map(lambda n: data[:n])
    insert = st.tuples(st.integers(0, size), st.binary(min_size=1, max_size=8)).map(
        lambda p: data[: p[0]] + p[1] + data[p[0] :]
    )
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=20,
    )
    envelope_like = st.dictionaries(st.sampled_from(sorted(json.loads(data))), json_values, max_size=12).map(
        lambda d: envelope.canonical({"format": "ccema-bundle", **d})
    )
    return st.one_of(flip, cut, insert, json_values.map(lambda v: json.dumps(v).encode()), envelope_like)


def test_fuzzed_bundles_never_crash_and_never_write(world: World) -> None:
    data = world.bundle.read_bytes()
    before = content_digest(world.db_file)
    target = world.bundle.parent / "fuzz.json"

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(_mutations(data))
    def check(mutated: bytes) -> None:
        if mutated == data:
            return
        target.write_bytes(mutated)
        result = import_file(world.hq_ctx, world.hq_keys, target)
        assert result.status == "rejected", (mutated[:200], result.as_json())
        assert result.reason

    check()
    assert content_digest(world.db_file) == before
    assert import_paths(world.hq_ctx, [world.bundle])[0].status == "accepted"


def _fixture_payload() -> dict[str, object]:
    fixtures = Path(__file__).parent / "fixtures"
    from ccema_desktop.paths import DataPaths

    class _Paths(DataPaths):
        @property
        def keys(self) -> Path:
            return fixtures / "bundle-v1-hq-keys"

    hq_keys = keys.load_headquarters(_Paths(fixtures))
    sealed = envelope.read_envelope((fixtures / "bundle-v1.json").read_bytes())
    payload: dict[str, object] = json.loads(envelope.decrypt(sealed, hq_keys))
    return payload


def test_the_compiled_validator_agrees_with_the_reference_validator() -> None:
    """fastjsonschema (used on import, for speed) and jsonschema (the reference) judge the same way."""
    from jsonschema import Draft202012Validator

    schema = envelope.schema()
    reference = Draft202012Validator({"$ref": "#/$defs/payload", "$defs": schema["$defs"]})
    payload = _fixture_payload()
    records = payload["records"]
    assert isinstance(records, dict)
    fields = [(table, name) for table, rows in records.items() if rows for name in rows[0]]
    values = (
        st.none()
        | st.booleans()
        | st.integers(-(2**40), 2**40)
        | st.text(max_size=40)
        | st.sampled_from(
            [
                "2026-03-02",
                "09:00:00",
                "2026-03-02T09:00:00+00:00",
                "present",
                "0b6f3c1e-1d2a-4b9e-8f00-1a2b3c4d5e6f",
            ]
        )
        | st.lists(st.integers(), max_size=3)
    )

    @settings(max_examples=120, deadline=None)
    @given(st.sampled_from(fields), values)
    def check(field: tuple[str, str], value: object) -> None:
        table, name = field
        mutated = json.loads(json.dumps(payload))
        mutated["records"][table][0][name] = value
        try:
            envelope.validate(mutated, "payload", "payload")
            fast_ok = True
        except envelope.BundleRejected:
            fast_ok = False
        assert fast_ok == reference.is_valid(mutated), (table, name, value)

    check()


def test_a_payload_that_inflates_past_the_limit_is_rejected(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(envelope, "MAX_PAYLOAD_BYTES", 1024 * 1024)
    bomb = envelope.seal(
        b'{"pad":"' + b"0" * (4 * 1024 * 1024) + b'"}',
        device_id="d0000000-0000-4000-8000-000000000000",
        device_key=Ed25519PrivateKey.generate(),
        workshop_id=world.workshop,
        recipient=keys.enrolled_headquarters(world.lap.ctx.paths),
    )
    assert len(bomb) < 64 * 1024
    assert "too large" in _rejected(world, bomb, "bomb.json")
