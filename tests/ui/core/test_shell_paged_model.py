"""`IdPagedModel` at speed: the first screen of a search before all its ids, the full result
extending it without a reset, pages read ahead off the paint, texts made once per row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.ui.tasks import SyncTaskRunner
from app.ui.widgets.id_paged_model import IdPagedModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class Names(IdPagedModel[Row]):
    COLUMN_COUNT = 1
    PAGE = 10
    SCREEN = 4

    def __init__(self, store: dict[int, str]) -> None:
        self.reads: list[list[int]] = []
        self.texts_made = 0

        def fetch(ids: list[int]) -> list[Row]:
            self.reads.append(list(ids))
            return [Row(i, store[i]) for i in ids if i in store]

        super().__init__(fetch)

    def row_texts(self, record: Row) -> tuple[Any, ...]:
        self.texts_made += 1
        return (record.name,)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not self.row_in_range(index):
            return None
        return self.text_at(index.row(), index.column())


def _store(n: int) -> dict[int, str]:
    return {i: f"name {i}" for i in range(1, n + 1)}


def test_the_first_screen_comes_first_and_the_rest_extends_it(qapp: Any) -> None:
    store = _store(50)
    model = Names(store)
    tasks = SyncTaskRunner()
    resets, inserted, finished = [], [], []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.search_finished.connect(finished.append)
    model.search(
        tasks,
        lambda _p: list(range(50, 0, -1)),
        lambda _p: [Row(i, store[i]) for i in range(50, 40, -1)],
    )
    assert resets == [10]  # the first screen, shown by a reset
    assert inserted == [(10, 49)]  # the rest appended: selection and scroll stay
    assert finished == [50] and model.ids() == list(range(50, 0, -1))
    assert model.data(model.index(0, 0)) == "name 50" and model.reads == []  # no read


def test_a_full_result_that_differs_replaces_the_first_screen(qapp: Any) -> None:
    store = _store(20)
    model = Names(store)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.search(
        SyncTaskRunner(),
        lambda _p: [3, 2, 1],  # someone changed the cases between the two reads
        lambda _p: [Row(9, store[9]), Row(3, store[3])],
    )
    assert resets == [2, 3] and model.ids() == [3, 2, 1]
    assert model.data(model.index(0, 0)) == "name 3"


def test_an_older_search_never_overwrites_a_newer_id_list(qapp: Any) -> None:
    model = Names(_store(5))

    class Later(SyncTaskRunner):
        """Holds read tasks until `release()` (the read pool is slower than the user)."""

        def __init__(self) -> None:
            super().__init__()
            self.held: list[Any] = []

        def run_read(self, fn: Any, on_done: Any = None, on_error: Any = None) -> Any:
            self.held.append((fn, on_done))

        def release(self) -> None:
            for fn, on_done in self.held:
                on_done(fn(None))

    slow = Later()
    model.search(slow, lambda _p: [1, 2, 3])
    model.set_ids([5, 4])
    slow.release()
    assert model.ids() == [5, 4]


def test_pages_are_read_ahead_after_the_paint(qapp: Any, qtbot: Any) -> None:
    store = _store(100)
    model = Names(store)
    model.prefetch(SyncTaskRunner())
    model.set_ids(list(store))
    assert model.data(model.index(25, 0)) == "name 26"
    assert model.reads == [[26, 27, 28, 29]]  # the screen only, where the view asked
    assert model.reading_ahead  # the rest waits for the paint to end
    qtbot.waitUntil(lambda: not model.reading_ahead)
    read = sorted(i for ids in model.reads[1:] for i in ids)
    assert read == [i for i in range(11, 41) if i not in (26, 27, 28, 29)]  # pages 1, 2, 3
    assert model.texts_made == 1 + 26  # row 25 painted; those read ahead made on arrival
    for row in range(10, 40):  # scrolling through them reads nothing more
        model.data(model.index(row, 0))
    assert model.fetches == 1 and model.texts_made == 30
    qtbot.waitUntil(lambda: not model.reading_ahead)  # painting pages 1, 3: 0 and 4 read ahead
    assert model.prefetches == 5
    assert model.data(model.index(45, 0)) == "name 46" and model.fetches == 1


def test_rows_read_ahead_for_a_dropped_cache_are_not_kept(qapp: Any, qtbot: Any) -> None:
    store = _store(30)
    model = Names(store)
    model.prefetch(SyncTaskRunner())
    model.set_ids(list(store))
    model.data(model.index(0, 0))
    store[15] = "renamed"
    model.invalidate()  # before the pages read ahead started
    qtbot.waitUntil(lambda: not model.reading_ahead)
    model.data(model.index(14, 0))
    assert model.data(model.index(14, 0)) == "renamed"


def test_invalid_index_and_parent(qapp: Any) -> None:
    model = Names(_store(3))
    model.set_ids([1, 2, 3])
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0
