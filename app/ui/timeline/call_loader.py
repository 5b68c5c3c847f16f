"""Loads the calls of a big call log for the stretch on screen, off the GUI thread.

The timeline of a case with a million calls holds none of them (`TimelineData.calls` is an
overview): after each zoom or pan, once the view has been still for a moment, the loader asks
`call_window` for the visible stretch and a screen either side (so that panning shows what is
already read), on the task runner's read pool. A request overtaken by a newer one is dropped
when it comes back; a window that already covers the view at its resolution is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.timeline import EventFilter, EventKind
from app.services.timeline.call_window import CallOverview, CallWindow, call_window
from app.ui.env import UiEnv

SETTLE_MS = 60  # wheel zoom and drags send bursts of view changes: read once they stop


class CallWindowLoader(QObject):
    loaded = Signal()  # `window` changed

    def __init__(
        self, env: UiEnv, case_id: int, on_error: Callable[[BaseException], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.case_id = case_id
        self.window: CallWindow | None = None
        self.tags: Mapping[str, tuple[str, ...]] = {}
        self._on_error = on_error
        self._generation = 0
        self._wanted: tuple[float, float, float] | None = None
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._load)

    def reset(self, window: CallWindow | None, tags: Mapping[str, tuple[str, ...]]) -> None:
        """A new build: its overview's counts until the view's window is read (None: the
        case's calls are all in its events)."""
        self._generation += 1
        self._busy = False
        self.window = window
        self.tags = tags

    def want(self, start_s: float, end_s: float, bucket_s: float) -> None:
        """The view shows [start_s, end_s] at buckets of `bucket_s`: read it unless held."""
        if self.window is None:
            return
        self._wanted = (start_s, end_s, bucket_s)
        self._timer.start()

    def pending(self) -> bool:
        """A read is due or under way (tests wait for it)."""
        return self._timer.isActive() or self._busy

    def _load(self) -> None:
        if self._wanted is None or self.window is None:
            return
        start_s, end_s, bucket_s = self._wanted
        if self.window.covers(start_s, end_s, bucket_s):
            return
        self._generation += 1
        generation = self._generation
        ctx, case_id, tags = self.env.ctx, self.case_id, self.tags
        span = end_s - start_s
        self._busy = True

        def read(_progress: object) -> tuple[int, CallWindow]:
            window = call_window(ctx, case_id, start_s - span, end_s + span, bucket_s, tags)
            return generation, window

        self.env.tasks.run_read(read, self._done, self._failed)

    def _done(self, result: tuple[int, CallWindow]) -> None:
        generation, window = result
        if generation != self._generation:  # overtaken by a newer read or build
            return
        self._busy = False
        self.window = window
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._on_error(exc)


def filters_calls_one_by_one(flt: EventFilter) -> bool:
    """The filter asks what only a loaded call can tell: its title, findings, dossier mark."""
    return bool(flt.text or flt.findings or flt.dossier_only)


def counted_lanes(overview: CallOverview | None, flt: EventFilter) -> dict[str, int]:
    """Lanes (party → calls) of a windowed call log whose counted calls the filter lets
    through: none when it filters on what only a loaded call can tell."""
    if overview is None or (flt.kinds and EventKind.CALL not in flt.kinds):
        return {}
    if (flt.sources and "calls" not in flt.sources) or filters_calls_one_by_one(flt):
        return {}
    return {k: n for k, n in overview.lane_totals.items() if not flt.parties or k in flt.parties}
