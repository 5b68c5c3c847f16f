"""SMS Backup & Restore XML: a public backup sample with its known times, MMS, drafts, the
untrusted `count`, and a hostile file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.domain.messages.records import Direction, MessageKind
from app.ingest.messages.common import ParseOptions
from app.ingest.messages.sms import parse_sms_xml

DATA = Path(__file__).resolve().parents[2] / "data" / "messages"
OWNER = ParseOptions(owner="+7 903 765-43-21")


def test_memacs_sample_times_directions_and_lines() -> None:
    """novoid/Memacs' test backup (GPL-3.0 test data): 1 received, 3 sent."""
    chat = parse_sms_xml((DATA / "memacs_smsxml.xml").read_bytes(), "sms.xml", OWNER)
    assert [m.direction for m in chat.messages] == [Direction.INCOMING] + [Direction.OUTGOING] * 3
    first = chat.messages[0]
    assert first.sent_utc == datetime(2011, 8, 4, 10, 5, 53, tzinfo=UTC)  # 1312452353000 ms
    assert first.sender_number == "+436812314123"
    assert first.text == "did you see the new sms memacs module?"
    assert [m.line for m in chat.messages] == [3, 4, 5, 6]
    assert chat.messages[1].sender_number == "+79037654321"


BACKUP = b"""<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="1" backup_set="x">
  <sms protocol="0" address="+79161234567" date="1757701805000" type="1" body="\xd0\xa2\xd1\x8b \xd1\x81\xd1\x83\xd0\xba\xd0\xb0" contact_name="(Unknown)" />
  <sms protocol="0" address="+79161234567" date="1757701900000" type="3" body="draft" />
  <mms date="1757702000000" msg_box="1" address="+79161234567" contact_name="Ivan">
    <parts>
      <part seq="-1" ct="application/smil" name="null" text="&lt;smil&gt;" />
      <part seq="0" ct="image/png" name="pic.png" cl="pic.png" data="iVBORw0KGgo=" />
      <part seq="0" ct="text/plain" name="null" text="look" />
    </parts>
    <addrs>
      <addr address="+79161234567" type="137" charset="106" />
      <addr address="+79037654321" type="151" charset="106" />
    </addrs>
  </mms>
  <sms protocol="0" address="+79161234567" date="soon" type="1" body="bad" />
</smses>
"""  # noqa: E501


def test_sms_mms_drafts_and_untrusted_count() -> None:
    chat = parse_sms_xml(BACKUP, "sms.xml", OWNER)
    assert len(chat.messages) == 2  # count="1" is not trusted
    sms, mms = chat.messages
    assert sms.text == "Ты сука" and sms.sender == "+79161234567"
    assert mms.kind == MessageKind.MEDIA and mms.text == "look" and mms.sender == "Ivan"
    assert mms.attachments[0].name == "pic.png"
    assert mms.attachments[0].data == b"\x89PNG\r\n\x1a\n"
    assert [(r.line, r.reason) for r in chat.rejected] == [(4, "not_sent"), (16, "bad_time")]


def test_entities_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><smses><sms body="&a;"/></smses>'
    with pytest.raises(ValidationError, match="refused"):
        parse_sms_xml(bomb, "sms.xml", OWNER)


def test_not_a_backup() -> None:
    with pytest.raises(ValidationError, match="root is <calls>"):
        parse_sms_xml(b"<calls count='0'></calls>", "calls.xml", OWNER)
    with pytest.raises(ValidationError, match=r"sms\.xml:1"):
        parse_sms_xml(b"<smses><sms", "sms.xml", OWNER)
