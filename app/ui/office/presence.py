""" "Being edited elsewhere" while it happens: each open case on an office server holds an
editing lease while its user edits (unsaved changes in the overview, or a record dialog open
over the case) and shows a banner naming the others who edit it now. Leases are renewed by a
heartbeat and end when editing ends; the banner follows the server's notifications and drops
a lease that stopped being renewed (a crashed workstation)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.services.office import presence

if TYPE_CHECKING:
    from app.ui.env import UiEnv
    from app.ui.office.live import LiveRefresh

CHECK_MS = 1000  # how often the editing state is looked at (no database work unless it changed)


def _dialog_over(view: QWidget) -> QWidget | None:
    """A modal dialog opened over `view` (its parent chain reaches the view)."""
    widget: QObject | None = QApplication.activeModalWidget()
    dialog = widget
    while widget is not None:
        if widget is view:
            return dialog if isinstance(dialog, QWidget) else None
        widget = widget.parent()
    return None


class EditingPresence(QObject):
    """Attached to one open case view (`view.case_id`, `view.overview.changes()`)."""

    def __init__(self, env: UiEnv, view: Any, live: LiveRefresh) -> None:
        super().__init__(view)
        self.env, self.view, self.case_id, self.live = env, view, view.case_id, live
        self.editing = False
        self._beat_at = 0.0
        self._others_at = 0.0
        self.banner = QLabel(view)
        self.banner.setObjectName("editingElsewhere")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4ce; color: #5c3c00; padding: 4px 8px;border-bottom: 1px solid #e0c060"
        )
        self.banner.hide()
        view.layout().insertWidget(0, self.banner)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        live.presence_changed.connect(self._presence_changed)
        view.destroyed.connect(lambda *_: self._release_on_close())
        self._refresh_others()

    # --- my lease ---------------------------------------------------------------------------
    def _what(self) -> str:
        dialog = _dialog_over(self.view)
        if dialog is not None:
            return dialog.windowTitle() or "dialog"
        return "case"

    def _is_editing(self) -> bool:
        if _dialog_over(self.view) is not None:
            return True
        overview = getattr(self.view, "overview", None)
        try:
            return bool(overview is not None and overview.changes())
        except (AttributeError, TypeError):  # not loaded yet
            return False

    def _tick(self) -> None:
        if self.live.stopped:  # the window is going away: its lease expires on the server
            self._timer.stop()
            return
        now = time.monotonic()
        editing = self._is_editing()
        heartbeat = presence.HEARTBEAT.total_seconds()
        if editing != self.editing or (editing and now - self._beat_at >= heartbeat):
            self.editing, self._beat_at = editing, now
            ctx, case_id, what = self.env.ctx, self.case_id, self._what()
            if editing:
                work = lambda _p: presence.hold(ctx, case_id, what)  # noqa: E731
            else:
                work = lambda _p: presence.release(ctx, case_id)  # noqa: E731
            self.env.tasks.run_db(work, lambda _r: None, self._failed)
        if now - self._others_at >= heartbeat:  # leases of others expire without a notice
            self._refresh_others()

    def _release_on_close(self) -> None:
        if self.editing and not self.live.stopped:
            ctx, case_id = self.env.ctx, self.case_id
            self.env.tasks.run_db(lambda _p: presence.release(ctx, case_id), lambda _r: None)

    # --- the others' ------------------------------------------------------------------------
    def _presence_changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self._refresh_others()

    def _refresh_others(self) -> None:
        self._others_at = time.monotonic()
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: presence.editing_elsewhere(ctx, case_id), self._show, self._failed
        )

    def _show(self, editors: list[presence.EditorInfo]) -> None:
        if not editors:
            self.banner.hide()
            return
        names = ", ".join(e.login if e.what == "case" else f"{e.login} ({e.what})" for e in editors)
        self.banner.setText(
            self.tr("Being edited elsewhere right now by %1: your changes may conflict.").replace(
                "%1", names
            )
        )
        self.banner.show()

    def _failed(self, exc: BaseException) -> None:
        # a lost connection is shown by the live indicator; a lease is only a courtesy
        del exc


def follow_open_cases(window: Any, live: LiveRefresh) -> None:
    """Give every case view the window opens its presence (office server only)."""
    if live.listener is None:
        return

    def attach(_index: int = -1) -> None:
        view = window.current_view()
        if view is not None and getattr(view, "editing_presence", None) is None:
            view.editing_presence = EditingPresence(window.env, view, live)

    window.case_tabs.currentChanged.connect(attach)
    attach()
