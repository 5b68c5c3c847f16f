"""One entry point for files, folders and zips: the format recognised, the export's pages and
attachments found, and what cannot be an export refused with its name."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.ingest.messages.common import ParseOptions
from app.ingest.messages.exports import read_export

DATA = Path(__file__).resolve().parents[2] / "data" / "messages"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body>
<div class="page_header"><div class="text bold">Иван</div></div><div class="history">{body}
</div></body></html>"""
MESSAGE = (
    '<div class="message default clearfix{joined}" id="message{n}"><div class="body">'
    '<div class="pull_right date details" title="12.09.2025 21:3{n}:00 UTC+03:00">21:3{n}</div>'
    '{name}{media}<div class="text">{text}</div></div></div>'
)


def message(n: int, text: str, name: str = "", media: str = "") -> str:
    return MESSAGE.format(
        n=n, text=text, joined="" if name else " joined", media=media,
        name=f'<div class="from_name">{name}</div>' if name else "",
    )  # fmt: skip


def test_telegram_html_folder_pages_and_photo(tmp_path: Path) -> None:
    folder = tmp_path / "ChatExport_2025-09-13"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "photo_1.jpg").write_bytes(b"\xff\xd8\xff\xe0jpeg")
    photo = ('<div class="media_wrap clearfix"><a class="photo_wrap" href="photos/photo_1.jpg">'
             "</a></div>")  # fmt: skip
    (folder / "messages.html").write_text(PAGE.format(body=message(1, "Привет", "Иван")), "utf-8")
    (folder / "messages2.html").write_text(
        PAGE.format(body=message(2, "", media=photo) + message(3, "сука")), "utf-8"
    )
    read = read_export(folder)
    assert read.format.value == "telegram-html"
    assert read.container.name == "messages.html" and [p.name for p in read.parts] == [
        "messages2.html"
    ]
    assert [m.sender for m in read.chat.messages] == ["Иван"] * 3
    assert read.attachments["photos/photo_1.jpg"].read() == b"\xff\xd8\xff\xe0jpeg"


def test_telegram_json_zip_with_photo(tmp_path: Path) -> None:
    export = {"name": "Иван", "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1757701805", "from": "Иван",
         "from_id": "user2", "photo": "photos/photo_1.jpg", "text": "смотри"}]}  # fmt: skip
    archive = tmp_path / "telegram.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("ChatExport/result.json", json.dumps(export, ensure_ascii=False))
        z.writestr("ChatExport/photos/photo_1.jpg", b"jpeg")
    read = read_export(archive)
    assert read.format.value == "telegram-json" and read.container.name == "telegram.zip"
    assert read.attachments["photos/photo_1.jpg"].read() == b"jpeg"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("memacs_smsxml.xml", "sms-xml"), ("chatminer_telegram_single.json", "telegram-json"),
     ("pustur_short-chat.txt", "whatsapp")],
)  # fmt: skip
def test_formats_are_recognised(name: str, fmt: str) -> None:
    assert read_export(DATA / name, options=ParseOptions(tz="UTC")).format.value == fmt


def test_what_is_no_export_is_refused(tmp_path: Path) -> None:
    odd = tmp_path / "notes.bin"
    odd.write_bytes(b"\x00\x01")
    with pytest.raises(ValidationError, match=r"notes\.bin"):
        read_export(odd)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("readme.md", "nothing")
    with pytest.raises(ValidationError, match="no chat export inside"):
        read_export(empty)
    with pytest.raises(ValidationError, match=r"no result\.json"):
        read_export(tmp_path)
