"""Files dropped onto an open case: one confirmation that lists where each goes (call log,
chat export, video, document), with the camera kind of a video to choose, then one task that
sends them to their intakes (`app.services.dropped`). Each file is added on its own: when
some are refused or the work is cancelled, `DropOutcomeBox` says which went in and which did
not (and why), and offers to send the rest again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dropped import DropOutcome, DroppedFile
from app.ui.labels import vocab
from app.ui.widgets.screen import resize_within_screen


class DropDialog(QDialog):
    def __init__(self, items: list[DroppedFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropDialog")
        self.setWindowTitle(self.tr("Add files to the case"))
        self.items = items
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Each file goes where it belongs; change a video's camera if needed."))
        )
        self.table = QTableWidget(len(items), 2, self)
        self.table.setObjectName("dropTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Goes to")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.kinds: list[QComboBox] = []
        for row, item in enumerate(items):
            name = QTableWidgetItem(item.path.name)
            name.setToolTip(str(item.path))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            combo = QComboBox(self.table)
            for label, kind in self._choices(item):
                combo.addItem(label, kind)
            self.kinds.append(combo)
            self.table.setCellWidget(row, 1, combo)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 640, 120 + 32 * len(items))

    def _choices(self, item: DroppedFile) -> list[tuple[str, str]]:
        if item.intake == "calls":
            return [
                (self.tr("Calls: import the call log"), "calllog"),
                (vocab("evidence", "document"), "document"),
            ]
        if item.intake == "video":
            return [
                (self.tr("Video: %1").replace("%1", vocab("evidence", kind)), kind)
                for kind in ("dashcam", "cctv")
            ] + [(self.tr("Other video (stored, not indexed)"), "other")]
        if item.intake == "messages":
            return [
                (self.tr("Messages: import the chat export"), "chat"),
                (vocab("evidence", "document"), "document"),
            ]
        return [(vocab("evidence", item.kind), item.kind), (vocab("evidence", "other"), "other")]

    def chosen(self) -> list[DroppedFile]:
        """The files as the investigator confirmed them."""
        out = []
        for item, combo in zip(self.items, self.kinds, strict=True):
            kind = combo.currentData()
            intake = item.intake
            if intake in ("calls", "messages") and kind == "document":
                intake = "document"  # stored as a file, not read
            out.append(DroppedFile(item.path, intake, kind))
        return out


class DropOutcomeBox(QMessageBox):
    """Some dropped files did not go in: the ones added, the ones not (with the intake's
    reason), and "Try again" for the rest (the default: nothing is lost by pressing Enter)."""

    def __init__(self, outcome: DropOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropOutcome")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Add files to the case"))
        self.rest = [n.item for n in outcome.not_added]
        self.setText(
            self.tr("%n file(s) added, %1 not added.", "", len(outcome.added)).replace(
                "%1", str(len(self.rest))
            )
        )
        lines = [self.tr("Not added:")]
        for missing in outcome.not_added:
            reason = missing.reason or self.tr("cancelled before it was read")
            lines.append(f"  • {missing.item.path.name} — {reason}")
        if outcome.added:
            lines.append(self.tr("Added:"))
            lines.extend(f"  • {a.path.name}" for a in outcome.added)
        self.setInformativeText(self.tr("Fix the file or try again; the added ones stay."))
        self.setDetailedText("\n".join(lines))
        self.retry = self.addButton(
            self.tr("Try the rest again"), QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.retry)
        # The list is the point of the message: shown, not folded away behind "Show details".
        for button in self.buttons():
            if self.buttonRole(button) == QMessageBox.ButtonRole.ActionRole:
                button.click()


def dropped_paths(urls: list[object]) -> list[Path]:
    """Local files among dropped URLs."""
    out = []
    for url in urls:
        to_local = getattr(url, "toLocalFile", None)
        local = to_local() if callable(to_local) else ""
        if local:
            out.append(Path(local))
    return out
