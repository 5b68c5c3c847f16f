"""Every number seen in the case's calls: how many calls, first and last contact in the case's
zone, total talk time, whose number it is. "Link to party…" says a number belongs to one of
the case's parties (audited); "Unlink" takes it back. Virtual numbers are shown in grey."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.calls import query as calls_query
from app.services.calls.dto import NumberSummary
from app.services.core.dto import CaseDetail, PartyInfo
from app.ui.calls.import_preview import compact_rows
from app.ui.calls.number_model import NumberSummaryModel
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.labels import role_label


class LinkDialog(QDialog):
    """Choose the party a number belongs to."""

    def __init__(self, number: str, parties: list[PartyInfo], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link a number to a party"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Whose number is %1?").replace("%1", number), self))
        self.party = QComboBox(self)
        self.party.setObjectName("linkParty")
        for party in parties:
            self.party.addItem(f"{party.name} ({role_label(party.role)})", party.id)
        layout.addWidget(self.party)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class NumbersPanel(QWidget):
    links_changed = Signal()  # a number was linked or unlinked
    loaded = Signal(int)  # numbers shown after a load

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.tz = "UTC"
        self.parties: list[PartyInfo] = []
        self.dialog: LinkDialog | None = None
        self._stale = False
        self._generation = 0
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.link_button = QPushButton(self.tr("Link to party…"), self)
        self.link_button.setObjectName("linkNumber")
        self.link_button.clicked.connect(self.ask_link)
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        self.unlink_button.setObjectName("unlinkNumber")
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.status = QLabel(self)
        self.status.setObjectName("numbersStatus")
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        self.model = NumberSummaryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(NumberSummaryModel.SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("numbersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NumberSummaryModel.CALLS, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        compact_rows(self.table)
        widths = (130, 140, 55, 120, 120, 60)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    @property
    def numbers(self) -> list[NumberSummary]:
        return self.model.numbers()

    def set_case(self, detail: CaseDetail) -> None:
        """The case was (re)loaded; the summary is read when the panel is on screen (on a
        million calls it takes seconds and would hold up the table's own reads)."""
        self.tz = detail.tz
        self.parties = list(detail.parties)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        generation, ctx, case_id = self._generation, self.env.ctx, self.case_id
        self.status.setText(self.tr("Counting…"))
        self.env.tasks.run_read(
            lambda _p: calls_query.number_summary(ctx, case_id),
            lambda numbers: self._show(generation, numbers),
            self._show_error,
        )

    def _show(self, generation: int, numbers: list[NumberSummary]) -> None:
        if generation != self._generation:
            return
        selected = self.current()
        self.model.set_numbers(numbers, self.tz)
        self.status.setText(self.tr("%Ln number(s)", "", len(numbers)))
        if selected is not None:
            self.select_number(selected.number_id)
        self._update_buttons()
        self.loaded.emit(len(numbers))

    def current(self) -> NumberSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item: NumberSummary = self.proxy.data(rows[0], NumberSummaryModel.NUMBER_ROLE)
        return item

    def select_number(self, number_id: int) -> None:
        row = self.model.row_of(number_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def text_of(self, number_id: int, column: int) -> str:
        """What the table shows for a number in a column (tests and tooltips)."""
        return str(self.model.data(self.model.index(self.model.row_of(number_id), column)))

    def _update_buttons(self, *_args: object) -> None:
        item = self.current()
        self.link_button.setEnabled(item is not None and item.party_id is None)
        self.unlink_button.setEnabled(item is not None and item.party_id is not None)

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- linking --------------------------------------------------------------------------
    def ask_link(self) -> None:
        item = self.current()
        if item is None or not self.parties:
            return
        dialog = LinkDialog(item.number, self.parties, self)
        number_id = item.number_id
        dialog.accepted.connect(lambda: self.link(number_id, dialog.party.currentData()))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def link(self, number_id: int, party_id: int) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_db(
            lambda _p: calls_query.link_number(ctx, case_id, number_id, party_id),
            lambda _r: self.links_changed.emit(),
            self._show_error,
        )

    def unlink_selected(self) -> None:
        item = self.current()
        if item is None or item.party_id is None:
            return
        ctx, case_id = self.env.ctx, self.case_id
        number_id, party_id = item.number_id, item.party_id
        self.env.tasks.run_db(
            lambda _p: calls_query.unlink_number(ctx, case_id, number_id, party_id),
            lambda _r: self.links_changed.emit(),
            self._show_error,
        )
