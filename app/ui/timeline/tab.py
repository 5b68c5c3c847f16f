"""Entry point of the timeline feature tab for the case view (`app.ui.cases.tabs`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.env import UiEnv
from app.ui.timeline.panel import TimelinePanel


def tab_title() -> str:
    return QCoreApplication.translate("TimelineTab", "Timeline")


def create_tab(env: UiEnv, case_id: int, parent: QWidget | None = None) -> TimelinePanel:
    """The timeline of `case_id`; it loads at once and follows the case's changes. Its
    `open_requested(kind, ref)` signal asks the case view to show an event where it lives."""
    panel = TimelinePanel(env, case_id, parent)
    panel.reload()
    return panel
