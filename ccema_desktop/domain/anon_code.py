"""Self-generated anonymous codes: pair a person's pre- and post-test without knowing who they are.

The kiosk asks four stable personal items that nobody else in the room knows and that a person answers the
same way every time; the code is built from them, so the same person gets the same code before and after,
and the answers stored with it never name anyone:

    mother_initials      first two letters of your mother's first name  ("MA")
    birth_month          month you were born, 01-12                     ("07")
    birth_town_initial   first letter of the town where you were born   ("K")
    birth_year_digit     last digit of your birth year                  ("3")

giving ``MA-07-K-3``. Letters keep their script (Cyrillic stays Cyrillic: "МА-07-К-3") and are folded: upper
case, accents and diacritics removed (é -> E, Ё -> Е, Й -> И), so typing with or without accents gives the
same code. People mistype or remember an item differently; published match rates are about 75 % with exact
matching and above 95 % when an element may differ, so pairing (`domain.scoring.pair_anonymous`) tolerates
one differing element (`code_distance`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ccema_desktop.errors import ValidationError
from ccema_desktop.i18n import N_, _

SEPARATOR = "-"
ELEMENTS = 4


@dataclass(frozen=True)
class CodeItem:
    key: str
    prompt: str  # N_() text: translate when shown
    example: str


CODE_ITEMS: tuple[CodeItem, ...] = (
    CodeItem("mother_initials", N_("First two letters of your mother's first name"), "MA"),
    CodeItem("birth_month", N_("Month you were born (01-12)"), "07"),
    CodeItem("birth_town_initial", N_("First letter of the town where you were born"), "K"),
    CodeItem("birth_year_digit", N_("Last digit of your birth year"), "3"),
)


def _fold_letters(value: str) -> str:
    """Letters only, upper case, without diacritics (Cyrillic and Latin kept in their script)."""
    text = unicodedata.normalize("NFKD", value.strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(ch for ch in text.upper() if ch.isalpha())


def _month(value: str) -> str:
    text = value.strip()
    if not text.isdigit() or not 1 <= int(text) <= 12:
        raise ValidationError(_("The birth month is a number from 1 to 12."))
    return f"{int(text):02d}"


def make_code(mother_initials: str, birth_month: str, birth_town_initial: str, birth_year_digit: str) -> str:
    """The normalised code, e.g. make_code("ma", "7", "k", "3") == "MA-07-K-3"; ValidationError if an item
    is missing or malformed (the message says which)."""
    initials = _fold_letters(mother_initials)[:2]
    if not initials:
        raise ValidationError(_("Enter the first two letters of your mother's first name."))
    town = _fold_letters(birth_town_initial)[:1]
    if not town:
        raise ValidationError(_("Enter the first letter of the town where you were born."))
    digit = birth_year_digit.strip()
    if len(digit) != 1 or not digit.isdigit():
        raise ValidationError(_("Enter the last digit of your birth year (0-9)."))
    return SEPARATOR.join((initials, _month(birth_month), town, digit))


def parse_code(value: str) -> str | None:
    """A typed or transcribed code ("ma-7-k-3", " MA 07 K 3 ") normalised, or None when it is not a code."""
    parts = [p for p in value.replace(" ", SEPARATOR).split(SEPARATOR) if p]
    if len(parts) != ELEMENTS:
        return None
    try:
        return make_code(*parts)
    except ValidationError:
        return None


def _elements(code: str) -> list[str]:
    parts = code.split(SEPARATOR)
    return parts if len(parts) == ELEMENTS else []


def code_distance(a: str, b: str) -> int:
    """How many of the four elements differ (0-4); a malformed code differs in every element."""
    left, right = _elements(a), _elements(b)
    if not left or not right:
        return ELEMENTS
    return sum(1 for x, y in zip(left, right, strict=True) if x != y)
