"""The long-lived decode worker of one player: a `FrameReader` on its own `QThread`.

Requests carry a generation number and only the latest pending one is served: a burst of seeks
while the user drags the scrubber decodes the last position, not every one on the way. A seek
(`preview=True`) first sends the picture that is ready at once (the cached frame, or the
keyframe before it), then the exact frame unless a newer request arrived meanwhile. Frames are
converted to `QImage` here, so the GUI thread only turns them into pixmaps. Viewing levels
(brightness, contrast) are applied to that converted copy and never reach the evidence.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from app.domain.errors import CasebookError
from app.media.container import MediaError
from app.media.frame_index import FrameIndex
from app.media.frames import FrameReader


@dataclass(frozen=True)
class FrameRequest:
    generation: int
    frame: int
    preview: bool  # send the instantly available picture before the exact one


def levels_table(brightness: int, contrast: int) -> np.ndarray | None:
    """A 256-entry lookup table for brightness and contrast in -100..100 (None: neutral)."""
    if brightness == 0 and contrast == 0:
        return None
    gain = (1.0 + contrast / 100.0) if contrast <= 0 else 1.0 / (1.0 - contrast / 101.0)
    ramp = (np.arange(256, dtype=np.float32) - 128.0) * gain + 128.0 + brightness * 1.28
    return np.clip(ramp, 0, 255).astype(np.uint8)


def to_qimage(rgb: np.ndarray, table: np.ndarray | None) -> QImage:
    """An independent `QImage` copy of an RGB array, through the levels table if any."""
    if table is not None:
        rgb = cv2.LUT(rgb, table)
    rgb = np.ascontiguousarray(rgb)
    height, width = rgb.shape[:2]
    image = QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


class DecoderWorker(QObject):
    """Serves frame requests in its own thread; create it with `start_decoder_thread`."""

    frame_ready = Signal(int, int, bool, QImage)  # generation, frame, exact, picture
    failed = Signal(int, str)  # generation, the problem (the player names the file)
    _wake = Signal()
    _open = Signal(object, object)
    _close = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._pending: FrameRequest | None = None
        self._table: np.ndarray | None = None
        self._reader: FrameReader | None = None
        self._wake.connect(self._serve)
        self._open.connect(self._open_reader)
        self._close.connect(self._shutdown)

    # --- called from the GUI thread -------------------------------------------------------
    def open(self, path: Path, index: FrameIndex) -> None:
        self._open.emit(path, index)

    def submit(self, request: FrameRequest) -> None:
        with self._lock:
            self._pending = request
        self._wake.emit()

    def set_levels(self, brightness: int, contrast: int) -> None:
        table = levels_table(brightness, contrast)
        with self._lock:
            self._table = table

    def close(self) -> None:
        """Close the reader in the worker thread, then end that thread."""
        self._close.emit()

    # --- the worker thread ----------------------------------------------------------------
    @Slot(object, object)
    def _open_reader(self, path: Path, index: FrameIndex) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        try:
            self._reader = FrameReader(path, index)
        except CasebookError as exc:
            self.failed.emit(-1, _problem(exc))

    @Slot()
    def _serve(self) -> None:
        with self._lock:
            request, self._pending = self._pending, None
        if request is None or self._reader is None:
            return
        try:
            if request.preview and not self._reader.is_cached(request.frame):
                quick = self._reader.keyframe_image(request.frame)
                self._send(request.generation, quick.index, quick.exact, quick.image)
                if quick.exact or self._superseded():
                    return
            self._send(request.generation, request.frame, True, self._reader.frame(request.frame))
        except CasebookError as exc:
            self.failed.emit(request.generation, _problem(exc))
        except IndexError as exc:
            self.failed.emit(request.generation, str(exc))

    def _superseded(self) -> bool:
        with self._lock:
            return self._pending is not None

    def _send(self, generation: int, frame: int, exact: bool, rgb: np.ndarray) -> None:
        with self._lock:
            table = self._table
        self.frame_ready.emit(generation, frame, exact, to_qimage(rgb, table))

    @Slot()
    def _shutdown(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        QThread.currentThread().quit()


def _problem(exc: CasebookError) -> str:
    return exc.problem if isinstance(exc, MediaError) else exc.message


def start_decoder_thread() -> tuple[DecoderWorker, QThread]:
    """A worker moved to a new running thread; stop it with `stop_decoder_thread`.

    The thread has no QObject parent: its owner stops it from its `destroyed` signal too, and
    a parent would delete the thread object while it still runs.
    """
    thread = QThread()
    thread.setObjectName("video-decoder")
    worker = DecoderWorker()
    worker.moveToThread(thread)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return worker, thread


def stop_decoder_thread(worker: DecoderWorker, thread: QThread) -> None:
    """Close the reader and end the thread; waits for a decode in progress (idempotent)."""
    if thread.isRunning():
        worker.close()
        thread.wait()
