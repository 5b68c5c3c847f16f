"""`CallRecord`: one call as read from an export; `CallColumns`: a batch of them column by
column (the bulk import's shape); the small vocabulary around them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum


class CallStatus(StrEnum):
    ANSWERED = "answered"
    MISSED = "missed"


@dataclass(slots=True)
class CallRecord:
    """One call. Numbers are E.164 when they could be normalized, else as written; the raw
    cells are kept beside them. Not frozen only because a million of them are built per
    import (frozen init is several times slower); treat it as immutable."""

    start_utc: datetime
    duration_s: int
    caller: str
    callee: str
    virtual: str | None = None
    direction: str | None = None
    status: str = CallStatus.ANSWERED.value
    order_number: str | None = None
    call_id: str | None = None
    caller_raw: str = ""
    callee_raw: str = ""
    virtual_raw: str = ""
    id: int | None = None
    line: int | None = None

    @property
    def end_utc(self) -> datetime:
        return self.start_utc + timedelta(seconds=self.duration_s)


@dataclass(slots=True)
class CallColumns:
    """Calls of one bulk-import batch column by column (`CallRecord`'s fields, one list
    each, all of one length). `start_us` is the start in whole microseconds since the Unix
    epoch, UTC: exact, and cheap to turn into whatever the database stores."""

    line: list[int]
    start_us: list[int]
    duration_s: list[int]
    caller: list[str]
    caller_raw: list[str]
    callee: list[str]
    callee_raw: list[str]
    virtual: list[str | None]
    virtual_raw: list[str]
    direction: list[str | None]
    status: list[str]
    order_number: list[str | None]
    call_id: list[str | None]

    def __len__(self) -> int:
        return len(self.line)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def epoch_us(moment: datetime) -> int:
    """Whole microseconds from the Unix epoch to the aware `moment`."""
    return (moment - EPOCH) // MICROSECOND


def from_epoch_us(value: int) -> datetime:
    """The aware UTC instant `value` microseconds after the Unix epoch."""
    return EPOCH + timedelta(microseconds=value)
