"""What every message parser shares: options, the missing-zone and day-order questions,
local-time conversion and reading text files in whatever encoding they came in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from app.domain import timeutil
from app.domain.errors import ValidationError
from app.domain.phones import normalize


@dataclass(frozen=True)
class ParseOptions:
    """`tz`: the zone of times written without one; `owner`: the phone number (or name) of
    the person whose phone or account the export comes from; `day_first`: the answer to an
    ambiguous `01/02` (None: decide from the file or ask); `region` for national numbers;
    `date`: the day a screenshot shows when it does not say."""

    tz: str | None = None
    owner: str | None = None
    day_first: bool | None = None
    region: str = "RU"
    date: str | None = None


class ZoneNeeded(ValidationError):
    """The file's times carry no zone and none was given (the CLI's `--tz`)."""

    def __init__(self, name: str, example: str) -> None:
        super().__init__(
            f"{name}: the times in this file have no time zone (e.g. {example!r}); "
            "say which with --tz ZONE (e.g. Europe/Moscow)",
            field="tz",
        )


class DayOrderNeeded(ValidationError):
    """Every date in the file reads both ways (`01/02/2025`): day-first or month-first."""

    def __init__(self, name: str, example: str) -> None:
        super().__init__(
            f"{name}: cannot tell whether {example!r} is day/month or month/day from the "
            "whole file; say which with --date-order dmy or --date-order mdy",
            field="day_order",
        )


def local_to_utc(moment: datetime, tz: str) -> datetime:
    """A wall-clock time in `tz` as aware UTC (the later of two readings in a DST fold)."""
    return moment.replace(tzinfo=timeutil.zone(tz)).astimezone(UTC)


def epoch_to_utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def read_text(path: Path) -> str:
    """A text export as str: UTF-8 (with or without BOM) first, else the detected encoding."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ValidationError(f"{Path(path).name}: not a text file", field="file") from None
        return str(best)


@lru_cache(maxsize=65_536)
def phone_or_none(raw: str | None, region: str) -> str | None:
    """E.164 of `raw` when it is a real phone number, else None (names, short codes)."""
    if not raw:
        return None
    phone = normalize(raw, region)
    return phone.e164


def owner_number(options: ParseOptions) -> str | None:
    return phone_or_none(options.owner, options.region)
