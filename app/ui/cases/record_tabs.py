"""The orders (with status events), statements (with their signed copies) and manual events
tabs of a case."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QTableView

from app.services.core import evidence_files, records
from app.services.core.bootstrap import OPENED_COPIES, data_path
from app.services.core.dto import CaseDetail, ManualEventInfo, OrderInfo, StatementInfo
from app.services.core.evidence_files import EvidenceInfo
from app.services.core.records import EventInput, OrderInput, StatementInput
from app.ui.cases.record_dialogs import EventDialog, OrderDialog, StatementDialog
from app.ui.cases.record_tab import RecordTab
from app.ui.labels import order_event_label
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from app.ui.case_host import CaseHost


def _party_name(detail: CaseDetail | None, party_id: int | None) -> str:
    if detail is None or party_id is None:
        return ""
    return next((p.name for p in detail.parties if p.id == party_id), "")


class OrdersTab(RecordTab):
    entity = "order"
    NUMBER, SLOT, COURIER, CUSTOMER, ADDRESS, STATUS = range(6)

    def __init__(self, view: CaseHost) -> None:
        columns: list[Column] = [
            (self.tr("Order"), lambda o: o.number),
            (self.tr("Slot"), self._slot_text),
            (self.tr("Courier"), lambda o: _party_name(view.detail, o.courier_party_id)),
            (self.tr("Customer"), lambda o: _party_name(view.detail, o.customer_party_id)),
            (self.tr("Address"), lambda o: o.address_masked),
            (self.tr("Last status"), self._last_status),
        ]
        super().__init__(view, columns, lambda d: d.orders)
        self.add_button(self.tr("Reveal address…"), self.reveal_address, "revealAddress")
        self.buttons.addStretch(1)
        # The selected order's status events, in the case's zone, below the orders.
        self.events_model = RecordTableModel(
            [
                (self.tr("Status"), lambda e: order_event_label(e.kind)),
                (self.tr("Time"), lambda e: format_local(e.at, self.case_tz(), seconds=True)),
                (self.tr("Source"), lambda e: e.source),
            ],
            self,
        )
        self.events_table = QTableView(self)
        self.events_table.setObjectName("orderEventsTable")
        self.events_table.setModel(self.events_model)
        self.events_table.verticalHeader().setVisible(False)
        self.events_table.horizontalHeader().setStretchLastSection(True)
        self.events_table.setMaximumHeight(180)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(QLabel(self.tr("Status events of the selected order:"), self))
        layout.addWidget(self.events_table)
        self.table.selectionModel().currentRowChanged.connect(self._show_events)

    def _slot_text(self, order: OrderInfo) -> str:
        if order.slot_start is None:
            return ""
        tz = self.case_tz()
        return f"{format_local(order.slot_start, tz)} – {format_local(order.slot_end, tz)}"

    def _last_status(self, order: OrderInfo) -> str:
        if not order.events:
            return ""
        return order_event_label(max(order.events, key=lambda e: e.at).kind)

    def _show_events(self, *_args: object) -> None:
        order = self.current()
        self.events_model.set_records(sorted(order.events, key=lambda e: e.at) if order else [])
        self.events_table.resizeColumnsToContents()

    def set_detail(self, detail: CaseDetail) -> None:
        super().set_detail(detail)
        if self.current() is None and detail.orders:
            self.table.selectRow(0)
        self._show_events()

    def describe(self, record: Any) -> str:
        return self.tr("order %1").replace("%1", record.number)

    def add_record(self) -> None:
        if self.view.detail is None:
            return
        dialog = OrderDialog(self.view.detail, None, self)
        self.show_dialog(dialog, lambda: self._added(dialog))

    def _added(self, dialog: OrderDialog) -> None:
        data, case_id = dialog.order_input(), self.view.case_id
        self.create_undoable(
            self.tr("Add %1").replace("%1", self.tr("order %1").replace("%1", data.number)),
            lambda: records.add_order(self.ctx, case_id, data),
        )

    def edit_current(self) -> None:
        order = self.current()
        if order is None or self.view.detail is None:
            return
        dialog = OrderDialog(self.view.detail, order, self)
        self.show_dialog(dialog, lambda: self._edited(order, dialog))

    def _edited(self, old: OrderInfo, dialog: OrderDialog) -> None:
        new, keep_address, ctx = dialog.order_input(), dialog.keep_address(), self.ctx
        previous = OrderInput(
            number=old.number,
            slot_start=old.slot_start,
            slot_end=old.slot_end,
            courier_party_id=old.courier_party_id,
            customer_party_id=old.customer_party_id,
            events=tuple((e.kind, e.at) for e in old.events),
        )

        def update(version: int, forward: bool) -> Any:
            if forward:
                return records.update_order(ctx, old.id, version, new, keep_address=keep_address)
            return records.update_order(ctx, old.id, version, previous, keep_address=True)

        self.update_undoable(self.tr("Edit %1").replace("%1", self.describe(old)), old.id, update)

    def reveal_address(self) -> None:
        order = self.current()
        if order is not None and order.address_masked:
            what = self.tr("the delivery address of order %1").replace("%1", order.number)
            self.reveal(order.id, "address", self.ADDRESS, what)


class StatementsTab(RecordTab):
    entity = "statement"

    def __init__(self, view: CaseHost) -> None:
        self._scans: dict[int, EvidenceInfo] = {}
        columns: list[Column] = [
            (self.tr("Taken at"), lambda s: format_local(s.taken_at, self.case_tz())),
            (self.tr("Given by"), lambda s: _party_name(view.detail, s.party_id)),
            (self.tr("Taken by"), lambda s: s.taken_by),
            (self.tr("Signed copy"), self._scan_name),
            (self.tr("Text"), lambda s: s.text.splitlines()[0] if s.text else ""),
        ]
        super().__init__(view, columns, lambda d: d.statements)
        self.add_button(self.tr("Open signed copy"), self.open_scan, "openScan")
        self.buttons.addStretch(1)

    def _scan_name(self, statement: StatementInfo) -> str:
        scan = self._scans.get(statement.attachment_id or 0)
        return scan.original_name if scan else ""

    def set_detail(self, detail: CaseDetail) -> None:
        super().set_detail(detail)
        ctx, case_id = self.ctx, detail.id
        self.view.env.tasks.run_read(
            lambda _p: evidence_files.list_evidence(ctx, case_id), self._show_scans
        )

    def _show_scans(self, evidence: list[EvidenceInfo]) -> None:
        self._scans = {e.id: e for e in evidence}
        self.model.refresh()

    def open_scan(self) -> None:
        """Open a copy of the signed statement (the stored original stays untouched)."""
        statement = self.current()
        scan = self._scans.get(statement.attachment_id or 0) if statement else None
        if scan is None:
            return
        folder = data_path(self.ctx, *OPENED_COPIES, scan.sha256[:16])
        copy = folder / Path(scan.original_name).name
        if not copy.exists():
            shutil.copyfile(evidence_files.evidence_path(self.ctx, scan), copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def describe(self, record: Any) -> str:
        tz = self.view.detail.tz if self.view.detail else "UTC"
        return self.tr("statement of %1").replace("%1", format_local(record.taken_at, tz))

    def _dialog(self, statement: StatementInfo | None) -> StatementDialog | None:
        if self.view.detail is None:
            return None
        investigator = self.ctx.settings.investigator_name or self.ctx.actor
        name = self._scan_name(statement) if statement else ""
        return StatementDialog(self.view.detail, statement, investigator, self, name)

    def _with_scan(self, data: StatementInput, scan: Path | None) -> StatementInput:
        """Store a newly attached signed copy (DB lane) and point the statement at it."""
        if scan is None:
            return data
        stored = evidence_files.add_evidence(
            self.ctx, self.view.case_id, scan, kind="statement", source=scan.name
        )
        return replace(data, attachment_id=stored.id)

    def add_record(self) -> None:
        dialog = self._dialog(None)
        if dialog is not None:
            self.show_dialog(
                dialog, lambda: self._added(dialog.statement_input(), dialog.scan_path)
            )

    def _added(self, data: StatementInput, scan: Path | None) -> None:
        case_id = self.view.case_id
        self.create_undoable(
            self.tr("Add statement"),
            lambda: records.add_statement(self.ctx, case_id, self._with_scan(data, scan)),
        )

    def edit_current(self) -> None:
        statement = self.current()
        dialog = self._dialog(statement) if statement is not None else None
        if dialog is not None:
            self.show_dialog(
                dialog,
                lambda: self._edited(statement, dialog.statement_input(), dialog.scan_path),
            )

    def _edited(self, old: StatementInfo, new: StatementInput, scan: Path | None) -> None:
        previous = StatementInput(
            old.party_id, old.taken_at, old.taken_by, old.text, attachment_id=old.attachment_id
        )
        ctx = self.ctx
        stored: dict[str, StatementInput] = {}

        def update(version: int, forward: bool) -> Any:
            if not forward:
                return records.update_statement(ctx, old.id, version, previous)
            if "new" not in stored:  # the scan is stored once, redo reuses it
                stored["new"] = self._with_scan(new, scan)
            return records.update_statement(ctx, old.id, version, stored["new"])

        self.update_undoable(self.tr("Edit statement"), old.id, update)


class EventsTab(RecordTab):
    entity = "event"

    def __init__(self, view: CaseHost) -> None:
        columns: list[Column] = [
            (self.tr("Time"), lambda e: format_local(e.at, self.case_tz())),
            (
                self.tr("±"),
                lambda e: self.tr("%n min", "", e.uncertainty_s // 60) if e.uncertainty_s else "",
            ),
            (self.tr("Source"), lambda e: e.source),
            (self.tr("Party"), lambda e: _party_name(view.detail, e.party_id)),
            (self.tr("What happened"), lambda e: e.text),
        ]
        super().__init__(view, columns, lambda d: d.events)
        self.buttons.addStretch(1)

    def describe(self, record: Any) -> str:
        return self.tr("event")

    def add_record(self) -> None:
        if self.view.detail is None:
            return
        dialog = EventDialog(self.view.detail, None, self)
        self.show_dialog(dialog, lambda: self._added(dialog.event_input()))

    def _added(self, data: EventInput) -> None:
        case_id = self.view.case_id
        self.create_undoable(
            self.tr("Add event"), lambda: records.add_event(self.ctx, case_id, data)
        )

    def edit_current(self) -> None:
        event = self.current()
        if event is None or self.view.detail is None:
            return
        dialog = EventDialog(self.view.detail, event, self)
        self.show_dialog(dialog, lambda: self._edited(event, dialog.event_input()))

    def _edited(self, old: ManualEventInfo, new: EventInput) -> None:
        previous = EventInput(old.at, old.text, old.uncertainty_s, old.source, old.party_id)
        ctx = self.ctx

        def update(version: int, forward: bool) -> Any:
            return records.update_event(ctx, old.id, version, new if forward else previous)

        self.update_undoable(self.tr("Edit event"), old.id, update)
