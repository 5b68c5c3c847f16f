"""Add or edit a manual timeline event: when (in the case's zone) ± how much, what, who said it,
and which party it concerns."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.domain.timeline import utc_offset_label
from app.domain.timeutil import ensure_utc
from app.services.core.records import EventInput


class ManualEventDialog(QDialog):
    def __init__(
        self,
        zone_name: str,
        parties: list[tuple[int, str]],
        at: datetime,
        parent: QWidget | None = None,
        initial: EventInput | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("manualEventDialog")
        self._zone_name = zone_name
        self.setWindowTitle(self.tr("Edit event") if initial else self.tr("Add event"))
        form = QFormLayout(self)
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("eventWhen")
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm:ss")
        self.when.setCalendarPopup(True)
        self.when.setTimeZone(QTimeZone(zone_name.encode()))
        moment = initial.at if initial else at
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(ensure_utc(moment).timestamp())))
        offset = utc_offset_label(moment.timestamp(), zone_name)
        form.addRow(
            self.tr("When (%1, %2)").replace("%1", zone_name).replace("%2", offset), self.when
        )
        self.uncertainty = QSpinBox(self)
        self.uncertainty.setObjectName("eventUncertainty")
        self.uncertainty.setRange(0, 24 * 60)
        self.uncertainty.setSuffix(self.tr(" min"))
        self.uncertainty.setPrefix("± ")
        self.uncertainty.setValue((initial.uncertainty_s if initial else 0) // 60)
        form.addRow(self.tr("Uncertainty"), self.uncertainty)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("eventText")
        self.text.setPlaceholderText(self.tr("What happened, e.g. the courier rang at the door"))
        self.text.setPlainText(initial.text if initial else "")
        form.addRow(self.tr("What happened"), self.text)
        self.source = QLineEdit(initial.source if initial else "", self)
        self.source.setObjectName("eventSource")
        self.source.setPlaceholderText(self.tr("Who reported it, e.g. a neighbour"))
        form.addRow(self.tr("Reported by"), self.source)
        self.party = QComboBox(self)
        self.party.setObjectName("eventParty")
        self.party.addItem(self.tr("Nobody in particular"), None)
        for party_id, name in parties:
            self.party.addItem(name, party_id)
        if initial and initial.party_id is not None:
            self.party.setCurrentIndex(max(0, self.party.findData(initial.party_id)))
        form.addRow(self.tr("Concerns"), self.party)
        self.hint = QLabel(self)
        self.hint.setObjectName("eventHint")
        form.addRow(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.text.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.text.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText("" if ok else self.tr("Describe the event."))

    def moment(self) -> datetime:
        """The chosen instant as aware UTC (the editor shows it in the case's zone)."""
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC)

    def result_input(self) -> EventInput:
        return EventInput(
            at=self.moment(),
            text=self.text.toPlainText().strip(),
            uncertainty_s=self.uncertainty.value() * 60,
            source=self.source.text().strip(),
            party_id=self.party.currentData(),
        )
