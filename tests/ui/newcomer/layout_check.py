"""What "fits" means for the layout tests: every visible control at least as large as it needs
to show its text (an empty box: its whole placeholder, the hint a newcomer reads) and not cut
off by its container, no tool bar that pushes a widget (which its » menu cannot show) out of
sight, and no tab that scrolls sideways as a whole."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolBar,
    QToolButton,
    QWidget,
    QWidgetAction,
)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QLabel)


def _name(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "currentText", "placeholderText"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            text = str(getter())
            if text:
                break
    parent = widget.parentWidget()
    owner = ""
    while parent is not None and not owner:
        owner = parent.objectName()
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {widget.objectName() or ''}{text[:40]!r} in {owner}"


def _in_scrolled_viewport(widget: QWidget, top: QWidget) -> bool:
    """Inside a table, list or a scroll area other than a feature tab's outer one: such
    places scroll by design (a form that scrolls, a long list), so clipping there is not a
    layout fault."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and not (
            isinstance(parent, QScrollArea) and parent.objectName() == ""
        ):
            return True
        parent = parent.parentWidget()
    return False


def clipped_controls(top: QWidget) -> list[str]:
    """Controls of `top` (visible ones) squeezed below the size their text needs, or cut off
    by the edge of what contains them."""
    problems: list[str] = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QToolButton) and widget.objectName() == "qt_toolbar_ext_button":
            continue
        if _in_scrolled_viewport(widget, top):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
            continue  # an editable combo's own line edit: the combo is checked
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.pixmap() is not None:
                continue
            need = widget.minimumSizeHint()
        else:
            need = widget.minimumSizeHint()
        cut = _placeholder_cut(widget)
        if cut:
            problems.append(f"{_name(widget)}: {cut}")
            continue
        if widget.width() + 1 < need.width() or widget.height() + 1 < need.height():
            problems.append(
                f"{_name(widget)}: {widget.width()}x{widget.height()} < "
                f"{need.width()}x{need.height()}"
            )
            continue
        shown = widget.visibleRegion().boundingRect()
        if not widget.visibleRegion().isEmpty() and shown.width() + 1 < widget.width():
            problems.append(f"{_name(widget)}: only {shown.width()} of {widget.width()} px shown")
            continue
        left = widget.mapTo(top, QPoint(0, 0)).x()
        if left < -1 or left + widget.width() > top.width() + 1:
            problems.append(f"{_name(widget)}: beyond the right or left edge")
    for bar in top.findChildren(QToolBar):
        # an action pushed into the » menu is still there; a widget (a search box, a menu
        # button) pushed out of a tool bar is not
        hidden = [
            _name(action.defaultWidget())
            for action in bar.actions()
            if isinstance(action, QWidgetAction)
            and action.defaultWidget() is not None
            and not action.defaultWidget().isVisible()
        ]
        if bar.isVisibleTo(top) and hidden:
            problems.append(f"tool bar {bar.objectName()} hides {', '.join(hidden)}")
    return problems


# A line edit's frame and its text's side margins (Fusion and the platform styles): the text
# starts this many pixels in from the edges together.
LINE_EDIT_SIDES = 10


def _placeholder_cut(widget: QWidget) -> str:
    """An empty line edit (or editable combo) whose placeholder does not fit: Qt elides it
    silently, and its minimum size never counts it."""
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    if not isinstance(edit, QLineEdit) or edit.text() or not edit.placeholderText():
        return ""
    margins = edit.textMargins()
    room = widget.width() - LINE_EDIT_SIDES - margins.left() - margins.right()
    if isinstance(widget, QComboBox):
        room -= widget.height()  # the arrow button
    need = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    return f"placeholder needs {need} px, {room} shown" if need > room else ""


def sideways_scrolling(top: QWidget) -> list[str]:
    """Feature tabs sit in scroll areas: at these sizes none may need to scroll sideways."""
    out = []
    areas = [top] if isinstance(top, QScrollArea) else []
    for area in [*areas, *top.findChildren(QScrollArea)]:
        if area.isVisibleTo(top) and area.horizontalScrollBar().isVisible():
            inner = area.widget()
            name = inner.objectName() if inner is not None else ""
            out.append(f"{name or area.objectName()} scrolls sideways")
    return out
