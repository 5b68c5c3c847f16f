"""The filters above the chat: words in the text, the sender, flagged messages only, and a
period of days in the case's zone. Edits are collected for a moment before
`changed(MessageFilter)` fires (`FilterBar`); Enter in the search applies at once."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

from app.domain.timeutil import zone
from app.services.messages.dto import MessageFilter, SenderView
from app.ui.widgets.filter_bar import FilterBar


class MessageFilterBar(FilterBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = "UTC"
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.search = self.text_field("messageSearch", self.tr("Search the text (Ctrl+F)"))
        self.sender_box = self.any_combo("messageSender", self.tr("All senders"), "")
        self.flagged = self.check("messageFlagged", self.tr("Flagged only"))
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        self.period = self.check("messagePeriod", self.tr("From"), self.since, self.until)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.dateChanged.connect(self.later_if(self.period))
        bar.addWidget(self.search, 2)
        bar.addWidget(self.sender_box, 1)
        bar.addWidget(self.flagged)
        bar.addWidget(self.period)
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.until)

    def set_senders(self, senders: list[SenderView]) -> None:
        """Offer the case's senders (with their numbers); keeps the chosen one."""
        items = [
            (
                s.sender
                if not s.sender_number or s.sender == s.sender_number
                else f"{s.sender} ({s.sender_number})",
                s.sender,
            )
            for s in senders
        ]
        if self.refill(self.sender_box, items):
            self.later()

    def set_span(self, first: datetime, last: datetime) -> None:
        """Offer the shown messages' days as the period (unless a period is in use)."""
        if self.period.isChecked():
            return
        for edit, moment in ((self.since, first), (self.until, last)):
            local = moment.astimezone(zone(self.tz))
            edit.blockSignals(True)
            edit.setDate(QDate(local.year, local.month, local.day))
            edit.blockSignals(False)

    def current_filter(self) -> MessageFilter:
        since = until = None
        if self.period.isChecked():
            since = self._day_start(self.since.date())
            until = self._day_start(self.until.date()) + timedelta(days=1)
        return MessageFilter(
            flagged=self.flagged.isChecked(),
            sender=self.sender_box.currentData() or "",
            search=self.search.text().strip(),
            since=since,
            until=until,
        )

    def reset(self) -> None:
        """Every message again, without a `changed` (the caller reloads)."""
        self.cancel_pending()

        def clear() -> None:
            self.search.clear()
            self.sender_box.setCurrentIndex(0)
            self.flagged.setChecked(False)
            self.period.setChecked(False)
            self.since.setEnabled(False)
            self.until.setEnabled(False)

        self.quietly((self.search, self.sender_box, self.flagged, self.period), clear)

    def _day_start(self, day: QDate) -> datetime:
        return datetime(day.year(), day.month(), day.day(), tzinfo=zone(self.tz))
