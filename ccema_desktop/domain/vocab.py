"""Controlled vocabularies with their labels in the four languages, and the aliases accepted on import.

Labels live here as data (not in gettext) because import has to recognise all four languages at once.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ccema_desktop.i18n import current_language

SECTORS: dict[str, dict[str, str]] = {
    "environment": {
        "en": "Environment",
        "es": "Medio ambiente",
        "fr": "Environnement",
        "ru": "Окружающая среда",
    },
    "climate_change": {
        "en": "Climate change",
        "es": "Cambio climático",
        "fr": "Changement climatique",
        "ru": "Изменение климата",
    },
    "development": {"en": "Development", "es": "Desarrollo", "fr": "Développement", "ru": "Развитие"},
    "disaster_risk_management": {
        "en": "Disaster risk management",
        "es": "Gestión del riesgo de desastres",
        "fr": "Gestion des risques de catastrophe",
        "ru": "Управление риском бедствий",
    },
    "migration_home_affairs": {
        "en": "Migration and home affairs",
        "es": "Migración e interior",
        "fr": "Migration et affaires intérieures",
        "ru": "Миграция и внутренние дела",
    },
    "foreign_affairs": {
        "en": "Foreign affairs",
        "es": "Relaciones exteriores",
        "fr": "Affaires étrangères",
        "ru": "Иностранные дела",
    },
    "agriculture": {
        "en": "Agriculture",
        "es": "Agricultura",
        "fr": "Agriculture",
        "ru": "Сельское хозяйство",
    },
    "land_management_planning": {
        "en": "Land management and planning",
        "es": "Gestión y planificación territorial",
        "fr": "Gestion et aménagement du territoire",
        "ru": "Землеустройство и планирование",
    },
    "academia": {"en": "Academia", "es": "Academia", "fr": "Milieu universitaire", "ru": "Научные круги"},
    "civil_society": {
        "en": "Civil society",
        "es": "Sociedad civil",
        "fr": "Société civile",
        "ru": "Гражданское общество",
    },
    "international_organization": {
        "en": "International organisation",
        "es": "Organización internacional",
        "fr": "Organisation internationale",
        "ru": "Международная организация",
    },
    "other": {"en": "Other", "es": "Otro", "fr": "Autre", "ru": "Другое"},
}

_SECTOR_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "climate_change": ("climate", "clima", "climat", "климат"),
    "disaster_risk_management": (
        "drm",
        "drr",
        "disaster management",
        "disaster risk reduction",
        "disasters",
        "desastres",
        "catastrophes",
        "чрезвычайные ситуации",
        "мчс",
    ),
    "migration_home_affairs": (
        "migration",
        "home affairs",
        "interior",
        "migración",
        "migracion",
        "миграция",
        "внутренние дела",
    ),
    "land_management_planning": (
        "planning",
        "land management",
        "land",
        "planificación",
        "aménagement",
        "планирование",
    ),
    "international_organization": (
        "international organization",
        "io",
        "un",
        "ngo international",
        "organisation internationale",
        "международные организации",
    ),
    "academia": ("university", "research", "universidad", "université", "recherche", "университет", "наука"),
    "civil_society": ("ngo", "ong", "нко", "нпо"),
    "environment": ("environnement", "ambiente", "экология"),
}

SEXES: dict[str, dict[str, str]] = {
    "female": {"en": "Female", "es": "Mujer", "fr": "Femme", "ru": "Женщина"},
    "male": {"en": "Male", "es": "Hombre", "fr": "Homme", "ru": "Мужчина"},
    "other": {"en": "Other", "es": "Otro", "fr": "Autre", "ru": "Другое"},
    "undisclosed": {
        "en": "Prefer not to say",
        "es": "Prefiere no decirlo",
        "fr": "Préfère ne pas répondre",
        "ru": "Предпочитаю не указывать",
    },
}

_SEX_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "female": (
        "f",
        "w",
        "woman",
        "women",
        "femenino",
        "femme",
        "féminin",
        "feminin",
        "mujer",
        "ж",
        "жен",
        "женский",
        "женщина",
    ),
    "male": (
        "m",
        "man",
        "men",
        "masculino",
        "hombre",
        "h",
        "homme",
        "masculin",
        "м",
        "муж",
        "мужской",
        "мужчина",
    ),
    "other": ("otro", "otra", "autre", "другой", "другое", "x", "non-binary", "non binary"),
    "undisclosed": (
        "prefer not to say",
        "n/a",
        "undisclosed",
        "not stated",
        "prefiero no decirlo",
        "prefiere no decir",
        "prefiere no decirlo",
        "préfère ne pas dire",
        "prefere ne pas dire",
        "ne souhaite pas répondre",
        "не указано",
        "предпочитаю не указывать",
        "не указывать",
    ),
}

WORKSHOP_KINDS: dict[str, dict[str, str]] = {
    "national": {"en": "National", "es": "Nacional", "fr": "National", "ru": "Национальный"},
    "regional": {"en": "Regional", "es": "Regional", "fr": "Régional", "ru": "Региональный"},
    "global": {"en": "Global", "es": "Mundial", "fr": "Mondial", "ru": "Глобальный"},
}

WORKSHOP_STATUSES: dict[str, dict[str, str]] = {
    "planned": {"en": "Planned", "es": "Planificado", "fr": "Prévu", "ru": "Запланирован"},
    "running": {"en": "Running", "es": "En curso", "fr": "En cours", "ru": "Идёт"},
    "closed": {"en": "Closed", "es": "Cerrado", "fr": "Clôturé", "ru": "Завершён"},
}

ATTENDANCE_STATUSES: dict[str, dict[str, str]] = {
    "present": {"en": "Present", "es": "Presente", "fr": "Présent", "ru": "Присутствует"},
    "late": {"en": "Late", "es": "Tarde", "fr": "En retard", "ru": "Опоздал(а)"},
    "absent": {"en": "Absent", "es": "Ausente", "fr": "Absent", "ru": "Отсутствует"},
    "excused": {"en": "Excused", "es": "Justificado", "fr": "Excusé", "ru": "Уважительная причина"},
}

#: Statuses that count as having attended a session.
ATTENDED_STATUSES = frozenset({"present", "late"})


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive key ('  Ministère de l’Environnement ' -> 'ministere de l'environnement')."""
    if text.isascii():
        return " ".join(text.lower().split())
    return _fold_unicode(text)


@lru_cache(maxsize=4096)
def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ё", "е").replace("Ё", "Е"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # NFKD splits 'й' into 'и' + breve; Russian readers treat them as different letters, but matching
    # aliases case-insensitively does not need the distinction.
    return " ".join(text.casefold().split())


def _alias_table(labels: dict[str, dict[str, str]], extra: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, names in labels.items():
        table[fold(key)] = key
        table[fold(key.replace("_", " "))] = key
        for name in names.values():
            table[fold(name)] = key
        for alias in extra.get(key, ()):
            table[fold(alias)] = key
    return table


SECTOR_ALIASES = _alias_table(SECTORS, _SECTOR_EXTRA_ALIASES)
SEX_ALIASES = _alias_table(SEXES, _SEX_EXTRA_ALIASES)


def label(table: dict[str, dict[str, str]], key: str, lang: str | None = None) -> str:
    """The label of a vocabulary key in a language (the current UI language by default)."""
    names = table.get(key)
    if names is None:
        return key
    return names.get(lang or current_language(), names["en"])


def parse_sector(value: str) -> str | None:
    return SECTOR_ALIASES.get(fold(value))


def parse_sex(value: str) -> str | None:
    return SEX_ALIASES.get(fold(value))
