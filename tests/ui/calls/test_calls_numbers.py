"""Per-number summary, linking a number to a party (audited, the table follows) and the
complainant's contact chart, on the planted scenario."""

from __future__ import annotations

from typing import Any

from calls_scenario import STRANGERS
from PySide6.QtCore import Qt

from app.services.core import audit
from app.ui.calls.call_model import CallTableModel
from app.ui.calls.number_model import NumberSummaryModel
from app.ui.calls.tab import CallsTab, create_tab


def _tab(qtbot: Any, env: Any, case_id: int, side: int = 1) -> CallsTab:
    """The tab on screen with its side panel showing Numbers (1) or Contacts (2): both are
    read only when they are looked at."""
    tab = create_tab(env, case_id, None)
    qtbot.addWidget(tab)
    assert isinstance(tab, CallsTab)
    tab.resize(1400, 800)
    tab.show()
    tab.side.setCurrentIndex(side)
    return tab


def test_summary_per_number(qtbot: Any, qtmodeltester: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case)
    panel = tab.numbers
    customer = next(n for n in panel.numbers if n.party_name == "Иванова А. С.")
    assert customer.calls == 11 and customer.number.endswith("21")
    number = customer.number_id
    assert panel.text_of(number, NumberSummaryModel.FIRST) == "09.10.2025 14:03"  # Moscow
    assert panel.text_of(number, NumberSummaryModel.LAST) == "09.10.2025 23:31"
    assert panel.text_of(number, NumberSummaryModel.TALK) == "4:34"  # 65+130+42+12+25 s
    assert panel.text_of(number, NumberSummaryModel.PARTY) == "Иванова А. С."
    # Sorted by calls, most first; the header sorts by any column.
    first = panel.table.model().index(0, NumberSummaryModel.CALLS)
    assert first.data() == "11"
    panel.table.sortByColumn(NumberSummaryModel.FIRST, Qt.SortOrder.AscendingOrder)
    first = panel.table.model().index(0, NumberSummaryModel.FIRST)
    assert first.data() == "09.10.2025 09:00"
    model = NumberSummaryModel()
    model.set_numbers(panel.numbers, "Europe/Moscow")
    qtmodeltester.check(model, force_py=True)


def test_numbers_read_only_when_shown(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case, side=0)
    assert tab.numbers.numbers == [] and tab.chart.contacts == []
    with qtbot.waitSignal(tab.numbers.loaded, timeout=2000):
        tab.side.setCurrentIndex(1)
    assert len(tab.numbers.numbers) > 100


def test_link_and_unlink_a_number(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case)
    panel = tab.numbers
    stranger = next(n for n in panel.numbers if n.number.endswith(STRANGERS[0][-2:]) and
                    n.calls == 1 and n.party_id is None)  # fmt: skip
    courier = next(p for p in panel.parties if p.role == "subject")
    panel.select_number(stranger.number_id)
    assert panel.link_button.isEnabled() and not panel.unlink_button.isEnabled()
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        panel.link(stranger.number_id, courier.id)
    linked = next(n for n in panel.numbers if n.number_id == stranger.number_id)
    assert linked.party_id == courier.id
    entries = audit.list_entries(env.ctx, scenario_case, limit=5)
    assert entries[0].entity == "party" and entries[0].after["linked_number_id"] == linked.number_id
    # The call table names the party beside the number now.
    texts = [
        tab.model.data(tab.model.index(r, CallTableModel.CALLER))
        for r in range(tab.model.rowCount())
    ]
    assert sum(courier.name in t for t in texts) >= 4
    panel.select_number(stranger.number_id)
    assert panel.unlink_button.isEnabled()
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        panel.unlink_selected()
    assert next(n for n in panel.numbers if n.number_id == stranger.number_id).party_id is None


def test_contact_chart_of_the_complainant(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case, side=2)
    chart = tab.chart
    assert chart.center == "Иванова А. С." and not chart.note
    by_label = {c.label: c for c in chart.contacts}
    courier = by_label["Петров И. (курьер)"]
    assert courier.role == "subject"
    assert courier.calls == 8 and courier.direct == 5  # 3 masked during delivery
    assert sum(not c.party for c in chart.contacts) == 3  # three unknown numbers
    image = chart.grab().toImage()
    assert not image.isNull() and image.width() > 100
