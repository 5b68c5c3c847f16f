"""Registry of the feature tabs of the case view.

Each entry names a module that exposes `tab_title() -> str` and
`create_tab(env, case_id, parent) -> QWidget`. A module that does not exist yet is skipped, so
the case view never shows an empty placeholder tab. A module that exists but fails to import is
a bug of its feature: it is logged and skipped so the rest of the workstation keeps working
(`strict=True` raises instead; a test uses it to catch broken feature modules).
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from types import ModuleType

log = logging.getLogger(__name__)

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


def available_tabs(
    entries: list[tuple[str, str]] | None = None, strict: bool = False
) -> list[FeatureTab]:
    """The feature tabs whose modules are installed, in registry order."""
    found: list[FeatureTab] = []
    for key, module_name in FEATURE_TABS if entries is None else entries:
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            if isinstance(exc, ModuleNotFoundError) and _missing(exc, module_name):
                continue
            if strict:
                raise
            log.exception("feature tab %s cannot be imported; skipped", module_name)
            continue
        found.append(FeatureTab(key, module))
    return found
