"""The player: position, speed and playback of one video, driving its decode worker.

Every request gets a new generation number; pictures of older generations are dropped, so the
latest seek always wins. Playback runs on a monotonic clock: at a speed up to 1x every frame is
shown in turn (the worker decodes the next frame while the current one is on screen); above 1x
the frame due at that moment is shown and the others are skipped. Frames shown and frames due
are counted, so a benchmark can tell whether playback keeps up.

Speeds follow editing software: L plays forward and each further L doubles the speed up to
16x, J does the same backwards, K pauses; slow speeds (1/8x to 1/2x) are set with Shift+J/L.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from app.services.video.dto import FrameIndex
from app.ui.video.decoder_worker import DecoderThreads, FrameRequest, wrap_display

SPEEDS = (0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
_NORMAL = SPEEDS.index(1.0)
# At up to 1x, fall back to the due frame only when this far behind (a stalled disk).
_MAX_LAG_S = 0.5


@dataclass
class PlaybackStats:
    """Frames shown and frames that fell due since playback started."""

    shown: int = 0
    due: int = 0


class Player(QObject):
    """Position and playback of one video; pictures arrive through `frame_shown`."""

    # frame, exact, picture: a QImage over the worker's array (passed as the same object, so
    # whoever keeps the image keeps its pixels)
    frame_shown = Signal(int, bool, object)
    position_changed = Signal(int)  # the frame the player stands on (asked for)
    state_changed = Signal()  # playing / speed / direction
    # The playback clock (re)started at a media time with a signed speed (the sound follows
    # it), or stopped.
    clock_started = Signal(float, float)
    clock_stopped = Signal()
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers = DecoderThreads()
        self.destroyed.connect(self._workers.stop)
        for worker in (self._workers.exact, self._workers.preview):
            worker.frame_ready.connect(self._on_frame)
            worker.failed.connect(self._on_failed)
        self.index: FrameIndex | None = None
        self.path: Path | None = None
        self.position = 0  # frame asked for last
        self.shown = -1  # exact frame on screen
        self._generation = 0
        self._session = 0  # one per file opened: requests never reach another file's reader
        self._waiting: int | None = None  # generation whose exact picture is still due
        self._speed = _NORMAL
        self._direction = 0  # 0 paused, 1 forward, -1 backward
        self._anchor: tuple[float, float, int] = (0.0, 0.0, 0)  # clock, media time, frame
        self.stats = PlaybackStats()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    # --- opening and closing --------------------------------------------------------------
    def open(self, path: Path, index: FrameIndex, frame: int = 0, rotation: int = 0) -> None:
        self.pause()
        self.path, self.index = path, index
        self.shown = -1
        self._session += 1
        self._workers.open(path, index, self._session, rotation)
        self.seek_frame(frame)

    def close_file(self) -> None:
        """Forget the video: later pictures of it are dropped, navigation does nothing."""
        self.pause()
        self.index, self.path = None, None
        self._generation += 1
        self._waiting = None

    def shutdown(self) -> None:
        """Stop playback and the decode thread (call before the player goes away); a key or a
        click that arrives afterwards finds no file and sends nothing to the stopped workers."""
        self._timer.stop()
        self.close_file()
        self._workers.stop()

    # --- state ----------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._direction != 0

    @property
    def speed(self) -> float:
        """Signed playback speed (negative backwards); the chosen speed when paused."""
        return SPEEDS[self._speed] * (self._direction or 1)

    def media_time(self, frame: int | None = None) -> float:
        if self.index is None:
            return 0.0
        return self.index.pts_of(self.position if frame is None else frame)

    def set_levels(self, brightness: int, contrast: int) -> None:
        """Viewing-only brightness and contrast; the current frame is shown again with them."""
        self._workers.set_levels(brightness, contrast)
        if self.index is not None and not self.playing:
            self._request(self.position, preview=False)

    # --- navigation -----------------------------------------------------------------------
    def seek_frame(self, frame: int, preview: bool = True) -> None:
        if self.index is None:
            return
        frame = min(max(frame, 0), self.index.count - 1)
        if self.playing:
            self._anchor = (time.monotonic(), self.index.pts_of(frame), frame)
            self.clock_started.emit(self.index.pts_of(frame), self.speed)
        self._request(frame, preview)

    def seek_time(self, media_time_s: float) -> None:
        if self.index is not None:
            self.seek_frame(self.index.frame_at(media_time_s))

    def step(self, frames: int) -> None:
        """Pause and move by whole frames (back within the decode cache is instant)."""
        self.pause()
        self.seek_frame(self.position + frames, preview=False)

    def jump(self, seconds: float) -> None:
        if self.index is None:
            return
        target = self.index.frame_at(self.index.pts_of(self.position) + seconds)
        if target == self.position and seconds:
            target += 1 if seconds > 0 else -1
        self.seek_frame(target)

    def home(self) -> None:
        self.seek_frame(0)

    def end(self) -> None:
        if self.index is not None:
            self.seek_frame(self.index.count - 1)

    # --- playback -------------------------------------------------------------------------
    def play(self, direction: int = 1) -> None:
        if self.index is None:
            return
        at_end = self.position >= self.index.count - 1 and direction > 0
        if at_end:
            self._request(0, preview=True)
        self._direction = direction
        self._restart_clock()
        self.stats = PlaybackStats()
        self._timer.start(self._interval_ms())
        self.state_changed.emit()

    def pause(self) -> None:
        if not self._direction:
            return
        self._direction = 0
        self._timer.stop()
        self.clock_stopped.emit()
        self.state_changed.emit()

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def faster(self, direction: int) -> None:
        """L (1) or J (-1): start at 1x that way, or double the speed when already going."""
        going = self._direction == direction
        self._speed = min(self._speed + 1, len(SPEEDS) - 1) if going else _NORMAL
        self._change_playback(direction)

    def slower(self, direction: int) -> None:
        """Shift+L / Shift+J: halve the speed, down to 1/8x."""
        self._speed = max(self._speed - 1, 0) if self._direction == direction else _NORMAL - 1
        self._change_playback(direction)

    def set_speed(self, speed: float) -> None:
        self._speed = SPEEDS.index(speed)
        if self.playing:
            self._change_playback(self._direction)
        else:
            self.state_changed.emit()

    def _change_playback(self, direction: int) -> None:
        if self.playing:
            self._direction = direction
            self._restart_clock()
            self._timer.setInterval(self._interval_ms())
            self.state_changed.emit()
        else:
            self.play(direction)

    def _restart_clock(self) -> None:
        assert self.index is not None
        self._anchor = (time.monotonic(), self.index.pts_of(self.position), self.position)
        self.clock_started.emit(self.index.pts_of(self.position), self.speed)

    def _interval_ms(self) -> int:
        assert self.index is not None
        frame_s = self.index.duration_s / max(1, self.index.count)
        return int(min(20, max(2, frame_s * 1000 / SPEEDS[self._speed] / 3)))

    def _due_frame(self) -> int:
        assert self.index is not None
        started, media, _ = self._anchor
        elapsed = (time.monotonic() - started) * SPEEDS[self._speed] * self._direction
        return self.index.frame_at(media + elapsed)

    @Slot()
    def _tick(self) -> None:
        if self.index is None or not self.playing:
            return
        due = self._due_frame()
        self.stats.due = abs(due - self._anchor[2])
        if self._waiting is not None:
            return
        if due == self.position:
            if self._reached_end():  # e.g. J on the first frame: nothing to play
                self.pause()
            return
        step = self._direction
        following = self.position + step
        slow = SPEEDS[self._speed] <= 1.0
        behind = abs(self.index.pts_of(due) - self.index.pts_of(following)) > _MAX_LAG_S
        target = following if slow and not behind else due
        self._request(target, preview=False)

    def _reached_end(self) -> bool:
        assert self.index is not None
        last = self.index.count - 1
        return (self._direction > 0 and self.shown >= last) or (
            self._direction < 0 and self.shown <= 0
        )

    # --- worker traffic -------------------------------------------------------------------
    def _request(self, frame: int, preview: bool) -> None:
        assert self.index is not None
        self._generation += 1
        self._waiting = self._generation
        self.position = frame
        # A keyframe the idle exact worker decodes from its packet as fast as the stand-in
        # worker would: asked of it alone, not decoded twice at once.
        quick = (
            preview
            and self.index.keyframe_at_or_before(frame) == frame
            and self._workers.exact.idle()
        )
        request = FrameRequest(self._generation, frame, preview, self._session, quick)
        self._workers.exact.submit(request)
        if preview and not quick:  # the keyframe stand-in, decoded beside the exact frame
            self._workers.preview.submit(request)
        self.position_changed.emit(frame)

    @Slot(int, int, bool, object, float)
    def _on_frame(
        self, generation: int, frame: int, exact: bool, pixels: np.ndarray, scale: float
    ) -> None:
        if generation != self._generation:
            return  # a newer request is on its way: this picture is out of date
        if not exact and self._waiting != generation:
            return  # the exact picture came first: the keyframe preview is not needed
        if exact:
            self._waiting = None
            self.shown = frame
            if self.playing:
                self.stats.shown += 1
        self.frame_shown.emit(frame, exact, wrap_display(pixels, scale))
        if exact and self.playing:
            if self._reached_end():
                self.pause()
            else:
                self._tick()

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if generation in (-1, self._generation):
            self._waiting = None
            self.pause()
            self.error.emit(message)
