"""The column-mapping editor of the import dialog: one row per call field, a combo box with
the file's columns. `edited(field, column_ref)` fires when the investigator changes one.

A column reference is what the import service takes: the header name, or the 1-based column
number as text for a file without a header. A preset's reference may list alternatives
(`Дата и время|Дата звонка`); the editor shows the column it resolves to in this file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.ui.calls.labels import field_label


def column_index(ref: str, columns: Sequence[str]) -> int | None:
    """The column `ref` names in a file with these columns (first alternative present)."""
    lowered = [c.strip().lower() for c in columns]
    for option in str(ref).split("|"):
        key = option.strip().lower()
        if key in lowered:
            return lowered.index(key)
        if key.isdigit() and 1 <= int(key) <= len(columns):
            return int(key) - 1
    return None


REQUIRED = ("start", "caller", "callee")  # of a call log


class MappingEditor(QTableWidget):
    edited = Signal(str, str)  # field, column reference ("" = not mapped)

    def __init__(
        self,
        fields: Sequence[str],
        parent: QWidget | None = None,
        required: Sequence[str] = REQUIRED,
    ) -> None:
        super().__init__(len(fields), 2, parent)
        self.setObjectName("mappingEditor")
        self._fields = list(fields)
        self.required = tuple(required)
        self._combos: dict[str, QComboBox] = {}
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        for row, name in enumerate(self._fields):
            text = field_label(name) + (" *" if name in self.required else "")
            item = QTableWidgetItem(text)
            item.setToolTip(self.tr("Required") if name in self.required else "")
            self.setItem(row, 0, item)
            combo = QComboBox(self)
            combo.setObjectName(f"map_{name}")
            combo.currentIndexChanged.connect(lambda _i, f=name: self._changed(f))
            self._combos[name] = combo
            self.setCellWidget(row, 1, combo)
        self.resizeRowsToContents()

    def combo(self, field: str) -> QComboBox:
        return self._combos[field]

    def set_columns(
        self, columns: Sequence[str], has_header: bool, mapping: Mapping[str, str]
    ) -> None:
        """Offer `columns` and show the mapping in use (no `edited` signals)."""
        for name, combo in self._combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), "")
            for i, column in enumerate(columns):
                ref = column if has_header else str(i + 1)
                text = (
                    f"{i + 1}: {column}"
                    if has_header
                    else self.tr("Column %1").replace("%1", str(i + 1))
                )
                combo.addItem(text, ref)
            index = column_index(mapping[name], columns) if name in mapping else None
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.blockSignals(False)

    def select(self, field: str, ref: str) -> None:
        """Choose the column `ref` for `field`, as the investigator would."""
        combo = self._combos[field]
        combo.setCurrentIndex(max(0, combo.findData(ref)))

    def mapping(self) -> dict[str, str]:
        """`field → column reference` for every mapped field."""
        return {f: c.currentData() for f, c in self._combos.items() if c.currentData()}

    def _changed(self, field: str) -> None:
        self.edited.emit(field, self._combos[field].currentData() or "")
