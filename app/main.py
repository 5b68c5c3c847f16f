"""Composition root of the GUI: settings, service context, QApplication, translators and the
main window. `run_gui(args)` is called by `app/__main__.py` when no subcommand is given."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, ORG_NAME, __version__, paths
from app.domain.errors import CasebookError
from app.settings import Settings
from app.ui.errors import heading
from app.ui.i18n import choose_language, install_translators
from app.ui.system_libs import INSTALL_LINE, missing_packages

STATE_FILE = "window-state.ini"


def parse_gui_args(args: Sequence[str]) -> argparse.Namespace:
    """The global options the GUI honours; anything else (Qt's own options) is left alone."""
    parser = argparse.ArgumentParser(prog=APP_ID, add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--db-url")
    parser.add_argument("--evidence-dir")
    known, _rest = parser.parse_known_args(list(args))
    return known


def use_bundled_fonts() -> None:
    """Register the bundled PT Sans (full Cyrillic): on a machine without system fonts Qt falls
    back to it, so the window never shows boxes instead of Russian text."""
    for name in ("PTS55F.ttf", "PTS75F.ttf"):  # PT Sans regular and bold
        QFontDatabase.addApplicationFont(str(paths.resource_path("fonts", name)))


def window_state(config_dir: os.PathLike[str] | str) -> QSettings:
    """Window/splitter/header state in an INI file next to the settings (never the registry,
    so a test or a portable install leaves nothing behind)."""
    return QSettings(os.path.join(config_dir, STATE_FILE), QSettings.Format.IniFormat)


def _connect(options: argparse.Namespace, data: Any) -> Any:
    """Open the context; an office server that wants a password gets the login dialog (the
    OS key store is asked first when it remembers one). None when the user gives up."""
    from app.services.core.bootstrap import open_context
    from app.services.office import login

    url = options.db_url
    if url and url.startswith("postgresql") and not os.environ.get("PGPASSWORD"):
        url = login.with_password(url, login.remembered(url))
    while True:
        try:
            return open_context(data_dir=data, db_url=url, evidence_dir=options.evidence_dir)
        except CasebookError as exc:
            if url and login.needs_password(exc):
                from app.ui.office.login_dialog import ask_login

                url = ask_login(url, exc.message)
                if url is not None:
                    continue
                return None
            QMessageBox.critical(None, APP_NAME, f"{heading(exc)}\n\n{exc.message}")
            return None


def run_gui(args: Sequence[str]) -> int:
    """Start the workstation; returns the process exit code."""
    from app.services.core.bootstrap import close_context

    options = parse_gui_args(args)
    explicit = options.data_dir or os.environ.get(paths.DATA_DIR_ENV)
    data = paths.data_dir(options.data_dir)
    settings = Settings.load(paths.config_dir(data if explicit else None))

    if not QApplication.instance() and (missing := missing_packages()):
        # Qt would abort with a core dump; say instead which line installs what it needs.
        print(
            f"Casebook needs system libraries for the Qt window ({', '.join(missing)}):\n"
            f"    {INSTALL_LINE}",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    QApplication.setWindowIcon(QIcon(str(paths.resource_path("icons", "casebook.svg"))))
    install_translators(app, choose_language(settings.language))  # parented to the app

    ctx = _connect(options, data if explicit else None)
    if ctx is None:
        return 2

    from app.services.core import lanes
    from app.ui.env import UiEnv
    from app.ui.main_window import MainWindow
    from app.ui.tasks import TaskRunner

    lanes.forbid_writes_here()  # the GUI thread hands every write to the database lane
    tasks = TaskRunner()
    try:
        env = UiEnv(ctx, tasks)
        window = MainWindow(env, window_state(ctx.config_dir))
        window.show()
        QTimer.singleShot(0, window.offer_demo)
        return app.exec()
    finally:
        tasks.shutdown()
        lanes.allow_writes_here()
        close_context(ctx)
