"""Timing helpers of the call benchmarks' child processes (imported by their scripts)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall ms, CPU ms, value) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, value


def alternate(
    app: Callable[[], Any], base: Callable[[], Any], runs: int = 5
) -> tuple[float, float, float, Any]:
    """A B A B ...: (app wall, app CPU, bare wall) medians and the app's last value."""
    a, c, b, value = [], [], [], None
    for _ in range(runs):
        wall, cpu, value = timed(app)
        a.append(wall)
        c.append(cpu)
        b.append(timed(base)[0])
    return statistics.median(a), statistics.median(c), statistics.median(b), value


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM: ru_maxrss keeps the parent's across
    exec)."""
    with open("/proc/self/status") as status:
        return int(status.read().split("VmHWM:")[1].split()[0]) / 1024


def filters_and_analysis(
    ctx: Any,
    case_id: int,
    whole_number: str,
    bare_first: Callable[[str], Any],
    bare_all: Callable[[str], Any],
) -> dict[str, Any]:
    """The digit filters (first page and whole list, each alternated with its bare query) and
    `analyze` fresh, kept (as another process finds it) and cached; the child's own peak."""
    from app.services.calls import analysis
    from app.services.calls.dto import CallFilter
    from app.services.calls.query import call_ids, first_call_ids

    filters = []
    for digits in ("9161", "4951000123", "903555", whole_number):
        first = alternate(
            lambda d=digits: first_call_ids(ctx, case_id, CallFilter(number=d)),
            lambda d=digits: bare_first(d),
        )
        whole = alternate(
            lambda d=digits: call_ids(ctx, case_id, CallFilter(number=d)),
            lambda d=digits: bare_all(d),
            runs=3,
        )
        filters.append(
            [digits, len(first[3].ids), first[3].complete, *first[:3], len(whole[3]), *whole[:3]]
        )

    def fresh() -> int:
        analysis._CACHE.clear()
        analysis.ANALYSIS_VERSION += 1  # what is kept no longer fits: computed and kept again
        return len(analysis.analyze(ctx, case_id))

    def kept() -> int:
        analysis._CACHE.clear()  # another process: read from call_analyses
        return len(analysis.analyze(ctx, case_id))

    runs = [timed(fresh) for _ in range(3)]
    again = [timed(kept) for _ in range(3)]
    cached = timed(lambda: analysis.analyze(ctx, case_id))
    return {
        "filters": filters,
        "analyze": [
            statistics.median(r[0] for r in runs),
            statistics.median(r[1] for r in runs),
            runs[0][2],
            statistics.median(r[0] for r in again),
            cached[0],
        ],
        "peak_mb": peak_mb(),
    }
