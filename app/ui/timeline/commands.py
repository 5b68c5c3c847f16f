"""Undoable timeline edits: manual events (add, edit, delete) and "in the dossier" marks.

Each command runs its service call in the database lane; only a first execution that succeeded
is pushed on the case's undo stack. Services write the audit entries. The record version each
step needs is kept in the command and refreshed from every result, so undo and redo of a
manual event never trip the optimistic lock on their own writes. A failed undo or redo clears
the case's history (it no longer describes the data) and shows the error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.services.core import records
from app.services.core.dto import ManualEventInfo
from app.services.timeline import build as timeline
from app.ui.env import UiEnv

Step = Callable[[], Any]


class TimelineCommand(QUndoCommand):
    def __init__(
        self,
        env: UiEnv,
        case_id: int,
        text: str,
        apply: Step,
        revert: Step,
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(text)
        self._env = env
        self._case_id = case_id
        self._apply = apply
        self._revert = revert
        self._on_error = on_error
        self._applied = False

    @property
    def stack(self) -> QUndoStack:
        return self._env.undo_stack_for(self._case_id)

    def execute(self) -> None:
        """First run: push onto the undo stack only when the service call succeeded."""

        def done(_result: Any) -> None:
            self._applied = True
            self.stack.push(self)
            self._changed()

        self._env.tasks.run_db(lambda _p: self._apply(), done, self._on_error)

    def redo(self) -> None:
        if self._applied:  # QUndoStack.push calls redo(): the first run already happened
            return
        self._applied = True
        self._step(self._apply)

    def undo(self) -> None:
        self._applied = False
        self._step(self._revert)

    def _step(self, work: Step) -> None:
        def failed(exc: BaseException) -> None:
            self.stack.clear()
            self._on_error(exc)
            self._changed()

        self._env.tasks.run_db(lambda _p: work(), lambda _r: self._changed(), failed)

    def _changed(self) -> None:
        # every view of the case reloads on this, the timeline included
        self._env.case_changed.emit(self._case_id)


class _Version:
    """The newest known version of one manual event, shared by a command's steps."""

    def __init__(self, value: int) -> None:
        self.value = value

    def keep(self, result: ManualEventInfo | int) -> ManualEventInfo | int:
        self.value = result if isinstance(result, int) else result.version
        return result


def add_event(panel: Any, data: records.EventInput) -> TimelineCommand:
    ctx, case_id = panel.env.ctx, panel.case_id
    version = _Version(0)
    created: list[int] = []

    def apply() -> Any:
        if created:  # redo after undo: restore the same record
            return version.keep(records.set_deleted(ctx, "event", created[0], version.value, False))
        info = records.add_event(ctx, case_id, data)
        created.append(info.id)
        return version.keep(info)

    def revert() -> Any:
        return version.keep(records.set_deleted(ctx, "event", created[0], version.value, True))

    return _command(
        panel, QCoreApplication.translate("TimelineCommands", "Add event"), apply, revert
    )


def edit_event(panel: Any, before: ManualEventInfo, after: records.EventInput) -> TimelineCommand:
    ctx = panel.env.ctx
    version = _Version(before.version)
    old = records.EventInput(
        at=before.at,
        text=before.text,
        uncertainty_s=before.uncertainty_s,
        source=before.source,
        party_id=before.party_id,
    )
    return _command(
        panel,
        QCoreApplication.translate("TimelineCommands", "Edit event"),
        lambda: version.keep(records.update_event(ctx, before.id, version.value, after)),
        lambda: version.keep(records.update_event(ctx, before.id, version.value, old)),
    )


def delete_event(panel: Any, before: ManualEventInfo) -> TimelineCommand:
    ctx = panel.env.ctx
    version = _Version(before.version)
    return _command(
        panel,
        QCoreApplication.translate("TimelineCommands", "Delete event"),
        lambda: version.keep(records.set_deleted(ctx, "event", before.id, version.value, True)),
        lambda: version.keep(records.set_deleted(ctx, "event", before.id, version.value, False)),
    )


def mark_in_dossier(panel: Any, event_ids: list[str], marked: bool) -> TimelineCommand:
    ctx, case_id = panel.env.ctx, panel.case_id
    text = (
        QCoreApplication.translate("TimelineCommands", "Add to the dossier")
        if marked
        else QCoreApplication.translate("TimelineCommands", "Remove from the dossier")
    )
    return _command(
        panel,
        text,
        lambda: timeline.set_in_dossier(ctx, case_id, event_ids, marked),
        lambda: timeline.set_in_dossier(ctx, case_id, event_ids, not marked),
    )


def _command(panel: Any, text: str, apply: Step, revert: Step) -> TimelineCommand:
    return TimelineCommand(panel.env, panel.case_id, text, apply, revert, panel.show_error)
