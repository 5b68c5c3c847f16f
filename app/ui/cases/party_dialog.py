"""Add or edit a party: role, name, courier ID, phones, address, supervisor, notes.

Phones are checked as they are typed (`app.domain.phones.is_valid`); the first bad line is
named under the form. Editing never shows stored personal data: the phones and address fields
start empty with the masked values as a hint, and stay unchanged unless something is typed.
A courier ID on the blacklist is announced as soon as it is entered.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import PartyRole
from app.domain.phones import is_valid
from app.services.core import parties
from app.services.core.dto import BlacklistInfo, PartyInfo
from app.services.core.parties import PartyInput
from app.ui.env import UiEnv
from app.ui.labels import role_label
from app.ui.widgets.forms import ErrorLabel, mark_invalid


class PartyDialog(QDialog):
    def __init__(
        self,
        env: UiEnv,
        others: list[PartyInfo],
        party: PartyInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.party = party
        self.setWindowTitle(self.tr("Edit party") if party else self.tr("Add party"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in PartyRole:
            self.role.addItem(role_label(role.value), role.value)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.courier_id = QLineEdit(self)
        self.courier_id.setObjectName("courierId")
        self.blacklist_note = QLabel(self)
        self.blacklist_note.setObjectName("blacklistNote")
        self.blacklist_note.setWordWrap(True)
        self.blacklist_note.setStyleSheet("color: #b00020; font-weight: bold;")
        self.blacklist_note.setVisible(False)
        self.phones = QPlainTextEdit(self)
        self.phones.setObjectName("phones")
        self.phones.setMaximumHeight(70)
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.supervisor = QComboBox(self)
        self.supervisor.setObjectName("supervisor")
        self.supervisor.addItem(self.tr("(none)"), None)
        for other in others:
            if other.role == PartyRole.SUPERVISOR and (party is None or other.id != party.id):
                self.supervisor.addItem(other.name, other.id)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(70)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Courier ID:"), self.courier_id)
        form.addRow("", self.blacklist_note)
        form.addRow(self.tr("Phones (one a line):"), self.phones)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Supervisor:"), self.supervisor)
        form.addRow(self.tr("Notes:"), self.notes)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if party is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(party.role)))
            self.name.setText(party.name)
            self.courier_id.setText(party.courier_id or "")
            self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(party.supervisor_id)))
            self.notes.setPlainText(party.notes)
            masked = ", ".join(party.phones_masked)
            self.phones.setPlaceholderText(
                self.tr("Unchanged: %1").replace("%1", masked) if masked else ""
            )
            if party.address_masked:
                self.address.setPlaceholderText(
                    self.tr("Unchanged: %1").replace("%1", party.address_masked)
                )
        else:
            self.phones.setPlaceholderText("+7 916 123-45-67")
        self.role.currentIndexChanged.connect(self._role_changed)
        self.phones.textChanged.connect(self._check_phones)
        self.courier_id.editingFinished.connect(self.check_blacklist)
        self._role_changed()

    def _role_changed(self) -> None:
        courier = self.role.currentData() == PartyRole.SUBJECT
        self.courier_id.setEnabled(courier or bool(self.courier_id.text()))

    def phone_lines(self) -> list[str]:
        return [line.strip() for line in self.phones.toPlainText().splitlines() if line.strip()]

    def _check_phones(self) -> str | None:
        """The first phone that is not a valid number, or None; shown under the form."""
        region = self.env.ctx.settings.phone_region
        bad = next((p for p in self.phone_lines() if not is_valid(p, region)), None)
        mark_invalid(self.phones, bad is not None)
        if bad is not None:
            self.error.show_error(self.tr("Not a valid phone number: %1").replace("%1", bad))
        else:
            self.error.clear_error()
        return bad

    def check_blacklist(self) -> None:
        """Look the courier ID up in the blacklist and warn inline."""
        courier = self.courier_id.text().strip()
        if not courier:
            self.blacklist_note.setVisible(False)
            return
        ctx = self.env.ctx
        self.env.tasks.run_read(
            lambda _p: parties.blacklist_check(ctx, courier), self._show_blacklist
        )

    def _show_blacklist(self, entries: list[BlacklistInfo]) -> None:
        active = [e for e in entries if e.active]
        self.blacklist_note.setVisible(bool(active))
        if active:
            self.blacklist_note.setText(
                self.tr("This courier is on the blacklist: %1").replace("%1", active[0].reason)
            )

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.show_error(self.tr("The party needs a name."))
            mark_invalid(self.name, True)
            self.name.setFocus()
            return
        mark_invalid(self.name, False)
        role = self.role.currentData()
        if role == PartyRole.SUBJECT and not self.courier_id.text().strip():
            self.error.show_error(self.tr("The courier the complaint is about needs a courier ID."))
            self.courier_id.setFocus()
            return
        if self._check_phones() is not None:
            self.phones.setFocus()
            return
        super().accept()

    # --- result ---------------------------------------------------------------------------
    def keep_phones(self) -> bool:
        return self.party is not None and not self.phone_lines()

    def keep_address(self) -> bool:
        return self.party is not None and not self.address.text().strip()

    def party_input(self) -> PartyInput:
        return PartyInput(
            role=self.role.currentData(),
            name=self.name.text().strip(),
            phones=tuple(self.phone_lines()),
            courier_id=self.courier_id.text().strip() or None,
            address=self.address.text().strip(),
            notes=self.notes.toPlainText(),
            supervisor_id=self.supervisor.currentData(),
        )
