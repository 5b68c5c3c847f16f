"""One open case: its built-in tabs (overview and decision, parties, orders, statements,
manual events) and the feature tabs listed in `app.ui.cases.tabs`.

The view is the tabs' `CaseHost` (`app.ui.case_host`): it owns the case's latest `CaseDetail`
and a memory of record versions, runs every write through the database lane and the case's
undo stack, reloads after each change, and brings a tab or record forward when asked.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.services import dropped
from app.services.core import cases as case_service
from app.services.core.dto import (
    CaseDetail,
    ManualEventInfo,
    OrderInfo,
    PartyInfo,
    StatementInfo,
)
from app.services.core.parties import PartyResult
from app.ui.cases import tabs as feature_tabs
from app.ui.cases.drop_dialog import DropDialog, DropOutcomeBox, dropped_paths
from app.ui.cases.overview_tab import OverviewTab
from app.ui.cases.parties_tab import PartiesTab
from app.ui.cases.record_tabs import EventsTab, OrdersTab, StatementsTab
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.widgets.undo import ServiceCommand, Work

log = logging.getLogger(__name__)

_ENTITY_OF = {
    CaseDetail: "case",
    PartyInfo: "party",
    OrderInfo: "order",
    StatementInfo: "statement",
    ManualEventInfo: "event",
}


class CaseView(QWidget):
    loaded = Signal(object)  # CaseDetail, after every (re)load
    changed = Signal(int)  # case id, after a write succeeded

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.undo_stack = env.undo_stack_for(case_id)
        self.versions = env.versions_for(case_id)
        self._announcing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        self.overview = OverviewTab(self)
        self.parties = PartiesTab(self)
        self.orders = OrdersTab(self)
        self.statements = StatementsTab(self)
        self.events = EventsTab(self)
        self.tabs.addTab(self.overview, self.tr("Overview && decision"))
        self.tabs.addTab(self.parties, self.tr("Parties"))
        self.tabs.addTab(self.orders, self.tr("Orders"))
        self.tabs.addTab(self.statements, self.tr("Statements"))
        self.tabs.addTab(self.events, self.tr("Events"))
        self.feature_tabs: dict[str, QWidget] = {}
        for feature in feature_tabs.FEATURE_TABS:
            title = feature.title()
            try:
                widget = feature.create(env, case_id, self.tabs)
            except Exception as exc:  # a broken tab must not keep the case from opening
                log.exception("feature tab %s failed to open case %s", feature.key, case_id)
                self.tabs.addTab(self._broken_tab(title, exc), title)
                continue
            widget.setObjectName(f"featureTab_{feature.key}")
            self.feature_tabs[feature.key] = widget
            self.tabs.addTab(_scrollable(widget, self.tabs), title)
        env.case_changed.connect(self._case_changed_elsewhere)
        self.setAcceptDrops(True)  # files dropped on the case go to their intakes
        self.reload()

    def _broken_tab(self, title: str, exc: Exception) -> QWidget:
        """The place of a tab that failed to open says so (never a silently missing tab)."""
        label = QLabel(
            self.tr("The %1 tab could not be opened: %2")
            .replace("%1", title)
            .replace("%2", str(exc) or type(exc).__name__),
            self.tabs,
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setContentsMargins(24, 24, 24, 24)
        label.setObjectName("brokenFeatureTab")
        return label

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: case_service.get_case(ctx, case_id), self._apply, self.show_error
        )

    def _apply(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.remember(detail)
        for record in (*detail.parties, *detail.orders, *detail.statements, *detail.events):
            self.remember(record)
        self.loaded.emit(detail)

    def _case_changed_elsewhere(self, case_id: int) -> None:
        # Another tab or window wrote to this case: show the new state.
        if case_id == self.case_id and not self._announcing:
            self.reload()

    # --- versions (read and written from the DB lane and the GUI thread) ------------------
    def remember(self, result: Any, entity: str = "", record_id: int = 0) -> Any:
        """Keep the newest known version of the record a service returned (a DTO, or a bare
        version number with its entity and id); returns `result` for chaining."""
        record = result.party if isinstance(result, PartyResult) else result
        if isinstance(record, int) and entity:
            self.versions.keep(entity, record_id, record)
            return result
        kind = _ENTITY_OF.get(type(record))
        if kind is not None:
            self.versions.keep_record(kind, record)
        return result

    def version_of(self, entity: str, record_id: int) -> int:
        return self.versions.of(entity, record_id)

    # --- writing --------------------------------------------------------------------------
    def execute(
        self,
        text: str,
        apply: Work,
        revert: Work | None = None,
        on_done: Any = None,
    ) -> None:
        """Run `apply` in the DB lane; on success push an undo command (when `revert` is given),
        reload and tell the other views. `on_done(result)` follows a successful apply."""
        if revert is None:

            def done(result: Any) -> None:
                self._after_write()
                if on_done is not None:
                    on_done(result)

            self.env.tasks.run_db(self._remembering(apply), done, self.show_error)
            return
        ServiceCommand(
            self.env.tasks,
            self.undo_stack,
            text,
            self._remembering(apply),
            self._remembering(revert),
            on_changed=self._after_write,
            on_error=self.show_error,
        ).run_first(on_done)

    def _remembering(self, work: Work) -> Work:
        return lambda progress: self.remember(work(progress))

    def _after_write(self) -> None:
        self.reload()
        self.changed.emit(self.case_id)
        self._announcing = True
        try:
            self.env.case_changed.emit(self.case_id)
        finally:
            self._announcing = False

    def show_error(self, exc: BaseException) -> None:
        show_error(self, exc, on_reload=self.reload)

    # --- files dropped onto the case ----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(list(event.mimeData().urls())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        items = dropped.sort_dropped(dropped_paths(list(event.mimeData().urls())))
        if not items:
            return
        event.acceptProposedAction()
        self.confirm_dropped(items)

    def confirm_dropped(self, items: list[dropped.DroppedFile]) -> None:
        """One confirmation, then one task sends every file to its intake."""
        dialog = DropDialog(items, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.drop_dialog = dialog
        dialog.accepted.connect(lambda: self.add_dropped(dialog.chosen()))
        dialog.open()

    def add_dropped(self, items: list[dropped.DroppedFile]) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_db(
            lambda progress: dropped.add_dropped(ctx, case_id, items, progress),
            self._dropped_added,
            self.show_error,
            title=self.tr("Adding %n file(s) to the case", "", len(items)),
            cancellable=True,
        )

    def _dropped_added(self, outcome: dropped.DropOutcome) -> None:
        """Reload with what went in; if some files did not, say which and offer the rest."""
        if outcome.added:
            self._after_write()
        if not outcome.not_added:
            return
        box = DropOutcomeBox(outcome, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.drop_outcome = box
        box.buttonClicked.connect(
            lambda button: self.add_dropped(box.rest) if button is box.retry else None
        )
        box.open()

    # --- navigation (CaseHost) -------------------------------------------------------------
    def show_feature(self, key: str) -> QWidget | None:
        widget = self.feature_tabs.get(key)
        if widget is not None:
            self._bring_forward(widget)
        return widget

    def show_record(self, entity: str, record_id: int) -> bool:
        if entity == "case":
            self._bring_forward(self.overview)
            return True
        tab = {"order": self.orders, "statement": self.statements, "event": self.events}.get(entity)
        if tab is None:
            return False
        self._bring_forward(tab)
        tab.select(record_id)
        return True

    def _bring_forward(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.tabs.setCurrentIndex(index)
                return

    # --- actions the window forwards to the current tab -----------------------------------
    def current_tab(self) -> QWidget | None:
        widget = self.tabs.currentWidget()
        return widget.widget() if isinstance(widget, QScrollArea) else widget

    def edit_current(self) -> None:
        handler = getattr(self.current_tab(), "edit_current", None)
        if handler is not None:
            handler()

    def delete_current(self) -> None:
        handler = getattr(self.current_tab(), "delete_current", None)
        if handler is not None:
            handler()

    def save(self) -> None:
        """Ctrl+S: save the overview's pending edits (the record tabs save in their dialogs)."""
        self.overview.save()

    def add_record(self) -> None:
        handler = getattr(self.current_tab(), "add_record", None)
        if handler is not None:
            handler()

    def close_view(self) -> None:
        self.env.case_changed.disconnect(self._case_changed_elsewhere)
        self.env.release_case(self.case_id)


def _scrollable(widget: QWidget, parent: QWidget) -> QScrollArea:
    """A feature tab inside a frameless scroll area: a wide tab scrolls on a small screen
    instead of forcing the whole window wider than a 1366-pixel laptop display."""
    area = QScrollArea(parent)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
