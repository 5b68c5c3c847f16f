"""How errors reach the investigator: a heading in her language, the service's detail below.

A `Conflict` (someone else saved the record since it was opened) offers to reload instead of
overwriting; other `CasebookError`s explain the problem; anything else is a bug and shows its
traceback in the details so it can be reported.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.errors import (
    CasebookError,
    Conflict,
    Duplicate,
    IntegrityFailure,
    NotFound,
    StorageError,
    ValidationError,
)


def heading(exc: BaseException) -> str:
    """One translated sentence saying what kind of problem this is."""
    if isinstance(exc, Conflict):
        return QCoreApplication.translate(
            "Errors", "Someone else changed this record since you opened it."
        )
    if isinstance(exc, ValidationError):
        return QCoreApplication.translate("Errors", "The input is not valid.")
    if isinstance(exc, Duplicate):
        return QCoreApplication.translate("Errors", "This would duplicate an existing record.")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("Errors", "The record no longer exists.")
    if isinstance(exc, StorageError):
        return QCoreApplication.translate("Errors", "The database cannot be used.")
    if isinstance(exc, IntegrityFailure):
        return QCoreApplication.translate("Errors", "A verification found tampering.")
    if isinstance(exc, CasebookError):
        return QCoreApplication.translate("Errors", "The action failed.")
    return QCoreApplication.translate(
        "Errors", "Unexpected error. Please report it with the details below."
    )


def show_error(
    parent: QWidget | None,
    exc: BaseException,
    on_reload: Callable[[], None] | None = None,
) -> QMessageBox:
    """Show `exc` in a message box; for a Conflict with `on_reload`, offer to reload.

    The box is opened window-modal and returned (tests read and close it).
    """
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setWindowTitle(QCoreApplication.translate("Errors", "Casebook"))
    box.setText(heading(exc))
    if isinstance(exc, CasebookError):
        box.setInformativeText(exc.message)
        box.setIcon(QMessageBox.Icon.Warning)
    else:
        box.setInformativeText(str(exc))
        box.setDetailedText("".join(traceback.format_exception(exc)))
        box.setIcon(QMessageBox.Icon.Critical)
    if isinstance(exc, Conflict) and on_reload is not None:
        box.setInformativeText(
            QCoreApplication.translate(
                "Errors", "Reload to see the current version, then make your change again."
            )
            + "\n\n"
            + exc.message
        )
        reload_button = box.addButton(
            QCoreApplication.translate("Errors", "Reload"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reload_button)
        box.buttonClicked.connect(lambda button: on_reload() if button is reload_button else None)
    else:
        box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box
