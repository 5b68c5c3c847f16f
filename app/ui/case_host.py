"""`CaseHost`: what a tab of an open case may ask of the view that holds it.

Every tab of the case view (the built-in overview, parties and record tabs, and the feature
tabs) depends on this protocol, never on the concrete `CaseView`: a tab can be built and
tested inside any host, and the view can change without touching its tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.services.core.dto import CaseDetail
    from app.ui.env import UiEnv

# A task function for the database lane: `work(progress) -> result`.
Work = Callable[[Any], Any]


@runtime_checkable
class CaseHost(Protocol):
    """The case view as its tabs see it."""

    env: UiEnv
    case_id: int
    detail: CaseDetail | None  # the case as last loaded (None until the first load ends)
    loaded: SignalInstance  # emits the `CaseDetail` after every (re)load

    def reload(self) -> None:
        """Load the case again (every tab then gets `loaded`)."""

    def show_error(self, exc: BaseException) -> None:
        """Tell the user what went wrong (with a reload offer where the data changed)."""

    def execute(
        self, text: str, apply: Work, revert: Work | None = None, on_done: Any = None
    ) -> None:
        """Run `apply` on the database lane; with `revert`, the change enters the case's undo
        history as `text`. The case reloads afterwards and the other views are told."""

    def remember(self, result: Any, entity: str = "", record_id: int = 0) -> Any:
        """Keep the newest version of a record a service returned; returns `result`."""

    def version_of(self, entity: str, record_id: int) -> int:
        """The newest known version of a record (read inside the lane by undo steps)."""

    def show_feature(self, key: str) -> QWidget | None:
        """Bring the feature tab `key` (`calls`, `video`, `timeline`, ...) forward; returns it,
        or None when the workstation has no such tab."""

    def show_record(self, entity: str, record_id: int) -> bool:
        """Show an order, statement, manual event (or the case itself: `case`) in the case's
        own tabs; False when no tab shows that kind of record."""


def host_of(widget: QWidget) -> CaseHost | None:
    """The case host holding `widget` (its nearest ancestor that is one), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, CaseHost):
            return parent
        parent = parent.parentWidget()
    return None
