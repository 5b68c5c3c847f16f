"""The big tables' cell painter (`RowTextDelegate`): each cell drawn from the row's cached
texts with what the style's delegate would show — elision, right alignment, the row's
colour, the selection, right-to-left mirroring — and a jump reading one screen of rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionViewItem, QTableView

from app.ui.tasks import SyncTaskRunner
from app.ui.widgets.id_paged_model import IdPagedModel
from app.ui.widgets.row_text_delegate import RowTextDelegate

GREY = QBrush(QColor("#6b6b6b"))


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    amount: str
    missed: bool


class Rows(IdPagedModel[Row]):
    COLUMN_COUNT = 2
    ALIGNMENTS = {1: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter}

    def __init__(self, count: int) -> None:
        self.asked: list[list[int]] = []

        def fetch(ids: list[int]) -> list[Row]:
            self.asked.append(ids)
            return [
                Row(i, f"Строка номер {i} с длинным названием", f"{i} с", i % 2 == 1) for i in ids
            ]

        super().__init__(fetch)
        self.set_ids(range(count))

    def row_texts(self, record: Row) -> tuple[Any, ...]:
        return (record.name, record.amount, GREY if record.missed else None)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text_at(index.row(), index.column())
        return None


class Recorder(QPainter):
    """A painter on an image that notes what the delegate asks of it."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.calls: list[tuple[Any, ...]] = []

    def drawText(self, *args: Any) -> Any:
        self.calls.append(("text", *args))
        return super().drawText(*args)

    def fillRect(self, *args: Any) -> Any:
        self.calls.append(("fill", *args))
        return super().fillRect(*args)

    def setPen(self, *args: Any) -> Any:
        self.calls.append(("pen", *args))
        return super().setPen(*args)


def _table(qtbot: Any, model: Rows, width: int = 400) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(RowTextDelegate(view))
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.resize(width, 300)
    view.show()
    return view


def _paint(view: QTableView, row: int, column: int, width: int, selected: bool = False) -> list:
    image = QImage(width, 24, QImage.Format.Format_ARGB32)
    painter = Recorder(image)
    painter.setFont(view.font())
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, width, 24)
    state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active
    option.state = state | QStyle.StateFlag.State_Selected if selected else state
    view.itemDelegate().paint(painter, option, view.model().index(row, column))
    painter.end()
    return painter.calls


def test_cells_show_the_row_texts_elided_and_aligned(qtbot: Any) -> None:
    view = _table(qtbot, Rows(1000))
    metrics = view.fontMetrics()
    [(_, at, shown)] = [c for c in _paint(view, 2, 0, 90) if c[0] == "text"]
    assert shown.endswith("…") and shown[:-1] in "Строка номер 2 с длинным названием"
    assert isinstance(at, QPoint) and at.x() > 0 and metrics.horizontalAdvance(shown) <= 90
    [(_, at, shown)] = [c for c in _paint(view, 2, 0, 2000) if c[0] == "text"]
    assert shown == "Строка номер 2 с длинным названием"  # room enough: whole
    [(_, at, shown)] = [c for c in _paint(view, 7, 1, 200) if c[0] == "text"]
    assert shown == "7 с"  # right-aligned: ends at the right margin
    assert 190 <= at.x() + metrics.horizontalAdvance(shown) <= 199


def test_row_colour_and_selection(qtbot: Any) -> None:
    view = _table(qtbot, Rows(10))
    palette = view.palette()
    pens = [c[1] for c in _paint(view, 1, 0, 200) if c[0] == "pen"]
    assert pens == [GREY.color()]  # the row's own colour (a missed call, a closed case)
    pens = [c[1] for c in _paint(view, 2, 0, 200) if c[0] == "pen"]
    assert pens == [palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)]
    calls = _paint(view, 1, 0, 200, selected=True)
    [fill] = [c for c in calls if c[0] == "fill"]
    assert fill[2] == palette.brush(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    highlighted = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    assert [c[1] for c in calls if c[0] == "pen"] == [highlighted]


def test_right_to_left_mirrors_the_alignment(qtbot: Any) -> None:
    view = _table(qtbot, Rows(10))
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    [(_, box, flags, shown)] = [c for c in _paint(view, 3, 0, 2000) if c[0] == "text"]
    assert shown.startswith("Строка") and isinstance(box, QRect)
    assert flags & Qt.AlignmentFlag.AlignRight  # a left column starts at the right
    [(_, box, flags, shown)] = [c for c in _paint(view, 3, 1, 200) if c[0] == "text"]
    assert flags & Qt.AlignmentFlag.AlignLeft  # the number column at the left


def test_a_jump_reads_one_screen_where_the_view_asks(qtbot: Any) -> None:
    model = Rows(100_000)
    model.prefetch(SyncTaskRunner())  # pages beside a screen are read ahead, after its paint
    view = _table(qtbot, model)
    shown = view.viewport().height() // 24 + 2
    qtbot.waitUntil(lambda: model._screen == shown)
    model.asked.clear()
    view.scrollTo(model.index(50_000, 0), QTableView.ScrollHint.PositionAtTop)
    view.viewport().grab()
    assert [len(ids) for ids in model.asked] == [shown]  # the rest of the page comes after
    assert model.asked[0][0] == 50_000
    qtbot.waitUntil(lambda: len(model.asked) > 1)  # read ahead once the paint is over
    assert view.indexAt(QPoint(5, 5)).row() == 50_000
    assert model.index(50_000, 0).data() == "Строка номер 50000 с длинным названием"


def test_a_deleted_row_paints_nothing(qtbot: Any) -> None:
    model = Rows(3)
    model._fetch = lambda ids: []  # every record gone since the search
    view = _table(qtbot, model)
    assert [c for c in _paint(view, 0, 0, 200) if c[0] == "text"] == []
    assert model.index(0, 0).data() is None and not QModelIndex().isValid()
