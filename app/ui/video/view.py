"""The picture: zoom (wheel, +/-, fit), pan (drag), a rectangle tool, and the time overlay.

The frame is converted to a pixmap here, on the GUI thread, and scaled while painting (never
before: scaling a 1080p frame per zoom step would cost more than decoding it). In rectangle
mode a drag draws a region in frame pixels for an annotation; otherwise it pans. A file whose
pixels are not square is drawn stretched to its intended shape (`set_pixel_stretch`), while
regions stay in the file's frame pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_ZOOM, MAX_ZOOM = 0.05, 16.0
_ZOOM_STEP = 1.25
MARK_COLOUR = QColor(255, 32, 32)
DRAFT_COLOUR = QColor(255, 210, 0)


class FrameView(QWidget):
    region_drawn = Signal(QRect)  # in frame pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameView")
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        # The picture on screen: a QImage over the decoder's array, painted as it is (no
        # QPixmap copy per frame; 32-bit RGB is the raster engine's own format).
        self._pixmap = QImage()
        self.frame = -1
        self.exact = False
        self._fit = True
        self._zoom = 1.0
        self._offset = QPointF(0, 0)  # top-left of the picture in widget coordinates
        self._drag_from: QPointF | None = None
        self._draft: QRectF | None = None
        self.drawing_region = False
        self._overlay: list[str] = []
        self.overlay_visible = True  # off to see what the camera burnt into the corner
        self._marks: list[QRect] = []
        self._notice = ""
        self._stretch = (1.0, 1.0)  # the pixels' shape: (x, y) factors, see set_pixel_stretch

    # --- content --------------------------------------------------------------------------
    def set_image(self, frame: int, exact: bool, image: QImage) -> None:
        self._pixmap = image
        self.frame, self.exact = frame, exact
        self.update()

    def image(self) -> QImage:
        """The picture on screen (empty when none)."""
        return self._pixmap

    def clear(self, notice: str = "") -> None:
        self._pixmap = QImage()
        self.frame, self.exact = -1, False
        self._notice = notice
        self.update()

    def set_notice(self, text: str) -> None:
        """A line shown over the picture (or in place of it), e.g. an error."""
        self._notice = text
        self.update()

    def set_overlay(self, lines: list[str]) -> None:
        self._overlay = lines
        self.update()

    def toggle_overlay(self) -> None:
        self.overlay_visible = not self.overlay_visible
        self.update()

    def set_marks(self, regions: list[QRect]) -> None:
        """Annotation regions of the frame on screen, outlined over the picture."""
        self._marks = regions
        self.update()

    def set_pixel_stretch(self, stretch: tuple[float, float]) -> None:
        """(x, y) factors for a file whose pixels are not square (the media summary's
        `pixel_stretch`); (1, 1) for square pixels, photos and stills."""
        self._stretch = stretch
        self.update()

    def has_picture(self) -> bool:
        return not self._pixmap.isNull()

    def _frame_size(self) -> QSizeF:
        """The picture's size in frame pixels: a stand-in decoded smaller says the frame's
        size through its device pixel ratio (below 1), so zoom, pan and regions do not move
        when the exact frame replaces it."""
        return self._pixmap.deviceIndependentSize()

    def _shown_size(self) -> QSizeF:
        """The picture's size as drawn at zoom 1: frame pixels made square."""
        size = self._frame_size()
        return QSizeF(size.width() * self._stretch[0], size.height() * self._stretch[1])

    # --- zoom and pan ---------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._scale()

    def fit(self) -> None:
        self._fit = True
        self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        if not self.has_picture():
            return
        old = self._scale()
        origin = self._origin()
        new = min(max(old * factor, MIN_ZOOM), MAX_ZOOM)
        at = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        # Keep the picture point under `at` where it is.
        picture_point = (at - origin) / old
        self._fit = False
        self._zoom = new
        self._offset = at - picture_point * new
        self.update()

    def _scale(self) -> float:
        if self._fit and self.has_picture():
            size = self._shown_size()
            return min(self.width() / size.width(), self.height() / size.height())
        return self._zoom

    def _origin(self) -> QPointF:
        if self._fit and self.has_picture():
            scale = self._scale()
            return QPointF(
                (self.width() - self._shown_size().width() * scale) / 2,
                (self.height() - self._shown_size().height() * scale) / 2,
            )
        return self._offset

    def to_frame(self, point: QPointF) -> QPointF:
        """Widget coordinates to frame pixels."""
        shown = (point - self._origin()) / self._scale()
        return QPointF(shown.x() / self._stretch[0], shown.y() / self._stretch[1])

    def _to_widget(self, rect: QRectF) -> QRectF:
        """Frame pixels to widget coordinates."""
        sx, sy = self._scale() * self._stretch[0], self._scale() * self._stretch[1]
        origin = self._origin()
        return QRectF(
            origin.x() + rect.x() * sx,
            origin.y() + rect.y() * sy,
            rect.width() * sx,
            rect.height() * sy,
        )

    # --- events ---------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(_ZOOM_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.has_picture():
            super().mousePressEvent(event)
            return
        self.setFocus()
        self._drag_from = event.position()
        if self.drawing_region:
            start = self._clamped(self.to_frame(event.position()))
            self._draft = QRectF(start, start)
        else:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        if self._draft is not None:
            self._draft.setBottomRight(self._clamped(self.to_frame(event.position())))
        else:
            origin = self._origin()
            self._fit = False
            self._zoom = self._scale()
            self._offset = origin + (event.position() - self._drag_from)
            self._drag_from = event.position()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._draft is not None:
            region = self._draft.normalized().toRect()
            self._draft = None
            if region.width() > 1 and region.height() > 1:
                self.region_drawn.emit(region)
        self._drag_from = None
        self.unsetCursor()
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.fit()

    def _clamped(self, point: QPointF) -> QPointF:
        return QPointF(
            min(max(point.x(), 0.0), self._frame_size().width()),
            min(max(point.y(), 0.0), self._frame_size().height()),
        )

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(16, 16, 16))
        if self.has_picture():
            target = self._to_widget(QRectF(QPointF(0, 0), self._frame_size()))
            if self._scale() < 1 or self._stretch != (1.0, 1.0):
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self._pixmap, QRectF(self._pixmap.rect()))
            self._paint_regions(painter)
            self._paint_overlay(painter)
        if self._notice:
            self._paint_notice(painter)
        painter.end()

    def _paint_regions(self, painter: QPainter) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(MARK_COLOUR, 2))
        for region in self._marks:
            painter.drawRect(self._to_widget(QRectF(region)))
        if self._draft is not None:
            painter.setPen(QPen(DRAFT_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.drawRect(self._to_widget(self._draft.normalized()))

    def _paint_overlay(self, painter: QPainter) -> None:
        if not self._overlay or not self.overlay_visible:
            return
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width = max(metrics.horizontalAdvance(text) for text in self._overlay) + 12
        box = QRectF(8, 8, width, line * len(self._overlay) + 8)
        painter.fillRect(box, QColor(0, 0, 0, 170))
        painter.setPen(QColor(240, 240, 240))
        for n, text in enumerate(self._overlay):
            painter.drawText(QPointF(14, 12 + metrics.ascent() + n * line), text)

    def _paint_notice(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        area = self.rect().adjusted(24, 24, -24, -24)
        bounds = metrics.boundingRect(area, Qt.TextFlag.TextWordWrap, self._notice)
        box = QRectF(bounds).adjusted(-10, -8, 10, 8)
        box.moveCenter(QRectF(self.rect()).center())
        painter.fillRect(box, QColor(120, 20, 20, 220))
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._notice
        )
