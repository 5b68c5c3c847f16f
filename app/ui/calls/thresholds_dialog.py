"""Edit the misuse-detector thresholds of one case: grace period after delivery, how many
numbers in how many hours count as "many numbers", the night hours, what counts as a burst,
and the company's own lines (their calls never count). The call and message detectors share
them: `edit_case_thresholds` is the one way both tabs read, show and store them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.calls.findings import Thresholds
from app.domain.errors import ValidationError
from app.services.calls import analysis as calls_analysis
from app.ui.env import UiEnv
from app.ui.widgets.forms import ErrorLabel

# field → (minimum, maximum); the domain checks the same limits again.
LIMITS = {
    "grace_min": (0, 7 * 24 * 60),
    "multi_min_numbers": (2, 1000),
    "multi_window_h": (1, 24 * 30),
    "night_start_h": (0, 23),
    "night_end_h": (0, 23),
    "burst_min_calls": (2, 1000),
    "burst_window_min": (1, 24 * 60),
}


class ThresholdsDialog(QDialog):
    def __init__(self, current: Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle(self.tr("Detector thresholds of this case"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        labels = {
            "grace_min": self.tr("Grace after delivery, minutes"),
            "multi_min_numbers": self.tr("“Many numbers”: at least this many numbers"),
            "multi_window_h": self.tr("… within this many hours after a courier contact"),
            "night_start_h": self.tr("Night starts at (hour)"),
            "night_end_h": self.tr("Night ends at (hour)"),
            "burst_min_calls": self.tr("Burst: at least this many calls to one number"),
            "burst_window_min": self.tr("… within this many minutes"),
        }
        self.spins: dict[str, QSpinBox] = {}
        for name, (low, high) in LIMITS.items():
            spin = QSpinBox(self)
            spin.setObjectName(f"threshold_{name}")
            spin.setRange(low, high)
            spin.setValue(int(getattr(current, name)))
            self.spins[name] = spin
            form.addRow(labels[name], spin)
        self.company = QPlainTextEdit(self)
        self.company.setObjectName("companyLines")
        self.company.setPlaceholderText(self.tr("One number per line, e.g. +7 495 000-00-00"))
        self.company.setPlainText("\n".join(current.company_lines))
        self.company.setMaximumHeight(90)
        form.addRow(self.tr("Company lines (never misuse)"), self.company)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._base = current

    def thresholds(self) -> Thresholds:
        """The edited values; raises `ValidationError` when they do not fit together."""
        values = {f.name: getattr(self._base, f.name) for f in fields(Thresholds)}
        values.update({name: spin.value() for name, spin in self.spins.items()})
        lines = (line.strip() for line in self.company.toPlainText().splitlines())
        values["company_lines"] = tuple(line for line in lines if line)
        return Thresholds(**values)

    def accept(self) -> None:
        try:
            self.thresholds()
        except ValidationError as exc:
            if exc.field == "night_end_h":
                self.error.show_error(self.tr("The night cannot start at the hour it ends."))
            else:
                self.error.show_error(exc.message)
            return
        super().accept()


def edit_case_thresholds(
    env: UiEnv,
    case_id: int,
    parent: QWidget,
    *,
    saved: Callable[[], object],
    failed: Callable[[BaseException], object],
    shown: Callable[[ThresholdsDialog | None], object] = lambda _dialog: None,
) -> None:
    """Read the case's thresholds (read pool), open the dialog over `parent` and store what
    the investigator accepts (`save_case_thresholds`); `shown` gets the open dialog, and
    None once it is closed."""
    ctx = env.ctx

    def open_dialog(current: Thresholds) -> None:
        dialog = ThresholdsDialog(current, parent)
        dialog.accepted.connect(
            lambda: save_case_thresholds(env, case_id, dialog.thresholds(), saved, failed)
        )
        dialog.finished.connect(lambda _result: shown(None))
        shown(dialog)
        dialog.open()

    env.tasks.run_read(lambda _p: calls_analysis.get_thresholds(ctx, case_id), open_dialog, failed)


def save_case_thresholds(
    env: UiEnv,
    case_id: int,
    thresholds: Thresholds,
    saved: Callable[[], object],
    failed: Callable[[BaseException], object],
) -> None:
    """Store the case's thresholds on the database lane (the service audits the change)."""
    ctx = env.ctx
    env.tasks.run_db(
        lambda _p: calls_analysis.set_thresholds(ctx, case_id, thresholds),
        lambda _result: saved(),
        failed,
    )
