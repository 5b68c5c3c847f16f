"""A still on which the investigator drags rectangles to blur (left button) or to keep as a
party's face (right button); a click on a rectangle removes it. Regions are in image pixels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.media import Region

BLUR_COLOUR = QColor(208, 2, 27)
KEEP_COLOUR = QColor(20, 140, 60)


class RegionEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self.blur: list[Region] = []
        self.keep: list[Region] = []
        self._drag_from: QPointF | None = None
        self._drag_to: QPointF | None = None
        self._drag_keep = False
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)

    def set_image(self, image: QImage, blur: list[Region], keep: list[Region]) -> None:
        self._image = image
        self.blur, self.keep = list(blur), list(keep)
        self.update()

    def clear_image(self) -> None:
        self.set_image(QImage(), [], [])

    def _frame(self) -> QRectF:
        """Where the image is drawn: scaled to fit, centred."""
        if self._image.isNull():
            return QRectF()
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        return QRectF(left, top, size.width(), size.height())

    def _to_image(self, point: QPointF) -> QPointF:
        frame = self._frame()
        scale = self._image.width() / frame.width()
        x = min(max(point.x() - frame.left(), 0.0), frame.width()) * scale
        y = min(max(point.y() - frame.top(), 0.0), frame.height()) * scale
        return QPointF(x, y)

    def _to_widget(self, region: Region) -> QRectF:
        frame = self._frame()
        scale = frame.width() / self._image.width()
        return QRectF(
            frame.left() + region.x * scale,
            frame.top() + region.y * scale,
            region.w * scale,
            region.h * scale,
        )

    def add_region(self, region: Region, keep: bool = False) -> None:
        (self.keep if keep else self.blur).append(region)
        self.changed.emit()
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._image.isNull():
            return
        position = event.position()
        for regions in (self.blur, self.keep):
            for region in reversed(regions):
                if self._to_widget(region).contains(position):
                    regions.remove(region)
                    self.changed.emit()
                    self.update()
                    return
        self._drag_from = self._drag_to = position
        self._drag_keep = event.button() == Qt.MouseButton.RightButton

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_to = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        a, b = self._to_image(self._drag_from), self._to_image(event.position())
        self._drag_from = self._drag_to = None
        rect = QRect(QPoint(round(a.x()), round(a.y())), QPoint(round(b.x()), round(b.y())))
        rect = rect.normalized()
        if rect.width() >= 4 and rect.height() >= 4:
            self.add_region(
                Region(rect.x(), rect.y(), rect.width(), rect.height()), keep=self._drag_keep
            )
        else:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self._image.isNull():
            return
        painter.drawImage(self._frame(), self._image)
        for regions, colour in ((self.blur, BLUR_COLOUR), (self.keep, KEEP_COLOUR)):
            painter.setPen(QPen(colour, 2))
            fill = QColor(colour)
            fill.setAlpha(60)
            for region in regions:
                painter.fillRect(self._to_widget(region), fill)
                painter.drawRect(self._to_widget(region))
        if self._drag_from is not None and self._drag_to is not None:
            painter.setPen(
                QPen(KEEP_COLOUR if self._drag_keep else BLUR_COLOUR, 1, Qt.PenStyle.DashLine)
            )
            painter.drawRect(QRectF(self._drag_from, self._drag_to).normalized())
