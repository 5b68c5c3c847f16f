"""The timeline tab of a case: toolbar (lanes, filters, zoom, add, export), the canvas and the
details pane of the selected event.

Events are built by `app.services.timeline.build.build_timeline` off the GUI thread; filtering runs
here on the loaded events (the domain's `EventFilter`); the call analysis's findings follow in
a background step. A big call log comes counted: its calls for the stretch on screen are read
after each zoom or pan (`call_loader`), drawn as bars where dense and one by one where not.
Double-click or Enter on an event emits `open_requested(kind, ref)`; inside
a case view the panel then shows the event where it lives (`routing.route_open`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import Progress
from app.domain.timeline import (
    EventFilter,
    EventKind,
    LaneMode,
    TimelineEvent,
    apply_filter,
    merge,
)
from app.domain.timeutil import in_zone
from app.services.core.dto import ManualEventInfo
from app.services.core.records import EventInput
from app.services.timeline import build as timeline_service
from app.services.timeline.build import TimelineData
from app.ui.case_host import host_of
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.labels import vocab
from app.ui.timeline import commands
from app.ui.timeline.call_loader import CallWindowLoader, counted_lanes, filters_calls_one_by_one
from app.ui.timeline.canvas import TimelineCanvas
from app.ui.timeline.details import EventDetails
from app.ui.timeline.event_dialog import ManualEventDialog
from app.ui.timeline.export import ExportMenu
from app.ui.timeline.labels import finding_label, kind_plural, party_label, source_label
from app.ui.timeline.routing import route_open
from app.ui.timeline.scene import BUCKET_PX
from app.ui.widgets.compact import compact
from app.ui.widgets.filter_bar import typing_pause


class TimelinePanel(QWidget):
    open_requested = Signal(str, str)  # kind, ref
    loaded = Signal()

    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.env = env
        self.case_id = case_id
        self.data: TimelineData | None = None
        self.shown: list[TimelineEvent] = []
        # Fitted to the case's events until the user zooms or pans himself: a case that gains
        # events (a call log, orders) shows them all, not the window of its first two. The
        # window of the last automatic fit tells whether the user has moved since.
        self._fit_range: tuple[float, float] | None = None
        self._generation = 0
        self._menus: dict[str, QMenu] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._toolbar())
        self.canvas = TimelineCanvas(self)
        self.details = EventDetails(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.canvas.selection_changed.connect(self._selected)
        self.canvas.open_requested.connect(self.open_requested)
        self.canvas.add_requested.connect(self.add_event)
        self.canvas.context_requested.connect(self._context_menu)
        self.canvas.view_changed.connect(self._show_window)
        self.calls = CallWindowLoader(env, case_id, self.show_error, self)
        self.calls.loaded.connect(self.apply_filters)
        self.canvas.view_changed.connect(self._want_calls)
        self.canvas.range_selected.connect(self._show_range)
        self.details.open_clicked.connect(self._open_selected)
        self.details.dossier_toggled.connect(self._toggle_dossier)
        self.details.edit_clicked.connect(self.edit_current)
        self.details.delete_clicked.connect(self.delete_current)
        env.case_changed.connect(self._case_changed)
        self.open_requested.connect(self._route)

    # ---- toolbar --------------------------------------------------------------------------

    def _toolbar(self) -> QVBoxLayout:
        """Filters, search and export always in view; the tool bar holds only actions, so on
        a narrow screen what does not fit is still in its » menu. The time window and the
        count are a line of their own below."""
        rows = QVBoxLayout()
        row = QHBoxLayout()
        self.lanes = QComboBox(self)
        self.lanes.setObjectName("timelineLanes")
        self.lanes.addItem(self.tr("Lanes by party"), LaneMode.PARTY.value)
        self.lanes.addItem(self.tr("Lanes by source"), LaneMode.SOURCE.value)
        self.lanes.currentIndexChanged.connect(lambda _i: self.apply_filters())
        row.addWidget(compact(self.lanes, 8))
        for key, title in (
            ("kind", self.tr("Kinds")),
            ("party", self.tr("Parties")),
            ("source", self.tr("Sources")),
            ("finding", vocab("term", "findings")),
        ):
            button = QToolButton(self)
            button.setObjectName(f"timelineFilter_{key}")
            button.setText(title)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            button.setMenu(menu)
            self._menus[key] = menu
            row.addWidget(button)
        self.search = QLineEdit(self)
        self.search.setObjectName("timelineSearch")
        self.search.setPlaceholderText(self.tr("Search titles"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(100)
        self.search.setMaximumWidth(280)
        # typing filters 100,000 titles: wait for a pause in the typing
        self._search_timer = typing_pause(self, self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        row.addWidget(self.search, 1)
        bar = QToolBar(self)
        bar.setObjectName("timelineToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name, text, tip, slot in (
            ("fitAll", self.tr("Fit all"), self.tr("Show the whole timeline (Home)"), self.fit_all),
            (
                "fitSel",
                self.tr("Fit selection"),
                self.tr("Zoom to the selected event or Shift+drag range (F)"),
                self.canvas_fit_selection,
            ),
            ("add", self.tr("Add event…"), self.tr("Add a manual event"), self.add_event),
        ):
            action = bar.addAction(text)
            action.setObjectName(f"timeline_{name}")
            action.setToolTip(tip)
            action.triggered.connect(lambda _c=False, s=slot: s())
        bar.addSeparator()
        # last: a long label, and the tool bar is only as narrow as its first action
        self.dossier_only = QAction(self.tr("Only in the dossier"), self)
        self.dossier_only.setObjectName("timelineDossierOnly")
        self.dossier_only.setCheckable(True)
        self.dossier_only.toggled.connect(lambda _c: self.apply_filters())
        bar.addAction(self.dossier_only)
        row.addWidget(bar, 1)
        self.export = ExportMenu(self, self)
        row.addWidget(self.export.button)
        rows.addLayout(row)
        status = QHBoxLayout()
        self.window_label = QLabel(self)
        self.window_label.setObjectName("timelineWindow")
        status.addWidget(self.window_label)
        status.addStretch(1)
        self.count = QLabel(self)
        self.count.setObjectName("timelineCount")
        status.addWidget(self.count)
        rows.addLayout(status)
        return rows  # F5 is the window's: it emits env.case_changed, which reloads this panel

    def _fill_menu(self, key: str, values: list[str], label: Callable[[str], str]) -> None:
        menu = self._menus[key]
        checked = {a.data() for a in menu.actions() if a.isChecked()}
        menu.clear()
        for value in values:
            action = QAction(label(value), menu)
            menu.addAction(action)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value in checked)
            action.toggled.connect(lambda _c: self.apply_filters())
        if not values:
            menu.addAction(self.tr("(none in this case)")).setEnabled(False)

    def _checked(self, key: str) -> frozenset[str]:
        return frozenset(a.data() for a in self._menus[key].actions() if a.isChecked())

    def set_checked(self, key: str, values: set[str]) -> None:
        """Tick exactly `values` in one filter menu (also used by tests and the case view)."""
        for action in self._menus[key].actions():
            action.blockSignals(True)
            action.setChecked(action.data() in values)
            action.blockSignals(False)
        self.apply_filters()

    # ---- loading and filtering ------------------------------------------------------------

    def reload(self) -> None:
        # Results come back to bound methods (skipped once this widget is deleted) tagged
        # with their generation: a build overtaken by a newer reload is dropped.
        self._generation += 1
        generation = self._generation
        ctx, case_id, previous = self.env.ctx, self.case_id, self.data

        def build(progress: Progress) -> tuple[int, TimelineData]:
            data = timeline_service.build_timeline(ctx, case_id, progress)
            # no flicker: the last findings stay on screen until the analysis is redone
            if previous is not None:
                data = timeline_service.keep_findings(data, previous)
            return generation, data

        self.env.tasks.run_read(build, self._built, self.show_error)

    def _built(self, result: tuple[int, TimelineData]) -> None:
        """Show a build, then add the call analysis's findings in the background (seconds on
        a big call log)."""
        generation, data = result
        if generation != self._generation:
            return
        self._apply(data)
        if data.with_findings or not any(e.kind == EventKind.CALL for e in data.events):
            return
        ctx = self.env.ctx
        self.env.tasks.run_cpu(
            lambda p: (generation, timeline_service.add_findings(ctx, data, p)),
            self.tr("Adding call findings to the timeline"),
            self._built,
            self.show_error,
        )

    def _apply(self, data: TimelineData) -> None:
        self.data = data
        self.canvas.set_zone(data.zone)
        overview = data.calls
        self.calls.reset(overview.window if overview else None, data.call_tags)
        self.canvas.scene.call_span = (
            (overview.first_utc.timestamp(), overview.last_utc.timestamp()) if overview else None
        )
        present = {e.kind for e in data.events}
        self._fill_menu("kind", [k.value for k in EventKind if k.value in present], kind_plural)
        self._fill_menu("party", ["", *data.parties], party_label)
        self._fill_menu("source", data.sources, source_label)
        self._fill_menu("finding", data.findings, finding_label)
        self.apply_filters()
        if self.shown and self._still_auto_fitted():
            self.canvas.fit_all(incident_only=True)
            self._fit_range = self.canvas.scene.visible_range()
        self._want_calls()
        self.loaded.emit()

    def current_filter(self) -> EventFilter:
        return EventFilter(
            kinds=self._checked("kind"),
            parties=self._checked("party"),
            sources=self._checked("source"),
            findings=self._checked("finding"),
            text=self.search.text().strip(),
            dossier_only=self.dossier_only.isChecked(),
        )

    def apply_filters(self) -> None:
        if self.data is None:
            return
        flt = self.current_filter()
        events = self.data.events
        window = self.calls.window
        if window is not None and window.events:  # the calls of the stretch, one by one
            events = merge(events, window.events)
        self.shown = apply_filter(events, flt) if flt != EventFilter() else events
        counted = counted_lanes(self.data.calls, flt)
        self.canvas.set_events(self.shown, LaneMode(self.lanes.currentData()), counted)
        self.canvas.scene.set_calls(window if counted else None)
        self._show_count(flt, counted)
        self.details.show_event(self.canvas.scene.selected, self.data.zone)

    def _show_count(self, flt: EventFilter, counted: dict[str, int]) -> None:
        """ "N events", or "n of N"; a windowed call log's calls count as events."""
        assert self.data is not None
        overview = self.data.calls
        total = len(self.data.events) + (overview.total if overview else 0)
        shown = len(self.shown)
        if counted:  # the counted calls instead of those loaded one by one
            shown = sum(1 for e in self.shown if e.kind != EventKind.CALL) + sum(counted.values())
        text = (
            self.tr("%n event(s)", "", total)
            if shown == total
            else self.tr("%1 of %n event(s)", "", total).replace("%1", str(shown))
        )
        if overview is not None and not counted and filters_calls_one_by_one(flt):
            text += " · " + self.tr("calls are filtered only where shown one by one: zoom in")
        self.count.setText(text)

    def _want_calls(self) -> None:
        """After a zoom or pan: the calls of the stretch on screen (a windowed call log)."""
        scene = self.canvas.scene
        t0, t1 = scene.visible_range()
        self.calls.want(t0, t1, BUCKET_PX * scene.spp)

    def _still_auto_fitted(self) -> bool:
        if self._fit_range is None:
            return True
        now = self.canvas.scene.visible_range()
        return all(abs(a - b) < 1.0 for a, b in zip(now, self._fit_range, strict=True))

    def fit_all(self) -> None:
        self.canvas.fit_all()

    def _show_window(self) -> None:
        """The time window on screen, in the case's zone."""
        if self.data is None:
            return
        t0, t1 = self.canvas.scene.visible_range()
        self.window_label.setText(self._span_text(t0, t1))

    def _show_range(self, start: float, end: float) -> None:
        """A Shift+drag range: its span and how many shown events it holds."""
        if self.data is None:
            return
        inside = sum(1 for e in self.shown if e.start_s <= end and e.end_s >= start)
        inside += self.canvas.scene.counted_calls(start, end)
        text = self.tr("Range %1: %n event(s)", "", inside).replace(
            "%1", self._span_text(start, end)
        )
        self.window_label.setText(text)

    def _span_text(self, start: float, end: float) -> str:
        zone_name = self.data.zone if self.data else "UTC"
        first = in_zone(datetime.fromtimestamp(start, UTC), zone_name)
        last = in_zone(datetime.fromtimestamp(end, UTC), zone_name)
        fmt = "%d.%m.%Y %H:%M:%S" if end - start < 600 else "%d.%m.%Y %H:%M"
        right = last.strftime(fmt if last.date() != first.date() else fmt[9:])
        return f"{first.strftime(fmt)} – {right}"

    def canvas_fit_selection(self) -> None:
        self.canvas.fit_selection()

    def _case_changed(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.reload()

    # ---- selection and actions ------------------------------------------------------------

    def _selected(self, event: TimelineEvent | None) -> None:
        self.details.show_event(event, self.data.zone if self.data else "UTC")

    def _open_selected(self) -> None:
        event = self.canvas.scene.selected
        if event is not None:
            self.open_requested.emit(event.kind, event.ref)

    def _route(self, kind: str, ref: str) -> None:
        """Inside a case view, show the event where it lives (idempotent, so the case view
        may route the same signal too)."""
        host = host_of(self)
        if host is not None:
            route_open(host, kind, ref)

    def _toggle_dossier(self, marked: bool) -> None:
        event = self.canvas.scene.selected
        if event is not None:
            commands.mark_in_dossier(self, [event.id], marked).run_first()

    def mark_range_in_dossier(self, marked: bool) -> None:
        """Mark every shown event inside the Shift+drag range."""
        if self.canvas.scene.range_sel is None:
            return
        a, b = sorted(self.canvas.scene.range_sel)
        ids = [e.id for e in self.shown if e.start_s <= b and e.end_s >= a]
        if ids:
            commands.mark_in_dossier(self, ids, marked).run_first()

    def _manual_id(self) -> int | None:
        event = self.canvas.scene.selected
        if event is None or event.kind != EventKind.MANUAL:
            return None
        return int(event.ref.split(":", 1)[1])

    def add_event(self, at_s: float | None = None) -> None:
        if self.data is None:
            return
        if at_s is None:
            t0, t1 = self.canvas.scene.visible_range()
            at_s = (t0 + t1) / 2
        dialog = ManualEventDialog(
            self.data.zone, self.data.party_choices, datetime.fromtimestamp(at_s, UTC), self
        )
        if dialog.exec() == ManualEventDialog.DialogCode.Accepted:
            commands.add_event(self, dialog.result_input()).run_first()

    def edit_current(self) -> None:
        event_id = self._manual_id()
        if event_id is not None:
            ctx, case_id = self.env.ctx, self.case_id
            self.env.tasks.run_read(
                lambda _p: timeline_service.manual_event(ctx, case_id, event_id),
                self._edit_loaded,
                self.show_error,
            )

    def _edit_loaded(self, before: ManualEventInfo) -> None:
        if self.data is None:
            return
        initial = EventInput(
            at=before.at,
            text=before.text,
            uncertainty_s=before.uncertainty_s,
            source=before.source,
            party_id=before.party_id,
        )
        dialog = ManualEventDialog(
            self.data.zone, self.data.party_choices, before.at, self, initial
        )
        if dialog.exec() == ManualEventDialog.DialogCode.Accepted:
            commands.edit_event(self, before, dialog.result_input()).run_first()

    def delete_current(self) -> None:
        event_id = self._manual_id()
        if event_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete event"), self.tr("Delete the selected manual event?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: timeline_service.manual_event(ctx, case_id, event_id),
            self._delete_loaded,
            self.show_error,
        )

    def _delete_loaded(self, before: ManualEventInfo) -> None:
        commands.delete_event(self, before).run_first()

    def add_record(self) -> None:
        """The window's "Add" action on this tab adds a manual event."""
        self.add_event()

    def _context_menu(self, pos: QPoint, event: TimelineEvent | None, t: float) -> None:
        menu = QMenu(self)
        if event is not None:
            menu.addAction(self.tr("Open"), self._open_selected)
            mark = menu.addAction(self.tr("In the dossier"))
            mark.setCheckable(True)
            mark.setChecked(event.in_dossier)
            mark.toggled.connect(self._toggle_dossier)
            if event.kind == EventKind.MANUAL:
                menu.addAction(self.tr("Edit…"), self.edit_current)
                menu.addAction(self.tr("Delete"), self.delete_current)
            menu.addSeparator()
        if self.canvas.scene.range_sel is not None:
            menu.addAction(
                self.tr("Add range to the dossier"), lambda: self.mark_range_in_dossier(True)
            )
            menu.addAction(
                self.tr("Remove range from the dossier"), lambda: self.mark_range_in_dossier(False)
            )
            menu.addAction(self.tr("Fit selection"), self.canvas_fit_selection)
        menu.addAction(self.tr("Add event here…"), lambda: self.add_event(t))
        menu.exec(pos)

    def show_error(self, exc: BaseException) -> None:
        show_error(self, exc, on_reload=self.reload)
