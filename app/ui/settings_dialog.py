"""Settings dialog: interface language, the investigator's name and position (they sign the
dossiers; the first start and an export without them ask for them here), default region and
time zone.

The language applies on the next start (a note says so); the rest applies at once. Values are
checked before they are saved: the region code by the domain rule, the zone against the zone
database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import normalize_region
from app.domain.errors import ValidationError
from app.domain.timeutil import zone
from app.settings import Settings
from app.ui.widgets.forms import ErrorLabel

# The zones of Russia's regions, west to east; the combo stays editable for any IANA name.
RUSSIAN_ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)


def zone_combo(parent: QWidget, current: str) -> QComboBox:
    """An editable combo with Russia's zones, `current` selected or typed in."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems(RUSSIAN_ZONES)
    combo.setCurrentText(current)
    return combo


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        config_dir: Path,
        parent: QWidget | None = None,
        require_identity: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._config_dir = config_dir
        self._initial_language = settings.language
        self._require_identity = require_identity
        self.setMinimumWidth(520)  # the name and position fields show their hints in full
        layout = QVBoxLayout(self)
        if require_identity:
            self.setWindowTitle(self.tr("Your name and position"))
            intro = QLabel(
                self.tr(
                    "Who prepares the dossiers? Your name and position are printed in every "
                    "dossier you sign and recorded in the audit log."
                ),
                self,
            )
            intro.setObjectName("identityIntro")
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        # Language names in their own language, so a user lost in the wrong one finds his.
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Interface language:"), self.language)
        self.investigator = QLineEdit(settings.investigator_name, self)
        self.investigator.setObjectName("investigator")
        self.investigator.setPlaceholderText(self.tr("Surname I.O., as in dossiers"))
        form.addRow(self.tr("Investigator:"), self.investigator)
        self.position = QLineEdit(settings.investigator_position, self)
        self.position.setObjectName("position")
        self.position.setPlaceholderText(self.tr("e.g. security specialist, North-West region"))
        form.addRow(self.tr("Position:"), self.position)
        self.region = QLineEdit(settings.default_region, self)
        self.region.setObjectName("region")
        self.region.setPlaceholderText(self.tr("e.g. MSK"))
        form.addRow(self.tr("Default region code:"), self.region)
        self.tz = zone_combo(self, settings.default_tz)
        form.addRow(self.tr("Default time zone:"), self.tz)
        self.evidence_dir = QLineEdit(settings.evidence_dir, self)
        self.evidence_dir.setObjectName("evidenceDir")
        self.evidence_dir.setPlaceholderText(
            self.tr("the office's recorded share, else the data folder")
        )
        self.evidence_dir.setToolTip(
            self.tr(
                "Root of the evidence store: a mounted share or a UNC path such as "
                "\\\\server\\casebook. Applies after a restart; Casebook refuses a folder "
                "that holds another store."
            )
        )
        form.addRow(self.tr("Evidence store:"), self.evidence_dir)
        layout.addLayout(form)
        self.note = QLabel(self.tr("A new language applies after Casebook restarts."), self)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._language_changed)

    def language_changed(self) -> bool:
        return bool(self.language.currentData() != self._initial_language)

    def _language_changed(self) -> None:
        self.note.setVisible(self.language_changed())

    def accept(self) -> None:
        if self._require_identity:
            for field in (self.investigator, self.position):
                if not field.text().strip():
                    self.error.show_error(
                        self.tr("Enter your name and position: the dossier is signed with them.")
                    )
                    field.setFocus()
                    return
        region = self.region.text().strip()
        try:
            region = normalize_region(region) if region else ""
        except ValidationError:
            self.error.show_error(self.tr("The region code is one short word without spaces."))
            self.region.setFocus()
            return
        tz = self.tz.currentText().strip()
        try:
            zone(tz)
        except ValidationError:
            self.error.show_error(self.tr("Unknown time zone: %1").replace("%1", tz))
            self.tz.setFocus()
            return
        evidence = self.evidence_dir.text().strip()
        if evidence and not Path(evidence).expanduser().is_dir():
            self.error.show_error(
                self.tr("The evidence store folder %1 is not reachable.").replace("%1", evidence)
            )
            self.evidence_dir.setFocus()
            return
        self._settings.evidence_dir = evidence
        self._settings.language = self.language.currentData()
        self._settings.investigator_name = self.investigator.text().strip()
        self._settings.investigator_position = self.position.text().strip()
        self._settings.default_region = region
        self._settings.default_tz = tz
        self._settings.save(self._config_dir)
        super().accept()
