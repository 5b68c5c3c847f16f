"""Read-only audit log viewer: newest entries first, optionally of one case, and a
"Verify chain" button that walks the hash chain and names the first broken entry."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.core import audit
from app.services.core.audit import AuditEntryInfo, ChainStatus
from app.ui.env import UiEnv
from app.ui.labels import audit_action_label, entity_label
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.record_model import RecordTableModel

PAGE = 500


class AuditViewer(QDialog):
    def __init__(
        self, env: UiEnv, case_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self._entries: list[AuditEntryInfo] = []
        tz = env.ctx.settings.default_tz or "UTC"
        self.setWindowTitle(
            self.tr("Audit log") if case_id is None else self.tr("Audit log of the case")
        )
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Verify chain"), self)
        self.verify_button.setObjectName("verifyChain")
        self.status = QLabel(self)
        self.status.setObjectName("chainStatus")
        self.more_button = QPushButton(self.tr("Load older entries"), self)
        top.addWidget(self.verify_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.more_button)
        layout.addLayout(top)
        self.model = RecordTableModel(
            [
                (self.tr("#"), lambda e: str(e.seq)),
                (self.tr("Time"), lambda e: format_local(e.at, tz, seconds=True)),
                (self.tr("Who"), lambda e: e.actor),
                (self.tr("Action"), lambda e: audit_action_label(e.action)),
                (self.tr("Record"), lambda e: f"{entity_label(e.entity)} {e.entity_id}"),
                (self.tr("Case"), lambda e: "" if e.case_id is None else str(e.case_id)),
                (self.tr("Hash"), lambda e: e.hash[:16]),
            ],
            self,
            key=lambda entry: entry.seq,
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(splitter)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QPlainTextEdit(splitter)
        self.details.setReadOnly(True)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        layout.addWidget(splitter, 1)
        self.verify_button.clicked.connect(self.verify)
        self.more_button.clicked.connect(self.load_more)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.load_more()
        live = getattr(env, "live", None)  # an office server: entries of other workstations
        if live is not None:
            live.audit_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Show the newest entries again (written here or at another workstation)."""
        self._entries = []
        self.load_more()

    def load_more(self) -> None:
        ctx, case_id, offset = self.env.ctx, self.case_id, len(self._entries)
        self.env.tasks.run_read(
            lambda _p: audit.list_entries(ctx, case_id=case_id, limit=PAGE, offset=offset),
            self._append,
        )

    def _append(self, entries: list[AuditEntryInfo]) -> None:
        self._entries.extend(entries)
        self.model.set_records(self._entries)
        self.table.resizeColumnsToContents()
        self.more_button.setEnabled(len(entries) == PAGE)

    def _show_details(self) -> None:
        entry = self.model.record_at(self.table.currentIndex().row())
        if entry is None:
            self.details.clear()
            return
        body = {"before": entry.before, "after": entry.after, "hash": entry.hash}
        self.details.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))

    def verify(self) -> None:
        self.status.setText(self.tr("Verifying…"))
        ctx = self.env.ctx
        self.env.tasks.run_read(lambda _p: audit.verify_chain(ctx), self._verified)

    def _verified(self, result: ChainStatus) -> None:
        if result.ok:
            self.status.setStyleSheet("color: #1b5e20;")
            self.status.setText(
                self.tr("The chain is intact: %n entrie(s) verified.", "", result.entries)
            )
        else:
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            self.status.setText(
                self.tr("The chain is broken at entry %1: %2")
                .replace("%1", str(result.first_bad_seq))
                .replace("%2", result.problem)
            )
