"""The main window: case list on the left, open cases as tabs on the right, menus and
shortcuts, the task status in the status bar. Window, splitter and header state are kept in
QSettings; everything else the user sets lives in `app.settings.Settings`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app import APP_NAME, __version__
from app.services.core import cases as case_service
from app.services.core.bootstrap import default_actor
from app.services.core.cases import CaseInput
from app.services.core.dto import CaseDetail, CaseSummary
from app.ui.audit_viewer import AuditViewer
from app.ui.blacklist_dialog import BlacklistDialog
from app.ui.cases import tabs as feature_tabs
from app.ui.cases.case_dialog import NewCaseDialog
from app.ui.cases.case_view import CaseView
from app.ui.cases.list_panel import CaseListPanel
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.office import menu as office_ui
from app.ui.settings_dialog import SettingsDialog
from app.ui.widgets.task_status import TaskStatusWidget

WARM_UP_DELAY_MS = 1500  # after the first screen or a search: the user looks at the list
WARM_UP_STEP_MS = 200  # between one tab's imports and the next


class MainWindow(QMainWindow):
    def __init__(self, env: UiEnv, state: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.state = state
        self.setWindowTitle(APP_NAME)
        self.resize(1400, 860)
        self.dialog: QWidget | None = None  # the last non-blocking dialog opened (tests)
        self._discard_confirmed = False

        self.cases = CaseListPanel(env, self)
        self.case_tabs = QTabWidget(self)
        self.case_tabs.setObjectName("openCases")
        self.case_tabs.setTabsClosable(True)
        self.case_tabs.setMovable(True)
        hint = QLabel(
            self.tr("Open a case from the list (double-click or Enter), or create one: Ctrl+N."),
            self,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.right = QStackedWidget(self)
        self.right.addWidget(hint)
        self.right.addWidget(self.case_tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.cases)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        # the list as narrow as its filters allow: a 1366-pixel screen keeps ~960 for the case
        self.splitter.setSizes([400, 1000])
        self.setCentralWidget(self.splitter)
        self.statusBar().addPermanentWidget(TaskStatusWidget(env.tasks, self))

        self._build_actions()
        self.cases.open_requested.connect(self.open_case)
        self.case_tabs.tabCloseRequested.connect(self.close_case_at)
        self.case_tabs.currentChanged.connect(self._current_case_changed)
        env.tasks.unhandled_error.connect(self._unhandled_error)
        env.case_changed.connect(self.cases.model.invalidate)
        env.undo_group.indexChanged.connect(self._history_changed)
        env.cases_changed.connect(self.cases.reload)
        self.restore_state()
        self._warming = True  # until every tab's modules are in (`_warm_up_once`)
        self.cases.model.search_finished.connect(self._warm_up_once)
        self.cases.reload()
        self._current_case_changed()

    def _warm_up_once(self, _count: int) -> None:
        """Once the list is shown, import the feature tabs' modules on the read pool (PyAV,
        OpenCV, the timeline...), so the first case opens at once; the window never waits
        for them to start. One tab's modules at a time, with a pause between, and only while
        the list is quiet: an import holds the interpreter lock in long stretches (a library's
        initialisation: up to ~50 ms measured for lxml's), which the GUI thread would wait
        out in the middle of a search; a search postpones the next step."""
        self.cases.model.search_finished.disconnect(self._warm_up_once)
        self._warm_steps = list(feature_tabs.LOADERS)
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.timeout.connect(self._warm_up_step)
        self.cases.model.search_started.connect(self._postpone_warm_up)
        self._warm_timer.start(WARM_UP_DELAY_MS)

    @property
    def warming_up(self) -> bool:
        """Feature tabs' modules are still to be imported in the background."""
        return self._warming

    def _postpone_warm_up(self) -> None:
        if self._warm_timer.isActive():
            self._warm_timer.start(WARM_UP_DELAY_MS)

    def _warm_up_step(self) -> None:
        self._warm_timer.stop()
        load = self._warm_steps.pop(0)
        self.env.tasks.run_read(lambda _progress: load(), self._warm_up_next)

    def _warm_up_next(self, _module: object) -> None:
        if self._warm_steps:
            self._warm_timer.start(WARM_UP_STEP_MS)
        else:  # every tab's modules are in: searches no longer put anything back
            self.cases.model.search_started.disconnect(self._postpone_warm_up)
            self._warming = False

    # --- actions --------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Any, shortcut: QKeySequence | str | None = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        undo_group = self.env.undo_group
        self.undo_action = undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.new_action = self._action(self.tr("&New case…"), self.new_case, "Ctrl+N", "newCase")
        self.close_action = self._action(
            self.tr("&Close case"), self.close_current_case, "Ctrl+W", "closeCase"
        )
        self.save_action = self._action(
            self.tr("&Save case"),
            lambda: self._on_case("save"),
            QKeySequence(QKeySequence.StandardKey.Save),
        )
        self.reload_action = self._action(self.tr("&Reload"), self.reload_all, "F5")
        self.find_action = self._action(self.tr("&Find…"), self.focus_search, "Ctrl+F")
        self.add_action = self._action(
            self.tr("&Add record…"), lambda: self._on_case("add_record"), "Ins"
        )
        self.edit_action = self._action(
            self.tr("&Edit record…"), lambda: self._on_case("edit_current"), "F2"
        )
        self.delete_action = self._action(
            self.tr("&Delete record"), lambda: self._on_case("delete_current"), "Del"
        )
        # Record keys act only while the focus is in the open case, so Del pressed in the
        # case list never deletes a party of the case shown beside it.
        for action in (self.add_action, self.edit_action, self.delete_action):
            self.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.case_tabs.addAction(action)
        self.audit_action = self._action(self.tr("&Audit log…"), self.show_audit)
        self.case_audit_action = self._action(
            self.tr("Audit log of this &case…"), lambda: self.show_audit(self.current_case_id())
        )
        self.blacklist_action = self._action(self.tr("Courier &blacklist…"), self.show_blacklist)
        self.settings_action = self._action(self.tr("&Settings…"), lambda: self.show_settings())
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence(QKeySequence.StandardKey.Quit)
        )
        self.about_action = self._action(self.tr("&About Casebook"), self.show_about)
        self.help_action = self._action(
            self.tr("&Help contents"),
            self.show_help,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
        )
        self.export_action = self._action(
            self.tr("E&xport dossier…"), self.export_current, "Ctrl+E"
        )

        menu = case_menu = self.menuBar().addMenu(self.tr("&Case"))
        menu.addActions([self.new_action, self.save_action, self.close_action, self.reload_action])
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        menu.addActions([self.add_action, self.edit_action, self.delete_action])
        menu.addSeparator()
        menu.addAction(self.find_action)
        menu = self.menuBar().addMenu(self.tr("&Tools"))
        menu.addActions([self.audit_action, self.case_audit_action, self.blacklist_action])
        office_ui.install(self, case_menu, menu)  # decision, destruction, live refresh
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.help_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    # --- cases ----------------------------------------------------------------------------
    def new_case(self) -> None:
        dialog = NewCaseDialog(self.env.ctx.settings, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.create_case(dialog.case_input()))
        dialog.open()

    def create_case(self, data: CaseInput) -> None:
        ctx = self.env.ctx

        def created(summary: CaseSummary) -> None:
            self.env.cases_changed.emit()
            self.open_case(summary.id)

        self.env.tasks.run_db(
            lambda _p: case_service.create_case(ctx, data),
            created,
            lambda exc: show_error(self, exc),
            title=self.tr("Creating the case"),
        )

    def view_of(self, case_id: int) -> CaseView | None:
        return next((v for v in self._views() if v.case_id == case_id), None)

    def current_view(self) -> CaseView | None:
        widget = self.case_tabs.currentWidget()
        return widget if isinstance(widget, CaseView) else None

    def current_case_id(self) -> int | None:
        view = self.current_view()
        return view.case_id if view is not None else None

    def open_case(self, case_id: int) -> CaseView:
        view = self.view_of(case_id)
        if view is None:
            view = CaseView(self.env, case_id, self.case_tabs)
            view.loaded.connect(lambda detail, v=view: self._case_loaded(v, detail))
            view.changed.connect(self.cases.model.invalidate)
            self.case_tabs.addTab(view, "…")
            if view.detail is not None:  # already loaded (synchronous runner)
                self._case_loaded(view, view.detail)
        self.case_tabs.setCurrentWidget(view)
        self.right.setCurrentWidget(self.case_tabs)
        return view

    def _case_loaded(self, view: CaseView, detail: CaseDetail) -> None:
        index = self.case_tabs.indexOf(view)
        if index >= 0:
            self.case_tabs.setTabText(index, detail.number)
            self.case_tabs.setTabToolTip(index, detail.title)
        if view is self.current_view():
            self.setWindowTitle(f"{detail.number} — {APP_NAME}")

    def close_case_at(self, index: int) -> None:
        """Close a case tab; unsaved edits of its overview are not dropped without asking."""
        view = self.case_tabs.widget(index)
        if not isinstance(view, CaseView):
            return
        if view.overview.changes():
            self.case_tabs.setCurrentWidget(view)
            self._ask_discard(lambda: self._close_view(view))
            return
        self._close_view(view)

    def _close_view(self, view: CaseView) -> None:
        index = self.case_tabs.indexOf(view)
        if index < 0:
            return
        self.case_tabs.removeTab(index)
        view.close_view()
        view.deleteLater()
        if self.case_tabs.count() == 0:
            self.right.setCurrentIndex(0)

    def _ask_discard(self, discard: Any) -> None:
        """Save / Discard / Cancel for unsaved overview edits, Save the default (Enter keeps the
        work). Save writes every unsaved case overview, then goes on as Discard would."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_NAME,
            self.tr("The case has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardChanges")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        save = box.button(QMessageBox.StandardButton.Save)
        drop = box.button(QMessageBox.StandardButton.Discard)

        def clicked(button: object) -> None:
            if button is drop:
                discard()
            elif button is save:
                self._save_then(discard)

        box.buttonClicked.connect(clicked)
        box.open()

    def _save_then(self, proceed: Any) -> None:
        """Save every unsaved overview; `proceed` once all are written. A save that fails (a
        conflict, an empty title) leaves its case open with the error shown."""
        pending = [v for v in self._views() if v.overview.changes()]
        for view in pending:
            view.overview.save()

        def check(*_args: object) -> None:
            if any(v.overview.changes() for v in pending if self.case_tabs.indexOf(v) >= 0):
                return
            self.env.case_changed.disconnect(check)
            proceed()

        self.env.case_changed.connect(check)
        check()

    def close_current_case(self) -> None:
        if self.case_tabs.count():
            self.close_case_at(self.case_tabs.currentIndex())

    def _current_case_changed(self, *_args: object) -> None:
        view = self.current_view()
        # None (no case open) is accepted by Qt though the type stubs do not say so.
        self.env.undo_group.setActiveStack(view.undo_stack if view else None)  # type: ignore[arg-type]
        has_case = view is not None
        for action in (
            self.close_action,
            self.save_action,
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.case_audit_action,
        ):
            action.setEnabled(has_case)
        self.export_action.setEnabled(has_case)
        if view is None:
            self.setWindowTitle(APP_NAME)
        elif view.detail is not None:
            self.setWindowTitle(f"{view.detail.number} — {APP_NAME}")

    def _unhandled_error(self, _task: object, exc: BaseException) -> None:
        show_error(self, exc)

    def _history_changed(self, _index: int) -> None:
        stack = self.env.undo_group.activeStack()
        if stack is not None and stack.canUndo():
            self.statusBar().showMessage(
                self.tr("%1 — Ctrl+Z undoes it").replace("%1", stack.undoText()), 8000
            )

    def _on_case(self, method: str) -> None:
        view = self.current_view()
        if view is not None:
            getattr(view, method)()

    def focus_search(self) -> None:
        """Ctrl+F: the search of the case tab the focus is in (a tab offers `focus_search()`),
        otherwise the case list's search box. One action, so the key is never ambiguous."""
        view = self.current_view()
        focus = QApplication.focusWidget()
        if view is not None and focus is not None and view.isAncestorOf(focus):
            handler = getattr(view.current_tab(), "focus_search", None)
            if handler is not None:
                handler()
                return
        self.cases.focus_search()

    def reload_all(self) -> None:
        """F5: the list and the open case, feature tabs included (they follow case_changed)."""
        self.cases.reload()
        view = self.current_view()
        if view is not None:
            self.env.case_changed.emit(view.case_id)

    # --- first start --------------------------------------------------------------------
    def offer_demo(self) -> None:
        """At start: ask who works here while nobody has said (dossiers are signed with it),
        then, on an empty database, once per installation, offer the demo case."""
        if not self.has_identity():
            self.show_settings(require_identity=True, then=self._offer_demo_once)
            return
        self._offer_demo_once()

    def _offer_demo_once(self) -> None:
        settings = self.env.ctx.settings
        if settings.demo_offered:
            return
        ctx = self.env.ctx
        self.env.tasks.run_read(
            lambda _p: case_service.search_cases(ctx, limit=1).total, self._maybe_offer_demo
        )

    def _maybe_offer_demo(self, total: int) -> None:
        settings = self.env.ctx.settings
        settings.demo_offered = True
        settings.save(self.env.ctx.config_dir)
        if total:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_NAME,
            self.tr(
                "The database is empty. Create a demo case to see how an investigation looks "
                "in Casebook? You can delete it later."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("demoOffer")
        self.dialog = box
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: self.create_demo() if button is yes else None)
        box.open()

    def create_demo(self) -> None:
        ctx = self.env.ctx

        def created(summary: CaseSummary) -> None:
            self.env.cases_changed.emit()
            self.open_case(summary.id)

        from app.services import demo  # its clips need PyAV: not loaded before it is asked for

        self.env.tasks.run_db(
            lambda _p: demo.create_demo_case(ctx),
            created,
            lambda exc: show_error(self, exc),
            title=self.tr("Creating the demo case"),
        )

    # --- tools ----------------------------------------------------------------------------
    def show_audit(self, case_id: int | None = None) -> None:
        viewer = AuditViewer(self.env, case_id, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = viewer
        viewer.show()

    def show_blacklist(self) -> None:
        dialog = BlacklistDialog(self.env, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()

    def show_settings(self, require_identity: bool = False, then: Any = None) -> None:
        """The settings; `require_identity` asks for the investigator's name and position (the
        first start, an export without them) and runs `then` once they are given."""
        dialog = SettingsDialog(
            self.env.ctx.settings, self.env.ctx.config_dir, self, require_identity
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        if then is not None:
            dialog.accepted.connect(then)
        dialog.open()

    def has_identity(self) -> bool:
        return bool(self.env.ctx.settings.investigator_name.strip())

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        # The investigator's name is the audit actor from now on, not only after a restart.
        self.env.ctx.actor = default_actor(self.env.ctx.settings)
        if dialog.language_changed():
            box = QMessageBox(
                QMessageBox.Icon.Information,
                APP_NAME,
                self.tr("The new language applies after Casebook restarts."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def export_current(self) -> None:
        if self.current_case_id() is not None and not self.has_identity():
            # the dossier is signed: never with the OS login
            self.show_settings(require_identity=True, then=self.export_current)
            return
        case_id = self.current_case_id()
        if case_id is not None:
            from app.ui.dossier.dialog import open_export_dialog  # reportlab: loaded when needed

            self.dialog = open_export_dialog(self.env, case_id, self)

    def show_help(self) -> None:
        """F1: the guide to a first case and the shortcuts of the window as it is now."""
        from app.ui.help.dialog import HelpDialog

        dialog = HelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Casebook"),
            self.tr(
                "<b>Casebook %1</b><br>Investigation workstation for courier–customer "
                "personal data incidents."
            ).replace("%1", __version__),
        )

    # --- state ----------------------------------------------------------------------------
    def restore_state(self) -> None:
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("window/splitter", self.splitter.restoreState),
        ):
            value = self.state.value(key)
            if isinstance(value, QByteArray | bytes):
                restore(QByteArray(value))
        self.cases.restore_state(self.state)

    def save_state(self) -> None:
        self.state.setValue("window/geometry", self.saveGeometry())
        self.state.setValue("window/state", self.saveState())
        self.state.setValue("window/splitter", self.splitter.saveState())
        self.cases.save_state(self.state)
        self.state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [v for v in self._views() if v.overview.changes()]
        if unsaved and not self._discard_confirmed:
            event.ignore()
            self.case_tabs.setCurrentWidget(unsaved[0])
            self._ask_discard(self._quit_discarding)
            return
        self.save_state()
        for view in self._views():
            self._close_view(view)
        self.env.tasks.shutdown()
        super().closeEvent(event)

    def _quit_discarding(self) -> None:
        self._discard_confirmed = True
        self.close()

    def _views(self) -> list[CaseView]:
        widgets = (self.case_tabs.widget(i) for i in range(self.case_tabs.count()))
        return [w for w in widgets if isinstance(w, CaseView)]
