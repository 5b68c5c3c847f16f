"""Import a call log (CSV or XLSX) into a case.

Choose the file, a preset (or automatic detection); the detected encoding, delimiter and
header row are shown and can be overridden; the mapping editor sets which column holds which
field, and the first rows are parsed with the current options after every change
(`calls.preview_calls`), so a problem shows before anything is written. A file whose times
carry no zone must be given one: the dialog does not guess it from the case. The import runs
in the CPU pool with progress and cancel; the last page lists what came in and what was
rejected.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import Duplicate
from app.services.calls import intake as calls
from app.services.calls.dto import ImportOptions, ImportPreview, ImportResult
from app.services.calls.importing import import_calls
from app.services.calls.intake import Preset
from app.ui.calls.import_presets import PresetActions
from app.ui.calls.import_preview import PreviewTables
from app.ui.calls.import_result import ImportResultView
from app.ui.calls.import_texts import describe_recognition, error_text
from app.ui.calls.mapping_editor import MappingEditor
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.tasks import Task
from app.ui.widgets.file_field import FileField
from app.ui.widgets.forms import ErrorLabel, mark_invalid

UNSURE = 0.6  # below this the investigator confirms the guessed columns
ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "koi8_r", "cp866")
COMMON_ZONES = (
    "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg",
    "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk",
    "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka", "UTC",
)  # fmt: skip


class ImportDialog(PresetActions, QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(
        self, env: UiEnv, case_id: int, case_tz: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callImportDialog")
        self.setWindowTitle(self.tr("Import a call log"))
        self.resize(1100, 720)
        self.env = env
        self.case_id = case_id
        self.case_tz = case_tz
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.outcome: ImportResult | None = None  # what the import did (`result` is Qt's)
        self.task: Task | None = None
        self.refused: Path | None = None  # a file the service said is already in the case
        self._edits: dict[str, str] = {}  # mapping chosen by hand, on top of preset/guess
        self._presets: dict[str, Preset] = {}
        self._generation = 0
        self._zone_applied = False
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_options_page())
        self.result_view = ImportResultView(self)
        self.pages.addWidget(self.result_view)
        layout.addLayout(self._build_buttons())
        env.tasks.task_finished.connect(self._task_finished)
        self.reload_presets()
        self._update_state()

    # --- construction ---------------------------------------------------------------------
    def _build_options_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.error = ErrorLabel(page)  # placed under the form; the file row reports into it
        self.error.setObjectName("importError")
        self.file = FileField(
            placeholder=self.tr(
                "CSV or XLSX export of the call platform: choose it, or type or paste its path"
            ),
            dialog_title=self.tr("Choose a call log"),
            file_filter=self.tr("Call logs (*.csv *.txt *.tsv *.xlsx);;All files (*)"),
            name="importFile",
            parent=page,
        )
        self.file_edit = self.file.edit
        self.file.chosen.connect(self._file_chosen)
        self.file.missing.connect(self.error.show_error)
        form.addRow(self.tr("File"), self.file)

        self.preset = QComboBox(page)
        self.preset.setObjectName("importPreset")
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.delete_preset_button = QPushButton(self.tr("Delete preset"), page)
        self.delete_preset_button.setObjectName("deletePreset")
        self.delete_preset_button.clicked.connect(self.delete_preset)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset, 1)
        preset_row.addWidget(self.delete_preset_button)
        form.addRow(self.tr("Preset"), preset_row)

        format_row = QHBoxLayout()
        self.encoding = self._auto_combo("importEncoding", [(e, e) for e in ENCODINGS])
        self.delimiter = self._auto_combo(
            "importDelimiter",
            [(";", ";"), (",", ","), (self.tr("Tab"), "\t"), ("|", "|")],
        )
        self.header = self._auto_combo(
            "importHeader",
            [(self.tr("First row is a header"), True), (self.tr("No header row"), False)],
        )
        self.date_order = self._auto_combo(
            "importDateOrder",
            [(self.tr("Day first (31/12)"), "dmy"), (self.tr("Month first (12/31)"), "mdy")],
        )
        for label, combo in (
            (self.tr("Encoding"), self.encoding),
            (self.tr("Delimiter"), self.delimiter),
            (self.tr("Header"), self.header),
            (self.tr("Dates"), self.date_order),
        ):
            format_row.addWidget(QLabel(label, page))
            format_row.addWidget(combo)
        format_row.addStretch(1)
        form.addRow(self.tr("Format"), format_row)
        self.detected = QLabel(page)
        self.detected.setObjectName("detectedFormat")
        self.detected.setWordWrap(True)
        form.addRow("", self.detected)
        self.recognized = QLabel(page)
        self.recognized.setObjectName("recognizedColumns")
        self.recognized.setWordWrap(True)
        self.confirm_guess = QCheckBox(
            self.tr("I checked the columns in the preview: they are right"), page
        )
        self.confirm_guess.setObjectName("confirmGuess")
        self.confirm_guess.setVisible(False)
        self.confirm_guess.toggled.connect(lambda _on: self._update_state())
        guess_row = QVBoxLayout()
        guess_row.addWidget(self.recognized)
        guess_row.addWidget(self.confirm_guess)
        form.addRow(self.tr("Columns"), guess_row)

        self.tz = QComboBox(page)
        self.tz.setObjectName("importTz")
        self.tz.addItem(self.tr("As the file or preset says"), None)
        common = list(dict.fromkeys((self.case_tz, *COMMON_ZONES)))
        for name in common:
            self.tz.addItem(name, name)
        self.tz.insertSeparator(self.tz.count())
        for name in sorted(available_timezones() - set(common)):  # any other IANA zone
            self.tz.addItem(name, name)
        self.tz.currentIndexChanged.connect(self._refresh)
        self.tz.activated.connect(self._remember_zone)  # the user's own choice only
        form.addRow(self.tr("Time zone of the file"), self.tz)
        layout.addLayout(form)

        layout.addWidget(self.error)

        splitter = QSplitter(page)
        self.mapping = MappingEditor(calls.CALL_FIELDS, splitter)
        self.mapping.edited.connect(self._mapping_edited)
        self.tables = PreviewTables(self.case_tz, splitter)
        splitter.addWidget(self.mapping)
        splitter.addWidget(self.tables)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 770])
        layout.addWidget(splitter, 1)
        return page

    def _auto_combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("Automatic"), None)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._format_changed)
        return combo

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_preset_button = QPushButton(self.tr("Save as preset…"), self)
        self.save_preset_button.setObjectName("savePreset")
        self.save_preset_button.clicked.connect(self._ask_preset_name)
        row.addWidget(self.save_preset_button)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setVisible(False)
        row.addWidget(self.progress, 1)
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        row.addWidget(self.status, 1)
        self.cancel_import_button = QPushButton(self.tr("Stop import"), self)
        self.cancel_import_button.setObjectName("cancelImport")
        self.cancel_import_button.setVisible(False)
        self.cancel_import_button.clicked.connect(self.cancel_import)
        row.addWidget(self.cancel_import_button)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("runImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        row.addWidget(self.import_button)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setObjectName("closeImport")
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        return row

    # --- options ------------------------------------------------------------------------
    def reload_presets(self, select: str | None = None) -> None:
        chosen = select or self.preset.currentData()
        self._presets = {p.name: p for p in calls.list_presets(self.env.ctx)}
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(self.tr("Detect automatically"), None)
        for name, preset in self._presets.items():
            suffix = "" if preset.builtin else self.tr(" (mine)")
            self.preset.addItem(name + suffix, name)
        self.preset.setCurrentIndex(max(0, self.preset.findData(chosen)))
        self.preset.blockSignals(False)
        self._update_preset_button()

    def _file_chosen(self, path: Path) -> None:
        self.error.clear_error()
        self.set_path(path)

    def set_path(self, path: Path) -> None:
        """Read `path` with fresh options (what choosing the file does)."""
        self.path = Path(path)
        self.file.set_path(self.path)
        self._edits.clear()
        self.confirm_guess.setChecked(False)
        self._zone_applied = False
        self._refresh()

    # --- the zone of a platform, remembered --------------------------------------------------
    def _zone_key(self) -> str:
        platform = self.preset.currentData() or (self.preview.preset if self.preview else None)
        return f"calls/import_zone/{platform or 'detected'}"

    def _remember_zone(self, *_args: object) -> None:
        zone = self.tz.currentData()
        if zone:
            QSettings().setValue(self._zone_key(), zone)

    def _apply_remembered_zone(self) -> None:
        """Once per file: the zone last chosen for this preset or platform, unless the file
        or the user said another."""
        if self._zone_applied or self.tz.currentIndex() != 0:
            return
        self._zone_applied = True
        zone = QSettings().value(self._zone_key())
        if isinstance(zone, str) and zone:
            self.set_tz(zone)

    def set_preset(self, name: str | None) -> None:
        self.preset.setCurrentIndex(max(0, self.preset.findData(name)))

    def set_tz(self, name: str) -> None:
        index = self.tz.findData(name)
        if index < 0:
            self.tz.addItem(name, name)
            index = self.tz.count() - 1
        self.tz.setCurrentIndex(index)

    def options(self) -> ImportOptions:
        return ImportOptions(
            preset=self.preset.currentData(),
            mapping=dict(self._edits),
            tz=self.tz.currentData(),
            encoding=self.encoding.currentData(),
            delimiter=self.delimiter.currentData(),
            has_header=self.header.currentData(),
            date_order=self.date_order.currentData(),
            accept_guess=self.confirm_guess.isChecked(),
        )

    def _preset_changed(self, *_args: object) -> None:
        self._edits.clear()  # the preset's mapping replaces hand-made choices
        self._update_preset_button()
        self._zone_applied = False
        self._refresh()

    def _update_preset_button(self) -> None:
        chosen = self._presets.get(self.preset.currentData() or "")
        self.delete_preset_button.setEnabled(chosen is not None and not chosen.builtin)

    def _format_changed(self, *_args: object) -> None:
        self._edits.clear()  # other columns: hand-made choices no longer apply
        self._refresh()

    def _mapping_edited(self, field: str, ref: str) -> None:
        if ref:
            self._edits[field] = ref
        else:
            self._edits.pop(field, None)
        self._refresh()

    # --- preview ------------------------------------------------------------------------
    def _refresh(self, *_args: object) -> None:
        if self.path is None:
            return
        self._generation += 1
        generation, ctx, path, options = self._generation, self.env.ctx, self.path, self.options()
        self.status.setText(self.tr("Reading the file…"))
        self.env.tasks.run_read(
            lambda _p: calls.preview_calls(ctx, path, options),
            lambda preview: self._show_preview(generation, preview),
            lambda exc: self._preview_failed(generation, exc),
        )

    def _show_preview(self, generation: int, preview: ImportPreview) -> None:
        if generation != self._generation:
            return  # an older read finished after a newer one started
        self.preview = preview
        self.status.clear()
        self.mapping.set_columns(preview.columns, preview.has_header, preview.mapping)
        self.tables.show_preview(preview)
        self.detected.setText(self._describe_format(preview))
        self.recognized.setText(describe_recognition(preview, self._unsure(preview)))
        self.confirm_guess.setVisible(self._unsure(preview))
        if self.refused != self.path:
            self.error.show_error(error_text(preview))
        mark_invalid(self.tz, preview.error_field == "tz")
        mark_invalid(self.date_order, preview.error_field == "date_order")
        self._update_state()
        self._apply_remembered_zone()

    def _unsure(self, preview: ImportPreview) -> bool:
        return preview.confidence < UNSURE and not self._edits and preview.preset is None

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.preview = None
        self.status.clear()
        self.tables.clear()
        self.error.show_error(
            self.tr("This file cannot be read as a table: %1").replace("%1", str(exc))
        )
        self._update_state()

    def _describe_format(self, preview: ImportPreview) -> str:
        """How the file was read: kind, encoding, delimiter, header, columns, zone."""
        if preview.kind == "xlsx":
            kind = self.tr("Excel workbook")
        else:
            delimiter = self.tr("Tab") if preview.delimiter == "\t" else preview.delimiter
            kind = (
                self.tr("CSV, encoding %1, delimiter “%2”")
                .replace("%1", preview.encoding)
                .replace("%2", delimiter)
            )
        header = self.tr("header row") if preview.has_header else self.tr("no header row")
        text = self.tr("Read as: %1, %2, %n column(s)", "", len(preview.columns))
        text = text.replace("%1", kind).replace("%2", header)
        if preview.tz:
            text += "; " + self.tr("times in %1").replace("%1", preview.tz)
        return text

    def _update_state(self) -> None:
        running = self.task is not None
        ready = self.preview is not None and not self.preview.error and self.refused != self.path
        if ready and self.preview is not None and self._unsure(self.preview):
            ready = self.confirm_guess.isChecked()
        self.import_button.setEnabled(ready and not running and self.outcome is None)
        self.save_preset_button.setEnabled(self.preview is not None and not running)
        self.progress.setVisible(running)
        self.cancel_import_button.setVisible(running)

    # --- import -------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.path is None or self.task is not None or self.outcome is not None:
            return
        ctx, case_id, path, options = self.env.ctx, self.case_id, self.path, self.options()
        self.error.clear_error()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Importing…"))
        # The import holds the database's write lock for its one transaction: it runs in the
        # write lane, so other edits queue behind it instead of failing on a locked database.
        task = self.env.tasks.run_db(
            lambda progress: import_calls(ctx, case_id, path, options, progress),
            self._import_done,
            self._import_failed,
            title=self.tr("Importing %1").replace("%1", path.name),
            cancellable=True,
        )
        if task in self.env.tasks.active_tasks():  # a synchronous runner has finished it
            self.task = task
            task.progress.reported.connect(self._import_progress)
        self._update_state()

    def _import_progress(self, _task_id: int, done: int, total: int, _message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Stopping…"))

    def reject(self) -> None:
        """Closing the dialog stops a running import (nothing of it is kept)."""
        self.cancel_import()
        super().reject()

    def _task_finished(self, task: Task) -> None:
        # Comes before the result callbacks; a cancelled task gets no callback at all.
        if task is not self.task:
            return
        self.task = None
        if task.progress.cancelled():
            self.status.setText(self.tr("Import stopped: nothing was imported."))
        self._update_state()

    def _import_done(self, result: ImportResult) -> None:
        self.task = None
        self.outcome = result
        self.status.clear()
        self.result_view.show_result(result, self.path.name if self.path else "")
        self.pages.setCurrentWidget(self.result_view)
        self.save_preset_button.setVisible(False)
        self.import_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self._update_state()
        self.imported.emit(result)

    def _import_failed(self, exc: BaseException) -> None:
        self.task = None
        self.status.clear()
        if isinstance(exc, Duplicate):
            self.refused = self.path
            self.error.show_error(
                self.tr(
                    "This file was already imported into this case; importing it again "
                    "would add nothing."
                )
            )
            self.error.setToolTip(exc.message)
        else:
            self.error.show_error(str(getattr(exc, "message", exc)))
            if not hasattr(exc, "message"):
                show_error(self, exc)
        self._update_state()
