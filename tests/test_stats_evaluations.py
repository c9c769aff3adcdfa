"""Pooled satisfaction of `evaluations.overall` (behind `ccema stats` and the coordinator dashboard, which
read all workshops in bulk) equals `evaluations.satisfaction` over the answers as stored. Odd stored values
(JSON true, 4.0, "4", a non-ASCII digit, lists, 6, null) must count the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import insert

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import forms
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage.models import EvaluationResponse
from tests.sync_helpers import BACKENDS, backend_url


@pytest.fixture(params=BACKENDS)
def ctx(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AppContext]:
    with backend_url(request.param) as url:
        context = open_context(tmp_path / "hq", url, daily_backup=False)
        yield context
        context.close()


ODD_VALUES: list[Any] = [
    True,
    False,
    4.0,
    "4",
    "\u0664",
    [4],
    {"x": 4},
    6,
    0,
    -3,
    None,
    "5 ",
    " 3",
    "",
    1,
    5,
    3,
]


def test_reaction_points_read_by_the_database_match_decoded_answers(ctx: AppContext) -> None:
    wid = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Odd answers",
            countries=["KZ"],
            start=dt.date(2026, 5, 4),
            end=dt.date(2026, 5, 5),
            language="en",
            modules=[1],
        ),
    ).id
    items = ev.reaction_items()
    assert len(items) >= 3
    form = forms.shipped_form(forms.FINAL_EVALUATION)
    rows = []
    for n in range(len(ODD_VALUES)):
        answers = {q: ODD_VALUES[(n + i) % len(ODD_VALUES)] for i, q in enumerate(items)}
        if n % 4 == 0:
            answers.pop(items[0])  # a question left out
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "form_id": forms.FINAL_EVALUATION,
                "form_version": form.version,
                "anonymous_code": f"AB-0{n % 9 + 1}-K-{n % 10}",
                "source": "kiosk",
                "submitted_on": dt.date(2026, 5, 5),
                "answers": answers,
                "created_at": dt.datetime(2026, 5, 5, tzinfo=dt.UTC),
                "updated_at": dt.datetime(2026, 5, 5, tzinfo=dt.UTC),
                "device_id": "test",
                "revision": 1,
            }
        )
    rows.append({**rows[0], "id": str(uuid.uuid4()), "answers": {"other": 5}})  # no reaction item at all
    with ctx.db.transaction() as s:
        s.execute(insert(EvaluationResponse), rows)
    # The reference reads the answers as inserted, value by value with `_scale_point`.
    decoded = [SimpleNamespace(answers=r["answers"], anonymous=True) for r in rows]
    reference = ev.satisfaction(decoded)  # type: ignore[arg-type]
    with ctx.db.transaction() as s:
        pooled = ev.overall(s).satisfaction
    assert reference is not None and reference.respondents >= 5
    assert pooled == reference
    points = sorted(p for r in decoded for q in items if (p := ev._scale_point(r.answers.get(q))) is not None)
    assert 4 in points and 1 in points and 6 not in points
