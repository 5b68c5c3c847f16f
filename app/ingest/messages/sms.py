"""SMS Backup & Restore XML (`<smses>` of `<sms>` and `<mms>`), read with a hardened parser
(no entities, no DTDs: a backup is a file from someone else's phone).

`sms type` 1 is received (the `address` wrote to the phone's owner), 2 sent (the owner wrote
to `address`); drafts, outbox and failed messages were never delivered and are listed as
rejected. `mms msg_box` works the same; its sender is the `addr` of type 137. `date` is epoch
milliseconds in UTC. The root's `count` is not trusted: every element is read.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any
from xml.sax import SAXException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml.sax
from defusedxml import DefusedXmlException

from app.domain.errors import ValidationError
from app.domain.messages.records import (
    Attachment,
    Direction,
    MessageFormat,
    MessageKind,
    MessageRecord,
    ParsedChat,
    Rejection,
)
from app.ingest.messages.common import ParseOptions, epoch_to_utc, owner_number, phone_or_none

_BOX = {"1": Direction.INCOMING, "2": Direction.OUTGOING}
_NOT_SENT = {"3": "draft", "4": "outbox", "5": "failed", "6": "queued"}
_FROM, _TO = "137", "151"


class _Handler(ContentHandler):
    def __init__(self, options: ParseOptions, chat: ParsedChat) -> None:
        super().__init__()
        self.options = options
        self.chat = chat
        self.own = chat.owner_number
        self.locator: Locator | None = None
        self.mms: dict[str, Any] | None = None
        self.seen_root = False

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def _line(self) -> int:
        line = self.locator.getLineNumber() if self.locator is not None else None
        return int(line or 0)

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        if not self.seen_root:
            if name != "smses":
                raise ValidationError(f"not an SMS backup: the root is <{name}>", field="file")
            self.seen_root = True
            return
        if name == "sms":
            self._sms(dict(attrs))
        elif name == "mms":
            self.mms = {"attrs": dict(attrs), "line": self._line(), "parts": [], "addrs": []}
        elif self.mms is not None and name == "part":
            self.mms["parts"].append(dict(attrs))
        elif self.mms is not None and name == "addr":
            self.mms["addrs"].append(dict(attrs))

    def endElement(self, name: str) -> None:
        if name == "mms" and self.mms is not None:
            self._finish_mms(self.mms)
            self.mms = None

    def _time(self, raw: str | None, line: int) -> Any:
        try:
            return epoch_to_utc(int(raw or "") / 1000)
        except (ValueError, OverflowError, OSError):
            self.chat.rejected.append(Rejection(line, "bad_time", str(raw)[:40]))
            return None

    def _record(
        self, line: int, attrs: dict[str, str], box: str, text: str, address: str,
        kind: MessageKind = MessageKind.TEXT, attachments: tuple[Attachment, ...] = (),
        sender_address: str | None = None,
    ) -> None:  # fmt: skip
        if box in _NOT_SENT:
            self.chat.rejected.append(Rejection(line, "not_sent", _NOT_SENT[box]))
            return
        direction = _BOX.get(box)
        if direction is None:
            self.chat.rejected.append(Rejection(line, "unknown_type", box))
            return
        sent = self._time(attrs.get("date"), line)
        if sent is None:
            return
        region = self.options.region
        other = phone_or_none(address, region)
        name = attrs.get("contact_name") or ""
        if name in ("(Unknown)", "null"):
            name = ""
        if direction == Direction.INCOMING:
            raw_sender = sender_address or address
            number = phone_or_none(raw_sender, region) or other
            sender = name or raw_sender
        else:
            number = self.own
            sender = self.options.owner or "owner"
        self.chat.messages.append(
            MessageRecord(
                line=line,
                sent_utc=sent,
                sender=sender,
                text=text,
                kind=kind,
                sender_number=number,
                direction=direction,
                chat=name or address,
                attachments=attachments,
            )
        )

    def _sms(self, attrs: dict[str, str]) -> None:
        body = attrs.get("body", "")
        self._record(
            self._line(),
            attrs,
            attrs.get("type", ""),
            "" if body == "null" else body,
            attrs.get("address", ""),
        )

    def _finish_mms(self, mms: dict[str, Any]) -> None:
        attrs: dict[str, str] = mms["attrs"]
        texts, attachments = [], []
        for part in mms["parts"]:
            ctype = part.get("ct", "")
            if ctype == "text/plain":
                texts.append(part.get("text", ""))
            elif ctype != "application/smil":
                data = None
                if part.get("data"):
                    try:
                        data = base64.b64decode(part["data"], validate=False)
                    except (binascii.Error, ValueError):
                        data = None
                name = part.get("name") or part.get("cl") or f"part{part.get('seq', '')}"
                if name == "null":
                    name = part.get("cl") or f"part{part.get('seq', '')}"
                attachments.append(Attachment(name, "", ctype, data))
        sender = next((a.get("address") for a in mms["addrs"] if a.get("type") == _FROM), None)
        kind = MessageKind.MEDIA if attachments else MessageKind.TEXT
        self._record(
            mms["line"], attrs, attrs.get("msg_box", ""), "\n".join(texts),
            attrs.get("address", ""), kind, tuple(attachments), sender,
        )  # fmt: skip


def parse_sms_xml(data: bytes, name: str, options: ParseOptions) -> ParsedChat:
    chat = ParsedChat(
        MessageFormat.SMS_XML, owner=options.owner, owner_number=owner_number(options)
    )
    handler = _Handler(options, chat)
    try:
        defusedxml.sax.parseString(data, handler)
    except DefusedXmlException as exc:
        raise ValidationError(
            f"{name}: refused ({type(exc).__name__}): entities or DTDs in a backup", field="file"
        ) from None
    except SAXException as exc:
        line = handler._line()
        raise ValidationError(
            f"{name}:{line}: not well-formed XML ({exc.getMessage()})", field="file"
        ) from None
    return chat
