"""The single writer lane: which threads may open a write transaction.

The GUI runs every write transaction on its task runner's database lane (one thread, tasks in
the order the user acted); long work does its CPU part on the pool and hands a short commit to
the lane. SQLite has one writer: a write from anywhere else waits on the lane's transaction and
fails with "database is locked" after the busy timeout.

The task runner marks the threads of its jobs with `running_on(lane)`; the GUI marks its own
thread with `forbid_writes_here()`. `write_turn()` (entered by `ServiceContext.transaction()`)
raises `LaneViolation` for a write from a CPU or read job, or from a forbidden thread, in tests
(pytest) and debug runs (`CASEBOOK_DEBUG_LANE=1`). A thread nobody marked — the CLI, a script,
the main thread of a test — is a front of its own and may write.

Long work whose writes sit deep inside it (a police dossier audits the numbers it reveals while
it is assembled) runs with a lane lender (`lending(borrow)`): each of its transactions waits for
the lane's turn, the lane thread parks meanwhile, and the job's thread acts as the lane for that
one transaction. Writes stay one at a time and in order; none meets SQLite's busy timeout.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TypeVar

DEBUG_ENV = "CASEBOOK_DEBUG_LANE"
WRITER = "db"  # the task runner's database lane

T = TypeVar("T")
# Hands the write part of long work to where writes run (`run_here` outside the GUI).
Commit = Callable[[Callable[[], T]], T]

_local = threading.local()
_forbidden: set[int] = set()


class LaneViolation(RuntimeError):
    """A write transaction outside the database lane: a bug of the caller, not of the data."""


def enforced() -> bool:
    return os.environ.get(DEBUG_ENV) == "1" or "pytest" in sys.modules


@contextmanager
def running_on(lane: str) -> Iterator[None]:
    """Mark the current thread as running a job of `lane` (`db`, `cpu`, `read`)."""
    previous = getattr(_local, "lane", None)
    _local.lane = lane
    try:
        yield
    finally:
        _local.lane = previous


def forbid_writes_here() -> None:
    """The GUI thread: it hands every write to the lane (checked where `enforced()`)."""
    _forbidden.add(threading.get_ident())


def allow_writes_here() -> None:
    _forbidden.discard(threading.get_ident())


@contextmanager
def lending(borrow: Callable[[], AbstractContextManager[None]]) -> Iterator[None]:
    """While this job runs, its write transactions take the lane's turn through `borrow()`."""
    previous = getattr(_local, "borrow", None)
    _local.borrow = borrow
    try:
        yield
    finally:
        _local.borrow = previous


def write_turn() -> AbstractContextManager[None]:
    """Where a write transaction may run now: at once (the lane, a front without lanes), in
    the lane's turn (a job with a lender), or nowhere (`LaneViolation`, where enforced)."""
    lane = getattr(_local, "lane", None)
    if lane == WRITER:
        return nullcontext()
    borrow: Callable[[], AbstractContextManager[None]] | None = getattr(_local, "borrow", None)
    if borrow is not None:
        return borrow()
    if enforced():
        if lane is not None:
            raise LaneViolation(
                f"a write transaction on the {lane} lane: hand the commit to the database lane"
            )
        if threading.get_ident() in _forbidden:
            raise LaneViolation(
                "a write transaction on the GUI thread: run it on the database lane"
            )
    return nullcontext()


def may_write_here() -> bool:
    """Whether a write transaction may run on this thread now without waiting or breaking
    the lane rule: the lane itself, a job with a lender, or an unmarked front (CLI, script).
    Work whose write is optional (a cache kept in the database) asks before writing."""
    lane = getattr(_local, "lane", None)
    if lane == WRITER or getattr(_local, "borrow", None) is not None:
        return True
    return lane is None and threading.get_ident() not in _forbidden


def run_here(write: Callable[[], T]) -> T:
    """The `Commit` of a front without lanes (CLI, scripts): write at once."""
    return write()
