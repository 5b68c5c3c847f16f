"""The progress protocol that every long task function takes: report, check for cancel.

Task functions know nothing of Qt: the UI passes an adapter that forwards reports as signals,
the CLI and tests pass `NullProgress` or a recording object with the same two methods.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it; the caller rolls back."""


class Progress(Protocol):
    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        """Tell how far the task is; `total` None means unknown."""

    def cancelled(self) -> bool:
        """True once the user asked to cancel; the task should stop soon after."""


class NullProgress:
    """A progress sink that ignores reports and is never cancelled."""

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return False


def check_cancel(progress: Progress) -> None:
    """Raise `Cancelled` when the progress object says so."""
    if progress.cancelled():
        raise Cancelled()
