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
