"""The findings of the misuse detectors for one case: severity, kind, time span in the case's
zone and the explanation in the UI's language. Analysis runs in the CPU pool; selecting a
finding asks the tab to show the calls it rests on. "Thresholds…" edits the case's limits."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.calls.findings import Thresholds
from app.services.calls import analysis as calls_analysis
from app.services.calls.dto import FindingView
from app.services.core.dto import CaseDetail
from app.ui.calls.import_preview import compact_rows
from app.ui.calls.labels import SEVERITY_RANK, kind_label, severity_label
from app.ui.calls.thresholds_dialog import (
    ThresholdsDialog,
    edit_case_thresholds,
    save_case_thresholds,
)
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.labels import vocab
from app.ui.tasks import Task
from app.ui.widgets.datetime_edit import format_local

AUTO_ANALYZE_MAX = 100_000
SEVERITY_COLORS = {"high": "#f6c9cc", "medium": "#fbe3b5", "low": "#e4e8ec"}


def ui_language() -> str:
    """ "ru" when the interface speaks Russian (the translators set the default locale)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


class FindingsPanel(QWidget):
    finding_selected = Signal(object)  # FindingView, or None when the selection is cleared
    analyzed = Signal(int)  # number of findings

    SEVERITY, KIND, PERIOD, CALLS = range(4)

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.tz = "UTC"
        self.findings: list[FindingView] = []
        self.dialog: ThresholdsDialog | None = None
        self._task: Task | None = None
        env.tasks.task_finished.connect(self._task_finished)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.analyze_button = QPushButton(self.tr("Analyze"), self)
        self.analyze_button.setObjectName("analyzeCalls")
        self.analyze_button.clicked.connect(self.analyze)
        self.thresholds_button = QPushButton(self.tr("Thresholds…"), self)
        self.thresholds_button.setObjectName("editThresholds")
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.status = QLabel(self)
        self.status.setObjectName("findingsStatus")
        buttons.addWidget(self.analyze_button)
        buttons.addWidget(self.thresholds_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 4, splitter)
        self.table.setObjectName("findingsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Severity"), vocab("event", "finding"), self.tr("When"), self.tr("Calls")]
        )
        self.table.verticalHeader().setVisible(False)
        compact_rows(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.explanation = QTextBrowser(splitter)
        self.explanation.setObjectName("findingExplanation")
        self.explanation.setPlaceholderText(self.tr("Select a finding to read its explanation."))
        splitter.addWidget(self.table)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def set_case(self, detail: CaseDetail, calls: int) -> None:
        """The case was (re)loaded: findings depend on its calls, orders and parties. A case
        of up to `AUTO_ANALYZE_MAX` calls is analyzed at once; a bigger one (a million calls
        take half a minute) when the investigator asks."""
        self.tz = detail.tz
        if calls <= AUTO_ANALYZE_MAX:
            self.analyze()
        elif self._task is None:
            self.status.setText(
                self.tr("%Ln calls: press Analyze to run the detectors.", "", calls)
            )

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- analysis -------------------------------------------------------------------------
    def analyze(self) -> None:
        """Run the detectors in the CPU pool (cancellable from the status bar)."""
        if self._task is not None:
            return
        self.analyze_button.setEnabled(False)
        self.status.setText(self.tr("Analyzing…"))
        ctx, case_id = self.env.ctx, self.case_id
        task = self.env.tasks.run_cpu(
            lambda progress: (
                calls_analysis.analyze(ctx, case_id, progress),
                calls_analysis.missing_phones(ctx, case_id),
            ),
            title=self.tr("Analyzing the calls"),
            on_done=lambda result: self._show(*result),
            on_error=self._failed,
            lane_writes=True,  # the findings are kept in the database for the next look
        )
        if task in self.env.tasks.active_tasks():  # a synchronous runner has finished it
            self._task = task

    def _task_finished(self, task: Task) -> None:
        # Before the result callbacks; a cancelled analysis gets none.
        if task is self._task:
            self._task = None
            self.analyze_button.setEnabled(True)
            if task.progress.cancelled():
                self.status.setText(self.tr("Analysis stopped."))

    def _failed(self, exc: BaseException) -> None:
        self.analyze_button.setEnabled(True)
        self.status.setText(self.tr("Analysis failed."))
        show_error(self, exc)

    def _show(self, findings: list[FindingView], missing: tuple[str, ...] = ()) -> None:
        self.analyze_button.setEnabled(True)
        self.findings = sorted(
            findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.start_utc)
        )
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.findings))
        for row, finding in enumerate(self.findings):
            cells = {
                self.SEVERITY: severity_label(finding.severity),
                self.KIND: kind_label(finding.kind),
                self.PERIOD: self._period(finding),
                self.CALLS: str(len(finding.call_ids)),
            }
            color = SEVERITY_COLORS.get(finding.severity)
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(finding.explanation(ui_language()))
                if column == self.SEVERITY and color:
                    item.setBackground(QBrush(QColor(color)))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.explanation.clear()
        if self.findings:
            self.status.setText(self.tr("%n finding(s)", "", len(self.findings)))
        else:
            self.status.setText(self._nothing_found(missing))
        self.status.setWordWrap(True)
        self.analyzed.emit(len(self.findings))

    def _nothing_found(self, missing: tuple[str, ...]) -> str:
        """Why the list is empty: the detectors look for calls between the courier's and the
        complainant's numbers, so a party without a phone hides everything."""
        if {"complainant", "subject"} <= set(missing):
            return self.tr(
                "No findings: neither the complainant's nor the courier's phone number is "
                "known. Add them to the parties, or link numbers in the Numbers list."
            )
        if "complainant" in missing:
            return self.tr(
                "No findings: the complainant's phone number is not known, so calls to her "
                "cannot be found. Add it to the party, or link it in the Numbers list."
            )
        if "subject" in missing:
            return self.tr(
                "No findings: the courier's phone number is not known, so his contacts with "
                "the complainant cannot be found. Add it to the party, or link it in the "
                "Numbers list."
            )
        return self.tr("No misuse pattern found with the current thresholds.")

    def _period(self, finding: FindingView) -> str:
        start = format_local(finding.start_utc, self.tz)
        end = format_local(finding.end_utc, self.tz)
        if start == end:
            return start
        if start[:10] == end[:10]:
            return f"{start} – {end[11:]}"
        return f"{start} – {end}"

    # --- selection ------------------------------------------------------------------------
    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def clear_selection(self) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.explanation.clear()

    def current(self) -> FindingView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.findings[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        finding = self.current()
        if finding is None:
            self.explanation.clear()
        else:
            self.explanation.setPlainText(finding.explanation(ui_language()))
        self.finding_selected.emit(finding)

    # --- thresholds -----------------------------------------------------------------------
    def edit_thresholds(self) -> None:
        edit_case_thresholds(
            self.env,
            self.case_id,
            self,
            saved=self.analyze,
            failed=self._show_error,
            shown=lambda dialog: setattr(self, "dialog", dialog),
        )

    def save_thresholds(self, thresholds: Thresholds) -> None:
        """Store the case's thresholds (audited by the service), then analyze again."""
        save_case_thresholds(self.env, self.case_id, thresholds, self.analyze, self._show_error)
