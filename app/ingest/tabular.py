"""Source files as streams of rows: CSV in any of the detected dialects, and XLSX read-only.

`sniff_source` looks at the head of the file (encoding, delimiter, header row, a sample) and
`iter_rows` then streams `(line_number, cells)` pairs without loading the file. Line numbers
are those a text editor shows (1-based, counting the header), so a rejected row can be found.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path

from charset_normalizer import from_bytes

from app.domain.errors import ValidationError

SAMPLE_BYTES = 256 * 1024
SAMPLE_ROWS = 50
DELIMITERS = (";", ",", "\t", "|")
XLSX_MAGIC = b"PK\x03\x04"
MAX_PREAMBLE = 10
# Single-byte Cyrillic code pages a Russian export may come in; cp1251 is by far the usual one.
_CYRILLIC_PAGES = ["cp1251", "koi8_r", "cp866"]

csv.field_size_limit(16 * 1024 * 1024)

HeaderTest = Callable[[Sequence[str]], bool]


@dataclass(frozen=True, slots=True)
class SourceFormat:
    """What the sniffer found (every part can be overridden by the user)."""

    kind: str  # "csv" | "xlsx"
    encoding: str  # Python codec name ("utf-8-sig", "cp1251"...); "" for xlsx
    delimiter: str  # "" for xlsx
    has_header: bool
    columns: tuple[str, ...]  # header names, or "1", "2", ... when there is no header
    sample: tuple[tuple[str, ...], ...]  # first data rows (header excluded)
    skip: int = 0  # title rows above the table ("Детализация звонков за период ...")
    types_row: bool = False  # a row of column types under the header (Cisco CUCM flat files)


def sniff_source(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    has_header: bool | None = None,
    looks_like_header: HeaderTest | None = None,
) -> SourceFormat:
    """Detect how `path` is written. Given values win over detection.

    `looks_like_header(cells)` lets the caller recognise its own header words; without it a
    first row counts as a header when none of its cells look like data (digits, dates).
    Raises `ValidationError` when the file cannot be read as a table at all.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise ValidationError(
            f"{path}: cannot read: {exc.strerror}", field="file", file=str(path)
        ) from exc
    if not head.strip():
        raise ValidationError(f"{path}: the file is empty", field="file", file=str(path))
    if head.startswith(XLSX_MAGIC) and _is_workbook(path):
        return _sniff_xlsx(path, has_header, looks_like_header)
    what = binary_kind(head)
    if what is not None:
        raise not_a_table(path, what)
    enc = normalize_encoding(encoding) if encoding else detect_encoding(head)
    text = _decode_head(head, enc, path)
    if _MARKUP.match(text):
        raise not_a_table(path, "HTML or XML")
    lines = text.splitlines()[: SAMPLE_ROWS + 1]
    delim = _decode_delimiter(delimiter) if delimiter else detect_delimiter(lines)
    rows = [tuple(r) for r in csv.reader(lines, delimiter=delim) if any(c.strip() for c in r)]
    if not rows:
        raise ValidationError(f"{path}: no rows found", field="file", file=str(path))
    if delimiter is None and not _tabular(rows):
        raise not_a_table(path, "text without columns")
    return _finish(
        SourceFormat("csv", enc, delim, False, (), ()), rows, has_header, looks_like_header
    )


# Leading bytes of files people hand over instead of the table (or along with it).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "old Office document (XLS/DOC): save it as XLSX or CSV"),
    (b"{\\rtf", "RTF document"),
)
_MARKUP = re.compile(r"\s*(<!doctype|<html|<\?xml|<table|<svg)", re.IGNORECASE)


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_text(head: bytes) -> str | None:
    """The codec of UTF-16/UTF-32 text with its byte-order mark (Excel's "Unicode text")."""
    return next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)


def binary_kind(head: bytes) -> str | None:
    """What a non-text head is (PDF, an image, an archive...), or None for text."""
    if _wide_text(head):
        return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[4:12] in (b"ftypheic", b"ftypmif1") or head[8:12] == b"WEBP":
        return "image"
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
        return "BMP image"
    if b"\x00" in head[:4096]:
        return "binary data"
    return None


def _tabular(rows: list[tuple[str, ...]]) -> bool:
    """Rows of a table mostly share one width above 1 (title lines above it aside); prose,
    or text copied out of a PDF, splits at its commas into ragged rows."""
    widths = [len(r) for r in rows]
    common = max(set(widths), key=widths.count)
    return common >= 2 and (len(rows) < 4 or widths.count(common) * 2 >= len(rows))


def not_a_table(path: Path, what: str) -> ValidationError:
    return ValidationError(
        f"{path}: not a CSV/XLSX table ({what})", field="file", file=str(path), line=None
    )


def _is_workbook(path: Path) -> bool:
    """A ZIP is an XLSX workbook when it holds `xl/workbook.xml`."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _finish(
    fmt: SourceFormat,
    rows: list[tuple[str, ...]],
    has_header: bool | None,
    looks_like_header: HeaderTest | None,
) -> SourceFormat:
    skip = _preamble(rows)
    rows = rows[skip:]
    first = rows[0]
    if has_header is None:
        if looks_like_header is not None and looks_like_header(first):
            has_header = True
        else:
            has_header = not any(_looks_like_data(c) for c in first)
    width = max(len(r) for r in rows)
    types_row = False
    if has_header:
        columns = tuple(c.strip() or str(i + 1) for i, c in enumerate(first))
        types_row = len(rows) > 1 and _is_types_row(rows[1])
        body = rows[2:] if types_row else rows[1:]
        sample = tuple(body[:SAMPLE_ROWS])
    else:
        columns = tuple(str(i + 1) for i in range(width))
        sample = tuple(rows[:SAMPLE_ROWS])
    return replace(
        fmt,
        has_header=has_header,
        columns=columns,
        sample=sample,
        skip=skip,
        types_row=types_row,
    )


_SQL_TYPE = re.compile(r"(INTEGER|BIGINT|SMALLINT|VARCHAR\(\d+\)|CHAR\(\d+\)|TEXT|"
                       r"UNIQUEIDENTIFIER|DATETIME|BOOLEAN|BIT)$", re.IGNORECASE)  # fmt: skip


def _is_types_row(cells: Sequence[str]) -> bool:
    """`INTEGER,INTEGER,VARCHAR(50),...` under the field names."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_SQL_TYPE.match(c) for c in filled)


def _preamble(rows: list[tuple[str, ...]]) -> int:
    """Leading rows with far fewer filled cells than the table below them: a report title,
    the period, the subscriber. At most a few; the rest of the sample decides."""
    filled = [sum(1 for c in r if c.strip()) for r in rows]
    typical = sorted(filled)[len(filled) // 2]
    skip = 0
    while skip < min(MAX_PREAMBLE, len(rows) - 1) and filled[skip] * 2 < typical:
        skip += 1
    return skip


def _looks_like_data(cell: str) -> bool:
    digits = sum(ch.isdigit() for ch in cell)
    return digits >= 3 and digits * 2 >= len(cell.strip())


def normalize_encoding(name: str) -> str:
    """A codec name Python knows, or ValidationError; plain UTF-8 also eats a BOM."""
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError as exc:
        raise ValidationError(f"unknown encoding: {name}", field="encoding") from exc
    return "utf-8-sig" if codec == "utf-8" else codec


def detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM) when the bytes decode as such, else the best Cyrillic page."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    wide = _wide_text(head)
    if wide:
        return wide
    try:
        # The sample may end inside a multi-byte character: drop the last partial line.
        cut = head.rfind(b"\n")
        (head[: cut + 1] if cut > 0 else head).decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    best = from_bytes(head[:65536], cp_isolation=_CYRILLIC_PAGES).best()
    return normalize_encoding(best.encoding) if best is not None else "cp1251"


def _decode_head(head: bytes, encoding: str, path: Path) -> str:
    cut = head.rfind(b"\n")
    chunk = head if len(head) < SAMPLE_BYTES or cut <= 0 else head[: cut + 1]
    try:
        return chunk.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"{path}: not readable as {encoding} (byte {exc.start})",
            field="encoding",
            file=str(path),
        ) from exc


def _decode_delimiter(text: str) -> str:
    named = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
    value = named.get(text.lower(), text)
    if len(value) != 1:
        raise ValidationError(f"a delimiter is one character: {text!r}", field="delimiter")
    return value


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the sample into the same number (>1) of columns most often."""
    best, best_score = ",", (0, 0)
    for delim in DELIMITERS:
        widths = [len(r) for r in csv.reader(lines, delimiter=delim) if r]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delim, score
    return best


def iter_rows(path: Path, fmt: SourceFormat) -> Iterator[tuple[int, list[str]]]:
    """Stream `(line_number, cells)` of the data rows (header skipped, blank rows skipped)."""
    for batch in iter_batches(path, fmt, 1):
        yield from batch


def iter_batches(path: Path, fmt: SourceFormat, size: int) -> Iterator[list[tuple[int, list[str]]]]:
    """`iter_rows` in lists of up to `size` rows (bulk imports read a batch at a time)."""
    if fmt.kind == "xlsx":
        rows = _iter_xlsx(Path(path), fmt)
        while chunk := list(islice(rows, size)):
            yield chunk
        return
    with Path(path).open("r", encoding=fmt.encoding, newline="", errors="strict") as handle:
        reader = csv.reader(handle, delimiter=fmt.delimiter)
        line = 1
        # non-blank rows before the data
        to_skip = fmt.skip + (1 if fmt.has_header else 0) + (1 if fmt.types_row else 0)
        batch: list[tuple[int, list[str]]] = []
        append = batch.append
        try:
            for cells in reader:
                start, line = line, reader.line_num + 1
                if not "".join(cells).strip():  # a blank row
                    continue
                if to_skip:
                    to_skip -= 1
                    continue
                append((start, cells))
                if len(batch) >= size:
                    yield batch
                    batch = []
                    append = batch.append
        except UnicodeDecodeError as exc:
            raise ValidationError(
                f"{path}:{line}: not readable as {fmt.encoding}",
                field="encoding",
                file=str(path),
                line=line,
            ) from exc
        except csv.Error as exc:
            raise ValidationError(
                f"{path}:{line}: {exc}", field="file", file=str(path), line=line
            ) from exc
        if batch:
            yield batch


def _sniff_xlsx(
    path: Path, has_header: bool | None, looks_like_header: HeaderTest | None
) -> SourceFormat:
    rows = [tuple(cells) for _, cells in _xlsx_cells(path, limit=SAMPLE_ROWS + 1)]
    if not rows:
        raise ValidationError(f"{path}: the workbook has no rows", field="file", file=str(path))
    return _finish(SourceFormat("xlsx", "", "", False, (), ()), rows, has_header, looks_like_header)


def _iter_xlsx(path: Path, fmt: SourceFormat) -> Iterator[tuple[int, list[str]]]:
    rows = _xlsx_cells(path)
    for _ in range(fmt.skip + (1 if fmt.has_header else 0) + (1 if fmt.types_row else 0)):
        next(rows, None)
    yield from rows


def _xlsx_cells(path: Path, limit: int | None = None) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # imported here: CSV imports do not pay for it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        # defusedxml's refusals (DOCTYPE, entities) span several lines: the first one says why
        reason = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        raise ValidationError(
            f"{path}: not a readable XLSX workbook: {reason}", field="file", file=str(path)
        ) from exc
    try:
        if not book.worksheets:
            raise ValidationError(
                f"{path}: the workbook has no sheet", field="file", file=str(path)
            )
        sheet = book.worksheets[0]
        count = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if not any(cells):
                continue
            yield number, cells
            count += 1
            if limit is not None and count >= limit:
                return
    finally:
        book.close()


def _cell_text(value: object) -> str:
    """Cells as the text a CSV export would hold: datetimes as ISO, whole floats without `.0`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()
