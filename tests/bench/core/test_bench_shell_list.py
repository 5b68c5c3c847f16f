"""Benchmark (issue 2, GUI): the case list window with 100,000 cases on SQLite.

Measures, through the real model and view with the threaded TaskRunner: the time from opening
the list to the first painted page, a Cyrillic search typed in the box until the rows are
shown, and scrolling to the end (lazy row blocks), and the longest time the GUI thread was
blocked while doing it. Baseline in the same run: the same id query on bare `sqlite3`.
Figures are printed; nothing here is a timed assertion.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

from app.ui.env import UiEnv
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.bench.test_bench_cases import N_CASES, _seed


class StallMeter:
    """Longest gap between ticks of a 5 ms GUI timer: how long the event loop was blocked."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, float(self._clock.restart()))

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_ms


def test_case_list_with_100k_cases(sqlite_ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    _seed(sqlite_ctx)
    tasks = TaskRunner()
    env = UiEnv(sqlite_ctx, tasks)
    stall = StallMeter()
    state = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)

    t0 = time.perf_counter()
    stall.start()
    window = MainWindow(env, state)
    qtbot.addWidget(window)
    window.show()
    model, view = window.cases.model, window.cases.view
    qtbot.waitUntil(lambda: model.rowCount() == N_CASES, timeout=20_000)
    qtbot.waitUntil(lambda: model.data(model.index(0, model.TITLE)) is not None)
    first_page_ms = (time.perf_counter() - t0) * 1000
    open_stall = stall.stop()

    search_ms = []
    stall.start()
    for text in ("васильева", "ФЁДОРОВ", "916 12", "R07-2025"):
        t0 = time.perf_counter()
        window.cases.search.setText(text)
        with qtbot.waitSignal(model.search_finished, timeout=20_000):
            window.cases.apply_filters()
        view.viewport().repaint()
        search_ms.append((time.perf_counter() - t0) * 1000)
    search_stall = stall.stop()

    window.cases.search.clear()
    window.cases.apply_filters()
    qtbot.waitUntil(lambda: model.rowCount() == N_CASES, timeout=20_000)
    bar = view.verticalScrollBar()
    steps_ms = []
    for step in range(0, 101, 5):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum() * step // 100)
        view.viewport().repaint()  # paints the rows there, fetching their block
        steps_ms.append((time.perf_counter() - t0) * 1000)

    raw = sqlite3.connect(sqlite_ctx.data_dir / "casebook.sqlite3")
    t0 = time.perf_counter()
    raw.execute(
        "SELECT id FROM cases WHERE search_text LIKE ? ORDER BY received_at DESC",
        ("%васильева%",),
    ).fetchall()
    baseline_ms = (time.perf_counter() - t0) * 1000
    raw.close()

    median_search = statistics.median(search_ms)
    print(
        f"\n[bench shell list] {N_CASES} cases\n"
        f"  open window → first page painted: {first_page_ms:.0f} ms "
        f"(GUI blocked at most {open_stall:.0f} ms)\n"
        f"  search (SQL off the GUI thread) → rows painted: median {median_search:.0f} ms "
        f"over {len(search_ms)} queries (GUI blocked at most {search_stall:.0f} ms)\n"
        f"  scroll top → bottom in {len(steps_ms)} jumps, each painted: median "
        f"{statistics.median(steps_ms):.1f} ms, worst {max(steps_ms):.1f} ms per jump\n"
        f"  bare sqlite3 id query for 'васильева' (baseline): {baseline_ms:.0f} ms; "
        f"search ratio {median_search / baseline_ms:.2f}x"
    )
    window.close()
    tasks.shutdown()
