"""The feature tabs of the case view: a static list, in the order they appear.

Each entry names its key (the feature's name: `calls`, `video`, `timeline`; a messages tab
takes `messages`), its title and its factory `create_tab(env, case_id, parent) -> QWidget`.
Adding a feature's tab is one import and one line here. A feature module that is missing is an
ImportError when the workstation starts (and in the tests and the bundle), never a tab that is
silently left out. Tabs reach their host through `app.ui.case_host.CaseHost`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.ui.calls import tab as calls_tab
from app.ui.messages import tab as messages_tab
from app.ui.timeline import tab as timeline_tab
from app.ui.video import tab as video_tab

if TYPE_CHECKING:
    from app.ui.env import UiEnv

TabFactory = Callable[["UiEnv", int, QWidget | None], QWidget]


@dataclass(frozen=True)
class FeatureTab:
    key: str
    title: Callable[[], str]
    create: TabFactory


FEATURE_TABS: tuple[FeatureTab, ...] = (
    FeatureTab("calls", calls_tab.tab_title, calls_tab.create_tab),
    FeatureTab("messages", messages_tab.tab_title, messages_tab.create_tab),
    FeatureTab("video", video_tab.tab_title, video_tab.create_tab),
    FeatureTab("timeline", timeline_tab.tab_title, timeline_tab.create_tab),
)
