"""The timeline canvas widget: mouse-wheel zoom around the cursor, drag to pan, Shift+drag to
select a time range, click to select, double-click to open, keys to step through events.

Painting is `TimelineScene.paint`; this class only turns input into view changes and signals.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QToolTip, QWidget

from app.domain.timeline import LaneMode, TimelineEvent
from app.ui.timeline.labels import event_tooltip, kind_plural, local_text, utc_text
from app.ui.timeline.scene import AXIS_H, GUTTER_W, ROW_H, TimelineScene

DRAG_START_PX = 4
WHEEL_STEP = 1.25


class TimelineCanvas(QWidget):
    selection_changed = Signal(object)  # TimelineEvent | None
    open_requested = Signal(str, str)  # kind, ref
    add_requested = Signal(float)  # epoch seconds where the user double-clicked empty space
    context_requested = Signal(QPoint, object, float)  # global pos, event | None, time
    range_selected = Signal(float, float)
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.scene = TimelineScene()
        self._index: dict[str, int] = {}
        self._press: QPointF | None = None
        self._dragging = False
        self._range_start: float | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 200)
        # lanes that do not fit scroll under the fixed time axis
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.vbar.setObjectName("timelineVScroll")
        self.vbar.hide()
        self.vbar.valueChanged.connect(self._scrolled)

    # ---- content and view -----------------------------------------------------------------

    def set_zone(self, zone_name: str) -> None:
        self.scene.zone_name = zone_name
        self.update()

    def set_events(
        self,
        events: list[TimelineEvent],
        mode: LaneMode | None = None,
        call_lanes: dict[str, int] | None = None,
    ) -> None:
        previous = self.scene.selected
        self.scene.width = self.plot_width()
        self.scene.set_events(events, mode, call_lanes)
        self._index = {e.id: i for i, e in enumerate(events)}
        self._sync_scrollbar()
        self.update()
        if previous is not self.scene.selected:
            self.selection_changed.emit(self.scene.selected)

    def fit_all(self, incident_only: bool = False) -> None:
        self.scene.width = self.plot_width()
        self.scene.fit_all(incident_only)
        self._view_changed()

    def fit_selection(self) -> bool:
        """Zoom to the selected range, else to the selected event; False when nothing is."""
        self.scene.width = self.plot_width()
        if self.scene.range_sel is not None:
            start, end = sorted(self.scene.range_sel)
            self.scene.fit(start, end, margin=0.02)
        elif self.scene.selected is not None:
            event = self.scene.selected
            pad = max(event.uncertainty_s, 0.0)
            self.scene.fit(event.start_s - pad, event.end_s + pad, margin=0.3)
        else:
            return False
        self._view_changed()
        return True

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        x = anchor_x if anchor_x is not None else GUTTER_W + self.scene.plot_w() / 2
        self.scene.zoom(factor, x)
        self._view_changed()

    def select(self, event: TimelineEvent | None, reveal: bool = False) -> None:
        if event is self.scene.selected:
            return
        self.scene.selected = event
        if reveal and event is not None:
            self._reveal(event)
        self.update()
        self.selection_changed.emit(event)

    def select_id(self, event_id: str) -> bool:
        index = self._index.get(event_id)
        if index is None:
            return False
        self.select(self.scene.events[index], reveal=True)
        return True

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) event in time order, panning to it."""
        events = self.scene.events
        if not events:
            return
        current = self.scene.selected
        if current is None:
            t0, t1 = self.scene.visible_range()
            mid = (t0 + t1) / 2
            index = next((i for i, e in enumerate(events) if e.start_s >= mid), len(events) - 1)
        else:
            index = self._index.get(current.id, 0) + delta
        self.select(events[max(0, min(index, len(events) - 1))], reveal=True)

    def _reveal(self, event: TimelineEvent) -> None:
        """Pan and scroll so the event is in view."""
        t0, t1 = self.scene.visible_range()
        if not (t0 <= event.start_s <= t1):
            self.scene.t0 = event.start_s - (t1 - t0) / 2
            self._view_changed()
        row = self.scene.row_of(event)
        if row is not None:
            top = row.top - self.scene.v_off
            if top < AXIS_H or top + ROW_H > self.height():
                self.vbar.setValue(int(row.top - AXIS_H - ROW_H))

    def _view_changed(self) -> None:
        self.update()
        self.view_changed.emit()

    # ---- Qt events ------------------------------------------------------------------------

    def plot_width(self) -> float:
        """Width the scene paints into: the widget less the scroll bar when it shows."""
        return float(self.width() - (self.vbar.width() if self.vbar.isVisible() else 0))

    def _sync_scrollbar(self) -> None:
        limit = int(self.scene.scroll_max(float(self.height())))
        self.vbar.setRange(0, limit)
        self.vbar.setPageStep(max(self.height() - int(AXIS_H), 1))
        self.vbar.setSingleStep(int(ROW_H))
        self.vbar.setVisible(limit > 0)
        width = self.vbar.sizeHint().width()
        self.vbar.setGeometry(self.width() - width, int(AXIS_H), width, self.height() - int(AXIS_H))
        self.scene.width = self.plot_width()

    def _scrolled(self, value: int) -> None:
        self.scene.v_off = float(value)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.scene.paint(painter, self.plot_width(), float(self.height()), self.font())
        if self.vbar.isVisible():  # the corner above the scroll bar continues the axis band
            painter.fillRect(
                QRectF(self.plot_width(), 0, self.vbar.width(), AXIS_H), QColor("#e8ecf0")
            )
        if self.hasFocus():
            painter.setPen(self.palette().highlight().color())
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        basis = self.scene.width
        self._sync_scrollbar()
        # Keep the time span across the plot. The basis is the width the view was computed
        # for, not the event's old size: a tab fitted before it was first shown reports no
        # valid old size, and would otherwise keep a span meant for its minimum width.
        new = self.plot_width()
        if basis > GUTTER_W and new > GUTTER_W:
            self.scene.spp *= (basis - GUTTER_W) / (new - GUTTER_W)
        self.scene.width = new
        super().resizeEvent(event)
        self.view_changed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms around the cursor; with Shift it scrolls the lanes."""
        steps = event.angleDelta().y() / 120.0
        if not steps:
            event.ignore()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.vbar.setValue(self.vbar.value() - round(steps * 3 * ROW_H))
        else:
            self.zoom_by(WHEEL_STEP**steps, max(event.position().x(), GUTTER_W))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._press = event.position()
        self._dragging = False
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._range_start = self.scene.t_of(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        delta = event.position() - self._press
        if not self._dragging and abs(delta.x()) + abs(delta.y()) < DRAG_START_PX:
            return
        self._dragging = True
        if self._range_start is not None:
            self.scene.range_sel = (self._range_start, self.scene.t_of(event.position().x()))
            self.update()
            return
        self.scene.pan_px(delta.x())
        self._press = event.position()
        self._view_changed()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if self._range_start is not None and self.scene.range_sel is not None and self._dragging:
            self.range_selected.emit(*sorted(self.scene.range_sel))
        elif not self._dragging:
            self.scene.range_sel = None
            hit = self.scene.hit(event.position().x(), event.position().y())
            self.select(hit.events[0] if hit else None)
        self._press = None
        self._range_start = None
        self._dragging = False
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        x, y = event.position().x(), event.position().y()
        hit = self.scene.hit(x, y)
        bars = self.scene.bar_hit(x, y) if hit is None else None
        if hit is not None:
            chosen = hit.events[0]
            self.select(chosen)
            self.open_requested.emit(chosen.kind, chosen.ref)
        elif bars is not None:  # counted calls: zoom into their stretch
            self.scene.fit(bars.start_s, bars.end_s, margin=0.02)
            self._view_changed()
        elif x > GUTTER_W and y > AXIS_H:
            self.add_requested.emit(self.scene.t_of(x))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self.scene.hit(event.pos().x(), event.pos().y())
        chosen = hit.events[0] if hit else None
        if chosen is not None:
            self.select(chosen)
        self.context_requested.emit(event.globalPos(), chosen, self.scene.t_of(event.pos().x()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_N):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_P):
            self.step(-1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(2.0)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.5)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = self.vbar.pageStep() * (1 if key == Qt.Key.Key_PageDown else -1)
            self.vbar.setValue(self.vbar.value() + step)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_F:
            self.fit_selection()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.scene.selected is not None:
            self.open_requested.emit(self.scene.selected.kind, self.scene.selected.ref)
        elif key == Qt.Key.Key_Escape:
            self.scene.range_sel = None
            self.select(None)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            self._tooltip(event)
            return True
        return super().event(event)

    def _tooltip(self, event: QHelpEvent) -> None:
        x, y = float(event.pos().x()), float(event.pos().y())
        text = ""
        if x > GUTTER_W:
            hit = self.scene.hit(x, y)
            if hit is not None and len(hit.events) == 1:
                text = event_tooltip(hit.events[0], self.scene.zone_name)
            elif hit is not None:
                first, last = hit.events[0], hit.events[-1]
                text = self.tr("%1: %n event(s) here", "", len(hit.events)).replace(
                    "%1", kind_plural(hit.row.kind)
                )
                text += "\n" + local_text(
                    min(first.start_utc, last.start_utc), self.scene.zone_name
                )
                text += "\n" + self.tr("Zoom in to see them one by one")
            elif (bars := self.scene.bar_hit(x, y)) is not None:
                text = self.tr("%n call(s) here", "", bars.calls)
                text += "\n" + local_text(
                    datetime.fromtimestamp(bars.start_s, UTC), self.scene.zone_name
                )
                text += " – " + local_text(
                    datetime.fromtimestamp(bars.end_s, UTC), self.scene.zone_name
                )
                text += "\n" + self.tr("Double-click or zoom in to see them one by one")
            else:
                moment = datetime.fromtimestamp(self.scene.t_of(x), UTC)
                text = f"{local_text(moment, self.scene.zone_name)}\n{utc_text(moment)}"
        if text:
            QToolTip.showText(event.globalPos(), text, self)
        else:
            QToolTip.hideText()
