"""`IdPagedModel`: the one table model for big lists (the shape of Anki's browser table).

The model holds only the ordered ids of the matching records (a million ints is a few MB) and
a bounded cache of rows. Searching, filtering and sorting happen in SQL: `search(work)` runs
the service that returns the ids off the GUI thread (the newest search wins), or `set_ids()`
takes ids found elsewhere. A search may also give `first`, a query for the first screen alone
(`LIMIT`, no counting): its rows are shown as soon as they arrive, then the full id list is
read and extends them without a reset (selection and scroll position stay).

Rows are read by primary key, a page around the first row the view paints, through
`fetch(ids)`: one indexed `IN (...)` read of a few milliseconds. A page the view has never
seen is read where the view asks (a jump to a random place); with `prefetch(tasks)` the pages
beside the one just read are read ahead on the read pool, so scrolling on finds its rows
cached. Each row's texts are made once (`row_texts`) when it is first painted, not for every
cell at every paint.

Subclasses give the columns: `COLUMN_COUNT`, `headerData()`, `row_texts(record)` (the display
text of every column, then the row's foreground brush or None), `ALIGNMENTS` and `data()` over
`record_at(row)` / `text_at(row, column)` (the views paint cells through
`app.ui.widgets.row_text_delegate.RowTextDelegate`, which reads `texts_at` alone);
`placeholder(id)` says what a row deleted since the search shows (default: nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from app.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
Fetch = Callable[[list[int]], Sequence[Any]]
IdSearch = Callable[[Any], Sequence[int]]  # work(progress) -> ids in display order
FirstPage = Callable[[Any], Sequence[Any]]  # work(progress) -> the first rows, in order

_MISSING = object()  # cache marker: the id was read and is gone (deleted meanwhile)


class IdPagedModel(QAbstractTableModel, Generic[T]):
    COLUMN_COUNT = 0
    ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record id of a row (no read needed)
    PAGE = 200  # rows read together when the view paints an uncached row
    SCREEN = 64  # rows a screen may show: read where the view asks, the rest ahead
    CACHE_LIMIT = 20_000  # rows kept; the cache starts over beyond it
    ALIGNMENTS: dict[int, Qt.AlignmentFlag] = {}  # column → alignment, where not left

    search_started = Signal()
    search_finished = Signal(int)  # number of matching records
    search_failed = Signal(object)  # exception

    def __init__(self, fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, Any] = {}
        self._texts: dict[int, tuple[Any, ...]] = {}
        self._search = 0  # the newest search: older answers are dropped
        self._generation = 0  # a new id list: pages read ahead for the old one are not its
        self._cache_epoch = 0  # the cache was dropped: prefetched rows read before are stale
        self._prefetch: TaskRunner | None = None
        self._loaded: set[int] = set()  # pages (row // PAGE) in the cache
        self._ahead: set[int] = set()  # pages whose neighbours were read ahead
        self._prefetching: set[int] = set()  # pages being read ahead
        self._screen = self.SCREEN  # rows the view shows at once (`show_rows`)
        self.fetches = 0  # pages read where the view asked (benchmarks and tests look at it)
        self.prefetches = 0  # pages read ahead on the read pool

    # --- content --------------------------------------------------------------------------
    def search(self, tasks: TaskRunner, work: IdSearch, first: FirstPage | None = None) -> None:
        """Run the SQL search `work` on the read pool; the newest search wins when several
        overlap. Cached rows are dropped with the old result (records may have changed).
        `first`, when given, reads the start of the result alone (its first rows, in
        order; possibly none) and shows it while `work` runs; the first screen's rows not
        shown that way are read on the pool right after `work`."""
        self._search += 1
        search = self._search
        shown: list[int] = []  # ids of the first screen, once shown
        self.search_started.emit()

        def first_done(records: Sequence[Any]) -> None:
            if search != self._search:
                return
            if records:  # none yet (rare matches): the old rows stay until every id is read
                self._reset([r.id for r in records], keep_cache=False)
                self._store(records, [r.id for r in records])
                shown.extend(self._ids)
            tasks.run_read(every, done, failed)

        def first_failed(_exc: BaseException) -> None:
            if search == self._search:
                tasks.run_read(every, done, failed)  # the full search says what is wrong

        def done(found: tuple[Sequence[int], list[int], Sequence[Any]]) -> None:
            if search != self._search:
                return
            ids, wanted, screen = found
            if shown:
                self.extend_ids(ids)  # the first screen stays where it is
            else:
                self._reset(ids, keep_cache=False)
                self._store(screen, wanted)
            self.search_finished.emit(len(self._ids))

        def failed(exc: BaseException) -> None:
            if search == self._search:
                self.search_failed.emit(exc)

        fetch, screen_rows = self._fetch, self._screen

        def every(progress: Any) -> tuple[Sequence[int], list[int], Sequence[Any]]:
            """Every id; without a first screen shown, that screen's rows too (read here,
            so the GUI thread paints the result without a read of its own)."""
            ids = work(progress)
            wanted = [] if shown else list(ids[:screen_rows])
            return ids, wanted, (fetch(wanted) if wanted else [])

        # The first screen alone, then every id: the screen's read has the machine to itself.
        if first is not None:
            tasks.run_read(first, first_done, first_failed)
        else:
            tasks.run_read(every, done, failed)

    def set_ids(self, ids: Sequence[int], keep_cache: bool = True) -> None:
        """Show these records in this order (`keep_cache` when rows cannot have changed); a
        search still running is dropped."""
        self._search += 1
        self._reset(ids, keep_cache)

    def _reset(self, ids: Sequence[int], keep_cache: bool) -> None:
        self._generation += 1
        self.beginResetModel()
        self._ids = list(ids)
        if keep_cache:  # the records stay, their rows (pages) move
            self._loaded.clear()
            self._ahead.clear()
            self._prefetching.clear()
        else:
            self._drop_cache()
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

    def show_rows(self, rows: int) -> None:
        """The view shows `rows` rows at once: a jump reads that many where the view asks
        (no more: the rest of the page follows on the read pool)."""
        self._screen = max(1, min(rows, self.PAGE))

    def prefetch(self, tasks: TaskRunner | None) -> None:
        """Read the pages beside each page read on `tasks`' read pool (None: never)."""
        self._prefetch = tasks

    def reload(self) -> None:
        """Forget every cached row; the view reads what it shows again."""
        self.beginResetModel()
        self._drop_cache()
        self.endResetModel()

    def invalidate(self, record_id: int | None = None) -> None:
        """Drop cached rows (one record, or all) so they are read again when painted."""
        if record_id is None:
            self._drop_cache()
            if self._ids:
                last = self.index(len(self._ids) - 1, self.COLUMN_COUNT - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self._cache.pop(record_id, None)
        self._texts.pop(record_id, None)
        row = self.row_of(record_id)
        self._loaded.discard(row // self.PAGE)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def changed_column(self, column: int) -> None:
        """Every row shows something new in `column` (a zone, a name map)."""
        self._texts.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def _drop_cache(self) -> None:
        self._cache.clear()
        self._texts.clear()
        self._loaded.clear()
        self._ahead.clear()
        self._prefetching.clear()
        self._cache_epoch += 1

    # --- lookups --------------------------------------------------------------------------
    @property
    def reading_ahead(self) -> bool:
        """Pages are being read ahead on the read pool."""
        return bool(self._prefetching)

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
        elif self._prefetch is not None and row // self.PAGE not in self._ahead:
            self._read_ahead(row // self.PAGE)
        return self.placeholder(record_id) if record is _MISSING else record

    def text_at(self, row: int, column: int) -> Any:
        """The display text of a cell, from the row's texts made once (`row_texts`)."""
        texts = self.texts_at(row)
        return None if texts is None else texts[column]

    def texts_at(self, row: int) -> tuple[Any, ...] | None:
        """The row's texts (`row_texts`), made once when the row is first asked for."""
        record_id = self._ids[row]
        texts = self._texts.get(record_id)
        if texts is None:
            record = self.record_at(row)
            if record is None:
                return None
            texts = self._texts[record_id] = self.row_texts(record)
        elif self._prefetch is not None and row // self.PAGE not in self._ahead:
            self._read_ahead(row // self.PAGE)
        return texts

    def row_texts(self, record: T) -> tuple[Any, ...]:
        """The display text of every column of `record` (subclasses that use `text_at`)."""
        raise NotImplementedError

    def placeholder(self, record_id: int) -> T | None:
        """What a row whose record was deleted since the search shows."""
        return None

    def _load_page(self, row: int) -> None:
        """Read `row` and the rows after it where the view asks. Reading ahead, that is one
        screen (the rest of its pages follow on the read pool); without, the page of `row`
        (and the next one with it when `row` is near the page's end: the screen reaches into
        it)."""
        page = row // self.PAGE
        if self._prefetch is not None:
            screen = self._ids[row : row + min(self._screen, self.PAGE)]
            wanted = [i for i in screen if i not in self._cache]
            pages = []
        else:
            pages = [page, page + 1] if row % self.PAGE > self.PAGE - self.SCREEN else [page]
            wanted = [i for p in pages for i in self._page_ids(p) if i not in self._cache]
        if wanted:
            self._store(self._fetch(wanted), wanted)
            self.fetches += 1
        self._loaded.update(pages)
        if self._prefetch is not None:
            self._read_ahead(page)

    def _page_ids(self, page: int) -> list[int]:
        return self._ids[page * self.PAGE : (page + 1) * self.PAGE]

    def _store(self, records: Sequence[Any], wanted: Sequence[int]) -> None:
        if len(self._cache) + len(wanted) > self.CACHE_LIMIT:
            self._cache.clear()
            self._texts.clear()
            self._loaded.clear()
            self._ahead.clear()
        self._cache.update(dict.fromkeys(wanted, _MISSING))
        self._cache.update((record.id, record) for record in records)

    def _read_ahead(self, page: int) -> None:
        """Read `page` (what of it the view did not read) and the pages after and before it
        on the read pool, once."""
        self._ahead.add(page)
        tasks = self._prefetch
        if tasks is None:
            return
        pages = -(-len(self._ids) // self.PAGE)
        for near in (page, page + 1, page - 1):
            if 0 <= near < pages and near not in self._loaded and near not in self._prefetching:
                self._prefetching.add(near)
                # Started once the paint is over: a Python read in another thread takes
                # the interpreter lock in turns with the GUI thread and would slow the paint.
                QTimer.singleShot(0, self, lambda near=near: self._read_page(tasks, near))

    def _read_page(self, tasks: TaskRunner, page: int) -> None:
        if page not in self._prefetching:
            return  # the rows moved meanwhile (a new id list)
        wanted = [i for i in self._page_ids(page) if i not in self._cache]
        if not wanted:
            self._prefetching.discard(page)
            self._loaded.add(page)
            return
        epoch, generation, fetch = self._cache_epoch, self._generation, self._fetch

        def done(records: Sequence[Any]) -> None:
            if epoch != self._cache_epoch:
                return  # the cache was dropped meanwhile: these rows may be stale
            self._store(records, wanted)
            self.prefetches += 1
            # Their texts are made now, while the user looks at the screen, not in a paint.
            texts = self._texts
            for record in records:
                if record.id not in texts:
                    texts[record.id] = self.row_texts(record)
            if generation == self._generation:  # else the rows moved: pages differ
                self._prefetching.discard(page)
                self._loaded.add(page)

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self._prefetching.discard(page)  # the view reads the page itself

        tasks.run_read(lambda _progress: fetch(wanted), done, failed)

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def row_in_range(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._ids)
