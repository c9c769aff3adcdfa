"""Certificates issued offline at a venue verify at headquarters after the workshop's bundle is imported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ccema_desktop.services import certificates
from ccema_desktop.services import workshops as ws
from tests.sync_helpers import enroll, headquarters, laptop


def test_codes_verify_at_headquarters_after_import(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "laptop")
    enroll(lap, hq)
    wid = lap.workshop("Certificates travel", "TZ", dt.date(2026, 8, 3), 2, [1])
    people = lap.roster(
        wid,
        [
            ["Амина Салиму", "F", "VPO", "environment", "", "TZ", "amina@vpo.go.tz", ""],
            ["Joseph Mushi", "M", "PMO", "agriculture", "", "TZ", "joseph@pmo.go.tz", ""],
        ],
    )
    sessions = lap.sessions(wid)
    lap.mark(wid, people["Амина Салиму"], sessions, "present")
    lap.mark(wid, people["Joseph Mushi"], sessions[:1], "present")
    ws.set_recommendations(lap.ctx.db, wid, "Run a follow-up on NAP integration.")
    certificates.write_certificates(lap.ctx.db, wid, tmp_path / "certs.pdf")
    (issued,) = certificates.list_certificates(lap.ctx.db, wid)
    bundle = lap.export(wid, tmp_path / "bundle.json")

    before = hq.run("certificate", "verify", issued.verification_code)
    assert before.code == 1
    run = hq.run("bundle", "import", str(bundle), "--json")
    assert run.code == 0, run.err
    assert run.json()[0]["tables"]["certificate"]["new"] == 1

    ok = hq.run("certificate", "verify", issued.verification_code, "--json")
    assert ok.code == 0, ok.err
    assert ok.json()["valid"] is True and ok.json()["participant"] == "Амина Салиму"
    altered = issued.verification_code[:-1] + ("0" if issued.verification_code[-1] != "0" else "1")
    assert hq.run("certificate", "verify", altered).code == 1
    hq_ctx = hq.context()
    assert ws.get_recommendations(hq_ctx.db, wid) == "Run a follow-up on NAP integration."
    hq_ctx.close()
    lap.ctx.close()
