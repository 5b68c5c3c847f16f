"""Plain data the messages services hand to the fronts (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ImportRequest:
    """`fmt`: auto|telegram-json|telegram-html|whatsapp|sms-xml|screenshot; `tz`: zone of
    times written without one; `owner`: the phone (or name) of the person who handed the
    export over; `day_first`: answers an ambiguous date order; `date`: a screenshot's day."""

    fmt: str = "auto"
    tz: str | None = None
    owner: str | None = None
    day_first: bool | None = None
    date: str | None = None
    provided_by: str = ""


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class ProposedLink:
    """A sender whose name matches a party: linked only when the investigator confirms."""

    sender: str
    sender_number: str | None
    party_id: int
    party_name: str


@dataclass(frozen=True)
class MessageImportResult:
    batch_id: int
    evidence_id: int
    sha256: str
    format: str
    imported: int
    duplicates: int
    rejected: list[Rejected]
    flagged: int
    attachments: int
    title: str = ""
    tz: str | None = None
    linked: dict[str, int] = field(default_factory=dict)  # sender → party id (by number)
    proposed: list[ProposedLink] = field(default_factory=list)


@dataclass(frozen=True)
class MessageFilter:
    flagged: bool = False
    sender: str = ""
    search: str = ""
    since: datetime | None = None
    until: datetime | None = None
    party_id: int | None = None
    in_dossier: bool = False


@dataclass(frozen=True)
class FlagView:
    category: str  # obscene | insult | threat
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class AttachmentView:
    id: int
    name: str
    mime: str
    evidence_id: int | None
    sha256: str | None


@dataclass(frozen=True)
class MessageView:
    """`sender_number` is masked unless the view came from an audited reveal."""

    id: int
    sent_utc: datetime
    sender: str
    sender_number: str | None
    direction: str | None
    kind: str
    text: str
    flags: tuple[FlagView, ...]
    source: str  # "whatsapp:_chat.txt:12"
    chat: str
    edited: bool
    from_screenshot: bool
    screenshot_id: int | None
    region: tuple[int, ...] | None
    party_id: int | None
    in_dossier: bool
    attachments: tuple[AttachmentView, ...] = ()

    def categories(self) -> list[str]:
        return list(dict.fromkeys(f.category for f in self.flags))


@dataclass(frozen=True)
class SenderView:
    sender: str
    sender_number: str | None  # masked
    party_id: int | None
    messages: int
    flagged: int
    first_utc: datetime
    last_utc: datetime
    key: str  # opaque handle for `link_sender` (the real number never leaves unmasked)


@dataclass(frozen=True)
class MessageFindingView:
    kind: str
    severity: str
    message_ids: tuple[int, ...]
    start_utc: datetime
    end_utc: datetime
    params: dict[str, Any]
    explanation_ru: str
    explanation_en: str

    def explanation(self, lang: str) -> str:
        return self.explanation_ru if lang == "ru" else self.explanation_en
