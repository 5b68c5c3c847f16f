"""The start check for Qt's xcb plugin libraries: which desktops it checks, what it names,
and that the README carries the exact line the app prints."""

from __future__ import annotations

from pathlib import Path

from app.ui import system_libs
from app.ui.system_libs import INSTALL_LINE, missing_packages, uses_xcb

README = Path(__file__).resolve().parents[3] / "README.md"


def test_xcb_is_checked_only_where_qt_would_use_it() -> None:
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0"}, "win32")
    assert not uses_xcb({}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert uses_xcb({"WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")


def test_a_missing_library_names_its_package() -> None:
    env = {"DISPLAY": ":0"}
    gone = {"libxcb-cursor.so.0"}
    assert missing_packages(env, "linux", lambda so: so not in gone) == ["libxcb-cursor0"]
    assert missing_packages(env, "linux", lambda so: True) == []
    assert missing_packages({}, "linux", lambda so: False) == []


def test_the_real_loader_finds_this_machines_libraries() -> None:
    # The test machine has the line installed (.ci/run): the real dlopen path says so.
    assert missing_packages({"DISPLAY": ":0"}, "linux") == []
    assert system_libs._loads("libxcb-does-not-exist.so.9") is False


def test_readme_names_the_same_line() -> None:
    assert INSTALL_LINE.startswith("sudo apt-get install -y libxcb-cursor0 ")
    lines = README.read_text(encoding="utf-8").splitlines()
    assert f"    {INSTALL_LINE}" in lines
