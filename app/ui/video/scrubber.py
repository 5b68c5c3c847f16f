"""The scrubber: exact seek by click or drag over a thumbnail strip, with the annotation marks
and the activity segments drawn on it.

Thumbnails arrive one by one while a background task decodes them and are painted where their
media time falls, so the strip fills in from the left while the user already works.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.video.timefmt import format_media_time

STRIP_HEIGHT = 48
MARK_ROW = 10
SEGMENT_ROW = 7
ACTIVITY_COLOUR = QColor(255, 150, 0)
MARK_COLOUR = QColor(255, 60, 60)
HEAD_COLOUR = QColor(80, 200, 255)
LEVEL_COLOUR = QColor(120, 230, 140, 190)
LEVEL_HEIGHT = 16  # the sound's level strip along the bottom of the thumbnails


class Scrubber(QWidget):
    seek_requested = Signal(float)  # media time, seconds
    scrub_started = Signal()
    scrub_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scrubber")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.duration = 0.0
        self.position = 0.0
        self._thumbs: dict[float, QPixmap] = {}
        self._marks: list[float] = []
        self.segments: list[tuple[float, float]] = []
        self.levels: list[float] = []  # loudness of equal stretches of the video (0..1)
        self._dragging = False
        self.setMouseTracking(True)  # the tooltip tells the time under the pointer

    def sizeHint(self) -> QSize:
        return QSize(600, MARK_ROW + STRIP_HEIGHT + SEGMENT_ROW + 4)

    # --- content --------------------------------------------------------------------------
    def reset(self, duration_s: float) -> None:
        self.duration = max(0.0, duration_s)
        self.position = 0.0
        self._thumbs.clear()
        self._marks = []
        self.segments = []
        self.levels = []
        self.update()

    def set_levels(self, levels: list[float]) -> None:
        """The sound's loudness along the video, drawn as a strip over the thumbnails."""
        self.levels = list(levels)
        self.update()

    def set_position(self, media_time_s: float) -> None:
        self.position = media_time_s
        self.update()

    def add_thumbnail(self, media_time_s: float, image: QImage) -> None:
        self._thumbs[media_time_s] = QPixmap.fromImage(image)
        self.update()

    def thumbnail_count(self) -> int:
        return len(self._thumbs)

    def set_marks(self, media_times: list[float]) -> None:
        self._marks = sorted(media_times)
        self.update()

    def set_segments(self, segments: list[tuple[float, float]]) -> None:
        self.segments = sorted(segments)
        self.update()

    def next_segment(self, after_s: float) -> float | None:
        """Start of the first activity segment beginning after `after_s`."""
        starts = [start for start, _ in self.segments]
        pos = bisect_right(starts, after_s + 1e-6)
        return starts[pos] if pos < len(starts) else None

    def previous_segment(self, before_s: float) -> float | None:
        """Start of the last activity segment beginning before `before_s` (with a margin so
        that pressing it twice keeps going back)."""
        starts = [start for start, _ in self.segments]
        pos = bisect_left(starts, before_s - 0.25)
        return starts[pos - 1] if pos > 0 else None

    # --- geometry -------------------------------------------------------------------------
    def _x_of(self, t: float) -> float:
        if self.duration <= 0:
            return 0.0
        return t / self.duration * (self.width() - 1)

    def time_at(self, x: float) -> float:
        if self.width() <= 1:
            return 0.0
        return min(max(x / (self.width() - 1), 0.0), 1.0) * self.duration

    # --- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.duration <= 0:
            return
        self._dragging = True
        self.scrub_started.emit()
        self._seek_to(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._seek_to(event.position().x())
        elif self.duration > 0:
            self.setToolTip(format_media_time(self.time_at(event.position().x())))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._dragging = False
            self._seek_to(event.position().x())
            self.scrub_finished.emit()

    def _seek_to(self, x: float) -> None:
        t = self.time_at(x)
        self.set_position(t)
        self.seek_requested.emit(t)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        strip = QRectF(0, MARK_ROW, self.width(), STRIP_HEIGHT)
        painter.fillRect(self.rect(), self.palette().window())
        painter.fillRect(strip, QColor(30, 30, 30))
        self._paint_thumbnails(painter, strip)
        self._paint_levels(painter, strip)
        self._paint_segments(painter, strip.bottom() + 2)
        self._paint_marks(painter)
        head = self._x_of(self.position)
        painter.setPen(QPen(HEAD_COLOUR, 2))
        painter.drawLine(QPointF(head, 0), QPointF(head, self.height()))
        painter.end()

    def _paint_thumbnails(self, painter: QPainter, strip: QRectF) -> None:
        if not self._thumbs or self.duration <= 0:
            return
        times = sorted(self._thumbs)
        for n, t in enumerate(times):
            pixmap = self._thumbs[t]
            width = STRIP_HEIGHT * pixmap.width() / max(1, pixmap.height())
            left = self._x_of(t)
            # A thumbnail covers its stretch of the strip up to the next one.
            right = self._x_of(times[n + 1]) if n + 1 < len(times) else strip.right()
            span = max(right - left, 1.0)
            # Tile the thumbnail over its stretch; the last tile is cut at the stretch's end.
            x = left
            while x < left + span:
                shown = min(width, left + span - x)
                source = QRectF(0, 0, pixmap.width() * shown / width, pixmap.height())
                painter.drawPixmap(QRectF(x, strip.top(), shown, STRIP_HEIGHT), pixmap, source)
                x += width

    def _paint_levels(self, painter: QPainter, strip: QRectF) -> None:
        loudest = max(self.levels, default=0.0)
        if loudest <= 0 or self.duration <= 0:
            return
        step = strip.width() / len(self.levels)
        for n, level in enumerate(self.levels):
            height = LEVEL_HEIGHT * level / loudest
            if height >= 0.5:
                box = QRectF(n * step, strip.bottom() - height, max(1.0, step - 0.5), height)
                painter.fillRect(box, LEVEL_COLOUR)

    def _paint_segments(self, painter: QPainter, top: float) -> None:
        for start, end in self.segments:
            left = self._x_of(start)
            painter.fillRect(
                QRectF(left, top, max(2.0, self._x_of(end) - left), SEGMENT_ROW - 2),
                ACTIVITY_COLOUR,
            )

    def _paint_marks(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MARK_COLOUR)
        for t in self._marks:
            x = self._x_of(t)
            painter.drawPolygon([QPointF(x - 4, 0), QPointF(x + 4, 0), QPointF(x, MARK_ROW - 1)])
