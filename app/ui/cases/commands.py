"""Undoable edits of an open case.

The first execution runs before the command is pushed: only a write that succeeded enters the
undo stack. Undo and redo call the services again (undo of a delete is a restore). Each step
reads the record's expected version from the case view's memory *inside* the database lane,
so steps queued quickly one after another never race on versions. If an undo or redo step
fails (someone else changed the record meanwhile), the error is shown and the case's history is
cleared, because it no longer describes the data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

Work = Callable[[Any], Any]


class StepRunner(Protocol):
    def run_step(self, work: Work, command: ServiceCommand) -> None: ...


class ServiceCommand(QUndoCommand):
    """An applied change with its inverse; both are task functions for the DB lane."""

    def __init__(self, view: StepRunner, text: str, apply: Work, revert: Work) -> None:
        super().__init__(text)
        self._view = view
        self._apply = apply
        self._revert = revert
        self._applied = True  # pushed after its first, successful execution

    def redo(self) -> None:
        if self._applied:
            return
        self._applied = True
        self._view.run_step(self._apply, self)

    def undo(self) -> None:
        self._applied = False
        self._view.run_step(self._revert, self)
