"""Calibrating a camera's clock at the frame on screen: "this frame shows true time T".

The dialog shows what the camera's clock reads at that frame, the current correction and its
calibration points; the first point sets the offset, a second one adds drift. The service
records the point and the refitted correction (audited); the player shows the new true time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services.video.dto import ClockInfo
from app.ui.video.timefmt import format_clock, format_media_time
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit

# Runs the OCR of the frame off the GUI thread and calls back with (camera time, text,
# confidence), or with an error message.
Reader = Callable[[Callable[[datetime, str, float], None], Callable[[str], None]], None]


class CalibrateDialog(QDialog):
    def __init__(
        self,
        clock: ClockInfo,
        media_time_s: float,
        frame: int,
        tz: str,
        parent: QWidget | None = None,
        reader: Reader | None = None,
        fallback: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calibrateDialog")
        self.setWindowTitle(self.tr("Calibrate the camera clock"))
        self.setMinimumWidth(600)
        camera = clock.camera_time(media_time_s)
        self._camera_known = camera
        fallback = (fallback or datetime.now(UTC)).replace(microsecond=0)
        form = QFormLayout(self)
        form.addRow(
            self.tr("Frame"),
            QLabel(f"{frame}  ({format_media_time(media_time_s)})", self),
        )
        # The camera's own clock at this frame: what the file says, corrected by the
        # investigator from the overlay, or read off the frame by OCR ("Read from frame").
        self.camera_time = ZonedDateTimeEdit(tz, self)
        self.camera_time.setObjectName("cameraTime")
        self.camera_time.setToolTip(
            self.tr("What the camera's own clock shows on this frame (its burned-in overlay)")
        )
        self.read_button = QPushButton(self.tr("Read from frame"), self)
        self.read_button.setObjectName("readClock")
        self.read_button.setToolTip(self.tr("Read the clock burned into the frame (OCR)"))
        self.read_button.setVisible(reader is not None)
        self.read_status = QLabel(
            "" if camera else self.tr("The camera's clock is not known for this file."), self
        )
        self.read_status.setObjectName("readClockStatus")
        self.read_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.camera_time, 1)
        row.addWidget(self.read_button)
        form.addRow(self.tr("Camera clock shows (%1)").replace("%1", tz), row)
        form.addRow("", self.read_status)
        self.true_time = ZonedDateTimeEdit(tz, self)
        self.true_time.setObjectName("trueTime")
        # Without any reading of the camera's clock both fields start at `fallback` (when the
        # file was acquired or added), never at the editor's empty 01.01.2000.
        start = clock.true_time(media_time_s) or camera or fallback
        self.camera_time.set_utc(camera or fallback)
        self.true_time.set_utc(start)
        self._reader = reader
        if reader is not None:
            self.read_button.clicked.connect(self.read_clock)
            if camera is None:
                self.read_clock()  # nothing to start from: offer what the frame says
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

    def read_clock(self) -> None:
        """Ask for the overlay's reading; it fills the camera time when it arrives."""
        if self._reader is None:
            return
        self.read_button.setEnabled(False)
        self.read_status.setText(self.tr("Reading the camera's clock on the frame…"))
        self._reader(self._clock_read, self._clock_failed)

    def _clock_read(self, camera: datetime, text: str, confidence: float) -> None:
        self.read_button.setEnabled(True)
        self.camera_time.set_utc(camera)
        if self._camera_known is None:
            self.true_time.set_utc(camera)
        self.read_status.setText(
            self.tr("Read on the frame: “%1” (confidence %2%)")
            .replace("%1", text)
            .replace("%2", f"{confidence:.0f}")
        )

    def _clock_failed(self, message: str) -> None:
        self.read_button.setEnabled(True)
        self.read_status.setText(
            self.tr("The clock could not be read on this frame; type what it shows.")
        )
        self.read_status.setToolTip(message)

    def chosen_camera_time(self) -> datetime | None:
        """The camera time entered or read, when it differs from what the file says."""
        entered = self.camera_time.utc()
        known = self._camera_known
        if known is not None and abs((entered - known.replace(microsecond=0)).total_seconds()) < 1:
            return None
        return entered

    def chosen_true_time(self) -> datetime:
        return self.true_time.utc() + timedelta(milliseconds=self.millis.value())
