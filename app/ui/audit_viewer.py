"""Read-only audit log viewer: newest entries first, optionally of one case, and a
"Verify chain" button that walks the hash chain and names the first broken entry.

Entries read as words: the action and the record by name, the case by its number, and the
entry's change as a table of the fields that changed (before → after) instead of raw JSON."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.core import audit
from app.services.core import cases as case_service
from app.services.core.audit import AuditEntryInfo, ChainStatus
from app.ui.env import UiEnv
from app.ui.labels import audit_action_label, entity_label
from app.ui.widgets.datetime_edit import format_local
from app.ui.widgets.record_model import RecordTableModel
from app.ui.widgets.screen import resize_within_screen

PAGE = 500


class AuditViewer(QDialog):
    def __init__(
        self, env: UiEnv, case_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self._entries: list[AuditEntryInfo] = []
        self._numbers: dict[int, str] = {}  # case id → case number
        tz = env.ctx.settings.default_tz or "UTC"
        self.setWindowTitle(
            self.tr("Audit log") if case_id is None else self.tr("Audit log of the case")
        )
        resize_within_screen(self, 1000, 600)
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
                (self.tr("Record"), self._record_text),
                (self.tr("Case"), self._case_text),
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
        self.details = QTextBrowser(splitter)
        self.details.setObjectName("auditDetails")
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

        def read(_progress: object) -> tuple[list[AuditEntryInfo], dict[int, str]]:
            entries = audit.list_entries(ctx, case_id=case_id, limit=PAGE, offset=offset)
            ids = sorted({e.case_id for e in entries if e.case_id is not None})
            return entries, {c.id: c.number for c in case_service.case_summaries(ctx, ids)}

        self.env.tasks.run_read(read, self._append)

    def _case_text(self, entry: AuditEntryInfo) -> str:
        if entry.case_id is None:
            return ""
        return self._numbers.get(entry.case_id, self.tr("deleted case"))

    def _record_text(self, entry: AuditEntryInfo) -> str:
        """`Party 12`; a case is named by its number, not by its internal id."""
        if entry.entity == "case" and entry.case_id is not None:
            return f"{entity_label(entry.entity)} {self._case_text(entry)}"
        return f"{entity_label(entry.entity)} {entry.entity_id}"

    def _append(self, result: tuple[list[AuditEntryInfo], dict[int, str]]) -> None:
        entries, numbers = result
        self._numbers.update(numbers)
        self._entries.extend(entries)
        self.model.set_records(self._entries)
        self.table.resizeColumnsToContents()
        self.more_button.setEnabled(len(entries) == PAGE)

    def _show_details(self) -> None:
        entry = self.model.record_at(self.table.currentIndex().row())
        if entry is None:
            self.details.clear()
            return
        self.details.setHtml(self.change_html(entry))

    def change_html(self, entry: AuditEntryInfo) -> str:
        """The entry in words and its change as a table: field, before, after; only the
        fields that changed for an edit, every field for a creation or a deletion."""
        title = " · ".join(
            t for t in (audit_action_label(entry.action), self._record_text(entry)) if t
        )
        head = f"<p><b>{html.escape(title)}</b><br>{html.escape(entry.actor)}</p>"
        before, after = entry.before or {}, entry.after or {}
        keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
        if not keys:
            return head + f"<p>{html.escape(self.tr('No fields changed.'))}</p>" + self._hash(entry)
        old, new = "style='color:#8e1b1b'", "style='color:#1b5e20'"
        rows = "".join(
            f"<tr><td><b>{html.escape(key)}</b></td><td {old}>{_value(before.get(key))}</td>"
            f"<td {new}>{_value(after.get(key))}</td></tr>"
            for key in keys
        )
        header = "".join(
            f"<th align='left'>{html.escape(t)}</th>"
            for t in (self.tr("Field"), self.tr("Before"), self.tr("After"))
        )
        table = f"<table cellspacing='0' cellpadding='4'><tr>{header}</tr>{rows}</table>"
        return head + table + self._hash(entry)

    def _hash(self, entry: AuditEntryInfo) -> str:
        label = html.escape(self.tr("Entry hash"))
        return f"<p style='color:#546e7a'>{label}: <code>{entry.hash}</code></p>"

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


def _value(value: Any) -> str:
    """A field's value as text: lists one per line, nested data as compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return "<br>".join(_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return html.escape(json.dumps(value, ensure_ascii=False))
    return html.escape(str(value))
