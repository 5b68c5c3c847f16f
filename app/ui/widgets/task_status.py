"""Status-bar widget showing the running background task: title, progress bar and Cancel.

When several tasks run, it shows the most recent one and how many others are waiting; it hides
itself when the runner is idle.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.ui.tasks import Task, TaskRunner


class TaskStatusWidget(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._current: Task | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.task_started.connect(self._refresh)
        runner.task_finished.connect(self._refresh)
        runner.task_progress.connect(self._on_progress)
        self._refresh()

    def _visible_tasks(self) -> list[Task]:
        # Short DB writes without a title are not worth a flicker in the status bar.
        return [t for t in self._runner.active_tasks() if t.title]

    def _refresh(self, *_args: object) -> None:
        tasks = self._visible_tasks()
        self._current = tasks[-1] if tasks else None
        self.setVisible(self._current is not None)
        if self._current is None:
            return
        others = len(tasks) - 1
        text = self._current.title
        if others:
            text = self.tr("%1 (+%n more)", "", others).replace("%1", text)
        self.label.setText(text)
        self.cancel_button.setEnabled(self._current.cancellable)
        self._show_progress(self._current)

    def _on_progress(self, task: Task) -> None:
        if task is self._current:
            self._show_progress(task)

    def _show_progress(self, task: Task) -> None:
        done, total, message = task.last
        if total <= 0:
            self.bar.setRange(0, 0)  # busy indicator
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.bar.setToolTip(message)

    def _cancel(self) -> None:
        if self._current is not None:
            self._current.cancel()
            self.cancel_button.setEnabled(False)
