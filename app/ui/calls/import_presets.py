"""Saving and deleting the investigator's own import presets from the import dialog (a
mixin of `ImportDialog`: it uses the dialog's environment, preview, mapping and combos)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication as Qc
from PySide6.QtWidgets import QDialog, QInputDialog

from app.services.calls import intake as calls
from app.services.calls.intake import Preset
from app.ui.errors import show_error

# For the type checker the mixin is the dialog it is mixed into (a QWidget parent for the
# input and error dialogs); at run time it adds no base class of its own.
if TYPE_CHECKING:
    _DialogBase = QDialog
else:
    _DialogBase = object


class PresetActions(_DialogBase):
    """`Save as preset…` and `Delete preset` of the import dialog (strings in the dialog's
    translation context)."""

    env: Any
    preview: Any
    mapping: Any
    preset: Any
    tz: Any
    status: Any
    delete_preset_button: Any
    _presets: dict[str, Preset]
    reload_presets: Any

    def _ask_preset_name(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            Qc.translate("ImportDialog", "Save as preset"),
            Qc.translate("ImportDialog", "Name of the preset:"),
        )
        if ok and name.strip():
            self.save_preset_as(name.strip())

    def save_preset_as(self, name: str) -> None:
        """Save the current options and mapping as the user's preset `name`."""
        if self.preview is None:
            return
        base = self._presets.get(self.preset.currentData() or "")
        preset = Preset(
            name=name,
            target="calls",
            mapping=self.mapping.mapping(),
            has_header=self.preview.has_header,
            delimiter=self.preview.delimiter or None,
            encoding=self.preview.encoding or None,
            tz=self.tz.currentData() or (base.tz if base else None),
            constants=dict(base.constants) if base else {},
        )
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda _p: calls.save_preset(ctx, preset),
            lambda saved: self._preset_saved(saved.name),
            self._show_error,
        )

    def delete_preset(self) -> None:
        """Delete the chosen preset of the user's own (built-in ones stay)."""
        name = self.preset.currentData()
        if not self.delete_preset_button.isEnabled() or not name:
            return
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda _p: calls.delete_preset(ctx, name),
            lambda _r: self._preset_deleted(name),
            self._show_error,
        )

    def _preset_deleted(self, name: str) -> None:
        self.preset.setCurrentIndex(0)  # detection again, the preview follows
        self.reload_presets()
        self.status.setText(
            Qc.translate("ImportDialog", "Preset “%1” deleted.").replace("%1", name)
        )

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _preset_saved(self, name: str) -> None:
        self.reload_presets(select=name)
        self.status.setText(Qc.translate("ImportDialog", "Preset “%1” saved.").replace("%1", name))
