"""Telegram Desktop exports: a public `result.json` sample, a full-account export and a
several-page HTML export written from the documented structure."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.messages.records import Direction, MessageKind
from app.ingest.messages.common import ParseOptions, ZoneNeeded
from app.ingest.messages.telegram import parse_telegram_html, parse_telegram_json

DATA = Path(__file__).resolve().parents[2] / "data" / "messages"


def test_chat_miner_single_export() -> None:
    """joweich/chat-miner's single-chat export (MIT): a plain and an entity-list text."""
    raw = (DATA / "chatminer_telegram_single.json").read_bytes()
    chat = parse_telegram_json(raw, "result.json", ParseOptions())
    assert [(m.sender, m.text, m.sent_utc) for m in chat.messages] == [
        ("Author 1", "Minimal Message", datetime(2018, 12, 5, 10, 39, 10, tzinfo=UTC)),
        ("Author 2", "Link:https://telegram.org/", datetime(2018, 12, 5, 10, 49, 24, tzinfo=UTC)),
    ]


FULL = {
    "about": "Here is the data you requested.",
    "personal_information": {"user_id": 111, "first_name": "Мария", "last_name": "Иванова",
                             "phone_number": "+7 903 765 43 21"},
    "contacts": {"list": [{"first_name": "Иван", "last_name": "Курьер",
                           "phone_number": "+7 916 123 45 67"}]},
    "chats": {"list": [{"name": "Иван Курьер", "type": "personal_chat", "id": 222, "messages": [
        {"id": 1, "type": "service", "date": "2025-09-12T21:29:00",
         "date_unixtime": "1757701740", "actor": "Иван Курьер", "actor_id": "user222",
         "action": "phone_call", "text": ""},
        {"id": 2, "type": "message", "date": "2025-09-12T21:30:05",
         "date_unixtime": "1757701805", "from": "Иван Курьер", "from_id": "user222",
         "text": ["Ты ", {"type": "bold", "text": "пожалеешь"}]},
        {"id": 3, "type": "message", "date": "2025-09-12T21:31:00",
         "date_unixtime": "1757701860", "edited": "2025-09-12T21:32:00",
         "edited_unixtime": "1757701920", "from": "Мария Иванова", "from_id": "user111",
         "reply_to_message_id": 2, "text": "Не пишите мне"},
        {"id": 4, "type": "message", "date": "2025-09-12T21:33:00",
         "date_unixtime": "1757701980", "from": "Иван Курьер", "from_id": "user222",
         "photo": "photos/photo_1@12-09-2025_21-33-00.jpg", "width": 800, "height": 600,
         "text": ""},
    ]}]},
}  # fmt: skip


def test_full_export_owner_contacts_service_edit_reply_photo() -> None:
    raw = json.dumps(FULL, ensure_ascii=False).encode()
    chat = parse_telegram_json(raw, "result.json", ParseOptions())
    assert chat.owner_number == "+79037654321"
    service, threat, answer, photo = chat.messages
    assert service.kind == MessageKind.SYSTEM and "phone_call" in service.text
    assert threat.text == "Ты пожалеешь"
    assert threat.sender_number == "+79161234567"  # from the contact list
    assert threat.direction == Direction.INCOMING
    assert answer.direction == Direction.OUTGOING and answer.sender_number == "+79037654321"
    assert answer.edited and answer.reply_to == "2"
    assert photo.kind == MessageKind.MEDIA
    assert photo.attachments[0].path == "photos/photo_1@12-09-2025_21-33-00.jpg"
    assert threat.sent_utc == datetime(2025, 9, 12, 18, 30, 5, tzinfo=UTC)


def test_old_export_without_unixtime_needs_the_zone() -> None:
    raw = json.dumps({"messages": [{"id": 1, "type": "message", "date": "2019-01-02T10:00:00",
                                    "from": "A", "text": "x"}]}).encode()  # fmt: skip
    with pytest.raises(ZoneNeeded):
        parse_telegram_json(raw, "result.json", ParseOptions())
    chat = parse_telegram_json(raw, "result.json", ParseOptions(tz="Asia/Yekaterinburg"))
    assert chat.messages[0].sent_utc == datetime(2019, 1, 2, 5, 0, tzinfo=UTC)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Exported Data</title></head><body>
<div class="page_wrap"><div class="page_header"><div class="content">
<div class="text bold">Иван Курьер</div></div></div>
<div class="page_body chat_page"><div class="history">
{body}
</div></div></div></body></html>"""


def message(ident: int, when: str, text: str, sender: str | None = None, extra: str = "") -> str:
    joined = "" if sender else " joined"
    name = f'<div class="from_name">{sender}</div>' if sender else ""
    return (
        f'<div class="message default clearfix{joined}" id="message{ident}"><div class="body">'
        f'<div class="pull_right date details" title="{when}">{when[11:16]}</div>{name}{extra}'
        f'<div class="text">{text}</div></div></div>'
    )


def test_html_pages_joined_across_files_and_offsets() -> None:
    first = PAGE.format(body=(
        '<div class="message service" id="message-1"><div class="body details">12 сентября 2025'
        "</div></div>"
        + message(5, "12.09.2025 21:30:05 UTC+03:00", "Здравствуйте", "Иван Курьер")
        + message(6, "12.09.2025 21:31:00 UTC+03:00", "Ты &lt;сука&gt;<br>пожалеешь")
    ))  # fmt: skip
    forwarded = (
        '<div class="forwarded body"><div class="from_name">Кто-то <span class="details">'
        '01.01.2025</span></div><div class="text">пересланное</div></div>'
    )
    second = PAGE.format(body=(
        message(7, "12.09.2025 21:32:00 UTC+03:00", "ещё", extra="")
        + message(8, "12.09.2025 21:40:00 UTC+03:00", "", "Мария",
                  extra='<div class="media_wrap clearfix"><a class="photo_wrap clearfix '
                  'pull_left" href="photos/photo_2.jpg"><img src="photos/photo_2_thumb.jpg"/>'
                  "</a></div>")
        + message(9, "12.09.2025 21:41:00 UTC+03:00", "своё", "Мария", extra=forwarded)
    ))  # fmt: skip
    chat = parse_telegram_html(
        [("messages.html", first.encode()), ("messages2.html", second.encode())],
        ParseOptions(owner="Мария"),
    )
    assert chat.title == "Иван Курьер"
    assert [m.sender for m in chat.messages] == ["Иван Курьер"] * 3 + ["Мария"] * 2
    assert chat.messages[1].text == "Ты <сука>\nпожалеешь"
    assert chat.messages[0].sent_utc == datetime(2025, 9, 12, 18, 30, 5, tzinfo=UTC)
    assert chat.messages[3].attachments[0].path == "photos/photo_2.jpg"
    assert chat.messages[4].text == "своё"
    assert chat.messages[4].direction == Direction.OUTGOING
    assert chat.messages[2].line > 100_000  # rejections name the page


def test_html_without_offset_needs_the_zone() -> None:
    page = PAGE.format(body=message(1, "12.09.2025 21:30:05", "x", "A"))
    with pytest.raises(ZoneNeeded):
        parse_telegram_html([("messages.html", page.encode())], ParseOptions())
    chat = parse_telegram_html([("messages.html", page.encode())], ParseOptions(tz="UTC"))
    assert chat.messages[0].sent_utc == datetime(2025, 9, 12, 21, 30, 5, tzinfo=UTC)
