"""Overview and decision: the case's header, its workflow buttons and its editable fields.

Saving the form is one undoable edit (undo writes the previous values back). Workflow steps
(start work, submit for decision, close with a measure, return, reopen) are recorded in the
audit log and are not undone: going back is another explicit step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import (
    TRANSITIONS,
    CaseStatus,
    Category,
    ComplaintSource,
    Measure,
    PartyRole,
)
from app.services.core import cases as case_service
from app.services.core import parties
from app.services.core.dto import CaseDetail
from app.ui.labels import category_label, measure_label, source_label, status_label, vocab
from app.ui.settings_dialog import zone_combo
from app.ui.widgets.datetime_edit import ZonedDateTimeEdit, format_local
from app.ui.widgets.forms import ErrorLabel

if TYPE_CHECKING:
    from app.ui.case_host import CaseHost


def _combo(parent: QWidget, items: list[tuple[str, Any]], name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for label, data in items:
        combo.addItem(label, data)
    return combo


class OverviewTab(QWidget):
    def __init__(self, view: CaseHost) -> None:
        super().__init__()  # the host's tab widget adopts it
        self.view = view
        self._loading = False
        self._shown: CaseDetail | None = None
        outer = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        outer.addWidget(self.header)

        self.workflow = QHBoxLayout()
        outer.addLayout(self.workflow)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        form = QFormLayout(body)
        self.title = QLineEdit(body)
        self.title.setObjectName("title")
        self.category = _combo(body, [(category_label(c), c.value) for c in Category], "category")
        self.source = _combo(body, [(source_label(s), s.value) for s in ComplaintSource], "source")
        self.received = ZonedDateTimeEdit("UTC", body)
        self.received.setObjectName("received")
        self.tz = zone_combo(body, "")
        self.summary = QPlainTextEdit(body)
        self.summary.setObjectName("summary")
        self.findings = QPlainTextEdit(body)
        self.findings.setObjectName("findings")
        self.measure = _combo(
            body,
            [(measure_label(None), None), *((measure_label(m.value), m.value) for m in Measure)],
            "measure",
        )
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Complaint source:"), self.source)
        form.addRow(self.tr("Received:"), self.received)
        form.addRow(self.tr("Time zone:"), self.tz)
        form.addRow(vocab("term", "allegation") + ":", self.summary)
        form.addRow(vocab("term", "conclusions") + ":", self.findings)
        form.addRow(self.tr("Measure:"), self.measure)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.error = ErrorLabel(self)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.save_button.setObjectName("saveCase")
        self.save_button.setDefault(True)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.revert_button.clicked.connect(self._revert)
        self.save_button.clicked.connect(self.save)
        for signal in (
            self.title.textChanged,
            self.category.currentIndexChanged,
            self.source.currentIndexChanged,
            self.received.dateTimeChanged,
            self.tz.currentTextChanged,
            self.summary.textChanged,
            self.findings.textChanged,
            self.measure.currentIndexChanged,
        ):
            signal.connect(self._edited)
        view.loaded.connect(self.set_detail)
        self._edited()

    # --- showing --------------------------------------------------------------------------
    def set_detail(self, detail: CaseDetail) -> None:
        """Show a (re)loaded case. Unsaved edits survive a reload caused elsewhere (a party
        added, a call log imported) unless someone changed the same field meanwhile."""
        pending = self.changes()
        shown = self._shown
        self._loading = True
        try:
            self.header.setText(
                self.tr("<b>%1</b> — %2<br>Status: <b>%3</b> · Region %4 (%5) · Received %6")
                .replace("%1", detail.number)
                .replace("%2", _escape(detail.title))
                .replace("%3", status_label(detail.status))
                .replace("%4", detail.region)
                .replace("%5", detail.tz)
                .replace("%6", format_local(detail.received_at, detail.tz))
            )
            self.received.set_tz(detail.tz)
            self._set_values(self._original(detail))
            lost = []
            if shown is not None:
                kept = {}
                for key, value in pending.items():
                    if getattr(detail, key) == getattr(shown, key):
                        kept[key] = value
                    elif getattr(detail, key) != value:
                        lost.append(key)
                self._set_values(kept)
            self._shown = detail
            self._build_workflow(detail)
        finally:
            self._loading = False
        if lost:
            self.error.show_error(
                self.tr(
                    "Someone else changed “%1” meanwhile; your edit there was replaced."
                ).replace("%1", ", ".join(self._field_label(k) for k in lost))
            )
        else:
            self.error.clear_error()
        self._edited()

    def _set_values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key == "title":
                self.title.setText(value)
            elif key in ("category", "source", "measure"):
                combo = getattr(self, key)
                combo.setCurrentIndex(max(0, combo.findData(value)))
            elif key == "received_at":
                self.received.set_utc(value)
            elif key == "tz":
                self.tz.setCurrentText(value)
            else:
                getattr(self, key).setPlainText(value)

    def _field_label(self, key: str) -> str:
        labels = {
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "source": self.tr("Complaint source"),
            "received_at": self.tr("Received"),
            "tz": self.tr("Time zone"),
            "summary": vocab("term", "allegation"),
            "findings": vocab("term", "conclusions"),
            "measure": self.tr("Measure"),
        }
        return labels[key]

    def _build_workflow(self, detail: CaseDetail) -> None:
        while self.workflow.count():
            item = self.workflow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        labels = {
            CaseStatus.IN_PROGRESS: self.tr("Start work")
            if detail.status == CaseStatus.NEW
            else self.tr("Return for more work")
            if detail.status == CaseStatus.AWAITING_DECISION
            else self.tr("Reopen"),
            CaseStatus.AWAITING_DECISION: self.tr("Submit for decision"),
            CaseStatus.CLOSED: self.tr("Close with the chosen measure"),
        }
        for target in sorted(TRANSITIONS[CaseStatus(detail.status)], key=list(CaseStatus).index):
            button = QPushButton(labels[target], self)
            button.setObjectName(f"status_{target.value}")
            button.clicked.connect(lambda _c=False, t=target: self.move_to(t))
            self.workflow.addWidget(button)
        self.workflow.addStretch(1)

    # --- editing --------------------------------------------------------------------------
    def _values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "category": self.category.currentData(),
            "source": self.source.currentData(),
            "received_at": self.received.utc(),
            "tz": self.tz.currentText().strip(),
            "summary": self.summary.toPlainText(),
            "findings": self.findings.toPlainText(),
            "measure": self.measure.currentData(),
        }

    def _original(self, detail: CaseDetail) -> dict[str, Any]:
        values = {key: getattr(detail, key) for key in self._values()}
        # the time field shows whole seconds: a stored fraction is no edit of the user's
        values["received_at"] = detail.received_at.replace(microsecond=0)
        return values

    def changes(self) -> dict[str, Any]:
        """Fields whose value differs from the case as shown."""
        if self._shown is None:
            return {}
        old = self._original(self._shown)
        return {k: v for k, v in self._values().items() if v != old[k]}

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        dirty = bool(self.changes())
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _revert(self) -> None:
        if self._shown is not None:
            self._loading = True
            self._set_values(self._original(self._shown))
            self._loading = False
            self.error.clear_error()
            self._edited()

    def save(self) -> None:
        detail = self._shown
        new = self.changes()
        if detail is None or not new:
            return
        if "title" in new and not new["title"]:
            self.error.show_error(self.tr("The case needs a title."))
            self.title.setFocus()
            return
        old = {key: getattr(detail, key) for key in new}
        ctx, case_id, view = self.view.env.ctx, detail.id, self.view

        def write(values: dict[str, Any]) -> Any:
            return lambda _p: case_service.update_case(
                ctx, case_id, view.version_of("case", case_id), **values
            )

        self.error.clear_error()
        self.view.execute(self.tr("Edit case"), write(new), write(old))

    def move_to(self, target: CaseStatus) -> None:
        detail = self.view.detail
        if detail is None:
            return
        measure = self.measure.currentData()
        if target == CaseStatus.CLOSED and not measure:
            self.error.show_error(self.tr("Choose the measure before closing the case."))
            self.measure.setFocus()
            return
        ctx, case_id, view = self.view.env.ctx, detail.id, self.view
        self.error.clear_error()
        self.view.execute(
            self.tr("Change status"),
            lambda _p: case_service.set_status(
                ctx,
                case_id,
                target.value,
                view.version_of("case", case_id),
                measure if target == CaseStatus.CLOSED else None,
            ),
            on_done=self._offer_blacklist,
        )

    def _offer_blacklist(self, detail: CaseDetail) -> None:
        """A case closed with the blacklist measure: offer to list its courier(s) at once."""
        if detail.status != CaseStatus.CLOSED or detail.measure != Measure.BLACKLIST:
            return
        couriers = sorted(
            {
                p.courier_id
                for p in detail.parties
                if p.role == PartyRole.SUBJECT and p.courier_id and not p.blacklisted
            }
        )
        if not couriers:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Blacklist"),
            self.tr("Add courier %1 to the blacklist of all services?").replace(
                "%1", ", ".join(couriers)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("offerBlacklist")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self._blacklist(detail, couriers) if button is yes else None
        )
        box.open()

    def _blacklist(self, detail: CaseDetail, couriers: list[str]) -> None:
        ctx, reason = self.view.env.ctx, f"{detail.number}: {detail.title}"

        def work(_p: object) -> None:
            for courier in couriers:
                parties.blacklist_add(ctx, courier, reason, detail.id)

        self.view.env.tasks.run_db(work, lambda _r: self.view.reload(), self.view.show_error)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
