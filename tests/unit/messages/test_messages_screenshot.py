"""Screenshots read by the system's Tesseract (rus+eng): a chat picture drawn with the
bundled font, read back; and the message when Tesseract is missing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from messages_support import draw_chat_screenshot

from app.domain.errors import ValidationError
from app.domain.messages.records import Direction
from app.ingest.messages import screenshot
from app.ingest.messages.common import ParseOptions, ZoneNeeded


def test_bubbles_sides_times_and_day(tmp_path: Path) -> None:
    picture = draw_chat_screenshot(tmp_path / "shot.png")
    chat = screenshot.parse_screenshot(
        picture, ParseOptions(tz="Europe/Moscow", owner="+79037654321")
    )
    assert chat.title == "Иван Курьер"
    got = [(m.direction, m.text, m.sent_utc) for m in chat.messages]
    assert got == [
        (Direction.INCOMING, "Здравствуйте, это курьер", datetime(2025, 9, 12, 18, 30, tzinfo=UTC)),
        (Direction.OUTGOING, "Что вам нужно?", datetime(2025, 9, 12, 18, 32, tzinfo=UTC)),
        (Direction.INCOMING, "Ты пожалеешь, сука", datetime(2025, 9, 12, 18, 40, tzinfo=UTC)),
    ]
    assert all(m.from_screenshot and m.region for m in chat.messages)
    assert chat.messages[1].sender_number == "+79037654321"


def test_no_date_on_the_picture_is_asked(tmp_path: Path) -> None:
    picture = draw_chat_screenshot(tmp_path / "shot.png", day="")
    with pytest.raises(ValidationError, match="--date"):
        screenshot.parse_screenshot(picture, ParseOptions(tz="UTC"))
    chat = screenshot.parse_screenshot(picture, ParseOptions(tz="UTC", date="2025-09-13"))
    assert chat.messages[0].sent_utc.date().isoformat() == "2025-09-13"


def test_zone_is_asked(tmp_path: Path) -> None:
    with pytest.raises(ZoneNeeded):
        screenshot.parse_screenshot(draw_chat_screenshot(tmp_path / "s.png"), ParseOptions())


def test_missing_tesseract_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CASEBOOK_TESSERACT", raising=False)
    with pytest.raises(ValidationError, match="tesseract-ocr-rus"):
        screenshot.tesseract_path()
