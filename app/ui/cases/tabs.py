"""The feature tabs of the case view: a static list, in the order they appear.

Each entry names its key (the feature's name: `calls`, `video`, `timeline`; a messages tab
takes `messages`), its title and its factory `create_tab(env, case_id, parent) -> QWidget`.
Adding a feature's tab is one loader (a function importing the feature's `tab` module) and one
line here. The modules are imported when the first case opens, or before in the background
(`LOADERS` one by one, started once the window has painted its list): their libraries (PyAV, OpenCV,
reportlab's fonts...) would otherwise hold up the window at start. The imports stay static,
so a missing module is still an ImportError (the tests and the bundle's self-test import every
loader), never a tab silently left out. Tabs reach their host through `app.ui.case_host.CaseHost`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.env import UiEnv

TabFactory = Callable[["UiEnv", int, QWidget | None], QWidget]


@dataclass(frozen=True)
class FeatureTab:
    key: str
    title: Callable[[], str]
    create: TabFactory


def _calls() -> ModuleType:
    from app.ui.calls import tab

    return tab


def _messages() -> ModuleType:
    from app.ui.messages import tab

    return tab


def _video() -> ModuleType:
    from app.ui.video import tab

    return tab


def _timeline() -> ModuleType:
    from app.ui.timeline import tab

    return tab


def _lazy(key: str, load: Callable[[], ModuleType]) -> FeatureTab:
    """A tab whose module is imported when its title or the tab itself is first asked for."""

    def create(env: UiEnv, case_id: int, parent: QWidget | None) -> QWidget:
        widget: QWidget = load().create_tab(env, case_id, parent)
        return widget

    return FeatureTab(key, lambda: str(load().tab_title()), create)


LOADERS: tuple[Callable[[], ModuleType], ...] = (_calls, _messages, _video, _timeline)

FEATURE_TABS: tuple[FeatureTab, ...] = (
    _lazy("calls", _calls),
    _lazy("messages", _messages),
    _lazy("video", _video),
    _lazy("timeline", _timeline),
)


def warm_up() -> None:
    """Import every feature tab's module (and so its libraries); run off the GUI thread."""
    for load in LOADERS:
        load()
