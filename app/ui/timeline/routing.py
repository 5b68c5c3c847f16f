"""Opening a timeline event where it lives: the call in the call log, the video at the frame,
the order, statement or manual event in the case's own tabs, the case overview.

The timeline tab emits `open_requested(kind, ref)`; `route_open` is what the case view does
with it. Refs are `call:<id>`, `evidence:<id>#frame=<n>`, `order:<id>`, `statement:<id>`,
`event:<id>` and `case:<id>`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

_CASE_TABS = {"order": "orders", "statement": "statements", "event": "events"}


def case_view_of(widget: QWidget) -> Any | None:
    """The case view holding `widget` (an ancestor with the case's tabs), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(getattr(parent, "tabs", None), QTabWidget) and hasattr(parent, "case_id"):
            return parent
        parent = parent.parentWidget()
    return None


def _show(tabs: QTabWidget, widget: QWidget) -> None:
    """Bring forward the tab page holding `widget` (the page may wrap it, e.g. in a scroll
    area)."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and (page is widget or page.isAncestorOf(widget)):
            tabs.setCurrentIndex(index)
            return


def route_open(view: Any, kind: str, ref: str) -> bool:
    """Show the event's record in `view`'s tabs; False when no tab can show it."""
    prefix, _, rest = ref.partition(":")
    tabs: QTabWidget = view.tabs
    if prefix == "call":
        calls = view.findChild(QWidget, "featureTab_calls")
        if calls is None:
            return False
        _show(tabs, calls)
        calls.select_call(int(rest))
        return True
    if prefix == "evidence":
        video = view.findChild(QWidget, "featureTab_evidence")
        if video is None:
            return False
        evidence, _, frame = rest.partition("#frame=")
        _show(tabs, video)
        open_at = getattr(video, "open_evidence_at", None)  # the exact frame, when offered
        if open_at is not None and frame:
            open_at(int(evidence), int(frame))
        else:
            video.open_evidence(int(evidence))
        return True
    if prefix in _CASE_TABS:
        tab = getattr(view, _CASE_TABS[prefix], None)
        if tab is None:
            return False
        _show(tabs, tab)
        tab.select(int(rest))
        return True
    if prefix == "case" and getattr(view, "overview", None) is not None:
        _show(tabs, view.overview)
        return True
    return False
