"""Headquarters on PostgreSQL: imported certificates verify, the infosheet covers imported workshops, and
certificates can be numbered on PostgreSQL too (needs CCEMA_TEST_POSTGRES_URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import certificates, reporting
from tests import pdf
from tests.hq_copy import copy_to_hq
from tests.report_fixtures import make_workshop

PG_URL = os.environ.get("CCEMA_TEST_POSTGRES_URL")
pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="CCEMA_TEST_POSTGRES_URL not set")]


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[AppContext]:
    assert PG_URL
    schema = f"ccema_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    ctx = open_context(tmp_path / "hq", f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    try:
        yield ctx
    finally:
        ctx.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_headquarters_verifies_and_reports(hq: AppContext, ctx: AppContext, tmp_path: Path) -> None:
    venue_one = make_workshop(ctx, tmp_path)
    venue_two = make_workshop(
        ctx, tmp_path, title="Taller regional MECC", language="es", countries=("CO", "PE")
    )
    issued = certificates.issue_certificates(ctx.db, venue_one.code).items
    issued += certificates.issue_certificates(ctx.db, venue_two.code).items
    copy_to_hq(ctx.db, hq.db)
    for item in (issued[0], issued[-1]):
        result = certificates.verify(hq.db, item.verification_code)
        assert result.valid and result.participant == item.participant_name and result.number == item.number
    assert not certificates.verify(hq.db, issued[0].verification_code[:-1] + "0").valid or issued[
        0
    ].verification_code.endswith("0")

    data = reporting.hq_data(hq.db)
    assert len(data.workshops) == 2 and data.certificates == len(issued)
    assert data.persons_trained == 25  # the same 25 people attended both workshops
    assert data.participations == 50
    out = tmp_path / "hq.pdf"
    reporting.write_hq_infosheet(hq.db, out, lang="ru")
    body = pdf.text(out)
    assert venue_one.code in body and "Taller regional MECC" in body

    # Numbering works on PostgreSQL too (named unique constraints, sequences per workshop).
    again = certificates.issue_certificates(hq.db, venue_one.code)
    assert [i.number for i in again.items] == [i.number for i in issued[: len(again.items)]]
