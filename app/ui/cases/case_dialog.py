"""New case dialog: title, region and its zone, category, complaint source, received time.

The region and zone start from the investigator's defaults (Settings). The received time is
entered in the chosen zone and may not lie in the future.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import Category, ComplaintSource, normalize_region
from app.domain.errors import ValidationError
from app.domain.timeutil import now_utc, zone
from app.services.core.cases import CaseInput
from app.settings import Settings
from app.ui.labels import category_label, source_label
from app.ui.settings_dialog import zone_combo
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit
from app.ui.widgets.forms import ErrorLabel, mark_invalid


class NewCaseDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. Calls to a customer after delivery"))
        self.region = QLineEdit(settings.default_region, self)
        self.region.setObjectName("region")
        self.region.setPlaceholderText(self.tr("e.g. MSK"))
        self.tz = zone_combo(self, settings.default_tz or "Europe/Moscow")
        self.tz.setObjectName("tz")
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for category in Category:
            self.category.addItem(category_label(category.value), category.value)
        self.source = QComboBox(self)
        self.source.setObjectName("source")
        for source in ComplaintSource:
            self.source.addItem(source_label(source.value), source.value)
        self.received = ZonedDateTimeEdit(self.tz.currentText(), self)
        self.received.setObjectName("received")
        self.received.set_utc(now_utc())
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setMaximumHeight(90)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Region code:"), self.region)
        form.addRow(self.tr("Time zone:"), self.tz)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Complaint source:"), self.source)
        form.addRow(self.tr("Received:"), self.received)
        form.addRow(self.tr("Summary:"), self.summary)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.tz.currentTextChanged.connect(self._zone_changed)

    def _zone_changed(self, name: str) -> None:
        try:
            zone(name)
        except ValidationError:
            return
        self.received.set_tz(name)

    def _fail(self, widget: QWidget, message: str) -> None:
        self.error.show_error(message)
        mark_invalid(widget, True)
        widget.setFocus()

    def accept(self) -> None:
        for widget in (self.title, self.region, self.tz):
            mark_invalid(widget, False)
        if not self.title.text().strip():
            self._fail(self.title, self.tr("The case needs a title."))
            return
        try:
            normalize_region(self.region.text())
        except ValidationError:
            self._fail(self.region, self.tr("The region code is one short word without spaces."))
            return
        try:
            zone(self.tz.currentText().strip())
        except ValidationError:
            self._fail(
                self.tz, self.tr("Unknown time zone: %1").replace("%1", self.tz.currentText())
            )
            return
        if self.received.utc() > now_utc() + timedelta(minutes=5):
            self._fail(self.received, self.tr("The complaint cannot be received in the future."))
            return
        super().accept()

    def case_input(self) -> CaseInput:
        return CaseInput(
            title=self.title.text().strip(),
            region=normalize_region(self.region.text()),
            tz=self.tz.currentText().strip(),
            category=self.category.currentData(),
            source=self.source.currentData(),
            received_at=self.received.utc(),
            summary=self.summary.toPlainText().strip(),
        )
