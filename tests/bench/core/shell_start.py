"""Child process of the main-window benchmark: from launch to the first painted page of the
case list, printed as `painted <ms>` (the parent's launch time comes in `BENCH_T0`).

`app`: the workstation's window (`MainWindow`, threaded `TaskRunner`) on the data dir given;
`bare`: PySide6 and a `QTableView` over the first page read with plain `sqlite3`. Imported by
the benchmark for `BarePage` only (nothing runs on import)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

PAGE_SQL = (
    "SELECT id, number, title, status, region, category, received_at, updated_at FROM cases "
    "{where} ORDER BY received_at DESC, id DESC LIMIT 100"
)


class BarePage(QAbstractTableModel):
    """The floor: display text of rows read with plain sqlite3, nothing else."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self.rows[index.row()][index.column() + 1])


def _bare(data: str) -> None:
    import sqlite3

    from PySide6.QtWidgets import QTableView

    db = sqlite3.connect(os.path.join(data, "casebook.sqlite3"))
    view = QTableView()
    view.resize(1366, 768)
    view.setModel(BarePage(db.execute(PAGE_SQL.format(where="")).fetchall()))
    view.show()
    view.viewport().repaint()


def _app(data: str, app: Any) -> None:
    from PySide6.QtCore import QEventLoop, QSettings

    from app.services.core.bootstrap import open_context
    from app.ui.env import UiEnv
    from app.ui.main_window import MainWindow
    from app.ui.tasks import TaskRunner

    ctx = open_context(data, actor="bench")
    ctx.settings.demo_offered = True
    env = UiEnv(ctx, TaskRunner())
    window = MainWindow(env, QSettings(os.path.join(data, "state.ini"), QSettings.Format.IniFormat))
    window.show()
    model = window.cases.model
    while model.rowCount() == 0:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    window.cases.view.viewport().repaint()
    assert model.text_at(0, model.TITLE)


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    qt = QApplication([])
    (_bare(sys.argv[2]) if sys.argv[1] == "bare" else _app(sys.argv[2], qt))
    print(f"painted {(time.time() - float(os.environ['BENCH_T0'])) * 1000:.1f}", flush=True)
    os._exit(0)  # the figure is taken: no teardown
