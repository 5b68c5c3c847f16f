"""The case list panel: the filters (`CaseFilterBar`: one search box, status/region/category)
and the case table.

Typing searches after a short pause (the search runs in SQL off the GUI thread); the header
sorts in SQL too. Activating a row asks the window to open that case.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.core import cases as case_service
from app.ui.cases.filter_bar import CaseFilterBar
from app.ui.cases.list_model import CaseListModel, CaseQuery
from app.ui.env import UiEnv
from app.ui.widgets.row_text_delegate import RowTextDelegate


class CaseListPanel(QWidget):
    open_requested = Signal(int)  # case id

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = CaseListModel(env.ctx, env.tasks, env.ctx.settings.default_tz, self)
        self._regions_stale = True  # region choices are read after the list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.filters = CaseFilterBar(self)
        # The bar's fields, named as the panel's (tests and the window use them).
        self.search = self.filters.search
        self.status, self.region, self.category = (
            self.filters.status,
            self.filters.region,
            self.filters.category,
        )
        self.count = QLabel(self)
        self.count.setObjectName("caseCount")
        self.filters.row.addWidget(self.count)
        layout.addWidget(self.filters)

        self.view = QTableView(self)
        self.view.setObjectName("caseTable")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RowTextDelegate(self.view))  # a cell: one drawText
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

        self.filters.changed.connect(self._apply)
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
            if self.filters.refill(self.region, [(r, r) for r in choices.get("region", [])]):
                self.apply_filters()  # the chosen region is gone: every region again

        self.env.tasks.run_read(lambda _p: case_service.filter_choices(ctx), done)

    def apply_filters(self) -> None:
        """Search with the filters as they are now (what the pause after typing ends in)."""
        self.filters.emit_now()

    def _apply(self, filters: CaseQuery) -> None:
        order = self.model.query
        self.model.set_query(replace(filters, order_by=order.order_by, descending=order.descending))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("%Ln case(s)", "", total))
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
