"""Coordinator mode, driven through its window: import a folder of real bundles from three laptops, then the
dashboard's figures are the ones `ccema stats` computes; drill-down, devices, conflict log and table export
are checked against the headquarters database and the files written."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog

from ccema_desktop import app
from ccema_desktop.context import AppContext
from ccema_desktop.domain.countries import country_name
from ccema_desktop.domain.vocab import SECTORS, SEXES, label
from ccema_desktop.gui.coordinator import devices_page
from ccema_desktop.gui.coordinator.window import CoordinatorWindow
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.tasks import TaskRunner
from ccema_desktop.i18n import format_number, format_percent
from ccema_desktop.services import devices, stats
from ccema_desktop.sync import importer, outbox
from tests.inbox_support import ThreadInbox, enrolled_laptop
from tests.sync_helpers import Headquarters, Laptop, enroll, headquarters, laptop

FIRST = [
    "Aigerim",
    "Bakhyt",
    "Olga",
    "Juma",
    "Amélie",
    "Moussa",
    "Сауле",
    "Иван",
    "Lucía",
    "Ana",
    "Ömer",
    "Nadia",
]
LAST = ["Bekova", "Seitkali", "Petrenko", "Hamisi", "Dubois", "Diop", "Ахметова", "Петров", "Gómez", "Silva"]
SEX_CYCLE = ["F", "M", "F", "M", "F", "", "M", "F"]
SECTOR_CYCLE = [
    "environment",
    "climate change",
    "disaster risk management",
    "migration and home affairs",
    "agriculture",
    "academia",
    "civil society",
    "foreign affairs",
    "development",
]


def people(count: int, country: str, offset: int = 0) -> list[list[str]]:
    rows = []
    for i in range(offset, offset + count):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]} {i}"
        rows.append(
            [
                name,
                SEX_CYCLE[i % len(SEX_CYCLE)],
                f"Ministry {i % 5}",
                SECTOR_CYCLE[i % len(SECTOR_CYCLE)],
                "Officer",
                country,
                f"person{i}@example.org",
                "",
            ]
        )
    return rows


def run_workshop(lap: Laptop, title: str, country: str, start: dt.date, roster: list[list[str]]) -> str:
    """A workshop with people and attendance: most come to every session, some to one, some never."""
    wid = lap.workshop(title, country, start, 2, [1, 2])
    ids = list(lap.roster(wid, roster).values())
    sessions = lap.sessions(wid)
    for n, pid in enumerate(ids):
        if n % 6 == 5:
            lap.mark(wid, pid, sessions, "absent")
        elif n % 4 == 3:
            lap.mark(wid, pid, sessions[:1], "late")
        else:
            lap.mark(wid, pid, sessions, "present")
    return wid


def make_bundles(tmp_path: Path, hq: Headquarters) -> tuple[Path, list[str]]:
    """Three venue laptops, four workshops in three countries over two years, saved as bundles in a folder
    (as they would come on USB sticks). Person 3 attends in Astana and Dakar and is counted once."""
    out = tmp_path / "usb"
    out.mkdir()
    ids = []
    a = laptop(tmp_path / "laptop-a")
    enroll(a, hq)
    ids.append(run_workshop(a, "MECC Astana", "KZ", dt.date(2025, 11, 10), people(12, "KZ")))
    ids.append(run_workshop(a, "MECC Almaty", "KZ", dt.date(2026, 4, 6), people(9, "KZ", 12)))
    b = laptop(tmp_path / "laptop-b")
    enroll(b, hq)
    dakar = [*people(1, "KZ", 3), *people(9, "SN", 21)]
    ids.append(run_workshop(b, "MECC Dakar", "SN", dt.date(2026, 2, 2), dakar))
    c = laptop(tmp_path / "laptop-c")
    enroll(c, hq)
    ids.append(run_workshop(c, "MECC Dodoma", "TZ", dt.date(2026, 9, 14), people(8, "TZ", 40)))
    for lap, workshop in ((a, ids[0]), (a, ids[1]), (b, ids[2]), (c, ids[3])):
        lap.export(workshop, out / f"{workshop[:8]}.ccema-bundle.json")
    for lap in (a, b, c):
        lap.ctx.close()
    return out, ids


@pytest.fixture
def hq(tmp_path: Path) -> Headquarters:
    return headquarters(tmp_path / "hq")


@pytest.fixture
def hq_services(hq: Headquarters, qapp: object) -> Iterator[GuiServices]:
    from ccema_desktop.app import load_fonts

    load_fonts(qapp)  # type: ignore[arg-type]
    ctx = hq.context()
    yield GuiServices(ctx, runner=TaskRunner(synchronous=True))
    ctx.close()


def _window(qtbot, services: GuiServices, size: tuple[int, int] = (1366, 768)) -> CoordinatorWindow:  # type: ignore[no-untyped-def]
    window = CoordinatorWindow(services)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def _column(view, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _table(view) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(zip(_column(view, 0), _column(view, 1), strict=True))


def test_import_a_folder_then_the_dashboard_shows_the_stats(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _workshops = make_bundles(tmp_path, hq)
    (folder / "damaged.ccema-bundle.json").write_text("{not a bundle", encoding="utf-8")
    window = _window(qtbot, hq_services)
    assert window.current_page().key == "dashboard"
    assert window.dashboard.ui.emptyLabel.isVisible()  # nothing imported yet, and it says what to do

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    window.show_page("import")
    qtbot.mouseClick(window.importer.ui.folderButton, Qt.MouseButton.LeftButton)

    page = window.importer
    results = {Path(r.file).name: r for r in page.results}
    assert sorted(r.status for r in results.values()) == ["accepted"] * 4 + ["rejected"]
    assert results["damaged.ccema-bundle.json"].reason
    assert (folder / "quarantine" / "damaged.ccema-bundle.json").exists()
    shown = dict(zip(_column(page.ui.table, 0), _column(page.ui.table, 1), strict=True))
    assert shown["damaged.ccema-bundle.json"] == "Rejected"
    assert list(shown.values()).count("Accepted") == 4
    details = dict(zip(_column(page.ui.table, 0), _column(page.ui.table, 5), strict=True))
    assert results["damaged.ccema-bundle.json"].reason in details["damaged.ccema-bundle.json"]
    assert "4 accepted, 0 unchanged, 1 rejected" in page.ui.summaryLabel.text()

    # The figures are the ones `ccema stats` computes on the headquarters database.
    figures = stats.compute(hq_services.db)
    assert figures.workshops == 4
    window.show_page("dashboard")
    dashboard = window.dashboard
    assert dashboard.overview is not None
    cards = {card.caption.text(): card.value.text() for card in dashboard._cards}
    assert cards["Workshops"] == "4"
    assert cards["Participants registered"] == format_number(figures.participants_registered)
    assert cards["Persons trained"] == format_number(figures.participants_trained)
    assert cards["Eligible for a certificate"] == format_number(figures.certificates_eligible)
    assert cards["Attendance rate"] == format_percent(figures.attendance_rate)
    assert cards["Satisfaction"] == "—"  # no evaluations: nothing invented
    assert figures.participants_registered == 38  # person 3 in two workshops is one person

    tables = dashboard.ui
    dashboard.ui.views.setCurrentWidget(tables.tablesTab)
    combo = tables.tableCombo
    expected = {
        "by_sex": {label(SEXES, k) if k != "unknown" else "Unknown": v for k, v in figures.by_sex.items()},
        "by_sector": {label(SECTORS, k): v for k, v in figures.by_sector.items()},
        "by_country": {country_name(k): v for k, v in figures.by_country.items()},
        "by_year": dict(figures.by_year),
    }
    for key, wanted in expected.items():
        combo.setCurrentIndex(combo.findData(key))
        shown_counts = {name: int(value) for name, value in _table(tables.breakdownTable).items()}
        assert shown_counts == wanted, key
    combo.setCurrentIndex(combo.findData("workshops_by_country_year"))
    rows = list(
        zip(
            _column(tables.breakdownTable, 0),
            _column(tables.breakdownTable, 1),
            _column(tables.breakdownTable, 2),
            strict=True,
        )
    )
    assert sorted(rows) == sorted(
        [
            ("Kazakhstan", "2025", "1"),
            ("Kazakhstan", "2026", "1"),
            ("Senegal", "2026", "1"),
            ("Tanzania", "2026", "1"),
        ]
    )
    # The charts were drawn from the same figures.
    sex_chart = dashboard._charts[1].chart()
    assert sum(s.value() for s in sex_chart.series()[0].slices()) == figures.participants_trained

    # Importing the same folder again changes nothing.
    window.show_page("import")
    page.import_folder(folder)
    assert {r.status for r in page.results} == {"unchanged"}
    assert stats.compute(hq_services.db) == figures


def test_double_click_drills_down_into_a_workshop(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices
) -> None:
    folder, workshops = make_bundles(tmp_path, hq)
    importer.import_paths(hq_services.ctx, [folder])
    window = _window(qtbot, hq_services)
    dashboard = window.dashboard
    dashboard.ui.views.setCurrentWidget(dashboard.ui.workshopsTab)
    view = dashboard.ui.workshopsTable
    codes = _column(view, 0)
    assert len(codes) == 4
    row = next(r for r in range(len(codes)) if "Dakar" in _column(view, 1)[r])
    index = view.model().index(row, 1)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = dashboard._detail
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert dialog.workshop_id == workshops[2]
    assert "MECC Dakar" in dialog.ui.titleLabel.text()
    titles = [dialog.ui.tabs.tabText(i) for i in range(dialog.ui.tabs.count())]
    assert "Participants" in titles and "Attendance per session" in titles
    participants = next(v for t, v in dialog.views if t.key == "participants")
    assert participants.model().rowCount() == 10
    bundles = next(v for t, v in dialog.views if t.key == "bundles")
    assert bundles.model().rowCount() == 1
    dialog.close()


def test_export_the_visible_table_to_xlsx_and_csv(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    folder, _workshops = make_bundles(tmp_path, hq)
    importer.import_paths(hq_services.ctx, [folder])
    window = _window(qtbot, hq_services)
    dashboard = window.dashboard
    assert not window.ui.actionExportTable.isEnabled()  # the charts are not a table
    dashboard.ui.views.setCurrentWidget(dashboard.ui.workshopsTab)
    assert window.ui.actionExportTable.isEnabled()
    view = dashboard.ui.workshopsTable
    header = view.horizontalHeader()
    titles = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    shown_titles = [titles[header.logicalIndex(v)] for v in range(header.count())]
    assert shown_titles[:4] == ["Code", "Title", "Enrolled", "Trained"]  # the figures stay in view
    view.sortByColumn(titles.index("Trained"), Qt.SortOrder.DescendingOrder)  # as the coordinator sorted it
    shown_codes = _column(view, 0)

    xlsx = tmp_path / "out" / "workshops.xlsx"
    xlsx.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(xlsx), ""))
    window.ui.actionExportTable.trigger()
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == shown_titles  # the columns as shown, in the order shown
    assert [r[0] for r in rows[1:]] == shown_codes  # the rows as shown, in the order shown
    trained = [r[3] for r in rows[1:]]
    assert trained == sorted(trained, reverse=True) and all(isinstance(v, int) for v in trained)
    assert isinstance(rows[1][shown_titles.index("Start")], dt.datetime | dt.date)  # dates stay dates

    dashboard.ui.views.setCurrentWidget(dashboard.ui.tablesTab)
    dashboard.ui.tableCombo.setCurrentIndex(dashboard.ui.tableCombo.findData("by_country"))
    target = tmp_path / "out" / "by-country.csv"
    window.export_table(target)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["Country", "Persons trained"]
    figures = stats.compute(hq_services.db)
    assert {row[0]: int(row[1]) for row in lines[1:]} == {
        country_name(k): v for k, v in figures.by_country.items()
    }


def test_import_runs_off_the_ui_thread_and_can_be_cancelled(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _workshops = make_bundles(tmp_path, hq)
    ctx = hq.context()
    services = GuiServices(ctx, runner=TaskRunner())  # the real thread pool
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real_import = importer.import_file

    def slow_import(*args: object, **kwargs: object) -> importer.FileResult:
        threads.append(threading.current_thread())
        gate.wait(10)
        return real_import(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "import_file", slow_import)
    try:
        window = _window(qtbot, services)
        page = window.importer
        window.show_page("import")
        page.import_folder(folder)
        qtbot.waitUntil(lambda: len(threads) == 1, timeout=5000)
        assert page.busy and page.ui.cancelButton.isVisible()
        assert not page.ui.folderButton.isEnabled()
        assert threads[0] is not threading.main_thread()
        qtbot.waitUntil(lambda: page.total == 4)
        qtbot.mouseClick(page.ui.cancelButton, Qt.MouseButton.LeftButton)
        assert "Stopping" in page.ui.summaryLabel.text()
        gate.set()
        qtbot.waitUntil(lambda: not page.busy, timeout=10000)
        assert len(page.results) == 1 and page.results[0].status == "accepted"
        assert "Cancelled: 3 files were not imported" in page.ui.summaryLabel.text()
        assert stats.compute(ctx.db).workshops == 1  # the file imported before the cancel stays, whole
        window.close()
    finally:
        gate.set()
        services.runner.wait(10000)
        ctx.close()


def test_devices_approve_and_revoke_with_confirmation(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ThreadInbox(hq_services.ctx) as inbox:
        venue = enrolled_laptop(tmp_path / "newcomer", hq, inbox.url)
        workshop = run_workshop(venue, "MECC Bishkek", "KG", dt.date(2026, 5, 4), people(6, "KG"))
        outbox.queue_workshop(venue.ctx, workshop)
        (item,) = outbox.send_pending(venue.ctx)
        assert item.state == "delivered"  # held: headquarters has never seen this laptop
    device = venue.ctx.db.device_id
    venue.ctx.close()

    window = _window(qtbot, hq_services)
    window.show_page("devices")
    page = window.devices
    assert _column(page.ui.table, 0) == [device]
    assert _column(page.ui.table, 2) == ["Waiting for approval"]
    assert _column(page.ui.table, 6) == ["1"]
    page.ui.table.selectRow(0)
    assert page.ui.approveButton.isEnabled()

    asked: list[str] = []
    answers = iter([False, True, True])

    def fake_confirm(_parent: object, text: str, action: str) -> bool:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(devices_page, "confirm", fake_confirm)
    qtbot.mouseClick(page.ui.approveButton, Qt.MouseButton.LeftButton)  # cancelled
    assert devices.list_devices(hq_services.db)[0].status == "pending"
    assert stats.compute(hq_services.db).workshops == 0
    qtbot.mouseClick(page.ui.approveButton, Qt.MouseButton.LeftButton)
    assert device in asked[0] and page.selected_device() is not None
    assert devices.list_devices(hq_services.db)[0].status == "approved"
    assert stats.compute(hq_services.db).workshops == 1  # the held bundle was imported
    assert "1 held bundle imported" in page.ui.resultLabel.text()
    assert _column(page.ui.table, 2) == ["Approved"]
    window.show_page("dashboard")
    assert window.dashboard.overview is not None and window.dashboard.overview.workshops == 1

    window.show_page("devices")
    page.ui.table.selectRow(0)
    qtbot.mouseClick(page.ui.revokeButton, Qt.MouseButton.LeftButton)
    assert devices.list_devices(hq_services.db)[0].status == "revoked"
    assert _column(page.ui.table, 2) == ["Revoked"]
    assert stats.compute(hq_services.db).workshops == 1  # nothing it sent is deleted


def test_conflict_log_lists_what_was_set_aside(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices
) -> None:
    import shutil
    import sqlite3

    a = laptop(tmp_path / "a")
    wid = a.workshop("Shared", "KZ", dt.date(2026, 6, 1), 1, [1])
    ann = a.roster(wid, people(1, "KZ"))
    name = next(iter(ann))
    a.ctx.close()
    shutil.copytree(a.folder, tmp_path / "b")
    shutil.rmtree(tmp_path / "b" / "keys")
    conn = sqlite3.connect(tmp_path / "b" / "ccema.sqlite")
    with conn:
        conn.execute(
            "UPDATE db_meta SET value = 'b0000000-0000-4000-8000-000000000000' WHERE key = 'device_id'"
        )
    conn.close()
    a, b = laptop(tmp_path / "a"), laptop(tmp_path / "b")
    for lap, phone in ((a, "222"), (b, "333")):
        enroll(lap, hq)
        lap.roster(wid, [[name, "", "", "", "", "", "person0@example.org", phone]])
    files = [a.export(wid, tmp_path / "a.json"), b.export(wid, tmp_path / "b.json")]
    a.ctx.close()
    b.ctx.close()
    importer.import_paths(hq_services.ctx, files)

    window = _window(qtbot, hq_services)
    window.show_page("conflicts")
    page = window.conflicts
    assert page.ui.table.model().rowCount() == 1
    assert _column(page.ui.table, 1) == ["participant"]
    assert '"phone": "222"' in page.ui.detailsEdit.toPlainText()
    assert not page.ui.emptyLabel.isVisible()


def test_language_switch_relabels_the_dashboard(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices
) -> None:
    folder, _workshops = make_bundles(tmp_path, hq)
    importer.import_paths(hq_services.ctx, [folder])
    window = _window(qtbot, hq_services)
    dashboard = window.dashboard
    dashboard.ui.views.setCurrentWidget(dashboard.ui.tablesTab)
    dashboard.ui.tableCombo.setCurrentIndex(dashboard.ui.tableCombo.findData("by_sex"))
    window.set_language("ru")
    try:
        assert "Женщина" in _table(dashboard.ui.breakdownTable)
        assert dashboard.ui.tableCombo.currentData() == "by_sex"  # the same table stays chosen
        assert window._language_actions["ru"].isChecked()
    finally:
        window.set_language("en")
    assert "Female" in _table(dashboard.ui.breakdownTable)


def test_coordinator_mode_by_option_or_by_headquarters_keys(
    tmp_path: Path, hq: Headquarters, ctx: AppContext
) -> None:
    def args(*argv: str) -> argparse.Namespace:
        return app.parse_args(["ccema-desktop", *argv])

    hq_ctx = hq.context()
    try:
        assert app.coordinator_mode(args(), hq_ctx)  # `ccema hq init` made its keys there
        assert not app.coordinator_mode(args("--facilitator"), hq_ctx)
        assert not app.coordinator_mode(args(), ctx)  # a venue laptop
        assert app.coordinator_mode(args("--coordinator"), ctx)
    finally:
        hq_ctx.close()
    from ccema_desktop.sync import keys

    assert app.HQ_KEY_FILE == keys.HQ_ENCRYPTION_KEY_FILE


def test_coordinator_window_smoke_test(tmp_path: Path, hq: Headquarters) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "ccema_desktop", "--data-dir", str(hq.folder), "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr


def test_nothing_selected_does_nothing(qtbot, hq_services: GuiServices) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, hq_services, (1024, 768))
    assert window.dashboard.open_detail() is None
    window.show_page("devices")
    assert window.devices.ui.emptyLabel.isVisible()
    assert not window.devices.ui.approveButton.isEnabled()
    window.dashboard._on_workshop_activated(QModelIndex())


def test_approve_a_laptop_in_advance_by_its_id(  # type: ignore[no-untyped-def]
    qtbot, hq_services: GuiServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uuid

    shown: list[BaseException] = []
    monkeypatch.setattr(devices_page, "confirm", lambda *_a: True)
    monkeypatch.setattr(devices_page, "show_error", lambda _parent, exc: shown.append(exc))
    window = _window(qtbot, hq_services)
    window.show_page("devices")
    page = window.devices
    page.approve_in_advance("not-a-device-id")
    assert len(shown) == 1 and "is not a device id" in str(shown[0])
    assert devices.list_devices(hq_services.db) == []
    device = str(uuid.uuid4())
    page.approve_in_advance(device)
    assert [(d.device_id, d.status) for d in devices.list_devices(hq_services.db)] == [(device, "approved")]
    assert _column(page.ui.table, 0) == [device]
    assert page.selected_device() is not None and "0 held bundles imported" in page.ui.resultLabel.text()


def test_print_the_headquarters_infosheet(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, hq: Headquarters, hq_services: GuiServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from tests import pdf

    folder, _workshops = make_bundles(tmp_path, hq)
    importer.import_paths(hq_services.ctx, [folder])
    window = _window(qtbot, hq_services)
    out = tmp_path / "reports" / "infosheet.pdf"
    out.parent.mkdir()
    suggested: list[str] = []

    def save_dialog(_parent, _title: str, name: str, _filter: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        suggested.append(name)
        return str(out), ""

    opened: list[QUrl] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.ui.actionInfosheet.trigger()
    assert Path(suggested[0]).name.startswith("ccema-hq-infosheet-")
    assert [u.toLocalFile() for u in opened] == [str(out)]
    text = pdf.text(out)
    for title in ("MECC Astana", "MECC Almaty", "MECC Dakar", "MECC Dodoma"):
        assert title in text
    pages = pdf.pages(out)
    assert window.statusBar().currentMessage() == f"Saved {out} ({pages} page{'s' if pages > 1 else ''})."
    assert window.infosheet is None and hq_services.settings.last_report_dir == str(out.parent)

    blocked = tmp_path / "reports" / "missing" / "infosheet.pdf"
    errors: list[BaseException] = []
    monkeypatch.setattr("ccema_desktop.gui.coordinator.window.show_error", lambda _p, exc: errors.append(exc))
    window.print_infosheet(blocked)
    assert len(errors) == 1 and "does not exist" in str(errors[0]) and not blocked.parent.exists()
