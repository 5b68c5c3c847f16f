"""Background work for the UI: one serialized database-write lane, a pool for CPU work, a
small pool for reads.

Every write transaction of the GUI runs on the database lane (`run_db`); long work runs its
CPU part on the pool and hands its result to a short commit on the lane (`run_cpu(...,
commit=)`). Each job marks its thread with its lane (`app.services.core.lanes`), so in tests
and debug runs a write transaction opened from the CPU or read pool raises `LaneViolation`.
Long work whose writes sit deep inside it (`run_cpu(..., lane_writes=True)`) borrows the
lane for each transaction: the lane thread parks in its turn while the job writes.

Task functions are plain Python `fn(progress) -> result` that know nothing of Qt; they get a
`QtProgress` (it implements `app.domain.progress.Progress`) whose reports become Qt signals.
Results and errors come back on the GUI thread through queued signals, so callbacks may touch
widgets. A callback bound to a QObject that has been deleted meanwhile is skipped.

`SyncTaskRunner` has the same API and runs everything at once in the calling thread: tests use
it to drive the UI without waiting on threads.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.domain.progress import Cancelled
from app.services.core import lanes

TaskFn = Callable[[Any], Any]
DoneFn = Callable[[Any], object]
ErrorFn = Callable[[BaseException], object]


class QtProgress(QObject):
    """Progress object handed to a task; thread-safe, emits `reported(task_id, done, total, msg)`.

    `total` is -1 when unknown. Reports are throttled (a task may report every row) so the GUI
    event queue is never flooded. `cancel()` may be called from the GUI thread at any time.
    """

    reported = Signal(int, int, int, str)
    MIN_INTERVAL_S = 0.05

    def __init__(self, task_id: int) -> None:
        super().__init__()
        self._task_id = task_id
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - self._last_emit < self.MIN_INTERVAL_S:
            return
        self._last_emit = now
        self.reported.emit(self._task_id, int(done), -1 if total is None else int(total), message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


@dataclass(eq=False)
class Task:
    """One submitted task as the UI sees it: its title, progress and whether it can be cancelled."""

    task_id: int
    title: str
    lane: str  # "db", "cpu" or "read"
    cancellable: bool
    progress: QtProgress
    on_done: DoneFn | None = None
    on_error: ErrorFn | None = None
    last: tuple[int, int, str] = field(default=(0, -1, ""))

    def cancel(self) -> None:
        if self.cancellable:
            self.progress.cancel()


class _Relay(QObject):
    """Lives in the GUI thread; a worker emits here and Qt queues the call to the GUI thread."""

    finished = Signal(int, object, object)  # task id, result, exception (or None)


Borrow = Callable[[], AbstractContextManager[None]]


class _Job(QRunnable):
    def __init__(self, task: Task, fn: TaskFn, relay: _Relay, borrow: Borrow | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._fn = fn
        self._relay = relay
        self._borrow = borrow

    def run(self) -> None:
        try:
            if self._task.progress.cancelled():
                raise Cancelled()
            lending = lanes.lending(self._borrow) if self._borrow else nullcontext()
            with lanes.running_on(self._task.lane), lending:
                result = self._fn(self._task.progress)
        except Exception as exc:  # delivered to the GUI thread, never swallowed
            self._relay.finished.emit(self._task.task_id, None, exc)
        else:
            self._relay.finished.emit(self._task.task_id, result, None)


class _ParkedLane(QRunnable):
    """Holds the database lane's turn while a CPU job writes one transaction."""

    def __init__(self, parked: threading.Event, resume: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._parked = parked
        self._resume = resume

    def run(self) -> None:
        self._parked.set()
        self._resume.wait()


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a QObject that C++ has already deleted."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """The application's runner: a one-thread pool for DB writes and a pool for CPU work."""

    task_started = Signal(object)  # Task
    task_progress = Signal(object)  # Task (read .last)
    task_finished = Signal(object)  # Task
    # An error nobody handled (no on_error): the main window shows it.
    unhandled_error = Signal(object, object)  # Task, exception

    synchronous = False

    def __init__(self, parent: QObject | None = None, cpu_threads: int | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._active: dict[int, Task] = {}
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        # SQLite has one writer: serializing writes here avoids "database is locked" and keeps
        # the order in which the user acted.
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._cpu_pool = QThreadPool(self)
        ideal = QThreadPool.globalInstance().maxThreadCount()
        self._cpu_pool.setMaxThreadCount(cpu_threads or max(1, ideal - 1))
        self._read_pool = QThreadPool(self)
        self._read_pool.setMaxThreadCount(2)
        self._pools = {"db": self._db_pool, "cpu": self._cpu_pool, "read": self._read_pool}
        self._waiting_lock = threading.Lock()
        self._waiting = 0  # CPU jobs waiting for the lane's turn to write

    def run_db(
        self,
        fn: TaskFn,
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
        *,
        title: str = "",
        cancellable: bool = False,
    ) -> Task:
        """Run `fn(progress)` in the single database-write lane (tasks run one after another)."""
        return self._submit("db", fn, title, on_done, on_error, cancellable)

    def run_cpu(
        self,
        fn: TaskFn,
        title: str = "",
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
        cancellable: bool = True,
        commit: Callable[[Any], Any] | None = None,
        lane_writes: bool = False,
    ) -> Task:
        """Run `fn(progress)` in the CPU pool (parsing, analysis, PDF); progress is shown.

        Long work that ends in a write passes `commit`: the result of `fn` (which writes
        nothing) goes to `commit(result)` on the database lane, one short transaction queued
        behind whatever the lane is doing, and `on_done` receives what the commit returns.
        `lane_writes`: the work writes deep inside (audited reveals while a dossier is
        assembled); each of its transactions waits for the lane's turn and runs in it."""
        borrow = self._borrow_lane if lane_writes else None
        if commit is None:
            return self._submit("cpu", fn, title, on_done, on_error, cancellable, borrow)

        def hand_over(result: Any) -> None:
            self.run_db(lambda _progress: commit(result), on_done, on_error, title=title)

        return self._submit("cpu", fn, title, hand_over, on_error, cancellable, borrow)

    @contextmanager
    def _borrow_lane(self) -> Iterator[None]:
        """From a CPU job: wait for the lane's turn, park the lane thread, act as the lane."""
        if self.synchronous:  # one thread does everything, in order
            with lanes.running_on(lanes.WRITER):
                yield
            return
        parked, resume = threading.Event(), threading.Event()
        self._db_pool.start(_ParkedLane(parked, resume))
        with self._waiting_lock:
            self._waiting += 1
        try:
            parked.wait()
        finally:
            with self._waiting_lock:
                self._waiting -= 1
        try:
            with lanes.running_on(lanes.WRITER):
                yield
        finally:
            resume.set()

    def run_read(
        self,
        fn: TaskFn,
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
    ) -> Task:
        """Run a quick database read `fn(progress)` off the GUI thread (list pages, details).

        Reads have their own small pool so a long import or export never delays the case list.
        """
        return self._submit("read", fn, "", on_done, on_error, False)

    def waiting_for_lane(self) -> int:
        """How many CPU jobs wait for the database lane's turn to write (behind an import)."""
        with self._waiting_lock:
            return self._waiting

    def active_tasks(self) -> list[Task]:
        return list(self._active.values())

    def cancel_all(self) -> None:
        for task in self.active_tasks():
            task.cancel()

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until every lane is empty (shutdown only; results are still queued)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel what can be cancelled and wait for running tasks to end."""
        self.cancel_all()
        self._cpu_pool.clear()
        return self.wait_idle(msecs)

    def _submit(
        self,
        lane: str,
        fn: TaskFn,
        title: str,
        on_done: DoneFn | None,
        on_error: ErrorFn | None,
        cancellable: bool,
        borrow: Borrow | None = None,
    ) -> Task:
        task_id = next(self._ids)
        task = Task(task_id, title, lane, cancellable, QtProgress(task_id), on_done, on_error)
        task.progress.reported.connect(self._on_progress)
        self._active[task_id] = task
        self.task_started.emit(task)
        job = _Job(task, fn, self._relay, borrow)
        if self.synchronous:
            job.run()
        else:
            self._pools[lane].start(job)
        return task

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        task = self._active.get(task_id)
        if task is not None:
            task.last = (done, total, message)
            self.task_progress.emit(task)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: Exception | None) -> None:
        task = self._active.pop(task_id, None)
        if task is None:
            return
        self.task_finished.emit(task)
        if error is None:
            if task.on_done is not None and _alive(task.on_done):
                task.on_done(result)
            return
        if isinstance(error, Cancelled):
            return
        if task.on_error is not None:
            if _alive(task.on_error):
                task.on_error(error)
            return
        self.unhandled_error.emit(task, error)


class SyncTaskRunner(TaskRunner):
    """Same API; each task runs at once in the caller's thread and its callbacks run before
    `run_db`/`run_cpu` return (tests drive the UI with it without waiting on threads)."""

    synchronous = True
