"""How the player writes media times, instants in a zone, and playback speeds."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def format_media_time(seconds: float) -> str:
    """`H:MM:SS.mmm` for a media time."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def format_instant(moment: datetime, tz: str | None) -> str:
    """An instant in the given zone (UTC if none), to the millisecond, with the zone named."""
    zone = ZoneInfo(tz) if tz else ZoneInfo("UTC")
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M:%S}.{local.microsecond // 1000:03d} {tz or 'UTC'}"


def speed_text(speed: float) -> str:
    magnitude = abs(speed)
    text = f"1/{round(1 / magnitude)}x" if magnitude < 1 else f"{magnitude:g}x"
    return ("-" if speed < 0 else "") + text


def format_clock(moment: datetime, tz: str | None) -> str:
    """`HH:MM:SS.mmm` of an instant in the zone (UTC if none)."""
    local = moment.astimezone(ZoneInfo(tz) if tz else ZoneInfo("UTC"))
    return f"{local:%H:%M:%S}.{local.microsecond // 1000:03d}"
