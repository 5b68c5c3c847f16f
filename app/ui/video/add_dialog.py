"""Adding a file to the case's evidence: which file, its kind, source, provider and zone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.ui.video.evidence_model import ADDABLE_KINDS, kind_label
from app.ui.widgets.file_field import FileField
from app.ui.widgets.forms import ErrorLabel

_VIDEO_SUFFIXES = {".mp4", ".mov", ".avi", ".mkv", ".ts", ".mts", ".h264", ".hevc", ".264"}


@dataclass(frozen=True)
class EvidenceRequest:
    path: Path
    kind: str
    source: str
    provided_by: str
    tz: str


class AddEvidenceDialog(QDialog):
    def __init__(self, case_tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addEvidenceDialog")
        self.setWindowTitle(self.tr("Add evidence file"))
        self.setMinimumWidth(520)
        # Any file may be evidence (a photo, a statement scan); the filter can narrow to videos.
        videos = " ".join(f"*{suffix}" for suffix in sorted(_VIDEO_SUFFIXES))
        self.file = FileField(
            placeholder=self.tr("Path of the file, or choose it"),
            dialog_title=self.tr("Evidence file"),
            file_filter=self.tr("All files (*);;Videos (%1)").replace("%1", videos),
            name="evidencePath",
            parent=self,
        )
        self.path_edit = self.file.edit
        self.file.chosen.connect(self.set_path)
        self.file.missing.connect(self._missing)
        self.kind = QComboBox(self)
        self.kind.setObjectName("evidenceKind")
        for code in ADDABLE_KINDS:
            self.kind.addItem(kind_label(code), code)
        self.source = QLineEdit(self)
        self.source.setObjectName("evidenceSource")
        self.source.setPlaceholderText(self.tr("Vehicle plate or camera name"))
        self.provided_by = QLineEdit(self)
        self.provided_by.setObjectName("evidenceProvidedBy")
        self.tz = QComboBox(self)
        self.tz.setObjectName("evidenceTz")
        self.tz.setEditable(True)
        self.tz.addItems(sorted(z for z in available_timezones() if "/" in z))
        self.tz.setCurrentText(case_tz)
        self.tz.setToolTip(self.tr("Time zone of the camera's clock"))
        self.error = ErrorLabel(self)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), self.file)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Provided by"), self.provided_by)
        form.addRow(self.tr("Time zone"), self.tz)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _missing(self, message: str) -> None:
        self.error.show_error(message)

    def set_path(self, path: Path) -> None:
        """Fill in the file and guess a video kind from its suffix."""
        self.file.set_path(path)
        self.error.clear_error()
        if path.suffix.lower() in _VIDEO_SUFFIXES and self.kind.currentData() not in (
            "dashcam",
            "cctv",
        ):
            self.kind.setCurrentIndex(self.kind.findData("dashcam"))

    def request(self) -> EvidenceRequest:
        return EvidenceRequest(
            path=self.file.typed() or Path(self.path_edit.text().strip().strip('"')),
            kind=str(self.kind.currentData()),
            source=self.source.text().strip(),
            provided_by=self.provided_by.text().strip(),
            tz=self.tz.currentText().strip(),
        )

    def _accept(self) -> None:
        request = self.request()
        if not request.path.is_file():
            self.error.show_error(self.tr("Choose an existing file."))
            return
        if request.tz not in available_timezones():
            self.error.show_error(self.tr("Unknown time zone: %1").replace("%1", request.tz))
            return
        self.accept()
