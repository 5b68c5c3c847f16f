"""Cell readers: instants in the formats exports use, durations, call status and direction.

Date formats are detected per column from a sample (`detect_date_format`) and then read with
one fast parser per row. Every reader raises `ValueError` on a bad cell; the row parser turns
that into a reason code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo
from functools import lru_cache

# A parser returns an aware datetime, or a naive one that the caller localizes.
DateParser = Callable[[str], datetime]

_DMY = re.compile(
    r"(\d{1,2})[./](\d{1,2})[./](\d{4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?$"
)


def _parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _parse_dmy(text: str) -> datetime:
    match = _DMY.match(text)
    if match is None:
        raise ValueError(text)
    day, month, year, hour, minute, second = match.groups()
    return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))


def _parse_unix(text: str) -> datetime:
    value = float(text)
    if not 0 < value < 4_102_444_800:  # 1970 … 2100: anything else is not an instant
        raise ValueError(text)
    return datetime.fromtimestamp(value, UTC)


DATE_FORMATS: dict[str, DateParser] = {
    "iso": _parse_iso,  # ISO 8601, also `YYYY-MM-DD HH:MM:SS` and offsets / `Z`
    "dmy": _parse_dmy,  # `DD.MM.YYYY HH:MM[:SS]` (also `/`)
    "unix": _parse_unix,  # Unix seconds
}


def detect_date_format(samples: Iterable[str]) -> str | None:
    """The format that reads most of the non-empty `samples` (a bad row may be among them)."""
    values = [s.strip() for s in samples if s and s.strip()]
    if not values:
        return None
    best, best_hits = None, 0
    for name, parser in DATE_FORMATS.items():
        hits = 0
        for value in values:
            try:
                parser(value)
            except (ValueError, OverflowError):
                continue
            hits += 1
        if hits > best_hits:
            best, best_hits = name, hits
    return best if best_hits * 2 >= len(values) else None


def make_instant_reader(fmt: str, zone: tzinfo | None) -> Callable[[str], datetime]:
    """A reader `text → aware UTC datetime`; naive values are read in `zone`.

    Raises `ValueError` for a bad value and `LookupError` for a naive value without a zone.
    """
    parser = DATE_FORMATS[fmt]

    def read(text: str) -> datetime:
        moment = parser(text.strip())
        if moment.tzinfo is None:
            if zone is None:
                raise LookupError("no time zone")
            moment = moment.replace(tzinfo=zone)
        return moment.astimezone(UTC)

    return read


@lru_cache(maxsize=8192)
def parse_duration(text: str) -> int | None:
    """Seconds from `125`, `125.4`, `HH:MM:SS` or `MM:SS`; None for an empty cell."""
    value = text.strip()
    if not value:
        return None
    if ":" in value:
        parts = value.split(":")
        if len(parts) not in (2, 3) or not all(p.strip().isdigit() for p in parts):
            raise ValueError(text)
        numbers = [int(p) for p in parts]
        if len(numbers) == 2:
            numbers.insert(0, 0)
        hours, minutes, seconds = numbers
        if minutes >= 60 or seconds >= 60:
            raise ValueError(text)
        return hours * 3600 + minutes * 60 + seconds
    seconds_f = float(value.replace(",", "."))
    if seconds_f < 0 or seconds_f != seconds_f:
        raise ValueError(text)
    return round(seconds_f)


ANSWERED = "answered"
MISSED = "missed"
_MISSED_WORDS = (
    "no answer", "noanswer", "no_answer", "not answered", "missed", "busy", "fail", "cancel",
    "reject", "unanswered", "не отвеч", "неотвеч", "пропущ", "занят", "отклон", "недозвон",
    "не дозвон", "не принят", "сброш", "без ответа", "ошибка", "неуспеш", "no_user_response",
    "originator_cancel", "user_busy", "call_rejected",
)  # fmt: skip
_ANSWERED_WORDS = (
    "answered", "answer", "success", "connected", "completed", "отвечен", "принят", "успешн",
    "состоял", "разговор",
)  # fmt: skip


@lru_cache(maxsize=1024)
def parse_status(text: str) -> str | None:
    """`answered` / `missed` from the words platforms use; None when the cell says nothing."""
    value = text.strip().lower()
    if not value:
        return None
    if any(word in value for word in _MISSED_WORDS):
        return MISSED
    if any(word in value for word in _ANSWERED_WORDS):
        return ANSWERED
    return None


INBOUND = "in"
OUTBOUND = "out"
INTERNAL = "internal"
_DIRECTION_WORDS = (
    (INTERNAL, ("internal", "внутр", "local")),
    (INBOUND, ("incoming", "inbound", "вход", "in", "вх")),
    (OUTBOUND, ("outgoing", "outbound", "исход", "out", "исх")),
)


@lru_cache(maxsize=1024)
def parse_direction(text: str) -> str | None:
    """`in` / `out` / `internal` from the words exports use; None when unknown."""
    value = text.strip().lower()
    if not value:
        return None
    for code, words in _DIRECTION_WORDS:
        if value in words or any(len(w) > 3 and w in value for w in words):
            return code
    return None
