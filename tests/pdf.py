"""Reading generated PDFs back with poppler (pdftotext, pdfinfo, pdffonts), as a person's viewer would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text with runs of whitespace collapsed, so names wrapped in a cell read as one string."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def page_texts(pdf: Path) -> list[str]:
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in raw.split("\f")[: pages(pdf)]]


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


def fonts(pdf: Path) -> set[str]:
    """Base names of the fonts a PDF uses, with their embedded flag: {'DejaVuSans:yes', ...}."""
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    found = set()
    for line in lines[2:]:
        parts = line.split()
        name = parts[0].split("+")[-1]
        found.add(f"{name}:{parts[-5]}")
    return found
