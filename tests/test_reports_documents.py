"""Every report for a 25-participant workshop in all four languages: names in their own script come out of
the PDF, only the embedded DejaVu font is used, pages are where they should be."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.domain.countries import country_name
from ccema_desktop.domain.vocab import SECTORS, label
from ccema_desktop.reports.fonts import has_glyphs
from ccema_desktop.services import certificates, participants, reporting
from ccema_desktop.services import workshops as ws
from tests import pdf
from tests.report_fixtures import LONG_FRENCH_TITLE, LONG_NAMES, Scenario, make_workshop

LANGS = ["en", "es", "fr", "ru"]
CYRILLIC_NAMES = ["Асель Жумабаева", "Дмитрий Иванов", "Ольга Петренко", LONG_NAMES[1]]
ACCENTED_NAMES = [
    "José Ramírez Peña",
    "Amélie Dubois-Léger",
    "Françoise N'Diaye",
    "Éric Lefèvre",
    "Nguyễn Thị Lan",
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, Scenario]]:
    folder = tmp_path_factory.mktemp("reports")
    ctx = open_context(folder / "data", daily_backup=False)
    scenario = make_workshop(ctx, folder)
    ws.set_recommendations(
        ctx.db,
        scenario.code,
        "Intégrer la mobilité humaine dans les plans nationaux d'adaptation.\nСледующий семинар в 2027 году.",
    )
    yield ctx, scenario
    ctx.close()


def _only_dejavu(path: Path) -> None:
    assert pdf.fonts(path) == {"DejaVuSans:yes", "DejaVuSans-Bold:yes"}


def test_test_data_is_drawable() -> None:
    """The shipped font has every glyph of the names and titles used here (no boxes in the PDFs)."""
    assert all(
        has_glyphs(name) for name in [*CYRILLIC_NAMES, *ACCENTED_NAMES, *LONG_NAMES, LONG_FRENCH_TITLE]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_sign_in_sheets(world: tuple[AppContext, Scenario], tmp_path: Path, lang: str) -> None:
    ctx, sc = world
    out = tmp_path / f"sheet-{lang}.pdf"
    result = reporting.write_attendance_sheet(ctx.db, sc.code, out, lang=lang)
    assert result.path == out and result.pages == pdf.pages(out) and result.language == lang
    _only_dejavu(out)
    per_page = pdf.page_texts(out)
    days = 3
    assert len(per_page) == result.pages and result.pages % days == 0
    full = " ".join(per_page)
    for name in [*CYRILLIC_NAMES, *ACCENTED_NAMES, *LONG_NAMES]:
        assert full.count(name) == days, name  # once per day, never split over two pages
    assert all("Dakar" in page and sc.code in page for page in per_page)  # header on every page
    assert "Atelier régional de renforcement des capacités" in per_page[-1]


def test_one_day_and_one_session(world: tuple[AppContext, Scenario], tmp_path: Path) -> None:
    ctx, sc = world
    day = reporting.write_attendance_sheet(ctx.db, sc.code, tmp_path / "day.pdf", day=dt.date(2026, 3, 3))
    assert pdf.text(tmp_path / "day.pdf").count("Асель Жумабаева") == 1
    assert "2026" in pdf.text(tmp_path / "day.pdf") and day.language == "fr"
    session = next(s for s in ws.get_workshop(ctx.db, sc.code).sessions if s.kind == "exercise")
    reporting.write_attendance_sheet(
        ctx.db, sc.code, tmp_path / "session.pdf", session_ref=session.id, lang="en"
    )
    assert session.title in pdf.text(tmp_path / "session.pdf")


@pytest.mark.parametrize("lang", LANGS)
def test_certificates(world: tuple[AppContext, Scenario], tmp_path: Path, lang: str) -> None:
    ctx, sc = world
    out = tmp_path / f"certs-{lang}.pdf"
    result = certificates.write_certificates(ctx.db, sc.code, out, lang=lang)
    assert result.items == len(sc.eligible) == 22
    assert pdf.pages(out) == result.pages == result.items  # one page per eligible participant
    _only_dejavu(out)
    pages = pdf.page_texts(out)
    for page, name in zip(pages, sorted(sc.eligible, key=_order(ctx, sc)), strict=True):
        assert name in page
    issued = {c.participant: c for c in certificates.list_certificates(ctx.db, sc.code)}
    for page in pages:
        owner = next(n for n in sc.eligible if n in page)
        assert issued[owner].number in page and issued[owner].verification_code in page
    assert sum(LONG_FRENCH_TITLE.split()[0] in p for p in pages) == len(pages)
    for ineligible in set(sc.names) - set(sc.eligible):
        assert ineligible not in " ".join(pages)


def _order(ctx: AppContext, sc: Scenario) -> Callable[[str], int]:
    """Certificates follow the participant list's order (alphabetical by folded name)."""
    return [p.full_name for p in participants.list_participants(ctx.db, sc.code)].index


@pytest.mark.parametrize("lang", LANGS)
def test_workshop_report(world: tuple[AppContext, Scenario], tmp_path: Path, lang: str) -> None:
    ctx, sc = world
    out = tmp_path / f"report-{lang}.pdf"
    result = reporting.write_workshop_report(ctx.db, sc.code, out, lang=lang)
    _only_dejavu(out)
    assert 3 <= result.pages == pdf.pages(out) <= 8
    body = pdf.text(out)
    assert "Atelier régional de renforcement des capacités sur la migration" in body
    assert "Следующий семинар в 2027 году." in body and "Intégrer la mobilité humaine" in body
    assert country_name("KZ", lang) in body and label(SECTORS, "environment", lang) in body
    assert "Aïssatou Ndiaye-Sarr" in body and "Дмитрий Соколов" in body


@pytest.mark.parametrize("lang", LANGS)
def test_hq_infosheet(world: tuple[AppContext, Scenario], tmp_path: Path, lang: str) -> None:
    ctx, sc = world
    out = tmp_path / f"hq-{lang}.pdf"
    result = reporting.write_hq_infosheet(ctx.db, out, lang=lang)
    _only_dejavu(out)
    assert result.pages == pdf.pages(out)
    body = pdf.text(out)
    assert sc.code in body and "Atelier régional de renforcement" in body
    assert country_name("SN", lang) in body and country_name("KZ", lang) in body


def test_report_defaults_to_the_workshop_language(world: tuple[AppContext, Scenario], tmp_path: Path) -> None:
    ctx, sc = world
    result = reporting.write_workshop_report(ctx.db, sc.code, tmp_path / "r.pdf")
    assert result.language == "fr"
    assert "2–4 mars 2026" in pdf.text(tmp_path / "r.pdf")  # Babel's French date range
