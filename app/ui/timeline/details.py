"""The details pane of the selected event: what, when (case zone and UTC), correction,
uncertainty, source, findings, and the actions on it (open, dossier, edit, delete)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeline import EventKind, TimelineEvent
from app.ui.labels import vocab
from app.ui.timeline.labels import (
    detail_label,
    detail_value,
    display_title,
    duration_text,
    finding_label,
    kind_label,
    local_text,
    party_label,
    source_label,
    utc_text,
)

OPENABLE = ("call:", "order:", "statement:", "evidence:", "event:")
HIDDEN_DETAILS = frozenset(  # already in the title
    {"milestone", "status", "order", "explanation_ru", "explanation_en", "finding"}
)


class EventDetails(QWidget):
    open_clicked = Signal()
    dossier_toggled = Signal(bool)
    edit_clicked = Signal()
    delete_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDetails")
        self.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.body = QLabel(self)
        self.body.setObjectName("timelineDetailsBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        self.dossier = QCheckBox(self.tr("In the dossier"), self)
        self.dossier.setObjectName("timelineInDossier")
        self.dossier.clicked.connect(self.dossier_toggled)
        layout.addWidget(self.dossier)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("timelineOpen")
        self.open_button.setToolTip(self.tr("Show it where it lives (Enter or double-click)"))
        self.open_button.clicked.connect(self.open_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("timelineEdit")
        self.edit_button.clicked.connect(self.edit_clicked)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("timelineDelete")
        self.delete_button.clicked.connect(self.delete_clicked)
        for button in (self.open_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.show_event(None, "UTC")

    def show_event(self, event: TimelineEvent | None, zone_name: str) -> None:
        manual = event is not None and event.kind == EventKind.MANUAL
        self.dossier.setEnabled(event is not None)
        self.dossier.setChecked(bool(event and event.in_dossier))
        self.open_button.setEnabled(event is not None and event.ref.startswith(OPENABLE))
        self.edit_button.setVisible(manual)
        self.delete_button.setVisible(manual)
        if event is None:
            self.body.setText(
                "<p style='color:#607d8b'>"
                + html.escape(self.tr("Select an event to see its details."))
                + "</p>"
            )
            return
        rows = [
            (self.tr("When"), local_text(event.start_utc, zone_name)),
            (self.tr("UTC"), utc_text(event.start_utc)),
        ]
        if event.end_utc is not None and event.end_utc != event.start_utc:
            rows.append((self.tr("Ends"), local_text(event.end_utc, zone_name)))
            rows.append((self.tr("Duration"), duration_text(event.duration_s)))
        if event.uncertainty_s:
            rows.append((self.tr("Uncertainty"), "± " + duration_text(event.uncertainty_s)))
        if event.correction_s:
            sign = "+" if event.correction_s > 0 else "−"
            rows.append((self.tr("Clock correction"), sign + duration_text(event.correction_s)))
        rows.append((self.tr("Source"), source_label(event.source)))
        rows.append((self.tr("Concerns"), party_label(event.party)))
        if event.tags:
            rows.append(
                (vocab("term", "findings"), ", ".join(finding_label(t) for t in event.tags))
            )
        rows.extend(
            (detail_label(code), detail_value(code, value))
            for code, value in event.details
            if value and code not in HIDDEN_DETAILS
        )
        table = "".join(
            f"<tr><td style='color:#546e7a;padding-right:8px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.body.setText(
            f"<p><b>{html.escape(kind_label(event.kind))}</b><br>{html.escape(display_title(event))}</p>"
            f"<table>{table}</table>"
        )
