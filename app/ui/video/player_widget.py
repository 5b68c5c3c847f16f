"""The review player: picture, time overlay, transport, viewing levels and the scrubber.

Keys (the picture or any control of the player focused): Space play/pause; J/K/L backwards,
pause, forwards (again: faster, up to 16x; with Shift: slower, down to 1/8x); Left/Right one
frame; Shift+Left/Right one second; Ctrl+Left/Right ten seconds; Home/End; +/- zoom, 0 fit;
[ and ] previous/next activity; I overlay on/off; Ctrl+G go to a frame, media or true time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QHideEvent, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.video.clock import calibrate
from app.services.video.clock_reading import read_camera_clock
from app.services.video.dto import ClockInfo, VideoSource
from app.services.video.intake import record_frame_export, write_frame
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.tasks import Task
from app.ui.video.clock_dialog import CalibrateDialog
from app.ui.video.goto_dialog import GoToDialog
from app.ui.video.player import Player
from app.ui.video.scrubber import Scrubber
from app.ui.video.sound import SoundOutput
from app.ui.video.strip_tasks import StripFeeder
from app.ui.video.timefmt import format_instant, format_media_time, speed_text
from app.ui.video.view import FrameView
from app.ui.widgets import save_path


class PlayerWidget(QWidget):
    """One video on screen; `open_source` shows a video, `player` drives it."""

    region_drawn = Signal(QRect)  # a rectangle drawn on the picture, in frame pixels
    position_changed = Signal(int)
    clock_changed = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerWidget")
        self.env = env
        self.source: VideoSource | None = None
        self.tz: str | None = None  # zone the clocks are shown in
        self.player = Player(self)
        self.sound = SoundOutput(self)
        self.view = FrameView(self)
        self.scrubber = Scrubber(self)
        self.feeder = StripFeeder(env, self.scrubber, self)
        self.status = QLabel(self)
        self.status.setObjectName("playerStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._build_transport()
        self._build_levels()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.scrubber)
        # Two rows, so that the player fits beside the evidence list and the annotations.
        first = QHBoxLayout()
        first.addLayout(self._transport)
        first.addStretch(1)
        first.addLayout(self._levels)
        second = QHBoxLayout()
        second.addLayout(self._tools)
        second.addSpacing(12)
        second.addWidget(self.status, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        self.player.frame_shown.connect(self._on_frame)
        self.player.position_changed.connect(self._on_position)
        self.player.state_changed.connect(self._update_state)
        self.player.error.connect(self._on_error)
        self.player.clock_started.connect(self.sound.follow)
        self.player.clock_stopped.connect(self.sound.stop)
        self.sound.state_changed.connect(self._update_sound)
        self.sound.failed.connect(self.status.setText)
        self.scrubber.seek_requested.connect(self.player.seek_time)
        self.view.region_drawn.connect(self.region_drawn)
        self.feeder.activity_found.connect(self._on_activity)
        self.feeder.scan_failed.connect(self._on_scan_failed)
        self.feeder.thumbnails_failed.connect(self.status.setText)
        # Background tasks of a player that goes away are cancelled (the list outlives it).
        self.destroyed.connect(partial(_cancel_all, self.feeder.running))
        self._update_state()

    # --- building -------------------------------------------------------------------------
    def _button(
        self, icon: QStyle.StandardPixmap, tip: str, slot: object, name: str
    ) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _text_button(self, text: str, tip: str, slot: object, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _build_transport(self) -> None:
        sp = QStyle.StandardPixmap
        p = self.player
        self._transport = QHBoxLayout()
        self.play_button = self._button(
            sp.SP_MediaPlay, self.tr("Play / pause (Space)"), p.toggle, "playButton"
        )
        buttons = [
            self._button(sp.SP_MediaSkipBackward, self.tr("Start (Home)"), p.home, "homeButton"),
            self._button(
                sp.SP_MediaSeekBackward,
                self.tr("Back 10 s (Ctrl+Left)"),
                lambda: p.jump(-10),
                "back10Button",
            ),
            self._button(
                sp.SP_ArrowLeft, self.tr("Previous frame (Left)"), lambda: p.step(-1), "prevFrame"
            ),
            self.play_button,
            self._button(
                sp.SP_ArrowRight, self.tr("Next frame (Right)"), lambda: p.step(1), "nextFrame"
            ),
            self._button(
                sp.SP_MediaSeekForward,
                self.tr("Forward 10 s (Ctrl+Right)"),
                lambda: p.jump(10),
                "fwd10Button",
            ),
            self._button(sp.SP_MediaSkipForward, self.tr("End (End)"), p.end, "endButton"),
        ]
        for button in buttons:
            self._transport.addWidget(button)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setToolTip(self.tr("Speed: J / K / L, slower with Shift+J / Shift+L"))
        self.speed_label.setMinimumWidth(48)
        self._transport.addWidget(self.speed_label)
        self.prev_activity = self._text_button(
            "◀", self.tr("Previous activity ([)"), self.previous_activity, "prevActivity"
        )
        self.scan_button = self._text_button(
            self.tr("Find activity"),
            self.tr("Mark the stretches with motion on the scrubber"),
            self.scan_activity,
            "scanButton",
        )
        self.next_activity = self._text_button(
            "▶", self.tr("Next activity (])"), self.next_activity_jump, "nextActivity"
        )
        self.clock_button = self._text_button(
            self.tr("True time…"),
            self.tr("Calibrate the camera clock: this frame shows true time T"),
            self.calibrate_here,
            "calibrateButton",
        )
        self.export_button = self._text_button(
            self.tr("Export frame…"),
            self.tr("Save the exact frame on screen as a PNG file (recorded in the audit log)"),
            self.export_frame,
            "exportFrame",
        )
        self.goto_button = self._text_button(
            self.tr("Go to…"),
            self.tr("Go to a frame, a media time or a true time (Ctrl+G)"),
            self.go_to,
            "goToButton",
        )
        self._tools = QHBoxLayout()
        for widget in (self.prev_activity, self.scan_button, self.next_activity):
            self._tools.addWidget(widget)
        self._tools.addSpacing(8)
        self._tools.addWidget(self.goto_button)
        self._tools.addWidget(self.clock_button)
        self._tools.addWidget(self.export_button)
        self._tools.addWidget(self._keys_help())

    def _keys_help(self) -> QLabel:
        label = QLabel("⌨", self)
        label.setObjectName("keysHelp")
        label.setToolTip(
            self.tr(
                "Space: play / pause\n"
                "J / K / L: backwards, pause, forwards (again: faster; with Shift: slower)\n"
                "Left / Right: one frame; with Shift: 1 s; with Ctrl: 10 s\n"
                "Home / End: first / last frame\n"
                "[ / ]: previous / next activity\n"
                "Wheel, + / -: zoom; 0 or double-click: fit; drag: pan\n"
                "I: show / hide the time overlay\n"
                "Ctrl+G: go to a frame, a media time or a true time"
            )
        )
        return label

    def _build_levels(self) -> None:
        self._levels = QHBoxLayout()
        self.brightness = self._slider(self.tr("Brightness (viewing only)"), "brightness")
        self.contrast = self._slider(self.tr("Contrast (viewing only)"), "contrast")
        reset = QToolButton(self)
        reset.setObjectName("levelsReset")
        reset.setText("⟲")
        reset.setToolTip(self.tr("Original brightness and contrast"))
        reset.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        reset.clicked.connect(self.reset_levels)
        # Short symbols keep the row narrow; the tooltips say what they are.
        self._levels.addWidget(self._symbol("☀", self.brightness.toolTip()))
        self._levels.addWidget(self.brightness)
        self._levels.addWidget(self._symbol("◐", self.contrast.toolTip()))
        self._levels.addWidget(self.contrast)
        self._levels.addWidget(reset)
        self._levels.addSpacing(8)
        self.mute_button = QToolButton(self)
        self.mute_button.setObjectName("muteButton")
        self.mute_button.setCheckable(True)
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mute_button.toggled.connect(self.sound.set_muted)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setFixedWidth(70)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.valueChanged.connect(lambda v: self.sound.set_volume(v / 100))
        self._levels.addWidget(self.mute_button)
        self._levels.addWidget(self.volume)
        self._update_sound()

    def _symbol(self, text: str, tip: str) -> QLabel:
        label = QLabel(text, self)
        label.setToolTip(tip)
        return label

    def _slider(self, tip: str, name: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName(name)
        slider.setRange(-100, 100)
        slider.setFixedWidth(80)
        slider.setToolTip(tip)
        slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        slider.valueChanged.connect(self._levels_changed)
        return slider

    # --- the video ------------------------------------------------------------------------
    def open_source(self, source: VideoSource, tz: str | None = None, frame: int = 0) -> None:
        """Show `source`; clocks are shown in `tz` (the source's or the case's zone)."""
        self.source = source
        self.tz = tz
        self.view.clear()
        self.view.set_pixel_stretch(source.media.pixel_stretch)
        self.scrubber.reset(source.index.duration_s)
        self.sound.open(source)
        self.player.open(source.path, source.index, frame, source.media.rotation)
        self.feeder.start(source)
        self.view.setFocus()

    def show_picture(self, image: QImage, name: str) -> None:
        """A photo or a still instead of a video (no playback, no annotations)."""
        self.feeder.cancel()
        self.sound.open(None)
        self.player.close_file()
        self.source = None
        self.scrubber.reset(0.0)
        self.view.set_notice("")
        self.view.set_pixel_stretch((1.0, 1.0))
        self.view.set_image(-1, True, image)
        self.view.set_overlay([name])
        self.view.set_marks([])
        self.status.setText("")

    def shutdown(self) -> None:
        self.feeder.cancel()
        self.sound.stop()
        self.player.shutdown()

    def show_problem(self, message: str) -> None:
        """A message over the picture (the video cannot be shown)."""
        self.view.clear(message)
        self.status.setText(message)

    # --- sound ----------------------------------------------------------------------------
    def _update_sound(self) -> None:
        """Mute and volume: usable when the video has sound and the machine an output."""
        sound = self.sound
        usable = sound.has_sound and sound.available
        self.mute_button.setEnabled(usable)
        self.volume.setEnabled(usable and not sound.muted)
        icon = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if sound.muted or not usable
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(self.style().standardIcon(icon))
        if not sound.has_sound:
            tip = self.tr("This video has no sound")
        elif not sound.available:
            tip = self.tr("No audio output on this computer")
        else:
            tip = self.tr("Sound on / off (played at 1x forwards, silent at other speeds)")
        self.mute_button.setToolTip(tip)
        self.volume.setToolTip(self.tr("Volume (listening only)"))

    # --- activity -------------------------------------------------------------------------
    def scan_activity(self) -> None:
        if self.source is not None:
            self.scan_button.setEnabled(False)
            self.feeder.scan(self.source)

    def next_activity_jump(self) -> None:
        found = self.scrubber.next_segment(self.player.media_time())
        if found is not None:
            self.player.seek_time(found)

    def previous_activity(self) -> None:
        found = self.scrubber.previous_segment(self.player.media_time())
        if found is not None:
            self.player.seek_time(found)

    def _on_scan_failed(self, exc: BaseException) -> None:
        self.scan_button.setEnabled(True)
        show_error(self, exc)

    def _on_activity(self, count: int) -> None:
        self.scan_button.setEnabled(True)
        self.status.setText(self.tr("Stretches with activity: %1").replace("%1", str(count)))

    def go_to(self) -> None:
        """Ask where to go: a frame, a media time, or a true time through the clock."""
        source = self.source
        if source is None:
            return
        self.player.pause()
        dialog = GoToDialog(source, self.player.position, self.tz or "UTC", self)
        dialog.accepted.connect(
            lambda: self.player.seek_frame(dialog.target) if dialog.target is not None else None
        )
        dialog.open()

    def export_frame(self) -> None:
        """Write the exact frame on screen to a PNG file the user chooses."""
        source = self.source
        if source is None:
            return
        self.player.pause()
        frame = self.player.position
        suggested = f"{Path(source.evidence.original_name).stem}_frame{frame}.png"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export frame"),
            save_path.suggested(suggested),
            self.tr("PNG image (*.png)"),
        )
        save_path.remember(chosen)
        if chosen:
            self.export_frame_to(Path(chosen))

    def export_frame_to(self, out: Path) -> None:
        source = self.source
        if source is None:
            return
        ctx = self.env.ctx
        media = source.index.pts_of(self.player.position)
        self.env.tasks.run_cpu(
            lambda _p: write_frame(source, media, out),  # decode and write: the CPU part
            commit=lambda export: record_frame_export(ctx, export),  # its audit entry
            title=self.tr("Exporting frame"),
            on_done=lambda done: self.status.setText(
                self.tr("Frame %1 saved to %2")
                .replace("%1", str(done.frame_index))
                .replace("%2", str(done.path))
            ),
            on_error=lambda exc: show_error(self, exc),
            cancellable=False,
        )

    # --- clock ----------------------------------------------------------------------------
    def calibrate_here(self) -> None:
        """Ask for the true time of the frame on screen and record it as a calibration point."""
        source = self.source
        if source is None:
            return
        self.player.pause()
        frame = self.player.position
        media = source.index.pts_of(frame)
        ctx, evidence = self.env.ctx, source.evidence

        def reader(
            done: Callable[[datetime, str, float], None], failed: Callable[[str], None]
        ) -> None:
            self.env.tasks.run_cpu(
                lambda _p: read_camera_clock(ctx, evidence.case_id, evidence.id, media),
                title=self.tr("Reading the camera's clock"),
                on_done=lambda read: done(read.camera_time, read.text, read.confidence),
                on_error=lambda exc: failed(str(getattr(exc, "message", exc))),
                cancellable=False,
            )

        fallback = evidence.acquired_at or evidence.created_at
        dialog = CalibrateDialog(
            source.clock, media, frame, self.tz or "UTC", self, reader, fallback
        )

        def save() -> None:
            true_time, note = dialog.chosen_true_time(), dialog.note.text().strip()
            camera_time = dialog.chosen_camera_time()
            self.env.tasks.run_db(
                lambda _p: calibrate(
                    ctx, evidence.case_id, evidence.id, media, true_time, note, camera_time
                ),
                self.apply_clock,
                lambda exc: show_error(self, exc),
                title=self.tr("Calibrating the clock"),
            )

        dialog.accepted.connect(save)
        dialog.open()

    def apply_clock(self, clock: ClockInfo) -> None:
        """Show times with a new clock correction of the video on screen."""
        if self.source is None or clock.evidence_id != self.source.evidence.id:
            return
        self.source = replace(self.source, clock=clock)
        if self.view.frame >= 0:
            self.view.set_overlay(self.overlay_lines(self.view.frame, self.view.exact))
        self.clock_changed.emit()
        self.env.case_changed.emit(self.source.evidence.case_id)

    # --- updates --------------------------------------------------------------------------
    def _on_frame(self, frame: int, exact: bool, image: QImage) -> None:
        self.view.set_image(frame, exact, image)
        self.view.set_overlay(self.overlay_lines(frame, exact))

    def overlay_lines(self, frame: int, exact: bool) -> list[str]:
        """Frame number, media time, the camera's own clock and the corrected true time."""
        if self.source is None:
            return []
        index = self.source.index
        media = index.pts_of(frame)
        lines = [
            self.tr("Frame %1 of %2").replace("%1", str(frame)).replace("%2", str(index.count))
            + ("" if exact else self.tr(" (keyframe, decoding…)")),
            self.tr("Media time %1").replace("%1", format_media_time(media)),
        ]
        clock = self.source.clock
        camera = clock.camera_time(media)
        if camera is None:
            lines.append(self.tr("Camera clock unknown (no origin set)"))
            return lines
        lines.append(self.tr("Camera clock %1").replace("%1", format_instant(camera, self.tz)))
        true = clock.true_time(media)
        if not clock.points or true is None:
            lines.append(self.tr("True time: clock not calibrated"))
        else:
            lines.append(self.tr("True time %1").replace("%1", format_instant(true, self.tz)))
        return lines

    def _on_position(self, frame: int) -> None:
        if self.source is not None:
            self.scrubber.set_position(self.source.index.pts_of(frame))
        self.position_changed.emit(frame)

    def _update_state(self) -> None:
        sp = QStyle.StandardPixmap
        icon = sp.SP_MediaPause if self.player.playing else sp.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        speed = self.player.speed
        self.speed_label.setText(
            speed_text(speed) if self.player.playing else speed_text(abs(speed))
        )

    def _on_error(self, problem: str) -> None:
        name = self.source.evidence.original_name if self.source is not None else ""
        self.show_problem(f"{name}: {problem}" if name else problem)

    def reset_levels(self) -> None:
        self.brightness.setValue(0)
        self.contrast.setValue(0)

    def _levels_changed(self) -> None:
        self.player.set_levels(self.brightness.value(), self.contrast.value())

    def hideEvent(self, event: QHideEvent) -> None:
        # Nobody watches a hidden player (another tab, a closed window): stop decoding.
        self.player.pause()
        super().hideEvent(event)

    # --- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event.key(), event.modifiers()):
            super().keyPressEvent(event)

    def _handle_key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        p = self.player
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        k = Qt.Key
        if key == k.Key_G and ctrl:
            self.go_to()
            return True
        if key in (k.Key_Left, k.Key_Right):
            sign = 1 if key == k.Key_Right else -1
            if ctrl:
                p.jump(10 * sign)
            elif shift:
                p.jump(sign)
            else:
                p.step(sign)
            return True
        actions = {
            k.Key_Space: p.toggle,
            k.Key_K: p.pause,
            k.Key_L: (lambda: p.slower(1)) if shift else (lambda: p.faster(1)),
            k.Key_J: (lambda: p.slower(-1)) if shift else (lambda: p.faster(-1)),
            k.Key_Home: p.home,
            k.Key_End: p.end,
            k.Key_Plus: lambda: self.view.zoom_by(1.25),
            k.Key_Equal: lambda: self.view.zoom_by(1.25),
            k.Key_Minus: lambda: self.view.zoom_by(0.8),
            k.Key_0: self.view.fit,
            k.Key_I: self.view.toggle_overlay,
            k.Key_BracketRight: self.next_activity_jump,
            k.Key_BracketLeft: self.previous_activity,
        }
        action = actions.get(k(key))
        if action is None:
            return False
        action()
        return True


def _cancel_all(tasks: list[Task]) -> None:
    for task in tasks:
        task.cancel()
