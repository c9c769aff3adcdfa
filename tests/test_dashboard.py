"""Coordinator figures (overview, workshop drill-down) and table export to CSV and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.services import dashboard, stats
from ccema_desktop.services.dashboard import EvaluationFigures
from tests.sync_helpers import Laptop, headquarters, laptop

PEOPLE = [
    ["Ann Lee", "F", "Ministry of Environment", "environment", "", "KZ", "ann@example.org", ""],
    ["Bo Chen", "M", "Red Crescent", "civil society", "", "KG", "bo@example.org", ""],
    ["Cy Diaz", "", "University", "academia", "", "", "cy@example.org", ""],
]


def _workshop(lap: Laptop, title: str, country: str, start: dt.date, people: list[list[str]]) -> str:
    wid = lap.workshop(title, country, start, 2, [1])
    ids = lap.roster(wid, people)
    sessions = lap.sessions(wid)
    for name, pid in ids.items():
        if name == "Ann Lee":
            lap.mark(wid, pid, sessions, "present")
        elif name == "Bo Chen":
            lap.mark(wid, pid, sessions[:1], "late")
            lap.mark(wid, pid, sessions[1:], "absent")
    return wid


@pytest.fixture
def lap(tmp_path: Path) -> Laptop:
    venue = laptop(tmp_path / "venue")
    _workshop(venue, "Almaty", "KZ", dt.date(2026, 3, 2), PEOPLE)
    _workshop(venue, "Bishkek", "KG", dt.date(2026, 9, 7), PEOPLE[:1])
    _workshop(venue, "Astana", "KZ", dt.date(2027, 4, 5), PEOPLE[1:2])
    return venue


def test_empty_database(tmp_path: Path) -> None:
    view = dashboard.overview(laptop(tmp_path / "empty").ctx.db, "en")
    assert (view.workshops, view.persons_trained, view.attendance_rate) == (0, 0, 0.0)
    assert view.satisfaction is None and view.knowledge_gain is None
    assert [name for name, _ in view.figures()] == [
        "Workshops",
        "Participants registered",
        "Persons trained",
        "Eligible for a certificate",
        "Certificates issued",
        "Attendance rate",
    ]
    assert all(t.header for t in view.tables())


def test_overview_matches_the_statistics(lap: Laptop) -> None:
    view = dashboard.overview(lap.ctx.db, "en")
    figures = stats.compute(lap.ctx.db)
    assert view.workshops == figures.workshops == 3
    assert view.persons_trained == figures.participants_trained == 2
    assert view.participants_registered == 3
    assert view.attendance_rate == figures.attendance_rate
    assert [(c.key, c.count) for c in view.workshops_by_country] == [("KZ", 2), ("KG", 1)]
    assert [(c.label, c.count) for c in view.workshops_by_year] == [("2026", 2), ("2027", 1)]
    assert [(r.country_label, r.year, r.workshops) for r in view.workshops_by_country_year] == [
        ("Kazakhstan", 2026, 1),
        ("Kazakhstan", 2027, 1),
        ("Kyrgyzstan", 2026, 1),
    ]
    assert {c.label: c.count for c in view.by_sex} == {"Female": 1, "Male": 1}
    assert {c.label: c.count for c in view.by_sector} == {"Environment": 1, "Civil society": 1}
    assert {c.key: c.count for c in view.by_year} == {"2026": 2, "2027": 1}
    rows = {r.code[:2] + r.title: r for r in view.workshop_rows}
    almaty = rows["KZAlmaty"]
    assert (almaty.enrolled, almaty.trained, almaty.certificates, almaty.bundles) == (3, 2, 0, 0)
    sessions = len(lap.sessions(almaty.id))
    assert almaty.attendance_rate == round((sessions + 1) / (3 * sessions), 4)
    assert [r.title for r in view.workshop_rows] == ["Astana", "Bishkek", "Almaty"]  # newest first
    table = view.workshops_table()
    assert table.header[0] == "Code" and len(table.rows) == 3


def test_labels_follow_the_language(lap: Laptop) -> None:
    view = dashboard.overview(lap.ctx.db, "ru")
    assert {c.label for c in view.by_sex} == {"Женщина", "Мужчина"}
    assert view.workshops_by_country[0].label == "Казахстан"
    assert view.figures()[0][0] != "Workshops"  # translated (catalogs permitting) or at least present
    spanish = dashboard.overview(lap.ctx.db, "es")
    assert {c.label for c in spanish.by_sector} == {"Medio ambiente", "Sociedad civil"}


def test_evaluation_figures_only_when_provided(lap: Laptop, monkeypatch: pytest.MonkeyPatch) -> None:
    assert dashboard.overview(lap.ctx.db, "en").satisfaction is None
    seen: list[list[str]] = []

    def provider(conn: object, workshop_ids: list[str]) -> EvaluationFigures | None:
        seen.append(workshop_ids)
        return EvaluationFigures(satisfaction=4.4, knowledge_gain=21.5, responses=12)

    monkeypatch.setattr(dashboard, "EVALUATION_PROVIDERS", [lambda c, ids: None, provider])
    view = dashboard.overview(lap.ctx.db, "en")
    assert (view.satisfaction, view.knowledge_gain) == (4.4, 21.5)
    assert ("Satisfaction", 4.4) in view.figures() and len(seen[0]) == 3


def test_workshop_drill_down(tmp_path: Path, lap: Laptop) -> None:
    hq = headquarters(tmp_path / "hq")
    assert hq.run("device", "enroll", str(hq.public_key)).code == 0
    wid = next(r.id for r in dashboard.overview(lap.ctx.db, "en").workshop_rows if r.title == "Almaty")
    from tests.sync_helpers import enroll

    enroll(lap, hq)
    assert hq.run("bundle", "import", str(lap.export(wid, tmp_path / "almaty.json"))).code == 0
    ctx = hq.context()
    try:
        detail = dashboard.workshop_detail(ctx.db, wid, "en")
    finally:
        ctx.close()
    assert detail.workshop.title == "Almaty" and detail.workshop.bundles == 1
    assert len(detail.bundles) == 1 and detail.bundles[0].records_new > 0
    assert [p.full_name for p in detail.participants] == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    ann, bo, cy = detail.participants
    assert (ann.rate, ann.below_threshold) == (1.0, False)
    assert bo.sessions_attended == 1 and bo.below_threshold and cy.sessions_attended == 0
    assert detail.eligible == 1
    counted = [s for s in detail.sessions if s.counts]
    assert counted[0].present == 1 and counted[0].late == 1 and counted[0].unrecorded == 1
    assert counted[1].absent == 1
    assert {c.label: c.count for c in detail.by_sex} == {"Female": 1, "Male": 1, "Unknown": 1}
    keys = [t.key for t in detail.tables()]
    assert keys == ["figures", "by_sex", "by_sector", "by_country", "sessions", "participants", "bundles"]
    with pytest.raises(KnownError):
        dashboard.workshop_detail(lap.ctx.db, "NO-SUCH-CODE", "en")


def test_export_csv_and_xlsx(tmp_path: Path, lap: Laptop) -> None:
    header = ["Name", "When", "Day", "Rate", "Note"]
    moment = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    rows: list[list[object]] = [
        ["Сауле Ахметова", moment, dt.date(2026, 3, 2), 0.75, '=HYPERLINK("http://x")'],
        ["José", None, None, 1, "-5 is text"],
    ]
    dashboard.export_table(rows, header, tmp_path / "t.csv")
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        read = list(csv.reader(fh))
    assert read[0] == header
    assert read[1][0] == "Сауле Ахметова" and read[1][2] == "2026-03-02" and read[1][3] == "0.75"
    assert read[1][4].startswith("'=") and read[2][4] == "'-5 is text" and read[2][1] == ""

    dashboard.export_table(rows, header, tmp_path / "t.XLSX")
    sheet = load_workbook(tmp_path / "t.XLSX").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == header
    assert values[1][0] == "Сауле Ахметова" and values[1][3] == 0.75
    assert values[1][4] == '=HYPERLINK("http://x")' and sheet["E2"].data_type == "s"  # text, not a formula
    assert isinstance(values[1][1], dt.datetime) and values[2][1] is None

    view = dashboard.overview(lap.ctx.db, "en")
    for table in view.tables():
        dashboard.export_table(table.as_rows(), table.header, tmp_path / f"{table.key}.xlsx")
    assert len(list(tmp_path.glob("*.xlsx"))) == len(view.tables())  # (t.XLSX is not matched)

    with pytest.raises(ValidationError, match=r"\.csv or \.xlsx"):
        dashboard.export_table(rows, header, tmp_path / "t.ods")
    with pytest.raises(ValidationError, match="does not exist"):
        dashboard.export_table(rows, header, tmp_path / "missing" / "t.csv")


def test_export_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "t.csv"
    dashboard.export_table([["old"]], ["A"], target)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KnownError, match="No space left"):
        dashboard.export_table([["new"]], ["A"], target)
    assert target.read_text(encoding="utf-8-sig").splitlines() == ["A", "old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]
