"""The shipped curriculum files follow resources/curriculum/FORMAT.md in all four languages."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from ccema_desktop.i18n import LANGUAGES
from ccema_desktop.services.curriculum import EXERCISE_FORMATS, curriculum_dir

FOLDER = curriculum_dir()
INDEX = json.loads((FOLDER / "index.json").read_text(encoding="utf-8"))
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def _texts(node: Any, path: str = "") -> list[tuple[str, dict[str, str]]]:
    """Every translated text (a dict with a 'en' key) in a document, with where it is."""
    found: list[tuple[str, dict[str, str]]] = []
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            found.append((path, node))
        else:
            for key, value in node.items():
                found.extend(_texts(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_texts(value, f"{path}[{i}]"))
    return found


def test_index_lists_seven_modules() -> None:
    assert INDEX["modules"] == [1, 2, 3, 4, 5, 6, 7]
    assert INDEX["version"]


@pytest.mark.parametrize("number", INDEX["modules"])
def test_module_file_follows_the_format(number: int) -> None:
    doc = json.loads((FOLDER / f"module-{number}.json").read_text(encoding="utf-8"))
    assert doc["format"] == 1 and doc["number"] == number
    assert len(doc["objectives"]) >= 3
    assert len(doc["background"]) >= 2
    assert len(doc["exercises"]) >= 3
    objective_codes = {o["code"] for o in doc["objectives"]}
    codes = [e["code"] for e in doc["exercises"]]
    assert codes == [f"{number}.{k}" for k in range(1, len(codes) + 1)]
    for ex in doc["exercises"]:
        assert ex["format"] in EXERCISE_FORMATS, ex["code"]
        assert 10 <= ex["duration_minutes"] <= 180
        assert len(ex["steps"]) >= 2
        assert sum(step["minutes"] for step in ex["steps"]) == ex["duration_minutes"], ex["code"]
        assert set(ex["objectives"]) <= objective_codes, ex["code"]
        size = ex["group_size"]
        assert size is None or 1 <= size["min"] <= size["max"] <= 30
    for where, text in _texts(doc):
        assert set(text) == set(LANGUAGES), where
        assert all(v.strip() for v in text.values()), where
        assert CYRILLIC.search(text["ru"]), f"{where}: Russian text has no Cyrillic"


def test_translations_differ_from_english() -> None:
    for number in INDEX["modules"]:
        doc = json.loads((FOLDER / f"module-{number}.json").read_text(encoding="utf-8"))
        for lang in ("es", "fr", "ru"):
            assert doc["title"][lang] != doc["title"]["en"]
