"""Every catalog is complete: no untranslated or fuzzy entry, placeholders match, .mo files are fresh."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from ccema_desktop.i18n import set_language, translator

LOCALES = Path(__file__).resolve().parent.parent / "locales"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.mark.parametrize("lang", ["es", "fr", "ru"])
def test_catalog_is_complete(lang: str) -> None:
    with (LOCALES / lang / "LC_MESSAGES" / "ccema.po").open("rb") as fh:
        catalog = read_po(fh)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            if set(PLACEHOLDER.findall(s)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {s!r}")
    assert problems == []


@pytest.mark.parametrize("lang", ["es", "fr", "ru"])
def test_compiled_catalog_matches_po(lang: str) -> None:
    folder = LOCALES / lang / "LC_MESSAGES"

    def key(value: object) -> object:
        return tuple(value) if isinstance(value, (list, tuple)) else value  # plural ids come as lists

    with (folder / "ccema.po").open("rb") as fh:
        po = {key(m.id): key(m.string) for m in read_po(fh) if m.id}
    with (folder / "ccema.mo").open("rb") as fh:
        mo = {key(m.id): key(m.string) for m in read_mo(fh) if m.id}
    assert mo == po, "run: pybabel compile -D ccema -d locales"


def test_template_is_up_to_date(tmp_path: Path) -> None:
    """Every string marked in the code is in the catalogs (run pybabel extract/update otherwise)."""
    out = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(LOCALES / "babel.cfg"),
            "-o",
            str(out),
            "--no-location",
            str(LOCALES.parent / "ccema_desktop"),
        ],
        check=True,
        capture_output=True,
    )
    with out.open("rb") as fh:
        fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    with (LOCALES / "ru" / "LC_MESSAGES" / "ccema.po").open("rb") as fh:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    assert sorted(fresh - known, key=str) == []


def test_language_switch_translates() -> None:
    set_language("ru")
    from ccema_desktop.i18n import _

    assert _("Lunch") == "Обед"
    set_language("en")
    assert _("Lunch") == "Lunch"
    assert translator("es")("Lunch") == "Almuerzo"
