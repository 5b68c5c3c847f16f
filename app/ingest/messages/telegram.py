"""Telegram Desktop exports: `result.json` (one chat or the whole account) and the HTML
export (`messages.html`, `messages2.html`, … one file per thousand messages).

JSON: `date_unixtime` is UTC (older exports only have the local `date`, read in the given
zone); `text` is a string or a list of plain strings and entities; service entries
(`type: service`) are kept as system messages; `photo`/`file` name the attachment inside the
export. A full-account export names its owner (`personal_information`) and the contacts'
numbers, which become the senders' numbers.
HTML: the time is the `title` of `.date.details` (`12.09.2025 21:30:05 UTC+03:00`; older
exports have no offset and need the zone); a "joined" message continues its sender from the
message before it, across page files too.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

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
from app.ingest.messages.common import (
    ParseOptions,
    ZoneNeeded,
    epoch_to_utc,
    local_to_utc,
    owner_number,
    phone_or_none,
)


def _flatten(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", "")) for part in text
        )
    return ""


def _contacts(data: dict[str, Any], region: str) -> dict[str, str]:
    """Name → E.164 from a full export's contact list."""
    out: dict[str, str] = {}
    for item in (data.get("contacts") or {}).get("list") or []:
        name = f"{item.get('first_name', '')} {item.get('last_name', '')}".strip()
        number = phone_or_none(item.get("phone_number"), region)
        if name and number:
            out[name] = number
    return out


def _chats(data: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(data.get("messages"), list):
        return [data]
    chats = (data.get("chats") or {}).get("list")
    if isinstance(chats, list):
        return [c for c in chats if isinstance(c, dict)]
    raise ValidationError("not a Telegram export: no `messages` and no `chats.list`", field="file")


def _sent(message: dict[str, Any], tz: str | None, name: str) -> datetime:
    if message.get("date_unixtime"):
        return epoch_to_utc(int(message["date_unixtime"]))
    local = datetime.fromisoformat(str(message["date"]))
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    if tz is None:
        raise ZoneNeeded(name, str(message["date"]))
    return local_to_utc(local, tz)


def _attachments(message: dict[str, Any]) -> tuple[Attachment, ...]:
    out: list[Attachment] = []
    for key in ("photo", "file", "thumbnail"):
        value = message.get(key)
        if isinstance(value, str) and value and not value.startswith("(File not included"):
            if key == "thumbnail" and out:
                continue
            out.append(
                Attachment(value.rsplit("/", 1)[-1], value, str(message.get("mime_type", "")))
            )
    return tuple(out)


def parse_telegram_json(raw: bytes | str, name: str, options: ParseOptions) -> ParsedChat:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{name}: not JSON ({exc})", field="file") from None
    if not isinstance(data, dict):
        raise ValidationError(f"{name}: not a Telegram export", field="file")
    personal = data.get("personal_information") or {}
    own = owner_number(options) or phone_or_none(personal.get("phone_number"), options.region)
    own_id = f"user{personal['user_id']}" if personal.get("user_id") else None
    owner_name = (options.owner or "").casefold()
    numbers = _contacts(data, options.region)
    chats = _chats(data)
    parsed = ParsedChat(
        MessageFormat.TELEGRAM_JSON,
        title=str(chats[0].get("name") or "") if len(chats) == 1 else "",
        owner=options.owner or (
            f"{personal.get('first_name', '')} {personal.get('last_name', '')}".strip() or None
        ),
        owner_number=own,
    )  # fmt: skip
    for chat in chats:
        title = str(chat.get("name") or "")
        for index, message in enumerate(chat.get("messages") or [], start=1):
            if not isinstance(message, dict):
                parsed.rejected.append(Rejection(index, "not_a_message"))
                continue
            try:
                sent = _sent(message, options.tz, name)
            except ZoneNeeded:
                raise
            except (KeyError, ValueError, TypeError, OverflowError) as exc:
                parsed.rejected.append(Rejection(index, "bad_time", str(exc)[:80]))
                continue
            text = _flatten(message.get("text"))
            ident = str(message.get("id", index))
            if message.get("type") == "service":
                actor = str(message.get("actor") or "")
                action = str(message.get("action") or "")
                body = " ".join(p for p in (action, text) if p)
                parsed.messages.append(
                    MessageRecord(
                        index, sent, actor, body, MessageKind.SYSTEM, chat=title, external_id=ident
                    )
                )
                continue
            sender = str(message.get("from") or "")
            from_id = str(message.get("from_id") or "")
            if not sender and not from_id:
                parsed.rejected.append(Rejection(index, "no_sender"))
                continue
            mine = (own_id is not None and from_id == own_id) or (
                bool(owner_name) and sender.casefold() == owner_name
            )
            number = own if mine else numbers.get(sender)
            attachments = _attachments(message)
            media = attachments or message.get("media_type") or message.get("photo")
            reply = message.get("reply_to_message_id")
            parsed.messages.append(
                MessageRecord(
                    line=index,
                    sent_utc=sent,
                    sender=sender or from_id,
                    text=text,
                    kind=MessageKind.MEDIA if media else MessageKind.TEXT,
                    sender_number=number,
                    direction=(Direction.OUTGOING if mine else Direction.INCOMING)
                    if (own_id or owner_name or own)
                    else None,
                    chat=title,
                    edited=bool(message.get("edited") or message.get("edited_unixtime")),
                    reply_to=str(reply) if reply is not None else None,
                    external_id=ident,
                    attachments=attachments,
                )
            )
    return parsed


_TITLE = re.compile(
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}) (?P<H>\d{1,2}):(?P<M>\d{2}):(?P<S>\d{2})"
    r"(?: UTC(?P<sign>[+-])(?P<oh>\d{2}):(?P<om>\d{2}))?"
)


def _html_time(title: str, tz: str | None, name: str) -> datetime:
    match = _TITLE.search(title)
    if match is None:
        raise ValueError(f"no time in {title!r}")
    g = match.groupdict()
    local = datetime(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]))
    if g["sign"]:
        offset = timedelta(hours=int(g["oh"]), minutes=int(g["om"]))
        zone = timezone(offset if g["sign"] == "+" else -offset)
        return local.replace(tzinfo=zone).astimezone(UTC)
    if tz is None:
        raise ZoneNeeded(name, title.strip())
    return local_to_utc(local, tz)


def _text_of(element: Any) -> str:
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return str(element.text_content()).strip()


def _own_child(body: Any, cls: str) -> Any:
    """The first element of class `cls` in a message body that is not inside a forwarded
    message's own body."""
    for found in body.xpath(
        f".//div[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"
    ):
        if not found.xpath("ancestor::div[contains(@class, 'forwarded')]"):
            return found
    return None


@functools.cache
def _html() -> Any:
    """lxml's HTML module and a UTF-8 parser, loaded on the first HTML export: lxml's start-up
    holds the interpreter lock ~50 ms, which the GUI would feel if every start paid it."""
    import lxml.html

    return lxml.html, lxml.html.HTMLParser(encoding="utf-8")


def parse_telegram_html(pages: Sequence[tuple[str, bytes]], options: ParseOptions) -> ParsedChat:
    """`pages`: (file name, bytes) of `messages.html`, `messages2.html`, … in order. Lines are
    numbered per page as `page * 100000 + element line` so a rejection names its file."""
    own = owner_number(options)
    owner_name = (options.owner or "").casefold()
    parsed = ParsedChat(MessageFormat.TELEGRAM_HTML, owner=options.owner, owner_number=own)
    sender = ""
    html, parser = _html()
    for page, (name, data) in enumerate(pages):
        root = html.document_fromstring(data, parser=parser)
        if not parsed.title:
            header = root.xpath(
                "//div[contains(@class,'page_header')]//div[contains(@class,'text')]"
            )
            parsed.title = _text_of(header[0]) if header else ""
        messages = root.xpath(
            "//div[contains(concat(' ', normalize-space(@class), ' '), ' message ')]"
        )
        if page == 0 and not messages:
            raise ValidationError(f"{name}: no Telegram messages in this HTML file", field="file")
        for element in messages:
            line = page * 100_000 + int(element.sourceline or 0)
            classes = set((element.get("class") or "").split())
            if "service" in classes:
                continue  # date separators and service notes carry no time of their own
            date = _own_child(element, "date")
            if date is None:
                parsed.rejected.append(Rejection(line, "bad_time", "no date"))
                continue
            try:
                sent = _html_time(date.get("title") or "", options.tz, name)
            except ValueError as exc:
                parsed.rejected.append(Rejection(line, "bad_time", str(exc)[:80]))
                continue
            who = _own_child(element, "from_name")
            if who is not None:
                for detail in who.xpath(".//span"):
                    detail.drop_tree()
                sender = _text_of(who)
            elif "joined" not in classes and not sender:
                parsed.rejected.append(Rejection(line, "no_sender"))
                continue
            text_div = _own_child(element, "text")
            text = _text_of(text_div) if text_div is not None else ""
            links = [
                a.get("href")
                for a in element.xpath(".//div[contains(@class,'media_wrap')]//a[@href]")
            ]
            attachments = tuple(
                Attachment(h.rsplit("/", 1)[-1], h)
                for h in links
                if h and not h.startswith(("http", "#"))
            )
            reply = element.xpath(".//div[contains(@class,'reply_to')]//a/@href")
            mine = bool(owner_name) and sender.casefold() == owner_name
            parsed.messages.append(
                MessageRecord(
                    line=line,
                    sent_utc=sent,
                    sender=sender,
                    text=text,
                    kind=MessageKind.MEDIA if attachments or links else MessageKind.TEXT,
                    sender_number=own if mine else None,
                    direction=(Direction.OUTGOING if mine else Direction.INCOMING)
                    if owner_name
                    else None,
                    chat=parsed.title,
                    edited="edited" in (date.get("title") or "").lower(),
                    reply_to=_reply_id(reply),
                    external_id=(element.get("id") or "").removeprefix("message") or None,
                    attachments=attachments,
                )
            )
    return parsed


def _reply_id(hrefs: Iterable[str]) -> str | None:
    for href in hrefs:
        match = re.search(r"go_to_message(\d+)", href)
        if match:
            return match.group(1)
    return None
