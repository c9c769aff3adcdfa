"""What the reports count: persons trained, eligibility, per-session marks, HQ totals and demo exclusion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ccema_desktop.context import AppContext
from ccema_desktop.services import attendance, certificates, reporting
from ccema_desktop.services import workshops as ws
from tests.report_fixtures import ABSENT, make_workshop


def test_workshop_report_counts(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_workshop(ctx, tmp_path)
    data = reporting.workshop_report_data(ctx.db, sc.code)
    assert data.enrolled == 25 and data.attended == 25  # the absent ones came to the first session
    assert data.eligible == len(sc.eligible) == 25 - len(ABSENT)
    assert data.certificates == 0
    certificates.issue_certificates(ctx.db, sc.code)
    assert reporting.workshop_report_data(ctx.db, sc.code).certificates == data.eligible
    assert sum(r.enrolled for r in data.by_sex) == 25 and {r.key for r in data.by_sex} == {
        "female",
        "male",
        "undisclosed",
    }
    assert sum(r.enrolled for r in data.by_country) == 25
    counted = [s for s in data.sessions if s.counts]
    assert all(s.present + s.late + s.absent + s.excused + s.unrecorded == 25 for s in counted)
    assert counted[0].absent == 0 and counted[1].absent >= len(ABSENT)
    assert [s.kind for s in data.sessions if not s.counts] and all(
        s.unrecorded == 0 for s in data.sessions if not s.counts
    )
    rates = [r.rate for r in attendance.summary(ctx.db, sc.code)]
    assert abs(data.average_rate - sum(rates) / len(rates)) < 1e-9
    assert data.extra_sections == []  # evaluations plug in here once they exist


def test_hq_totals(ctx: AppContext, tmp_path: Path) -> None:
    one = make_workshop(ctx, tmp_path)
    two = make_workshop(ctx, tmp_path, title="Семинар", language="ru", countries=("KZ",), people=10)
    empty = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Nobody came",
            countries=["KZ"],
            start=dt.date(2027, 5, 4),
            end=dt.date(2027, 5, 4),
            language="en",
            kind="global",
        ),
    )
    demo = ws.WorkshopInput(
        title="Demo",
        countries=["FR"],
        start=dt.date(2026, 1, 5),
        end=dt.date(2026, 1, 5),
        language="fr",
        is_demo=True,
    )
    demo_view = ws.create_workshop(ctx.db, demo)
    data = reporting.hq_data(ctx.db)
    assert [w.code for w in data.workshops] == [*sorted([one.code, two.code]), empty.code]  # by date, code
    assert demo_view.code not in {w.code for w in data.workshops}
    assert data.persons_trained == 25 and data.participations == 35
    rows = {w.code: w for w in data.workshops}
    assert (rows[one.code].enrolled, rows[one.code].trained) == (25, 25)
    assert (rows[two.code].enrolled, rows[two.code].trained) == (10, 10)
    assert (rows[empty.code].enrolled, rows[empty.code].trained) == (0, 0)
    by_country = {t.key: t.count for t in data.workshops_by_country}
    assert by_country == {"SN": 1, "ML": 1, "KZ": 2}
    assert {t.key: t.count for t in data.workshops_by_region} == {"regional": 2, "global": 1}
    assert {t.key: t.count for t in data.workshops_by_year} == {"2026": 2, "2027": 1}
    assert sum(t.count for t in data.by_sex) == 25 == sum(t.count for t in data.by_sector)
    assert len(reporting.hq_data(ctx.db, include_demo=True).workshops) == 4
