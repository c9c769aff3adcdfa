"""Labels of the first screen remembered for the next start: always what Babel gives, never stale."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccema_desktop import label_memo
from ccema_desktop.domain.countries import country_name
from ccema_desktop.i18n import format_date, format_number, format_percent, language_name
from ccema_desktop.label_memo import FILE_NAME, LabelMemo

REPO = Path(__file__).resolve().parent.parent


def _never() -> str:
    raise AssertionError("formatted again although it was remembered")


@pytest.fixture
def process_memo(tmp_path: Path) -> Iterator[LabelMemo]:
    label_memo.memo.start(tmp_path)
    try:
        yield label_memo.memo
    finally:
        label_memo.memo.stop()


def test_without_start_every_label_is_formatted(tmp_path: Path) -> None:
    memo = LabelMemo()
    calls: list[int] = []
    assert memo.label("k", lambda: str(len(calls.append(1) or calls))) == "1"
    assert memo.label("k", lambda: str(len(calls.append(1) or calls))) == "2"
    memo.save()
    assert not (tmp_path / FILE_NAME).exists()


def test_labels_asked_before_save_come_back_at_the_next_start(tmp_path: Path) -> None:
    first = LabelMemo()
    first.start(tmp_path)
    assert first.label("date|ru|2026-03-14|long", lambda: "14 марта 2026 г.") == "14 марта 2026 г."
    first.save()
    assert first.label("late|en|1", lambda: "after the first paint") == "after the first paint"
    first.save()  # a second save keeps the first paint's labels only
    kept = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["labels"]
    assert kept == {"date|ru|2026-03-14|long": "14 марта 2026 г."}

    second = LabelMemo()
    second.start(tmp_path)
    assert second.label("date|ru|2026-03-14|long", _never) == "14 марта 2026 г."
    assert second.label("other|en|1", lambda: "new") == "new"


def test_unchanged_labels_are_not_written_again(tmp_path: Path) -> None:
    for _ in range(2):
        memo = LabelMemo()
        memo.start(tmp_path)
        memo.label("number|en|25", lambda: "25")
        memo.save()
    stamp = (tmp_path / FILE_NAME).stat().st_mtime_ns
    os.utime(tmp_path / FILE_NAME, ns=(stamp - 10**9, stamp - 10**9))
    memo = LabelMemo()
    memo.start(tmp_path)
    memo.label("number|en|25", _never)
    memo.save()
    assert (tmp_path / FILE_NAME).stat().st_mtime_ns == stamp - 10**9


@pytest.mark.parametrize(
    "content",
    [
        "not json {",
        "[1, 2]",
        json.dumps({"stamp": "another babel|another app", "labels": {"k": "stale"}}),
        json.dumps({"stamp": None, "labels": {"k": "stale"}}),
    ],
    ids=["damaged", "not-an-object", "other-install", "no-stamp"],
)
def test_a_damaged_or_stale_file_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / FILE_NAME).write_text(content, encoding="utf-8")
    memo = LabelMemo()
    memo.start(tmp_path)
    assert memo.label("k", lambda: "fresh") == "fresh"
    memo.save()
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["labels"] == {"k": "fresh"}


def test_a_wrong_value_in_the_file_is_ignored(tmp_path: Path) -> None:
    memo = LabelMemo()
    memo.start(tmp_path)
    memo.label("k", lambda: "v")
    memo.save()
    data = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    data["labels"]["k"] = 12
    (tmp_path / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    again = LabelMemo()
    again.start(tmp_path)
    assert again.label("k", lambda: "v") == "v"


def test_saving_where_nothing_can_be_written_does_not_raise(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    memo = LabelMemo()
    memo.start(blocker)  # "folder" is a file: reading and writing both fail
    assert memo.label("k", lambda: "v") == "v"
    memo.save()
    assert blocker.read_text(encoding="utf-8") == "x"


def test_recording_stops_at_the_cap(tmp_path: Path) -> None:
    memo = LabelMemo()
    memo.start(tmp_path)
    for n in range(label_memo.MAX_LABELS + 50):
        memo.label(f"n|{n}", lambda n=n: str(n))
    memo.save()
    assert not (tmp_path / FILE_NAME).exists()


def test_remembered_formats_equal_babel_in_every_language(process_memo: LabelMemo, tmp_path: Path) -> None:
    from babel import Locale
    from babel.dates import format_date as babel_date
    from babel.numbers import format_decimal
    from babel.numbers import format_percent as babel_percent

    day = dt.date(2026, 3, 14)
    for lang in ("en", "es", "fr", "ru"):
        for _ in range(2):  # formatted, then remembered
            assert format_date(day, lang, "medium") == babel_date(day, "medium", locale=lang)
            assert format_number(1234.5, lang) == format_decimal(1234.5, locale=lang)
            assert format_percent(0.85, lang) == babel_percent(0.85, locale=lang)
            assert country_name("KZ", lang) == Locale.parse(lang).territories["KZ"]
            assert language_name("ru", lang).lower() == Locale.parse("ru").get_display_name(lang).lower()
    process_memo.save()
    kept = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["labels"]
    assert kept["country|ru|KZ"] == "Казахстан"
    assert kept["number|en|1234.5"] == "1,234.5"
    assert "number|en|1234" not in kept  # 1234 and 1234.5 are different labels


def test_the_second_start_paints_its_first_screen_without_babel(tmp_path: Path) -> None:
    """The first start formats with Babel and remembers; the second shows the same screen before Babel loads."""
    from test_app_startup import _folder_with_demo

    data = tmp_path / "data"
    _folder_with_demo(data)
    probe = (
        "import sys\n"
        "class Out:\n"
        "    def __init__(self, real): self.real = real\n"
        "    def write(self, text):\n"
        "        if 'main window shown with its data' in text:\n"
        "            text = text.rstrip('\\n') + f' babel={\"babel\" in sys.modules}\\n'\n"
        "        return self.real.write(text)\n"
        "    def flush(self): self.real.flush()\n"
        "sys.stdout = Out(sys.stdout)\n"
        "from ccema_desktop.app import run\n"
        f"sys.exit(run(['ccema-desktop', '--smoke-test', '--data-dir', {str(data)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shown = []
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
        shown.append(proc.stdout.splitlines()[0])
    assert shown[0].endswith("babel=True")
    assert shown[1].endswith("babel=False")
    kept = json.loads((data / FILE_NAME).read_text(encoding="utf-8"))["labels"]
    assert any(key.startswith("country|en|") for key in kept)
    assert any(key.startswith("dates|en|") for key in kept)
