"""The evidence files of a case as a table: name, kind, source, duration, size.

Rows are `VideoEvidence` results of the video service (plain data); the model only adapts them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.video.dto import VideoEvidence
from app.ui.labels import vocab

ADDABLE_KINDS = ("dashcam", "cctv", "photo", "document", "statement", "audio", "other")

_Index = QModelIndex | QPersistentModelIndex


def kind_label(code: str) -> str:
    return vocab("evidence", code)


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


def duration_text(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class EvidenceModel(QAbstractTableModel):
    NAME, KIND, SOURCE, DURATION, SIZE = range(5)
    EvidenceRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[VideoEvidence] = []

    def set_rows(self, rows: list[VideoEvidence]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, evidence_id: int) -> int | None:
        for n, row in enumerate(self._rows):
            if row.evidence.id == evidence_id:
                return n
        return None

    def evidence_at(self, row: int) -> VideoEvidence:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("File"),
            self.tr("Kind"),
            self.tr("Source"),
            self.tr("Duration"),
            self.tr("Size"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == self.EvidenceRole:
            return item
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DURATION, self.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        evidence, media = item.evidence, item.media
        if column == self.NAME:
            return evidence.original_name
        if column == self.KIND:
            return kind_label(evidence.kind)
        if column == self.SOURCE:
            return evidence.source
        if column == self.DURATION:
            return duration_text(media.duration_s) if media is not None else ""
        return size_text(evidence.size)

    def _tooltip(self, item: VideoEvidence) -> str:
        lines = [item.evidence.original_name, f"SHA-256 {item.evidence.sha256}"]
        media = item.media
        if media is not None:
            lines.append(
                self.tr("%1, %2x%3, %4 fps, %5 frames")
                .replace("%1", f"{media.container} / {media.codec}")
                .replace("%2", str(media.width))
                .replace("%3", str(media.height))
                .replace("%4", f"{media.fps:g}")
                .replace("%5", str(media.frames))
            )
        return "\n".join(lines)
