"""The filters above the chat (app/ui/messages/filter_bar.py on the shared `FilterBar`): edits
collected into one query, Enter at once, senders refilled keeping the chosen one, a period of
whole days in the case's zone, a quiet reset; the import dialog's file row (the shared
`FileField`, with a folder); in Russian too."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale

from app.services.messages.dto import MessageFilter, SenderView
from app.ui.i18n import install_translators
from app.ui.messages.filter_bar import MessageFilterBar

WHEN = datetime(2025, 9, 12, 21, 31, tzinfo=UTC)


def _sender(name: str, number: str | None) -> SenderView:
    return SenderView(name, number, None, 3, 1, WHEN, WHEN, key=name)


@pytest.fixture
def bar(qtbot: Any) -> MessageFilterBar:
    widget = MessageFilterBar()
    qtbot.addWidget(widget)
    widget.tz = "Asia/Vladivostok"
    return widget


def test_edits_make_one_filter(qtbot: Any, bar: MessageFilterBar) -> None:
    bar.set_senders([_sender("Иван", "+7 916 ***-**-67"), _sender("Мария", None)])
    assert [bar.sender_box.itemText(i) for i in range(3)] == [
        "All senders",
        "Иван (+7 916 ***-**-67)",
        "Мария",
    ]
    with qtbot.waitSignal(bar.changed) as changed:
        bar.search.setText("отк")
        bar.search.setText("откуда")
        bar.flagged.setChecked(True)
        bar.sender_box.setCurrentIndex(1)
    assert changed.args == [MessageFilter(flagged=True, sender="Иван", search="откуда")]
    with qtbot.waitSignal(bar.changed, timeout=50):  # Enter: at once
        bar.search.returnPressed.emit()


def test_senders_refilled_keep_the_chosen_one(qtbot: Any, bar: MessageFilterBar) -> None:
    bar.set_senders([_sender("Иван", None), _sender("Мария", None)])
    bar.sender_box.setCurrentIndex(2)
    bar.cancel_pending()
    with qtbot.assertNotEmitted(bar.changed, wait=bar.DELAY_MS * 2):
        bar.set_senders([_sender("Мария", None), _sender("Пётр", None)])
    assert bar.sender_box.currentData() == "Мария"
    with qtbot.waitSignal(bar.changed) as changed:
        bar.set_senders([_sender("Пётр", None)])  # gone: every sender again
    assert changed.args[0].sender == ""


def test_period_is_whole_days_in_the_case_zone(qtbot: Any, bar: MessageFilterBar) -> None:
    assert not bar.since.isEnabled()
    bar.set_span(WHEN, WHEN)  # 21:31 UTC is already the 13th in Vladivostok
    assert bar.since.date() == QDate(2025, 9, 13)
    with qtbot.waitSignal(bar.changed) as changed:
        bar.period.setChecked(True)
    wanted = changed.args[0]
    assert bar.since.isEnabled() and wanted.since.isoformat() == "2025-09-13T00:00:00+10:00"
    assert (wanted.until - wanted.since).days == 1
    bar.set_span(datetime(2025, 1, 1, tzinfo=UTC), WHEN)  # a period in use is kept
    assert bar.since.date() == QDate(2025, 9, 13)
    with qtbot.assertNotEmitted(bar.changed, wait=bar.DELAY_MS * 2):
        bar.search.setText("x")
        bar.reset()
    assert bar.current_filter() == MessageFilter() and not bar.since.isEnabled()


def test_russian(qapp: Any, bar: MessageFilterBar) -> None:
    installed = install_translators(qapp, "ru")
    try:
        russian = MessageFilterBar()
        assert russian.search.placeholderText() == "Поиск по тексту (Ctrl+F)"
        assert russian.sender_box.itemText(0) == "Все отправители"
        assert russian.flagged.text() == "Только отмеченные"
        russian.deleteLater()
        from app.ui.messages.import_dialog import MessagesImportDialog

        dialog = MessagesImportDialog("Europe/Moscow", [])
        assert dialog.file.choose_button.text() == "Выбрать…"
        assert dialog.file.folder_button.text() == "Папка…"
        assert dialog.file.edit.placeholderText().startswith("Выгрузка")
        dialog.deleteLater()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_import_dialog_takes_a_pasted_file_or_an_export_folder(qtbot: Any, tmp_path) -> None:
    from app.ui.messages.import_dialog import MessagesImportDialog

    dialog = MessagesImportDialog("Europe/Moscow", ["Мария"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    chat = tmp_path / "chat.txt"
    chat.write_text("12.09.2025, 21:31 - Иван: Добрый вечер\n", encoding="utf-8")
    assert not ok.isEnabled()
    dialog.file.edit.setText(f'"{chat}"')  # "Copy as path" keeps the quotes
    assert ok.isEnabled() and dialog.request()[0] == chat
    dialog.file.edit.setText(str(tmp_path / "gone.txt"))
    assert not ok.isEnabled()
    dialog.file.edit.setText(str(tmp_path))  # a Telegram Desktop export folder
    assert ok.isEnabled() and dialog.request()[0] == tmp_path
    assert dialog.file.folder_button.toolTip() == "A Telegram Desktop export folder"
