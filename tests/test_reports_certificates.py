"""Certificate numbers and verification codes: assigned once offline, never reused, checkable at HQ."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.errors import KnownError
from ccema_desktop.services import attendance, certificates
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.certificates import (
    ALPHABET,
    check_character,
    format_code,
    is_well_formed,
    new_code,
    normalize_code,
)
from ccema_desktop.storage.models import SYNCED_MODELS, Certificate
from tests import pdf
from tests.hq_copy import copy_to_hq
from tests.report_fixtures import LANGUAGES, altered, make_workshop
from tests.test_cli import ccema


def test_codes_are_well_formed_and_typos_are_caught() -> None:
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in itertools.islice(codes, 200):
        assert len(code) == 10 and set(code) <= set(ALPHABET) and is_well_formed(code)
        for i, replacement in itertools.product(range(10), ALPHABET):
            if replacement != code[i]:
                assert not is_well_formed(code[:i] + replacement + code[i + 1 :])
    swaps = missed = 0
    for code in itertools.islice(codes, 500):
        for i in range(9):
            if code[i] != code[i + 1]:
                swaps += 1
                missed += is_well_formed(code[:i] + code[i + 1] + code[i] + code[i + 2 :])
    assert missed / swaps < 0.01  # Luhn mod 32 misses only swaps of one pair of values


def test_typed_codes_are_normalised() -> None:
    code = "K7M2Q9XW4" + check_character("K7M2Q9XW4")
    typed = f" {code[:5].lower()} - {code[5:]}"
    assert normalize_code(typed) == code
    assert normalize_code("O1IL") == "0111"
    assert format_code(code) == f"{code[:5]}-{code[5:]}"


def test_numbers_are_kept_across_regenerations_and_workshops(ctx: AppContext, tmp_path: Path) -> None:
    first = make_workshop(ctx, tmp_path)
    second = make_workshop(
        ctx, tmp_path, title="Семинар по миграции и климату", language="ru", countries=("KZ",)
    )
    a1 = certificates.issue_certificates(ctx.db, first.code)
    a2 = certificates.issue_certificates(ctx.db, first.code, lang="en")
    b1 = certificates.issue_certificates(ctx.db, second.code)
    assert [(i.participant_name, i.number, i.verification_code) for i in a1.items] == [
        (i.participant_name, i.number, i.verification_code) for i in a2.items
    ]
    assert [i.number for i in a1.items] == [f"{first.code}-{n:03d}" for n in range(1, len(a1.items) + 1)]
    numbers = [i.number for i in a1.items + b1.items]
    codes = [i.verification_code for i in a1.items + b1.items]
    assert len(set(numbers)) == len(numbers) == 44 and len(set(codes)) == 44
    assert all(n.startswith(second.code) for n in numbers[22:])

    # Someone drops below the threshold: their number stays theirs; a newly eligible person gets a new one.
    with ctx.db.transaction() as s:
        stored = {
            (c.workshop_id, c.participant_id): (c.sequence, c.number) for c in s.scalars(select(Certificate))
        }
    summary = {r.full_name: r for r in attendance.summary(ctx.db, first.code)}
    dropped = summary[a1.items[0].participant_name]
    late_comer = next(r for r in summary.values() if r.below_threshold)
    sessions = [s.id for s in ws.get_workshop(ctx.db, first.code).sessions if s.kind in ws.ATTENDANCE_KINDS]
    attendance.mark_bulk(ctx.db, first.code, [(dropped.participant_id, sid, "absent") for sid in sessions])
    attendance.mark_bulk(
        ctx.db, first.code, [(late_comer.participant_id, sid, "present") for sid in sessions]
    )
    again = certificates.issue_certificates(ctx.db, first.code)
    names = {i.participant_name: i.number for i in again.items}
    assert dropped.full_name not in names and names[late_comer.full_name] == f"{first.code}-023"
    with ctx.db.transaction() as s:
        after = {
            (c.workshop_id, c.participant_id): (c.sequence, c.number) for c in s.scalars(select(Certificate))
        }
    assert {k: v for k, v in after.items() if k in stored} == stored  # nothing renumbered, nothing deleted
    assert len(after) == 45


def test_certificate_language_follows_the_participant(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_workshop(ctx, tmp_path)
    own = {i.participant_name: i.language for i in certificates.issue_certificates(ctx.db, sc.code).items}
    for index, lang in LANGUAGES.items():
        name = sc.names[index]
        if name in own:
            assert own[name] == lang, name
    assert {lang for name, lang in own.items() if sc.names.index(name) not in LANGUAGES} == {"fr"}
    forced = certificates.issue_certificates(ctx.db, sc.code, lang="es")
    assert {i.language for i in forced.items} == {"es"}


def test_verification_valid_altered_and_unknown(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_workshop(ctx, tmp_path)
    item = certificates.issue_certificates(ctx.db, sc.code).items[5]
    result = certificates.verify(ctx.db, item.verification_code.lower().replace("-", " "))
    assert result.valid and result.participant == item.participant_name and result.number == item.number
    assert result.as_json() == {
        "valid": True,
        "number": item.number,
        "participant": item.participant_name,
        "workshop": sc.title,
        "issued": item.issued.isoformat(),
    }
    code = normalize_code(item.verification_code)
    bad = certificates.verify(ctx.db, altered(code))
    assert not bad.valid and "altered" in bad.reason and bad.as_json()["participant"] is None
    payload = code[:-1][::-1]
    unknown = certificates.verify(ctx.db, payload + check_character(payload))
    assert not unknown.valid and "import" in unknown.reason
    assert not certificates.verify(ctx.db, "hello").valid


def test_codes_verify_at_headquarters_after_import(ctx: AppContext, tmp_path: Path) -> None:
    assert Certificate in SYNCED_MODELS
    sc = make_workshop(ctx, tmp_path)
    items = certificates.issue_certificates(ctx.db, sc.code).items
    hq_dir = tmp_path / "hq"
    hq = open_context(hq_dir, daily_backup=False)
    assert not certificates.verify(hq.db, items[0].verification_code).valid  # not imported yet
    copied = copy_to_hq(ctx.db, hq.db)
    hq.close()
    assert copied["certificate"] == len(items)
    proc = ccema(hq_dir, "certificate", "verify", items[0].verification_code, "--json")
    answer = json.loads(proc.stdout)
    assert answer["valid"] is True and answer["participant"] == items[0].participant_name
    assert answer["number"] == items[0].number and answer["issued"] == items[0].issued.isoformat()
    text = ccema(hq_dir, "certificate", "verify", items[1].verification_code.lower())
    assert items[1].participant_name in text.stdout and items[1].number in text.stdout
    failed = ccema(
        hq_dir, "certificate", "verify", altered(items[0].verification_code, 7), "--json", check=False
    )
    assert failed.returncode == 1 and json.loads(failed.stdout)["valid"] is False
    assert "Traceback" not in failed.stderr and failed.stderr.strip()


def test_nobody_eligible_is_a_clear_error(ctx: AppContext, tmp_path: Path) -> None:
    empty = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Vide",
            countries=["SN"],
            start=ws.parse_date("2026-05-04", "d"),
            end=ws.parse_date("2026-05-05", "d"),
            language="fr",
            modules=[1],
        ),
    )
    out = tmp_path / "c.pdf"
    with pytest.raises(KnownError, match="Nobody is enrolled"):
        certificates.write_certificates(ctx.db, empty.code, out)
    sc = make_workshop(ctx, tmp_path, people=3)
    ws_view = ws.get_workshop(ctx.db, sc.code)
    sessions = [s.id for s in ws_view.sessions if s.kind in ws.ATTENDANCE_KINDS]
    people = [p.participant_id for p in attendance.summary(ctx.db, sc.code)]
    attendance.mark_bulk(ctx.db, sc.code, [(p, s, "absent") for p in people for s in sessions])
    with pytest.raises(KnownError, match="attendance threshold"):
        certificates.write_certificates(ctx.db, sc.code, out)
    assert not out.exists() and list(tmp_path.glob("*.pdf*")) == []
    with ctx.db.transaction() as s:
        assert s.scalars(select(Certificate)).all() == []


def test_certificates_pdf_shows_number_and_code(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_workshop(ctx, tmp_path, people=6)
    out = tmp_path / "certs.pdf"
    result = certificates.write_certificates(ctx.db, sc.code, out)
    listed = certificates.list_certificates(ctx.db, sc.code)
    assert result.items == len(listed) == pdf.pages(out)
    for page, cert in zip(pdf.page_texts(out), listed, strict=True):
        assert cert.participant in page and cert.number in page and cert.verification_code in page
