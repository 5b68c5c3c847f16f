"""The case list: model contract (qtmodeltester), Cyrillic case-insensitive search through the
search box, phone-digit and order search, filters, SQL sorting, lazy rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from app.services.core import cases, records
from app.services.core.cases import CaseInput
from app.services.core.records import OrderInput
from app.ui.cases.list_model import CaseListModel, CaseQuery


def _seed(ctx: Any, count: int) -> list[int]:
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    ids = []
    for i in range(count):
        summary = cases.create_case(
            ctx,
            CaseInput(
                title=f"Жалоба номер {i}",
                region="SPB" if i % 3 == 0 else "MSK",
                tz="Europe/Moscow",
                category="harassment" if i % 2 else "door_visit",
                received_at=start + timedelta(days=i),
            ),
        )
        ids.append(summary.id)
    return ids


def test_model_passes_qtmodeltester(env: Any, qtmodeltester: Any) -> None:
    _seed(env.ctx, 25)
    model = CaseListModel(env.ctx, env.tasks, "Europe/Moscow")
    model.refresh()
    assert model.rowCount() == 25
    qtmodeltester.check(model, force_py=True)
    model.sort(CaseListModel.NUMBER, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_lazily_in_blocks(env: Any) -> None:
    _seed(env.ctx, 12)
    model = CaseListModel(env.ctx, env.tasks, "Europe/Moscow")
    model.PAGE = 5
    model.refresh()
    assert len(model._cache) == 5 and model.fetches == 0  # the first screen, read with the search
    model.data(model.index(7, CaseListModel.TITLE))
    assert len(model._cache) == 10 and model.fetches == 1  # one screen from row 7 only
    model.data(model.index(8, CaseListModel.NUMBER))
    assert model.fetches == 1  # served from the cache


def test_sorting_happens_in_sql(env: Any) -> None:
    _seed(env.ctx, 5)
    model = CaseListModel(env.ctx, env.tasks, "Europe/Moscow")
    model.set_query(CaseQuery(order_by="received_at", descending=False))
    first = model.data(model.index(0, CaseListModel.TITLE))
    model.sort(CaseListModel.RECEIVED, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, CaseListModel.TITLE)) == "Жалоба номер 4"
    assert first == "Жалоба номер 0"


def test_cyrillic_search_is_case_insensitive(window: Any, case_id: int, qtbot: Any) -> None:
    _seed(window.env.ctx, 3)
    panel = window.cases
    panel.reload()
    assert panel.model.rowCount() == 4
    # QTest cannot synthesize Cyrillic key presses; insert() edits the box like typing does.
    panel.search.insert("иванов")
    panel.apply_filters()  # what the debounce timer does after typing stops
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 0), CaseListModel.CASE_ID_ROLE) == case_id
    assert panel.count.text() == "1 case(s)"


def test_search_by_phone_digits_and_order_number(window: Any, case_id: int) -> None:
    records.add_order(window.env.ctx, case_id, OrderInput(number="ЗАК-98765"))
    panel = window.cases
    for text in ("916 123", "89161234567", "зак-987"):
        panel.search.setText(text)
        panel.apply_filters()
        assert panel.model.rowCount() == 1, text
    panel.search.setText("555 000 11")
    panel.apply_filters()
    assert panel.model.rowCount() == 0


def test_filters_by_status_region_and_category(window: Any) -> None:
    _seed(window.env.ctx, 9)
    panel = window.cases
    panel.reload()
    panel.region.setCurrentIndex(panel.region.findData("SPB"))
    assert panel.model.rowCount() == 3
    panel.category.setCurrentIndex(panel.category.findData("harassment"))
    assert panel.model.rowCount() == 1  # i == 3
    panel.status.setCurrentIndex(panel.status.findData("closed"))
    assert panel.model.rowCount() == 0


def test_debounced_search_runs_after_typing(window: Any, case_id: int, qtbot: Any) -> None:
    panel = window.cases
    panel.search.insert("ПЕТРОВ")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.query.text == "ПЕТРОВ")


def test_activating_a_row_opens_the_case(window: Any, case_id: int) -> None:
    panel = window.cases
    panel.reload()
    panel.view.activated.emit(panel.model.index(0, 0))
    view = window.current_view()
    assert view is not None and view.case_id == case_id
    assert window.case_tabs.tabText(window.case_tabs.currentIndex()).startswith("MSK-2025-")
