"""A file to read, chosen in the system's file dialog or typed/pasted as a path: the one row
the import dialogs share (call logs, orders). Quotes around a copied path ("Copy as path" on
Windows) are dropped; a typed path that is no file is reported, not taken."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class FileField(QWidget):
    """Line edit and "Choose…" button. `chosen(Path)` fires for a file chosen or typed;
    `missing(str)` carries the message for a typed path that is no file."""

    chosen = Signal(object)  # Path
    missing = Signal(str)

    def __init__(
        self,
        *,
        placeholder: str,
        dialog_title: str,
        file_filter: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._dialog_title = dialog_title
        self._filter = file_filter
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.editingFinished.connect(self._typed)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName(f"{name}Choose")
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose_button)

    def set_path(self, path: Path) -> None:
        """Show `path` as the chosen file (no signal: the caller acts on it)."""
        self.path = Path(path)
        self.edit.setText(str(self.path))

    def choose(self) -> None:
        """The system's file dialog, opened where the last file was."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self._dialog_title, str(self.path.parent) if self.path else "", self._filter
        )
        if path:
            self._take(Path(path))

    def _typed(self) -> None:
        text = self.edit.text().strip().strip('"').strip("'")
        if not text or (self.path is not None and Path(text) == self.path):
            return
        path = Path(text).expanduser()
        if not path.is_file():
            self.missing.emit(self.tr("There is no file %1").replace("%1", str(path)))
            return
        self._take(path)

    def _take(self, path: Path) -> None:
        self.set_path(path)
        self.chosen.emit(self.path)
