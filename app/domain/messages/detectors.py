"""Detectors over a case's messages (issue 13, item 3), with the call detectors' thresholds
(`Thresholds`: grace after delivery, how many new numbers in what window, the night) and
the same kind of finding: a code and parameters, explained in Russian or English.

- private contact: the courier writes to the complainant after the order was closed;
- new numbers: messages from several numbers no party owns, within the window;
- night: messages to the complainant at night in her zone, one finding per night;
- abuse: obscene, insulting or threatening messages, one finding per sender.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from app.domain.calls.detectors import OrderWindow
from app.domain.calls.findings import Severity, Thresholds, plural_ru
from app.domain.nights import by_night, night_params
from app.domain.phones import mask, normalize
from app.domain.timeutil import in_zone


class MessageFindingKind(StrEnum):
    PRIVATE_CONTACT = "message_private_contact"
    NEW_NUMBERS = "message_new_numbers"
    NIGHT = "message_night"
    ABUSE = "message_abuse"


@dataclass(frozen=True)
class MessageFact:
    id: int
    sent_utc: datetime
    sender: str
    sender_number: str | None
    direction: str | None  # "in" written to the export's owner, "out" by the owner
    categories: tuple[str, ...]  # abuse categories found in the text
    party_id: int | None


@dataclass(frozen=True)
class MessageFacts:
    messages: Sequence[MessageFact]
    courier_numbers: frozenset[str]
    complainant_numbers: frozenset[str]
    complainant_tz: str
    courier_parties: frozenset[int] = frozenset()
    complainant_parties: frozenset[int] = frozenset()
    known_numbers: frozenset[str] = frozenset()  # every party's numbers
    orders: Sequence[OrderWindow] = ()


@dataclass(frozen=True)
class MessageFinding:
    kind: str
    severity: str
    message_ids: tuple[int, ...]
    start_utc: datetime
    end_utc: datetime
    params: dict[str, Any] = field(default_factory=dict)  # JSON-able, numbers masked

    def explain(self, lang: str = "ru") -> str:
        table = TEMPLATES.get(lang, TEMPLATES["en"])
        count = int(self.params.get("count", 0))
        numbers = int(self.params.get("numbers", 0))
        cats = [str(c) for c in self.params.get("categories", [])]
        words = {
            "messages_ru": f"{count} {plural_ru(count, 'сообщение', 'сообщения', 'сообщений')}",
            "messages_en": f"{count} message" + ("" if count == 1 else "s"),
            "numbers_ru": f"{numbers} "
            + plural_ru(numbers, "разного номера", "разных номеров", "разных номеров"),
            "categories_ru": ", ".join(CATEGORY_RU.get(c, c) for c in cats),
            "categories_en": ", ".join(CATEGORY_EN.get(c, c) for c in cats),
        }
        key = self.kind
        if key == MessageFindingKind.PRIVATE_CONTACT and self.params.get("order") == "—":
            key = f"{key}:no_order"
        return table[key].format(**self.params, **words)


CATEGORY_RU = {"obscene": "нецензурная брань", "insult": "оскорбления", "threat": "угрозы"}
CATEGORY_EN = {"obscene": "obscenities", "insult": "insults", "threat": "threats"}

TEMPLATES: dict[str, dict[str, str]] = {
    "ru": {
        MessageFindingKind.PRIVATE_CONTACT: (
            "Курьер писал заявителю лично после закрытия заказа {order} ({closed}, допуск "
            "{grace_min} мин): {messages_ru}, первое {first}, последнее {last}."
        ),
        f"{MessageFindingKind.PRIVATE_CONTACT}:no_order": (
            "Курьер писал заявителю лично, со своего номера, минуя подменный: {messages_ru}, "
            "первое {first}, последнее {last}."
        ),
        MessageFindingKind.NEW_NUMBERS: (
            "В течение {window_h} ч заявителю писали с {numbers_ru}, не принадлежащих "
            "участникам дела ({messages_ru}): {masked}."
        ),
        MessageFindingKind.NIGHT: (
            "Сообщения заявителю ночью ({night_start}:00–{night_end}:00, {tz}) в ночь на "
            "{night}: {count}, с {first} по {last}{courier_note_ru}."
        ),
        MessageFindingKind.ABUSE: (
            "{sender} — {messages_ru} с недопустимыми выражениями ({categories_ru}), "
            "с {first} по {last}: «{example}»."
        ),
    },
    "en": {
        MessageFindingKind.PRIVATE_CONTACT: (
            "The courier wrote to the complainant privately after order {order} was closed "
            "({closed}, grace {grace_min} min): {messages_en}, first {first}, last {last}."
        ),
        f"{MessageFindingKind.PRIVATE_CONTACT}:no_order": (
            "The courier wrote to the complainant privately from his own number, bypassing "
            "the virtual one: {messages_en}, first {first}, last {last}."
        ),
        MessageFindingKind.NEW_NUMBERS: (
            "Within {window_h} h the complainant got messages from {numbers} different numbers "
            "no party owns ({messages_en}): {masked}."
        ),
        MessageFindingKind.NIGHT: (
            "Messages to the complainant at night ({night_start}:00–{night_end}:00, {tz}), "
            "night of {night}: {count}, from {first} to {last}{courier_note_en}."
        ),
        MessageFindingKind.ABUSE: (
            "{sender}: {messages_en} with abusive language ({categories_en}), from {first} "
            "to {last}: “{example}”."
        ),
    },
}


class _Context:
    def __init__(self, facts: MessageFacts, limits: Thresholds) -> None:
        self.facts = facts
        self.limits = limits
        self.messages = sorted(facts.messages, key=lambda m: (m.sent_utc, m.id))
        self.grace = timedelta(minutes=limits.grace_min)
        self.company = frozenset(limits.company_lines)

    def from_courier(self, m: MessageFact) -> bool:
        return (m.sender_number is not None and m.sender_number in self.facts.courier_numbers) or (
            m.party_id is not None and m.party_id in self.facts.courier_parties
        )

    def to_complainant(self, m: MessageFact) -> bool:
        """Written by someone other than the complainant (the export is hers)."""
        if m.direction == "out" or m.sender_number in self.company:
            return False
        if m.sender_number is not None and m.sender_number in self.facts.complainant_numbers:
            return False
        return m.party_id is None or m.party_id not in self.facts.complainant_parties

    def active(self, at: datetime) -> bool:
        for order in self.facts.orders:
            if order.start_utc is None and order.closed_utc is None:
                continue
            if order.start_utc is not None and at < order.start_utc:
                continue
            if order.closed_utc is None or at <= order.closed_utc + self.grace:
                return True
        return False

    def when(self, moment: datetime) -> str:
        return in_zone(moment, self.facts.complainant_tz).strftime("%d.%m.%Y %H:%M")


def _finding(
    ctx: _Context,
    kind: MessageFindingKind,
    severity: Severity,
    messages: Sequence[MessageFact],
    **params: object,
) -> MessageFinding:
    return MessageFinding(
        kind=kind.value,
        severity=severity.value,
        message_ids=tuple(m.id for m in messages),
        start_utc=messages[0].sent_utc,
        end_utc=messages[-1].sent_utc,
        params={
            "count": len(messages),
            "first": ctx.when(messages[0].sent_utc),
            "last": ctx.when(messages[-1].sent_utc),
            **params,
        },
    )


def private_contact(ctx: _Context) -> list[MessageFinding]:
    """Messages from the courier to the complainant outside every order's window; grouped
    by the last order closed before each (or all together when the case has no orders)."""
    closed = sorted(
        (o for o in ctx.facts.orders if o.closed_utc is not None),
        key=lambda o: o.closed_utc or datetime.min,
    )
    groups: dict[str, list[MessageFact]] = defaultdict(list)
    closing: dict[str, str] = {}
    for m in ctx.messages:
        if not (ctx.from_courier(m) and ctx.to_complainant(m)) or ctx.active(m.sent_utc):
            continue
        before = [o for o in closed if o.closed_utc is not None and o.closed_utc <= m.sent_utc]
        if closed and not before:
            continue  # before any order: not "after delivery" (the other detectors see it)
        order = before[-1] if before else None
        key = order.number if order else "—"
        groups[key].append(m)
        closing[key] = ctx.when(order.closed_utc) if order and order.closed_utc else "—"
    return [
        _finding(
            ctx,
            MessageFindingKind.PRIVATE_CONTACT,
            Severity.HIGH,
            items,
            order=key,
            closed=closing[key],
            grace_min=ctx.limits.grace_min,
        )
        for key, items in groups.items()
    ]


def new_numbers(ctx: _Context) -> list[MessageFinding]:
    """Several numbers no party owns writing to the complainant within the window."""
    window = timedelta(hours=ctx.limits.multi_window_h)
    unknown = [
        m
        for m in ctx.messages
        if ctx.to_complainant(m)
        and m.sender_number is not None
        and m.sender_number not in ctx.facts.known_numbers
        and not ctx.from_courier(m)
    ]
    findings: list[MessageFinding] = []
    start = 0
    used_until: datetime | None = None
    for end in range(len(unknown)):
        while unknown[end].sent_utc - unknown[start].sent_utc > window:
            start += 1
        span = unknown[start : end + 1]
        numbers = list(dict.fromkeys(m.sender_number or "" for m in span))
        if len(numbers) < ctx.limits.multi_min_numbers:
            continue
        if used_until is not None and span[0].sent_utc <= used_until and findings:
            last = findings.pop()
            span = [m for m in unknown if last.start_utc <= m.sent_utc <= span[-1].sent_utc]
            numbers = list(dict.fromkeys(m.sender_number or "" for m in span))
        abusive = any(m.categories for m in span)
        findings.append(
            _finding(
                ctx,
                MessageFindingKind.NEW_NUMBERS,
                Severity.HIGH if abusive else Severity.MEDIUM,
                span,
                numbers=len(numbers),
                window_h=ctx.limits.multi_window_h,
                masked=", ".join(mask(n) for n in numbers),
            )
        )
        used_until = span[-1].sent_utc
    return findings


def night(ctx: _Context) -> list[MessageFinding]:
    start_h, end_h = ctx.limits.night_start_h, ctx.limits.night_end_h
    zone = ctx.facts.complainant_tz
    wanted = (m for m in ctx.messages if ctx.to_complainant(m))
    findings = []
    for key, items in by_night(wanted, _sent, zone, start_h, end_h).items():
        courier = any(ctx.from_courier(m) for m in items)
        findings.append(
            _finding(
                ctx,
                MessageFindingKind.NIGHT,
                Severity.HIGH if courier else Severity.MEDIUM,
                items,
                night=key,
                **night_params(start_h, end_h, zone),
                courier_note_ru=", в том числе от курьера" if courier else "",
                courier_note_en=", some from the courier" if courier else "",
            )
        )
    return findings


def _sent(message: MessageFact) -> datetime:
    return message.sent_utc


def abuse(ctx: _Context, examples: dict[int, str] | None = None) -> list[MessageFinding]:
    """Flagged messages written to the complainant, one finding per sender."""
    by_sender: dict[str, list[MessageFact]] = defaultdict(list)
    for m in ctx.messages:
        if m.categories and ctx.to_complainant(m):
            by_sender[m.sender_number or m.sender].append(m)
    findings = []
    for key, items in by_sender.items():
        cats = [c for c in ("obscene", "insult", "threat") if any(c in m.categories for m in items)]
        sender = mask(key) if items[0].sender_number else _masked_name(items[0].sender)
        courier = any(ctx.from_courier(m) for m in items)
        example = (examples or {}).get(items[0].id, "")
        findings.append(
            _finding(
                ctx,
                MessageFindingKind.ABUSE,
                Severity.HIGH if "threat" in cats or courier else Severity.MEDIUM,
                items,
                sender=sender,
                categories=cats,
                example=example[:120],
            )
        )
    return findings


def _masked_name(sender: str) -> str:
    """A sender named only by a phone number (a screenshot's header) is shown masked."""
    if sum(ch.isdigit() for ch in sender) >= 5:
        phone = normalize(sender)
        return mask(phone.e164) if phone.e164 else mask(sender)
    return sender


DETECTORS: dict[str, Callable[[_Context], list[MessageFinding]]] = {
    MessageFindingKind.PRIVATE_CONTACT: private_contact,
    MessageFindingKind.NEW_NUMBERS: new_numbers,
    MessageFindingKind.NIGHT: night,
}


def detect_messages(
    facts: MessageFacts, limits: Thresholds | None = None, examples: dict[int, str] | None = None
) -> list[MessageFinding]:
    """Every message detector; findings in time order. `examples`: message id → its text,
    quoted in the abuse finding's explanation."""
    ctx = _Context(facts, limits or Thresholds())
    findings = [f for detector in DETECTORS.values() for f in detector(ctx)]
    findings.extend(abuse(ctx, examples))
    findings.sort(key=lambda f: (f.start_utc, f.kind))
    return findings
