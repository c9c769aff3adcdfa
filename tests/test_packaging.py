"""The packaged app (packaging/).

Fast checks run with the rest of the suite: the recipe bundles what the app reads, the filters leave out
only what it never uses, and the launcher picks the right program. The checks of a real build are marked
`packaging` and need the build first (about a minute of build, about 30 s of checks):

    bash packaging/build-linux.sh && CCEMA_TEST_PACKAGING=1 .venv/bin/python -m pytest -m packaging

They unpack the tarball users get and run it the way a facilitator's laptop would: an empty environment
(`env -i`: no Python, no PATH), no network (`unshare -n`), a fresh or an old data folder, a USB folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO, content_digest, copy_fixture, table_counts
from tests.upgrades import (
    FUTURE_REVISION,
    full_disk_runner,
    future_migration_source,
    make_read_only,
    make_writable,
    no_network_prefix,
    read_only_runner,
    settings_kept,
    write_settings,
)

PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "ccema-desktop.spec"
CYRILLIC = re.compile("[а-яА-Я]")
LANGS = ("en", "es", "fr", "ru")


def _load(name: str) -> ModuleType:
    """packaging/ is not a Python package (its name is taken by the `packaging` library): load by path."""
    spec = importlib.util.spec_from_file_location(f"ccema_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_filter = _load("bundle_filter")


# --- the recipe ---------------------------------------------------------------------------------------------
def test_spec_bundles_everything_the_app_reads_at_run_time() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for needed in (
        '(str(ROOT / "resources"), "resources")',  # curriculum, fonts + licence
        '(str(ROOT / "ui"), "ui")',
        'ROOT.glob("locales/*/LC_MESSAGES/*.mo")',
        '"ccema_desktop" / "storage" / "alembic"',  # migration scripts are read by path
        'copy_metadata("ccema-desktop")',  # __version__
        '"sqlalchemy.dialects.postgresql.psycopg"',
        'name="ccema"',
        "name=NAME",
        "BUNDLE(",
    ):
        assert needed in text, needed
    excluded = set(re.findall(r'"(Qt\w+)"', text[text.index("QT_UNUSED = [") : text.index("excludes = [")]))
    assert {"QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia"} <= excluded
    assert not {"QtCore", "QtGui", "QtWidgets", "QtCharts", "QtSvg", "QtPrintSupport"} & excluded
    for folder in ("resources/curriculum", "resources/fonts", "ui"):
        assert any((REPO / folder).iterdir()), folder
    assert list((REPO / "locales").glob("*/LC_MESSAGES/ccema.mo"))


def test_babel_and_qt_translations_cut_to_the_four_languages() -> None:
    keep = bundle_filter.keep_data
    for lang in ("root", *LANGS):
        assert keep(f"babel/locale-data/{lang}.dat")
    assert not keep("babel/locale-data/de.dat") and not keep("babel/locale-data/fr_CA.dat")
    assert keep("babel/global.dat")
    for lang in LANGS:
        assert keep(f"PySide6/Qt/translations/qtbase_{lang}.qm")
    for other in ("qtbase_de.qm", "qt_ru.qm", "designer_fr.qm", "qtwebengine_es.qm"):
        assert not keep(f"PySide6/Qt/translations/{other}")
    assert keep("resources/fonts/DejaVuSans.ttf") and keep("locales/ru/LC_MESSAGES/ccema.mo")


def test_unused_qt_plugins_are_recognised_on_each_system() -> None:
    unused = bundle_filter.is_unused_qt_plugin
    assert unused("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert unused("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll")  # Windows wheels
    assert unused("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert unused("PySide6/Qt/plugins/tls/libqopensslbackend.so")
    for needed in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "platforms/qwindows.dll",
        "platforms/libqcocoa.dylib",
        "platforms/libqwayland.so",
        "imageformats/libqsvg.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "styles/qmodernwindowsstyle.dll",
    ):
        assert not unused(f"PySide6/Qt/plugins/{needed}"), needed
    assert not unused("PySide6/Qt/lib/libQt6Core.so.6")


def test_pruning_keeps_what_a_kept_module_or_plugin_needs() -> None:
    toc = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/src/vk.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("pypdfium2_raw/libpdfium.so", "/src/libpdfium.so", "BINARY"),  # loaded with ctypes: no link to it
    ]
    graph = {
        "/src/QtWidgets.abi3.so": ["/src/libQt6Widgets.so.6"],
        "/src/libQt6Widgets.so.6": ["/src/libQt6Gui.so.6"],
        "/src/libqxcb.so": ["/src/libQt6XcbQpa.so.6", "/usr/lib/libc.so.6"],
        "/src/vk.so": ["/src/libQt6Quick.so.6"],
    }

    def imports(path: str) -> list[tuple[str, str | None]]:
        return [(Path(p).name, p) for p in graph.get(path, [])] + [("libmissing.so", None)]

    kept, dropped = bundle_filter.prune_binaries(toc, imports, prune_libraries=True)
    kept_names = {dest for dest, _src, _kind in kept}
    assert set(dropped) == {
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
    }
    assert "libQt6Quick.so.6" not in kept_names and "libQt6Gui.so.6" in kept_names
    assert {
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libpython3.11.so.1.0",
        "pypdfium2_raw/libpdfium.so",
    } <= kept_names
    # Windows and macOS: plugins only, every library kept
    kept, dropped = bundle_filter.prune_binaries(toc, imports, prune_libraries=False)
    assert dropped == ["PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"]
    assert len(kept) == len(toc) - 1
    datas = [("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"), ("a.txt", "/src/a", "DATA")]
    assert bundle_filter.drop_dangling_links(datas, ["PySide6/Qt/lib/libQt6Quick.so.6"]) == [datas[1]]


@pytest.mark.parametrize(
    ("executable", "program"),
    [
        ("/opt/ccema-desktop/ccema", "cli"),
        ("C:/CCEMA/ccema.exe", "cli"),
        ("/opt/ccema-desktop/ccema-desktop", "gui"),
        ("C:/CCEMA/ccema-desktop.exe", "gui"),
    ],
)
def test_one_bundle_two_programs(monkeypatch: pytest.MonkeyPatch, executable: str, program: str) -> None:
    import ccema_desktop.__main__
    import ccema_desktop.cli

    launcher = _load("launcher")
    monkeypatch.setattr(sys, "executable", executable)
    monkeypatch.setattr(ccema_desktop.cli, "main", lambda: 11)
    monkeypatch.setattr(ccema_desktop.__main__, "main", lambda: 22)
    assert launcher.main() == {"cli": 11, "gui": 22}[program]


def test_windows_and_macos_recipes_exist() -> None:
    iss = (PACKAGING / "windows" / "ccema-desktop.iss").read_text(encoding="utf-8")
    for needed in ("ccema-desktop.exe", "ccema.exe", "_internal", "AppId=", "PrivilegesRequired=lowest"):
        assert needed in iss, needed
    workflow = (REPO / ".github" / "workflows" / "packaging.yml").read_text(encoding="utf-8")
    for needed in (
        "windows-latest",
        "macos-latest",
        "packaging/ccema-desktop.spec",
        "ISCC",
        "hdiutil create",
        "--smoke-test",
        "curriculum list --lang ru",
    ):
        assert needed in workflow, needed


# --- the built bundle ---------------------------------------------------------------------------------------
needs_build = pytest.mark.skipif(
    os.environ.get("CCEMA_TEST_PACKAGING") != "1",
    reason="checks the built bundle: bash packaging/build-linux.sh && CCEMA_TEST_PACKAGING=1 pytest -m packaging",
)
VERSION = version("ccema-desktop")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Linux tarball as a user gets it, unpacked in a fresh folder."""
    tarball = REPO / "dist" / f"ccema-desktop-{VERSION}-linux-{platform.machine()}.tar.gz"
    if not tarball.exists():
        pytest.fail(f"{tarball.relative_to(REPO)} is missing: run bash packaging/build-linux.sh first")
    sources = [
        REPO / "ccema_desktop",
        REPO / "resources",
        REPO / "locales",
        SPEC,
        PACKAGING / "bundle_filter.py",
    ]
    files = [
        p for src in sources for p in [src, *src.rglob("*")] if p.is_file() and "__pycache__" not in p.parts
    ]
    newest = max(p.stat().st_mtime for p in files)
    if newest > tarball.stat().st_mtime:
        pytest.fail(
            f"{tarball.relative_to(REPO)} is older than the source: run bash packaging/build-linux.sh"
        )
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as tar:
        tar.extractall(target, filter="tar")
    return target / "ccema-desktop"


def run_clean(
    cmd: Sequence[str | Path],
    home: Path,
    prefix: Sequence[str] = (),
    network: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """`env -i` with only a home, a UTF-8 locale and the offscreen screen; no network unless asked."""
    clean = {"HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", **env}
    isolate = [] if network else no_network_prefix()
    argv = [*prefix, "env", "-i", *(f"{k}={v}" for k, v in clean.items()), *isolate, *map(str, cmd)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=180)


def _one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.packaging
@needs_build
def test_bundle_holds_fonts_catalogs_content_and_no_unused_qt(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / "ccema-desktop").is_file() and (bundle / "ccema").is_file()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert (internal / "resources" / "fonts" / name).is_file(), name
    assert len(list((internal / "resources" / "curriculum").glob("module-*.json"))) == 7
    for lang in ("es", "fr", "ru"):
        assert (internal / "locales" / lang / "LC_MESSAGES" / "ccema.mo").is_file()
        assert (internal / "PySide6" / "Qt" / "translations" / f"qtbase_{lang}.qm").is_file()
    assert list((internal / "ui").glob("*.ui"))
    assert (internal / "ccema_desktop" / "storage" / "alembic" / "env.py").is_file()
    assert list((internal / "ccema_desktop" / "storage" / "alembic" / "versions").glob("0001_*.py"))
    babel = sorted(p.stem for p in (internal / "babel" / "locale-data").glob("*.dat"))
    assert babel == sorted(["root", *LANGS])
    names = {p.name for p in internal.rglob("*")}
    for unused in (
        "libQt6Quick.so.6",
        "libQt6Qml.so.6",
        "libQt6WebEngineCore.so.6",
        "libQt6Pdf.so.6",
        "libqtvirtualkeyboardplugin.so",
        "libqgtk3.so",
    ):
        assert unused not in names, unused
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]  # no dangling links
    assert (bundle / "README.txt").is_file()
    assert list((internal / "pypdfium2_raw").glob("*pdfium*")), "the Reports preview needs libpdfium"


@pytest.mark.packaging
@needs_build
def test_smoke_test_in_each_language_with_no_python_and_no_network(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"  # fresh: the first start builds the database by running the migrations
    for lang in LANGS:
        proc = run_clean(
            [bundle / "ccema-desktop", "--smoke-test", "--data-dir", data, "--lang", lang], tmp_path
        )
        assert proc.returncode == 0, proc.stderr
        assert f"language {lang};" in proc.stdout
        assert "shipped fonts DejaVu Sans;" in proc.stdout
        assert f"Qt translation qtbase_{lang}.qm;" in proc.stdout
        assert "Traceback" not in proc.stderr
    assert (data / "ccema.sqlite").exists() and list((data / "backups").glob("daily-*.sqlite"))


@pytest.mark.packaging
@needs_build
def test_headless_command_with_no_python_and_no_network(bundle: Path, tmp_path: Path) -> None:
    ccema = bundle / "ccema"
    data = tmp_path / "data"
    proc = run_clean([ccema, "--version"], tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip() == f"ccema {VERSION}", proc.stderr
    titles = {}
    for lang in LANGS:
        proc = run_clean(
            [ccema, "--data-dir", data, "curriculum", "list", "--lang", lang, "--json"], tmp_path
        )
        assert proc.returncode == 0, proc.stderr
        modules = json.loads(proc.stdout)
        assert [m["number"] for m in modules] == [1, 2, 3, 4, 5, 6, 7]
        titles[lang] = [m["title"] for m in modules]
    assert all(CYRILLIC.search(title) for title in titles["ru"])
    assert len({tuple(t) for t in titles.values()}) == 4
    # the app's own messages in each language (gettext catalogs from the bundle)
    messages = {}
    for lang in LANGS:
        proc = run_clean([ccema, "--data-dir", data, "workshop", "show", "nope"], tmp_path, CCEMA_LANG=lang)
        messages[lang] = _one_line_error(proc)
        assert "nope" in messages[lang]
    assert CYRILLIC.search(messages["ru"]) and len(set(messages.values())) == 4
    created = run_clean(
        [
            ccema,
            "--data-dir",
            data,
            "workshop",
            "create",
            "--title",
            "Атырау",
            "--country",
            "KZ",
            "--start",
            "2026-03-02",
            "--end",
            "2026-03-04",
            "--language",
            "ru",
            "--modules",
            "1,2",
            "--json",
        ],
        tmp_path,
    )
    assert created.returncode == 0, created.stderr
    workshop = json.loads(created.stdout)["id"]
    # rosters as they arrive: XLSX (openpyxl) and a Windows-1251 CSV (charset detection)
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["full_name", "sex", "organization", "country"])
    sheet.append(["José Ramírez Peña", "M", "Ministerio de Ambiente", "CO"])
    book.save(tmp_path / "roster.xlsx")
    (tmp_path / "roster.csv").write_bytes(
        "full_name;sex;country\nАсель Жумабаева;Ж;Казахстан\n".encode("cp1251")
    )
    for roster in ("roster.xlsx", "roster.csv"):
        proc = run_clean(
            [ccema, "--data-dir", data, "participants", "import", workshop, tmp_path / roster, "--json"],
            tmp_path,
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["added"] == 1, proc.stdout
    proc = run_clean([ccema, "--data-dir", data, "participants", "list", workshop, "--json"], tmp_path)
    assert {p["full_name"] for p in json.loads(proc.stdout)} == {"José Ramírez Peña", "Асель Жумабаева"}


def _usb_copy(bundle: Path, where: Path) -> Path:
    """The folder copied to a stick as a file manager would onto FAT: links become plain copies."""
    app = where / "USB" / "ccema-desktop"
    shutil.copytree(bundle, app, symlinks=False)
    (app / "ccema-portable").touch()
    return app


@pytest.mark.packaging
@needs_build
def test_portable_mode_keeps_everything_beside_the_program(bundle: Path, tmp_path: Path) -> None:
    app = _usb_copy(bundle, tmp_path)
    proc = run_clean([app / "ccema-desktop", "--smoke-test"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"database {app / 'ccema-data' / 'ccema.sqlite'}" in proc.stdout
    proc = run_clean([app / "ccema", "workshop", "list", "--json"], tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout) == [], proc.stderr
    assert not (tmp_path / ".local").exists()


@pytest.mark.packaging
@needs_build
@pytest.mark.parametrize("program", [["ccema-desktop", "--smoke-test"], ["ccema", "curriculum", "list"]])
def test_portable_on_a_read_only_stick_gives_one_clear_line(
    bundle: Path, tmp_path: Path, program: list[str]
) -> None:
    app = _usb_copy(bundle, tmp_path)
    prefix = read_only_runner(app)
    if prefix is None:
        pytest.skip("root without unshare -m: cannot make a read-only folder")
    make_read_only(app)  # only without root; root gets a read-only bind mount from the prefix
    try:
        line = _one_line_error(run_clean([app / program[0], *program[1:]], tmp_path, prefix=prefix))
    finally:
        make_writable(app)
    assert "Cannot write to the data folder" in line and str(app / "ccema-data") in line
    assert "Read-only file system" in line or "Permission denied" in line


@pytest.mark.packaging
@needs_build
@pytest.mark.parametrize("program", [["ccema-desktop", "--smoke-test"], ["ccema", "curriculum", "list"]])
def test_portable_on_a_full_stick_gives_one_clear_line(
    bundle: Path, tmp_path: Path, program: list[str]
) -> None:
    app = _usb_copy(bundle, tmp_path)
    (app / "ccema-data").mkdir()
    prefix = full_disk_runner(app / "ccema-data")
    if prefix is None:
        pytest.skip("needs root and unshare -m to mount a tiny file system")
    line = _one_line_error(run_clean([app / program[0], *program[1:]], tmp_path, prefix=prefix))
    assert "disk is full" in line or "No space left" in line


@pytest.mark.packaging
@needs_build
def test_newer_build_upgrades_older_data_and_older_build_refuses_newer(bundle: Path, tmp_path: Path) -> None:
    """Install the next version over this one, then go back: upgrade after a backup; refusal, untouched."""
    newer = tmp_path / "newer"
    shutil.copytree(bundle, newer, symlinks=True)
    versions = newer / "_internal" / "ccema_desktop" / "storage" / "alembic" / "versions"
    (versions / f"{FUTURE_REVISION}.py").write_text(future_migration_source(), encoding="utf-8")
    data = tmp_path / "data"
    db_file = copy_fixture("schema-0001.sqlite", data / "ccema.sqlite")
    write_settings(data)
    before_counts, before_digest = table_counts(db_file), content_digest(db_file)

    proc = run_clean([newer / "ccema", "--data-dir", data, "workshop", "list", "--json"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 1
    (backup,) = (data / "backups").glob("pre-upgrade-0001-*.sqlite")
    assert content_digest(backup) == before_digest
    after = table_counts(db_file)
    assert all(after[t] >= n for t, n in before_counts.items() if t != "alembic_version")
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (FUTURE_REVISION,)
    proc = run_clean([newer / "ccema-desktop", "--smoke-test", "--data-dir", data], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert settings_kept(data)

    before_refusal = db_file.read_bytes()
    for program in (["ccema-desktop", "--smoke-test"], ["ccema", "workshop", "list"]):
        line = _one_line_error(run_clean([bundle / program[0], "--data-dir", data, *program[1:]], tmp_path))
        assert "newer version of CCEMA Desktop" in line and FUTURE_REVISION in line
    assert db_file.read_bytes() == before_refusal
    assert settings_kept(data)


@pytest.mark.packaging
@needs_build
@pytest.mark.skipif(not os.environ.get("CCEMA_TEST_POSTGRES_URL"), reason="CCEMA_TEST_POSTGRES_URL not set")
def test_headquarters_postgresql_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The bundle carries the PostgreSQL driver (`--db postgresql+psycopg://...`); loopback only."""
    from sqlalchemy import create_engine, text

    url = os.environ["CCEMA_TEST_POSTGRES_URL"]
    schema = f"ccema_pack_{os.getpid()}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in url else "?"
        db = f"{url}{sep}options=-csearch_path%3D{schema}"
        proc = run_clean(
            [bundle / "ccema", "--db", db, "curriculum", "list", "--lang", "fr", "--json"],
            tmp_path,
            network=True,
        )
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)) == 7
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
