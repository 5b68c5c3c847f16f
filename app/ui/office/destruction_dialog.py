"""Retention and destruction: closed cases with the end of their retention period (due ones
first), destruction tasks with their state, and the steps — plan (administrator), confirm (a
second person), carry out (administrator, in the background with progress) and save the act."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.office import Action, allowed
from app.services.office import destruction, retention
from app.ui.labels import measure_label
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.forms import ErrorLabel
from app.ui.widgets.record_model import RecordTableModel

if TYPE_CHECKING:
    from app.ui.env import UiEnv


def _message(exc: BaseException) -> str:
    return getattr(exc, "message", str(exc))


class DestructionDialog(QDialog):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        tz = env.ctx.settings.default_tz or "UTC"
        self.setWindowTitle(self.tr("Retention and destruction of personal data"))
        self.resize(960, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Closed cases and the end of their retention period"), self)
        )
        self.cases = RecordTableModel(
            [
                (self.tr("Case"), lambda i: i.number),
                (self.tr("Region"), lambda i: i.region),
                (self.tr("Measure"), lambda i: measure_label(i.measure)),
                (self.tr("Decided"), lambda i: format_local(i.decided_at, tz)),
                (self.tr("Keep until"), lambda i: format_local(i.ends_at, tz)),
                (self.tr("Due"), lambda i: self.tr("yes") if i.due else ""),
            ],
            self,
            key=lambda item: item.case_id,
        )
        self.case_table = QTableView(self)
        self.case_table.setObjectName("retentionCases")
        self.case_table.setModel(self.cases)
        self.case_table.verticalHeader().setVisible(False)
        self.case_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.case_table, 2)
        layout.addWidget(QLabel(self.tr("Destruction tasks"), self))
        self.tasks = RecordTableModel(
            [
                (self.tr("Task"), lambda t: t.number),
                (self.tr("State"), lambda t: self._state_label(t.status)),
                (self.tr("Cases"), lambda t: ", ".join(t.cases)),
                (self.tr("Planned by"), lambda t: t.planned_by),
                (self.tr("Confirmed by"), lambda t: t.confirmed_by or ""),
                (self.tr("Done"), lambda t: format_local(t.done_at, tz) if t.done_at else ""),
            ],
            self,
        )
        self.task_table = QTableView(self)
        self.task_table.setObjectName("destructionTasks")
        self.task_table.setModel(self.tasks)
        self.task_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.task_table.verticalHeader().setVisible(False)
        self.task_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.task_table, 1)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("&Plan destruction of due cases"), self)
        self.plan_button.setObjectName("planDestruction")
        self.confirm_button = QPushButton(self.tr("C&onfirm task"), self)
        self.confirm_button.setObjectName("confirmDestruction")
        self.run_button = QPushButton(self.tr("Carry &out task"), self)
        self.run_button.setObjectName("runDestruction")
        self.act_button = QPushButton(self.tr("Save &act…"), self)
        self.act_button.setObjectName("saveAct")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        for button in (self.plan_button, self.confirm_button, self.run_button, self.act_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        identity = env.ctx.identity
        self.plan_button.setEnabled(allowed(identity, Action.ADMINISTER))
        self.run_button.setEnabled(allowed(identity, Action.ADMINISTER))
        self.confirm_button.setEnabled(allowed(identity, Action.CONFIRM_DESTRUCTION))
        self.plan_button.clicked.connect(self.plan)
        self.confirm_button.clicked.connect(lambda: self._task_step(destruction.confirm))
        self.run_button.clicked.connect(self.carry_out)
        self.act_button.clicked.connect(self.save_act)
        self.reload()

    def _state_label(self, status: str) -> str:
        labels = {
            "planned": self.tr("planned, awaiting confirmation"),
            "confirmed": self.tr("confirmed"),
            "done": self.tr("done"),
        }
        return labels.get(status, status)

    def reload(self) -> None:
        ctx = self.env.ctx

        def load(_p: Any) -> tuple[Any, Any]:
            return retention.retention_list(ctx), destruction.list_tasks(ctx)

        self.env.tasks.run_read(load, self._show, lambda exc: self.error.show_error(_message(exc)))

    def _show(self, loaded: tuple[Any, Any]) -> None:
        items, tasks = loaded
        self.cases.set_records(sorted(items, key=lambda i: (not i.due, i.ends_at)))
        self.tasks.set_records(tasks)
        self.case_table.resizeColumnsToContents()
        self.task_table.resizeColumnsToContents()

    def _selected_task(self) -> Any:
        return self.tasks.record_at(self.task_table.currentIndex().row())

    def _after(self, _result: Any) -> None:
        self.error.clear_error()
        self.env.cases_changed.emit()
        self.reload()

    def plan(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda _p: destruction.plan(ctx),
            self._after,
            lambda exc: self.error.show_error(_message(exc)),
        )

    def _task_step(self, step: Any) -> None:
        task = self._selected_task()
        if task is None:
            self.error.show_error(self.tr("Select a task first."))
            return
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda _p: step(ctx, task.id),
            self._after,
            lambda exc: self.error.show_error(_message(exc)),
        )

    def carry_out(self) -> None:
        task = self._selected_task()
        if task is None:
            self.error.show_error(self.tr("Select a task first."))
            return
        ctx = self.env.ctx
        self.env.tasks.run_db(
            lambda progress: destruction.execute(ctx, task.id, progress),
            self._after,
            lambda exc: self.error.show_error(_message(exc)),
            title=self.tr("Destroying personal data"),
        )

    def save_act(self) -> None:
        task = self._selected_task()
        if task is None or task.status != "done":
            self.error.show_error(self.tr("Select a task that has been carried out."))
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the destruction act"), f"{task.number}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.write_act(task.id, Path(name))

    def write_act(self, task_id: int, out: Path) -> None:
        ctx = self.env.ctx
        lang = "ru" if self.tr("Case") != "Case" else "en"
        self.env.tasks.run_cpu(
            lambda _p: destruction.write_act(ctx, task_id, out, lang),
            on_done=lambda _path: self.error.clear_error(),
            on_error=lambda exc: self.error.show_error(_message(exc)),
            title=self.tr("Writing the destruction act"),
        )
