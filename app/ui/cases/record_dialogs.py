"""Add or edit an order (with its status events), a statement or a manual timeline event.

Times are entered in the case's local zone. A statement cannot be dated before the case was
received (it is taken during the investigation); orders and events may be earlier, since the
incident precedes the complaint. Errors are explained under the form.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import OrderEventKind, PartyRole
from app.domain.timeutil import now_utc
from app.services.core.dto import (
    CaseDetail,
    ManualEventInfo,
    OrderInfo,
    PartyInfo,
    StatementInfo,
)
from app.services.core.records import EventInput, OrderInput, StatementInput
from app.ui.labels import order_event_label, role_label
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit, format_local
from app.ui.widgets.file_field import FileField
from app.ui.widgets.forms import ErrorLabel, mark_invalid


class _RecordDialog(QDialog):
    """Form + inline error + OK/Cancel, shared by the three dialogs."""

    def __init__(self, detail: CaseDetail, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def time_edit(self, moment: datetime | None, name: str) -> ZonedDateTimeEdit:
        edit = ZonedDateTimeEdit(self.detail.tz, self)
        edit.setObjectName(name)
        edit.set_utc(moment or now_utc())
        return edit

    def party_combo(
        self, selected: int | None, name: str, roles: set[str] | None = None
    ) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("(none)"), None)
        for party in self.detail.parties:
            if roles is None or party.role in roles:
                combo.addItem(_party_text(party), party.id)
        combo.setCurrentIndex(max(0, combo.findData(selected)))
        return combo

    def fail(self, widget: QWidget, message: str) -> None:
        self.error.show_error(message)
        mark_invalid(widget, True)
        widget.setFocus()


def _party_text(party: PartyInfo) -> str:
    return f"{party.name} ({role_label(party.role)})"


class OrderDialog(_RecordDialog):
    def __init__(self, detail: CaseDetail, order: OrderInfo | None, parent: QWidget | None) -> None:
        super().__init__(detail, self.tr("Edit order") if order else self.tr("Add order"), parent)
        self.order = order
        self.number = QLineEdit(order.number if order else "", self)
        self.number.setObjectName("number")
        self.has_slot = QCheckBox(self.tr("Delivery slot known"), self)
        self.slot_start = self.time_edit(order.slot_start if order else None, "slotStart")
        self.slot_end = self.time_edit(order.slot_end if order else None, "slotEnd")
        slot = QHBoxLayout()
        slot.addWidget(self.slot_start, 1)
        slot.addWidget(QLabel("–", self))
        slot.addWidget(self.slot_end, 1)
        self.has_slot.setChecked(bool(order and order.slot_start))
        self.courier = self.party_combo(
            order.courier_party_id if order else None, "courier", {PartyRole.SUBJECT.value}
        )
        self.customer = self.party_combo(
            order.customer_party_id if order else None, "customer", {PartyRole.COMPLAINANT.value}
        )
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        if order and order.address_masked:
            self.address.setPlaceholderText(
                self.tr("Unchanged: %1").replace("%1", order.address_masked)
            )
        self.events = QTableWidget(0, 2, self)
        self.events.setObjectName("orderEvents")
        self.events.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Time")])
        self.events.horizontalHeader().setStretchLastSection(True)
        event_buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add status event"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(lambda: self.add_event_row(OrderEventKind.DELIVERED.value, None))
        remove.clicked.connect(lambda: self.events.removeRow(self.events.currentRow()))
        event_buttons.addWidget(add)
        event_buttons.addWidget(remove)
        event_buttons.addStretch(1)
        self.form.addRow(self.tr("Order number:"), self.number)
        self.form.addRow("", self.has_slot)
        self.form.addRow(self.tr("Slot:"), slot)
        self.form.addRow(self.tr("Courier:"), self.courier)
        self.form.addRow(self.tr("Customer:"), self.customer)
        self.form.addRow(self.tr("Delivery address:"), self.address)
        self.form.addRow(self.tr("Status events:"), self.events)
        self.form.addRow("", event_buttons)
        for event in order.events if order else ():
            self.add_event_row(event.kind, event.at)
        self.has_slot.toggled.connect(self._slot_toggled)
        self._slot_toggled()
        self.finish_layout()

    def _slot_toggled(self) -> None:
        self.slot_start.setEnabled(self.has_slot.isChecked())
        self.slot_end.setEnabled(self.has_slot.isChecked())

    def add_event_row(self, kind: str, at: datetime | None) -> None:
        row = self.events.rowCount()
        self.events.insertRow(row)
        combo = QComboBox(self.events)
        for member in OrderEventKind:
            combo.addItem(order_event_label(member.value), member.value)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        self.events.setCellWidget(row, 0, combo)
        self.events.setCellWidget(row, 1, self.time_edit(at, f"eventTime{row}"))

    def event_rows(self) -> list[tuple[str, datetime]]:
        rows = []
        for row in range(self.events.rowCount()):
            combo = self.events.cellWidget(row, 0)
            edit = self.events.cellWidget(row, 1)
            assert isinstance(combo, QComboBox) and isinstance(edit, ZonedDateTimeEdit)
            rows.append((combo.currentData(), edit.utc()))
        return rows

    def accept(self) -> None:
        if not self.number.text().strip():
            self.fail(self.number, self.tr("The order needs a number."))
            return
        if self.has_slot.isChecked() and self.slot_end.utc() < self.slot_start.utc():
            self.fail(self.slot_end, self.tr("The slot ends before it starts."))
            return
        super().accept()

    def keep_address(self) -> bool:
        return self.order is not None and not self.address.text().strip()

    def order_input(self) -> OrderInput:
        slot = self.has_slot.isChecked()
        return OrderInput(
            number=self.number.text().strip(),
            slot_start=self.slot_start.utc() if slot else None,
            slot_end=self.slot_end.utc() if slot else None,
            courier_party_id=self.courier.currentData(),
            customer_party_id=self.customer.currentData(),
            address=self.address.text().strip(),
            events=tuple(sorted(self.event_rows(), key=lambda e: e[1])),
        )


class StatementDialog(_RecordDialog):
    def __init__(
        self,
        detail: CaseDetail,
        statement: StatementInfo | None,
        investigator: str,
        parent: QWidget | None,
        attachment_name: str = "",
    ) -> None:
        title = self.tr("Edit statement") if statement else self.tr("Add statement")
        super().__init__(detail, title, parent)
        self.party = self.party_combo(statement.party_id if statement else None, "party")
        self.taken_at = self.time_edit(statement.taken_at if statement else None, "takenAt")
        self.taken_by = QLineEdit(statement.taken_by if statement else investigator, self)
        self.taken_by.setObjectName("takenBy")
        self.text = QPlainTextEdit(statement.text if statement else "", self)
        self.text.setObjectName("text")
        self.form.addRow(self.tr("Given by:"), self.party)
        self.form.addRow(self.tr("Taken at:"), self.taken_at)
        self.form.addRow(self.tr("Taken by:"), self.taken_by)
        self.form.addRow(self.tr("Text:"), self.text)
        # The signed copy: an evidence file already stored (its name shown greyed in the
        # empty box), or a new file, chosen or typed, stored on OK.
        self.attachment_id = statement.attachment_id if statement else None
        self.scan_path: Path | None = None
        self.scan = FileField(
            placeholder=attachment_name or self.tr("none"),
            dialog_title=self.tr("Signed copy of the statement"),
            file_filter=self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"),
            name="scan",
            parent=self,
        )
        self.scan.chosen.connect(self.attach_file)
        self.scan.missing.connect(lambda message: self.fail(self.scan.edit, message))
        self.form.addRow(self.tr("Signed copy:"), self.scan)
        self.finish_layout()

    def attach_file(self, path: Path) -> None:
        """Store `path` as the signed copy when the dialog is accepted."""
        self.scan_path = Path(path)
        if self.scan.path != self.scan_path:
            self.scan.set_path(self.scan_path)

    def scan_name(self) -> str:
        """The signed copy's file name as the dialog shows it (a new file, or the stored)."""
        return self.scan_path.name if self.scan_path else self.scan.edit.placeholderText()

    def accept(self) -> None:
        if self.taken_at.utc() < self.detail.received_at:
            self.fail(
                self.taken_at,
                self.tr("A statement cannot be taken before the case was received (%1).").replace(
                    "%1", format_local(self.detail.received_at, self.detail.tz)
                ),
            )
            return
        if not self.taken_by.text().strip():
            self.fail(self.taken_by, self.tr("Say who took the statement."))
            return
        if not self.text.toPlainText().strip():
            self.fail(self.text, self.tr("The statement has no text."))
            return
        typed = self.scan.typed()
        if typed is not None and typed != self.scan_path:  # typed, OK clicked at once
            self.attach_file(typed)
        super().accept()

    def statement_input(self) -> StatementInput:
        return StatementInput(
            party_id=self.party.currentData(),
            taken_at=self.taken_at.utc(),
            taken_by=self.taken_by.text().strip(),
            text=self.text.toPlainText().strip(),
            attachment_id=self.attachment_id,
        )


class EventDialog(_RecordDialog):
    def __init__(
        self, detail: CaseDetail, event: ManualEventInfo | None, parent: QWidget | None
    ) -> None:
        super().__init__(detail, self.tr("Edit event") if event else self.tr("Add event"), parent)
        self.at = self.time_edit(event.at if event else None, "at")
        self.uncertainty = QSpinBox(self)
        self.uncertainty.setObjectName("uncertainty")
        self.uncertainty.setRange(0, 24 * 60)
        self.uncertainty.setSuffix(self.tr(" min"))
        self.uncertainty.setValue((event.uncertainty_s // 60) if event else 0)
        self.source = QLineEdit(event.source if event else "", self)
        self.source.setObjectName("source")
        self.source.setPlaceholderText(self.tr("e.g. complainant's statement"))
        self.party = self.party_combo(event.party_id if event else None, "party")
        self.text = QPlainTextEdit(event.text if event else "", self)
        self.text.setObjectName("text")
        self.form.addRow(self.tr("Time:"), self.at)
        self.form.addRow(self.tr("Uncertainty (±):"), self.uncertainty)
        self.form.addRow(self.tr("Source:"), self.source)
        self.form.addRow(self.tr("Party:"), self.party)
        self.form.addRow(self.tr("What happened:"), self.text)
        self.finish_layout()

    def accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.fail(self.text, self.tr("Describe what happened."))
            return
        super().accept()

    def event_input(self) -> EventInput:
        return EventInput(
            at=self.at.utc(),
            text=self.text.toPlainText().strip(),
            uncertainty_s=self.uncertainty.value() * 60,
            source=self.source.text().strip(),
            party_id=self.party.currentData(),
        )
