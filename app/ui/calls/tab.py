"""The call-log tab of a case: import, the call table with its filters, the findings of the
misuse detectors, the per-number summary and the complainant's contact chart (the last two are
read only when shown: on a million calls the summary takes seconds).

`create_tab(env, case_id, parent)` is the case view's entry point (CONTRACTS.md);
`CallsTab.select_call(call_id)` shows one call (the timeline routes double-clicks here).
Every database read runs in the runner's read pool, writes in its database lane, imports and
analysis in the CPU pool; a million-call case stays responsive because the table holds only
ids (`CallTableModel`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.calls import query as calls_query
from app.services.calls.dto import CallFilter, CallView, FindingView
from app.services.calls.query import FirstCalls
from app.services.core import cases as case_service
from app.services.core.dto import CaseDetail
from app.ui.calls.call_model import CallTableModel
from app.ui.calls.contact_chart import ContactChart, load_contacts
from app.ui.calls.filter_bar import CallFilterBar
from app.ui.calls.findings_panel import FindingsPanel
from app.ui.calls.import_dialog import ImportDialog
from app.ui.calls.labels import kind_label
from app.ui.calls.numbers_panel import NumbersPanel
from app.ui.calls.orders_dialog import OrdersImportDialog
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.labels import vocab
from app.ui.privacy import RevealDialog
from app.ui.widgets.action_row import ActionRow
from app.ui.widgets.row_text_delegate import RowTextDelegate

WIDE = 1150  # pixels from which the side panels stand beside the table
MAX_REVEAL = 1000  # calls revealed in one go: a reveal is for a reason, not a bulk export
FIRST_PAGE = 1000  # calls a filter shows before every match is found


def tab_title() -> str:
    return QCoreApplication.translate("CallsTab", "Calls")


def create_tab(env: UiEnv, case_id: int, parent: QWidget | None = None) -> QWidget:
    return CallsTab(env, case_id, parent)


class CallsTab(QWidget):
    calls_loaded = Signal(int)  # rows in the table after a (re)load

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.dialog: ImportDialog | None = None
        self.reveal_dialog: RevealDialog | None = None
        self._reveal_ids: list[int] = []
        self._generation = 0
        self._pending_select: int | None = None
        self._finding: FindingView | None = None
        self._analysis_due = False
        self._total = 0  # calls in the case (the last unfiltered count)
        self._chart_stale = False
        ctx = env.ctx
        self.model = CallTableModel(lambda ids: calls_query.calls_by_ids(ctx, ids), "UTC", self)
        self.model.prefetch(env.tasks)  # scrolling finds the next page already read

        layout = QVBoxLayout(self)
        top = ActionRow(self, "callCount")
        self.count_label = top.count_label
        self.import_button = top.button(
            self.tr("Import call log…"), "importCalls", self.open_import
        )
        self.orders_button = top.button(
            self.tr("Import orders…"),
            "importOrders",
            self.open_orders_import,
            self.tr("Orders and their status events: the detectors need the delivery times"),
        )
        self.reveal_button = top.button(
            self.tr("Reveal numbers…"),
            "revealCalls",
            self.reveal_selected,
            self.tr("Show the full numbers of the selected calls (asks for a reason, audited)"),
            enabled=False,
        )
        layout.addLayout(top)

        self.filters = CallFilterBar("UTC", self)
        self.filters.changed.connect(self._filter_changed)
        layout.addWidget(self.filters)

        banner = QHBoxLayout()
        self.finding_label = QLabel(self)
        self.finding_label.setObjectName("findingBanner")
        self.finding_label.setStyleSheet("font-weight: bold;")
        self.show_all_button = QPushButton(self.tr("Show all calls"), self)
        self.show_all_button.setObjectName("showAllCalls")
        self.show_all_button.clicked.connect(self.show_all)
        banner.addWidget(self.finding_label)
        banner.addWidget(self.show_all_button)
        banner.addStretch(1)
        layout.addLayout(banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(splitter)
        self.table.setObjectName("callTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(RowTextDelegate(self.table))  # a cell: one drawText
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures a million rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in _COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.side = QTabWidget(splitter)
        self.findings = FindingsPanel(env, case_id, self.side)
        self.findings.finding_selected.connect(self.show_finding)
        self.numbers = NumbersPanel(env, case_id, self.side)
        self.numbers.links_changed.connect(self._links_changed)
        self.chart = ContactChart(self.side)
        self.side.addTab(self.findings, vocab("term", "findings"))
        self.side.addTab(self.numbers, self.tr("Numbers"))
        self.side.addTab(self._chart_page(), self.tr("Contacts"))
        self.side.currentChanged.connect(self._side_changed)
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self._sized = False
        layout.addWidget(splitter, 1)
        self._show_banner()

        env.case_changed.connect(self._case_changed)
        self.reload()

    def _chart_page(self) -> QWidget:
        page = QWidget(self.side)
        layout = QVBoxLayout(page)
        layout.addWidget(self.chart, 1)
        legend = QLabel(
            self.tr(
                "The complainant's contacts. Line width: number of calls; red: at least one "
                "call not through a virtual number; orange: the courier."
            ),
            page,
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Side by side on a wide screen; on a laptop beside the case list the panels go under
        # the table, which keeps its full width.
        wanted = Qt.Orientation.Horizontal if self.width() >= WIDE else Qt.Orientation.Vertical
        if wanted != self.splitter.orientation() or not self._sized:
            self._sized = True
            self.splitter.setOrientation(wanted)
            self.splitter.setSizes([600, 400])  # proportions: the splitter scales them

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case (zone, parties), then the calls, the numbers and the findings."""
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: case_service.get_case(ctx, case_id), self._apply_case, self._failed
        )

    def _apply_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        if self._pending_select is None:  # keep the investigator's place across a reload
            current = self.table.currentIndex()
            self._pending_select = self.model.id_at(current.row()) if current.isValid() else None
        self.model.set_tz(detail.tz)
        self.filters.set_tz(detail.tz)
        self.filters.set_parties(detail.parties)
        self._analysis_due = True  # once the calls are counted
        if self._finding is not None:  # the findings are computed again: drop the old one
            self._finding = None
            self.findings.clear_selection()
            self._show_banner()
        self.numbers.set_case(detail)
        self.model.reload()
        self.refresh_calls()
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: {b.id: b.original_name for b in calls_query.list_batches(ctx, case_id)},
            self.model.set_batch_names,
            self._failed,
        )
        self._chart_stale = True
        self._side_changed()

    def _side_changed(self, *_args: object) -> None:
        # The chart reads the complainant's calls: only when it is looked at.
        if self._chart_stale and self.detail is not None and self.side.currentIndex() == 2:
            self._chart_stale = False
            self._load_chart(self.detail)

    def _load_chart(self, detail: CaseDetail) -> None:
        complainant = next((p for p in detail.parties if p.role == "complainant"), None)
        if complainant is None:
            self.chart.set_contacts("", [])
            return
        ctx, case_id, name = self.env.ctx, self.case_id, complainant.name
        roles = {p.name: p.role for p in detail.parties}
        self.env.tasks.run_read(
            lambda _p: load_contacts(ctx, case_id, complainant.id, name, roles),
            lambda contacts: self.chart.set_contacts(name, contacts),
            self._failed,
        )

    def refresh_calls(self) -> None:
        """Re-read the ids for the current filters (or the shown finding)."""
        if self._finding is not None:
            self._set_ids(list(self._finding.call_ids))
            return
        self._generation += 1
        generation, ctx, case_id = self._generation, self.env.ctx, self.case_id
        wanted = self.filters.current_filter()
        # The first screen at once (a number common to a hundred thousand calls of a million
        # shows its first page in tens of milliseconds), then every match.
        self.env.tasks.run_read(
            lambda _p: calls_query.first_call_ids(ctx, case_id, wanted, FIRST_PAGE),
            lambda page: self._first_loaded(generation, wanted, page),
            self._failed,
        )

    def _first_loaded(self, generation: int, wanted: CallFilter, page: FirstCalls) -> None:
        if generation != self._generation:
            return
        if page.complete:
            self._ids_loaded(generation, page.ids)
            return
        self.model.set_ids(page.ids)
        self.table.scrollToTop()
        self.count_label.setText(self.tr("%Ln call(s) shown, counting the rest…", "", FIRST_PAGE))
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: calls_query.call_ids(ctx, case_id, wanted),
            lambda ids: self._ids_loaded(generation, ids, rest=True),
            self._failed,
        )

    def _ids_loaded(self, generation: int, ids: Sequence[int], rest: bool = False) -> None:
        if generation != self._generation:  # a newer filter was applied meanwhile
            return
        self._set_ids(ids, rest)
        if self.filters.is_default():
            self._total = len(ids)
        if self._analysis_due and self.detail is not None:
            self._analysis_due = False
            self.findings.set_case(self.detail, self._total)

    def _set_ids(self, ids: Sequence[int], rest: bool = False) -> None:
        if rest:  # the first page is shown and perhaps scrolled: the rows grow beneath it
            self.model.extend_ids(ids)
        else:
            self.model.set_ids(ids)
            self.table.scrollToTop()
        if ids and self._finding is None and self.filters.is_default():
            first, last = self.model.call_at(0), self.model.call_at(len(ids) - 1)
            if first is not None and last is not None:
                self.filters.set_span(first.start_utc, last.start_utc)
        self.count_label.setText(self.tr("%Ln call(s)", "", len(ids)))
        if self._pending_select is not None and self.model.row_of(self._pending_select) >= 0:
            call_id, self._pending_select = self._pending_select, None
            self._select_row(self.model.row_of(call_id))
        self.calls_loaded.emit(len(ids))

    def _filter_changed(self, _filter: CallFilter) -> None:
        self._finding = None
        self._show_banner()
        self.refresh_calls()

    def _case_changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.reload()

    def _links_changed(self) -> None:
        # Every view of the case reloads on this signal, this tab included.
        self.env.case_changed.emit(self.case_id)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- findings -------------------------------------------------------------------------
    def show_finding(self, finding: FindingView | None) -> None:
        """Show only the calls a finding rests on (None: back to the filters)."""
        self._finding = finding
        self._show_banner()
        self.refresh_calls()

    def show_all(self) -> None:
        self.findings.clear_selection()
        self.show_finding(None)

    def _show_banner(self) -> None:
        finding = self._finding
        if finding is not None:
            self.finding_label.setText(
                self.tr("Calls of the finding “%1”").replace("%1", kind_label(finding.kind))
            )
        self.finding_label.setVisible(finding is not None)
        self.show_all_button.setVisible(finding is not None)

    def focus_search(self) -> None:
        """Ctrl+F while this tab has the focus: the number filter (the window routes it)."""
        self.filters.number.setFocus()
        self.filters.number.selectAll()

    # --- selection ------------------------------------------------------------------------
    def select_call(self, call_id: int) -> None:
        """Bring this tab forward and select the call; filters that hide it are cleared."""
        self._raise()
        row = self.model.row_of(call_id)
        if row >= 0:
            self._select_row(row)
            return
        self._pending_select = call_id
        if self._finding is not None or not self.filters.is_default():
            self._finding = None
            self.findings.clear_selection()
            self._show_banner()
            self.filters.clear()  # refreshes; the call is selected when the ids arrive

    def _raise(self) -> None:
        widget: QWidget | None = self
        while widget is not None:
            parent = widget.parentWidget()
            tabs = parent.parentWidget() if parent is not None else None
            if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
                tabs.setCurrentWidget(widget)
            widget = parent

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, CallTableModel.START)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.id_at(r) for r in rows) if cid is not None]

    # --- actions --------------------------------------------------------------------------
    def open_import(self) -> None:
        tz = self.detail.tz if self.detail else "UTC"
        self.dialog = ImportDialog(self.env, self.case_id, tz, self)
        self.dialog.imported.connect(self._imported)
        self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog.open()

    def open_orders_import(self) -> OrdersImportDialog:
        tz = self.detail.tz if self.detail else "UTC"
        dialog = OrdersImportDialog(self.env, self.case_id, tz, self)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _imported(self, _result: object) -> None:
        self.env.case_changed.emit(self.case_id)  # this tab reloads too

    def reveal_selected(self) -> RevealDialog | None:
        """Ask why (window-modal, not blocking), then reveal the selected calls' numbers."""
        ids = self.selected_ids()[:MAX_REVEAL]
        if not ids:
            return None
        if self.reveal_dialog is not None:
            self.reveal_dialog.deleteLater()
        self.reveal_dialog = RevealDialog(self.tr("the numbers of %Ln call(s)", "", len(ids)), self)
        self._reveal_ids = ids
        self.reveal_dialog.accepted.connect(self._reveal_accepted)
        self.reveal_dialog.open()
        return self.reveal_dialog

    def _reveal_accepted(self) -> None:
        if self.reveal_dialog is not None:
            self.reveal(self._reveal_ids, self.reveal_dialog.reason.text().strip())

    def _selection_changed(self, *_args: object) -> None:
        self.reveal_button.setEnabled(self.table.selectionModel().hasSelection())

    def _context_menu(self, at: QPoint) -> None:
        call = self.model.call_at(self.table.indexAt(at).row())
        if call is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Reveal numbers…"), self.reveal_selected)
        if call.order_number:
            order = call.order_number
            menu.addAction(
                self.tr("Calls of order %1").replace("%1", order),
                lambda: self.filters.order.setText(order),
            )
        menu.popup(self.table.viewport().mapToGlobal(at))

    def reveal(self, ids: Sequence[int], reason: str) -> None:
        """Reveal these calls' numbers with `reason` (audited by the service)."""
        ctx, case_id, wanted = self.env.ctx, self.case_id, list(ids)
        self.env.tasks.run_db(
            lambda _p: calls_query.reveal_calls(ctx, case_id, wanted, reason),
            self._revealed,
            self._failed,
        )

    def _revealed(self, views: list[CallView]) -> None:
        self.model.set_revealed(views)
        self.env.privacy.revealed.emit("calls", self.case_id, "numbers")


_COLUMN_WIDTHS = {
    CallTableModel.START: 150,
    CallTableModel.DURATION: 70,
    CallTableModel.DIRECTION: 105,
    CallTableModel.STATUS: 90,
    CallTableModel.CALLER: 250,
    CallTableModel.CALLEE: 250,
    CallTableModel.VIRTUAL: 140,
    CallTableModel.ORDER: 90,
    CallTableModel.SOURCE: 200,
}
