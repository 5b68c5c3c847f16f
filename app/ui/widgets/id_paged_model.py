"""`IdPagedModel`: the one table model for big lists (the shape of Anki's browser table).

The model holds only the ordered ids of the matching records (a million ints is a few MB) and
a bounded cache of rows. Searching, filtering and sorting happen in SQL: `search(work)` runs
the service that returns the ids off the GUI thread (the newest search wins), or `set_ids()`
takes ids found elsewhere. Rows are read by primary key, a page around the first row the view
paints, through `fetch(ids)`: one indexed `IN (...)` read of a few milliseconds, so it runs
where the view asks (reading it in a worker would make rows flash empty while scrolling).

Subclasses give the columns: `COLUMN_COUNT`, `headerData()` and `data()` over `record_at(row)`;
`placeholder(id)` says what a row deleted since the search shows (default: nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
Fetch = Callable[[list[int]], Sequence[Any]]
IdSearch = Callable[[Any], Sequence[int]]  # work(progress) -> ids in display order

_MISSING = object()  # cache marker: the id was read and is gone (deleted meanwhile)


class IdPagedModel(QAbstractTableModel, Generic[T]):
    COLUMN_COUNT = 0
    ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record id of a row (no read needed)
    PAGE = 200  # rows read together when the view paints an uncached row
    CACHE_LIMIT = 20_000  # rows kept; the cache starts over beyond it

    search_started = Signal()
    search_finished = Signal(int)  # number of matching records
    search_failed = Signal(object)  # exception

    def __init__(self, fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, Any] = {}
        self._generation = 0
        self.fetches = 0  # pages read so far (benchmarks and tests look at it)

    # --- content --------------------------------------------------------------------------
    def search(self, tasks: TaskRunner, work: IdSearch) -> None:
        """Run the SQL search `work` on the read pool; the newest search wins when several
        overlap. Cached rows are dropped with the old result (records may have changed)."""
        self._generation += 1
        generation = self._generation
        self.search_started.emit()

        def done(ids: Sequence[int]) -> None:
            if generation == self._generation:
                self.set_ids(ids, keep_cache=False)
                self.search_finished.emit(len(self._ids))

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.search_failed.emit(exc)

        tasks.run_read(work, done, failed)

    def set_ids(self, ids: Sequence[int], keep_cache: bool = True) -> None:
        """Show these records in this order (`keep_cache` when rows cannot have changed)."""
        self.beginResetModel()
        self._ids = list(ids)
        if not keep_cache:
            self._cache.clear()
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> None:
        """Show `ids` where the shown ids are their start (the rest of a search whose first
        page is shown): the rows are appended and the view keeps its place and selection.
        Anything else replaces the list as `set_ids` does."""
        count = len(self._ids)
        if len(ids) < count or list(ids[:count]) != self._ids:
            self.set_ids(ids, keep_cache=False)
            return
        if len(ids) > count:
            self.beginInsertRows(QModelIndex(), count, len(ids) - 1)
            self._ids.extend(ids[count:])
            self.endInsertRows()

    def reload(self) -> None:
        """Forget every cached row; the view reads what it shows again."""
        self.beginResetModel()
        self._cache.clear()
        self.endResetModel()

    def invalidate(self, record_id: int | None = None) -> None:
        """Drop cached rows (one record, or all) so they are read again when painted."""
        if record_id is None:
            self._cache.clear()
            if self._ids:
                last = self.index(len(self._ids) - 1, self.COLUMN_COUNT - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self._cache.pop(record_id, None)
        row = self.row_of(record_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def changed_column(self, column: int) -> None:
        """Every row shows something new in `column` (a zone, a name map)."""
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    # --- lookups --------------------------------------------------------------------------
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        """The row showing `record_id`, or -1 (a scan in C: ~5 ms at a million rows, where an
        id → row dict would hold ~100 MB)."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def record_at(self, row: int) -> T | None:
        record_id = self.id_at(row)
        if record_id is None:
            return None
        record = self._cache.get(record_id)
        if record is None:
            self._load_page(row)
            record = self._cache.get(record_id)
        return self.placeholder(record_id) if record is _MISSING else record

    def placeholder(self, record_id: int) -> T | None:
        """What a row whose record was deleted since the search shows."""
        return None

    def _load_page(self, row: int) -> None:
        # The rows around `row`: a little behind, mostly ahead (views scroll down).
        first = max(0, row - self.PAGE // 4)
        wanted = [i for i in self._ids[first : first + self.PAGE] if i not in self._cache]
        if not wanted:
            return
        records = self._fetch(wanted)
        self.fetches += 1
        if len(self._cache) + len(wanted) > self.CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(dict.fromkeys(wanted, _MISSING))
        self._cache.update((record.id, record) for record in records)

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def row_in_range(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._ids)
