"""Plain data the call-log services take and return. Numbers arrive masked unless the
caller went through the audited reveal; a number is addressed by its `number_id`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file. Empty values mean: take the preset's, else detect/guess."""

    preset: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)  # field → header or 1-based number
    tz: str | None = None  # zone of naive times; None → the case's zone
    encoding: str | None = None
    delimiter: str | None = None
    has_header: bool | None = None
    region: str | None = None  # phone region; None → settings.phone_region
    subscriber: str | None = None  # an operator detail's own number (rows hold the other side)
    date_order: str | None = None  # "dmy" | "mdy" for `04/05/2020` when the file cannot tell
    accept_guess: bool = False  # import even when recognition is unsure (the dialog asked)


@dataclass(frozen=True)
class PreviewRow:
    line: int
    reason: str | None  # None when the row reads; else a reason code
    detail: str
    start_utc: datetime | None = None
    duration_s: int | None = None
    caller: str = ""  # masked
    callee: str = ""  # masked
    virtual_number: str = ""  # masked
    direction: str | None = None
    status: str | None = None
    order_number: str | None = None


@dataclass(frozen=True)
class ImportPreview:
    kind: str  # csv | xlsx
    encoding: str
    delimiter: str
    has_header: bool
    columns: tuple[str, ...]
    sample: tuple[tuple[str, ...], ...]  # raw cells, phone-like cells masked
    mapping: dict[str, str]  # field → column actually used
    tz: str | None
    preset: str | None
    rows: list[PreviewRow]
    error: str | None = None  # why the file cannot be imported with these options
    error_field: str | None = None  # "tz", "map", "encoding", "date_order", ...
    basis: str = "preset"  # what the mapping rests on: preset, header, shape, content...
    confidence: float = 1.0  # how sure the recognition is (0 … 1)
    unplaced: tuple[str, ...] = ()  # needed fields no column was found for


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    evidence_id: int
    sha256: str
    imported: int
    duplicates: int
    rejected: list[Rejection]  # the first 100,000 rejected rows
    tz: str | None
    rejected_total: int = 0  # all rejected rows
    recognition: Recognition | None = None


@dataclass(frozen=True)
class Recognition:
    """How the columns were placed: `basis` preset / header / shape / content /
    header+content / mapping, the preset it led to, how sure, the mapping used."""

    basis: str
    preset: str | None
    confidence: float
    mapping: dict[str, str]


@dataclass(frozen=True)
class CallFilter:
    number: str | None = None  # any run of digits
    start_from: datetime | None = None
    start_to: datetime | None = None
    direction: str | None = None
    status: str | None = None
    order: str | None = None
    party_id: int | None = None
    batch_id: int | None = None


@dataclass(frozen=True)
class CallView:
    id: int
    start_utc: datetime
    duration_s: int
    caller: str  # masked unless revealed
    callee: str
    virtual_number: str
    direction: str | None
    status: str
    order_number: str | None
    call_id: str | None
    batch_id: int
    line: int
    caller_party: str | None = None  # party name when the number is linked
    callee_party: str | None = None


@dataclass(frozen=True)
class NumberSummary:
    number_id: int
    number: str  # masked
    calls: int
    first_utc: datetime | None
    last_utc: datetime | None
    talk_s: int
    party_id: int | None
    party_name: str | None
    party_role: str | None
    virtual: bool  # seen as a virtual (masking) number


@dataclass(frozen=True)
class BatchInfo:
    id: int
    evidence_id: int
    original_name: str
    sha256: str
    imported: int
    duplicates: int
    rejected: int
    created_at: datetime
    options: dict[str, object]


@dataclass(frozen=True)
class FindingView:
    kind: str
    severity: str
    call_ids: tuple[int, ...]
    start_utc: datetime
    end_utc: datetime
    params: dict[str, object]
    explanation_ru: str
    explanation_en: str

    def explanation(self, lang: str = "ru") -> str:
        return self.explanation_en if lang == "en" else self.explanation_ru


@dataclass(frozen=True)
class OrderImportResult:
    evidence_id: int
    sha256: str
    created: int
    updated: int
    events: int
    rejected: list[Rejection]
    unmatched_parties: list[str]  # customer/courier cells no party of the case matched


@dataclass(frozen=True)
class OrderPreviewRow:
    line: int
    reason: str | None  # None when the row reads; else a reason code
    detail: str = ""
    number: str = ""
    customer: str = ""
    courier: str = ""
    events: tuple[tuple[str, datetime], ...] = ()


@dataclass(frozen=True)
class OrderPreview:
    """An order export as it would import: format, mapping, first rows parsed."""

    kind: str
    encoding: str
    delimiter: str
    has_header: bool
    columns: tuple[str, ...]
    mapping: dict[str, str]
    tz: str | None
    preset: str | None
    rows: list[OrderPreviewRow]
    error: str | None = None
    error_field: str | None = None
