"""A message as the importers hand it over and the detectors read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class MessageFormat(StrEnum):
    TELEGRAM_JSON = "telegram-json"
    TELEGRAM_HTML = "telegram-html"
    WHATSAPP = "whatsapp"
    SMS_XML = "sms-xml"
    SCREENSHOT = "screenshot"


class MessageKind(StrEnum):
    TEXT = "text"
    MEDIA = "media"  # an attachment (maybe with a caption) or a placeholder for one
    SYSTEM = "system"  # encryption notice, group events: kept, never a sender's words
    DELETED = "deleted"


class Direction(StrEnum):
    INCOMING = "in"  # written to the chat's owner
    OUTGOING = "out"  # written by the owner


@dataclass(frozen=True)
class Attachment:
    """A file named by the export; `path` is its place inside the export (zip or folder)."""

    name: str
    path: str = ""
    mime: str = ""
    data: bytes | None = field(default=None, repr=False, compare=False)  # inline (MMS parts)


@dataclass(frozen=True)
class MessageRecord:
    """One message. `sent_utc` is aware UTC; `line` is where it starts in its file (for a
    screenshot: the OCR line). `sender_number` is E.164 when the export names one."""

    line: int
    sent_utc: datetime
    sender: str
    text: str
    kind: MessageKind = MessageKind.TEXT
    sender_number: str | None = None
    direction: Direction | None = None
    chat: str = ""
    edited: bool = False
    reply_to: str | None = None
    external_id: str | None = None
    attachments: tuple[Attachment, ...] = ()
    from_screenshot: bool = False
    region: tuple[int, int, int, int] | None = None  # left, top, right, bottom on the screenshot
    id: int | None = None
    flags: tuple[AbuseFlag, ...] = ()


@dataclass(frozen=True)
class AbuseFlag:
    """A category (`obscene`, `insult`, `threat`) and the words that matched, with their
    character span in the message text (for highlighting)."""

    category: str
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str  # a code: bad_time, no_sender, not_a_message, ...
    detail: str = ""


@dataclass
class ParsedChat:
    """What a parser read from one file: messages, rejected lines, and facts for the import
    report (the chat's title, its owner if the export says)."""

    format: MessageFormat
    messages: list[MessageRecord] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    title: str = ""
    owner: str | None = None
    owner_number: str | None = None
