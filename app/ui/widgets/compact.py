"""Combo boxes that give up width on a small screen: they shrink to a few characters (the
current choice elided) while their drop-down list still shows every choice in full."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QSizePolicy


class _WidePopup(QObject):
    """Widens the drop-down to its longest item each time it opens (items change)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            view = self.combo.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        return False


def compact(combo: QComboBox, chars: int = 10) -> QComboBox:
    """Let `combo` shrink to `chars` characters and grow with the space it is given."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    popup = combo.view().window()
    popup.installEventFilter(_WidePopup(combo))
    return combo
