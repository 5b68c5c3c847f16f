"""One undo command for the whole UI, driven by the versions the services return.

- `RecordVersions`: the newest known version of each record of one open case, keyed by
  `(entity, id)` (`case`, `party`, `order`, `statement`, `event`, `annotation`, ...). Every tab of
  the case shares it (`UiEnv.versions_for(case_id)`), so an event edited on the timeline and
  then deleted in the case's Events tab never trips the optimistic lock on its own writes. Steps
  read it inside the database lane and results update it there, hence the lock.
- `ServiceCommand`: a change with its inverse, both task functions `work(progress) -> result`
  for the database lane. `run_first()` runs the change; only a change that succeeded enters the
  undo stack. Undo and redo call the services again (undo of a delete is a restore). When a step
  fails (someone else changed the record meanwhile) the error is shown and the case's history
  is cleared, because it no longer describes the data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.ui.tasks import TaskRunner

Work = Callable[[Any], Any]
R = TypeVar("R")


class RecordVersions:
    """Newest known record versions of one case (thread-safe: lane and GUI thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[tuple[str, int], int] = {}

    def keep(self, entity: str, record_id: int, version: int) -> None:
        """Remember `version` unless a newer one is already known (results may arrive late)."""
        key = (entity, record_id)
        with self._lock:
            self._versions[key] = max(version, self._versions.get(key, 0))

    def keep_record(self, entity: str, record: R) -> R:
        """Remember the version of a record DTO (`.id`, `.version`); returns it for chaining."""
        self.keep(entity, record.id, record.version)  # type: ignore[attr-defined]
        return record

    def of(self, entity: str, record_id: int) -> int:
        """The newest known version; KeyError for a record this case never loaded."""
        with self._lock:
            return self._versions[(entity, record_id)]


class ServiceCommand(QUndoCommand):
    """An undoable change made through the services on the database lane."""

    def __init__(
        self,
        tasks: TaskRunner,
        stack: QUndoStack,
        text: str,
        apply: Work,
        revert: Work,
        *,
        on_changed: Callable[[], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        super().__init__(text)
        self._tasks = tasks
        self._stack = stack
        self._apply = apply
        self._revert = revert
        self._on_changed = on_changed
        self._on_error = on_error
        self._applied = False
        self._stepping = False

    def run_first(
        self,
        on_done: Callable[[Any], object] | None = None,
        title: str = "",
        *,
        first: Work | None = None,
    ) -> None:
        """Apply the change (`first` when the first run differs from a redo, e.g. a create
        whose redo restores the same record); push it onto the stack only when it succeeded,
        then tell the views (`on_changed`) and the caller (`on_done(result)`)."""

        def done(result: Any) -> None:
            self._applied = True
            self._stack.push(self)  # push() calls redo(): skipped, the change is applied
            self._on_changed()
            if on_done is not None:
                on_done(result)

        self._tasks.run_db(first or self._apply, done, self._on_error, title=title)

    def redo(self) -> None:
        if self._applied:
            return
        self._applied = True
        self._step(self._apply)

    def undo(self) -> None:
        self._applied = False
        self._step(self._revert)

    def _step(self, work: Work) -> None:
        def failed(exc: BaseException) -> None:
            if self._stepping:  # delivered inside the stack's undo()/redo() (sync runner)
                QTimer.singleShot(0, self._stack.clear)
            else:
                self._stack.clear()
            self._on_error(exc)
            self._on_changed()

        self._stepping = True
        try:
            self._tasks.run_db(work, lambda _result: self._on_changed(), failed)
        finally:
            self._stepping = False
