"""WhatsApp chat text: public samples with their published ground truth, and exports written
from the format's documented structure in several locales."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.messages.records import Direction, MessageKind
from app.ingest.messages.common import DayOrderNeeded, ParseOptions, ZoneNeeded
from app.ingest.messages.whatsapp import parse_whatsapp

DATA = Path(__file__).resolve().parents[2] / "data" / "messages"
UTC_OPTS = ParseOptions(tz="UTC")


def parse(text: str, **options: object):
    return parse_whatsapp(text, "chat.txt", ParseOptions(**{"tz": "Europe/Moscow", **options}))


def test_chat_miner_sample_matches_its_target() -> None:
    """joweich/chat-miner's test log and the table its tests expect (MIT)."""
    chat = parse_whatsapp((DATA / "chatminer_dateformat1.txt").read_text("utf-8"), "x", UTC_OPTS)
    got = sorted(
        (m.sent_utc.strftime("%Y-%m-%d %H:%M:%S"), m.sender or "System", " ".join(m.text.split()))
        for m in chat.messages
    )
    with (DATA / "chatminer_dateformat1_target.csv").open(encoding="utf-8") as handle:
        want = sorted((r["timestamp"], r["author"], r["message"]) for r in csv.DictReader(handle))
    assert got == want
    assert chat.rejected == []


def test_pustur_sample_five_messages_month_first() -> None:
    """Pustur/whatsapp-chat-parser's short chat (MIT): 5 messages, 2 system lines; no part
    goes above 12, but the second part goes down within 2017, so it is the day."""
    chat = parse_whatsapp((DATA / "pustur_short-chat.txt").read_text("utf-8"), "x", UTC_OPTS)
    assert len(chat.messages) == 5
    assert [m.kind for m in chat.messages][:2] == [MessageKind.SYSTEM, MessageKind.SYSTEM]
    assert chat.messages[4].sent_utc == datetime(2017, 9, 4, 1, 50, tzinfo=UTC)
    assert chat.messages[4].text == "How are you?\nIs everything alright?"


def test_russian_android_with_media_deleted_edited_and_zone() -> None:
    text = (
        "12.09.2025, 21:30 - Сообщения и звонки защищены сквозным шифрованием. Нажмите, "
        "чтобы узнать подробнее.\n"
        "12.09.2025, 21:31 - Иван Курьер: Добрый вечер\n"
        "12.09.2025, 21:32 - Иван Курьер: <Без медиафайлов>\n"
        "12.09.2025, 21:33 - Иван Курьер: Данное сообщение удалено\n"
        "13.09.2025, 00:05 - Иван Курьер: ты пожалеешь <Сообщение изменено>\n"
        "13.09.2025, 00:06 - Мария: Не пишите мне\nбольше никогда\n"
    )
    chat = parse(text, owner="Мария")
    kinds = [m.kind for m in chat.messages]
    assert kinds == [MessageKind.SYSTEM, MessageKind.TEXT, MessageKind.MEDIA,
                     MessageKind.DELETED, MessageKind.TEXT, MessageKind.TEXT]  # fmt: skip
    edited = chat.messages[4]
    assert edited.edited and edited.text == "ты пожалеешь"
    assert edited.sent_utc == datetime(2025, 9, 12, 21, 5, tzinfo=UTC)  # 00:05 MSK
    assert chat.messages[5].direction == Direction.OUTGOING
    assert chat.messages[1].direction == Direction.INCOMING
    assert chat.messages[5].text == "Не пишите мне\nбольше никогда"


def test_ios_with_direction_marks_attachment_and_seconds() -> None:
    text = (
        "\u200e[12.09.25, 21:30:05] Иван: \u200eСообщения и звонки защищены сквозным "
        "шифрованием.\n"
        "[12.09.25, 21:31:10] Иван: Привет\n"
        "\u200e[12.09.25, 21:32:00] Иван: \u200e<прикреплено: 00000012-PHOTO-2025-09-12.jpg>\n"
        "[12.09.25, 21:33:00] \u202a+7\u00a0916\u00a0123-45-67\u202c: С другого номера\n"
    )
    chat = parse(text, day_first=True)  # 12.09.25 alone reads both ways
    assert [m.kind for m in chat.messages] == [
        MessageKind.SYSTEM, MessageKind.TEXT, MessageKind.MEDIA, MessageKind.TEXT,
    ]  # fmt: skip
    assert chat.messages[1].sent_utc == datetime(2025, 9, 12, 18, 31, 10, tzinfo=UTC)
    assert chat.messages[2].attachments[0].name == "00000012-PHOTO-2025-09-12.jpg"
    assert chat.messages[3].sender_number == "+79161234567"


def test_german_and_english_twelve_hour_clocks() -> None:
    german = (
        "[31.12.24, 20:52:25] Test: \u200eNachrichten und Anrufe sind "
        "Ende-zu-Ende-verschlüsselt.\n"
        "[31.12.24, 23:59:59] Somebody: Frohes neues Jahr!\n"
        "[09.01.25, 15:48:14] Nobody: Bild weggelassen\n"
    )
    chat = parse(german, tz="Europe/Berlin")
    assert [m.kind for m in chat.messages] == [
        MessageKind.SYSTEM, MessageKind.TEXT, MessageKind.MEDIA,
    ]  # fmt: skip
    assert chat.messages[1].sent_utc == datetime(2024, 12, 31, 22, 59, 59, tzinfo=UTC)
    english = "9/24/2019 11:30 p.m. - John: late\n12/24/2019 11:30 p. m. - John: spaced\n"
    english += "1/2/20, 9:05 AM - John: <Media omitted>\n"
    chat = parse(english, tz="UTC")
    hours = [(m.sent_utc.month, m.sent_utc.day, m.sent_utc.hour) for m in chat.messages]
    assert hours == [(9, 24, 23), (12, 24, 23), (1, 2, 9)]


def test_year_first_dates() -> None:
    chat = parse("2022/12/14, 13:34. - John Doe: Lorem\n2022/12/21, 17:02. - Jahn: ipsum\n")
    assert [m.sent_utc.day for m in chat.messages] == [14, 21]


def test_ambiguous_day_order_is_asked_then_answered() -> None:
    text = "01/02/2025, 10:00 - A: one\n03/04/2025, 11:00 - B: two\n"
    with pytest.raises(DayOrderNeeded) as raised:
        parse(text)
    assert "01/02/2025" in str(raised.value)
    chat = parse(text, day_first=True)
    assert (chat.messages[0].sent_utc.month, chat.messages[0].sent_utc.day) == (2, 1)
    chat = parse(text, day_first=False)
    assert (chat.messages[0].sent_utc.month, chat.messages[0].sent_utc.day) == (1, 2)


def test_missing_zone_is_asked() -> None:
    with pytest.raises(ZoneNeeded) as raised:
        parse_whatsapp("12.09.2025, 21:30 - A: b\n", "chat.txt", ParseOptions())
    assert "chat.txt" in str(raised.value) and "--tz" in str(raised.value)


def test_lines_before_the_first_message_are_rejected_with_their_line() -> None:
    chat = parse("garbage header\n13.09.2025, 21:30 - A: b\n")
    assert [(r.line, r.reason) for r in chat.rejected] == [(1, "not_a_message")]
