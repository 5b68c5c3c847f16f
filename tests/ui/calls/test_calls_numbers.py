"""Per-number summary, linking a number to a party (audited, the table follows) and the
complainant's contact chart, on the planted scenario."""

from __future__ import annotations

from typing import Any

from calls_scenario import STRANGERS

from app.services import audit
from app.ui.calls.call_model import CallTableModel
from app.ui.calls.tab import CallsTab, create_tab


def _tab(qtbot: Any, env: Any, case_id: int) -> CallsTab:
    tab = create_tab(env, case_id, None)
    qtbot.addWidget(tab)
    assert isinstance(tab, CallsTab)
    return tab


def test_summary_per_number(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case)
    panel = tab.numbers
    customer = next(n for n in panel.numbers if n.party_name == "Иванова А. С.")
    assert customer.calls == 11 and customer.number.endswith("21")
    row = panel.numbers.index(customer)
    assert panel.table.item(row, panel.FIRST).text() == "09.10.2025 14:03"  # Moscow time
    assert panel.table.item(row, panel.LAST).text() == "09.10.2025 23:31"
    assert panel.table.item(row, panel.TALK).text() == "4:34"  # 65+130+42+12+25 s
    assert "Иванова А. С." in panel.table.item(row, panel.PARTY).text()


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
    tab = _tab(qtbot, env, scenario_case)
    chart = tab.chart
    assert chart.center == "Иванова А. С." and not chart.note
    by_label = {c.label: c for c in chart.contacts}
    courier = by_label["Петров И. (курьер)"]
    assert courier.role == "subject"
    assert courier.calls == 8 and courier.direct == 5  # 3 masked during delivery
    assert sum(not c.party for c in chart.contacts) == 3  # three unknown numbers
    tab.side.setCurrentIndex(2)
    tab.resize(1400, 800)
    tab.show()
    image = chart.grab().toImage()
    assert not image.isNull() and image.width() > 100
