"""Typed user settings kept as JSON in the data folder (so portable mode carries them), written atomically."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

MAX_RECENT = 8


@dataclass
class Settings:
    language: str = ""
    content_language: str = ""
    recent_workshops: list[str] = field(default_factory=list)
    facilitator_name: str = ""
    demo_offered: bool = False
    last_roster_dir: str = ""
    last_report_dir: str = ""

    def remember_workshop(self, workshop_id: str) -> None:
        self.recent_workshops = [workshop_id, *[w for w in self.recent_workshops if w != workshop_id]][
            :MAX_RECENT
        ]

    def forget_workshop(self, workshop_id: str) -> None:
        self.recent_workshops = [w for w in self.recent_workshops if w != workshop_id]


def load_settings(path: Path) -> Settings:
    """Settings from `path`; a missing or damaged file gives defaults (settings are never worth a crash)."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings()
    for key, value in data.items():
        if key in known and isinstance(value, type(getattr(settings, key))):
            setattr(settings, key, value)
    return settings


def save_settings(path: Path, settings: Settings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
