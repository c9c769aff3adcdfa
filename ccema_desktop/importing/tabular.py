"""Read spreadsheet-like files (CSV in any common encoding and separator, XLSX) into rows of strings.

Handles what Excel produces in the field: a UTF-8 BOM, ';' separators, Latin-1/Windows-1252 or Cyrillic
code pages, trailing blanks and empty rows. Parsing is done by the csv module, charset-normalizer and
openpyxl, never by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ccema_desktop.errors import ValidationError
from ccema_desktop.i18n import _

MAX_FILE_BYTES = 10 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Table:
    """A header and data rows; `row_numbers[i]` is the line or sheet row a person sees for `rows[i]`."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(
        data[:200_000], cp_isolation=["cp1252", "latin_1", "cp1251", "koi8_r", "utf_16", "mac_cyrillic"]
    ).best()
    if best is None:
        raise ValidationError(
            _("The file's text encoding could not be recognised; save it as CSV UTF-8 and try again.")
        )
    return data.decode(best.encoding, errors="replace")


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return max(",;\t", key=first.count)


def _clean(cells: list[object]) -> list[str]:
    return ["" if c is None else str(c).strip() for c in cells]


def _rows_csv(data: bytes) -> Iterator[tuple[int, list[str]]]:
    textdata = _decode(data)
    if "\x00" in textdata:
        raise ValidationError(
            _("This is not a text CSV file (it contains binary data). Export the roster as CSV or XLSX.")
        )
    delimiter = _sniff_delimiter(textdata[:20_000])
    reader = csv.reader(io.StringIO(textdata, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, _clean(list(row))
    except csv.Error as exc:
        raise ValidationError(
            _("The CSV file is malformed near line {line}: {reason}.").format(
                line=reader.line_num, reason=exc
            )
        ) from exc


def _rows_xlsx(data: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # imported lazily: it costs start-up time

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise ValidationError(
            _("The spreadsheet could not be read ({reason}). Save it again as XLSX or CSV.").format(
                reason=exc
            )
        ) from exc
    sheet = book.active
    if sheet is None:
        raise ValidationError(_("The spreadsheet has no sheets."))
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells: list[object] = []
        for v in values:
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            cells.append(v)
        yield number, _clean(cells)
    book.close()


def read_table(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Table:
    """The first non-empty row is the header; fully empty rows are skipped."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if size > max_bytes:
        raise ValidationError(
            _(
                "{path} is {size} MB; files of up to {limit} MB are accepted. Split it or remove unused sheets and columns."
            ).format(path=path.name, size=round(size / 1_048_576, 1), limit=max_bytes // 1_048_576)
        )
    data = path.read_bytes()
    if not data.strip():
        raise ValidationError(_("{path} is empty.").format(path=path.name))
    rows = _rows_xlsx(data) if data.startswith(XLSX_MAGIC) else _rows_csv(data)
    header: list[str] | None = None
    out: list[list[str]] = []
    numbers: list[int] = []
    for number, row in rows:
        while row and not row[-1]:
            row.pop()
        if not row:
            continue
        if header is None:
            header = row
            continue
        out.append(row)
        numbers.append(number)
    if header is None:
        raise ValidationError(_("{path} has no rows.").format(path=path.name))
    return Table(header=header, rows=out, row_numbers=numbers)
