"""`CallRecord`: one call as read from an export, and the small vocabulary around it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
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
