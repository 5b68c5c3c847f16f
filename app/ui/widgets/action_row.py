"""A feature tab's top row (calls, messages): its action buttons on the left and, at the right
end, how many records it shows. The texts come translated from the tab."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class ActionRow(QHBoxLayout):
    def __init__(self, owner: QWidget, count_name: str) -> None:
        super().__init__()
        self._owner = owner
        self.addStretch(1)
        self.count_label = QLabel(owner)
        self.count_label.setObjectName(count_name)
        self.addWidget(self.count_label)

    def button(
        self,
        text: str,
        name: str,
        slot: Callable[[], object],
        tooltip: str = "",
        enabled: bool = True,
    ) -> QPushButton:
        """A push button placed after the ones before it (left of the stretch)."""
        button = QPushButton(text, self._owner)
        button.setObjectName(name)
        if tooltip:
            button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        button.setEnabled(enabled)
        self.insertWidget(self.count() - 2, button)
        return button
