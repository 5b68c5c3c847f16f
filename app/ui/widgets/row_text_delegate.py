"""`RowTextDelegate`: paints a cell of a big table (`IdPagedModel`) from the row's texts,
made once per row (`row_texts`), with one `drawText` a cell.

`QStyledItemDelegate` asks the model for every role of every cell it paints (a Python call
each: display, font, alignment, colours, check state, decoration...) and lays the text out
through the style; at a million calls that was most of a scroll step (profiled: 15–19 ms of
the GUI thread for a screen of cells, where drawing the texts alone takes 2–4 ms). Here a
cell costs one lookup in the row's cached texts and one `drawText` at a point: the selection,
the focus frame, elision of text too long for its column, right alignment where the model
asks for it (mirrored for right-to-left languages) and the row's colour are drawn as the style
would; tooltips and everything else still come from the model (`helpEvent` is
`QStyledItemDelegate`'s).

The model gives `texts_at(row)` (the row's display texts, then its foreground brush or None)
and `ALIGNMENTS` (column → alignment flags, for columns not aligned left).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from app.ui.widgets.id_paged_model import IdPagedModel

# Flags as plain ints: Python enum arithmetic costs more than the rest of a cell.
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_RIGHT = Qt.AlignmentFlag.AlignRight
_ELIDE = Qt.TextElideMode.ElideRight
_SLACK = 4  # pixels kept free when letters' widths are added up (kerning may differ)
_FITS_KEPT = 50_000  # (text, room) → shown text and width; forgotten beyond (a cheap bound)
_REFRESH = frozenset(
    {
        QEvent.Type.PaletteChange,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LayoutDirectionChange,
    }
)


class RowTextDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)  # the view owns it (no reference back: the view may go)
        self._fits: dict[tuple[str, int], tuple[str, int]] = {}
        self._letters: dict[str, int] = {}  # a letter's advance in the view's font
        self._look: tuple[Any, ...] | None = None  # colours, font metrics, direction
        view.installEventFilter(self)  # palette, font, style, direction
        view.viewport().installEventFilter(self)  # its height: the rows of a screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _REFRESH:
            self._look = None
            self._fits.clear()
            self._letters.clear()
        elif kind == QEvent.Type.Resize and self.parent() is not None:
            # A jump reads the rows of one screen where the view asks: as many as it shows.
            view: Any = self.parent()
            model = view.model()
            if isinstance(model, IdPagedModel):
                row_height = max(1, view.verticalHeader().defaultSectionSize())
                model.show_rows(view.viewport().height() // row_height + 2)
        return False

    def _looks(self) -> tuple[Any, ...]:
        """What every cell shares, read from the view once (until its palette, font, style
        or direction changes)."""
        view: Any = self.parent()
        palette = view.palette()
        metrics = QFontMetrics(view.font())
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._look = (
            palette.color(QPalette.ColorRole.Text),
            palette,
            metrics,
            margin,
            view.layoutDirection() == Qt.LayoutDirection.RightToLeft,
        )
        return self._look

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model: Any = index.model()
        column = index.column()
        texts = model.texts_at(index.row())
        text_color, palette, metrics, margin, mirrored = self._look or self._looks()
        rect, state = option.rect, option.state.value
        if state & _SELECTED:
            group = (
                QPalette.ColorGroup.Active
                if state & QStyle.StateFlag.State_Active.value
                else QPalette.ColorGroup.Inactive
            )
            painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText))
        else:
            brush: QBrush | None = texts[model.COLUMN_COUNT] if texts else None
            color: QColor = brush.color() if brush is not None else text_color
            painter.setPen(color)
        text = texts[column] if texts else None
        if text:
            self._draw(painter, rect, text, model.ALIGNMENTS.get(column), metrics, margin, mirrored)
        if state & _FOCUS:
            view: Any = self.parent()
            view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, view
            )

    def _fit(self, text: str, room: int, metrics: QFontMetrics, exact: bool) -> tuple[str, int]:
        """The text as shown in `room` pixels and its width. A text whose letters' widths add
        up to well inside the room is shown whole without laying it out (most cells: the
        exact measure of each new row's texts was a fifth of a jump's paint); `exact` (right
        alignment, right-to-left) measures it."""
        if len(self._fits) > _FITS_KEPT:
            self._fits.clear()
        if not exact:
            letters = self._letters
            for letter in text:
                if letter not in letters:
                    letters[letter] = metrics.horizontalAdvance(letter)
            estimate = sum(map(letters.__getitem__, text))
            if estimate + _SLACK <= room:
                fit = self._fits[text, room] = (text, estimate)
                return fit
        width = metrics.horizontalAdvance(text)
        if width > room:
            shown = metrics.elidedText(text, _ELIDE, room)
            fit = self._fits[text, room] = (shown, metrics.horizontalAdvance(shown))
        else:
            fit = self._fits[text, room] = (text, width)
        return fit

    def _draw(
        self,
        painter: QPainter,
        rect: Any,
        text: str,
        align: Qt.AlignmentFlag | None,
        metrics: QFontMetrics,
        margin: int,
        mirrored: bool,
    ) -> None:
        """The text in the cell less its margins, elided at the end when it does not fit."""
        room = rect.width() - 2 * margin
        right = align is not None and bool(align & _RIGHT)
        fit = self._fits.get((text, room))
        if fit is None:
            fit = self._fit(text, room, metrics, exact=right or mirrored)
        text, width = fit
        if mirrored:  # right-to-left: the layout engine places (and orders) the text
            box = rect.adjusted(margin, 0, -margin, 0)
            flags = QStyle.visualAlignment(
                Qt.LayoutDirection.RightToLeft, align or Qt.AlignmentFlag.AlignLeft
            )
            painter.drawText(box, flags | Qt.AlignmentFlag.AlignVCenter, text)
            return
        x = rect.right() - margin - width + 1 if right else rect.x() + margin
        y = rect.y() + (rect.height() - metrics.height()) // 2 + metrics.ascent()
        painter.drawText(QPoint(x, y), text)
