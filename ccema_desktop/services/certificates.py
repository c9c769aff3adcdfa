"""Certificates: numbers assigned offline and never reused, and codes headquarters can verify.

A participant at or above the workshop's attendance threshold gets a certificate numbered
`<workshop code>-<sequence>` (e.g. `KZ-2026-3F2A-007`) the first time certificates are generated; later
generations reuse the same number and code, and rows are never deleted, so a number is never given to
someone else. The verification code is 9 random Crockford base32 characters plus a Luhn mod 32 check
character: any single mistyped character and most swapped neighbours are caught before any lookup, and
`O`/`I`/`L`, lower case, spaces and dashes are forgiven when typed.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.numbers import format_percent
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.i18n import LANGUAGES, _, current_language
from ccema_desktop.reports.data import CertificateItem, CertificatesData
from ccema_desktop.reports.output import CancelCheck, Progress, check_output, write_atomic
from ccema_desktop.services import attendance
from ccema_desktop.services.reporting import ReportResult, check_language, workshop_info
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import Certificate, Participant, Workshop, utcnow

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_TYPED_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = str.maketrans("", "", " -_.\t")


def check_character(payload: str) -> str:
    """Luhn mod 32 check character of a Crockford base32 payload."""
    factor, total = 2, 0
    for ch in reversed(payload):
        addend = factor * _VALUE[ch]
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return ALPHABET[(32 - total % 32) % 32]


def normalize_code(text: str) -> str:
    """'k7m2q-9xw4t ' -> 'K7M2Q9XW4T' (O, I and L read as 0, 1 and 1); no validity check."""
    return text.upper().translate(_SEPARATORS).translate(_TYPED_ALIASES)


def is_well_formed(code: str) -> bool:
    """True when a normalized code has the right length, alphabet and check character."""
    return (
        len(code) == CODE_LENGTH
        and all(ch in _VALUE for ch in code)
        and check_character(code[:-1]) == code[-1]
    )


def format_code(code: str) -> str:
    """Print form, in two groups of five: 'K7M2Q-9XW4T'."""
    return f"{code[:5]}-{code[5:]}"


def new_code() -> str:
    payload = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH - 1))
    return payload + check_character(payload)


@dataclass(frozen=True)
class Verification:
    valid: bool
    reason: str = ""
    number: str | None = None
    participant: str | None = None
    workshop: str | None = None
    workshop_code: str | None = None
    issued: dt.date | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "number": self.number,
            "participant": self.participant,
            "workshop": self.workshop,
            "issued": self.issued.isoformat() if self.issued else None,
        }


def verify(db: Database, code: str) -> Verification:
    """Check a code typed from a certificate against this database (at headquarters: after bundle import)."""
    norm = normalize_code(code)
    if len(norm) != CODE_LENGTH or any(ch not in _VALUE for ch in norm):
        return Verification(
            False,
            _(
                "'{code}' is not a certificate verification code: those have 10 letters and digits, like {example}."
            ).format(code=code.strip(), example="K7M2Q-9XW4T"),
        )
    if not is_well_formed(norm):
        return Verification(
            False,
            _("The code {code} is mistyped or has been altered: its check character does not match.").format(
                code=format_code(norm)
            ),
        )
    with db.transaction() as s:
        row = s.execute(
            select(
                Certificate.number,
                Certificate.issued_at,
                Participant.full_name,
                Workshop.title,
                Workshop.code,
            )
            .join(Participant, Participant.id == Certificate.participant_id)
            .join(Workshop, Workshop.id == Certificate.workshop_id)
            .where(Certificate.verification_code == norm)
        ).first()
    if row is None:
        return Verification(
            False,
            _(
                "No certificate with the code {code} in this database. At headquarters, import the workshop's "
                "bundle first."
            ).format(code=format_code(norm)),
        )
    number, issued_at, name, title, workshop_code = row
    return Verification(True, "", number, name, title, workshop_code, _local_date(issued_at))


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def eligible(db: Database, workshop_ref: str) -> list[attendance.AttendanceSummary]:
    """Participants at or above the workshop's attendance threshold, or a KnownError saying why none are."""
    summaries = attendance.summary(db, workshop_ref)
    if not summaries:
        raise KnownError(
            _(
                "Nobody is enrolled in workshop {ref}; import the roster with 'ccema participants import' first."
            ).format(ref=workshop_ref)
        )
    chosen = [r for r in summaries if not r.below_threshold]
    if not chosen:
        best = max(r.rate for r in summaries)
        raise KnownError(
            _(
                "No participant of workshop {ref} reached the attendance threshold of {threshold} (best: {best}), "
                "so there is no certificate to print. Record attendance first."
            ).format(
                ref=workshop_ref,
                threshold=format_percent(summaries[0].threshold / 100, locale=current_language()),
                best=format_percent(best, locale=current_language()),
            )
        )
    return chosen


def _unique_code(s: Session, taken: set[str]) -> str:
    while True:
        code = new_code()
        if (
            code not in taken
            and s.scalar(select(Certificate.id).where(Certificate.verification_code == code)) is None
        ):
            taken.add(code)
            return code


def issue_certificates(db: Database, workshop_ref: str, lang: str | None = None) -> CertificatesData:
    """Number every eligible participant's certificate (reusing existing numbers) and return what to print.

    Each certificate is in `lang` when given, else in the participant's own language when set, else in the
    workshop's language.
    """
    if lang is not None:
        check_language(lang, lang)
    chosen = eligible(db, workshop_ref)
    for attempt in range(3):
        try:
            return _issue(db, workshop_ref, chosen, lang)
        except IntegrityError:  # another process numbered the same workshop at the same moment
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _issue(
    db: Database, workshop_ref: str, chosen: list[attendance.AttendanceSummary], lang: str | None
) -> CertificatesData:
    with db.transaction() as s:
        w = load_workshop(s, workshop_ref)
        existing = {
            c.participant_id: c for c in s.scalars(select(Certificate).where(Certificate.workshop_id == w.id))
        }
        sequence = max((c.sequence for c in existing.values()), default=0)
        ids = [r.participant_id for r in chosen]
        people = {p.id: p for p in s.scalars(select(Participant).where(Participant.id.in_(ids)))}
        taken: set[str] = set()
        items = []
        for pid in ids:
            person = people[pid]
            language = lang or (person.language if person.language in LANGUAGES else w.language)
            cert = existing.get(pid)
            if cert is None:
                sequence += 1
                cert = Certificate(
                    workshop_id=w.id,
                    participant_id=pid,
                    sequence=sequence,
                    number=f"{w.code}-{sequence:03d}",
                    verification_code=_unique_code(s, taken),
                    language=language,
                    issued_at=utcnow(),
                )
                s.add(cert)
            elif cert.language != language:
                cert.language = language
            items.append(
                CertificateItem(
                    participant_name=person.full_name,
                    number=cert.number,
                    verification_code=format_code(cert.verification_code),
                    language=language,
                    issued=_local_date(cert.issued_at),
                )
            )
        info = workshop_info(s, w)
    return CertificatesData(info, items)


@dataclass(frozen=True)
class CertificateView:
    number: str
    participant: str
    verification_code: str
    language: str
    issued: dt.date


def list_certificates(db: Database, workshop_ref: str) -> list[CertificateView]:
    """Certificates already issued for a workshop, by number (for the Reports screen)."""
    with db.transaction() as s:
        w = load_workshop(s, workshop_ref)
        rows = s.execute(
            select(Certificate, Participant.full_name)
            .join(Participant, Participant.id == Certificate.participant_id)
            .where(Certificate.workshop_id == w.id)
            .order_by(Certificate.sequence)
        ).all()
        return [
            CertificateView(
                c.number, name, format_code(c.verification_code), c.language, _local_date(c.issued_at)
            )
            for c, name in rows
        ]


def write_certificates(
    db: Database,
    workshop_ref: str,
    out: str | Path,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> ReportResult:
    """Check the request and the output path, number the certificates, build them and rename into place.

    Numbers are assigned before the PDF is built: if the build fails or is cancelled, they stay with their
    participants and are printed the next time, so no number is ever skipped or given twice.
    """
    from ccema_desktop.reports.certificates import build_certificates

    if lang is not None and lang not in LANGUAGES:
        raise ValidationError(
            _("Unknown language '{lang}'. Use one of: {choices}.").format(
                lang=lang, choices=", ".join(LANGUAGES)
            )
        )
    eligible(db, workshop_ref)
    path = check_output(out)
    data = issue_certificates(db, workshop_ref, lang)
    pdf = build_certificates(data, progress, cancel)
    return ReportResult(
        write_atomic(path, pdf.data), pdf.pages, lang or data.workshop.language, len(data.items)
    )
