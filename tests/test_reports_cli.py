"""`ccema report ...` and `ccema workshop recommendations` as other tools use them; bad requests say what
is wrong, exit 1 and leave no PDF (or temporary file) behind."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from ccema_desktop.context import open_context
from tests import pdf
from tests.report_fixtures import make_workshop
from tests.test_cli import ccema


@pytest.fixture
def workshop(data_dir: Path, tmp_path: Path) -> str:
    ctx = open_context(data_dir, daily_backup=False)
    code = make_workshop(ctx, tmp_path).code
    ctx.close()
    return code


def test_every_report_command(data_dir: Path, tmp_path: Path, workshop: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    sheet = json.loads(
        ccema(
            data_dir,
            "report",
            "attendance-sheet",
            workshop,
            "--day",
            "2026-03-02",
            "--out",
            str(out / "s.pdf"),
            "--json",
        ).stdout
    )
    assert sheet == {"path": str(out / "s.pdf"), "pages": pdf.pages(out / "s.pdf"), "language": "fr"}
    certs = json.loads(
        ccema(
            data_dir,
            "report",
            "certificates",
            workshop,
            "--out",
            str(out / "c.pdf"),
            "--lang",
            "ru",
            "--json",
        ).stdout
    )
    assert certs["items"] == 22 == certs["pages"] and certs["language"] == "ru"
    text = ccema(data_dir, "report", "workshop", workshop, "--out", str(out / "w.pdf"), "--lang", "es").stdout
    assert str(out / "w.pdf") in text
    ccema(data_dir, "report", "hq", "--out", str(out / "hq.pdf"), "--lang", "en")
    assert "Асель Жумабаева" in pdf.text(out / "c.pdf") and "Ольга Петренко" in pdf.text(out / "s.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["c.pdf", "hq.pdf", "s.pdf", "w.pdf"]


def test_recommendations_command(data_dir: Path, tmp_path: Path, workshop: str) -> None:
    ccema(data_dir, "workshop", "recommendations", workshop, "--text", "Renforcer la coordination.")
    assert json.loads(ccema(data_dir, "workshop", "recommendations", workshop, "--json").stdout) == {
        "recommendations": "Renforcer la coordination."
    }
    notes = tmp_path / "recs.txt"
    notes.write_text("1. Продолжить обучение.\n2. Partager le rapport.", encoding="utf-8")
    ccema(data_dir, "workshop", "recommendations", workshop, "--file", str(notes))
    ccema(data_dir, "report", "workshop", workshop, "--out", str(tmp_path / "w.pdf"))
    assert "1. Продолжить обучение. 2. Partager le rapport." in pdf.text(tmp_path / "w.pdf")
    missing = ccema(
        data_dir, "workshop", "recommendations", workshop, "--file", str(tmp_path / "nope.txt"), check=False
    )
    assert missing.returncode == 1 and missing.stderr.startswith("Error:")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_bad_requests_leave_nothing_behind(data_dir: Path, tmp_path: Path, workshop: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    cases = [
        (("report", "workshop", "NO-SUCH", "--out", str(out / "a.pdf")), "No workshop 'NO-SUCH'"),
        (("report", "certificates", "NO-SUCH", "--out", str(out / "a.pdf")), "No workshop 'NO-SUCH'"),
        (
            ("report", "attendance-sheet", workshop, "--day", "2027-01-01", "--out", str(out / "a.pdf")),
            "runs from",
        ),
        (
            ("report", "attendance-sheet", workshop, "--day", "soon", "--out", str(out / "a.pdf")),
            "YYYY-MM-DD",
        ),
        (
            ("report", "attendance-sheet", workshop, "--session", "nope", "--out", str(out / "a.pdf")),
            "No session",
        ),
        (("report", "workshop", workshop, "--out", str(tmp_path / "missing" / "a.pdf")), "does not exist"),
        (("report", "workshop", workshop, "--out", str(out)), "is a folder"),
        (("report", "hq", "--out", str(tmp_path / "missing" / "a.pdf")), "does not exist"),
    ]
    (out / "file.txt").write_text("x")
    cases.append((("report", "workshop", workshop, "--out", str(out / "file.txt" / "a.pdf")), "not a folder"))
    if os.geteuid() != 0:  # root writes anywhere; the permission case needs an ordinary user
        cases.append((("report", "certificates", workshop, "--out", str(readonly / "c.pdf")), "Cannot write"))
    if Path("/sys/kernel").is_dir():  # sysfs refuses new files even to root
        cases.append((("report", "certificates", workshop, "--out", "/sys/ccema-test.pdf"), "Cannot write"))
    try:
        for args, message in cases:
            proc = ccema(data_dir, *args, check=False)
            assert proc.returncode == 1, (args, proc.stderr)
            assert proc.stderr.startswith("Error:") and message in proc.stderr, (args, proc.stderr)
            assert "Traceback" not in proc.stderr
    finally:
        readonly.chmod(0o755)
    assert (
        _leftovers(out) == ["file.txt"] and _leftovers(readonly) == [] and not (tmp_path / "missing").exists()
    )
    # Refused certificate requests numbered nobody: numbers are assigned only once the output is writable.
    conn = sqlite3.connect(data_dir / "ccema.sqlite")
    try:
        assert conn.execute("SELECT count(*) FROM certificate").fetchone()[0] == 0
    finally:
        conn.close()


def test_unwritable_output_is_refused_before_numbering(tmp_path: Path) -> None:
    """Even as root (or on a full disk), a failed write leaves neither a PDF nor a temporary file."""
    from ccema_desktop.errors import KnownError
    from ccema_desktop.reports.output import write_atomic

    target = tmp_path / "folder-in-the-way"
    target.mkdir()
    (target / "x").write_text("occupied")
    with pytest.raises(KnownError, match="Cannot write"):
        write_atomic(target, b"%PDF-1.4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder-in-the-way"]


def test_usage_errors_exit_2(data_dir: Path) -> None:
    assert ccema(data_dir, "report", "workshop", "X", check=False).returncode == 2  # --out is required
    assert ccema(data_dir, "report", "hq", "--out", "x.pdf", "--lang", "de", check=False).returncode == 2
    assert ccema(data_dir, "certificate", "check", "X", check=False).returncode == 2
