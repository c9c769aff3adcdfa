"""Turn a participant roster table into validated people, or per-row reasons for rejecting a row.

Pure rules (no database): header recognition in four languages, sex/sector/country normalisation, e-mail
checks, and the identity key used to recognise the same person again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ccema_desktop.domain.countries import parse_country
from ccema_desktop.domain.vocab import fold, parse_sector, parse_sex
from ccema_desktop.errors import ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.importing.tabular import Table

FIELDS = (
    "full_name",
    "sex",
    "organization",
    "sector",
    "position",
    "country",
    "email",
    "phone",
    "consent",
    "language",
)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": (
        "full_name",
        "full name",
        "fullname",
        "name",
        "participant",
        "participant name",
        "nombre",
        "nombre completo",
        "nombre y apellidos",
        "nom",
        "nom complet",
        "nom et prénom",
        "prénom et nom",
        "имя",
        "фио",
        "ф.и.о.",
        "полное имя",
        "имя и фамилия",
        "участник",
    ),
    "sex": ("sex", "gender", "sexo", "género", "genero", "sexe", "genre", "пол"),
    "organization": (
        "organization",
        "organisation",
        "org",
        "institution",
        "ministry",
        "agency",
        "organización",
        "organizacion",
        "institución",
        "institucion",
        "ministerio",
        "organisme",
        "ministère",
        "организация",
        "учреждение",
        "ведомство",
        "министерство",
    ),
    "sector": ("sector", "secteur", "сектор", "сфера", "отрасль"),
    "position": (
        "position",
        "title",
        "job title",
        "job",
        "role",
        "cargo",
        "puesto",
        "función",
        "fonction",
        "poste",
        "titre",
        "должность",
    ),
    "country": (
        "country",
        "country code",
        "nationality",
        "país",
        "pais",
        "pays",
        "nationalité",
        "страна",
        "гражданство",
    ),
    "email": (
        "email",
        "e-mail",
        "e mail",
        "mail",
        "email address",
        "correo",
        "correo electrónico",
        "correo electronico",
        "courriel",
        "adresse e-mail",
        "adresse électronique",
        "электронная почта",
        "эл. почта",
        "эл.почта",
        "почта",
    ),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "tel.",
        "mobile",
        "phone number",
        "teléfono",
        "telefono",
        "móvil",
        "téléphone",
        "portable",
        "телефон",
        "тел.",
        "моб. телефон",
    ),
    "consent": (
        "consent",
        "consent_contact",
        "consent to be contacted",
        "consentimiento",
        "consentement",
        "согласие",
    ),
    "language": ("language", "idioma", "langue", "язык"),
}
_HEADER_LOOKUP = {
    fold(alias).replace("_", " "): key for key, aliases in HEADER_ALIASES.items() for alias in aliases
}

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]{2,}$")
_YES = {fold(v) for v in ("yes", "y", "true", "1", "sí", "si", "oui", "да", "x")}
_NO = {fold(v) for v in ("no", "n", "false", "0", "non", "нет", "")}
MAX_NAME = 200


@dataclass(frozen=True)
class RosterPerson:
    row: int
    full_name: str
    sex: str
    organization: str
    sector: str
    position: str
    country: str
    email: str | None
    phone: str
    consent_contact: bool | None
    language: str
    name_key: str
    organization_key: str


@dataclass(frozen=True)
class RejectedRow:
    row: int
    reason: str
    full_name: str = ""  # what the row held, when anything, so a preview can name it


@dataclass(frozen=True)
class Problem:
    """Why a value was refused, and which field it belongs to."""

    field: str
    message: str


def name_key(full_name: str) -> str:
    return fold(full_name)


def map_header(header: list[str]) -> dict[str, int]:
    """Column index per canonical field; raises when the file is not a roster."""
    mapping: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _HEADER_LOOKUP.get(fold(cell).replace("_", " "))
        if key and key not in mapping:
            mapping[key] = index
    if "full_name" not in mapping:
        raise ValidationError(
            _(
                "This file does not look like a participant roster: no column for full names was found. "
                "The first row must hold column names such as: {headers}."
            ).format(headers="full_name, sex, organization, sector, position, country, email, phone")
        )
    return mapping


def validate_person(values: Mapping[str, str], row: int = 0) -> tuple[RosterPerson | None, list[Problem]]:
    """One person from raw texts keyed by field (as in a roster row, or typed in a form).

    Returns the normalised person, or None and every problem found (each naming its field), so a file
    import and a form share exactly the same rules.
    """

    def cell(key: str) -> str:
        return values.get(key) or ""

    problems: list[Problem] = []
    full_name = " ".join(cell("full_name").split())
    if not full_name:
        problems.append(Problem("full_name", _("the full name is empty")))
    elif len(full_name) > MAX_NAME:
        problems.append(
            Problem("full_name", _("the full name is longer than {n} characters").format(n=MAX_NAME))
        )
    raw_sex = cell("sex")
    sex = parse_sex(raw_sex) if raw_sex else ""
    if sex is None:
        problems.append(
            Problem(
                "sex",
                _("unknown sex '{value}' (use F, M, other or prefer not to say)").format(value=raw_sex),
            )
        )
    raw_sector = cell("sector")
    sector = parse_sector(raw_sector) if raw_sector else ""
    if sector is None:
        problems.append(Problem("sector", _("unknown sector '{value}'").format(value=raw_sector)))
    raw_country = cell("country")
    country = parse_country(raw_country) if raw_country else ""
    if country is None:
        problems.append(
            Problem(
                "country",
                _("unknown country '{value}' (use an ISO code such as KZ or the country's name)").format(
                    value=raw_country
                ),
            )
        )
    raw_email = cell("email").strip().strip("<>").lower()
    if raw_email and not _EMAIL.match(raw_email):
        problems.append(
            Problem("email", _("'{value}' is not a valid e-mail address").format(value=raw_email))
        )
    raw_consent = fold(cell("consent"))
    if raw_consent not in _YES and raw_consent not in _NO:
        problems.append(
            Problem("consent", _("consent must be yes or no, not '{value}'").format(value=cell("consent")))
        )
    raw_language = cell("language").lower()[:2]
    organization = " ".join(cell("organization").split())
    if problems:
        return None, problems
    return (
        RosterPerson(
            row=row,
            full_name=full_name,
            sex=sex or "",
            organization=organization,
            sector=sector or "",
            position=cell("position"),
            country=country or "",
            email=raw_email or None,
            phone=cell("phone"),
            consent_contact=None if raw_consent == "" else raw_consent in _YES,
            language=raw_language if raw_language in ("en", "es", "fr", "ru") else "",
            name_key=name_key(full_name),
            organization_key=fold(organization),
        ),
        [],
    )


def parse_roster(table: Table) -> tuple[list[RosterPerson], list[RejectedRow]]:
    mapping = map_header(table.header)
    people: list[RosterPerson] = []
    rejected: list[RejectedRow] = []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        values = {key: cells[index] if index < len(cells) else "" for key, index in mapping.items()}
        person, problems = validate_person(values, number)
        if person is None:
            name = " ".join(values.get("full_name", "").split())
            rejected.append(RejectedRow(number, "; ".join(p.message for p in problems), name))
            continue
        people.append(person)
    return people, rejected
