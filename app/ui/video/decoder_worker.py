"""The long-lived decode workers of one player, each on its own `QThread`.

Requests carry a generation number and only the latest pending one is served: a burst of seeks
while the user drags the scrubber decodes the last position, not every one on the way. The
exact worker owns a `FrameReader`; a seek (`preview=True`) also goes straight to a second
worker, which decodes the keyframe before the target at the same time (unless the exact
picture is already out, a cache hit), so a picture is on screen quickly and the exact frame
replaces it. The exact worker's thread runs at a lower scheduling priority (its decoder's
frame threads inherit it): on two cores the keyframe stand-in is decoded first instead of
sharing the processor with the GOP behind it, which takes no longer in total.

Each frame is converted once, in the worker, into a 32-bit BGRX array; the GUI thread wraps it
in a `QImage` without copying (`wrap_display`) and paints that. Viewing levels (brightness,
contrast) are applied to the converted array and never reach the evidence.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from app.domain.errors import CasebookError
from app.domain.media import MediaError
from app.services.video.dto import FrameIndex
from app.services.video.pictures import ExactFrames, Keyframes
from app.ui.video.problems import media_problem


@dataclass(frozen=True)
class FrameRequest:
    generation: int
    frame: int
    preview: bool  # send the instantly available picture before the exact one
    session: int = 0  # which opening of a file the frame number refers to


def levels_table(brightness: int, contrast: int) -> np.ndarray | None:
    """A 256-entry lookup table for brightness and contrast in -100..100 (None: neutral)."""
    if brightness == 0 and contrast == 0:
        return None
    gain = (1.0 + contrast / 100.0) if contrast <= 0 else 1.0 / (1.0 - contrast / 101.0)
    ramp = (np.arange(256, dtype=np.float32) - 128.0) * gain + 128.0 + brightness * 1.28
    table: np.ndarray = np.clip(ramp, 0, 255).astype(np.uint8)
    return table


def wrap_display(pixels: np.ndarray) -> QImage:
    """A `QImage` over a BGRX array (H x W x 4) without copying it; the image keeps the array
    alive. Made in the thread that shows it: a QImage sent across threads would share the
    buffer without owning it."""
    height, width = pixels.shape[:2]
    return QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB32)


def to_qimage(rgb: np.ndarray, table: np.ndarray | None) -> QImage:
    """An independent `QImage` copy of an RGB array (thumbnails: made in a worker thread,
    so the image must own its pixels), through the levels table if any."""
    if table is not None:
        rgb = cv2.LUT(rgb, table)
    rgb = np.ascontiguousarray(rgb)
    height, width = rgb.shape[:2]
    image = QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


Send = Callable[[int, int, bool, np.ndarray], None]  # generation, frame, exact, BGRX
# How much lower the exact decoder runs than the keyframe stand-in (Unix nice steps: a weight
# about a third of the stand-in's while both decode).
_EXACT_NICENESS = 5


class Delivered:
    """The newest generation whose exact picture has gone out (shared by the two workers)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = -1

    def mark(self, generation: int) -> None:
        with self._lock:
            self._generation = max(self._generation, generation)

    def covers(self, generation: int) -> bool:
        with self._lock:
            return self._generation >= generation


class Pictures(Protocol):
    """What a worker decodes with; opened, used and closed in the worker's thread."""

    def open(self, path: Path, index: FrameIndex, rotation: int) -> None: ...

    def close(self) -> None: ...

    def serve(self, request: FrameRequest, send: Send) -> None: ...


class KeyframePictures:
    """The keyframe at or before the requested frame: the picture shown while seeking."""

    def __init__(self, delivered: Delivered) -> None:
        self._decoder: Keyframes | None = None
        self._delivered = delivered

    def open(self, path: Path, index: FrameIndex, rotation: int) -> None:
        self.close()
        self._decoder = Keyframes(path, index, rotation)

    def close(self) -> None:
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None

    def serve(self, request: FrameRequest, send: Send) -> None:
        if self._decoder is None or self._delivered.covers(request.generation):
            return  # the exact picture is out already (a cache hit): no stand-in needed
        key, picture = self._decoder.at_or_before(request.frame)
        send(request.generation, key, key == request.frame, picture)


class ExactPictures:
    """Exact frames through a long-lived `FrameReader` (its cache makes steps back instant),
    decoded in a thread of lower priority than the keyframe stand-in's."""

    def __init__(self, delivered: Delivered) -> None:
        self._reader: ExactFrames | None = None
        self._delivered = delivered

    def open(self, path: Path, index: FrameIndex, rotation: int) -> None:
        self.close()
        _lower_thread_priority()  # before the reader's decoder starts its frame threads
        self._reader = ExactFrames(path, index, rotation)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def serve(self, request: FrameRequest, send: Send) -> None:
        if self._reader is None:
            return
        send(request.generation, request.frame, True, self._reader.display(request.frame))
        self._delivered.mark(request.generation)


def _lower_thread_priority() -> None:
    """Lower the calling thread's scheduling priority once (Linux: nice is per thread and
    threads started from it inherit it); elsewhere, or when refused, nothing changes."""
    if not hasattr(os, "setpriority") or getattr(_lowered, "done", False):
        return
    with contextlib.suppress(OSError):
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + _EXACT_NICENESS)
    _lowered.done = True


_lowered = threading.local()


class DecoderWorker(QObject):
    """Serves the latest pending request in its own thread; older ones are dropped."""

    frame_ready = Signal(int, int, bool, object)  # generation, frame, exact, BGRX array
    failed = Signal(int, str)  # generation, the problem (the player names the file)
    _wake = Signal()
    _open = Signal(object, object, int, int)
    _close = Signal()

    def __init__(self, pictures: Pictures) -> None:
        super().__init__()
        self._pictures = pictures
        self._lock = threading.Lock()
        self._pending: FrameRequest | None = None
        self._session = 0  # written and read in the worker thread only
        self._table: np.ndarray | None = None
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
        self._session = session
        try:
            self._pictures.open(path, index, rotation)
        except CasebookError as exc:
            self.failed.emit(-1, _problem(exc))

    @Slot()
    def _serve(self) -> None:
        with self._lock:
            request, self._pending = self._pending, None
            if request is not None and request.session != self._session:
                # For a file whose opening is still queued behind this wake-up: leave it to
                # the wake-up that follows the opening (never decode it from the old file).
                self._pending = request
                return
        if request is None:
            return
        try:
            self._pictures.serve(request, self._send)
        except CasebookError as exc:
            self.failed.emit(request.generation, _problem(exc))
        except Exception as exc:  # a worker must never leave the player waiting in silence
            self.failed.emit(request.generation, f"{type(exc).__name__}: {exc}")

    def _send(self, generation: int, frame: int, exact: bool, pixels: np.ndarray) -> None:
        with self._lock:
            table = self._table
        if table is not None:
            pixels = cv2.LUT(pixels, table)
        self.frame_ready.emit(generation, frame, exact, np.ascontiguousarray(pixels))

    @Slot()
    def _shutdown(self) -> None:
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
        delivered = Delivered()
        self.preview = DecoderWorker(KeyframePictures(delivered))
        self.exact = DecoderWorker(ExactPictures(delivered))
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
