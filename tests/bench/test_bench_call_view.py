"""Benchmark (issue 3): the call table over 1,000,000 calls on SQLite, imported through the
real import path. Measured in a real (offscreen) `QTableView` with `CallTableModel`:

- first page: the id list for the case (`call_ids`) + the first screen painted;
- scroll to the end: jump to the last row and paint it (one page read);
- scrolling: page-down steps at random places, median paint;
- filter by number: a run of digits → ids → first screen painted (goal: under 100 ms).

Each figure is printed with the ratio to the same query on bare `sqlite3` in this run.
Run: `.venv/bin/python -m pytest tests/bench/test_bench_call_view.py -m bench -s`.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from calls_callgen import write_export

from app.services.calls import query as calls_query
from app.services.calls.dto import CallFilter, ImportOptions
from app.services.calls.importing import import_calls
from app.services.core.cases import CaseInput, create_case
from app.ui.calls.call_model import CallTableModel

ROWS = int(os.environ.get("CASEBOOK_BENCH_CALLS", "1000000"))  # smaller for a dry run


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def _line(name: str, ms: float, floor_ms: float | None = None) -> None:
    ratio = f"  ({ms / floor_ms:5.1f}x bare sqlite3 {floor_ms:7.1f} ms)" if floor_ms else ""
    print(f"  {name:<34} {ms:8.1f} ms{ratio}")


def test_call_view_over_a_million_calls(qtbot: Any, sqlite_ctx: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QHeaderView, QTableView

    ctx = sqlite_ctx
    case = create_case(ctx, CaseInput(title="bench", region="Москва", tz="Europe/Moscow"))
    export = write_export(tmp_path / "calls_1m.csv", ROWS)
    import_ms, result = _timed(
        lambda: import_calls(ctx, case.id, export, ImportOptions(tz="Europe/Moscow"))
    )
    assert result.imported > 0.99 * ROWS
    db = sqlite3.connect(str(ctx.engine.url.database))

    view = QTableView()
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    model = CallTableModel(lambda ids: calls_query.calls_by_ids(ctx, ids), "Europe/Moscow")
    view.setModel(model)
    view.show()

    def paint() -> None:
        view.viewport().grab()

    def first_page() -> list[int]:
        ids = calls_query.call_ids(ctx, case.id, CallFilter())
        model.set_ids(ids)
        paint()
        return ids

    first_ms, ids = _timed(first_page)
    assert model.rowCount() == result.imported
    sql = "SELECT id FROM calls WHERE case_id = ? ORDER BY start_utc, id"
    bare_ids_ms, _ = _timed(lambda: db.execute(sql, (case.id,)).fetchall())

    def to_end() -> None:
        view.scrollToBottom()
        paint()

    end_ms, _ = _timed(to_end)
    assert model.call_at(len(ids) - 1) is not None
    page = ids[-CallTableModel.PAGE :]
    marks = ",".join("?" * len(page))
    bare_page_ms, _ = _timed(
        lambda: db.execute(f"SELECT * FROM calls WHERE id IN ({marks})", page).fetchall()
    )

    service_page_ms = statistics.median(
        _timed(lambda: calls_query.calls_by_ids(ctx, page))[0] for _ in range(5)
    )

    rnd = random.Random(3)
    steps = []
    for _ in range(30):
        view.scrollTo(model.index(rnd.randrange(len(ids)), 0))
        steps.append(_timed(paint)[0])

    digits = [
        row[0][-7:]
        for row in db.execute(
            "SELECT callee FROM calls WHERE case_id = ? AND id % 997 = 0 LIMIT 5", (case.id,)
        )
    ]

    def by_number(run: str) -> Callable[[], int]:
        def go() -> int:
            found = calls_query.call_ids(ctx, case.id, CallFilter(number=run))
            model.set_ids(found)
            view.scrollToTop()
            paint()
            return len(found)

        return go

    def bare_by_number(run: str) -> Callable[[], int]:
        # The floor: the same digit search and per-column index lookups, on bare sqlite3.
        def go() -> int:
            values = [
                v
                for (v,) in db.execute(
                    "SELECT value FROM call_numbers WHERE case_id = ? AND digits LIKE ?",
                    (case.id, f"%{run}%"),
                )
            ]
            marks = ",".join("?" * len(values))
            branches = " UNION ".join(
                f"SELECT id, start_utc FROM calls WHERE case_id = ? AND {column} IN ({marks})"
                for column in ("caller", "callee", "virtual")
            )
            query = f"SELECT id FROM ({branches}) ORDER BY start_utc, id"
            params = [p for _ in range(3) for p in (case.id, *values)]
            return len(db.execute(query, params).fetchall())

        return go

    filter_ms, bare_filter_ms, hits = [], [], []
    for run in digits:
        ms, count = _timed(by_number(run))
        filter_ms.append(ms)
        hits.append(count)
        bare_filter_ms.append(_timed(bare_by_number(run))[0])
        assert count > 0
    db.close()

    print(f"\ncall view over {result.imported:,} calls (import took {import_ms / 1000:.1f} s)")
    _line("first page (ids + first screen)", first_ms, bare_ids_ms)
    _line("scroll to the end", end_ms, bare_page_ms)
    _line("scroll step, median of 30", statistics.median(steps), bare_page_ms)
    _line("  of which a page read (200 rows)", service_page_ms, bare_page_ms)
    _line(
        f"filter by 7 digits, median ({statistics.median(hits):.0f} calls)",
        statistics.median(filter_ms),
        statistics.median(bare_filter_ms),
    )
    print(f"  pages read: {model.fetches}")


def test_scroll_step_over_a_million_calls(qtbot: Any) -> None:
    """Issue 16: a scroll step in the call table over a million calls (goal < 16 ms: one
    frame). The app (`CallTableModel` over the calls service, pages read ahead on the read
    pool) and a bare baseline (a minimal table model over plain `sqlite3`, the same pages by
    id) paint the same rows in the same `QTableView` set-up, in turns (A B A B A B). Two
    kinds of step: a jump to a random place (the page is read where the view asks) and
    page-down scrolling (the next page was read ahead while the user looked at this one).
    The database is generated once through the real import and cached (bench_support)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    from app.services.core.bootstrap import close_context, open_context
    from app.ui.tasks import TaskRunner
    from app.ui.widgets.row_text_delegate import RowTextDelegate
    from tests.bench.core.bench_support import (
        Timing,
        alternate,
        bench_lock,
        load,
        million_calls,
        ratio_line,
    )

    data, case_id = million_calls()
    ctx = open_context(data, actor="bench")
    tasks = TaskRunner()
    ids = calls_query.call_ids(ctx, case_id, CallFilter())
    db = sqlite3.connect(str(ctx.engine.url.database))
    columns = "start_utc, duration_s, direction, status, caller, callee, virtual, order_number, "
    columns += "line"

    class BareModel(QAbstractTableModel):
        """The floor: display text only, a page of rows by id from plain sqlite3."""

        def __init__(self) -> None:
            super().__init__()
            self.rows: dict[int, tuple[Any, ...]] = {}

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(ids)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 9

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            row = index.row()
            found = self.rows.get(ids[row])
            if found is None:
                page = ids[row // 200 * 200 : row // 200 * 200 + 200]
                marks = ",".join("?" * len(page))
                sql = f"SELECT id, {columns} FROM calls WHERE id IN ({marks})"
                self.rows.update((r[0], r[1:]) for r in db.execute(sql, page))
                found = self.rows[ids[row]]
            return str(found[index.column()])

    def table(model: Any) -> Any:
        view = QTableView()
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(24)
        view.setModel(model)
        if isinstance(model, CallTableModel):  # the call tab's painting: one drawText a cell
            view.setItemDelegate(RowTextDelegate(view))
        view.show()
        view.viewport().grab()  # paints every visible cell
        return view

    def app_model() -> CallTableModel:
        model = CallTableModel(lambda page: calls_query.calls_by_ids(ctx, page), "Europe/Moscow")
        model.prefetch(tasks)
        model.set_ids(ids)
        return model

    jumps = [random.Random(seed).randrange(len(ids)) for seed in range(30)]
    top = QAbstractItemView.ScrollHint.PositionAtTop

    def jumping(make: Callable[[], Any], steps: Timing) -> Callable[[], None]:
        def run() -> None:
            view = table(make())  # a fresh model: nothing cached
            for row in jumps:
                _settle(qtbot, view.model())
                steps.run(lambda row=row: jump(view, row))
            view.close()

        return run

    def jump(view: Any, row: int) -> None:
        view.scrollTo(view.model().index(row, 0), top)
        view.viewport().grab()  # paints every visible cell

    def page_down(view: Any) -> None:
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().grab()

    def paging(make: Callable[[], Any], steps: Timing) -> Callable[[], None]:
        def run() -> None:
            view = table(make())
            jump(view, len(ids) // 2)
            for _ in range(30):
                _settle(qtbot, view.model())  # the user looks at the page for a moment
                steps.run(lambda: page_down(view))
            view.close()

        return run

    print(f"\n[bench scroll step] {len(ids):,} calls; {load()} before measuring")
    results = {}
    with bench_lock():
        for name, kind in (("jump to a random place", jumping), ("page down", paging)):
            app_steps, bare_steps = Timing(), Timing()
            app, _ = alternate(kind(app_model, app_steps), kind(BareModel, bare_steps))
            results[name] = (app_steps, bare_steps, app)
        after = load()
    for name, (app_steps, bare_steps, app) in results.items():
        print(
            f"  {name}: {len(app_steps.wall)} steps each in {len(app.wall)} alternating runs\n"
            f"{ratio_line('step (median)', app_steps, bare_steps)}\n"
            f"    worst step: app {app_steps.worst():.1f} ms, bare {bare_steps.worst():.1f} ms"
        )
    print(f"  under the bench lock; {after} after measuring")
    db.close()
    tasks.shutdown()
    close_context(ctx)


def _settle(qtbot: Any, model: Any) -> None:
    """Let pages being read ahead arrive (the pause between two steps of a user)."""
    if getattr(model, "reading_ahead", False):
        qtbot.waitUntil(lambda: not model.reading_ahead, timeout=10_000)
