"""WhatsApp "Export chat" text, Android and iOS, in the locales people use.

Android: `12.09.2025, 21:30 - Имя: текст`; iOS: `[12.09.2025, 21:30:05] Имя: текст`, with
U+200E marks before system lines and attachments. Dates are day-first or month-first with
`.`, `/` or `-` (or year-first); whichever it is is decided from the whole file (a part above
12, else a part that goes down within a year, which only days do) and asked when the file
cannot tell. Clocks are 24-hour or 12-hour (`pm`, `p. m.`, `PM`, `午後`…). A line that does
not start a message continues the one before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from app.domain.errors import ValidationError
from app.domain.messages.records import (
    Attachment,
    Direction,
    MessageFormat,
    MessageKind,
    MessageRecord,
    ParsedChat,
    Rejection,
)
from app.ingest.messages.common import (
    DayOrderNeeded,
    ParseOptions,
    ZoneNeeded,
    local_to_utc,
    owner_number,
    phone_or_none,
)

# Direction marks and invisible spaces that exports put around dates, names and placeholders.
_INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\ufeff]")
_SPACES = re.compile("[\u202f\u00a0\u2007]")

_DATE = r"(?P<date>\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4})\.?"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
_AMPM = r"(?:\s?(?P<ampm>[ap]\.?\s?m\.?|[AP]\.?\s?M\.?|vorm\.|nachm\.|午前|午後|ص|م|дп|пп))?"
_ANDROID = re.compile(rf"^{_DATE},?\s{_TIME}{_AMPM}\.?\s[-–]\s(?P<rest>.*)$")
_IOS = re.compile(rf"^\[{_DATE},?\s{_TIME}{_AMPM}\]\s(?P<rest>.*)$")

_MEDIA_OMITTED = re.compile(
    r"^(?:<(?:Media omitted|Без медиафайлов|Medien ausgeschlossen|Médias omis|Multimedia "
    r"omitido|Archivo omitido|Media weggelaten|Mídia oculta|Medya dahil edilmedi|Файл "
    r"пропущен)>|(?:image|video|audio|sticker|GIF|document|Contact card) omitted|(?:Bild|"
    r"Video|Audio|Sticker|GIF|Dokument) weggelassen|(?:изображение|видео|аудиофайл|стикер|"
    r"GIF|документ) (?:отсутствует|опущено|пропущено))$",
    re.IGNORECASE,
)
_ATTACHED_IOS = re.compile(
    r"^<(?:attached|прикреплено|Anhang|allegato|adjunto|pièce jointe):\s*(?P<name>[^>]+)>"
    r"\s*(?P<caption>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ATTACHED_ANDROID = re.compile(
    r"^(?P<name>\S[^\n]*?\.\w{2,5}) \((?:file attached|файл добавлен|Datei angehängt|"
    r"archivo adjunto|fichier joint|file allegato)\)\s*(?P<caption>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_DELETED = re.compile(
    r"^(?:This message was deleted\.?|You deleted this message\.?|Данное сообщение удалено\.?"
    r"|Это сообщение удалено\.?|Вы удалили данное сообщение\.?|Вы удалили это сообщение\.?|"
    r"Diese Nachricht wurde gelöscht\.?|Du hast diese Nachricht gelöscht\.?|Se eliminó este "
    r"mensaje\.?|Eliminaste este mensaje\.?|Ce message a été supprimé\.?)$",
    re.IGNORECASE,
)
_EDITED = re.compile(
    r"\s*<(?:This message was edited|Сообщение изменено|Сообщение отредактировано|Diese "
    r"Nachricht wurde bearbeitet|Se editó este mensaje|Ce message a été modifié)>\s*$",
    re.IGNORECASE,
)
_SYSTEM = re.compile(
    r"(?:end-to-end encrypted|сквозным шифрованием|Ende-zu-Ende|cifrado de extremo a extremo|"
    r"chiffrés de bout en bout|created group|создал\w* группу|hat die Gruppe|added|добавил|"
    r"\bleft\b|вышел|вышла|покинул|security code|код безопасности|Sicherheitsnummer|changed "
    r"(?:the subject|this group|their phone number|the group)|изменил|You were added|Вас добавили"
    r"|joined using|присоединил)",
    re.IGNORECASE,
)
_YOU = {"you", "вы", "du", "tú", "vous", "tu", "sie"}


@dataclass
class _Raw:
    line: int
    date: str
    time: str
    ampm: str | None
    rest: str
    marked: bool  # the text started with a direction mark (iOS system lines, attachments)


def _split(text: str) -> tuple[list[_Raw], list[Rejection]]:
    """Message starts and their continuation lines; lines before the first message are
    rejected (a file with no message line at all is not a WhatsApp export)."""
    raws: list[_Raw] = []
    rejected: list[Rejection] = []
    for number, original in enumerate(text.splitlines(), start=1):
        line = _SPACES.sub(" ", original) if _SPACES.search(original) else original
        clean = _INVISIBLE.sub("", line) if _INVISIBLE.search(line) else line
        match = _IOS.match(clean) or _ANDROID.match(clean)
        if match is None:
            if raws:
                raws[-1].rest += "\n" + clean
            elif clean.strip():
                rejected.append(Rejection(number, "not_a_message", clean[:80]))
            continue
        rest_at = line.find(match.group("rest")[:1]) if match.group("rest") else -1
        marked = "\u200e" in line[: max(rest_at, 0) + 1] or _starts_marked(line, match)
        raws.append(
            _Raw(
                number, match.group("date"), match.group("time"), match.group("ampm"),
                match.group("rest"), marked,
            )
        )  # fmt: skip
    return raws, rejected


def _starts_marked(line: str, match: re.Match[str]) -> bool:
    """Whether the text after the sender (or the whole rest) starts with U+200E."""
    rest = line.split("] ", 1)[-1] if line.lstrip("\u200e").startswith("[") else line
    _head, sep, tail = rest.partition(": ")
    return tail.startswith("\u200e") if sep else rest.lstrip().startswith("\u200e")


@lru_cache(maxsize=4096)
def _parts(date: str) -> tuple[int, int, int]:
    a, b, c = (int(p) for p in re.split(r"[./\-]", date))
    return a, b, c


def decide_day_first(dates: list[str], name: str) -> bool | None:
    """True day/month, False month/day, None year-first (or every date reads the same both
    ways). Raises `DayOrderNeeded` when the file cannot tell."""
    parts = [_parts(d) for d in dates]
    if not parts:
        return True
    if all(len(re.split(r"[./\-]", d)[0]) == 4 for d in dates[:50]):
        return None
    if any(a > 12 for a, _, _ in parts):
        return True
    if any(b > 12 for _, b, _ in parts):
        return False
    if all(a == b for a, b, _ in parts):
        return True
    # Months never go down within a year (the chat is in order); days do, monthly.
    previous: tuple[int, int, int] | None = None
    for a, b, c in parts:
        if previous is not None and previous[2] == c:
            if a < previous[0] and b >= previous[1]:
                return True
            if b < previous[1] and a >= previous[0]:
                return False
        previous = (a, b, c)
    example = next(d for d, (a, b, _) in zip(dates, parts, strict=True) if a != b)
    raise DayOrderNeeded(name, example)


def _moment(raw: _Raw, day_first: bool | None) -> datetime:
    a, b, c = _parts(raw.date)
    if day_first is None:
        year, month, day = a, b, c
    elif day_first:
        day, month, year = a, b, c
    else:
        month, day, year = a, b, c
    if year < 100:
        year += 2000
    pieces = [int(p) for p in re.split(r"[:.]", raw.time)]
    hour, minute, second = pieces[0], pieces[1], pieces[2] if len(pieces) > 2 else 0
    if raw.ampm:
        pm = raw.ampm.lower().replace(".", "").replace(" ", "") in {
            "pm",
            "nachm",
            "午後",
            "م",
            "пп",
        }
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} on a 12-hour clock")
        hour = hour % 12 + (12 if pm else 0)
    return datetime(year, month, day, hour, minute, second)


def _content(rest: str, marked: bool) -> tuple[str | None, str]:
    """(sender or None for a system line, text)."""
    sender, sep, text = rest.partition(": ")
    if not sep or ("\n" in sender) or len(sender) > 80:
        return None, rest
    return sender.strip().lstrip("~").strip(), text


def _classify(text: str, marked: bool) -> tuple[MessageKind, str, bool, tuple[Attachment, ...]]:
    # Cheap tests first: on a long chat almost every message is plain text.
    edited = "<" in text and bool(_EDITED.search(text))
    if edited:
        text = _EDITED.sub("", text)
    stripped = text.strip()
    attached = None
    if stripped.startswith("<"):
        attached = _ATTACHED_IOS.match(stripped)
    elif " (" in stripped:
        attached = _ATTACHED_ANDROID.match(stripped)
    if attached:
        name = attached.group("name").strip()
        caption = attached.group("caption").strip()
        return MessageKind.MEDIA, caption, edited, (Attachment(name, name),)
    if len(stripped) <= 60:
        if _MEDIA_OMITTED.match(stripped):
            return MessageKind.MEDIA, "", edited, ()
        if _DELETED.match(stripped):
            return MessageKind.DELETED, "", edited, ()
    if marked and _SYSTEM.search(stripped):
        return MessageKind.SYSTEM, stripped, edited, ()
    return MessageKind.TEXT, text, edited, ()


def parse_whatsapp(text: str, name: str, options: ParseOptions) -> ParsedChat:
    """Parse the text of `_chat.txt` (or `WhatsApp Chat with X.txt`)."""
    raws, rejected = _split(text)
    if not raws:
        raise ValidationError(f"{name}: no WhatsApp message lines found", field="file")
    if options.tz is None:
        raise ZoneNeeded(name, f"{raws[0].date} {raws[0].time}")
    day_first = options.day_first
    if day_first is None:
        day_first = decide_day_first([r.date for r in raws], name)
    elif all(len(re.split(r"[./\-]", r.date)[0]) == 4 for r in raws[:50]):
        day_first = None
    own = owner_number(options)
    chat = ParsedChat(
        MessageFormat.WHATSAPP, rejected=rejected, owner=options.owner, owner_number=own
    )
    for item in _records(raws, day_first, options, own, chat.rejected):
        chat.messages.append(item)
    return chat


def _records(
    raws: list[_Raw],
    day_first: bool | None,
    options: ParseOptions,
    own: str | None,
    rejected: list[Rejection],
) -> Iterator[MessageRecord]:
    tz = options.tz or "UTC"
    owner_name = (options.owner or "").casefold()
    for raw in raws:
        try:
            sent = local_to_utc(_moment(raw, day_first), tz)
        except ValueError as exc:
            rejected.append(Rejection(raw.line, "bad_time", f"{raw.date} {raw.time}: {exc}"))
            continue
        sender, text = _content(raw.rest, raw.marked)
        if sender is None:
            yield MessageRecord(raw.line, sent, "", text.strip(), MessageKind.SYSTEM)
            continue
        kind, body, edited, attachments = _classify(text, raw.marked)
        if kind == MessageKind.SYSTEM:
            yield MessageRecord(raw.line, sent, sender, body, kind)
            continue
        number = phone_or_none(sender, options.region)
        mine = (
            sender.casefold() in _YOU
            or (own is not None and number == own)
            or (bool(owner_name) and sender.casefold() == owner_name)
        )
        direction = Direction.OUTGOING if mine else Direction.INCOMING
        if mine and number is None:
            number = own
        yield MessageRecord(
            line=raw.line,
            sent_utc=sent,
            sender=sender,
            text=body.rstrip("\n"),
            kind=kind,
            sender_number=number,
            direction=direction if (own or owner_name or mine) else None,
            edited=edited,
            attachments=attachments,
        )
