"""The export dialog: choose the profile and language, the events and stills to include and the
regions to blur, preview the PDF (QtPdf) and save the dossier or the evidence package.

Building runs in the task runner's CPU pool; loading the choices in its read lane. Open it with
`open_export_dialog(env, case_id, parent)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import Cancelled
from app.domain.timeutil import in_zone
from app.services.dossier.assemble import (
    DossierChoices,
    DossierOptions,
    StillRedaction,
    dossier_choices,
    still_file,
)
from app.services.dossier.export import (
    DossierExport,
    prepare_dossier_export,
    prepare_package_export,
    prepare_preview,
)
from app.ui.dossier.regions import RegionEditor
from app.ui.env import UiEnv
from app.ui.widgets import save_path
from app.ui.widgets.screen import resize_within_screen

KEY_ROLE = Qt.ItemDataRole.UserRole


class ExportDialog(QDialog):
    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.choices: DossierChoices | None = None
        self.redactions: dict[int, StillRedaction] = {}
        self.last_saved: Path | None = None
        self._buffer: QBuffer | None = None
        self.setWindowTitle(self.tr("Export dossier"))
        resize_within_screen(self, 1200, 800)

        self.profile = QComboBox()
        self.profile.addItem(self.tr("Police (law enforcement)"), "police")
        self.profile.addItem(self.tr("Regional management"), "management")
        self.lang = QComboBox()
        self.lang.addItem(self.tr("Russian"), "ru")
        self.lang.addItem(self.tr("English"), "en")
        self.addressee = QPlainTextEdit()
        self.addressee.setPlaceholderText(self.tr("e.g. Head of the district police department"))
        self.addressee.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.profile_note = QLabel()
        self.profile_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Profile"), self.profile)
        form.addRow(self.tr("Language"), self.lang)
        form.addRow(self.tr("Addressee"), self.addressee)
        form.addRow(self.profile_note)

        self.events = QListWidget()
        self.stills = QListWidget()
        self.editor = RegionEditor()
        self.editor.changed.connect(self._regions_changed)
        self.detector_note = QLabel()
        self.detector_note.setWordWrap(True)
        stills_page = QWidget()
        stills_layout = QVBoxLayout(stills_page)
        stills_layout.addWidget(self.stills, 1)
        hint = QLabel(
            self.tr(
                "Drag on the still to blur a region; drag with the right button to keep a "
                "party's face visible; click a region to remove it."
            )
        )
        hint.setWordWrap(True)
        stills_layout.addWidget(hint)
        stills_layout.addWidget(self.editor, 3)
        stills_layout.addWidget(self.detector_note)
        self.pick = QTabWidget()
        self.pick.addTab(self.events, self.tr("Events"))
        self.pick.addTab(stills_page, self.tr("Stills"))

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.pick, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 720])

        self.preview_button = QPushButton(self.tr("Preview"))
        self.save_button = QPushButton(self.tr("Save dossier…"))
        self.package_button = QPushButton(self.tr("Save evidence package…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.package_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.lang.currentIndexChanged.connect(self.load_choices)
        self.stills.currentItemChanged.connect(self._show_still)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self._ask_save_dossier)
        self.package_button.clicked.connect(self._ask_save_package)
        self._profile_changed()
        self.load_choices()

    # -- choices ---------------------------------------------------------------------------

    def load_choices(self) -> None:
        ctx, case_id, lang = self.env.ctx, self.case_id, self.lang.currentData()
        self.env.tasks.run_read(
            lambda _p: dossier_choices(ctx, case_id, lang),
            on_done=self._fill,
            on_error=self._failed,
        )

    def _fill(self, choices: DossierChoices) -> None:
        checked = self._checked(self.events)
        self.choices = choices
        self.events.clear()
        marked = any(e.in_dossier for e in choices.events)
        for event in choices.events:
            when = in_zone(event.at, choices.tz).strftime("%d.%m.%Y %H:%M")
            item = QListWidgetItem(f"{when}  {event.text}")
            item.setData(KEY_ROLE, event.key)
            item.setToolTip(event.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = event.key in checked if checked is not None else (event.in_dossier or not marked)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.events.addItem(item)
        if self.stills.count() == 0:
            for still in choices.stills:
                item = QListWidgetItem(still.name)
                item.setData(KEY_ROLE, still.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.stills.addItem(item)
        self._profile_changed()

    @staticmethod
    def _checked(widget: QListWidget) -> set[Any] | None:
        if widget.count() == 0:
            return None
        return {
            widget.item(i).data(KEY_ROLE)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        }

    def _profile_changed(self) -> None:
        police = self.profile.currentData() == "police"
        self.addressee.setEnabled(police)
        if police:
            self.profile_note.setText(
                self.tr(
                    "Shows phone numbers and addresses in full, every call and the statements. "
                    "The export and what it reveals are recorded in the audit log."
                )
            )
        else:
            self.profile_note.setText(
                self.tr(
                    "Phone numbers and addresses are masked; faces of people who are not parties "
                    "are blurred on the stills."
                )
            )
        if self.choices is not None and self.choices.face_detector is None and not police:
            self.detector_note.setText(
                self.tr(
                    "Automatic face detection is not available in this installation: only the "
                    "regions you draw are blurred."
                )
            )
        else:
            self.detector_note.setText("")

    def _show_still(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        if current is None or self.choices is None:
            self.editor.clear_image()
            return
        still_id = current.data(KEY_ROLE)
        still = next(s for s in self.choices.stills if s.id == still_id)
        redaction = self.redactions.get(still_id, StillRedaction())
        self.editor.set_image(
            QImage(str(still_file(self.env.ctx, still))), list(redaction.blur), list(redaction.keep)
        )

    def _regions_changed(self) -> None:
        current = self.stills.currentItem()
        if current is not None:
            self.redactions[current.data(KEY_ROLE)] = StillRedaction(
                tuple(self.editor.blur), tuple(self.editor.keep)
            )

    def options(self) -> DossierOptions:
        events = self._checked(self.events)
        stills = self._checked(self.stills)
        return DossierOptions(
            profile=self.profile.currentData(),
            lang=self.lang.currentData(),
            events=frozenset(events) if events is not None else None,
            stills=frozenset(stills) if stills is not None else None,
            addressee=self.addressee.toPlainText().strip(),
            redactions=dict(self.redactions),
        )

    # -- build -----------------------------------------------------------------------------

    def _busy(self, busy: bool, message: str = "") -> None:
        for button in (self.preview_button, self.save_button, self.package_button):
            button.setEnabled(not busy)
        self.status.setText(message)

    def preview(self) -> None:
        ctx, case_id, options = self.env.ctx, self.case_id, self.options()
        self._busy(True, self.tr("Building the preview…"))
        self.env.tasks.run_cpu(
            lambda p: prepare_preview(ctx, case_id, options, p),
            commit=_run_commit,
            lane_writes=True,  # a police dossier audits the numbers it reveals
            title=self.tr("Dossier preview"),
            on_done=self._show_preview,
            on_error=self._failed,
        )

    def _show_preview(self, built: Any) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(built.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.document.load(buffer)
        self._busy(False, self.tr("Preview: %n page(s)", "", built.pages))

    def _ask_save_dossier(self) -> None:
        name = f"{self._number()}_{self.profile.currentData()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save dossier"),
            save_path.suggested(name),
            self.tr("PDF documents (*.pdf)"),
        )
        save_path.remember(path)
        if path:
            self.save_dossier_to(Path(path))

    def _ask_save_package(self) -> None:
        name = f"{self._number()}_{self.profile.currentData()}.zip"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save evidence package"),
            save_path.suggested(name),
            self.tr("ZIP archives (*.zip)"),
        )
        save_path.remember(path)
        if path:
            self.save_package_to(Path(path))

    def _number(self) -> str:
        return (self.choices.number if self.choices else str(self.case_id)).replace("/", "-")

    def save_dossier_to(self, path: Path) -> None:
        ctx, case_id, options = self.env.ctx, self.case_id, self.options()
        self._busy(True, self.tr("Saving the dossier…"))
        self.env.tasks.run_cpu(
            lambda p: prepare_dossier_export(ctx, case_id, options, path, p),
            commit=_run_commit,
            lane_writes=True,  # a police dossier audits the numbers it reveals
            title=self.tr("Dossier export"),
            on_done=self._saved,
            on_error=self._failed,
        )

    def save_package_to(self, path: Path) -> None:
        ctx, case_id, options = self.env.ctx, self.case_id, self.options()
        self._busy(True, self.tr("Saving the evidence package…"))
        self.env.tasks.run_cpu(
            lambda p: prepare_package_export(ctx, case_id, options, path, p),
            commit=_run_commit,
            lane_writes=True,  # a police dossier audits the numbers it reveals
            title=self.tr("Evidence package export"),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, result: Any) -> None:
        self.last_saved = result.path
        text = self.tr("Saved %1\nSHA-256: %2").replace("%1", str(result.path))
        # What the investigator should know before sending it, e.g. stills whose time is not
        # established (their camera is not calibrated); the texts are in the dossier's language.
        warnings = result.warnings if isinstance(result, DossierExport) else ()
        self._busy(False, "\n".join([text.replace("%2", result.sha256), *warnings]))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self._busy(False, self.tr("Cancelled."))
            return
        message = getattr(error, "message", None) or str(error)
        self._busy(False, self.tr("Export failed: %1").replace("%1", message))


def open_export_dialog(env: UiEnv, case_id: int, parent: QWidget | None = None) -> ExportDialog:
    """Show the export dialog of a case (non-modal); the caller may keep the reference."""
    dialog = ExportDialog(env, case_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _run_commit(commit: Callable[[], Any]) -> Any:
    """On the database lane: the short commit a `prepare_*` export handed back."""
    return commit()
