"""The office's place in the main window: Case ▸ Decision… (Ctrl+D), Tools ▸ Retention and
destruction…, and the live refresh with its connection indicator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.services.office import destruction as destruction_service
from app.ui.office.decision_dialog import DecisionDialog
from app.ui.office.destruction_dialog import DestructionDialog
from app.ui.office.live import LiveRefresh, show_changed_by_other
from app.ui.office.presence import follow_open_cases


def install(window: Any, case_menu: QMenu, tools_menu: QMenu) -> LiveRefresh:
    """`window` is the MainWindow (current_case_id(), env, dialog)."""

    def open_decision() -> None:
        case_id = window.current_case_id()
        if case_id is None:
            return
        dialog = DecisionDialog(window.env, case_id, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.dialog = dialog
        dialog.show()

    def open_destruction() -> None:
        dialog = DestructionDialog(window.env, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.dialog = dialog
        dialog.show()

    decision = QAction(QCoreApplication.translate("OfficeMenu", "&Decision…"), window)
    decision.setObjectName("decisionAction")
    decision.setShortcut(QKeySequence("Ctrl+D"))
    decision.triggered.connect(lambda _checked=False: open_decision())
    window.addAction(decision)
    actions = case_menu.actions()  # ... Export dossier, separator, Quit
    if len(actions) >= 2:
        case_menu.insertAction(actions[-2], decision)
    else:
        case_menu.addAction(decision)
    destruction = QAction(
        QCoreApplication.translate("OfficeMenu", "&Retention and destruction…"), window
    )
    destruction.setObjectName("destructionAction")
    destruction.triggered.connect(lambda _checked=False: open_destruction())
    window.addAction(destruction)
    tools_menu.addAction(destruction)

    live = LiveRefresh(window.env, window)
    show_changed_by_other(window, live)
    follow_open_cases(window, live)
    if live.listener is not None:  # copies of files of cases destroyed (or out of reach) go
        ctx = window.env.ctx
        window.env.tasks.run_read(
            lambda _p: destruction_service.sweep_opened_copies(ctx), None, None
        )
    window.env.live = live
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(live.stop)
    window.destroyed.connect(lambda *_: live.stop())
    return live
