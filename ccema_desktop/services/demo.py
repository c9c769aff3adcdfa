"""The built-in demo workshop: a realistic sample to try the app, clearly marked, and removable whole."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select

from ccema_desktop.domain.roster import name_key
from ccema_desktop.domain.vocab import fold
from ccema_desktop.services import attendance
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import Enrolment, Participant, Workshop

DEMO_PEOPLE = [
    ("Aigerim Bekova", "female", "Ministry of Ecology and Natural Resources", "environment", "KZ"),
    ("Асель Жумабаева", "female", "Министерство по чрезвычайным ситуациям", "disaster_risk_management", "KZ"),
    ("Бакыт Сейткали", "male", "Министерство сельского хозяйства", "agriculture", "KZ"),
    ("Nurlan Abdrakhmanov", "male", "Ministry of Foreign Affairs", "foreign_affairs", "KZ"),
    (
        "Гульнара Токтогулова",
        "female",
        "Министерство природных ресурсов, экологии и технического надзора",
        "environment",
        "KG",
    ),
    ("Азамат Исаков", "male", "Государственная миграционная служба", "migration_home_affairs", "KG"),
    ("Mirlan Osmonov", "male", "Ministry of Emergency Situations", "disaster_risk_management", "KG"),
    ("Dilnoza Karimova", "female", "Agency for Hydrometeorological Service", "climate_change", "UZ"),
    ("Шерзод Рахимов", "male", "Министерство инвестиций, промышленности и торговли", "development", "UZ"),
    (
        "Malika Yusupova",
        "female",
        "Ministry of Employment and Poverty Reduction",
        "migration_home_affairs",
        "UZ",
    ),
    ("Фарход Назаров", "male", "Комитет по охране окружающей среды", "environment", "TJ"),
    (
        "Zarina Saidova",
        "female",
        "Committee of Emergency Situations and Civil Defence",
        "disaster_risk_management",
        "TJ",
    ),
    ("Rustam Davlatov", "male", "Migration Service", "migration_home_affairs", "TJ"),
    (
        "Ogulgerek Annayeva",
        "female",
        "Ministry of Agriculture and Environmental Protection",
        "agriculture",
        "TM",
    ),
    ("Murad Berdiyev", "male", "State Committee on Statistics", "land_management_planning", "TM"),
    ("Елена Ким", "female", "Казахский национальный университет им. аль-Фараби", "academia", "KZ"),
    ("Timur Iskakov", "male", "Central Asian Regional Glaciological Centre", "academia", "KZ"),
    ("Айгуль Маматова", "female", "Общественный фонд «Жашыл Ой»", "civil_society", "KG"),
    ("Sardor Alimov", "male", "Ministry of Foreign Affairs", "foreign_affairs", "UZ"),
    ("Нодира Шарипова", "female", "Агентство по статистике", "land_management_planning", "TJ"),
    ("Jamshid Tursunov", "male", "Ministry of Water Resources", "agriculture", "UZ"),
    ("Saule Mukhametzhanova", "female", "Ministry of National Economy", "development", "KZ"),
    (
        "Maria Fernández López",
        "female",
        "International Organization for Migration",
        "international_organization",
        "KZ",
    ),
    ("Jean-Baptiste Lefèvre", "male", "UNDP Regional Hub", "international_organization", "TR"),
    ("Kanat Zhunusov", "undisclosed", "Ministry of Internal Affairs", "migration_home_affairs", "KZ"),
]


def ensure_demo_workshop(db: Database, today: dt.date | None = None) -> str:
    """The demo workshop's id, creating it (with 25 people and a first day of attendance) when absent."""
    with db.transaction() as s:
        existing = s.scalar(select(Workshop.id).where(Workshop.is_demo.is_(True)))
    if existing:
        return existing
    start = (today or dt.date.today()) - dt.timedelta(days=1)
    view = ws.create_workshop(
        db,
        ws.WorkshopInput(
            title="DEMO — Migration, Environment and Climate Change in Central Asia: regional training",
            countries=["KZ", "KG", "TJ", "TM", "UZ"],
            start=start,
            end=start + dt.timedelta(days=2),
            language="en",
            venue="Almaty, Kazakhstan (sample venue)",
            kind="regional",
            modules=[1, 2, 3, 7],
            partners="IOM; sample partner organisations",
            funding="Sample data: not a real workshop",
            facilitators=["Sample Facilitator"],
            is_demo=True,
        ),
    )
    with db.transaction() as s:
        for index, (name, sex, org, sector, country) in enumerate(DEMO_PEOPLE):
            participant = Participant(
                full_name=name,
                name_key=name_key(name),
                sex=sex,
                organization=org,
                organization_key=fold(org),
                sector=sector,
                position="",
                country=country,
                email=f"demo{index + 1}@example.org",
                phone="",
                consent_contact=False,
                language="ru" if any("а" <= ch <= "я" for ch in name.lower()) else "en",
            )
            s.add(participant)
            s.flush()
            s.add(Enrolment(workshop_id=view.id, participant_id=participant.id))
    people = [p.id for p in _demo_people(db, view.id)]
    first_day = [x for x in view.sessions if x.date == start and x.kind in ws.ATTENDANCE_KINDS]
    rng = random.Random(7)
    marks = [
        (pid, sess.id, rng.choices(["present", "late", "absent", "excused"], [85, 7, 5, 3])[0])
        for pid in people
        for sess in first_day
    ]
    attendance.mark_bulk(db, view.id, marks, recorded_by="demo")
    ws.set_status(db, view.id, "running")
    return view.id


def _demo_people(db: Database, workshop_id: str) -> list[Participant]:
    with db.transaction() as s:
        return list(
            s.scalars(select(Participant).join(Enrolment).where(Enrolment.workshop_id == workshop_id))
        )


def remove_demo_workshop(db: Database) -> bool:
    """Delete the demo workshop and the sample people who attend no other workshop."""
    with db.transaction() as s:
        demo = s.scalar(select(Workshop).where(Workshop.is_demo.is_(True)))
        if demo is None:
            return False
        ids = list(s.scalars(select(Enrolment.participant_id).where(Enrolment.workshop_id == demo.id)))
        s.delete(demo)
        s.flush()
        for pid in ids:
            others = s.scalar(
                select(func.count()).select_from(Enrolment).where(Enrolment.participant_id == pid)
            )
            if not others:
                person = s.get(Participant, pid)
                if person is not None:
                    s.delete(person)
    return True
