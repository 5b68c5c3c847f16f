"""Every number seen in the case's calls: how many calls, first and last contact in the case's
zone, total talk time, whose number it is. "Link to party…" says a number belongs to one of
the case's parties (audited); "Unlink" takes it back. Virtual numbers are shown in grey."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import calls_query
from app.services.calls_dto import NumberSummary
from app.services.dto import CaseDetail, PartyInfo
from app.ui.calls.import_preview import compact_rows
from app.ui.calls.labels import format_duration
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.labels import role_label
from app.ui.widgets.datetime_edit import format_local

VIRTUAL = QBrush(QColor("#5c6b7a"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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

    NUMBER, PARTY, CALLS, FIRST, LAST, TALK = range(6)

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.tz = "UTC"
        self.parties: list[PartyInfo] = []
        self.numbers: list[NumberSummary] = []
        self.dialog: LinkDialog | None = None
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.link_button = QPushButton(self.tr("Link to party…"), self)
        self.link_button.setObjectName("linkNumber")
        self.link_button.clicked.connect(self.ask_link)
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        self.unlink_button.setObjectName("unlinkNumber")
        self.unlink_button.clicked.connect(self.unlink_selected)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("numbersTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Party"),
                self.tr("Calls"),
                self.tr("First contact"),
                self.tr("Last contact"),
                self.tr("Talk time"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PARTY, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(self.PARTY, 140)
        self.table.setWordWrap(False)
        compact_rows(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def set_case(self, detail: CaseDetail) -> None:
        self.tz = detail.tz
        self.parties = list(detail.parties)
        self.refresh()

    def refresh(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: calls_query.number_summary(ctx, case_id),
            self._show,
            lambda exc: show_error(self, exc),
        )

    def _show(self, numbers: list[NumberSummary]) -> None:
        selected = self.current()
        self.numbers = numbers
        self.table.setRowCount(len(numbers))
        for row, item in enumerate(numbers):
            cells = {
                self.NUMBER: item.number,
                self.PARTY: item.party_name or "",
                self.CALLS: str(item.calls),
                self.FIRST: format_local(item.first_utc, self.tz),
                self.LAST: format_local(item.last_utc, self.tz),
                self.TALK: format_duration(item.talk_s),
            }
            for column, text in cells.items():
                self.table.setItem(row, column, QTableWidgetItem(text))
            if item.virtual:
                cell = self.table.item(row, self.NUMBER)
                cell.setForeground(VIRTUAL)
                cell.setToolTip(self.tr("A virtual (masking) number of the call platform"))
            if item.party_role:
                self.table.item(row, self.PARTY).setToolTip(role_label(item.party_role))
            self.table.item(row, self.CALLS).setTextAlignment(RIGHT)
            self.table.item(row, self.TALK).setTextAlignment(RIGHT)
        if selected is not None:
            self.select_number(selected.number_id)
        self._update_buttons()

    def current(self) -> NumberSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.numbers[rows[0].row()] if rows else None

    def select_number(self, number_id: int) -> None:
        for row, item in enumerate(self.numbers):
            if item.number_id == number_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        item = self.current()
        self.link_button.setEnabled(item is not None and item.party_id is None)
        self.unlink_button.setEnabled(item is not None and item.party_id is not None)

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
            lambda exc: show_error(self, exc),
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
            lambda exc: show_error(self, exc),
        )
