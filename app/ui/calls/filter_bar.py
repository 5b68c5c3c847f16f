"""The filters above the call table: number (any run of digits), time range in the case's
zone, direction, status, order and party. Edits are collected for a moment before
`changed(CallFilter)` fires (`FilterBar`), so typing a number runs one query, not one per key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from app.services.calls.dto import CallFilter
from app.services.core.dto import PartyInfo
from app.ui.calls.labels import DIRECTIONS, STATUSES, direction_label, status_label
from app.ui.labels import role_label
from app.ui.widgets.compact import compact
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit
from app.ui.widgets.filter_bar import FilterBar


class CallFilterBar(FilterBar):
    def __init__(self, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Two rows: the tab must fit a 1366-pixel laptop screen beside the case list.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        when = QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(when)

        self.number = self.text_field(
            "filterNumber",
            self.tr("Number digits"),
            self.tr("Any run of digits of a number, e.g. 4567 or 916123"),
        )
        self.number.setMinimumWidth(150)
        self.number.setMaximumWidth(200)
        layout.addWidget(self.number)

        now = datetime.now(UTC).replace(microsecond=0)
        self.start_from = ZonedDateTimeEdit(tz, self)
        self.start_from.setObjectName("filterFrom")
        self.start_from.set_utc(now - timedelta(days=30))
        self.use_from = self.check("filterUseFrom", self.tr("From"), self.start_from)
        self.start_to = ZonedDateTimeEdit(tz, self)
        self.start_to.setObjectName("filterTo")
        self.start_to.set_utc(now)
        self.use_to = self.check("filterUseTo", self.tr("to"), self.start_to)
        for box, edit in ((self.use_from, self.start_from), (self.use_to, self.start_to)):
            edit.dateTimeChanged.connect(self.later_if(box))
            when.addWidget(box)
            when.addWidget(edit)

        self.direction = self.any_combo("filterDirection", self.tr("Any direction"))
        for code in DIRECTIONS:
            self.direction.addItem(direction_label(code), code)
        self.status = self.any_combo("filterStatus", self.tr("Any status"))
        for code in STATUSES:
            self.status.addItem(status_label(code), code)
        layout.addWidget(self.direction)
        layout.addWidget(self.status)

        self.order = self.text_field("filterOrder", self.tr("Order number"))
        self.order.setMaximumWidth(140)
        layout.addWidget(self.order)

        self.party = compact(self.any_combo("filterParty", self.tr("Any party")), 14)
        self.party.setMaximumWidth(260)
        layout.addWidget(self.party)

        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        when.addWidget(self.clear_button)
        when.addStretch(1)
        layout.addStretch(1)

    # --- public -----------------------------------------------------------------------------
    def set_tz(self, tz: str) -> None:
        self.start_from.set_tz(tz)
        self.start_to.set_tz(tz)

    def set_span(self, first: datetime, last: datetime) -> None:
        """Offer the span of the case's calls in the time editors (unless a range is in use)."""
        for check, edit, moment in (
            (self.use_from, self.start_from, first.replace(second=0)),
            (self.use_to, self.start_to, last.replace(second=0) + timedelta(minutes=1)),
        ):
            if not check.isChecked():
                edit.blockSignals(True)
                edit.set_utc(moment)
                edit.blockSignals(False)

    def set_parties(self, parties: list[PartyInfo]) -> None:
        """Offer the case's parties; keeps the chosen one when it is still there."""
        items = [(f"{party.name} ({role_label(party.role)})", party.id) for party in parties]
        if self.refill(self.party, items):
            self.later()

    def current_filter(self) -> CallFilter:
        digits = "".join(ch for ch in self.number.text() if ch.isdigit())
        return CallFilter(
            number=digits or None,
            start_from=self.start_from.utc() if self.use_from.isChecked() else None,
            start_to=self.start_to.utc() if self.use_to.isChecked() else None,
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            order=self.order.text().strip() or None,
            party_id=self.party.currentData(),
        )

    def is_default(self) -> bool:
        return self.current_filter() == CallFilter()

    def clear(self) -> None:
        """Back to every call of the case; one `changed` follows."""
        fields = (self.number, self.order, self.use_from, self.use_to, self.direction)

        def reset() -> None:
            self.number.clear()
            self.order.clear()
            self.use_from.setChecked(False)
            self.use_to.setChecked(False)
            self.start_from.setEnabled(False)
            self.start_to.setEnabled(False)
            for combo in (self.direction, self.status, self.party):
                combo.setCurrentIndex(0)

        self.quietly((*fields, self.status, self.party), reset)
        self.emit_now()
