"""`UiEnv`: what every widget of the workstation needs, passed down instead of globals.

- `ctx`: the `ServiceContext` (services take it as their first argument);
- `tasks`: the `TaskRunner` (database-write lane and CPU pool);
- `privacy`: reveals masked personal data after asking for a reason (audited by the service);
- `undo_stack_for(case_id)`: one `QUndoStack` per open case, all in one `QUndoGroup` so the
  window's Undo/Redo follow the case the user is looking at;
- `versions_for(case_id)`: the newest known record versions of an open case, shared by all its
  tabs and their undo steps (`app.ui.widgets.undo`);
- `case_changed(case_id)` / `cases_changed()`: a tab that changed a case tells the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from app.ui.privacy import Privacy
from app.ui.tasks import TaskRunner
from app.ui.widgets.undo import RecordVersions

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext


class UiEnv(QObject):
    case_changed = Signal(int)  # a case's data changed (any tab may refresh)
    cases_changed = Signal()  # cases were created, deleted or renumbered: refresh the list

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.privacy = Privacy(ctx, self)
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self._versions: dict[int, RecordVersions] = {}
        self.live: Any = None  # app.ui.office.live.LiveRefresh on an office server

    def undo_stack_for(self, case_id: int) -> QUndoStack:
        """The undo stack of an open case, created on first use."""
        stack = self._stacks.get(case_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[case_id] = stack
        return stack

    def versions_for(self, case_id: int) -> RecordVersions:
        """The record versions known for an open case, created on first use."""
        return self._versions.setdefault(case_id, RecordVersions())

    def release_case(self, case_id: int) -> None:
        """Forget the undo history of a case whose view was closed."""
        self._versions.pop(case_id, None)
        stack = self._stacks.pop(case_id, None)
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()
