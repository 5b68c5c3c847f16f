"""Choosing what to import: the file (or Telegram export folder), its format, the zone of
its times (the case's zone offered, the investigator confirms), whose phone it is from, and
the answers to the questions a file may raise (date order, a screenshot's day)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeline import RUSSIAN_ZONES
from app.services.messages.dto import ImportRequest
from app.ui.widgets.file_field import FileField

FORMATS = ("auto", "telegram-json", "telegram-html", "whatsapp", "sms-xml", "screenshot")


class MessagesImportDialog(QDialog):
    def __init__(self, case_tz: str, owners: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import messages"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file = FileField(
            placeholder=self.tr("Chat export, zip, SMS backup or screenshot"),
            dialog_title=self.tr("Chat export"),
            file_filter=self.tr(
                "Exports (*.json *.html *.txt *.zip *.xml *.png *.jpg *.jpeg);;All files (*)"
            ),
            name="messagesPath",
            folder_title=self.tr("Telegram export folder"),
            folder_tooltip=self.tr("A Telegram Desktop export folder"),
            parent=self,
        )
        form.addRow(self.tr("Source:"), self.file)
        self.format = QComboBox(self)
        self.format.setObjectName("messagesFormat")
        labels = {
            "auto": self.tr("Recognise"),
            "telegram-json": self.tr("Telegram Desktop, JSON"),
            "telegram-html": self.tr("Telegram Desktop, HTML"),
            "whatsapp": self.tr("WhatsApp chat export"),
            "sms-xml": self.tr("SMS Backup & Restore XML"),
            "screenshot": self.tr("Screenshot (OCR)"),
        }
        for code in FORMATS:
            self.format.addItem(labels[code], code)
        form.addRow(self.tr("Format:"), self.format)
        self.tz = QComboBox(self)
        self.tz.setObjectName("messagesZone")
        self.tz.setEditable(True)
        zones = [z for z, _ in RUSSIAN_ZONES] + ["UTC"]
        if case_tz not in zones:
            zones.insert(0, case_tz)
        self.tz.addItems(zones)
        self.tz.setCurrentText(case_tz)
        self.tz.setToolTip(
            self.tr("The zone of times written without one (WhatsApp, screenshots, old exports)")
        )
        form.addRow(self.tr("Time zone of the file:"), self.tz)
        self.owner = QComboBox(self)
        self.owner.setObjectName("messagesOwner")
        self.owner.setEditable(True)
        self.owner.addItem("")
        self.owner.addItems(owners)
        self.owner.setToolTip(
            self.tr("Whose phone the export is from: a phone number or the name the chat uses")
        )
        form.addRow(self.tr("Owner of the phone:"), self.owner)
        self.order = QComboBox(self)
        self.order.setObjectName("messagesDateOrder")
        self.order.addItem(self.tr("Decide from the file"), None)
        self.order.addItem(self.tr("Day first (31.12.2025)"), True)
        self.order.addItem(self.tr("Month first (12/31/2025)"), False)
        form.addRow(self.tr("Date order:"), self.order)
        self.day = QLineEdit(self)
        self.day.setObjectName("messagesScreenshotDay")
        self.day.setPlaceholderText(self.tr("YYYY-MM-DD, when a screenshot shows no date"))
        form.addRow(self.tr("Screenshot's day:"), self.day)
        self.provided_by = QLineEdit(self)
        self.provided_by.setPlaceholderText(self.tr("e.g. the complainant, by e-mail"))
        form.addRow(self.tr("Handed over by:"), self.provided_by)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.file.edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.file.typed() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def set_day_first(self, value: bool) -> None:
        self.order.setCurrentIndex(1 if value else 2)

    def request(self) -> tuple[Path, ImportRequest]:
        path = self.file.typed()
        assert path is not None  # OK is enabled only for a path that is there
        return path, ImportRequest(
            fmt=self.format.currentData(),
            tz=self.tz.currentText().strip() or None,
            owner=self.owner.currentText().strip() or None,
            day_first=self.order.currentData(),
            date=self.day.text().strip() or None,
            provided_by=self.provided_by.text().strip(),
        )
