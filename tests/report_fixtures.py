"""A realistic 25-participant workshop for report tests: Cyrillic and accented names, very long names and
a very long French title, attendance with a few people below the certificate threshold."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ccema_desktop.context import AppContext
from ccema_desktop.services import attendance, participants
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.certificates import ALPHABET, normalize_code
from tests.conftest import write_csv
from tests.rosters import GOOD, HEADER

LONG_FRENCH_TITLE = (
    "Atelier régional de renforcement des capacités sur la migration, l'environnement et le changement "
    "climatique : intégrer la mobilité humaine dans les plans nationaux d'adaptation et les stratégies de "
    "réduction des risques de catastrophe en Afrique de l'Ouest et du Centre"
)
LONG_NAMES = [
    "María de los Ángeles Fernández-Castañeda y Villalobos de la Santísima Trinidad",
    "Александра Владимировна Константинопольская-Преображенская",
    "Jean-Baptiste Emmanuel Kouassi N'Guessan-Adjoumani de Sainte-Hélène",
    "Нурсултан Ерланұлы Сейткалиев",
    "Ngozi Chukwuemeka Okonkwo-Adebayo",
]
#: People (by index in the roster) who attend too little for a certificate.
ABSENT = (3, 11, 16)
#: People with their own language set (certificates default to it).
LANGUAGES = {1: "ru", 5: "fr", 3: "es", 21: "ru"}


def roster_rows() -> list[list[str]]:
    rows = [list(r) for r in GOOD]
    extra = [
        [
            LONG_NAMES[0],
            "F",
            "Ministerio de Ambiente y Desarrollo Sostenible",
            "environment",
            "Directora",
            "CO",
            "",
            "",
        ],
        [
            LONG_NAMES[1],
            "Ж",
            "Министерство экологии и природных ресурсов",
            "environment",
            "Эксперт",
            "KZ",
            "",
            "",
        ],
        [
            LONG_NAMES[2],
            "M",
            "Ministère de la Salubrité, de l'Environnement et du Développement durable",
            "development",
            "Conseiller technique principal",
            "CI",
            "",
            "",
        ],
        [LONG_NAMES[3], "М", "Комитет по чрезвычайным ситуациям", "DRR", "Главный специалист", "KZ", "", ""],
        [
            LONG_NAMES[4],
            "F",
            "National Emergency Management Agency",
            "disaster risk management",
            "Deputy Director",
            "NG",
            "",
            "",
        ],
    ]
    rows += extra
    return rows


@dataclass
class Scenario:
    workshop_id: str
    code: str
    title: str
    names: list[str]
    eligible: list[str]


def make_workshop(
    ctx: AppContext,
    tmp: Path,
    title: str = LONG_FRENCH_TITLE,
    language: str = "fr",
    countries: tuple[str, ...] = ("SN", "ML"),
    people: int = 25,
) -> Scenario:
    view = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title=title,
            countries=list(countries),
            start=dt.date(2026, 3, 2),
            end=dt.date(2026, 3, 4),
            language=language,
            venue="Hôtel Terrou-Bi, Dakar",
            kind="regional",
            modules=[1, 2, 7],
            facilitators=["Aïssatou Ndiaye-Sarr", "Дмитрий Соколов"],
            partners="Organisation internationale pour les migrations (OIM); CEDEAO",
            funding="Fonds de l'OIM pour le développement",
        ),
    )
    header = [*HEADER, "language"]
    rows = [[*r, LANGUAGES.get(i, "")] for i, r in enumerate(roster_rows()[:people])]
    path = write_csv(tmp / f"roster-{view.code}.csv", header, rows)
    result = participants.import_roster(ctx.db, view.id, path)
    assert not result.rejected, result.rejected
    people_views = participants.list_participants(ctx.db, view.id)
    by_name = {p.full_name: p.id for p in people_views}
    absent_ids = {by_name[rows[i][0]] for i in ABSENT if i < len(rows)}
    counted = [s for s in view.sessions if s.kind in ws.ATTENDANCE_KINDS]
    marks = []
    for k, s in enumerate(counted):
        for j, pid in enumerate(by_name.values()):
            if pid in absent_ids:
                status = "present" if k == 0 else "absent"
            else:
                status = "late" if (j + k) % 9 == 0 else ("excused" if (j + k) % 17 == 0 and k else "present")
            marks.append((pid, s.id, status))
    attendance.mark_bulk(ctx.db, view.id, marks)
    eligible = [r.full_name for r in attendance.summary(ctx.db, view.id) if not r.below_threshold]
    return Scenario(view.id, view.code, view.title, [r[0] for r in rows], eligible)


def altered(code: str, position: int = 3) -> str:
    """`code` with one character changed, as a forger or a typo would."""
    norm = normalize_code(code)
    changed = ALPHABET[(ALPHABET.index(norm[position]) + 1) % len(ALPHABET)]
    return norm[:position] + changed + norm[position + 1 :]


_PSEUDO = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "абцдефгхийклмнопярстуввхызАБЦДЕФГХИЙКЛМНОПЯРСТУВВХЫЗ",
)


def pseudo_translation(message: str) -> str:
    """A stand-in translation about 1.6 times as long as English, in Cyrillic, placeholders kept: what a
    real Russian or French catalog does to layouts, before translators have delivered."""
    parts = re.split(r"(\{[a-z_]*\})", message)
    return "".join(
        part
        if part.startswith("{")
        else part.translate(_PSEUDO) + ("ш" * (len(part) // 3) if part.strip() else "")
        for part in parts
    )
