"""Background work that feeds the scrubber: the thumbnail strip and the activity scan.

Both run as CPU tasks (progress and cancel in the status bar); the scan goes through the video
service, which stores its segments, and an earlier scan's segments are loaded on opening.
Thumbnails are handed over one at a time through a queued signal so the strip fills in while
the rest decode; a task whose video was closed meanwhile is cancelled and whatever it still
delivers is ignored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from app.domain.progress import Progress
from app.services.video.activity import find_activity, store_activity, stored_activity
from app.services.video.dto import ActivityInfo, VideoSource
from app.services.video.pictures import sound_levels, strip
from app.ui.env import UiEnv
from app.ui.tasks import Task
from app.ui.video.decoder_worker import to_qimage
from app.ui.video.problems import named
from app.ui.video.scrubber import Scrubber

# One thumbnail per this many pixels of scrubber, within bounds.
THUMB_SPACING_PX = 48
MIN_THUMBNAILS, MAX_THUMBNAILS = 10, 100
THUMB_WIDTH = 120


class StripFeeder(QObject):
    """Starts and cancels the scrubber's background tasks for the video on screen."""

    thumbnail = Signal(int, float, QImage)  # generation, media time, picture (from a worker)
    activity_found = Signal(int)  # number of segments
    thumbnails_failed = Signal(str)  # the problem, naming the file
    scan_failed = Signal(object)  # exception

    def __init__(self, env: UiEnv, scrubber: Scrubber, parent: QObject | None = None):
        super().__init__(parent)
        self._env = env
        self._tasks = env.tasks
        self._scrubber = scrubber
        self._generation = 0
        self.running: list[Task] = []
        self.thumbnail.connect(self._on_thumbnail)

    def start(self, source: VideoSource) -> None:
        """Cancel the previous video's tasks and start the strip of `source`."""
        self.cancel()
        self._generation += 1
        generation = self._generation
        slots = self._scrubber.width() // THUMB_SPACING_PX
        count = min(max(slots, MIN_THUMBNAILS), MAX_THUMBNAILS)

        def work(progress: Progress) -> int:
            made = 0
            for thumb in strip(
                source.path, source.index, count, THUMB_WIDTH, progress, source.media.rotation
            ):
                self.thumbnail.emit(generation, thumb.media_time_s, to_qimage(thumb.image, None))
                made += 1
            return made

        self.running.append(
            self._tasks.run_cpu(
                work,
                title=self.tr("Thumbnails of %1").replace("%1", source.evidence.original_name),
                on_error=lambda exc: self.thumbnails_failed.emit(
                    _text(named(exc, source.evidence.original_name))
                ),
            )
        )
        if source.media.audio is not None:
            buckets = max(50, self._scrubber.width() // 3)
            self.running.append(
                self._tasks.run_cpu(
                    lambda progress: sound_levels(source.path, source.index, buckets, progress),
                    title=self.tr("Sound of %1").replace("%1", source.evidence.original_name),
                    on_done=self._levels_done(generation),
                    on_error=lambda exc: self.thumbnails_failed.emit(
                        _text(named(exc, source.evidence.original_name))
                    ),
                )
            )
        ctx, evidence = self._env.ctx, source.evidence
        self.running.append(
            self._tasks.run_read(
                lambda _progress: stored_activity(ctx, evidence.case_id, evidence.id),
                self._segments_done(generation),
                self.scan_failed.emit,
            )
        )

    def scan(self, source: VideoSource) -> Task:
        """Run the activity scan of `source`; segments land on the scrubber."""
        ctx, evidence = self._env.ctx, source.evidence

        def work(progress: Progress) -> list[ActivityInfo]:
            return find_activity(source, progress)  # the scan: CPU, writes nothing

        def commit(found: list[ActivityInfo]) -> list[ActivityInfo]:
            return store_activity(ctx, evidence.case_id, evidence.id, found)

        task = self._tasks.run_cpu(
            work,
            commit=commit,
            title=self.tr("Activity scan of %1").replace("%1", evidence.original_name),
            on_done=self._segments_done(self._generation, announce=True),
            on_error=lambda exc: self.scan_failed.emit(named(exc, evidence.original_name)),
        )
        self.running.append(task)
        return task

    def _segments_done(
        self, generation: int, announce: bool = False
    ) -> Callable[[list[ActivityInfo]], None]:
        def done(segments: list[ActivityInfo]) -> None:
            if generation == self._generation:
                self._scrubber.set_segments([(s.start_s, s.end_s) for s in segments])
                if announce:
                    self.activity_found.emit(len(segments))

        return done

    def _levels_done(self, generation: int) -> Callable[[list[float]], None]:
        def done(levels: list[float]) -> None:
            if generation == self._generation:
                self._scrubber.set_levels(levels)

        return done

    def cancel(self) -> None:
        for task in self.running:
            task.cancel()
        self.running.clear()
        self._generation += 1

    @Slot(int, float, QImage)
    def _on_thumbnail(self, generation: int, media_time_s: float, image: QImage) -> None:
        if generation == self._generation:
            self._scrubber.add_thumbnail(media_time_s, image)


def _text(exc: BaseException) -> str:
    return str(getattr(exc, "message", exc))
