"""The shipped evaluation forms follow resources/forms/FORMAT.md, in all four languages."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from ccema_desktop.i18n import LANGUAGES
from ccema_desktop.services import forms
from ccema_desktop.services.curriculum import curriculum_dir
from ccema_desktop.services.forms import FORM_KINDS, QUESTION_TYPES, forms_dir

FOLDER = forms_dir()
INDEX = json.loads((FOLDER / "index.json").read_text(encoding="utf-8"))
DOCS: dict[str, dict[str, Any]] = {
    form_id: json.loads((FOLDER / f"{form_id}.json").read_text(encoding="utf-8"))
    for form_id in INDEX["forms"]
}
CYRILLIC = re.compile("[а-яА-ЯёЁ]")
VERSION = re.compile(r"^\d{4}\.\d+\.\d+$")
#: Touch-screen limits: a question and its options fit one screen without scrolling.
MAX_QUESTION = 300
MAX_OPTION = 240
MAX_QUESTION_WITH_OPTIONS = 900
MAX_TITLE = 90
MAX_INTRO = 400
REACTION_ITEMS = (
    "fe-relevance",
    "fe-objectives",
    "fe-content",
    "fe-materials",
    "fe-facilitation",
    "fe-pace-methods",
    "fe-organisation",
    "fe-apply",
    "fe-recommend",
)


def _objectives(module: int) -> set[str]:
    doc = json.loads((curriculum_dir() / f"module-{module}.json").read_text(encoding="utf-8"))
    return {o["code"] for o in doc["objectives"]}


def _check_text(value: Any, where: str, limit: int) -> None:
    """A translated text: exactly en, es, fr, ru; each non-empty; Russian in Cyrillic; within `limit`."""
    assert isinstance(value, dict), where
    assert set(value) == set(LANGUAGES), where
    for lang, text in value.items():
        assert isinstance(text, str) and text.strip() == text and text, f"{where} [{lang}]"
        assert len(text) <= limit, f"{where} [{lang}] is {len(text)} characters"
    assert CYRILLIC.search(value["ru"]), f"{where}: Russian text has no Cyrillic"


def test_index_lists_every_form_file_once() -> None:
    assert INDEX["format"] == 1
    assert VERSION.match(INDEX["version"])
    assert len(INDEX["forms"]) == len(set(INDEX["forms"]))
    files = {p.stem for p in FOLDER.glob("*.json")} - {"index"}
    assert files == set(INDEX["forms"])


def test_every_kind_is_shipped() -> None:
    kinds = Counter(doc["kind"] for doc in DOCS.values())
    assert kinds == {"knowledge_test": 14, "session_feedback": 1, "final_evaluation": 1}
    assert {(d["module"], d["variant"]) for d in DOCS.values() if d["kind"] == "knowledge_test"} == {
        (m, v) for m in range(1, 8) for v in ("A", "B")
    }


@pytest.mark.parametrize("form_id", INDEX["forms"])
def test_form_follows_the_format(form_id: str) -> None:
    doc = DOCS[form_id]
    assert doc["format"] == 1
    assert doc["id"] == form_id
    assert VERSION.match(doc["version"]), doc["version"]
    assert doc["kind"] in FORM_KINDS
    _check_text(doc["title"], f"{form_id}.title", MAX_TITLE)
    _check_text(doc["intro"], f"{form_id}.intro", MAX_INTRO)
    for lang in ("es", "fr", "ru"):
        assert doc["title"][lang] != doc["title"]["en"], f"{form_id}: title not translated to {lang}"
    ids = [q["id"] for q in doc["questions"]]
    assert len(ids) == len(set(ids)), f"{form_id}: a question id is used twice"
    for q in doc["questions"]:
        where = f"{form_id}.{q['id']}"
        assert q["type"] in QUESTION_TYPES, where
        _check_text(q["text"], where, MAX_QUESTION)
        if q["type"] == "single_choice":
            assert [o["id"] for o in q["options"]] == ["a", "b", "c", "d"], where
            for o in q["options"]:
                _check_text(o["text"], f"{where}.{o['id']}", MAX_OPTION)
            for lang in LANGUAGES:
                total = len(q["text"][lang]) + sum(len(o["text"][lang]) for o in q["options"])
                assert total <= MAX_QUESTION_WITH_OPTIONS, f"{where} [{lang}] too long for one screen"
            texts = [o["text"]["en"] for o in q["options"]]
            assert len(set(texts)) == 4, f"{where}: two options read the same"
        else:
            assert "options" not in q, f"{where}: only single_choice has options"
        if doc["kind"] != "knowledge_test":
            assert "answer" not in q, f"{where}: only knowledge tests have answers"
        if q["type"] == "text":
            assert q.get("required") is False, f"{where}: text questions are optional"
        if "required" in q:
            assert isinstance(q["required"], bool), where


@pytest.mark.parametrize("module", range(1, 8))
def test_knowledge_tests_are_parallel_versions(module: int) -> None:
    objectives = _objectives(module)
    covered = []
    for variant in ("a", "b"):
        form_id = f"knowledge-m{module}-{variant}"
        doc = DOCS[form_id]
        assert doc["kind"] == "knowledge_test"
        assert doc["module"] == module and doc["variant"] == variant.upper()
        questions = doc["questions"]
        assert [q["id"] for q in questions] == [f"m{module}{variant}-q{k}" for k in range(1, 6)]
        for q in questions:
            assert q["type"] == "single_choice", q["id"]
            assert q["answer"] in {"a", "b", "c", "d"}, q["id"]
            assert q["objective"] in objectives, q["id"]
            assert q.get("required", True) is True, q["id"]
        answers = [q["answer"] for q in questions]
        assert len(set(answers)) >= 3, f"{form_id}: correct answers are not spread over a-d ({answers})"
        covered.append(sorted(q["objective"] for q in questions))
    assert covered[0] == covered[1], f"module {module}: versions A and B test different objectives"
    a_texts = {q["text"]["en"] for q in DOCS[f"knowledge-m{module}-a"]["questions"]}
    b_texts = {q["text"]["en"] for q in DOCS[f"knowledge-m{module}-b"]["questions"]}
    assert not a_texts & b_texts, f"module {module}: versions A and B repeat an item"


def test_session_feedback() -> None:
    doc = DOCS["session-feedback"]
    assert doc["kind"] == "session_feedback" and "module" not in doc and "variant" not in doc
    types = Counter(q["type"] for q in doc["questions"])
    assert set(types) == {"likert5", "text"} and types["text"] == 1 and types["likert5"] >= 3
    for q in doc["questions"]:
        assert q["id"].startswith("sf-")


def test_final_evaluation() -> None:
    doc = DOCS["final-evaluation"]
    assert doc["kind"] == "final_evaluation"
    by_id = {q["id"]: q for q in doc["questions"]}
    assert all(qid.startswith("fe-") for qid in by_id)
    for qid in REACTION_ITEMS:
        assert by_id[qid]["type"] == "likert5", qid
    for module in range(1, 8):
        for when in ("before", "after"):
            assert by_id[f"fe-m{module}-{when}"]["type"] == "rating5"
    for qid in ("fe-keep", "fe-improve"):
        assert by_id[qid]["type"] == "text" and by_id[qid]["required"] is False
    expected = {*REACTION_ITEMS, *(f"fe-m{m}-{w}" for m in range(1, 8) for w in ("before", "after"))}
    assert set(by_id) == expected | {"fe-keep", "fe-improve"}


def test_question_ids_are_unique_across_forms() -> None:
    """Responses refer to question ids for years: one id, one meaning, in one form."""
    ids = [q["id"] for doc in DOCS.values() for q in doc["questions"]]
    assert len(ids) == len(set(ids))


def test_loader_reads_every_form_once_and_matches_the_files() -> None:
    loaded = forms.shipped_forms()
    assert forms.shipped_forms() is loaded  # parsed once per process
    assert list(loaded) == INDEX["forms"]
    for form_id, doc in DOCS.items():
        form = loaded[form_id]
        assert form.version == doc["version"] and form.kind == doc["kind"]
        assert [q.id for q in form.questions] == [q["id"] for q in doc["questions"]]
        if form.kind == "knowledge_test":
            assert form.max_score == 5
            assert form.answer_key == {q["id"]: q["answer"] for q in doc["questions"]}
    for lang in LANGUAGES:
        view = forms.get_form("final-evaluation", lang)
        assert view.title == DOCS["final-evaluation"]["title"][lang]
        assert len(forms.likert_labels(lang)) == 5 and len(forms.rating_labels(lang)) == 5
