"""Does this Linux desktop have the libraries Qt's xcb platform plugin loads?

Qt 6 aborts (exit 134, "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform
plugin") when one is missing, and the wheel cannot ship them. `missing_libraries()` tries each
one with the dynamic loader before a QApplication exists, so the app can print the one
`apt-get` line that fixes it (`INSTALL_LINE`, the same line as the README) instead of a core dump.
No Qt import here: the check must run before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The shared objects libqxcb.so and libQt6XcbQpa.so.6 need beyond a base desktop (readelf -d),
# with the Debian/Ubuntu package that ships each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
}
# python3-venv too: the README's first command makes a venv, and this is the README's line.
INSTALL_LINE = "sudo apt-get install -y " + " ".join(
    [*dict.fromkeys(XCB_LIBRARIES.values()), "python3-venv"]
)


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt will pick its xcb plugin: Linux with an X display and no other platform asked for
    (a Wayland session without the X plugin forced uses Qt's Wayland plugin)."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY"):
        return False
    return bool(environ.get("DISPLAY"))


def missing_packages(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> list[str]:
    """Debian packages whose libraries Qt's xcb plugin would fail to load here; empty when the
    plugin is not going to be used or everything is present."""
    if not uses_xcb(os.environ if environ is None else environ, platform):
        return []
    return list(dict.fromkeys(pkg for so, pkg in XCB_LIBRARIES.items() if not loads(so)))
