"""Calibrating a camera's clock at the frame on screen: "this frame shows true time T".

The dialog shows what the camera's clock reads at that frame, the current correction and its
calibration points; the first point sets the offset, a second one adds drift. The service
records the point and the refitted correction (audited); the player shows the new true time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QWidget,
)

from app.services.video.dto import ClockInfo
from app.ui.video.timefmt import format_clock, format_instant, format_media_time
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit


class CalibrateDialog(QDialog):
    def __init__(
        self,
        clock: ClockInfo,
        media_time_s: float,
        frame: int,
        tz: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calibrateDialog")
        self.setWindowTitle(self.tr("Calibrate the camera clock"))
        self.setMinimumWidth(600)
        camera = clock.camera_time(media_time_s)
        form = QFormLayout(self)
        form.addRow(
            self.tr("Frame"),
            QLabel(f"{frame}  ({format_media_time(media_time_s)})", self),
        )
        form.addRow(
            self.tr("Camera clock shows"),
            QLabel(
                format_instant(camera, tz) if camera else self.tr("unknown (no origin)"),
                self,
            ),
        )
        self.true_time = ZonedDateTimeEdit(tz, self)
        self.true_time.setObjectName("trueTime")
        start = clock.true_time(media_time_s) or camera
        if start is not None:
            self.true_time.set_utc(start)
        self.millis = QSpinBox(self)
        self.millis.setObjectName("trueTimeMillis")
        self.millis.setRange(0, 999)
        self.millis.setSuffix(self.tr(" ms"))
        if start is not None:
            self.millis.setValue(start.microsecond // 1000)
        form.addRow(self.tr("True time (%1)").replace("%1", tz), self.true_time)
        form.addRow("", self.millis)
        self.note = QLineEdit(self)
        self.note.setObjectName("calibrationNote")
        self.note.setPlaceholderText(self.tr("How the true time is known (e.g. order app log)"))
        form.addRow(self.tr("Note"), self.note)
        points = QListWidget(self)
        points.setObjectName("calibrationPoints")
        points.setMaximumHeight(90)
        points.setWordWrap(True)
        points.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for point in clock.points:
            points.addItem(
                self.tr("Frame %1: camera %2 → true %3")
                .replace("%1", str(point.frame_index))
                .replace("%2", format_clock(point.camera_time, tz))
                .replace("%3", format_clock(point.true_time, tz))
            )
        form.addRow(self.tr("Points"), points)
        form.addRow(
            self.tr("Correction"),
            QLabel(
                self.tr("offset %1 s, drift %2 ppm")
                .replace("%1", f"{clock.offset_s:+.3f}")
                .replace("%2", f"{clock.drift_ppm:+.1f}"),
                self,
            ),
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_true_time(self) -> datetime:
        return self.true_time.utc() + timedelta(milliseconds=self.millis.value())
