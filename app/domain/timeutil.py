"""Time rules: every instant is an aware UTC datetime; zones are IANA names.

Naive datetimes never cross a module boundary: parsers attach the source's zone here and
convert, everything stored and returned is UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import ValidationError


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a ValidationError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"unknown time zone: {name}", field="tz") from exc


def to_utc(moment: datetime, source_zone: str | None = None) -> datetime:
    """Aware UTC from an aware datetime, or from a naive one read in `source_zone`."""
    if moment.tzinfo is None:
        if source_zone is None:
            raise ValidationError(f"time without a zone: {moment.isoformat()}", field="time")
        moment = moment.replace(tzinfo=zone(source_zone))
    return moment.astimezone(UTC)


def parse_iso(text: str, default_zone: str | None = None, field: str = "time") -> datetime:
    """Parse ISO 8601 (`Z` allowed) into aware UTC; a naive value is read in `default_zone`."""
    raw = text.strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError as exc:
        raise ValidationError(f"not an ISO 8601 time: {text!r}", field=field) from exc
    if parsed.tzinfo is None and default_zone is None:
        raise ValidationError(f"time without a zone: {text!r}", field=field)
    if not plausible(parsed):
        raise ValidationError(
            f"{text!r}: a date between {FIRST_YEAR} and {LAST_YEAR} is expected", field=field
        )
    return to_utc(parsed, default_zone)


# A date outside these years in an import or an argument is a typo or a hostile value (a call
# "on 9999-12-31" broke the CSV export): refused with its line.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def plausible(moment: datetime) -> bool:
    """True when `moment` lies within FIRST_YEAR..LAST_YEAR."""
    return FIRST_YEAR <= moment.year <= LAST_YEAR


def iso_utc(moment: datetime | None) -> str | None:
    """`2025-10-09T11:30:00Z` style text for JSON output; None stays None."""
    if moment is None:
        return None
    return ensure_utc(moment).isoformat().replace("+00:00", "Z")


def ensure_utc(moment: datetime) -> datetime:
    """Storage may hand back naive UTC (SQLite); make it aware UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def in_zone(moment: datetime, zone_name: str) -> datetime:
    """The instant shown in the case's display zone."""
    return ensure_utc(moment).astimezone(zone(zone_name))


def now_utc() -> datetime:
    return datetime.now(UTC)
