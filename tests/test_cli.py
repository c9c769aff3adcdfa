"""The `ccema` command as other tools use it: names, options, JSON keys and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import content_digest, write_csv
from tests.rosters import HEADER, scenario_rows

CYRILLIC = re.compile("[а-яА-Я]")


def ccema(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "ccema_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "CCEMA_LANG": "en", "HOME": str(data_dir.parent)},
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"ccema {args} exited {proc.returncode}: {proc.stderr}")
    return proc


def ccema_json(data_dir: Path, *args: str) -> Any:
    return json.loads(ccema(data_dir, *args, "--json").stdout)


@pytest.mark.parametrize("lang", ["en", "es", "fr", "ru"])
def test_curriculum_list_in_each_language(data_dir: Path, lang: str) -> None:
    modules = ccema_json(data_dir, "curriculum", "list", "--lang", lang)
    assert [m["number"] for m in modules] == [1, 2, 3, 4, 5, 6, 7]
    assert all(m["exercises"] >= 3 for m in modules)
    if lang == "ru":
        assert all(CYRILLIC.search(m["title"]) for m in modules)
    english = ccema_json(data_dir, "curriculum", "list", "--lang", "en")
    if lang != "en":
        assert [m["title"] for m in modules] != [m["title"] for m in english]


def test_scripted_workshop_scenario(tmp_path: Path, data_dir: Path) -> None:
    created = ccema_json(
        data_dir,
        "workshop",
        "create",
        "--title",
        "Migration, environnement et changement climatique",
        "--country",
        "SN",
        "--country",
        "ML",
        "--start",
        "2026-03-02",
        "--end",
        "2026-03-04",
        "--language",
        "fr",
        "--venue",
        "Dakar",
        "--kind",
        "regional",
        "--modules",
        "1,2,7",
    )
    wid = created["id"]
    show = ccema_json(data_dir, "workshop", "show", wid)
    assert show["id"] == wid and show["participants"] == 0
    assert {"id", "date", "start", "end", "title", "module"} <= set(show["sessions"][0])
    dates = {s["date"] for s in show["sessions"]}
    assert dates == {"2026-03-02", "2026-03-03", "2026-03-04"}
    assert any(s["module"] == 7 for s in show["sessions"])
    assert "Pause café" in {s["title"] for s in show["sessions"]} or "Pause-café" in {
        s["title"] for s in show["sessions"]
    }

    roster = write_csv(tmp_path / "roster.csv", HEADER, scenario_rows())
    result = ccema_json(data_dir, "participants", "import", wid, str(roster))
    assert (result["added"], result["updated"]) == (20, 1)
    assert [r["row"] for r in result["rejected"]] == [12, 18, 20, 26]
    assert "sector" in result["rejected"][1]["reason"]

    people = ccema_json(data_dir, "participants", "list", wid)
    assert len(people) == 20
    assert {"id", "full_name", "email", "sex", "sector"} <= set(people[0])
    names = {p["full_name"] for p in people}
    assert {"Асель Жумабаева", "José Ramírez Peña", "Françoise N'Diaye"} <= names
    bekova = next(p for p in people if p["email"] == "a.bekova@ecology.gov.kz")
    assert bekova["position"] == "Head of Department"

    counted = [s for s in show["sessions"] if s["kind"] in ("opening", "exercise", "closing")]
    first, second = counted[0]["id"], counted[1]["id"]
    emails = [p["email"] for p in people if p["email"]]
    ccema(data_dir, "attendance", "mark", wid, "--session", first, "--status", "present", *emails)
    juma = next(p for p in people if p["full_name"] == "Juma Hamisi")
    ccema(data_dir, "attendance", "mark", wid, "--session", first, "--status", "late", juma["id"])
    att = write_csv(
        tmp_path / "att.csv",
        ["participant", "session", "status"],
        [[e, second, "absent" if i % 4 == 0 else "present"] for i, e in enumerate(emails)],
    )
    imported = ccema_json(data_dir, "attendance", "import", wid, str(att))
    assert imported["imported"] == len(emails) and imported["rejected"] == []

    summary = ccema_json(data_dir, "attendance", "summary", wid)
    assert len(summary) == 20
    by_name = {r["full_name"]: r for r in summary}
    assert by_name["Juma Hamisi"]["sessions_attended"] == 1
    assert by_name["Juma Hamisi"]["late"] == 1
    assert all(r["sessions_planned"] == len(counted) for r in summary)
    assert by_name["Дмитрий Иванов"]["rate"] == pytest.approx(
        by_name["Дмитрий Иванов"]["sessions_attended"] / len(counted), abs=1e-4
    )
    assert all(r["below_threshold"] for r in summary)  # two sessions out of many


def test_exit_codes_and_messages(tmp_path: Path, data_dir: Path) -> None:
    assert ccema(data_dir, "workshop", "show", "no-such", check=False).returncode == 1
    bad_date = ccema(
        data_dir,
        "workshop",
        "create",
        "--title",
        "T",
        "--country",
        "KZ",
        "--start",
        "2026-13-01",
        "--end",
        "2026-12-02",
        "--language",
        "en",
        check=False,
    )
    assert bad_date.returncode == 1 and "YYYY-MM-DD" in bad_date.stderr
    backwards = ccema(
        data_dir,
        "workshop",
        "create",
        "--title",
        "T",
        "--country",
        "KZ",
        "--start",
        "2026-03-05",
        "--end",
        "2026-03-02",
        "--language",
        "en",
        check=False,
    )
    assert backwards.returncode == 1 and "before it starts" in backwards.stderr
    assert ccema(data_dir, "workshop", "frobnicate", check=False).returncode == 2
    assert ccema(data_dir, "workshop", "create", "--title", "T", check=False).returncode == 2
    assert ccema_json(data_dir, "workshop", "list") == []


def test_bad_input_changes_nothing(tmp_path: Path, data_dir: Path) -> None:
    wid = ccema_json(
        data_dir,
        "workshop",
        "create",
        "--title",
        "Base",
        "--country",
        "KZ",
        "--start",
        "2026-05-04",
        "--end",
        "2026-05-05",
        "--language",
        "ru",
        "--modules",
        "1",
    )["id"]
    ccema(
        data_dir,
        "participants",
        "import",
        wid,
        str(write_csv(tmp_path / "r.csv", HEADER, scenario_rows()[:5])),
    )
    before = content_digest(data_dir / "ccema.sqlite")

    not_roster = write_csv(tmp_path / "prices.csv", ["item", "price"], [["tea", "3"], ["coffee", "4"]])
    big = tmp_path / "big.csv"
    with big.open("w") as fh:
        fh.write(",".join(HEADER) + "\n")
        line = "Long Name,F,Org,environment,P,KZ,,\n"
        fh.write(line * (50 * 1024 * 1024 // len(line)))
    failures = [
        ccema(data_dir, "participants", "import", "nope", str(not_roster), check=False),
        ccema(data_dir, "participants", "import", wid, str(not_roster), check=False),
        ccema(data_dir, "participants", "import", wid, str(big), check=False),
        ccema(data_dir, "participants", "import", wid, str(tmp_path / "missing.csv"), check=False),
        ccema(
            data_dir,
            "participants",
            "import",
            wid,
            "--strict",
            str(write_csv(tmp_path / "s.csv", HEADER, scenario_rows())),
            check=False,
        ),
        ccema(
            data_dir,
            "workshop",
            "create",
            "--title",
            "X",
            "--country",
            "ZZ",
            "--start",
            "2026-01-01",
            "--end",
            "2026-01-02",
            "--language",
            "en",
            check=False,
        ),
        ccema(
            data_dir,
            "workshop",
            "create",
            "--title",
            "X",
            "--country",
            "KZ",
            "--start",
            "2026-01-01",
            "--end",
            "2026-01-02",
            "--language",
            "en",
            "--modules",
            "1,9",
            check=False,
        ),
        ccema(
            data_dir,
            "attendance",
            "mark",
            wid,
            "--session",
            "nope",
            "--status",
            "present",
            "x@y.org",
            check=False,
        ),
    ]
    for proc in failures:
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.startswith("Error:") or "--strict" in proc.stderr
        assert "Traceback" not in proc.stderr
    assert "50" in failures[2].stderr and "MB" in failures[2].stderr
    assert "full names" in failures[1].stderr
    assert content_digest(data_dir / "ccema.sqlite") == before
