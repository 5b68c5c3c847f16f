"""A date-time editor that shows and returns instants in a given IANA zone (the case's).

Qt's own time-zone handling depends on the platform's zone data; converting through
`zoneinfo` keeps the UI consistent with the domain and the PDF.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from app.domain.timeutil import in_zone, zone

DISPLAY_FORMAT = "dd.MM.yyyy HH:mm:ss"


def format_local(moment: datetime | None, tz: str, seconds: bool = False) -> str:
    """`09.10.2025 14:30` in zone `tz`; empty for None."""
    if moment is None:
        return ""
    return in_zone(moment, tz).strftime("%d.%m.%Y %H:%M:%S" if seconds else "%d.%m.%Y %H:%M")


class ZonedDateTimeEdit(QDateTimeEdit):
    def __init__(self, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)

    @property
    def tz(self) -> str:
        return self._tz

    def set_tz(self, tz: str) -> None:
        """Show the same instant in another zone."""
        moment = self.utc()
        self._tz = tz
        self.set_utc(moment)

    def set_utc(self, moment: datetime) -> None:
        local = in_zone(moment, self._tz)
        self.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute, local.second),
            )
        )

    def utc(self) -> datetime:
        value = self.dateTime()
        d, t = value.date(), value.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
        return local.replace(tzinfo=zone(self._tz)).astimezone(UTC)
