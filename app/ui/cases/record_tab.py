"""`RecordTab`: the shared shape of the case's record tabs (parties, orders, statements,
manual events): a table with Add / Edit / Delete (and Reveal… where data is masked).

Every change is undoable: add ↔ delete, edit ↔ edit back, delete ↔ restore. Dialogs open
window-modal without blocking (`open()`), so the rest of the app keeps painting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.core import parties, records
from app.services.core.dto import CaseDetail
from app.ui.widgets.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from app.ui.case_host import CaseHost


class RecordTab(QWidget):
    """Table + buttons, refilled from every `CaseDetail` the view loads."""

    entity = ""

    def __init__(
        self,
        view: CaseHost,
        columns: Sequence[Column],
        records_of: Callable[[CaseDetail], Sequence[Any]],
    ) -> None:
        super().__init__()  # the host's tab widget adopts it
        self.view = view
        self.ctx = view.env.ctx
        self._records_of = records_of
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.table = QTableView(self)
        self.table.setObjectName(f"{self.entity}Table")
        self.model = RecordTableModel(columns, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.add_button(self.tr("Add…"), self.add_record, "add")
        self.add_button(self.tr("Edit…"), self.edit_current, "edit")
        self.add_button(self.tr("Delete"), self.delete_current, "delete")
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        view.loaded.connect(self.set_detail)

    def add_button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{self.entity}_{name}")
        button.clicked.connect(lambda _c=False: slot())
        self.buttons.insertWidget(self.buttons.count(), button)
        return button

    def case_tz(self) -> str:
        """The open case's zone, in which every time of the tab is shown."""
        return self.view.detail.tz if self.view.detail else "UTC"

    # Each tab opens its own dialogs; these are the three actions every tab offers.
    def add_record(self) -> None:
        raise NotImplementedError(type(self).__name__)

    def edit_current(self) -> None:
        raise NotImplementedError(type(self).__name__)

    def set_detail(self, detail: CaseDetail) -> None:
        selected = self.current()
        self.model.set_records(self._records_of(detail))
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select(selected.id)

    def current(self) -> Any:
        index = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)

    def show_dialog(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        """Open `dialog` window-modal; `on_accept` runs after OK (inputs already checked)."""
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    # --- shared undoable operations -------------------------------------------------------
    def _set_deleted(self, record_id: int, deleted: bool) -> Any:
        version = self.view.version_of(self.entity, record_id)
        if self.entity == "party":
            return parties.set_party_deleted(self.ctx, record_id, version, deleted)
        new_version = records.set_deleted(self.ctx, self.entity, record_id, version, deleted)
        return self.view.remember(new_version, self.entity, record_id)

    def delete_current(self) -> None:
        record = self.current()
        if record is None:
            return
        record_id = record.id
        self.view.execute(
            self.tr("Delete %1").replace("%1", self.describe(record)),
            lambda _p: self._set_deleted(record_id, True),
            lambda _p: self._set_deleted(record_id, False),
        )

    def create_undoable(
        self, text: str, add: Callable[[], Any], on_done: Callable[[Any], None] | None = None
    ) -> None:
        """Add a record; undo deletes it, redo restores the same record."""
        created: dict[str, int] = {}

        def apply(_p: object) -> Any:
            if "id" in created:
                return self._set_deleted(created["id"], False)
            result = add()
            created["id"] = (result.party if isinstance(result, parties.PartyResult) else result).id
            return result

        self.view.execute(
            text, apply, lambda _p: self._set_deleted(created["id"], True), on_done=on_done
        )

    def update_undoable(
        self, text: str, record_id: int, update: Callable[[int, bool], Any]
    ) -> None:
        """`update(version, forward)`: forward=True applies the edit, False writes it back."""
        self.view.execute(
            text,
            lambda _p: update(self.view.version_of(self.entity, record_id), True),
            lambda _p: update(self.view.version_of(self.entity, record_id), False),
        )

    def reveal(self, record_id: int, field: str, column: int, what: str) -> None:
        self.view.env.privacy.reveal(
            self.view.env.tasks,
            self,
            what=what,
            entity=self.entity,
            entity_id=record_id,
            field=field,
            on_revealed=lambda value: self.model.set_text(record_id, column, value),
            on_error=self.view.show_error,
        )

    def describe(self, record: Any) -> str:
        return str(record.id)
