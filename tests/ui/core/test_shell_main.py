"""The composition root: `run_gui` opens the database named by `--data-dir`, shows the main
window, offers the demo case on an empty database, and returns when the window closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.main import parse_gui_args, run_gui
from app.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog


def test_gui_options_leave_qt_options_alone() -> None:
    options = parse_gui_args(["--data-dir", "/x", "-platform", "offscreen", "--db-url", "u"])
    assert (options.data_dir, options.db_url) == ("/x", "u")


def test_run_gui_starts_offers_demo_and_exits(qapp: Any, tmp_path: Path) -> None:
    data = tmp_path / "gui-data"
    seen: dict[str, Any] = {}

    def poke() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        identity = [w for w in QApplication.allWidgets() if isinstance(w, SettingsDialog)]
        if identity and identity[0].isVisible():
            # the first start asks who works here before it offers the demo
            identity[0].investigator.setText("Петрова А. С.")
            identity[0].position.setText("специалист службы безопасности")
            identity[0].accept()
        offer = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        if not windows or not offer:
            QTimer.singleShot(20, poke)
            return
        seen["title"] = windows[0].windowTitle()
        seen["offer"] = offer[0].isVisible()
        offer[0].reject()
        windows[0].close()

    QTimer.singleShot(0, poke)
    before = set(qapp.findChildren(QTranslator))
    try:
        assert run_gui(["--data-dir", str(data)]) == 0
    finally:
        # run_gui installs the interface's translators on the (shared) test application:
        # later tests expect the untranslated source strings
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))
    assert seen == {"title": "Casebook", "offer": True}
    assert (data / "casebook.sqlite3").exists()
    assert Settings.load(data / "config").demo_offered
    assert (data / "config" / "window-state.ini").exists()
