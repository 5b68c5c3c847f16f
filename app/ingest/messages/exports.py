"""One entry point for every message source: a file, a folder (Telegram's export folder) or
a zip (WhatsApp's "Export chat" with media, a zipped Telegram export). Decides the format
(`auto`), runs its parser, and names the files to keep as evidence: the export files
themselves and the attachments its messages point at."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from app.domain.errors import ValidationError
from app.domain.messages.records import MessageFormat, ParsedChat
from app.ingest.messages.common import ParseOptions, read_text
from app.ingest.messages.screenshot import parse_screenshot
from app.ingest.messages.sms import parse_sms_xml
from app.ingest.messages.telegram import parse_telegram_html, parse_telegram_json
from app.ingest.messages.whatsapp import parse_whatsapp

FORMATS = ("auto", *(f.value for f in MessageFormat))
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"}
MAX_ARCHIVE_BYTES = 4 * 1024**3  # what a zip may unpack to: a chat export, not a zip bomb
_HTML_PAGE = re.compile(r"(?:^|/)messages(\d*)\.html?$", re.IGNORECASE)
_WA_CHAT = re.compile(r"(?:^|/)[^/]+\.txt$", re.IGNORECASE)


@dataclass
class SourceFile:
    """A file of the export: its name inside the export and how to get its bytes."""

    name: str
    read: Callable[[], bytes]
    path: Path | None = None  # on disk (stored by streaming) when it is a plain file


@dataclass
class ExportRead:
    format: MessageFormat
    chat: ParsedChat
    container: SourceFile  # what the user handed over: the file, the zip, the folder's main file
    parts: list[SourceFile] = field(default_factory=list)  # further export files (HTML pages)
    attachments: dict[str, SourceFile] = field(default_factory=dict)  # by path in the export


def _page_number(name: str) -> int:
    match = _HTML_PAGE.search(name)
    return int(match.group(1) or 1) if match else 0


def _sniff(name: str, head: bytes) -> MessageFormat:
    suffix = PurePosixPath(name.lower()).suffix
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in IMAGE_SUFFIXES or head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff":
        return MessageFormat.SCREENSHOT
    if suffix == ".json" or text.startswith(b"{"):
        return MessageFormat.TELEGRAM_JSON
    if suffix in (".html", ".htm") or text[:15].lower().startswith((b"<!doctype html", b"<html")):
        return MessageFormat.TELEGRAM_HTML
    if suffix == ".xml" or b"<smses" in head:
        return MessageFormat.SMS_XML
    if suffix == ".txt":
        return MessageFormat.WHATSAPP
    raise ValidationError(
        f"{name}: cannot tell the export's format; give --format "
        "telegram-json|telegram-html|whatsapp|sms-xml|screenshot",
        field="format",
    )


def _parse(
    fmt: MessageFormat,
    main: SourceFile,
    pages: list[SourceFile],
    options: ParseOptions,
    local: Path | None,
) -> ParsedChat:
    if fmt == MessageFormat.TELEGRAM_JSON:
        return parse_telegram_json(main.read(), main.name, options)
    if fmt == MessageFormat.TELEGRAM_HTML:
        return parse_telegram_html([(p.name, p.read()) for p in [main, *pages]], options)
    if fmt == MessageFormat.SMS_XML:
        return parse_sms_xml(main.read(), main.name, options)
    if fmt == MessageFormat.WHATSAPP:
        if local is not None:
            return parse_whatsapp(read_text(local), main.name, options)
        data = main.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(f"{main.name}: not UTF-8 text ({exc})", field="file") from None
        return parse_whatsapp(text, main.name, options)
    if local is None:
        raise ValidationError(f"{main.name}: screenshots are read from a file", field="file")
    return parse_screenshot(local, options)


def _file(path: Path) -> SourceFile:
    return SourceFile(path.name, path.read_bytes, path)


def read_export(path: Path, fmt: str = "auto", options: ParseOptions | None = None) -> ExportRead:
    """Read any supported export. Raises `ValidationError` (with the file's name) for what
    cannot be read, `ZoneNeeded`/`DayOrderNeeded` for the questions only the user can answer."""
    options = options or ParseOptions()
    path = Path(path)
    if fmt not in FORMATS:
        raise ValidationError(f"--format must be one of {', '.join(FORMATS)}", field="format")
    if path.is_dir():
        return _read_folder(path, fmt, options)
    if not path.is_file():
        raise ValidationError(f"{path}: no such file", field="file")
    if zipfile.is_zipfile(path) and path.suffix.lower() not in IMAGE_SUFFIXES | {".xml", ".json"}:
        return _read_zip(path, fmt, options)
    with path.open("rb") as handle:
        head = handle.read(4096)
    chosen = MessageFormat(fmt) if fmt != "auto" else _sniff(path.name, head)
    main = _file(path)
    pages: list[SourceFile] = []
    if chosen == MessageFormat.TELEGRAM_HTML and _HTML_PAGE.search(path.name):
        pages = [_file(p) for p in _sibling_pages(path.parent) if p != path]
    chat = _parse(chosen, main, pages, options, path)
    read = ExportRead(chosen, chat, main, pages)
    _attach_from_folder(read, path.parent)
    return read


def _sibling_pages(folder: Path) -> list[Path]:
    pages = [p for p in folder.iterdir() if p.is_file() and _HTML_PAGE.search(p.name)]
    return sorted(pages, key=lambda p: _page_number(p.name))


def _attach_from_folder(read: ExportRead, folder: Path) -> None:
    for message in read.chat.messages:
        for attachment in message.attachments:
            if attachment.path and attachment.path not in read.attachments:
                candidate = (folder / attachment.path).resolve()
                if candidate.is_file() and folder.resolve() in candidate.parents:
                    read.attachments[attachment.path] = _file(candidate)


def _read_folder(folder: Path, fmt: str, options: ParseOptions) -> ExportRead:
    result = folder / "result.json"
    if result.is_file() and fmt in ("auto", MessageFormat.TELEGRAM_JSON):
        return read_export(result, MessageFormat.TELEGRAM_JSON, options)
    pages = _sibling_pages(folder)
    if pages and fmt in ("auto", MessageFormat.TELEGRAM_HTML):
        return read_export(pages[0], MessageFormat.TELEGRAM_HTML, options)
    raise ValidationError(
        f"{folder}: no result.json and no messages.html: not a Telegram export folder",
        field="file",
    )


def _read_zip(path: Path, fmt: str, options: ParseOptions) -> ExportRead:
    with zipfile.ZipFile(path) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if sum(i.file_size for i in infos) > MAX_ARCHIVE_BYTES:
            raise ValidationError(f"{path.name}: unpacks to more than 4 GB", field="file")
        names = [i.filename for i in infos]
    main_name, chosen = _zip_main(path.name, names, fmt)

    def member(name: str) -> SourceFile:
        def read() -> bytes:
            with zipfile.ZipFile(path) as archive:
                return archive.read(name)

        return SourceFile(PurePosixPath(name).name, read)

    container = SourceFile(path.name, path.read_bytes, path)
    main = member(main_name)
    pages = []
    if chosen == MessageFormat.TELEGRAM_HTML:
        folder = str(PurePosixPath(main_name).parent)
        siblings = [
            n for n in names if _HTML_PAGE.search(n) and str(PurePosixPath(n).parent) == folder
        ]
        pages = [member(n) for n in sorted(siblings, key=_page_number) if n != main_name]
    chat = _parse(chosen, main, pages, options, None)
    read = ExportRead(chosen, chat, container, [main, *pages])
    base = PurePosixPath(main_name).parent
    by_name = {PurePosixPath(n).name: n for n in names}
    for message in chat.messages:
        for attachment in message.attachments:
            inside = str(base / attachment.path) if str(base) != "." else attachment.path
            found = inside if inside in names else by_name.get(attachment.name)
            if attachment.path and found and attachment.path not in read.attachments:
                read.attachments[attachment.path] = member(found)
    return read


def _zip_main(zip_name: str, names: list[str], fmt: str) -> tuple[str, MessageFormat]:
    wanted = MessageFormat(fmt) if fmt != "auto" else None
    candidates: list[tuple[str, MessageFormat]] = []
    for name in names:
        lower = name.lower()
        if lower.endswith("result.json"):
            candidates.append((name, MessageFormat.TELEGRAM_JSON))
        elif _HTML_PAGE.search(name):
            candidates.append((name, MessageFormat.TELEGRAM_HTML))
        elif lower.endswith(".xml"):
            candidates.append((name, MessageFormat.SMS_XML))
        elif lower.endswith(".txt") and _WA_CHAT.search(name):
            candidates.append((name, MessageFormat.WHATSAPP))
    candidates.sort(
        key=lambda c: (_page_number(c[0]) if c[1] == MessageFormat.TELEGRAM_HTML else 0, len(c[0]))
    )
    for name, kind in candidates:
        if wanted is None or kind == wanted:
            return name, kind
    raise ValidationError(
        f"{zip_name}: no chat export inside (_chat.txt, result.json, messages.html)", field="file"
    )
