"""Cell readers: instants in the formats exports use, durations, call status and direction.

Date formats are detected per column from a sample (`detect_date_format`) and then read with
one fast parser per row. Every reader raises `ValueError` on a bad cell; the row parser turns
that into a reason code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache

from app.domain.calls.records import epoch_us
from app.domain.timeutil import FIRST_YEAR, LAST_YEAR, plausible

# A parser returns an aware datetime, or a naive one that the caller localizes.
DateParser = Callable[[str], datetime]

# Day, month and year in any order with `.`, `/` or `-`, then an optional time of day that
# may be a 12-hour clock (`PM`, `pm`, `p. m.`).
_DATE_TIME = re.compile(
    r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,6}))?"
    r"\s*([ap])?\.?\s*(?:m\.?)?)?$",
    re.IGNORECASE,
)
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _ordered(order: str) -> DateParser:
    """A parser of `D.M.Y`, `M/D/Y` or `Y/M/D` dates (with or without a time of day)."""

    def parse(text: str) -> datetime:
        match = _DATE_TIME.match(text)
        if match is None:
            raise ValueError(text)
        first, second, third, hour, minute, sec, frac, half = match.groups()
        if order == "ymd":
            if len(first) != 4:
                raise ValueError(text)
            year, month, day = first, second, third
        else:
            if len(third) != 4:
                raise ValueError(text)
            year = third
            day, month = (first, second) if order == "dmy" else (second, first)
        h = int(hour or 0)
        if half:
            if not 1 <= h <= 12:
                raise ValueError(text)
            h = h % 12 + (12 if half.lower() == "p" else 0)
        micro = int((frac or "0").ljust(6, "0")[:6])
        return datetime(int(year), int(month), int(day), h, int(minute or 0), int(sec or 0), micro)

    return parse


def _parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _parse_unix(text: str) -> datetime:
    value = float(text)
    if not 946_684_800 <= value < 2_208_988_800:  # 2000 … 2040: else a number, not an instant
        raise ValueError(text)
    return datetime.fromtimestamp(value, UTC)


def _parse_unix_ms(text: str) -> datetime:
    if not text.isdigit() or not 946_684_800_000 <= int(text) < 2_208_988_800_000:
        raise ValueError(text)
    return datetime.fromtimestamp(int(text) / 1000, UTC)


def _parse_excel(text: str) -> datetime:
    """An Excel serial day number (days since 1899-12-30, the time as the fraction)."""
    value = float(text.replace(",", "."))
    if not 25_000 < value < 80_000 or "." not in text.replace(",", "."):
        raise ValueError(text)  # 1968 … 2119, and a time of day: a bare integer is no instant
    return _EXCEL_EPOCH + timedelta(seconds=round(value * 86_400))  # serials carry float noise


def _parse_rfc2822(text: str) -> datetime:
    """`Tue, 10 Aug 2010 08:02:17 +0000` (e-mail dates, Twilio's API)."""
    if "," not in text[:5]:
        raise ValueError(text)
    try:
        return parsedate_to_datetime(text)
    except (TypeError, IndexError) as exc:
        raise ValueError(text) from exc


DATE_FORMATS: dict[str, DateParser] = {
    "iso": _parse_iso,  # ISO 8601, also `YYYY-MM-DD HH:MM:SS`, `T`, `Z` and offsets
    "dmy": _ordered("dmy"),  # `DD.MM.YYYY HH:MM[:SS]` (also `/` and `-`), 12-hour clocks
    "mdy": _ordered("mdy"),  # `MM/DD/YYYY hh:mm:ss PM`
    "ymd": _ordered("ymd"),  # `YYYY/MM/DD HH:MM:SS` (3CX)
    "unix": _parse_unix,  # Unix seconds
    "unix_ms": _parse_unix_ms,  # Unix milliseconds (Android)
    "excel": _parse_excel,  # Excel serial days
    "rfc2822": _parse_rfc2822,
}
DATE_ORDERS = ("dmy", "mdy")


def detect_date_format(samples: Iterable[str], order: str | None = None) -> str | None:
    """The format that reads most of the non-empty `samples` (a bad row may be among them).

    Day-first and month-first dates are told apart by the data (a 13th of a month, a
    month above 12); `order` decides when the data cannot, else day-first (the Russian
    and European way) wins a tie — see `ambiguous_day_month`."""
    values = [s.strip() for s in samples if s and s.strip()]
    if not values:
        return None
    best, best_hits = None, 0
    for name, parser in DATE_FORMATS.items():
        if order is not None and name in DATE_ORDERS and name != order:
            continue
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


def ambiguous_day_month(samples: Iterable[str]) -> bool:
    """True when `samples` read as day-first and as month-first alike (`04/05/2020`):
    the file cannot tell, the user must. Dotted dates are always day-first."""
    values = [s.strip() for s in samples if s and s.strip()]
    if not values or all("." in v.split(" ")[0] for v in values):
        return False
    for order in DATE_ORDERS:
        try:
            for value in values:
                DATE_FORMATS[order](value)
        except (ValueError, OverflowError):
            return False
    return True


def make_instant_reader(fmt: str, zone: tzinfo | None) -> Callable[[str], datetime]:
    """A reader `text → aware UTC datetime`; naive values are read in `zone`.

    Raises `ValueError` for a bad value and `LookupError` for a naive value without a zone.
    """
    read_whole = _whole_reader(fmt, zone)

    # The rows of a busy log share their minutes: a value ending in `HH:MM:SS` is read as its
    # minute (parsed and put in UTC once) plus its seconds — no zone changes its offset
    # inside a minute. Anything else (fractions, 12-hour clocks, offsets) is read whole.
    minutes: dict[str, datetime] = {}

    def read(text: str) -> datetime:
        if len(text) < 8 or text[-3] != ":" or text[-6] != ":":
            return read_whole(text)
        tens, ones = text[-2], text[-1]
        if not ("0" <= tens <= "5" and "0" <= ones <= "9"):
            return read_whole(text)
        head = text[:-3]
        minute = minutes.get(head)
        if minute is None:
            minute = read_whole(head + ":00")
            if len(minutes) >= MINUTES_KEPT:
                minutes.clear()
            minutes[head] = minute
        return minute + timedelta(seconds=int(tens + ones))

    return read


MINUTES_KEPT = 100_000


def _whole_reader(fmt: str, zone: tzinfo | None) -> Callable[[str], datetime]:
    parser = DATE_FORMATS[fmt]

    def read_whole(text: str) -> datetime:
        moment = parser(text.strip())
        if moment.tzinfo is None:
            if zone is None:
                raise LookupError("no time zone")
            moment = moment.replace(tzinfo=zone)
        if not plausible(moment):
            raise ValueError(f"{text}: outside {FIRST_YEAR}–{LAST_YEAR}")
        return moment.astimezone(UTC)

    return read_whole


def make_minute_reader(fmt: str, zone: tzinfo | None) -> Callable[[str], int | None]:
    """A reader of minute heads for column-wise imports: `head` is a value without its two
    seconds digits (`01.09.2025 08:00:`); the result is that minute in microseconds since
    the Unix epoch (UTC), or None when the head is no `…HH:MM:` minute or does not read —
    such a value is read whole, row by row, as `make_instant_reader` would."""
    read_whole = _whole_reader(fmt, zone)

    def read(head: str) -> int | None:
        if len(head) < 6 or head[-1] != ":" or head[-4] != ":":
            return None
        try:
            return epoch_us(read_whole(head + "00"))
        except (ValueError, OverflowError, LookupError):
            return None

    return read


MAX_CALL_S = 7 * 24 * 3600


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
        if minutes >= 60 or seconds >= 60 or hours * 3600 > MAX_CALL_S:
            raise ValueError(text)
        return hours * 3600 + minutes * 60 + seconds
    seconds_f = float(value.replace(",", "."))
    # 99999999999999999999 or "inf" would overflow the database column: no call lasts a week.
    if not 0 <= seconds_f <= MAX_CALL_S:
        raise ValueError(text)
    return round(seconds_f)


ANSWERED = "answered"
MISSED = "missed"
_MISSED_WORDS = (
    "no answer", "noanswer", "no_answer", "no-answer", "not answered", "missed", "busy", "fail",
    "cancel",
    "reject", "unanswered", "не отвеч", "неотвеч", "пропущ", "занят", "отклон", "недозвон",
    "не дозвон", "не принят", "сброш", "без ответа", "ошибка", "неуспеш", "no_user_response",
    "originator_cancel", "user_busy", "call_rejected",
)  # fmt: skip
_ANSWERED_WORDS = (
    "answered", "answer", "success", "connected", "completed", "отвечен", "принят", "успешн",
    "normal_clearing",
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
