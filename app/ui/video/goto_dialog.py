"""Go to a frame number, a media time, or a true time (e.g. the moment of a call in the log).

A true time is turned into the media time that shows it through the video's clock correction;
without a camera-time origin that choice is disabled and the dialog says why.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from app.services.video.dto import VideoSource
from app.ui.video.timefmt import format_media_time
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit
from app.ui.widgets.forms import ErrorLabel

FRAME, MEDIA_TIME, TRUE_TIME = range(3)


def parse_media_time(text: str) -> float | None:
    """Seconds from `83.5`, `1:23.5` or `0:01:23.500`; None when it is not a time."""
    parts = text.strip().replace(",", ".").split(":")
    if not 1 <= len(parts) <= 3:
        return None
    try:
        values = [float(p) for p in parts]
    except ValueError:
        return None
    if any(v < 0 for v in values) or any(v >= 60 for v in values[1:]):
        return None
    seconds = 0.0
    for value in values:
        seconds = seconds * 60 + value
    return seconds


class GoToDialog(QDialog):
    def __init__(
        self, source: VideoSource, frame: int, tz: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goToDialog")
        self.setWindowTitle(self.tr("Go to"))
        self.source = source
        self.target: int | None = None
        self.mode = QComboBox(self)
        self.mode.setObjectName("goToMode")
        self.mode.addItems([self.tr("Frame number"), self.tr("Media time"), self.tr("True time")])
        self.frame = QSpinBox(self)
        self.frame.setObjectName("goToFrame")
        self.frame.setRange(0, source.index.count - 1)
        self.frame.setValue(frame)
        self.media = QLineEdit(format_media_time(source.index.pts_of(frame)), self)
        self.media.setObjectName("goToMediaTime")
        self.media.setPlaceholderText(self.tr("seconds, or H:MM:SS.mmm"))
        self.true_time = ZonedDateTimeEdit(tz, self)
        self.true_time.setObjectName("goToTrueTime")
        self.millis = QSpinBox(self)
        self.millis.setRange(0, 999)
        self.millis.setSuffix(self.tr(" ms"))
        shown = source.clock.true_time(source.index.pts_of(frame))
        if shown is not None:
            self.true_time.set_utc(shown)
            self.millis.setValue(shown.microsecond // 1000)
        true_row = QWidget(self)
        row = QHBoxLayout(true_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.true_time, 1)
        row.addWidget(self.millis)
        self.fields = QStackedWidget(self)
        for widget in (self.frame, self.media, true_row):
            self.fields.addWidget(widget)
        self.mode.currentIndexChanged.connect(self.fields.setCurrentIndex)
        self.error = ErrorLabel(self)
        if source.clock.camera_origin is None:
            self.mode.model().item(TRUE_TIME).setEnabled(False)  # type: ignore[attr-defined]
            self.mode.setToolTip(self.tr("True time needs the camera clock's origin"))
        form = QFormLayout(self)
        form.addRow(self.tr("Go to"), self.mode)
        form.addRow("", self.fields)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        index = self.source.index
        mode = self.mode.currentIndex()
        if mode == FRAME:
            self.target = self.frame.value()
        elif mode == MEDIA_TIME:
            seconds = parse_media_time(self.media.text())
            if seconds is None:
                self.error.show_error(self.tr("Type seconds (83.5) or H:MM:SS.mmm (0:01:23.500)."))
                return
            self.target = self._inside(seconds)
        else:
            moment = self.true_time.utc() + timedelta(milliseconds=self.millis.value())
            seconds = self.source.clock.media_time(moment)
            self.target = None if seconds is None else self._inside(seconds)
        if self.target is None:
            return
        self.target = min(max(self.target, 0), index.count - 1)
        self.accept()

    def _inside(self, seconds: float) -> int | None:
        """The frame at `seconds`, or None (with a message) outside the recording."""
        if not 0 <= seconds < self.source.index.duration_s:
            self.error.show_error(
                self.tr("That moment is outside this recording (%1 long).").replace(
                    "%1", format_media_time(self.source.index.duration_s)
                )
            )
            return None
        return self.source.index.frame_at(seconds)
