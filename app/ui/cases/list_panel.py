"""The case list panel: one search box, status/region/category filters and the case table.

Typing searches after a short pause (the search runs in SQL off the GUI thread); the header
sorts in SQL too. Activating a row asks the window to open that case.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import CaseStatus, Category
from app.services.core import cases as case_service
from app.ui.cases.list_model import CaseListModel
from app.ui.env import UiEnv
from app.ui.labels import category_label, status_label
from app.ui.widgets.compact import compact

SEARCH_DELAY_MS = 250


class CaseListPanel(QWidget):
    open_requested = Signal(int)  # case id

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = CaseListModel(env.ctx, env.tasks, env.ctx.settings.default_tz, self)
        self._regions_stale = True  # region choices are read after the list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        # Short enough for a narrow list in Russian too; the tooltip says it in full.
        self.search.setPlaceholderText(self.tr("Number, title, name, phone, order"))
        self.search.setToolTip(
            self.tr(
                "Search by case number, title, a party's name or courier ID, digits of a phone "
                "number (any part) or an order number. Ctrl+F comes here."
            )
        )
        layout.addWidget(self.search)

        filters = QHBoxLayout()
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        for status in CaseStatus:
            self.status.addItem(status_label(status.value), status.value)
        self.region = QComboBox(self)
        self.region.setObjectName("regionFilter")
        self.region.addItem(self.tr("All regions"), None)
        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        for category in Category:
            self.category.addItem(category_label(category.value), category.value)
        for combo, chars in ((self.status, 8), (self.region, 6), (self.category, 10)):
            filters.addWidget(compact(combo, chars), chars)  # the list can be narrow
        self.count = QLabel(self)
        self.count.setObjectName("caseCount")
        filters.addWidget(self.count)
        layout.addLayout(filters)

        self.view = QTableView(self)
        self.view.setObjectName("caseTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # Uniform rows: the view never asks for every row's size, whatever the case count.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(CaseListModel.NUMBER, 130)
        header.resizeSection(CaseListModel.TITLE, 230)
        header.setSortIndicator(CaseListModel.RECEIVED, Qt.SortOrder.DescendingOrder)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status, self.region, self.category):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.view.activated.connect(self._activated)
        self.model.search_finished.connect(self._show_count)
        self.model.search_started.connect(lambda: self.count.setText(self.tr("Searching…")))
        self.model.search_failed.connect(lambda exc: self.count.setText(str(exc)))

    # --- filters --------------------------------------------------------------------------
    def reload(self) -> None:
        """Run the current search again, then refresh the region choices (after the list:
        the first screen's read goes first)."""
        self._regions_stale = True
        self.apply_filters()

    def _load_regions(self) -> None:
        ctx = self.env.ctx

        def done(choices: dict[str, list[str]]) -> None:
            current = self.region.currentData()
            self.region.blockSignals(True)
            self.region.clear()
            self.region.addItem(self.tr("All regions"), None)
            for region in choices.get("region", []):
                self.region.addItem(region, region)
            self.region.setCurrentIndex(max(0, self.region.findData(current)))
            self.region.blockSignals(False)

        self.env.tasks.run_read(lambda _p: case_service.filter_choices(ctx), done)

    def apply_filters(self) -> None:
        self._timer.stop()
        query = replace(
            self.model.query,
            text=self.search.text().strip(),
            status=self.status.currentData(),
            region=self.region.currentData(),
            category=self.category.currentData(),
        )
        self.model.set_query(query)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("%n case(s)", "", total))
        if self._regions_stale:
            self._regions_stale = False
            self._load_regions()

    # --- opening ----------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id_at(index.row())
        if case_id is not None:
            self.open_requested.emit(case_id)

    # --- state ----------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("caseList/header", self.view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("caseList/header")
        if isinstance(state, QByteArray | bytes):
            self.view.horizontalHeader().restoreState(QByteArray(state))
