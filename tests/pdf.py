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


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def words(pdf: Path) -> list[tuple[int, float, float, list[tuple[float, float, float, float, str]]]]:
    """Per page: (number, width, height, words as (x0, y0, x1, y1, text)), from pdftotext's bounding boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for number, chunk in enumerate(html.split("<page ")[1:], 1):
        size = _PAGE.match("<page " + chunk)
        assert size
        found = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in _WORD.findall(chunk)]
        pages.append((number, float(size.group(1)), float(size.group(2)), found))
    return pages


def layout_problems(pdf: Path, margin: float) -> list[str]:
    """Words outside the page's side margins, and words drawn over other words (overflowing cells)."""
    problems = []
    for number, width, _height, found in words(pdf):
        for x0, _y0, x1, _y1, text in found:
            if x0 < margin - 1 or x1 > width - margin + 1:
                problems.append(
                    f"page {number}: '{text}' outside the margins ({x0:.0f}–{x1:.0f} of {width:.0f})"
                )
        ordered = sorted(found, key=lambda w: w[1])
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b[1] >= a[3] - 0.5:
                    break
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                if overlap_x > 1 and overlap_y > 1:
                    problems.append(f"page {number}: '{a[4]}' overlaps '{b[4]}'")
    return problems
