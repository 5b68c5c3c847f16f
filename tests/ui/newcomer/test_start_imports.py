"""The window starts without the feature tabs' heavy libraries: PyAV, OpenCV, reportlab and the
feature tabs themselves are imported when a case opens (or in the background after the list is
shown), never before the first page can be painted. Every tab's module still imports (a missing
one is an ImportError, not a tab left out)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("av", "cv2", "reportlab", "app.ui.calls.tab", "app.ui.video.tab", "app.ui.timeline.tab")


def test_the_main_window_module_loads_no_heavy_library() -> None:
    probe = (
        "import sys; import app.ui.main_window; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_every_feature_tab_module_imports() -> None:
    from app.ui.cases import tabs

    modules = [load() for load in tabs.LOADERS]
    assert all(callable(m.create_tab) and callable(m.tab_title) for m in modules)
    assert [t.key for t in tabs.FEATURE_TABS] == ["calls", "messages", "video", "timeline"]
    tabs.warm_up()  # what the window runs on the read pool once its list is shown
