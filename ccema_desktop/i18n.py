"""Translations for everything shown to people, and locale-aware formats (Babel).

Strings are marked with ``_()`` (translated now) or ``N_()`` (marked for extraction, translated when shown).
Catalogs are the compiled ``locales/<lang>/LC_MESSAGES/ccema.mo`` files. The language is process-wide: the
CLI sets it once from ``CCEMA_LANG``/``LANG``, the GUI switches it live.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from ccema_desktop.label_memo import memo
from ccema_desktop.paths import locales_dir

if TYPE_CHECKING:
    from babel import Locale

LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "ru")
DOMAIN = "ccema"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_listeners: list[Callable[[str], None]] = []


def normalize_language(value: str | None) -> str | None:
    """Map 'ru_RU.UTF-8', 'FR', 'es-419' to a supported language code, or None."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else None


def default_language() -> str:
    for var in ("CCEMA_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in os.environ.get(var, "").split(":"):
            lang = normalize_language(part)
            if lang:
                return lang
    return "en"


def set_language(lang: str) -> None:
    """Switch the process-wide catalog; listeners (the GUI) retranslate."""
    global _translations, _language
    code = normalize_language(lang) or "en"
    _translations = gettext.translation(DOMAIN, localedir=str(locales_dir()), languages=[code], fallback=True)
    _language = code
    for listener in list(_listeners):
        listener(code)


def add_language_listener(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


@cache
def babel_locale(lang: str) -> Locale:
    """Babel's Locale for `lang`, parsed once: Babel parses a locale given by name on every call, which
    cost more than the formatting itself where many values are formatted (reports)."""
    from babel import Locale

    return Locale.parse(lang)


def format_date(value: dt.date, lang: str | None = None, fmt: str = "long") -> str:
    locale = lang or _language

    def babel() -> str:
        from babel.dates import format_date as babel_format_date  # Babel's locale data loads on first use

        return str(babel_format_date(value, format=fmt, locale=babel_locale(locale)))

    return memo.label(f"date|{locale}|{value.isoformat()}|{fmt}", babel)


def format_number(value: float | int, lang: str | None = None) -> str:
    locale = lang or _language

    def babel() -> str:
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=babel_locale(locale)))

    return memo.label(f"number|{locale}|{value!r}", babel)


def format_percent(value: float, lang: str | None = None) -> str:
    locale = lang or _language

    def babel() -> str:
        from babel.numbers import format_percent as babel_format_percent

        return str(babel_format_percent(value, locale=babel_locale(locale)))

    return memo.label(f"percent|{locale}|{value!r}", babel)


#: Each language named in itself, as language pickers show them (no locale data needed at start-up).
NATIVE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "ru": "Русский"}


def language_name(code: str, in_lang: str | None = None) -> str:
    """'Русский', 'Français' ... in the language itself by default, or named in `in_lang`."""
    if in_lang is None and code in NATIVE_NAMES:
        return NATIVE_NAMES[code]

    def babel() -> str:
        from babel import Locale

        name = Locale.parse(code).get_display_name(in_lang or code) or code
        return str(name[:1].upper() + name[1:])

    return memo.label(f"language|{in_lang or code}|{code}", babel)


def translator(lang: str) -> Callable[[str], str]:
    """`gettext` for a given language, independent of the UI language (workshop documents, certificates)."""
    code = normalize_language(lang) or "en"
    return gettext.translation(DOMAIN, localedir=str(locales_dir()), languages=[code], fallback=True).gettext
