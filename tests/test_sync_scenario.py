"""Acceptance scenario: three laptops run workshops, headquarters imports in any order, any number of times.

The expected statistics are worked out by hand from who attended what (see the comments), including one
person who attended two workshops on two laptops and is counted once.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ccema_desktop.services import participants
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage.models import Enrolment, Participant, SyncImport
from tests.sync_helpers import (
    BACKENDS,
    Headquarters,
    backend_url,
    enroll,
    headquarters,
    laptop,
)


@pytest.fixture(params=BACKENDS)
def hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Headquarters]:
    with backend_url(request.param) as url:
        yield headquarters(tmp_path / "hq", url)


def test_three_laptops_to_headquarters(tmp_path: Path, hq: Headquarters) -> None:
    out = tmp_path / "bundles"
    out.mkdir()

    # Laptop A: Astana, November 2025.
    a = laptop(tmp_path / "laptop-a")
    enroll(a, hq)
    wa = a.workshop("MECC Astana", "KZ", dt.date(2025, 11, 10), 2, [1])
    pa = a.roster(
        wa,
        [
            [
                "Aigerim Bekova",
                "F",
                "Ministry of Ecology",
                "environment",
                "Head",
                "KZ",
                "shared@example.org",
                "",
            ],
            [
                "Bakhyt Seitkali",
                "M",
                "Ministry of Agriculture",
                "agriculture",
                "Analyst",
                "KZ",
                "bakhyt@example.org",
                "",
            ],
            ["Olga Petrenko", "F", "Academy", "academia", "Researcher", "KZ", "olga@example.org", ""],
            ["Juma Hamisi", "M", "PMO", "DRR", "Coordinator", "TZ", "", "+255 1"],
        ],
    )
    sa = a.sessions(wa)
    a.mark(wa, pa["Aigerim Bekova"], sa, "present")  # every session: eligible
    a.mark(wa, pa["Bakhyt Seitkali"], sa[:1], "late")  # one session: trained, not eligible
    a.mark(wa, pa["Olga Petrenko"], sa, "absent")  # never there: registered, not trained
    a.mark(wa, pa["Juma Hamisi"], sa, "present")  # eligible, no e-mail
    a_old = a.export(wa, out / "a-old.json")
    # Later on laptop A: a phone number is corrected and the workshop starts running.
    a.roster(wa, [["Bakhyt Seitkali", "", "", "", "", "", "bakhyt@example.org", "+7 701 555"]])
    ws.set_status(a.ctx.db, wa, "running")
    a_new = a.export(wa, out / "a-new.json")

    # Laptop B: Dakar, February 2026; Aigerim attends again (her e-mail typed with capitals).
    b = laptop(tmp_path / "laptop-b")
    enroll(b, hq)
    wb = b.workshop("MECC Dakar", "SN", dt.date(2026, 2, 2), 2, [2])
    pb = b.roster(
        wb,
        [
            [
                "Aigerim Bekova",
                "F",
                "Ministry of Ecology",
                "environment",
                "Director",
                "KZ",
                "shared@example.org",
                "",
            ],
            [
                "Moussa Diop",
                "M",
                "Interior",
                "migration and home affairs",
                "Director",
                "SN",
                "moussa@example.org",
                "",
            ],
            ["Amélie Dubois", "F", "Environment", "environment", "Officer", "SN", "", ""],
        ],
    )
    with b.ctx.db.transaction() as s:
        person = s.get(Participant, pb["Aigerim Bekova"])
        assert person is not None
        person.email = "Shared@Example.ORG"
    sb = b.sessions(wb)
    b.mark(wb, pb["Aigerim Bekova"], sb, "present")
    b.mark(wb, pb["Moussa Diop"], sb, "present")
    b.mark(wb, pb["Amélie Dubois"], sb, "excused")
    b_bundle = b.export(wb, out / "b.json")

    # Laptop C: Bogotá, May 2026.
    c = laptop(tmp_path / "laptop-c")
    enroll(c, hq)
    wc = c.workshop("MECC Bogotá", "CO", dt.date(2026, 5, 4), 2, [7])
    pc = c.roster(
        wc,
        [
            [
                "José Ramírez",
                "M",
                "Ministerio de Ambiente",
                "environment",
                "Director",
                "CO",
                "jose@example.org",
                "",
            ],
            [
                "María Gómez",
                "F",
                "UNGRD",
                "disaster risk management",
                "Asesora",
                "CO",
                "maria@example.org",
                "",
            ],
        ],
    )
    sc = c.sessions(wc)
    c.mark(wc, pc["José Ramírez"], sc, "present")
    c.mark(wc, pc["María Gómez"], sc[:1], "present")
    c_bundle = c.export(wc, out / "c.json")

    # Headquarters: shuffled, twice, then the older export of laptop A after its newer one.
    files = [a_new, b_bundle, c_bundle]
    random.Random(2026).shuffle(files)
    first = hq.run("bundle", "import", *map(str, files), "--json")
    assert first.code == 0, first.err
    assert [r["status"] for r in first.json()] == ["accepted"] * 3
    random.Random(7).shuffle(files)
    again = hq.run("bundle", "import", *map(str, files), "--json")
    assert [r["status"] for r in again.json()] == ["unchanged"] * 3
    stale = hq.run("bundle", "import", str(a_old), "--json")
    assert stale.code == 0 and stale.json()[0]["status"] == "unchanged"
    assert stale.json()[0]["new"] == stale.json()[0]["updated"] == 0

    stats = hq.run("stats", "--json")
    assert stats.code == 0, stats.err
    figures = stats.json()
    n_a, n_b, n_c = len(sa), len(sb), len(sc)
    assert min(n_a, n_b, n_c) >= 2
    attended = (n_a + 1 + 0 + n_a) + (n_b + n_b + 0) + (n_c + 1)
    seats = 4 * n_a + 3 * n_b + 2 * n_c
    # Evaluation figures (keys added by the evaluations feature) are None without evaluation responses.
    evaluation = {k: figures.pop(k) for k in list(figures) if k.startswith(("satisfaction_", "knowledge_"))}
    assert evaluation["knowledge_pairs"] == 0 and evaluation["satisfaction_share_agreeing"] is None
    assert figures == {
        "workshops": 3,
        # A: 4, B: 3, C: 2 people, Aigerim twice: 8 persons.
        "participants_registered": 8,
        # Aigerim, Bakhyt, Juma (A); Aigerim again, Moussa (B); José, María (C).
        "participants_trained": 6,
        # Aigerim and Juma (A), Aigerim and Moussa (B), José (C): enrolments reaching 80 %.
        "certificates_eligible": 5,
        "attendance_rate": round(attended / seats, 4),
        "by_sex": {"male": 4, "female": 2},
        "by_sector": {
            "disaster_risk_management": 2,
            "environment": 2,
            "agriculture": 1,
            "migration_home_affairs": 1,
        },
        "by_country": {"CO": 2, "KZ": 2, "SN": 1, "TZ": 1},
        # 2025: Aigerim, Bakhyt, Juma; 2026: Aigerim, Moussa, José, María.
        "by_year": {"2025": 3, "2026": 4},
    }

    ctx = hq.context()
    try:
        with ctx.db.transaction() as s:
            assert s.scalar(select(func.count()).select_from(Participant)) == 8
            emails = list(
                s.scalars(select(func.lower(Participant.email)).where(Participant.email.is_not(None)))
            )
            assert len(emails) == len(set(emails)) == 6
            assert s.scalar(select(func.count()).select_from(Enrolment)) == 9
            assert s.scalar(select(func.count()).select_from(SyncImport)) == 4
        # The newer export won: the corrected phone and the workshop status; nothing went back.
        people = {p.full_name: p for p in participants.list_participants(ctx.db, wa)}
        assert people["Bakhyt Seitkali"].phone == "+7 701 555"
        assert ws.get_workshop(ctx.db, wa).status == "running"
        # Aigerim is one person with both enrolments.
        aigerim = [p for p in participants.list_participants(ctx.db, wb) if p.full_name == "Aigerim Bekova"]
        assert [p.id for p in aigerim] == [people["Aigerim Bekova"].id]
    finally:
        ctx.close()
    # Two devices recorded Aigerim differently (position, e-mail case): one conflict, the loser kept.
    conflicts = hq.run("conflicts", "--json").json()
    assert len(conflicts) == 1
    assert conflicts[0]["table"] == "participant"
    assert {conflicts[0]["winner"]["device_id"], conflicts[0]["loser"]["device_id"]} == {
        a.ctx.db.device_id,
        b.ctx.db.device_id,
    }
    for lap in (a, b, c):
        lap.ctx.close()
