"""Roster import through the service: file variants from the field, identity rules, strict mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from ccema_desktop.context import AppContext
from ccema_desktop.errors import ValidationError
from ccema_desktop.services import participants as svc
from ccema_desktop.services import workshops as ws
from tests.conftest import content_digest, write_csv
from tests.rosters import GOOD, HEADER, scenario_rows


def make_workshop(ctx: AppContext, title: str = "Test workshop") -> str:
    return ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title=title,
            countries=["KZ"],
            start=dt.date(2026, 4, 6),
            end=dt.date(2026, 4, 8),
            language="ru",
            modules=[1, 3],
        ),
    ).id


def test_scenario_counts_and_rows(ctx: AppContext, tmp_path: Path) -> None:
    wid = make_workshop(ctx)
    result = svc.import_roster(ctx.db, wid, write_csv(tmp_path / "r.csv", HEADER, scenario_rows()))
    assert (result.added, result.updated, result.enrolled) == (20, 1, 20)
    assert [r.row for r in result.rejected] == [12, 18, 20, 26]
    people = svc.list_participants(ctx.db, wid)
    asel = next(p for p in people if p.email == "asel@mchs.gov.kz")
    assert (asel.sex, asel.sector, asel.country) == ("female", "disaster_risk_management", "KZ")
    jose = next(p for p in people if p.full_name == "José Ramírez Peña")
    assert (jose.sex, jose.country, jose.sector) == ("male", "CO", "environment")


def test_reimport_adds_nothing_and_missing_people_stay(ctx: AppContext, tmp_path: Path) -> None:
    wid = make_workshop(ctx)
    svc.import_roster(ctx.db, wid, write_csv(tmp_path / "r.csv", HEADER, GOOD))
    again = svc.import_roster(ctx.db, wid, write_csv(tmp_path / "r2.csv", HEADER, GOOD[:3]))
    assert (again.added, again.updated, again.enrolled) == (0, 3, 0)
    assert len(svc.list_participants(ctx.db, wid)) == len(GOOD)


def test_same_person_across_workshops_is_one_person(ctx: AppContext, tmp_path: Path) -> None:
    first, second = make_workshop(ctx, "A"), make_workshop(ctx, "B")
    svc.import_roster(ctx.db, first, write_csv(tmp_path / "a.csv", HEADER, GOOD[:5]))
    result = svc.import_roster(ctx.db, second, write_csv(tmp_path / "b.csv", HEADER, GOOD[3:8]))
    assert (result.added, result.updated, result.enrolled) == (3, 2, 5)
    ids_a = {p.id for p in svc.list_participants(ctx.db, first)}
    ids_b = {p.id for p in svc.list_participants(ctx.db, second)}
    assert len(ids_a & ids_b) == 2


def test_excel_flavours(ctx: AppContext, tmp_path: Path) -> None:
    wid = make_workshop(ctx)
    latin = [r for r in GOOD if all(c.encode("latin-1", "ignore").decode("latin-1") == c for c in r)][:4]
    bom = tmp_path / "bom.csv"
    write_csv(bom, HEADER, GOOD[:3], delimiter=";", encoding="utf-8-sig")
    latin1 = write_csv(tmp_path / "latin1.csv", HEADER, latin, delimiter=";", encoding="cp1252")
    spanish = write_csv(
        tmp_path / "es.csv",
        [
            "Nombre completo",
            "Sexo",
            "Organización",
            "Sector",
            "Cargo",
            "País",
            "Correo electrónico",
            "Teléfono",
        ],
        [GOOD[3]],
    )
    russian = write_csv(
        tmp_path / "ru.csv",
        ["ФИО", "Пол", "Организация", "Сектор", "Должность", "Страна", "Электронная почта", "Телефон"],
        [GOOD[1]],
    )
    padded = tmp_path / "pad.csv"
    padded.write_text(
        " Full Name , SEX ,E-mail\n  Padded Person  , F ,  pad@example.org  \n,,\n\n", encoding="utf-8"
    )
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nom complet", "Sexe", "Organisation", "Secteur", "Poste", "Pays", "Courriel", "Téléphone"])
    sheet.append([*GOOD[5][:7], 221000000])
    xlsx = tmp_path / "fr.xlsx"
    book.save(xlsx)
    for path, expected in (
        (bom, 3),
        (latin1, len(latin)),
        (spanish, 1),
        (russian, 1),
        (padded, 1),
        (xlsx, 1),
    ):
        result = svc.import_roster(ctx.db, wid, path, dry_run=True)
        assert result.rejected == [], (path.name, result.rejected)
        assert result.added + result.updated == expected, path.name
    svc.import_roster(ctx.db, wid, latin1)
    names = {p.full_name for p in svc.list_participants(ctx.db, wid)}
    assert {r[0] for r in latin} <= names
    result = svc.import_roster(ctx.db, wid, xlsx)
    person = next(p for p in svc.list_participants(ctx.db, wid) if p.email == GOOD[5][6])
    assert person.phone == "221000000" and person.country == "SN" and result.added + result.updated == 1


def test_strict_and_dry_run_write_nothing(ctx: AppContext, tmp_path: Path) -> None:
    wid = make_workshop(ctx)
    path = write_csv(tmp_path / "r.csv", HEADER, scenario_rows())
    db_file = ctx.sqlite_file
    assert db_file is not None
    before = content_digest(db_file)
    strict = svc.import_roster(ctx.db, wid, path, strict=True)
    dry = svc.import_roster(ctx.db, wid, path, dry_run=True)
    assert not strict.written and not dry.written
    assert len(strict.rejected) == 4 and dry.added == 20
    assert [r.action for r in dry.rows].count("reject") == 4
    assert content_digest(db_file) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"item,price\ntea,3\n", "full names"),
        (b"\x00\x01\x02binary\x00garbage" * 10, "binary"),
        (b"PK\x03\x04not really a zip", "spreadsheet"),
    ],
)
def test_files_that_are_not_rosters(ctx: AppContext, tmp_path: Path, content: bytes, message: str) -> None:
    wid = make_workshop(ctx)
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        svc.import_roster(ctx.db, wid, path)
    assert svc.list_participants(ctx.db, wid) == []


def test_update_bumps_revision_only_on_change(ctx: AppContext, tmp_path: Path) -> None:
    from sqlalchemy import select

    from ccema_desktop.storage.models import Participant

    wid = make_workshop(ctx)
    svc.import_roster(ctx.db, wid, write_csv(tmp_path / "a.csv", HEADER, GOOD[:2]))
    svc.import_roster(ctx.db, wid, write_csv(tmp_path / "b.csv", HEADER, GOOD[:2]))
    changed = [[*GOOD[0][:4], "New position", *GOOD[0][5:]], GOOD[1]]
    svc.import_roster(ctx.db, wid, write_csv(tmp_path / "c.csv", HEADER, changed))
    with ctx.db.transaction() as s:
        revs = dict(s.execute(select(Participant.email, Participant.revision)).tuples().all())
        device = set(s.scalars(select(Participant.device_id)))
    assert revs == {GOOD[0][6]: 2, GOOD[1][6]: 1}
    assert device == {ctx.db.device_id}
