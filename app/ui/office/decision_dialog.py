"""The decision on a case: the steps so far (who proposed, approved or returned, when, with
what comment), and the step this user may take — an investigator proposes findings and a
measure, a regional manager approves it or returns it with a comment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import Measure
from app.domain.office import Action, allowed
from app.services.core import cases
from app.services.office import decisions
from app.services.office.dto import DecisionState
from app.ui.errors import show_error
from app.ui.labels import measure_label, status_label
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.forms import ErrorLabel
from app.ui.widgets.record_model import RecordTableModel

if TYPE_CHECKING:
    from app.ui.env import UiEnv


def step_label(code: str) -> str:
    labels = {
        "propose": QCoreApplication.translate("DecisionDialog", "proposed"),
        "approve": QCoreApplication.translate("DecisionDialog", "approved"),
        "return": QCoreApplication.translate("DecisionDialog", "returned for more work"),
    }
    return labels.get(code, code)


class DecisionDialog(QDialog):
    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.version: int | None = None
        self.region = ""
        tz = env.ctx.settings.default_tz or "UTC"
        self.setWindowTitle(self.tr("Decision on the case"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("decisionHeader")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.model = RecordTableModel(
            [
                (self.tr("Step"), lambda s: step_label(s.step)),
                (self.tr("Measure"), lambda s: measure_label(s.measure)),
                (self.tr("Who"), lambda s: s.actor),
                (self.tr("When"), lambda s: format_local(s.at, tz)),
                (self.tr("Comment"), lambda s: s.comment or s.findings),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("decisionSteps")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.measure = QComboBox(self)
        self.measure.setObjectName("decisionMeasure")
        for measure in Measure:
            self.measure.addItem(measure_label(measure.value), measure.value)
        self.findings = QPlainTextEdit(self)
        self.findings.setObjectName("decisionFindings")
        self.findings.setPlaceholderText(self.tr("What was established and on what evidence"))
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("decisionComment")
        self.comment.setPlaceholderText(self.tr("Manager's comment (required to return)"))
        self.comment.setMaximumHeight(70)
        form.addRow(self.tr("Measure:"), self.measure)
        form.addRow(self.tr("Findings:"), self.findings)
        form.addRow(self.tr("Comment:"), self.comment)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.propose_button = QPushButton(self.tr("&Propose measure"), self)
        self.propose_button.setObjectName("proposeMeasure")
        self.approve_button = QPushButton(self.tr("&Approve and close"), self)
        self.approve_button.setObjectName("approveMeasure")
        self.return_button = QPushButton(self.tr("&Return with comment"), self)
        self.return_button.setObjectName("returnMeasure")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        for button in (self.propose_button, self.approve_button, self.return_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.propose_button.clicked.connect(self.propose)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_for_work)
        env.case_changed.connect(self._changed)
        self.reload()

    def _changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.reload()

    def reload(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id

        def load(_progress: Any) -> tuple[Any, DecisionState]:
            return cases.get_case(ctx, case_id), decisions.decision_state(ctx, case_id)

        self.env.tasks.run_read(load, self._show, lambda exc: show_error(self, exc))

    def _show(self, loaded: tuple[Any, DecisionState]) -> None:
        detail, state = loaded
        self.version, self.region = detail.version, detail.region
        self.header.setText(
            self.tr("<b>%1</b> — %2<br>Status: <b>%3</b> · Measure: <b>%4</b>")
            .replace("%1", detail.number)
            .replace("%2", detail.title.replace("<", "&lt;"))
            .replace("%3", status_label(detail.status))
            .replace("%4", measure_label(detail.measure))
        )
        if not self.findings.toPlainText().strip():  # never over an edit being typed
            if detail.measure:
                self.measure.setCurrentIndex(max(0, self.measure.findData(detail.measure)))
            self.findings.setPlainText(detail.findings)
        self.model.set_records(state.steps)
        self.table.resizeColumnsToContents()
        identity = self.env.ctx.identity
        pending = state.status == "proposed"
        own = bool(state.steps) and state.steps[-1].actor == self.env.ctx.actor
        can_work = allowed(identity, Action.WORK, detail.region) and detail.status != "closed"
        can_decide = allowed(identity, Action.DECIDE, detail.region) and pending
        if identity is not None:
            can_decide = can_decide and not own
        self.propose_button.setEnabled(can_work)
        self.findings.setEnabled(can_work)
        self.measure.setEnabled(can_work)
        self.approve_button.setEnabled(can_decide)
        self.return_button.setEnabled(can_decide)
        self.comment.setEnabled(can_decide)

    def _run(self, work: Any) -> None:
        self.error.clear_error()
        self.env.tasks.run_db(
            work, self._done, lambda exc: self.error.show_error(getattr(exc, "message", str(exc)))
        )

    def _done(self, _state: DecisionState) -> None:
        self.comment.clear()
        self.env.case_changed.emit(self.case_id)
        self.env.cases_changed.emit()

    def propose(self) -> None:
        ctx, case_id, version = self.env.ctx, self.case_id, self.version
        measure, findings = self.measure.currentData(), self.findings.toPlainText()
        self._run(lambda _p: decisions.propose(ctx, case_id, measure, findings, version))

    def approve(self) -> None:
        ctx, case_id, version = self.env.ctx, self.case_id, self.version
        comment = self.comment.toPlainText()
        self._run(lambda _p: decisions.approve(ctx, case_id, comment, version))

    def return_for_work(self) -> None:
        ctx, case_id, version = self.env.ctx, self.case_id, self.version
        comment = self.comment.toPlainText()
        self._run(lambda _p: decisions.return_for_work(ctx, case_id, comment, version))
