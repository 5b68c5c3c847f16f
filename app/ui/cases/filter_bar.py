"""The case list's filters: one search box (number, title, a party's name or courier ID,
phone digits, an order number) and the status, region and category choices. Typing is
collected for a moment before `changed(CaseQuery)` fires (`FilterBar`); a choice in a combo
box, or Enter in the search, applies at once."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.domain.cases import CaseStatus, Category
from app.ui.cases.list_model import CaseQuery
from app.ui.labels import category_label, status_label
from app.ui.widgets.compact import compact
from app.ui.widgets.filter_bar import FilterBar


class CaseFilterBar(FilterBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Short enough for a narrow list in Russian too; the tooltip says it in full.
        self.search = self.text_field(
            "caseSearch",
            self.tr("Number, title, name, phone, order"),
            self.tr(
                "Search by case number, title, a party's name or courier ID, digits of a phone "
                "number (any part) or an order number. Ctrl+F comes here."
            ),
        )
        layout.addWidget(self.search)
        self.row = QHBoxLayout()  # the panel adds the count after the choices
        self.status = self.any_combo("statusFilter", self.tr("All statuses"), at_once=True)
        for status in CaseStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.region = self.any_combo("regionFilter", self.tr("All regions"), at_once=True)
        self.category = self.any_combo("categoryFilter", self.tr("All categories"), at_once=True)
        for category in Category:
            self.category.addItem(category_label(category.value), category.value)
        for combo, chars in ((self.status, 8), (self.region, 6), (self.category, 10)):
            self.row.addWidget(compact(combo, chars), chars)  # the list can be narrow
        layout.addLayout(self.row)

    def current_filter(self) -> CaseQuery:
        """The filters as a query in the default order (the list keeps its own order)."""
        return CaseQuery(
            text=self.search.text().strip(),
            status=self.status.currentData(),
            region=self.region.currentData(),
            category=self.category.currentData(),
        )
