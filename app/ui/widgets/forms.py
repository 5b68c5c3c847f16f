"""Small pieces shared by edit dialogs: an inline error label and field highlighting."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ErrorLabel(QLabel):
    """A red, word-wrapped line under a form that explains what is wrong; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline a field in red while its value is invalid."""
    widget.setStyleSheet("border: 1px solid #b00020;" if invalid else "")
