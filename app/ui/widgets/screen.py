"""Window sizes that respect the screen: a dialog asks for its comfortable size, and gets at
most what the screen it opens on has (a 1366×768 laptop has 700-odd pixels of height)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int, share: float = 0.92) -> None:
    """`widget.resize(width, height)`, capped at `share` of the available screen area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, int(area.width() * share))
        height = min(height, int(area.height() * share))
    widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
