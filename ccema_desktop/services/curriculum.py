"""The MECC curriculum: shipped as data files, loaded into the database, read in any of four languages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import LANGUAGES, _
from ccema_desktop.paths import resources_dir
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import CurriculumModule, DbMeta, Exercise

CURRICULUM_VERSION_KEY = "curriculum_version"
EXERCISE_FORMATS = (
    "presentation",
    "discussion",
    "group_work",
    "pair_work",
    "case_study",
    "role_play",
    "simulation",
    "quiz",
    "energiser",
    "individual",
)


def text(value: dict[str, Any] | None, lang: str) -> str:
    """A translated text in `lang`, falling back to English, then to whatever language it was written in."""
    if not value:
        return ""
    return str(value.get(lang) or value.get("en") or next((v for v in value.values() if v), ""))


@dataclass(frozen=True)
class ExerciseView:
    id: str
    module_number: int
    code: str
    title: str
    duration_minutes: int
    format: str
    group_size: tuple[int, int] | None
    objectives: list[str]
    description: str
    materials: list[str]
    steps: list[tuple[int, str]]
    facilitator_notes: str
    is_custom: bool


@dataclass(frozen=True)
class ModuleView:
    id: str
    number: int
    title: str
    summary: str
    objectives: list[tuple[str, str]]
    background: list[tuple[str, str]]
    exercises: list[ExerciseView]


def curriculum_dir() -> Path:
    return resources_dir() / "curriculum"


def shipped_version(folder: Path | None = None) -> str:
    index = json.loads(((folder or curriculum_dir()) / "index.json").read_text(encoding="utf-8"))
    return str(index["version"])


def read_shipped_curriculum(folder: Path | None = None) -> tuple[str, list[dict[str, Any]]]:
    """The shipped curriculum version and its module documents."""
    folder = folder or curriculum_dir()
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    modules = [
        json.loads((folder / f"module-{n}.json").read_text(encoding="utf-8")) for n in index["modules"]
    ]
    return str(index["version"]), modules


def _exercise_fields(doc: dict[str, Any], position: int) -> dict[str, Any]:
    size = doc.get("group_size")
    return {
        "code": doc["code"],
        "position": position,
        "title": doc["title"],
        "duration_minutes": int(doc["duration_minutes"]),
        "format": doc["format"],
        "group_size_min": size["min"] if size else None,
        "group_size_max": size["max"] if size else None,
        "objectives": list(doc.get("objectives", [])),
        "description": doc.get("description", {}),
        "materials": list(doc.get("materials", [])),
        "steps": list(doc["steps"]),
        "facilitator_notes": doc.get("facilitator_notes", {}),
    }


def ensure_loaded(db: Database, folder: Path | None = None) -> bool:
    """Load or refresh the shipped curriculum when its version differs from the database's.

    Shipped exercises are updated in place (their ids stay, so agenda links survive); custom exercises
    are never touched. Returns True when something was written.
    """
    with db.transaction() as s:
        meta = s.get(DbMeta, CURRICULUM_VERSION_KEY)
        if meta is not None and meta.value == shipped_version(folder):
            return False  # the usual start: only index.json was read
    version, modules = read_shipped_curriculum(folder)
    with db.transaction() as s:
        meta = s.get(DbMeta, CURRICULUM_VERSION_KEY)
        existing = {
            m.number: m
            for m in s.scalars(select(CurriculumModule).options(selectinload(CurriculumModule.exercises)))
        }
        for doc in modules:
            module = existing.get(doc["number"])
            fields = {
                "version": version,
                "title": doc["title"],
                "summary": doc["summary"],
                "objectives": doc["objectives"],
                "background": doc["background"],
            }
            if module is None:
                module = CurriculumModule(number=doc["number"], **fields)
                s.add(module)
            else:
                for key, value in fields.items():
                    setattr(module, key, value)
            by_code = {e.code: e for e in module.exercises}
            for position, ex_doc in enumerate(doc["exercises"]):
                ex_fields = _exercise_fields(ex_doc, position)
                exercise = by_code.get(ex_doc["code"])
                if exercise is None:
                    module.exercises.append(Exercise(**ex_fields))
                elif not exercise.is_custom:
                    for key, value in ex_fields.items():
                        if getattr(exercise, key) != value:
                            setattr(exercise, key, value)
        if meta is None:
            s.add(DbMeta(key=CURRICULUM_VERSION_KEY, value=version))
        else:
            meta.value = version
    return True


def _exercise_view(ex: Exercise, number: int, lang: str) -> ExerciseView:
    size = (ex.group_size_min, ex.group_size_max) if ex.group_size_min and ex.group_size_max else None
    return ExerciseView(
        id=ex.id,
        module_number=number,
        code=ex.code,
        title=text(ex.title, lang),
        duration_minutes=ex.duration_minutes,
        format=ex.format,
        group_size=size,
        objectives=list(ex.objectives),
        description=text(ex.description, lang),
        materials=[text(m, lang) for m in ex.materials],
        steps=[(int(step["minutes"]), text(step["text"], lang)) for step in ex.steps],
        facilitator_notes=text(ex.facilitator_notes, lang),
        is_custom=ex.is_custom,
    )


def _module_view(m: CurriculumModule, lang: str) -> ModuleView:
    return ModuleView(
        id=m.id,
        number=m.number,
        title=text(m.title, lang),
        summary=text(m.summary, lang),
        objectives=[(o["code"], text(o["text"], lang)) for o in m.objectives],
        background=[(text(b["title"], lang), text(b["text"], lang)) for b in m.background],
        exercises=[_exercise_view(e, m.number, lang) for e in m.exercises],
    )


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Unknown language '{lang}'. Use one of: {choices}.").format(
                lang=lang, choices=", ".join(LANGUAGES)
            )
        )


def list_modules(db: Database, lang: str) -> list[ModuleView]:
    _check_lang(lang)
    with db.transaction() as s:
        rows = s.scalars(
            select(CurriculumModule)
            .options(selectinload(CurriculumModule.exercises))
            .order_by(CurriculumModule.number)
        )
        return [_module_view(m, lang) for m in rows]


def get_module(db: Database, number: int, lang: str) -> ModuleView:
    _check_lang(lang)
    with db.transaction() as s:
        m = s.scalar(
            select(CurriculumModule)
            .options(selectinload(CurriculumModule.exercises))
            .where(CurriculumModule.number == number)
        )
        if m is None:
            raise NotFoundError(
                _("There is no module {number}; modules are numbered 1 to 7.").format(number=number)
            )
        return _module_view(m, lang)


def exercises_for_modules(session: Session, numbers: list[int]) -> list[tuple[int, Exercise]]:
    """Shipped and custom exercises of the chosen modules, in curriculum order."""
    rows = session.scalars(
        select(CurriculumModule)
        .options(selectinload(CurriculumModule.exercises))
        .where(CurriculumModule.number.in_(numbers))
        .order_by(CurriculumModule.number)
    )
    found = {m.number: m for m in rows}
    missing = [n for n in numbers if n not in found]
    if missing:
        raise ValidationError(
            _("Unknown module number(s): {numbers}. Modules are numbered 1 to 7.").format(
                numbers=", ".join(str(n) for n in missing)
            )
        )
    return [(n, ex) for n in numbers for ex in found[n].exercises]


def add_custom_exercise(
    db: Database,
    module_number: int,
    title: str,
    duration_minutes: int,
    exercise_format: str = "group_work",
    description: str = "",
    steps: list[tuple[int, str]] | None = None,
    materials: list[str] | None = None,
    lang: str = "en",
) -> str:
    """A facilitator's own exercise; its texts are stored in the language they were written in."""
    _check_lang(lang)
    if not title.strip():
        raise ValidationError(_("An exercise needs a title."))
    if not 5 <= duration_minutes <= 480:
        raise ValidationError(_("An exercise lasts between 5 and 480 minutes."))
    if exercise_format not in EXERCISE_FORMATS:
        raise ValidationError(
            _("Unknown exercise format '{value}'. Use one of: {choices}.").format(
                value=exercise_format, choices=", ".join(EXERCISE_FORMATS)
            )
        )
    steps = steps or [(duration_minutes, description or title)]
    if sum(m for m, _t in steps) != duration_minutes:
        raise ValidationError(_("The steps' minutes must add up to the exercise's duration."))
    with db.transaction() as s:
        module = s.scalar(
            select(CurriculumModule)
            .options(selectinload(CurriculumModule.exercises))
            .where(CurriculumModule.number == module_number)
        )
        if module is None:
            raise NotFoundError(
                _("There is no module {number}; modules are numbered 1 to 7.").format(number=module_number)
            )
        codes = {e.code for e in module.exercises}
        k = 1
        while f"{module_number}.C{k}" in codes:
            k += 1
        exercise = Exercise(
            code=f"{module_number}.C{k}",
            position=len(module.exercises),
            title={lang: title.strip()},
            duration_minutes=duration_minutes,
            format=exercise_format,
            objectives=[],
            description={lang: description},
            materials=[{lang: m} for m in (materials or [])],
            steps=[{"minutes": m, "text": {lang: t}} for m, t in steps],
            facilitator_notes={},
            is_custom=True,
        )
        module.exercises.append(exercise)
        s.flush()
        return exercise.id
