"""What the shell benchmarks share: cached inputs (100,000 cases; a million calls imported
through the real import path), the team's benchmark lock held only while measuring, the load
average, CPU time beside wall time, and alternating app/baseline runs (A B A B ...).

Inputs are generated once, niced, in a child process, under
`/tmp/casebook-bench-cache/newcomer4/<name>-v<version>/`; bump the version when a generator
changes. Run as a script to generate them ahead: `python tests/bench/core/bench_support.py`.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CACHE = Path(os.environ.get("CASEBOOK_BENCH_CACHE", "/tmp/casebook-bench-cache/newcomer4"))
LOCK = Path("/tmp/casebook-bench.lock")
REPO = Path(__file__).resolve().parents[3]
CALLS_DIR = CACHE / "calls-1m-v1"
CASES_DIR = CACHE / "cases-100k-v1"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (5 min {five:.2f})"


@contextmanager
def bench_lock() -> Iterator[None]:
    """The team's benchmark lock: one benchmark measures at a time on the shared machine."""
    with LOCK.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class Timing:
    """Wall and CPU milliseconds of repeated runs of one side (app or baseline). CPU is the
    calling thread's own (`thread_time`): the GUI thread's work, not the read pool's."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def run(self, fn: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        fn()
        self.cpu.append((time.thread_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)

    def median(self) -> float:
        return statistics.median(self.wall)

    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def worst(self) -> float:
        return max(self.wall)


def alternate(
    app: Callable[[], object], bare: Callable[[], object], rounds: int = 3
) -> tuple[Timing, Timing]:
    """A B A B ...: the app and its bare baseline in turns, `rounds` runs of each."""
    a, b = Timing(), Timing()
    for _ in range(rounds):
        a.run(app)
        b.run(bare)
    return a, b


def ratio_line(name: str, app: Timing, bare: Timing) -> str:
    return (
        f"  {name:<44} app {app.median():7.1f} ms (CPU {app.median_cpu():6.1f})  "
        f"bare {bare.median():7.1f} ms (CPU {bare.median_cpu():6.1f})  "
        f"ratio {app.median() / bare.median():4.2f}x "
        f"(CPU {app.median_cpu() / max(bare.median_cpu(), 0.01):4.2f}x)"
    )


def _generate(what: str) -> None:
    """Make a cached input in a niced child process (never under the benchmark lock)."""
    subprocess.run(
        ["nice", "-n", "15", sys.executable, str(Path(__file__)), what],
        cwd=REPO,
        check=True,
    )


def million_calls() -> tuple[Path, int]:
    """The data dir holding one case with a million calls, and that case's id."""
    if not (CALLS_DIR / "READY").exists():
        _generate("calls")
    return CALLS_DIR / "data", int((CALLS_DIR / "READY").read_text())


def hundred_thousand_cases(into: Path) -> None:
    """Copy the cached 100,000-case database into the data dir `into` (a fresh copy per run)."""
    if not (CASES_DIR / "READY").exists():
        _generate("cases")
    into.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CASES_DIR / "data" / "casebook.sqlite3", into / "casebook.sqlite3")


def _make_calls() -> None:
    sys.path.insert(0, str(REPO / "tests" / "bench"))
    from calls_callgen import write_export

    from app.services.calls.dto import ImportOptions
    from app.services.calls.importing import import_calls
    from app.services.core.bootstrap import close_context, open_context
    from app.services.core.cases import CaseInput, create_case

    shutil.rmtree(CALLS_DIR, ignore_errors=True)
    CALLS_DIR.mkdir(parents=True)
    ctx = open_context(CALLS_DIR / "data", actor="bench")
    case = create_case(ctx, CaseInput(title="bench", region="Москва", tz="Europe/Moscow"))
    export = write_export(CALLS_DIR / "calls_1m.csv", 1_000_000)
    import_calls(ctx, case.id, export, ImportOptions(tz="Europe/Moscow"))
    close_context(ctx)
    export.unlink()
    (CALLS_DIR / "READY").write_text(str(case.id))


def _make_cases() -> None:
    from app.services.core.bootstrap import close_context, open_context
    from tests.bench.test_bench_cases import _seed

    shutil.rmtree(CASES_DIR, ignore_errors=True)
    CASES_DIR.mkdir(parents=True)
    ctx = open_context(CASES_DIR / "data", actor="bench")
    _seed(ctx)
    with ctx.engine.connect() as connection:  # one file: the copy needs no -wal beside it
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_context(ctx)
    (CASES_DIR / "READY").write_text("100000")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    wanted = sys.argv[1:] or ["cases", "calls"]
    if "cases" in wanted:
        _make_cases()
    if "calls" in wanted:
        _make_calls()
