"""Countries by ISO 3166 alpha-2 code, recognised by code or by name in any of the four languages (Babel)."""

from __future__ import annotations

from functools import cache

from ccema_desktop.domain.vocab import fold
from ccema_desktop.i18n import LANGUAGES, current_language
from ccema_desktop.label_memo import memo

#: CLDR pseudo-territories that are not countries.
_NOT_COUNTRIES = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"}
_EXTRA = {"uk": "GB", "england": "GB", "usa": "US", "россия": "RU", "рф": "RU", "kirguistan": "KG"}


@cache
def _names(lang: str) -> dict[str, str]:
    from babel import Locale  # loaded when first needed: the desktop app's first paint does without it

    territories = Locale.parse(lang).territories
    return {
        code: str(name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for lang in LANGUAGES:
        for code, name in _names(lang).items():
            table[fold(name)] = code
    for code in _names("en"):
        table[fold(code)] = code
    table.update({fold(k): v for k, v in _EXTRA.items()})
    return table


def parse_country(value: str) -> str | None:
    """'kz', 'Kazakhstan', 'Kazajistán', 'Казахстан' -> 'KZ'; None when unknown."""
    return _lookup().get(fold(value))


def country_name(code: str, lang: str | None = None) -> str:
    locale = lang or current_language()
    return memo.label(f"country|{locale}|{code}", lambda: _names(locale).get(code.upper(), code))


def is_country_code(code: str) -> bool:
    return code.upper() in _names("en")


def country_codes() -> tuple[str, ...]:
    """Every ISO 3166 alpha-2 country code known to Babel (pseudo-territories excluded)."""
    return tuple(sorted(_names("en")))
