"""The long-lived decode workers of one player, each on its own `QThread`.

Requests carry a generation number and only the latest pending one is served: a burst of seeks
while the user drags the scrubber decodes the last position, not every one on the way. The
exact worker owns a `FrameReader`; a seek (`preview=True`) also goes straight to a second
worker, which decodes the keyframe before the target (unless the exact picture is already out,
a cache hit), so a picture is on screen quickly and the exact frame replaces it. The exact
worker starts decoding once that stand-in is out (`Handover`): a keyframe is one slice, one
core's work, and on two cores the exact decoder's frame threads would otherwise take half of
that core from it; waiting for it costs the exact frame less than it gains the first picture,
and needs no lowered priority, which would also yield the exact frame to other programs.

A seek skips the pictures nothing refers to on its way to the frame; once the user has stayed
on a frame for `SETTLE_AFTER_MS` the exact worker decodes what was skipped (`settle`, given up
at the next request), so stepping back from it stays a cache hit. A seek onto a keyframe while
the exact worker is idle (`quick`) is served by that worker alone from the keyframe's packet:
the same picture the stand-in would be, without a second decoder decoding it at the same time.

Each frame is converted once, in the worker, into a 32-bit BGRX array; the GUI thread wraps it
in a `QImage` without copying (`wrap_display`) and paints that. Viewing levels (brightness,
contrast) are applied to the converted array and never reach the evidence.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from app.domain.errors import CasebookError
from app.domain.media import MediaError
from app.services.video.dto import FrameIndex
from app.services.video.pictures import (
    STAND_IN_KEEP_BYTES,
    STAND_IN_SIZE,
    ExactFrames,
    Keyframes,
)
from app.ui.video.problems import media_problem


@dataclass(frozen=True)
class FrameRequest:
    generation: int
    frame: int
    preview: bool  # send the instantly available picture before the exact one
    session: int = 0  # which opening of a file the frame number refers to
    # A keyframe asked of the idle exact worker alone: it decodes the packet on its own.
    quick: bool = False


def levels_table(brightness: int, contrast: int) -> np.ndarray | None:
    """A 256-entry lookup table for brightness and contrast in -100..100 (None: neutral)."""
    if brightness == 0 and contrast == 0:
        return None
    gain = (1.0 + contrast / 100.0) if contrast <= 0 else 1.0 / (1.0 - contrast / 101.0)
    ramp = (np.arange(256, dtype=np.float32) - 128.0) * gain + 128.0 + brightness * 1.28
    table: np.ndarray = np.clip(ramp, 0, 255).astype(np.uint8)
    return table


def wrap_display(pixels: np.ndarray, scale: float = 1.0) -> QImage:
    """A `QImage` over a BGRX array (H x W x 4) without copying it; the image keeps the array
    alive. Made in the thread that shows it: a QImage sent across threads would share the
    buffer without owning it. A picture decoded smaller than the frame (`scale` below 1, a
    stand-in) says the frame's size through its device pixel ratio."""
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB32)
    if scale != 1.0:
        image.setDevicePixelRatio(scale)
    return image


def to_qimage(rgb: np.ndarray, table: np.ndarray | None) -> QImage:
    """An independent `QImage` copy of an RGB array (thumbnails: made in a worker thread,
    so the image must own its pixels), through the levels table if any."""
    if table is not None:
        rgb = cv2.LUT(rgb, table)
    rgb = np.ascontiguousarray(rgb)
    height, width = rgb.shape[:2]
    image = QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


# generation, frame, exact, BGRX, the picture's scale to the frame (below 1: a stand-in)
Send = Callable[[int, int, bool, np.ndarray, float], None]
# The longest the exact worker waits for the stand-in before it decodes anyway.
_STAND_IN_WAIT_S = 0.25
# How long the user stays on a frame before the exact worker decodes what its seek skipped
# (shorter than a person takes to press the next key; longer than the gaps of a scrub or of
# playback, which would only waste the work).
SETTLE_AFTER_MS = 200


class Handover:
    """What the two workers tell each other: the newest generation whose exact picture has
    gone out (no stand-in needed then) and the newest whose stand-in is done with."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._exact = -1
        self._stand_in = -1

    def mark(self, generation: int) -> None:
        with self._changed:
            self._exact = max(self._exact, generation)

    def covers(self, generation: int) -> bool:
        with self._changed:
            return self._exact >= generation

    def stood_in(self, generation: int) -> None:
        """The stand-in of `generation` is out, not needed, or failed."""
        with self._changed:
            self._stand_in = max(self._stand_in, generation)
            self._changed.notify_all()

    def await_stand_in(self, generation: int, asked: Callable[[], bool]) -> None:
        """Wait until the stand-in of `generation` is done with, a newer request is waiting
        (`asked()`), or `_STAND_IN_WAIT_S` has passed."""
        deadline = time.monotonic() + _STAND_IN_WAIT_S
        with self._changed:
            while self._stand_in < generation and not asked():
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self._changed.wait(min(left, 0.005))


class Pictures(Protocol):
    """What a worker decodes with; opened, used and closed in the worker's thread."""

    def open(self, path: Path, index: FrameIndex, rotation: int) -> None: ...

    def close(self) -> None: ...

    def serve(self, request: FrameRequest, send: Send, asked: Callable[[], bool]) -> None:
        """Send the request's picture(s); `asked()` tells whether a newer request waits."""

    def settle(self, stop: Callable[[], bool]) -> None:
        """Work for while the user looks at the last frame served; returns when `stop()`."""


class KeyframePictures:
    """The keyframe at or before the requested frame: the picture shown while seeking."""

    def __init__(self, handover: Handover) -> None:
        self._decoder: Keyframes | None = None
        self._handover = handover

    def open(self, path: Path, index: FrameIndex, rotation: int) -> None:
        self.close()
        self._decoder = Keyframes(
            path, index, rotation, fit=STAND_IN_SIZE, keep_bytes=STAND_IN_KEEP_BYTES
        )

    def close(self) -> None:
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None

    def serve(self, request: FrameRequest, send: Send, asked: Callable[[], bool]) -> None:
        try:
            if self._decoder is None or self._handover.covers(request.generation):
                return  # the exact picture is out already (a cache hit): no stand-in needed
            key, picture, scale = self._decoder.at_or_before(request.frame)
            whole = scale == 1.0  # a keyframe asked for, whole, is the exact frame
            send(request.generation, key, key == request.frame and whole, picture, scale)
        finally:
            self._handover.stood_in(request.generation)

    def settle(self, stop: Callable[[], bool]) -> None:
        return None


class ExactPictures:
    """Exact frames through a long-lived `FrameReader` (its cache makes steps back instant),
    decoded once the stand-in of the same click is out; a keyframe asked `quick` comes from
    its packet alone."""

    def __init__(self, handover: Handover) -> None:
        self._reader: ExactFrames | None = None
        self._keyframes: Keyframes | None = None  # for `quick` requests, opened on the first
        self._opened: tuple[Path, FrameIndex, int] | None = None
        self._unsettled: int | None = None  # the frame served last, until settled
        self._handover = handover

    def open(self, path: Path, index: FrameIndex, rotation: int) -> None:
        self.close()
        self._reader = ExactFrames(path, index, rotation)
        self._opened = (path, index, rotation)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._keyframes is not None:
            self._keyframes.close()
            self._keyframes = None
        self._opened = None
        self._unsettled = None

    def serve(self, request: FrameRequest, send: Send, asked: Callable[[], bool]) -> None:
        if self._reader is None:
            return
        frame = request.frame
        self._unsettled = frame
        if request.quick and not self._reader.is_cached(frame):
            key, picture, scale = self._quick().at_or_before(frame)
            send(request.generation, key, key == frame and scale == 1.0, picture, scale)
            if key == frame:
                self._handover.mark(request.generation)
                return
            # A damaged keyframe: an earlier one stands in while the reader finds the frame.
        elif request.preview and not self._reader.is_cached(frame):
            self._handover.await_stand_in(request.generation, asked)
            if asked():
                return  # a newer request: this frame is not wanted any more
        send(request.generation, frame, True, self._reader.display(frame), 1.0)
        self._handover.mark(request.generation)

    def settle(self, stop: Callable[[], bool]) -> None:
        frame, self._unsettled = self._unsettled, None
        if self._reader is not None and frame is not None and not self._reader.settle(frame, stop):
            self._unsettled = frame  # interrupted: again after the next request's pause

    def _quick(self) -> Keyframes:
        if self._keyframes is None:
            assert self._opened is not None
            self._keyframes = Keyframes(*self._opened)
        return self._keyframes


class DecoderWorker(QObject):
    """Serves the latest pending request in its own thread; older ones are dropped."""

    frame_ready = Signal(int, int, bool, object, float)  # generation, frame, exact, BGRX, scale
    failed = Signal(int, str)  # generation, the problem (the player names the file)
    _wake = Signal()
    _open = Signal(object, object, int, int)
    _close = Signal()

    def __init__(self, pictures: Pictures) -> None:
        super().__init__()
        self._pictures = pictures
        self._lock = threading.Lock()
        self._pending: FrameRequest | None = None
        self._serving = False  # a request is being decoded (guarded by the lock)
        self._session = 0  # written and read in the worker thread only
        self._table: np.ndarray | None = None
        # Moves to the worker's thread with it (a child): started and stopped there only.
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_AFTER_MS)
        self._settle_timer.timeout.connect(self._settle)
        self._wake.connect(self._serve)
        self._open.connect(self._open_file)
        self._close.connect(self._shutdown)

    # --- called from the GUI thread -------------------------------------------------------
    def open(self, path: Path, index: FrameIndex, session: int, rotation: int = 0) -> None:
        self._open.emit(path, index, session, rotation)

    def submit(self, request: FrameRequest) -> None:
        with self._lock:
            self._pending = request
        self._wake.emit()

    def idle(self) -> bool:
        """No request waiting or being decoded (settling, which yields at once, is idle)."""
        with self._lock:
            return self._pending is None and not self._serving

    def set_levels(self, brightness: int, contrast: int) -> None:
        table = levels_table(brightness, contrast)
        with self._lock:
            self._table = table

    def close(self) -> None:
        """Close the file in the worker thread, then end that thread."""
        self._close.emit()

    # --- the worker thread ----------------------------------------------------------------
    @Slot(object, object, int, int)
    def _open_file(self, path: Path, index: FrameIndex, session: int, rotation: int) -> None:
        self._settle_timer.stop()
        self._session = session
        try:
            self._pictures.open(path, index, rotation)
        except CasebookError as exc:
            self.failed.emit(-1, _problem(exc))

    @Slot()
    def _serve(self) -> None:
        self._settle_timer.stop()
        with self._lock:
            request, self._pending = self._pending, None
            if request is not None and request.session != self._session:
                # For a file whose opening is still queued behind this wake-up: leave it to
                # the wake-up that follows the opening (never decode it from the old file).
                self._pending = request
                return
            self._serving = request is not None
        if request is None:
            return
        try:
            self._pictures.serve(request, self._send, self._asked)
        except CasebookError as exc:
            self.failed.emit(request.generation, _problem(exc))
        except Exception as exc:  # a worker must never leave the player waiting in silence
            self.failed.emit(request.generation, f"{type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._serving = False
        self._settle_timer.start()

    @Slot()
    def _settle(self) -> None:
        # A problem is met again, and reported, by the next request for these frames.
        with contextlib.suppress(CasebookError):
            self._pictures.settle(self._asked)

    def _asked(self) -> bool:
        with self._lock:
            return self._pending is not None

    def _send(
        self, generation: int, frame: int, exact: bool, pixels: np.ndarray, scale: float
    ) -> None:
        with self._lock:
            table = self._table
        if table is not None:
            pixels = cv2.LUT(pixels, table)
        self.frame_ready.emit(generation, frame, exact, np.ascontiguousarray(pixels), scale)

    @Slot()
    def _shutdown(self) -> None:
        self._settle_timer.stop()
        self._pictures.close()
        QThread.currentThread().quit()


def _problem(exc: CasebookError) -> str:
    return media_problem(exc) if isinstance(exc, MediaError) else exc.message


class DecoderThreads:
    """The exact-frame worker and the preview worker of one player, each on its own thread.

    The threads have no QObject parent: the owner stops them (`stop`) before it goes, also
    from its `destroyed` signal, since a parent would delete a thread object that still runs.
    """

    def __init__(self) -> None:
        handover = Handover()
        self.preview = DecoderWorker(KeyframePictures(handover))
        self.exact = DecoderWorker(ExactPictures(handover))
        self._threads: list[QThread] = []
        for name, worker in (("video-preview", self.preview), ("video-decoder", self.exact)):
            thread = QThread()
            thread.setObjectName(name)
            worker.moveToThread(thread)
            thread.finished.connect(worker.deleteLater)
            thread.start()
            self._threads.append(thread)
        _LIVE.add(self)

    def open(self, path: Path, index: FrameIndex, session: int, rotation: int = 0) -> None:
        self.preview.open(path, index, session, rotation)
        self.exact.open(path, index, session, rotation)

    def set_levels(self, brightness: int, contrast: int) -> None:
        self.preview.set_levels(brightness, contrast)
        self.exact.set_levels(brightness, contrast)

    def stop(self) -> None:
        """Close the files and end both threads; waits for a decode in progress (idempotent)."""
        threads, self._threads = self._threads, []
        for worker, thread in zip((self.preview, self.exact), threads, strict=False):
            if not shiboken6.isValid(thread) or not thread.isRunning():
                continue
            if shiboken6.isValid(worker):
                worker.close()
            else:
                thread.quit()
            thread.wait()


# Players still alive when the interpreter exits (a window never deleted) stop their threads
# before Python tears the objects down in no particular order.
_LIVE: weakref.WeakSet[DecoderThreads] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for threads in list(_LIVE):
        threads.stop()
