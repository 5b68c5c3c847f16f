"""The base of a filter bar (calls, messages, the case list): text fields, "any …" combo boxes and
range check boxes whose edits are collected for a moment before `changed(filter)` fires, so
typing a number or a word runs one query, not one per key. A subclass lays out its fields with
the helpers below and says what its filter is (`current_filter`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

DELAY_MS = 250  # the pause in typing after which a filter applies


def typing_pause(parent: QObject, apply: Callable[[], object]) -> QTimer:
    """A single-shot timer that calls `apply` once typing has paused for `DELAY_MS`:
    `start()` it at every edit (the filter bars; a panel with a lone search box)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(DELAY_MS)
    timer.timeout.connect(apply)
    return timer


class FilterBar(QWidget):
    changed = Signal(object)  # the subclass's filter (`current_filter()`)

    DELAY_MS = DELAY_MS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = typing_pause(self, self.emit_now)

    # --- fields -----------------------------------------------------------------------------
    def text_field(self, name: str, placeholder: str, tooltip: str = "") -> QLineEdit:
        """A line edit with a clear button; Enter applies the filters at once."""
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        if tooltip:
            edit.setToolTip(tooltip)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self.later)
        edit.returnPressed.connect(self.emit_now)
        return edit

    def any_combo(
        self, name: str, any_text: str, any_value: object = None, *, at_once: bool = False
    ) -> QComboBox:
        """A combo box whose first choice, `any_text`, filters nothing; `at_once`: a choice
        applies without the pause (a deliberate pick, not typing)."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(any_text, any_value)
        combo.currentIndexChanged.connect(self._at_once if at_once else self.later)
        return combo

    def check(self, name: str, text: str, *edits: QWidget) -> QCheckBox:
        """A check box that switches on a part of the filter, with the editors of that part
        (enabled only while it is checked; their edits count only then)."""
        box = QCheckBox(text, self)
        box.setObjectName(name)
        for edit in edits:
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
        box.toggled.connect(self.later)
        return box

    def later_if(self, box: QCheckBox) -> Callable[..., None]:
        """A slot for an editor's change: counts only while `box` is checked."""
        return lambda *_a: self.later() if box.isChecked() else None

    @staticmethod
    def refill(combo: QComboBox, items: Iterable[tuple[str, object]]) -> bool:
        """Replace the choices after the first ("any …") one, keeping the chosen one when it is
        still there. Returns whether the chosen one vanished (the filter changed)."""
        chosen, was_any = combo.currentData(), combo.currentIndex() <= 0
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        found = 0 if was_any else combo.findData(chosen)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        return found < 0

    @staticmethod
    def quietly(widgets: Iterable[QWidget], change: Callable[[], object]) -> None:
        """Make `change` with the widgets' signals blocked (one `changed` follows instead)."""
        widgets = list(widgets)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            change()
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    # --- applying ---------------------------------------------------------------------------
    def later(self, *_args: object) -> None:
        """Apply the filters after a short pause (restarted by every edit)."""
        self._timer.start()

    def _at_once(self, *_args: object) -> None:
        self.emit_now()

    def cancel_pending(self) -> None:
        """Forget edits not applied yet (the caller reloads itself)."""
        self._timer.stop()

    def emit_now(self) -> None:
        """Apply the filters at once (also what the pause ends in)."""
        self._timer.stop()
        self.changed.emit(self.current_filter())

    def current_filter(self) -> object:
        raise NotImplementedError
