"""Registry of the feature tabs of the case view.

Each entry names a module that exposes `tab_title() -> str` and
`create_tab(env, case_id, parent) -> QWidget`. A module that does not exist yet is skipped, so
the case view never shows an empty placeholder tab; a module that exists but fails to import is
a bug and its error is raised.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

FEATURE_TABS: list[tuple[str, str]] = [
    ("calls", "app.ui.calls.tab"),
    ("evidence", "app.ui.video.tab"),
    ("timeline", "app.ui.timeline.tab"),
]


@dataclass(frozen=True)
class FeatureTab:
    key: str
    module: ModuleType

    def title(self) -> str:
        return str(self.module.tab_title())


def _missing(exc: ModuleNotFoundError, module_name: str) -> bool:
    """True when the module itself (or its package) is absent, not one of its imports."""
    missing = exc.name or ""
    return module_name == missing or module_name.startswith(missing + ".")


def available_tabs(entries: list[tuple[str, str]] | None = None) -> list[FeatureTab]:
    """The feature tabs whose modules are installed, in registry order."""
    found: list[FeatureTab] = []
    for key, module_name in FEATURE_TABS if entries is None else entries:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if _missing(exc, module_name):
                continue
            raise
        found.append(FeatureTab(key, module))
    return found
