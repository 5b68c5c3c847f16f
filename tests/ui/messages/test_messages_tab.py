"""The Messages tab on a real database: bubbles with highlighted flagged words and day
separators in the case's zone, filters, a finding's messages, the dossier mark, the timeline's
jump to a message, and a screenshot message shown beside its picture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from messages_support import draw_chat_screenshot

from app.services.core.cases import CaseInput, create_case
from app.services.core.parties import PartyInput, add_party
from app.services.messages import query
from app.services.messages.dto import ImportRequest, MessageFilter
from app.services.messages.importing import import_messages
from app.ui.cases.tabs import FEATURE_TABS
from app.ui.messages.tab import MessagesTab, create_tab, tab_title

CHAT = (
    "12.09.2025, 21:31 - Иван Курьер: Добрый вечер, это курьер\n"
    "12.09.2025, 21:32 - Мария: Откуда у вас мой номер?\n"
    "13.09.2025, 00:05 - Иван Курьер: Ты пожалеешь, сука\n"
)


@pytest.fixture
def case_id(sqlite_ctx: Any, tmp_path: Path) -> int:
    case = create_case(sqlite_ctx, CaseInput(title="Переписка", region="MSK", tz="Europe/Moscow"))
    add_party(sqlite_ctx, case.id, PartyInput(role="subject", name="Иван Курьер",
                                              courier_id="C-1"))  # fmt: skip
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    import_messages(sqlite_ctx, case.id, chat, ImportRequest(tz="Europe/Moscow", owner="Мария"))
    return int(case.id)


def _tab(qtbot: Any, env: Any, case_id: int) -> MessagesTab:
    tab = create_tab(env, case_id, None)
    qtbot.addWidget(tab)
    assert isinstance(tab, MessagesTab)
    return tab


def test_registered_as_case_tab() -> None:
    assert "messages" in [t.key for t in FEATURE_TABS]
    assert tab_title() == "Messages"


def test_chat_bubbles_days_highlight_and_filters(qtbot: Any, env: Any, case_id: int) -> None:
    tab = _tab(qtbot, env, case_id)
    html = tab.chat.toHtml()
    assert "Добрый вечер" in html and "12.09.2025" in html and "13.09.2025" in html
    assert len(tab.views) == 3 and "3" in tab.count_label.text()
    assert "#ffd59e" in tab.chat.toHtml().lower() or "255, 213, 158" in html  # insult colour
    with qtbot.waitSignal(tab.page_shown, timeout=3000) as shown:
        tab.filters.flagged.setChecked(True)
    assert shown.args == [1] and tab.views[0].text == "Ты пожалеешь, сука"
    tab.filters.flagged.setChecked(False)
    tab.filters.search.setText("ОТКУДА")
    with qtbot.waitSignal(tab.page_shown, timeout=3000) as shown:
        tab.filters.search.returnPressed.emit()
    assert shown.args == [1] and tab.views[0].direction == "out"


def test_findings_dossier_and_jump(qtbot: Any, env: Any, case_id: int, sqlite_ctx: Any) -> None:
    tab = _tab(qtbot, env, case_id)
    kinds = [f.kind for f in tab.findings]
    assert "message_abuse" in kinds and tab.finding_list.count() == len(kinds)
    threat = query.message_ids(sqlite_ctx, case_id, MessageFilter(flagged=True))[0]
    tab.filters.search.setText("никто")  # hides everything
    tab.filters.search.returnPressed.emit()
    assert tab.views == []
    tab.select_message(threat)  # what the timeline's double-click does
    assert tab.current == threat and any(v.id == threat for v in tab.views)
    assert "пожалеешь" in tab.message_pane.text.toPlainText()
    tab.toggle_dossier()
    marked = query.message_ids(sqlite_ctx, case_id, MessageFilter(in_dossier=True))
    assert marked == [threat]
    qtbot.waitUntil(lambda: tab.dossier_button.text() == "Remove from dossier", timeout=3000)


def test_screenshot_message_shows_its_picture(
    qtbot: Any, env: Any, case_id: int, sqlite_ctx: Any, tmp_path: Path
) -> None:
    shot = draw_chat_screenshot(tmp_path / "shot.png")
    import_messages(sqlite_ctx, case_id, shot, ImportRequest(tz="Europe/Moscow", owner="Мария"))
    tab = _tab(qtbot, env, case_id)
    from_shot = next(v for v in tab.views if v.from_screenshot)
    assert "check against the picture" in tab.chat.toHtml()
    tab.set_current(from_shot.id)
    qtbot.waitUntil(lambda: tab.message_pane.picture.pixmap() is not None
                    and not tab.message_pane.picture.pixmap().isNull(), timeout=3000)  # fmt: skip
    assert "SHA-256" in tab.message_pane.note.text()
