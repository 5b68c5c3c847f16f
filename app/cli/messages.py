"""`casebook import messages`, `casebook messages list|senders|link|dossier` (issue 13: the
names and JSON keys of `import messages` and `messages list` are stable). Services are
imported inside the handlers so `--help` starts without the database layer."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import ValidationError

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext

FORMATS = ("auto", "telegram-json", "telegram-html", "whatsapp", "sms-xml", "screenshot")


def _import_group(sub: Any) -> Any:
    """The `import` command's subcommands (calls registers `import calls|orders` first)."""
    parser = sub.choices["import"]
    for action in parser._actions:  # argparse keeps no public handle on a subparser group
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the `import` command has no subcommands")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = _import_group(sub).add_parser(
        "messages", help="import a chat export, SMS backup or screenshot", parents=[common]
    )
    imp.add_argument("case", help="case id or number")
    imp.add_argument("file", help="the export: a file, a zip, or a Telegram export folder")
    imp.add_argument("--format", choices=FORMATS, default="auto")
    imp.add_argument("--tz", help="zone of times written without one (e.g. Europe/Moscow)")
    imp.add_argument("--owner", help="phone number (or name) of the person the export is from")
    imp.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help="answer for dates that read both ways (01/02/2025) in a WhatsApp export",
    )
    imp.add_argument("--date", help="the day a screenshot shows, when it shows none (YYYY-MM-DD)")
    imp.add_argument("--provided-by", default="", help="who handed the export over")
    imp.set_defaults(handler=_import)

    msg = sub.add_parser("messages", help="the messages of a case", parents=[common])
    msg_sub = msg.add_subparsers(dest="messages_command", required=True)
    lst = msg_sub.add_parser("list", help="list messages (numbers masked)", parents=[common])
    lst.add_argument("case")
    lst.add_argument("--flagged", action="store_true", help="only abusive or threatening ones")
    lst.add_argument("--sender", help="a sender's name or any run of their number's digits")
    lst.add_argument("--search", help="text to find (case-insensitive, ё = е)")
    lst.add_argument("--since", help="ISO 8601; no zone = the case's zone")
    lst.add_argument("--until", help="ISO 8601; no zone = the case's zone")
    lst.add_argument("--reveal", action="store_true", help="show real numbers (audited)")
    lst.add_argument("--reason", help="why the numbers are revealed (needed with --reveal)")
    lst.set_defaults(handler=_list)

    who = msg_sub.add_parser("senders", help="who wrote, and their parties", parents=[common])
    who.add_argument("case")
    who.set_defaults(handler=_senders)

    link = msg_sub.add_parser(
        "link", help="link a sender to a party (its number joins the party's)", parents=[common]
    )
    link.add_argument("case")
    link.add_argument("--sender", required=True, help="the key shown by `messages senders`")
    link.add_argument("--party", help="party id, courier ID or name (omit to unlink)")
    link.set_defaults(handler=_link)

    mark = msg_sub.add_parser("dossier", help="quote messages in the dossier", parents=[common])
    mark.add_argument("case")
    mark.add_argument("ids", nargs="+", type=int, help="message ids")
    mark.add_argument("--off", action="store_true", help="take them out of the dossier")
    mark.set_defaults(handler=_dossier)


def _import(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.messages.dto import ImportRequest
    from app.services.messages.importing import import_messages

    case_id = resolve_case(ctx, args.case)
    day_first = {"dmy": True, "mdy": False}.get(args.date_order or "")
    result = import_messages(
        ctx,
        case_id,
        args.file,
        ImportRequest(
            fmt=args.format,
            tz=args.tz,
            owner=args.owner,
            day_first=day_first,
            date=args.date,
            provided_by=args.provided_by,
        ),
    )
    return {
        "batch_id": result.batch_id,
        "format": result.format,
        "imported": result.imported,
        "duplicates": result.duplicates,
        "rejected": [{"line": r.line, "reason": r.reason} for r in result.rejected],
        "flagged": result.flagged,
    }


def _moment(text: str | None, tz: str, field: str) -> datetime | None:
    from app.domain.timeutil import parse_iso

    return parse_iso(text, tz, field) if text else None


def _list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.messages.dto import MessageFilter
    from app.services.messages.query import (
        case_zone,
        message_ids,
        messages_by_ids,
        reveal_messages,
    )

    if args.reveal and not (args.reason or "").strip():
        raise ValidationError("--reveal needs --reason", field="reason")
    case_id = resolve_case(ctx, args.case)
    tz = case_zone(ctx, case_id)
    flt = MessageFilter(
        flagged=args.flagged,
        sender=args.sender or "",
        search=args.search or "",
        since=_moment(args.since, tz, "since"),
        until=_moment(args.until, tz, "until"),
    )
    ids = message_ids(ctx, case_id, flt)
    views = (
        reveal_messages(ctx, case_id, ids, args.reason)
        if args.reveal
        else messages_by_ids(ctx, case_id, ids)
    )
    return {
        "messages": [
            {
                "id": v.id,
                "sent_utc": v.sent_utc,
                "sender": v.sender,
                "sender_number": v.sender_number,
                "direction": v.direction,
                "text": v.text,
                "flags": [
                    {"category": f.category, "word": f.word, "start": f.start, "end": f.end}
                    for f in v.flags
                ],
                "source": v.source,
            }
            for v in views
        ]
    }


def _senders(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.messages.query import senders

    case_id = resolve_case(ctx, args.case)
    return {
        "senders": [
            {
                "key": s.key,
                "sender": s.sender,
                "sender_number": s.sender_number,
                "party_id": s.party_id,
                "messages": s.messages,
                "flagged": s.flagged,
                "first_utc": s.first_utc,
                "last_utc": s.last_utc,
            }
            for s in senders(ctx, case_id)
        ]
    }


def _link(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.messages.query import find_party, link_sender, sender_key_of

    case_id = resolve_case(ctx, args.case)
    party_id = find_party(ctx, case_id, args.party) if args.party else None
    count, added = link_sender(ctx, case_id, sender_key_of(ctx, case_id, args.sender), party_id)
    return {"linked": count, "party_id": party_id, "number_added": added}


def _dossier(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.messages.query import set_in_dossier

    case_id = resolve_case(ctx, args.case)
    return {"changed": set_in_dossier(ctx, case_id, args.ids, not args.off)}
