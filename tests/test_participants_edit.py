"""Single edits of participants through the service: add, change one field, remove and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ccema_desktop.context import AppContext
from ccema_desktop.domain.roster import validate_person
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import set_language
from ccema_desktop.services import attendance
from ccema_desktop.services import participants as svc
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage.models import Participant


def make_workshop(ctx: AppContext, title: str = "Edit workshop") -> str:
    return ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title=title,
            countries=["KZ"],
            start=dt.date(2026, 4, 6),
            end=dt.date(2026, 4, 7),
            language="en",
            modules=[1],
        ),
    ).id


def revision(ctx: AppContext, pid: str) -> int:
    with ctx.db.transaction() as s:
        return s.scalars(select(Participant.revision).where(Participant.id == pid)).one()


AIGERIM = {
    "full_name": "  Aigerim   Bekova ",
    "sex": "Ж",
    "organization": "Ministry of Ecology",
    "sector": "Окружающая среда",
    "position": "Head of Unit",
    "country": "Kazakhstan",
    "email": "A.Bekova@Ecology.gov.kz",
    "phone": "+7 701 000 0001",
}


def test_add_normalises_like_a_roster_row(ctx: AppContext) -> None:
    wid = make_workshop(ctx)
    added = svc.add_participant(ctx.db, wid, AIGERIM)
    assert not added.existing
    (p,) = svc.list_participants(ctx.db, wid)
    assert p == added.participant
    assert (p.full_name, p.sex, p.sector, p.country, p.email) == (
        "Aigerim Bekova",
        "female",
        "environment",
        "KZ",
        "a.bekova@ecology.gov.kz",
    )


def test_add_rejects_with_reasons_per_field(ctx: AppContext) -> None:
    wid = make_workshop(ctx)
    with pytest.raises(svc.ParticipantInvalid) as info:
        svc.add_participant(ctx.db, wid, {"full_name": "", "email": "nope", "country": "Atlantis"})
    assert set(info.value.problems) == {"full_name", "email", "country"}
    assert "not a valid e-mail address" in str(info.value)
    assert svc.list_participants(ctx.db, wid) == []


def test_same_person_is_enrolled_not_duplicated(ctx: AppContext) -> None:
    first, second = make_workshop(ctx, "A"), make_workshop(ctx, "B")
    original = svc.add_participant(ctx.db, first, AIGERIM).participant
    again = svc.add_participant(
        ctx.db, second, {"full_name": "Aigerim Bekova", "email": "a.bekova@ecology.gov.kz", "phone": "555"}
    )
    assert again.existing and again.participant.id == original.id
    assert again.participant.phone == "555" and again.participant.position == "Head of Unit"
    with ctx.db.transaction() as s:
        assert len(list(s.scalars(select(Participant.id)))) == 1
    with pytest.raises(ValidationError, match="already a participant"):
        svc.add_participant(ctx.db, second, {"full_name": "Someone", "email": "a.bekova@ecology.gov.kz"})
    # Without an e-mail, the same name and organisation is the same person (as in imports).
    svc.add_participant(ctx.db, first, {"full_name": "Juma Hamisi", "organization": "PMO"})
    known = svc.add_participant(ctx.db, second, {"full_name": "JUMA HAMISI", "organization": "pmo"})
    assert known.existing


def test_update_one_field_validates_and_bumps_revision(ctx: AppContext) -> None:
    wid = make_workshop(ctx)
    pid = svc.add_participant(ctx.db, wid, AIGERIM).participant.id
    before = revision(ctx, pid)
    view = svc.update_participant(ctx.db, pid, "country", "Kyrgyzstan")
    assert view.country == "KG" and revision(ctx, pid) == before + 1
    assert svc.update_participant(ctx.db, pid, "sector", "disaster_risk_management").sector == (
        "disaster_risk_management"
    )
    assert svc.update_participant(ctx.db, pid, "full_name", "Aigerim N. Bekova").full_name == (
        "Aigerim N. Bekova"
    )
    same = revision(ctx, pid)
    svc.update_participant(ctx.db, pid, "country", "KG")  # no change, no new revision
    assert revision(ctx, pid) == same
    with pytest.raises(svc.ParticipantInvalid, match="not a valid e-mail address") as info:
        svc.update_participant(ctx.db, pid, "email", "not-an-email")
    assert set(info.value.problems) == {"email"}
    with pytest.raises(ValidationError, match="full name is empty"):
        svc.update_participant(ctx.db, pid, "full_name", "   ")
    with pytest.raises(ValidationError):
        svc.update_participant(ctx.db, pid, "revision", "1")
    (p,) = svc.list_participants(ctx.db, wid)
    assert (p.email, p.full_name) == ("a.bekova@ecology.gov.kz", "Aigerim N. Bekova")
    assert svc.update_participant(ctx.db, pid, "email", "").email is None


def test_update_refuses_an_e_mail_of_someone_else(ctx: AppContext) -> None:
    wid = make_workshop(ctx)
    svc.add_participant(ctx.db, wid, {"full_name": "Ana", "email": "ana@example.org"})
    bob = svc.add_participant(ctx.db, wid, {"full_name": "Bob", "email": "bob@example.org"}).participant
    with pytest.raises(ValidationError, match="already the e-mail of Ana"):
        svc.update_participant(ctx.db, bob.id, "email", "ANA@example.org")


def test_messages_follow_the_language(ctx: AppContext) -> None:
    set_language("ru")
    try:
        _person, problems = validate_person({"full_name": "X", "email": "bad"})
        assert [p.field for p in problems] == ["email"]
        assert "недопустимый адрес электронной почты" in problems[0].message
    finally:
        set_language("en")


def test_remove_and_restore_with_attendance(ctx: AppContext) -> None:
    wid = make_workshop(ctx)
    other = make_workshop(ctx, "Other")
    pid = svc.add_participant(ctx.db, wid, AIGERIM).participant.id
    svc.add_participant(ctx.db, other, AIGERIM)
    session = ws.get_workshop(ctx.db, wid).sessions[0]
    attendance.mark(ctx.db, wid, session.id, "present", [pid])
    before = attendance.summary(ctx.db, wid)
    removed = svc.remove_from_workshop(ctx.db, wid, pid)
    assert removed.full_name == "Aigerim Bekova" and len(removed.attendance) == 1
    assert svc.list_participants(ctx.db, wid) == []
    assert len(svc.list_participants(ctx.db, other)) == 1  # the person and other workshops are untouched
    with pytest.raises(NotFoundError):
        svc.remove_from_workshop(ctx.db, wid, pid)
    svc.restore_enrolment(ctx.db, removed)
    assert [p.id for p in svc.list_participants(ctx.db, wid)] == [pid]
    assert attendance.summary(ctx.db, wid) == before
    svc.restore_enrolment(ctx.db, removed)  # restoring twice changes nothing
    assert len(svc.list_participants(ctx.db, wid)) == 1
