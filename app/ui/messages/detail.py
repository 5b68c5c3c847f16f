"""The message on the side of the chat: when it was sent (in the case's zone), by whom, from
which source, its flagged words, its text, and the picture it was read from (a screenshot, with
the recognised region outlined) or its first picture attachment, with the file's SHA-256."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.services.core import evidence_files
from app.services.messages.dto import MessageView
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.widgets.datetime_edit import format_local


def category_label(code: str) -> str:
    labels = {
        "obscene": QCoreApplication.translate("MessageDetail", "obscenities"),
        "insult": QCoreApplication.translate("MessageDetail", "insults"),
        "threat": QCoreApplication.translate("MessageDetail", "threats"),
    }
    return labels.get(code, code)


class MessageDetail(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("messageDetails")
        self.text.setReadOnly(True)
        self.picture = QLabel(self)
        self.picture.setObjectName("messagePreview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumHeight(120)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.picture, 2)
        layout.addWidget(self.note)

    def show_message(self, view: MessageView | None, tz: str) -> None:
        self.picture.clear()
        self.note.clear()
        if view is None:
            self.text.setPlainText("")
            return
        sent, sender, source = self.tr("Sent"), self.tr("Sender"), self.tr("Source")
        number = (
            f" · {view.sender_number}"
            if view.sender_number and view.sender_number != view.sender
            else ""
        )
        lines = [
            f"{sent}: {format_local(view.sent_utc, tz, seconds=True)} ({tz})",
            f"{sender}: {view.sender}{number}",
            f"{source}: {view.source}",
        ]
        if view.flags:
            lines.append(self.tr("Flagged words:"))
            lines += [f"  {category_label(f.category)}: {f.word}" for f in view.flags]
        if view.from_screenshot:
            lines.append(self.tr("Read from a screenshot by OCR: check it against the picture."))
        lines += ["", view.text]
        self.text.setPlainText("\n".join(lines))
        if view.screenshot_id is not None:
            self.load_picture(view.screenshot_id, view.region)
        else:
            picture = next((a for a in view.attachments if a.evidence_id is not None), None)
            if picture is not None and picture.evidence_id is not None:
                self.load_picture(picture.evidence_id, None)

    def load_picture(self, evidence_id: int, region: tuple[int, ...] | None) -> None:
        """Show a stored picture (read on the read pool), `region` outlined in red."""
        ctx = self.env.ctx

        def load(_p: object) -> tuple[Path, str, str]:
            info = evidence_files.get_evidence(ctx, evidence_id)
            return evidence_files.evidence_path(ctx, info), info.original_name, info.sha256

        self.env.tasks.run_read(
            load, lambda r: self._show_picture(r[0], r[1], r[2], region), self._failed
        )

    def _show_picture(
        self, path: Path, name: str, sha: str, region: tuple[int, ...] | None
    ) -> None:
        pixmap = QPixmap(str(path))
        self.note.setText(f"{name}\nSHA-256 {sha}")
        if pixmap.isNull():
            self.picture.setText(self.tr("No preview for this file"))
            return
        if region:
            painter = QPainter(pixmap)
            painter.setPen(QPen(Qt.GlobalColor.red, 4))
            left, top, right, bottom = region[:4]
            painter.drawRect(left - 4, top - 4, right - left + 8, bottom - top + 8)
            painter.end()
        self.picture.setPixmap(
            pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
