"""Responses between machines (kiosk export -> laptop import) and from paper (CSV): idempotent, with reasons."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import kiosk_pin, participants
from tests.conftest import content_digest, table_counts, write_csv
from tests.sync_helpers import ccema
from tests.test_evaluations_support import Setup, knowledge_answers, scale_answers, workshop_with_people


def _file(ctx: AppContext) -> Path:
    assert ctx.sqlite_file is not None
    return ctx.sqlite_file


def _copy_database(ctx: AppContext, folder: Path) -> AppContext:
    """A second machine that has the same workshop (as after restoring the laptop's backup on it)."""
    folder.mkdir(parents=True)
    src = sqlite3.connect(_file(ctx))
    dst = sqlite3.connect(folder / "ccema.sqlite")
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return open_context(folder, daily_backup=False)


@pytest.fixture
def setup(ctx: AppContext, tmp_path: Path) -> Setup:
    return workshop_with_people(ctx.db, tmp_path)


def _fill_kiosk(kiosk: AppContext, s: Setup) -> None:
    for i in range(6):
        who = ev.Respondent(anonymous_code=f"M{chr(65 + i)}-07-K-{i}", completed_by=s.people[i])
        ev.submit_response(
            kiosk.db, s.workshop_id, "knowledge-m1-a", knowledge_answers("knowledge-m1-a", i % 5), who
        )
        ev.submit_response(
            kiosk.db, s.workshop_id, "knowledge-m1-b", knowledge_answers("knowledge-m1-b", 5), who
        )
    ev.submit_response(
        kiosk.db,
        s.workshop_id,
        "session-feedback",
        scale_answers("session-feedback", 4),
        ev.Respondent(participant_id=s.people[7]),
        session_id=s.sessions[0],
    )


def test_kiosk_export_imported_twice_adds_nothing_the_second_time(
    ctx: AppContext, setup: Setup, tmp_path: Path
) -> None:
    kiosk = _copy_database(ctx, tmp_path / "kiosk")
    try:
        _fill_kiosk(kiosk, setup)
        out = tmp_path / "usb" / "responses.json"
        assert ev.export_responses(kiosk.db, setup.code, out) == 13
        kiosk_summary = ev.summary(kiosk.db, setup.workshop_id).as_json()
    finally:
        kiosk.close()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == ("ccema-evaluations", 1)
    assert {"questions", "responses", "completions", "workshop", "forms_version"} <= set(doc)
    # The laptop had answers of its own: they stay.
    own = ev.submit_response(
        ctx.db,
        setup.workshop_id,
        "final-evaluation",
        scale_answers("final-evaluation", 5),
        ev.Respondent(participant_id=setup.people[0]),
    )
    dry = ev.import_responses(ctx.db, out, dry_run=True)
    assert (dry.added, dry.written, dry.dry_run) == (13, False, True)
    before = content_digest(_file(ctx))
    assert content_digest(_file(ctx)) == before
    first = ev.import_responses(ctx.db, out)
    assert (first.added, first.updated, first.unchanged, first.completions_added) == (13, 0, 0, 13)
    assert first.rejected == []
    after_first = content_digest(_file(ctx))
    second = ev.import_responses(ctx.db, out)
    assert (second.added, second.updated, second.unchanged, second.completions_added) == (0, 0, 13, 0)
    assert content_digest(_file(ctx)) == after_first
    laptop = ev.summary(ctx.db, setup.workshop_id).as_json()
    assert laptop["knowledge"] == kiosk_summary["knowledge"]
    assert laptop["knowledge"][0]["pairs_matched"] == 6
    conn = sqlite3.connect(_file(ctx))
    try:
        assert conn.execute("SELECT count(*) FROM evaluation_response WHERE id = ?", (own,)).fetchone() == (
            1,
        )
    finally:
        conn.close()


def test_kiosk_import_rejects_unknown_workshops_and_people_with_reasons(
    ctx: AppContext, setup: Setup, tmp_path: Path
) -> None:
    kiosk = _copy_database(ctx, tmp_path / "kiosk")
    try:
        stranger = participants.add_participant(
            kiosk.db, setup.workshop_id, {"full_name": "Only On The Kiosk", "email": "kiosk@example.org"}
        )
        stranger_id = stranger.participant.id
        ev.submit_response(
            kiosk.db,
            setup.workshop_id,
            "final-evaluation",
            scale_answers("final-evaluation", 3),
            ev.Respondent(participant_id=stranger_id),
        )
        ev.submit_response(
            kiosk.db,
            setup.workshop_id,
            "final-evaluation",
            scale_answers("final-evaluation", 4),
            ev.Respondent(anonymous_code="MA-07-K-3"),
        )
        out = tmp_path / "responses.json"
        ev.export_responses(kiosk.db, setup.workshop_id, out)
    finally:
        kiosk.close()
    report = ev.import_responses(ctx.db, out)
    assert report.added == 1
    reasons = [r.reason for r in report.rejected]
    assert len(reasons) == 2  # the stranger's response and their completion
    assert all("not enrolled in this workshop" in r for r in reasons)
    # A file for a workshop this laptop does not have: everything rejected, nothing written.
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["workshop"]["id"] = "00000000-0000-4000-8000-000000000000"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    before = content_digest(_file(ctx))
    report = ev.import_responses(ctx.db, other)
    assert report.added == 0 and len(report.rejected) == 2 and not report.written
    assert all("is not in this database" in r.reason for r in report.rejected)
    assert content_digest(_file(ctx)) == before
    run = ccema("--data-dir", str(ctx.paths.root), "evaluations", "import-kiosk", str(other), "--json")
    assert run.code == 1 and run.json()["rejected"][0]["row"] == 1
    not_ours = tmp_path / "not-ours.json"
    not_ours.write_text('{"format": "something else"}', encoding="utf-8")
    run = ccema("--data-dir", str(ctx.paths.root), "evaluations", "import-kiosk", str(not_ours))
    assert run.code == 1 and "not a responses file" in run.err


PAPER_HEADER = ["respondent", "form", "question", "answer"]


def _paper_rows(s: Setup) -> list[list[str]]:
    key_a = list(knowledge_answers("knowledge-m1-a", 5).items())
    return [
        [s.emails[0], "final-evaluation", "fe-relevance", "5"],  # row 2
        [s.emails[0], "final-evaluation", "fe-objectives", "4"],  # row 3
        [s.emails[0].upper(), "final-evaluation", "fe-keep", "The field visit"],  # row 4 (e-mail in any case)
        ["ma-7-k-3", "knowledge-m1-a", key_a[0][0], str(key_a[0][1]).upper()],  # row 5 (anonymous)
        ["MA-07-K-3", "knowledge-m1-a", key_a[1][0], str(key_a[1][1])],  # row 6 (same respondent and form)
        ["nobody@example.org", "final-evaluation", "fe-relevance", "5"],  # row 7: unknown respondent
        [s.emails[1], "final-evaluaton", "fe-relevance", "5"],  # row 8: unknown form
        [s.emails[1], "final-evaluation", "fe-nope", "5"],  # row 9: unknown question
        [s.emails[1], "final-evaluation", "fe-relevance", "7"],  # row 10: not 1-5
        [s.emails[0], "final-evaluation", "fe-relevance", "3"],  # row 11: contradicts row 2
        [s.people[2], "session-feedback", "sf-clarity", "4"],  # row 12: by participant id
    ]


def test_paper_import_rejects_bad_rows_and_changes_nothing_the_second_time(
    ctx: AppContext, setup: Setup, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "paper.csv", PAPER_HEADER, _paper_rows(setup))
    strict = ev.import_paper(ctx.db, setup.workshop_id, path, strict=True)
    assert not strict.written and strict.added == 0 and len(strict.rejected) == 5
    assert table_counts(_file(ctx))["evaluation_response"] == 0
    report = ev.import_paper(ctx.db, setup.workshop_id, path)
    rejected = {r.row: r.reason for r in report.rejected}
    assert sorted(rejected) == [7, 8, 9, 10, 11]
    assert "neither an enrolled participant" in rejected[7]
    assert "unknown form 'final-evaluaton'" in rejected[8]
    assert "fe-nope" in rejected[9]
    assert "'7' is not a valid answer" in rejected[10]
    assert "row 2" in rejected[11]
    assert (report.added, report.completions_added, report.written) == (3, 2, True)
    digest = content_digest(_file(ctx))
    again = ev.import_paper(ctx.db, setup.workshop_id, path)
    assert (again.added, again.updated, again.unchanged, again.completions_added) == (0, 0, 3, 0)
    assert len(again.rejected) == 5
    assert content_digest(_file(ctx)) == digest
    result = ev.summary(ctx.db, setup.workshop_id)
    final = next(f for f in result.forms if f.form_id == "final-evaluation")
    assert final.responses == 1 and final.completed == 1
    keep = next(q for q in final.questions if q.id == "fe-keep")
    assert keep.comments == ["The field visit"]
    test_a = next(f for f in result.forms if f.form_id == "knowledge-m1-a")
    assert (test_a.responses, test_a.anonymous, test_a.completed) == (1, 1, 0)
    assert test_a.suppressed and test_a.mean_score is None  # one anonymous respondent: nothing shown
    # A corrected transcription updates the same response (same respondent and form), never duplicates it.
    rows = _paper_rows(setup)[:3]
    rows[0][3] = "4"
    fixed = ev.import_paper(ctx.db, setup.workshop_id, write_csv(tmp_path / "fixed.csv", PAPER_HEADER, rows))
    assert (fixed.added, fixed.updated) == (0, 1)
    # Someone who already answered at the kiosk cannot be added again from paper.
    ev.submit_response(
        ctx.db,
        setup.workshop_id,
        "final-evaluation",
        scale_answers("final-evaluation", 4),
        ev.Respondent(participant_id=setup.people[3]),
    )
    dup = ev.import_paper(
        ctx.db,
        setup.workshop_id,
        write_csv(
            tmp_path / "dup.csv", PAPER_HEADER, [[setup.emails[3], "final-evaluation", "fe-relevance", "2"]]
        ),
    )
    assert dup.added == 0 and "already completed" in dup.rejected[0].reason


def test_paper_import_needs_the_columns(ctx: AppContext, setup: Setup, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", ["who", "form"], [["x", "y"]])
    run = ccema("--data-dir", str(ctx.paths.root), "evaluations", "import", setup.code, str(path))
    assert run.code == 1 and "respondent,form,question,answer" in run.err


def test_cli_import_summary_forms_and_pin(
    ctx: AppContext, setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = str(ctx.paths.root)
    path = write_csv(tmp_path / "paper.csv", PAPER_HEADER, _paper_rows(setup))
    run = ccema("--data-dir", root, "evaluations", "import", setup.code, str(path), "--json")
    assert run.code == 1, run.err  # rows were rejected (the good ones are written)
    data = run.json()
    assert set(data) >= {"added", "updated", "unchanged", "completions_added", "rejected", "written"}
    assert [r["row"] for r in data["rejected"]] == [7, 8, 9, 10, 11]
    run = ccema("--data-dir", root, "evaluations", "import", setup.code, str(path), "--json")
    assert run.json()["added"] == 0 and run.json()["unchanged"] == 3
    run = ccema("--data-dir", root, "evaluations", "summary", setup.code, "--json")
    assert run.code == 0, run.err
    summary = run.json()
    assert {"forms", "knowledge", "satisfaction", "min_group", "pass_mark"} <= set(summary)
    assert summary["pass_mark"] == 0.6 and summary["min_group"] == 5
    run = ccema("--data-dir", root, "evaluations", "summary", setup.code)
    assert run.code == 0 and "fe-relevance" in run.out
    run = ccema("--data-dir", root, "forms", "list", "--json", "--lang", "es")
    listed = {f["id"]: f for f in run.json()}
    assert len(listed) == 16 and listed["knowledge-m3-b"]["questions"][0]["id"] == "m3b-q1"
    assert listed["final-evaluation"]["title"].startswith("Evaluaci")
    run = ccema(
        "--data-dir", root, "evaluations", "export", setup.code, "--out", str(tmp_path / "x.json"), "--json"
    )
    assert run.code == 0 and run.json()["responses"] == 3
    monkeypatch.setattr("sys.stdin", io.StringIO("907153\n"))
    run = ccema("--data-dir", root, "kiosk", "set-pin")
    assert run.code == 0, run.err
    assert kiosk_pin.check_pin(ctx.db, "907153")
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    run = ccema("--data-dir", root, "kiosk", "set-pin")
    assert run.code == 1 and "4 to 12 digits" in run.err
