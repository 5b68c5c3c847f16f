"""Revealing masked personal data: ask the investigator why, then call the audited service.

Phones and addresses are masked everywhere by default. A reveal is one value for one view; the
service writes the audit entry (who, what, why) in the same transaction that reads the value,
so a value is never shown without its entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.core import parties

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext
    from app.ui.tasks import TaskRunner

MIN_REASON_CHARS = 5


class RevealDialog(QDialog):
    """Asks for the reason of a reveal; OK stays disabled until the reason is meaningful."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reveal personal data"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "You are about to see {what} unmasked. The reveal is recorded in the audit log "
                "with your name and the reason you give."
            ).format(what=what),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revealReason")
        self.reason.setPlaceholderText(self.tr("Reason, e.g. calling the complainant back"))
        layout.addWidget(self.reason)
        self.hint = QLabel(self)
        self.hint.setObjectName("revealHint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reveal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = len(self.reason.text().strip()) >= MIN_REASON_CHARS
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        hint = self.tr("Give a reason of at least %n character(s).", "", MIN_REASON_CHARS)
        self.hint.setText("" if ok else hint)


class Privacy(QObject):
    """Reveal with a reason. `revealed(entity, entity_id, field)` fires after each reveal."""

    revealed = Signal(str, int, str)

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.dialog: RevealDialog | None = None  # the last reason dialog opened

    def reveal(
        self,
        tasks: TaskRunner,
        parent: QWidget | None,
        *,
        what: str,
        entity: str,
        entity_id: int,
        field: str,
        on_revealed: Callable[[str], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> RevealDialog:
        """Ask for a reason (window-modal, not blocking), then reveal through the audited
        service in the DB lane; `on_revealed(value)` follows. Cancel reveals nothing."""
        dialog = RevealDialog(what, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self.reveal_with_reason(
                tasks,
                entity=entity,
                entity_id=entity_id,
                field=field,
                reason=dialog.reason.text().strip(),
                on_revealed=on_revealed,
                on_error=on_error,
            )
        )
        dialog.open()
        return dialog

    def reveal_with_reason(
        self,
        tasks: TaskRunner,
        *,
        entity: str,
        entity_id: int,
        field: str,
        reason: str,
        on_revealed: Callable[[str], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        ctx = self._ctx

        def work(_progress: object) -> str:
            return parties.reveal(ctx, entity, entity_id, field, reason)

        def done(value: str) -> None:
            self.revealed.emit(entity, entity_id, field)
            on_revealed(value)

        tasks.run_db(work, done, on_error)
