"""A file to read, chosen in the system's file dialog or typed/pasted as a path: the one row
the import dialogs share (call logs, orders, messages: there a folder too, a Telegram export).
Quotes around a copied path ("Copy as path" on Windows) are dropped; a typed path that is no
file is reported, not taken."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class FileField(QWidget):
    """Line edit and "Choose…" button (and "Folder…" when `folder_title` is given).
    `chosen(Path)` fires for a file (or folder) chosen or typed; `missing(str)` carries the
    message for a typed path that is neither."""

    chosen = Signal(object)  # Path
    missing = Signal(str)

    def __init__(
        self,
        *,
        placeholder: str,
        dialog_title: str,
        file_filter: str,
        name: str,
        folder_title: str = "",
        folder_tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._dialog_title = dialog_title
        self._filter = file_filter
        self._folder_title = folder_title
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
        if folder_title:
            self.folder_button = QPushButton(self.tr("Folder…"), self)
            self.folder_button.setObjectName(f"{name}Folder")
            self.folder_button.setToolTip(folder_tooltip)
            self.folder_button.clicked.connect(self.choose_folder)
            row.addWidget(self.folder_button)

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

    def choose_folder(self) -> None:
        """The system's folder dialog (a Telegram Desktop export is a folder)."""
        start = str(self.path.parent) if self.path else ""
        path = QFileDialog.getExistingDirectory(self, self._folder_title, start)
        if path:
            self._take(Path(path))

    def typed(self) -> Path | None:
        """The path in the box as typed so far, if it names a file (or an allowed folder)."""
        text = self.edit.text().strip().strip('"').strip("'")
        if not text:
            return None
        path = Path(text).expanduser()
        usable = path.is_file() or (bool(self._folder_title) and path.is_dir())
        return path if usable else None

    def _typed(self) -> None:
        text = self.edit.text().strip().strip('"').strip("'")
        if not text or (self.path is not None and Path(text) == self.path):
            return
        path = self.typed()
        if path is None:
            missing = Path(text).expanduser()
            self.missing.emit(self.tr("There is no file %1").replace("%1", str(missing)))
            return
        self._take(path)

    def _take(self, path: Path) -> None:
        self.set_path(path)
        self.chosen.emit(self.path)
