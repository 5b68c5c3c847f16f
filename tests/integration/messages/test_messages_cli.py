"""`casebook import messages` and `casebook messages ...` end to end, on SQLite and
PostgreSQL: evidence first, duplicates, attachments from a zip, filters, audited reveal,
party links that add the courier's private number, and the questions asked with exit 2."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

COURIER, CUSTOMER = "+79161234567", "+79037654321"
DATA = Path(__file__).resolve().parents[2] / "data" / "messages"

CHAT = (
    "12.09.2025, 21:30 - Сообщения и звонки защищены сквозным шифрованием.\n"
    "12.09.2025, 21:31 - Иван Курьер: Добрый вечер, это курьер\n"
    "12.09.2025, 21:32 - Мария: Откуда у вас мой номер?\n"
    "13.09.2025, 00:05 - Иван Курьер: Ты пожалеешь, сука\n"
    "13.09.2025, 00:06 - Иван Курьер: IMG-20250913-WA0001.jpg (файл добавлен)\n"
    "13.09.2025, 00:07 - Иван Курьер: Я знаю, где ты живёшь\n"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def case(run_cli, db_url):
    def cli(*args: str):
        return run_cli(*args, db_url=db_url)

    made = cli("case", "new", "--title", "Переписка", "--region", "MSK", "--tz", "Europe/Moscow")
    assert made.code == 0, made.err
    number = made.json()["number"]
    for role, name, extra in (
        ("complainant", "Мария Иванова", ["--phone", CUSTOMER]),
        ("subject", "Иван Курьер", ["--courier-id", "C-7781"]),
    ):
        assert cli("party", "add", number, "--role", role, "--name", name, *extra).code == 0
    return cli, number


def whatsapp_zip(path: Path, text: str = CHAT) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Иван Курьер.txt", text)
        archive.writestr("IMG-20250913-WA0001.jpg", PNG)
    return path


def test_whatsapp_zip_import_list_reveal_link(case, tmp_path: Path) -> None:
    cli, number = case
    archive = whatsapp_zip(tmp_path / "WhatsApp Chat.zip")
    asked = cli("import", "messages", number, str(archive))
    assert asked.code == 2 and "--tz" in asked.err
    done = cli("import", "messages", number, str(archive), "--tz", "Europe/Moscow",
               "--owner", "Мария")  # fmt: skip
    assert done.code == 0, done.err
    body = done.json()
    assert set(body) == {"batch_id", "format", "imported", "duplicates", "rejected", "flagged"}
    assert (body["format"], body["imported"], body["duplicates"], body["flagged"]) == (
        "whatsapp", 6, 0, 2,
    )  # fmt: skip
    again = cli("import", "messages", number, str(archive), "--tz", "Europe/Moscow")
    assert again.code == 2 and "already imported" in again.err

    listed = cli("messages", "list", number, "--flagged").json()["messages"]
    assert [m["text"] for m in listed] == ["Ты пожалеешь, сука", "Я знаю, где ты живёшь"]
    assert listed[0]["sent_utc"] == "2025-09-12T21:05:00Z"
    assert {f["category"] for f in listed[0]["flags"]} == {"insult", "threat"}
    assert listed[0]["source"].startswith("whatsapp:")
    assert set(listed[0]) == {"id", "sent_utc", "sender", "sender_number", "direction", "text",
                              "flags", "source"}  # fmt: skip

    found = cli("messages", "list", number, "--search", "ОТКУДА У ВАС").json()["messages"]
    assert [m["direction"] for m in found] == ["out"]

    evidence = cli("evidence", "list", number).json()["evidence"]
    kinds = sorted((e["kind"], e["original_name"]) for e in evidence)
    assert ("chat", "WhatsApp Chat.zip") in kinds
    assert ("photo", "IMG-20250913-WA0001.jpg") in kinds


def test_overlapping_export_counts_duplicates(case, tmp_path: Path) -> None:
    cli, number = case
    first = tmp_path / "first.txt"
    first.write_text(CHAT, encoding="utf-8")
    assert cli("import", "messages", number, str(first), "--tz", "Europe/Moscow").code == 0
    second = tmp_path / "second.txt"
    second.write_text(CHAT + "13.09.2025, 00:10 - Иван Курьер: ок\n13.09.2025, 00:10 - Иван "
                      "Курьер: ок\n", encoding="utf-8")  # fmt: skip
    body = cli("import", "messages", number, str(second), "--tz", "Europe/Moscow").json()
    assert (body["imported"], body["duplicates"]) == (2, 6)  # "ок" twice in a minute: both kept


def test_courier_sender_linked_and_number_joins_party(case, tmp_path: Path) -> None:
    cli, number = case
    xml = tmp_path / "sms.xml"
    xml.write_text(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"9\">\n"
        f'<sms protocol="0" address="{COURIER}" date="1757701805000" type="1" '
        'body="Ты сука" contact_name="(Unknown)" />\n</smses>\n',
        encoding="utf-8",
    )
    assert cli("import", "messages", number, str(xml), "--owner", CUSTOMER).code == 0
    listed = cli("messages", "list", number, "--sender", "916123").json()["messages"]
    assert listed[0]["sender_number"] == "+7 916 ***-**-67"
    assert listed[0]["sender"] == "+7 916 ***-**-67"
    assert cli("messages", "list", number, "--reveal").code == 2
    revealed = cli("messages", "list", number, "--reveal", "--reason", "запрос полиции")
    assert revealed.json()["messages"][0]["sender_number"] == COURIER
    audit = cli("audit", "show", "--case", number)
    assert audit.code == 0, audit.err
    assert '"reveal"' in audit.out and "запрос полиции" in audit.out
    senders = cli("messages", "senders", number).json()["senders"]
    courier = next(s for s in senders if s["sender_number"] == "+7 916 ***-**-67")
    assert COURIER[2:] not in json.dumps(senders)  # the key does not leak the number
    linked = cli("messages", "link", number, "--sender", courier["key"], "--party", "C-7781")
    assert linked.code == 0, linked.err
    assert (linked.json()["linked"], linked.json()["number_added"]) == (1, True)
    shown = cli("case", "show", number).json()
    assert "+7 916 ***-**-67" in json.dumps(shown, ensure_ascii=False)


def test_ambiguous_dates_exit_2_and_answer(case, tmp_path: Path) -> None:
    cli, number = case
    path = tmp_path / "chat.txt"
    path.write_text("01/02/2025, 10:00 - A: one\n03/04/2025, 11:00 - B: two\n", encoding="utf-8")
    asked = cli("import", "messages", number, str(path), "--tz", "UTC")
    assert asked.code == 2 and "--date-order" in asked.err and "01/02/2025" in asked.err
    done = cli("import", "messages", number, str(path), "--tz", "UTC", "--date-order", "mdy")
    assert done.code == 0
    listed = cli("messages", "list", number).json()["messages"]
    assert listed[0]["sent_utc"] == "2025-01-02T10:00:00Z"


def test_public_samples_import(case) -> None:
    cli, number = case
    for name, extra in (
        ("memacs_smsxml.xml", []),
        ("chatminer_telegram_single.json", []),
        ("pustur_short-chat.txt", ["--tz", "Europe/Berlin"]),
    ):
        done = cli("import", "messages", number, str(DATA / name), *extra)
        assert done.code == 0, done.err
    assert len(cli("messages", "list", number).json()["messages"]) == 4 + 2 + 5


def test_analyze_includes_the_message_detectors(case, tmp_path: Path) -> None:
    cli, number = case
    assert cli("party", "add", number, "--role", "witness", "--name", "Сосед",
               "--phone", "+79990001122").code == 0  # fmt: skip
    order = cli(
        "order",
        "add",
        number,
        "--number",
        "ORD-7",
        "--courier",
        "C-7781",
        "--assigned-at",
        "2025-09-12T18:00:00",
        "--delivered-at",
        "2025-09-12T19:00:00",
    )
    assert order.code == 0, order.err
    chat = tmp_path / "chat.txt"  # the courier's private number, late at night, after delivery
    chat.write_text(
        "13.09.2025, 23:40 - +7 916 123-45-67: Ты пожалеешь, сука\n"
        "14.09.2025, 00:10 - +7 916 123-45-67: Я знаю, где ты живёшь\n",
        encoding="utf-8",
    )
    assert cli("import", "messages", number, str(chat), "--tz", "Europe/Moscow").code == 0
    key = cli("messages", "senders", number).json()["senders"][0]["key"]
    assert cli("messages", "link", number, "--sender", key, "--party", "C-7781").code == 0
    found = cli("analyze", number).json()["findings"]
    kinds = {f["kind"] for f in found}
    assert {"message_private_contact", "message_night", "message_abuse"} <= kinds
    abuse = next(f for f in found if f["kind"] == "message_abuse")
    assert len(abuse["message_ids"]) == 2 and abuse["severity"] == "high"
    assert "угрозы" in abuse["explanation"]
    english = cli("analyze", number, "--lang", "en").json()["findings"]
    assert any("privately after order ORD-7" in f["explanation"] for f in english)


def test_messages_are_timeline_events_in_their_party_lane(case, tmp_path: Path) -> None:
    cli, number = case
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    assert cli("import", "messages", number, str(chat), "--tz", "Europe/Moscow").code == 0
    key = next(s["key"] for s in cli("messages", "senders", number).json()["senders"]
               if s["sender"] == "Иван Курьер")  # fmt: skip
    assert cli("messages", "link", number, "--sender", key, "--party", "C-7781").code == 0
    shown = cli("timeline", number, "--kind", "message")
    assert shown.code == 0, shown.err
    events = shown.json()["events"]
    assert len(events) == 5  # the encryption notice is no event
    threat = next(e for e in events if "пожалеешь" in e["title"])
    assert threat["kind"] == "message" and threat["party"] == "Иван Курьер"
    assert threat["start_utc"] == "2025-09-12T21:05:00Z"
    assert threat["ref"].startswith("message:")
