"""Reading a case's messages: the filtered chat, audited reveals of the senders' numbers,
the senders and their party links (a courier's private number found in a chat joins the
party's numbers), and the dossier selection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.domain.cases import PartyRole
from app.domain.errors import NotFound, ValidationError
from app.domain.phones import digits_of, mask, normalize
from app.domain.privacy import keyed_fingerprint
from app.services.core.checkpoints import fingerprint_secret
from app.services.core.context import ServiceContext
from app.services.messages.dto import (
    AttachmentView,
    FlagView,
    MessageFilter,
    MessageView,
    SenderView,
)
from app.storage.repositories import calls as call_repo
from app.storage.repositories import messages as repo
from app.storage.repositories import office as office_repo

LIST_LIMIT = 100_000


def _criteria(flt: MessageFilter, ids: Sequence[int] | None = None) -> repo.MessageCriteria:
    return repo.MessageCriteria(
        flagged=flt.flagged,
        sender=flt.sender,
        search=flt.search,
        since=flt.since,
        until=flt.until,
        party_id=flt.party_id,
        in_dossier=flt.in_dossier,
        ids=tuple(ids) if ids is not None else None,
    )


def _sender_shown(sender: str, reveal: bool, region: str) -> str:
    """A sender named only by a phone number is personal data too: masked unless revealed."""
    if "*" in sender:  # masked by an office server already
        return mask(sender)
    if reveal or sum(ch.isdigit() for ch in sender) < 5:
        return sender
    phone = normalize(sender, region)
    return mask(phone.e164) if phone.e164 else sender


def _view(stored: repo.StoredMessage, reveal: bool, region: str) -> MessageView:
    number = stored.sender_number
    return MessageView(
        id=stored.id,
        sent_utc=stored.sent_utc,
        sender=_sender_shown(stored.sender, reveal, region),
        sender_number=(number if reveal else mask(number)) if number else None,
        direction=stored.direction,
        kind=stored.kind,
        text=stored.text,
        flags=tuple(FlagView(*f) for f in stored.flags),
        source=f"{stored.source_format}:{stored.source_name}:{stored.line}",
        chat=stored.chat,
        edited=stored.edited,
        from_screenshot=stored.from_screenshot,
        screenshot_id=stored.screenshot_id,
        region=stored.region,
        party_id=stored.party_id,
        in_dossier=stored.in_dossier,
        attachments=tuple(
            AttachmentView(a.id, a.name, a.mime, a.evidence_id, a.sha256)
            for a in stored.attachments
        ),
    )


def message_ids(ctx: ServiceContext, case_id: int, flt: MessageFilter | None = None) -> list[int]:
    """Ids of the messages that pass `flt`, in time order."""
    with ctx.session() as session:
        return repo.message_ids(session, case_id, _criteria(flt or MessageFilter()))


def messages_by_ids(ctx: ServiceContext, case_id: int, ids: Sequence[int]) -> list[MessageView]:
    """Masked views of these messages (a page of the chat)."""
    with ctx.session() as session:
        rows = repo.messages_by_ids(session, list(ids))
    region = ctx.settings.phone_region
    return [_view(r, False, region) for r in rows if r.id in set(ids)]


def list_messages(
    ctx: ServiceContext, case_id: int, flt: MessageFilter | None = None
) -> list[MessageView]:
    ids = message_ids(ctx, case_id, flt)[:LIST_LIMIT]
    return messages_by_ids(ctx, case_id, ids)


def reveal_messages(
    ctx: ServiceContext, case_id: int, ids: Sequence[int], reason: str
) -> list[MessageView]:
    """Unmasked views. Needs a reason; audited in the same transaction (by message ids and
    reason, never the numbers themselves)."""
    if len(reason.strip()) < 3:
        raise ValidationError("say why the personal data is revealed", field="reason")
    with ctx.transaction() as session:
        rows = repo.messages_by_ids(session, list(ids))
        if repo.cases_of_messages(session, [r.id for r in rows]) - {case_id}:
            raise ValidationError("some messages belong to another case", field="ids")
        if ctx.identity is not None:  # an office server reveals and audits it itself
            real = office_repo.reveal_messages(session, case_id, [r.id for r in rows], reason)
            rows = [
                replace(r, sender=real[r.id][0], sender_number=real[r.id][1]) if r.id in real else r
                for r in rows
            ]
            return [_view(r, True, ctx.settings.phone_region) for r in rows]
        ctx.audit(
            session,
            action="reveal",
            entity="messages",
            entity_id=case_id,
            case_id=case_id,
            after={
                "field": "sender_number",
                "reason": reason.strip(),
                "count": len(rows),
                "message_ids": [r.id for r in rows][:1000],
            },
        )
    region = ctx.settings.phone_region
    return [_view(r, True, region) for r in rows]


def _sender_key(secret: bytes, sender: str, number: str | None) -> str:
    """An opaque handle of a sender: scripts can pass it back without seeing the number (keyed
    with the installation's secret: a bare hash would give the number back)."""
    return keyed_fingerprint(f"{number or ''}|{'' if number else sender}", secret)


def senders(ctx: ServiceContext, case_id: int) -> list[SenderView]:
    """Everyone who wrote in the case's chats, with counts and party links (numbers masked)."""
    with ctx.session() as session:
        stats = repo.sender_stats(session, case_id)
    region = ctx.settings.phone_region
    secret = fingerprint_secret(ctx)
    return [
        SenderView(
            sender=_sender_shown(s.sender, False, region),
            sender_number=mask(s.sender_number) if s.sender_number else None,
            party_id=s.party_id,
            messages=s.messages,
            flagged=s.flagged,
            first_utc=s.first_utc,
            last_utc=s.last_utc,
            key=_sender_key(secret, s.sender, s.sender_number),
        )
        for s in stats
    ]


def link_sender(
    ctx: ServiceContext, case_id: int, key: str, party_id: int | None
) -> tuple[int, bool]:
    """Link every message of one sender (a `SenderView.key`) to a party, or unlink
    (`party_id` None). When the sender wrote from a number the party does not have yet, the
    number joins the party's numbers, so the call detectors use it too. Returns (messages
    linked, number added). Audited."""
    secret = fingerprint_secret(ctx)
    with ctx.transaction() as session:
        stats = repo.sender_stats(session, case_id)
        match = next(
            (s for s in stats if _sender_key(secret, s.sender, s.sender_number) == key), None
        )
        if match is None:
            raise NotFound("no such sender in this case's messages")
        added = False
        if party_id is not None:
            if not call_repo.party_exists(session, case_id, party_id):
                raise NotFound(f"no party {party_id} in this case")
            number = match.sender_number
            if number and number not in call_repo.party_phone_values(session, party_id):
                owners = call_repo.party_numbers(session, case_id)
                if number in owners and owners[number].party_id != party_id:
                    raise ValidationError(
                        f"this number already belongs to {owners[number].name}", field="party"
                    )
                call_repo.link_phone(session, party_id, number, digits_of(number))
                added = True
        count = repo.set_sender_party(session, case_id, match.sender, match.sender_number, party_id)
        ctx.audit(
            session,
            action="update",
            entity="message_sender",
            entity_id=case_id,
            case_id=case_id,
            after={
                "sender": match.sender if not match.sender_number else mask(match.sender_number),
                "party_id": party_id,
                "messages": count,
                "number_added_to_party": added,
            },
        )
        return count, added


def set_in_dossier(ctx: ServiceContext, case_id: int, ids: Sequence[int], value: bool) -> int:
    """Mark messages to be quoted in the dossier (or unmark); audited."""
    with ctx.transaction() as session:
        changed = repo.set_in_dossier(session, case_id, ids, value)
        ctx.audit(
            session,
            action="update",
            entity="messages",
            entity_id=case_id,
            case_id=case_id,
            after={"in_dossier": value, "message_ids": list(ids)[:1000], "count": changed},
        )
        return changed


def courier_party_ids(ctx: ServiceContext, case_id: int) -> list[tuple[int, str, str]]:
    """(id, name, role) of the case's parties, subject courier first (for link choices)."""
    with ctx.session() as session:
        parties = repo.party_names(session, case_id)
    return sorted(parties, key=lambda p: (p[2] != PartyRole.SUBJECT, p[1]))


def case_zone(ctx: ServiceContext, case_id: int) -> str:
    with ctx.session() as session:
        return call_repo.case_zone(session, case_id)


def find_party(ctx: ServiceContext, case_id: int, ref: str) -> int:
    """A party of the case by id, courier ID or name."""
    with ctx.session() as session:
        found = call_repo.find_party(session, case_id, ref)
    if found is None:
        raise NotFound(f"no party {ref!r} in this case")
    return found


def sender_key_of(ctx: ServiceContext, case_id: int, ref: str) -> str:
    """A sender's key from the key itself, the sender's name or their number's digits."""
    known = senders(ctx, case_id)
    if any(s.key == ref for s in known):
        return ref
    with ctx.session() as session:
        stats = repo.sender_stats(session, case_id)
    digits = digits_of(ref)
    secret = fingerprint_secret(ctx)
    hits = {
        _sender_key(secret, s.sender, s.sender_number)
        for s in stats
        if repo.fold(s.sender) == repo.fold(ref.strip())
        or (len(digits) >= 5 and s.sender_number and digits in digits_of(s.sender_number))
    }
    if len(hits) != 1:
        raise ValidationError(
            f"{ref!r} names {'no' if not hits else 'more than one'} sender; "
            "use a key from `casebook messages senders`",
            field="sender",
        )
    return hits.pop()


DOSSIER_QUOTES = 2_000  # a dossier quotes evidence, it is not a chat export


def dossier_quotes(ctx: ServiceContext, case_id: int, reveal: bool) -> list[MessageView]:
    """The messages a dossier quotes: those the investigator added and every flagged one, in
    time order; numbers unmasked only when `reveal` (the police profile; the export itself is
    audited by the dossier service)."""
    with ctx.session() as session:
        chosen = repo.message_ids(session, case_id, repo.MessageCriteria(in_dossier=True))
        flagged = repo.message_ids(session, case_id, repo.MessageCriteria(flagged=True))
        ids = sorted(set(chosen) | set(flagged))[:DOSSIER_QUOTES]
        rows = repo.messages_by_ids(session, ids)
    region = ctx.settings.phone_region
    views = [_view(r, reveal, region) for r in rows]
    return sorted(views, key=lambda v: (v.sent_utc, v.id))
