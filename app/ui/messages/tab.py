"""The Messages tab of a case: each conversation as a chat (bubbles by sender, day separators
in the case's zone, flagged words highlighted, attachments, the screenshot a message was
read from), search and filters (sender, flagged, period), the message detectors' findings
with the shared thresholds, the senders and their party links, and "add to dossier".

`create_tab(env, case_id, parent)` is the case view's entry point; `select_message(id)`
shows one message (the timeline routes double-clicks here). Reads run in the runner's read
pool, writes (imports, links, dossier marks) in its database lane.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.core import cases as case_service
from app.services.core.dto import CaseDetail
from app.services.messages import analysis, importing, query
from app.services.messages.dto import (
    MessageFilter,
    MessageFindingView,
    MessageImportResult,
    MessageView,
    SenderView,
)
from app.ui.calls.findings_panel import SEVERITY_COLORS, ui_language
from app.ui.calls.thresholds_dialog import edit_case_thresholds
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.messages.chat_html import render
from app.ui.messages.detail import MessageDetail, category_label
from app.ui.messages.filter_bar import MessageFilterBar
from app.ui.messages.import_dialog import MessagesImportDialog
from app.ui.privacy import RevealDialog
from app.ui.widgets.action_row import ActionRow
from app.ui.widgets.datetime_edit import format_local

PAGE = 1000  # messages drawn at once; the chat pages through longer conversations


def tab_title() -> str:
    return QCoreApplication.translate("MessagesTab", "Messages")


def create_tab(env: UiEnv, case_id: int, parent: QWidget | None = None) -> QWidget:
    return MessagesTab(env, case_id, parent)


def finding_label(kind: str) -> str:
    labels = {
        "message_private_contact": QCoreApplication.translate(
            "MessagesTab", "Courier's private messages after delivery"
        ),
        "message_new_numbers": QCoreApplication.translate(
            "MessagesTab", "Messages from new numbers"
        ),
        "message_night": QCoreApplication.translate("MessagesTab", "Messages at night"),
        "message_abuse": QCoreApplication.translate("MessagesTab", "Abusive messages"),
    }
    return labels.get(kind, kind)


class MessagesTab(QWidget):
    page_shown = Signal(int)  # messages on the page after a (re)draw

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.tz = "UTC"
        self.ids: list[int] = []
        self.page = 0
        self.views: list[MessageView] = []
        self.current: int | None = None
        self.findings: list[MessageFindingView] = []
        self.senders: list[SenderView] = []
        self._finding_ids: list[int] | None = None
        self._pending: int | None = None
        self._generation = 0
        self.dialog: Any = None

        layout = QVBoxLayout(self)
        top = ActionRow(self, "messageCount")
        self.count_label = top.count_label
        self.import_button = top.button(
            self.tr("Import messages…"), "importMessages", self.open_import
        )
        self.reveal_button = top.button(
            self.tr("Reveal numbers…"),
            "revealMessages",
            self.reveal_page,
            self.tr("Show the senders' full numbers on this page (asks for a reason, audited)"),
        )
        self.dossier_button = top.button(
            self.tr("Add to dossier"),
            "messageDossier",
            self.toggle_dossier,
            self.tr("Quote the selected message in the dossier (Ctrl+B)"),
        )
        self.flagged_dossier = top.button(
            self.tr("Add all flagged"), "flaggedToDossier", self.flagged_to_dossier
        )
        layout.addLayout(top)

        self.filters = MessageFilterBar(self)
        self.filters.changed.connect(lambda _f: self.refresh())
        layout.addWidget(self.filters)

        self.banner = QLabel(self)
        self.banner.setObjectName("messageBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("font-weight: bold;")
        self.banner.hide()
        layout.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.chat = QTextBrowser(left)
        self.chat.setObjectName("chatView")
        self.chat.setOpenLinks(False)
        self.chat.anchorClicked.connect(self._link)
        left_layout.addWidget(self.chat, 1)
        pager = QHBoxLayout()
        self.earlier = QPushButton(self.tr("◀ Earlier"), left)
        self.earlier.clicked.connect(lambda: self.show_page(self.page - 1))
        self.later = QPushButton(self.tr("Later ▶"), left)
        self.later.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_label = QLabel(left)
        pager.addWidget(self.earlier)
        pager.addStretch(1)
        pager.addWidget(self.page_label)
        pager.addStretch(1)
        pager.addWidget(self.later)
        left_layout.addLayout(pager)

        self.side = QTabWidget(splitter)
        self.message_pane = MessageDetail(env, self)
        self.side.addTab(self.message_pane, self.tr("Message"))
        self.side.addTab(self._findings_page(), self.tr("Findings"))
        self.side.addTab(self._senders_page(), self.tr("Senders"))
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        # Keys act only while the focus is in this tab (Ctrl+D is the office's decision).
        for key, slot in (
            ("Ctrl+B", self.toggle_dossier),
            ("Alt+Down", lambda: self._step(1)),
            ("Alt+Up", lambda: self._step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        env.case_changed.connect(self._case_changed)
        self._update_buttons()
        self.reload()

    # --- side pages -------------------------------------------------------------------------
    def _findings_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        buttons = QHBoxLayout()
        self.analyze_button = QPushButton(self.tr("Analyze"), page)
        self.analyze_button.setObjectName("analyzeMessages")
        self.analyze_button.clicked.connect(self.analyze)
        self.thresholds_button = QPushButton(self.tr("Thresholds…"), page)
        self.thresholds_button.setObjectName("messageThresholds")
        self.thresholds_button.setToolTip(self.tr("The same thresholds as the call detectors"))
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        buttons.addWidget(self.analyze_button)
        buttons.addWidget(self.thresholds_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.finding_list = QListWidget(page)
        self.finding_list.setObjectName("messageFindings")
        self.finding_list.currentRowChanged.connect(self._finding_selected)
        self.explanation = QPlainTextEdit(page)
        self.explanation.setReadOnly(True)
        layout.addWidget(self.finding_list, 2)
        layout.addWidget(self.explanation, 1)
        return page

    def _senders_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.sender_table = QTableWidget(0, 5, page)
        self.sender_table.setObjectName("messageSenders")
        self.sender_table.setHorizontalHeaderLabels(
            [
                self.tr("Sender"),
                self.tr("Number"),
                self.tr("Party"),
                self.tr("Messages"),
                self.tr("Flagged"),
            ]
        )
        self.sender_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sender_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sender_table.verticalHeader().setVisible(False)
        self.sender_table.horizontalHeader().setStretchLastSection(True)
        link = QPushButton(self.tr("Link to party…"), page)
        link.setObjectName("linkSender")
        link.setToolTip(
            self.tr(
                "The sender's messages go to the party's lane; a number the party does not "
                "have yet joins its numbers, so the call detectors use it too"
            )
        )
        link.clicked.connect(self.link_selected_sender)
        layout.addWidget(self.sender_table, 1)
        layout.addWidget(link)
        return page

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: case_service.get_case(ctx, case_id), self._apply_case, self._failed
        )

    def _apply_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.tz = detail.tz
        self.filters.tz = detail.tz
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(lambda _p: query.senders(ctx, case_id), self._apply_senders,
                                self._failed)  # fmt: skip
        self.refresh()
        self.analyze()

    def _apply_senders(self, senders: list[SenderView]) -> None:
        self.senders = senders
        self.filters.set_senders(senders)
        parties = {p.id: p.name for p in self.detail.parties} if self.detail else {}
        self.sender_table.setRowCount(len(senders))
        for row, s in enumerate(senders):
            values = [s.sender, s.sender_number or "", parties.get(s.party_id or 0, ""),
                      str(s.messages), str(s.flagged)]  # fmt: skip
            for column, value in enumerate(values):
                self.sender_table.setItem(row, column, QTableWidgetItem(value))

    def refresh(self) -> None:
        """Re-read the ids for the filters (or the shown finding), then draw the last page."""
        self._generation += 1
        generation, ctx, case_id = self._generation, self.env.ctx, self.case_id
        if self._finding_ids is not None:
            self._ids_loaded(generation, list(self._finding_ids))
            return
        wanted = self.filters.current_filter()
        self.env.tasks.run_read(
            lambda _p: query.message_ids(ctx, case_id, wanted),
            lambda ids: self._ids_loaded(generation, ids),
            self._failed,
        )

    def _ids_loaded(self, generation: int, ids: Sequence[int]) -> None:
        if generation != self._generation:
            return
        self.ids = list(ids)
        self.count_label.setText(self.tr("%n message(s)", "", len(self.ids)))
        if self._pending is not None and self._pending in self.ids:
            self.current = self._pending
            self._pending = None
            self.show_page(self.ids.index(self.current) // PAGE)
        else:
            self.show_page(max(0, (len(self.ids) - 1) // PAGE))

    def show_page(self, page: int) -> None:
        pages = max(1, (len(self.ids) + PAGE - 1) // PAGE)
        self.page = min(max(page, 0), pages - 1)
        chunk = self.ids[self.page * PAGE : (self.page + 1) * PAGE]
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.page + 1))
                                .replace("%2", str(pages)))  # fmt: skip
        self.earlier.setEnabled(self.page > 0)
        self.later.setEnabled(self.page < pages - 1)
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: query.messages_by_ids(ctx, case_id, chunk), self._show_views, self._failed
        )

    def _show_views(self, views: list[MessageView]) -> None:
        self.views = views
        if views:
            self.filters.set_span(views[0].sent_utc, views[-1].sent_utc)
        self.draw()
        self.page_shown.emit(len(views))

    def draw(self) -> None:
        words = {
            "edited": self.tr("edited"),
            "deleted": self.tr("message deleted"),
            "media": self.tr("media not included in the export"),
            "screenshot": self.tr("from a screenshot: check against the picture"),
            "dossier": self.tr("in the dossier"),
            "attachment": self.tr("Attachment"),
            **{f"cat:{c}": category_label(c) for c in ("obscene", "insult", "threat")},
        }
        bar = self.chat.verticalScrollBar()
        keep = bar.value() if self.views else None
        self.chat.setHtml(render(self.views, self.tz, self.current, words))
        if self.current is not None and any(v.id == self.current for v in self.views):
            self.chat.scrollToAnchor(f"m{self.current}")
        elif keep is not None and self.current is not None:
            bar.setValue(keep)
        else:
            bar.setValue(bar.maximum())
        self._show_current()
        self._update_buttons()

    # --- selection and links ----------------------------------------------------------------
    def _link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "msg":
            self.set_current(int(value))
        elif kind == "shot":
            self.set_current(int(value))
            self.side.setCurrentIndex(0)
        elif kind == "evidence":
            self.message_pane.load_picture(int(value), None)
            self.side.setCurrentIndex(0)

    def set_current(self, message_id: int) -> None:
        self.current = message_id
        bar = self.chat.verticalScrollBar().value()
        self.draw()
        self.chat.verticalScrollBar().setValue(bar)

    def select_message(self, message_id: int) -> None:
        """Show one message (the timeline's double-click); filters are cleared if they hide it."""
        if message_id in self.ids:
            self.current = message_id
            self.show_page(self.ids.index(message_id) // PAGE)
            return
        self._pending = message_id
        self._finding_ids = None
        self.banner.hide()
        self.filters.reset()
        self.refresh()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _step(self, delta: int) -> None:
        if not self.views:
            return
        ids = [v.id for v in self.views]
        index = ids.index(self.current) + delta if self.current in ids else len(ids) - 1
        self.set_current(ids[min(max(index, 0), len(ids) - 1)])
        self.chat.scrollToAnchor(f"m{self.current}")

    def _view(self, message_id: int | None) -> MessageView | None:
        return next((v for v in self.views if v.id == message_id), None)

    def _show_current(self) -> None:
        self.message_pane.show_message(self._view(self.current), self.tz)

    def _update_buttons(self) -> None:
        view = self._view(self.current)
        self.dossier_button.setEnabled(view is not None)
        self.dossier_button.setText(
            self.tr("Remove from dossier")
            if view and view.in_dossier
            else self.tr("Add to dossier")
        )
        self.reveal_button.setEnabled(bool(self.views))

    # --- actions ----------------------------------------------------------------------------
    def toggle_dossier(self) -> None:
        view = self._view(self.current)
        if view is None:
            return
        self._mark([view.id], not view.in_dossier)

    def flagged_to_dossier(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: query.message_ids(ctx, case_id, MessageFilter(flagged=True)),
            lambda ids: self._mark(ids, True),
            self._failed,
        )

    def _mark(self, ids: Sequence[int], value: bool) -> None:
        ctx, case_id, wanted = self.env.ctx, self.case_id, list(ids)
        self.env.tasks.run_db(
            lambda _p: query.set_in_dossier(ctx, case_id, wanted, value),
            lambda _n: self.env.case_changed.emit(case_id),
            self._failed,
        )

    def reveal_page(self) -> None:
        dialog = RevealDialog(self.tr("the senders' numbers on this page"), self)
        ids = [v.id for v in self.views]
        dialog.accepted.connect(lambda: self._reveal(ids, dialog.reason.text()))
        self.dialog = dialog
        dialog.open()

    def _reveal(self, ids: list[int], reason: str) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_db(
            lambda _p: query.reveal_messages(ctx, case_id, ids, reason),
            self._show_views,
            self._failed,
        )

    def link_selected_sender(self) -> None:
        row = self.sender_table.currentRow()
        if row < 0 or row >= len(self.senders) or self.detail is None:
            return
        sender = self.senders[row]
        parties = self.detail.parties
        names = [self.tr("(no party)")] + [p.name for p in parties]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Link sender"),
            self.tr("Messages of %1 belong to:").replace("%1", sender.sender), names, 0, False,
        )  # fmt: skip
        if not ok:
            return
        index = names.index(choice)
        party_id = parties[index - 1].id if index > 0 else None
        self._link_sender(sender.key, party_id)

    def _link_sender(self, key: str, party_id: int | None) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_db(
            lambda _p: query.link_sender(ctx, case_id, key, party_id),
            lambda _r: self.env.case_changed.emit(case_id),
            self._failed,
        )

    # --- findings ---------------------------------------------------------------------------
    def analyze(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: analysis.message_findings(ctx, case_id), self._show_findings, self._failed
        )

    def _show_findings(self, findings: list[MessageFindingView]) -> None:
        self.findings = findings
        self.finding_list.blockSignals(True)
        self.finding_list.clear()
        lang = ui_language()
        for finding in findings:
            period = format_local(finding.start_utc, self.tz)
            if finding.end_utc != finding.start_utc:
                period += " – " + format_local(finding.end_utc, self.tz)
            title = f"{finding_label(finding.kind)} · {period} · {len(finding.message_ids)}"
            item = QListWidgetItem(title, self.finding_list)
            item.setToolTip(finding.explanation(lang))
            item.setBackground(Qt.GlobalColor.white)
            color = SEVERITY_COLORS.get(finding.severity)
            if color:
                item.setBackground(QColor(color))
        self.finding_list.blockSignals(False)
        self.side.setTabText(1, self.tr("Findings (%n)", "", len(findings)))

    def _finding_selected(self, row: int) -> None:
        if row < 0 or row >= len(self.findings):
            self._finding_ids = None
            self.banner.hide()
        else:
            finding = self.findings[row]
            self.explanation.setPlainText(finding.explanation(ui_language()))
            self._finding_ids = list(finding.message_ids)
            self.banner.setText(
                self.tr("Showing the messages of one finding; Esc shows all again.")
            )
            self.banner.show()
        self.refresh()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self._finding_ids is not None:
            self.finding_list.setCurrentRow(-1)
            return
        super().keyPressEvent(event)

    def edit_thresholds(self) -> None:
        case_id = self.case_id
        edit_case_thresholds(
            self.env,
            case_id,
            self,
            saved=lambda: self.env.case_changed.emit(case_id),
            failed=self._failed,
            shown=lambda dialog: setattr(self, "dialog", dialog),
        )

    # --- import -----------------------------------------------------------------------------
    def open_import(self) -> None:
        owners = [p.name for p in self.detail.parties if p.role == "complainant"] if (
            self.detail
        ) else []  # fmt: skip
        dialog = MessagesImportDialog(self.tz, owners, self)
        dialog.accepted.connect(lambda: self._run_import(dialog))
        self.dialog = dialog
        dialog.open()

    def _run_import(self, dialog: MessagesImportDialog) -> None:
        path, request = dialog.request()
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_db(
            lambda progress: importing.import_messages(ctx, case_id, path, request, progress),
            self._imported,
            lambda exc: self._import_failed(exc, dialog),
            title=self.tr("Importing %1").replace("%1", path.name),
            cancellable=True,
        )

    def _import_failed(self, exc: BaseException, dialog: MessagesImportDialog) -> None:
        if getattr(exc, "field", None) == "day_order":
            answer = QMessageBox.question(
                self,
                self.tr("Date order"),
                str(exc)
                + "\n\n"
                + self.tr(
                    "Are the dates day first (31.12.2025)? Choose No for month first (12/31/2025)."
                ),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Cancel:
                dialog.set_day_first(answer == QMessageBox.StandardButton.Yes)
                self._run_import(dialog)
            return
        self._failed(exc)

    def _imported(self, result: MessageImportResult) -> None:
        text = self.tr("%n message(s) imported", "", result.imported)
        text += "\n" + self.tr("%n duplicate(s) skipped", "", result.duplicates)
        text += "\n" + self.tr("%n flagged", "", result.flagged)
        text += "\n" + self.tr("%n attachment(s) stored as evidence", "", result.attachments)
        if result.rejected:
            text += "\n" + self.tr("%n line(s) not read:", "", len(result.rejected))
            text += "".join(f"\n  {r.line}: {r.reason} {r.detail}" for r in result.rejected[:20])
        QMessageBox.information(self, self.tr("Messages imported"), text)
        for proposal in result.proposed:
            answer = QMessageBox.question(
                self, self.tr("Link sender"),
                self.tr("The sender “%1” has the name of the party “%2”. Link their messages "
                        "to this party?").replace("%1", proposal.sender)
                .replace("%2", proposal.party_name),
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Yes:
                key = next((s.key for s in self.senders if s.sender == proposal.sender), None)
                if key is None:
                    ctx, case_id = self.env.ctx, self.case_id
                    key = query.sender_key_of(ctx, case_id, proposal.sender)
                self._link_sender(key, proposal.party_id)
        self.env.case_changed.emit(self.case_id)

    # --- plumbing ---------------------------------------------------------------------------
    def _case_changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
