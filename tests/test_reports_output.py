"""Pagination of long sign-in sheets, progress and cancellation, the atomic write, and the 0003 migration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from ccema_desktop.context import AppContext
from ccema_desktop.i18n import translator
from ccema_desktop.reports.output import ReportCancelled
from ccema_desktop.services import certificates, participants, reporting
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage import migrate
from tests import pdf
from tests.conftest import write_csv
from tests.report_fixtures import make_workshop
from tests.rosters import HEADER


def _forty(ctx: AppContext, tmp_path: Path) -> str:
    view = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Семинар: миграция, окружающая среда и изменение климата",
            countries=["KZ"],
            start=dt.date(2026, 6, 1),
            end=dt.date(2026, 6, 1),
            language="ru",
            venue="Астана",
            modules=[1],
        ),
    )
    rows = [
        [
            f"Участник Номер {i:02d} Александрович-Константинопольский",
            "M",
            f"Министерство № {i}",
            "environment",
            "",
            "KZ",
            f"p{i}@gov.kz",
            "",
        ]
        for i in range(40)
    ]
    participants.import_roster(ctx.db, view.id, write_csv(tmp_path / "forty.csv", HEADER, rows))
    return view.code


def test_forty_names_paginate_cleanly(ctx: AppContext, tmp_path: Path) -> None:
    code = _forty(ctx, tmp_path)
    out = tmp_path / "sheet.pdf"
    result = reporting.write_attendance_sheet(ctx.db, code, out)
    assert result.pages == pdf.pages(out) == 2
    first, second = pdf.page_texts(out)
    for page in (first, second):
        assert "Семинар: миграция, окружающая среда и изменение климата" in page and "Астана" in page
        tr = translator("ru")  # the workshop's language
        assert tr("Full name") in page and tr("Signature") in page  # table header repeated
    # Long names wrap inside their cell; pdftotext may read a cell's second line after its neighbour's
    # first, so each person is found by the unique start of their name.
    names = [f"Участник Номер {i:02d}" for i in range(40)]
    on_first = [n for n in names if n in first]
    on_second = [n for n in names if n in second]
    assert len(on_first) + len(on_second) == 40 and set(on_first).isdisjoint(on_second)
    assert len(on_first) >= 20 and translator("ru")("Facilitator") in second


def test_progress_reaches_the_end_and_cancel_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_workshop(ctx, tmp_path)
    calls: list[tuple[int, int]] = []
    reporting.write_workshop_report(
        ctx.db, sc.code, tmp_path / "r.pdf", progress=lambda d, t: calls.append((d, t))
    )
    assert calls and calls[-1][0] == calls[-1][1] and len({t for _, t in calls}) == 1
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)

    steps: list[int] = []
    with pytest.raises(ReportCancelled):
        certificates.write_certificates(
            ctx.db,
            sc.code,
            tmp_path / "c.pdf",
            progress=lambda d, t: steps.append(d),
            cancel=lambda: len(steps) >= 3,
        )
    with pytest.raises(ReportCancelled):
        reporting.write_hq_infosheet(ctx.db, tmp_path / "hq.pdf", cancel=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".csv" and p.is_file()) == ["r.pdf"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_migration_0003_up_and_down(ctx: AppContext) -> None:
    engine = ctx.db.engine
    view = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="T", countries=["KZ"], start=dt.date(2026, 1, 5), end=dt.date(2026, 1, 5), language="en"
        ),
    )
    ws.set_recommendations(ctx.db, view.id, "Keep going.")
    assert ws.get_recommendations(ctx.db, view.code) == "Keep going."
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    tables = inspect(engine).get_table_names()
    assert "certificate" not in tables
    assert "recommendations" not in {c["name"] for c in inspect(engine).get_columns("workshop")}
    migrate.upgrade(engine)
    assert ws.get_recommendations(ctx.db, view.id) == ""  # existing rows get the empty default
    assert {"uq_certificate_workshop_participant", "uq_certificate_workshop_sequence"} <= {
        u["name"] for u in inspect(engine).get_unique_constraints("certificate")
    }


def test_first_page_preview(ctx: AppContext, tmp_path: Path) -> None:
    """The Reports screen shows page 1 as a PNG (Qt has no PDF module in the wheels the app uses)."""
    import struct

    from ccema_desktop.errors import KnownError
    from ccema_desktop.reports.preview import first_page_png

    code = _forty(ctx, tmp_path)
    out = tmp_path / "sheet.pdf"
    reporting.write_attendance_sheet(ctx.db, code, out)
    png = first_page_png(out, width=420)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 420 and 590 <= height <= 596  # A4 portrait
    assert first_page_png(out.read_bytes(), width=420) == png
    with pytest.raises(KnownError, match="preview"):
        first_page_png(b"not a pdf")
