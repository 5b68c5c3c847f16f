"""The parties tab: complainant, courier, supervisor, witnesses; phones and addresses masked
with Reveal…; a warning when a blacklisted courier is added."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from app.services.core import parties
from app.services.core.dto import PartyInfo
from app.ui.cases.party_dialog import PartyDialog
from app.ui.cases.record_tab import RecordTab
from app.ui.labels import role_label
from app.ui.widgets.record_model import Column

if TYPE_CHECKING:
    from app.ui.case_host import CaseHost


class PartiesTab(RecordTab):
    entity = "party"
    ROLE, NAME, COURIER, PHONES, ADDRESS, NOTES = range(6)

    def __init__(self, view: CaseHost) -> None:
        columns: list[Column] = [
            (self.tr("Role"), lambda p: role_label(p.role)),
            (self.tr("Name"), lambda p: p.name),
            (self.tr("Courier ID"), self._courier_text),
            (self.tr("Phones"), lambda p: ", ".join(p.phones_masked)),
            (self.tr("Address"), lambda p: p.address_masked),
            (self.tr("Notes"), lambda p: p.notes),
        ]
        super().__init__(view, columns, lambda d: d.parties)
        self.add_button(self.tr("Reveal phones…"), self.reveal_phones, "revealPhones")
        self.add_button(self.tr("Reveal address…"), self.reveal_address, "revealAddress")
        self.buttons.addStretch(1)

    def _courier_text(self, party: PartyInfo) -> str:
        if not party.courier_id:
            return ""
        if party.blacklisted:
            return self.tr("%1 — BLACKLISTED").replace("%1", party.courier_id)
        return party.courier_id

    def describe(self, record: Any) -> str:
        return str(record.name)

    def _others(self) -> list[PartyInfo]:
        return list(self.view.detail.parties) if self.view.detail else []

    def add_record(self) -> None:
        dialog = PartyDialog(self.view.env, self._others(), None, self)
        self.show_dialog(dialog, lambda: self._added(dialog))

    def _added(self, dialog: PartyDialog) -> None:
        data, case_id = dialog.party_input(), self.view.case_id
        self.create_undoable(
            self.tr("Add %1").replace("%1", data.name),
            lambda: parties.add_party(self.ctx, case_id, data),
            self._warn_blacklisted,
        )

    def _warn_blacklisted(self, result: Any) -> None:
        if not isinstance(result, parties.PartyResult) or "blacklisted" not in result.warnings:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Blacklisted courier"),
            self.tr(
                "Courier %1 is on the blacklist of all services. Check the earlier case before "
                "going on."
            ).replace("%1", result.party.courier_id or ""),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("blacklistWarning")
        box.open()

    def edit_current(self) -> None:
        party = self.current()
        if party is None:
            return
        dialog = PartyDialog(self.view.env, self._others(), party, self)
        self.show_dialog(dialog, lambda: self._edited(party, dialog))

    def _edited(self, old: PartyInfo, dialog: PartyDialog) -> None:
        new = dialog.party_input()
        keep_phones, keep_address = dialog.keep_phones(), dialog.keep_address()
        case_id, ctx = self.view.case_id, self.ctx
        previous = parties.PartyInput(
            role=old.role,
            name=old.name,
            courier_id=old.courier_id,
            notes=old.notes,
            supervisor_id=old.supervisor_id,
        )
        old_phones: list[str] = []

        def update(version: int, forward: bool) -> Any:
            if forward:
                if not keep_phones and not old_phones:
                    # Kept for undo only, never shown: the real numbers being replaced.
                    old_phones.extend(parties.party_phone_values(ctx, case_id).get(old.id, []))
                return parties.update_party(
                    ctx, old.id, version, new, keep_phones=keep_phones, keep_address=keep_address
                )
            back = replace(previous, phones=tuple(old_phones))
            return parties.update_party(
                ctx, old.id, version, back, keep_phones=keep_phones, keep_address=True
            )

        self.update_undoable(self.tr("Edit %1").replace("%1", old.name), old.id, update)

    def reveal_phones(self) -> None:
        party = self.current()
        if party is not None and party.phones_masked:
            what = self.tr("the phone numbers of %1").replace("%1", party.name)
            self.reveal(party.id, "phones", self.PHONES, what)

    def reveal_address(self) -> None:
        party = self.current()
        if party is not None and party.address_masked:
            what = self.tr("the address of %1").replace("%1", party.name)
            self.reveal(party.id, "address", self.ADDRESS, what)
