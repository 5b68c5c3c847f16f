"""The shared pieces the call-log UI is built from (app/ui/widgets): the file row of both
import dialogs, the filter bar base under the call filters, the tab's action row; in English
and in Russian (the strings that moved into a shared widget keep their translation)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from app.ui.calls.filter_bar import CallFilterBar
from app.ui.calls.import_dialog import ImportDialog
from app.ui.calls.orders_dialog import OrdersImportDialog
from app.ui.calls.tab import CallsTab
from app.ui.i18n import install_translators
from app.ui.widgets.file_field import FileField

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


@pytest.fixture
def russian(qapp: Any) -> Iterator[None]:
    installed = install_translators(qapp, "ru")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def _field(qtbot: Any) -> FileField:
    field = FileField(placeholder="p", dialog_title="t", file_filter="*", name="someFile")
    qtbot.addWidget(field)
    return field


def test_file_field_takes_a_pasted_path_and_reports_a_missing_one(qtbot: Any) -> None:
    field = _field(qtbot)
    path = DATA / "ru_vpbx_cp1251.csv"
    field.edit.setText(f"'{path}'")  # copied with quotes
    with qtbot.waitSignal(field.chosen) as chosen:
        field.edit.editingFinished.emit()
    assert chosen.args == [path] and field.path == path
    with qtbot.assertNotEmitted(field.chosen):  # the same path again: nothing to do
        field.edit.editingFinished.emit()
    field.edit.setText("/nowhere/log.csv")
    with qtbot.waitSignal(field.missing) as missing:
        field.edit.editingFinished.emit()
    assert missing.args == ["There is no file /nowhere/log.csv"] and field.path == path


def test_both_import_dialogs_read_a_typed_file(qtbot: Any, env: Any, case_id: int) -> None:
    calls = ImportDialog(env, case_id, "Europe/Moscow")
    orders = OrdersImportDialog(env, case_id, "Europe/Moscow")
    for dialog, name in ((calls, "ru_vpbx_cp1251.csv"), (orders, "orders_ru_cp1251.csv")):
        qtbot.addWidget(dialog)
        dialog.file_edit.setText(str(DATA / name))
        dialog.file_edit.editingFinished.emit()
        assert dialog.path == DATA / name and dialog.preview is not None
        dialog.file_edit.setText("/nowhere/x.csv")
        dialog.file_edit.editingFinished.emit()
        assert dialog.error.text() == "There is no file /nowhere/x.csv"
        assert dialog.path == DATA / name  # the file read before stays


def test_russian_dialogs_and_filters(qtbot: Any, env: Any, case_id: int, russian: None) -> None:
    calls = ImportDialog(env, case_id, "Europe/Moscow")
    orders = OrdersImportDialog(env, case_id, "Europe/Moscow")
    for dialog in (calls, orders):
        qtbot.addWidget(dialog)
        assert dialog.file.choose_button.text() == "Выбрать…"
        dialog.file_edit.setText("/nowhere/x.csv")
        dialog.file_edit.editingFinished.emit()
        assert dialog.error.text() == "Файл /nowhere/x.csv не найден"
    assert calls.file_edit.placeholderText().startswith("Выгрузка платформы звонков")
    assert orders.file_edit.placeholderText().startswith("Выгрузка заказов")
    bar = CallFilterBar("Europe/Moscow")
    qtbot.addWidget(bar)
    assert bar.party.itemText(0) == "Любой участник"
    assert bar.number.placeholderText() == "Цифры номера"


def test_filter_bar_collects_edits_and_keeps_the_chosen_party(qtbot: Any) -> None:
    from app.services.core.dto import PartyInfo

    bar = CallFilterBar("Europe/Moscow")
    qtbot.addWidget(bar)
    common = dict(courier_id=None, supervisor_id=None, phones_masked=(), address_masked="")
    parties = [
        PartyInfo(id=1, case_id=1, role="subject", name="Курьер", notes="", version=1, **common),
        PartyInfo(id=2, case_id=1, role="complainant", name="Мария", notes="", version=1, **common),
    ]
    bar.set_parties(parties)
    with qtbot.waitSignal(bar.changed) as changed:  # three edits, one query
        bar.number.setText("9")
        bar.number.setText("91")
        bar.party.setCurrentIndex(2)
    assert changed.args[0].number == "91" and changed.args[0].party_id == 2
    with qtbot.assertNotEmitted(bar.changed, wait=bar.DELAY_MS * 2):
        bar.set_parties(list(reversed(parties)))  # still there: kept, no new query
    assert bar.party.currentData() == 2
    with qtbot.waitSignal(bar.changed) as changed:
        bar.set_parties(parties[:1])  # gone: back to any party
    assert changed.args[0].party_id is None
    with qtbot.waitSignal(bar.changed, timeout=50) as changed:  # Enter: at once
        bar.order.setText("A-1")
        bar.order.returnPressed.emit()
    assert changed.args[0].order == "A-1"


def test_action_row_of_the_calls_tab(qtbot: Any, env: Any, case_id: int) -> None:
    tab = CallsTab(env, case_id)
    qtbot.addWidget(tab)
    row = [tab.import_button, tab.orders_button, tab.reveal_button]
    assert [b.objectName() for b in row] == ["importCalls", "importOrders", "revealCalls"]
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    xs = [b.geometry().x() for b in row]
    assert xs == sorted(xs) and tab.count_label.geometry().x() > xs[-1]
    assert not tab.reveal_button.isEnabled() and tab.orders_button.toolTip()
