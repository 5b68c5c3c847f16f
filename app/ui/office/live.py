"""Live refresh: the server's change notifications (received on a listener thread) become
`case_changed` / `cases_changed` on the GUI thread, debounced; the status bar shows whether the
office server is connected and names who changed the case being viewed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from app.services.office.live import Change, listener_for

if TYPE_CHECKING:
    from app.ui.env import UiEnv

PRESENCE_TABLE = "case_presence"
DEBOUNCE_MS = 150  # a burst of row notifications (an import) becomes one refresh


class LiveRefresh(QObject):
    # Emitted from the listener thread; Qt queues them to the GUI thread.
    _received = Signal(object)
    _state = Signal(bool, str)
    audit_changed = Signal()
    changed_by_other = Signal(int, str)  # case id, login
    presence_changed = Signal(int)  # case id: someone started, renewed or ended an edit
    connection_changed = Signal(bool)

    def __init__(self, env: UiEnv, window: QMainWindow) -> None:
        super().__init__(window)
        self.env = env
        self.window = window
        self.connected = False
        self._stopped = False
        self._cases: set[int] = set()
        self._list = False
        self._audit = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._flush)
        self.label = QLabel(window)
        self.label.setObjectName("officeConnection")
        window.statusBar().addPermanentWidget(self.label)
        self._received.connect(self._on_change)
        self._state.connect(self._on_state)
        self.listener = listener_for(env.ctx, self._received.emit, self._state.emit)
        if self.listener is None:
            self.label.hide()
            return
        self.label.setText(self.tr("Office server: connecting…"))
        self.listener.start()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """Stop listening; a change still queued or debounced is dropped."""
        self._stopped = True
        self._timer.stop()
        if self.listener is not None:
            self.listener.stop()

    def _on_state(self, ok: bool, message: str) -> None:
        was = self.connected
        self.connected = ok
        if ok:
            self.label.setText(
                self.tr("Office server: connected as %1").replace("%1", self.env.ctx.actor)
            )
            self.label.setStyleSheet("")
            if not was:  # whatever changed while we were away
                self._list = True
                self._cases.update(self._open_cases())
                self._audit = True
                self._timer.start()
        else:
            self.label.setText(
                self.tr("Office server: connection lost, retrying… (%1)").replace("%1", message)
            )
            self.label.setStyleSheet("color: #b00020; font-weight: bold")
        self.connection_changed.emit(ok)

    def _open_cases(self) -> list[int]:
        views = getattr(self.window, "_views", None)
        return [view.case_id for view in views()] if callable(views) else []

    def _on_change(self, change: Change) -> None:
        if self._stopped:
            return
        if change.channel.endswith("audit"):
            self._audit = True
        elif change.table == PRESENCE_TABLE:  # a lease, not the case's data: no reload
            if change.case_id is not None:
                self.presence_changed.emit(change.case_id)
            return
        else:
            self._list = True
            if change.case_id is not None:
                self._cases.add(change.case_id)
                if change.by and change.by != self.env.ctx.actor:
                    self.changed_by_other.emit(change.case_id, change.by)
            # else a change this role cannot see: the case list refreshes (a case may have
            # left it), nothing else
        self._timer.start()

    def _flush(self) -> None:
        if self._stopped:
            return
        open_cases = set(self._open_cases())
        for case_id in sorted(self._cases & open_cases):
            self.env.case_changed.emit(case_id)
        if self._list:
            self.env.cases_changed.emit()
        if self._audit:
            self.audit_changed.emit()
        self._cases.clear()
        self._list = self._audit = False


def show_changed_by_other(window: QMainWindow, live: LiveRefresh) -> None:
    """Name who changed a case the user has open (their unsaved edits stay in the form)."""

    def announce(case_id: int, login: str) -> None:
        views = getattr(window, "_views", None)
        for view in views() if callable(views) else []:
            if view.case_id == case_id:
                number = view.detail.number if getattr(view, "detail", None) else str(case_id)
                window.statusBar().showMessage(
                    live.tr("Case %1 was changed by %2; it has been reloaded")
                    .replace("%1", number)
                    .replace("%2", login),
                    8000,
                )

    live.changed_by_other.connect(announce)
