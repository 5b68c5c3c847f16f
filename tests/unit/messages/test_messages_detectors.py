"""The message detectors with the call detectors' thresholds, and their explanations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.calls.detectors import OrderWindow
from app.domain.calls.findings import Thresholds
from app.domain.messages.detectors import MessageFact, MessageFacts, detect_messages

COURIER, CUSTOMER = "+79161234567", "+79037654321"
T0 = datetime(2025, 9, 12, 15, 0, tzinfo=UTC)  # 18:00 Moscow


def fact(i: int, minutes: float, number: str | None, cats: tuple[str, ...] = (),
         direction: str | None = "in", sender: str = "") -> MessageFact:  # fmt: skip
    return MessageFact(i, T0 + timedelta(minutes=minutes), sender or number or "?", number,
                       direction, cats, None)  # fmt: skip


def facts(*messages: MessageFact, orders: tuple[OrderWindow, ...] = ()) -> MessageFacts:
    return MessageFacts(
        messages=messages,
        courier_numbers=frozenset({COURIER}),
        complainant_numbers=frozenset({CUSTOMER}),
        complainant_tz="Europe/Moscow",
        known_numbers=frozenset({COURIER, CUSTOMER}),
        orders=orders,
    )


ORDER = OrderWindow("ORD-1", T0 - timedelta(hours=2), T0 - timedelta(hours=1))


def kinds(found) -> list[str]:
    return [f.kind for f in found]


def test_private_contact_after_delivery_respects_grace() -> None:
    found = detect_messages(
        facts(
            fact(1, -45, COURIER),
            fact(2, 10, COURIER),
            fact(3, 11, COURIER),
            fact(4, 12, CUSTOMER, direction="out"),
            orders=(ORDER,),
        ),
        Thresholds(grace_min=30),
    )
    private = [f for f in found if f.kind == "message_private_contact"]
    assert len(private) == 1 and private[0].message_ids == (2, 3)
    text = private[0].explain("ru")
    assert "ORD-1" in text and "2 сообщения" in text
    assert "2 messages" in private[0].explain("en")


def test_new_numbers_within_window_masked() -> None:
    found = detect_messages(
        facts(
            fact(1, 0, "+79261110001"),
            fact(2, 60, "+79261110002"),
            fact(3, 120, "+79261110003", ("insult",)),
        ),
        Thresholds(multi_min_numbers=3, multi_window_h=24),
    )
    new = [f for f in found if f.kind == "message_new_numbers"]
    assert len(new) == 1 and new[0].severity == "high"
    assert "с 3 разных номеров" in new[0].explain("ru")
    assert "+7 926 ***-**-01" in new[0].explain("ru")
    assert "1110001" not in new[0].explain("ru")
    none = detect_messages(facts(fact(1, 0, "+79261110001"), fact(2, 60, "+79261110002")),
                           Thresholds(multi_min_numbers=3))  # fmt: skip
    assert "message_new_numbers" not in kinds(none)


def test_night_messages_grouped_per_night_in_her_zone() -> None:
    # 23:30 and 01:10 Moscow are one night; 18:00 is not night
    found = detect_messages(
        facts(fact(1, 330, COURIER), fact(2, 430, COURIER), fact(3, 0, COURIER))
    )
    night = [f for f in found if f.kind == "message_night"]
    assert len(night) == 1 and night[0].message_ids == (1, 2)
    assert "в ночь на 12.09.2025" in night[0].explain("ru") and night[0].severity == "high"


def test_abuse_per_sender_with_categories_and_quote() -> None:
    found = detect_messages(
        facts(
            fact(1, 0, COURIER, ("insult",)),
            fact(2, 5, COURIER, ("threat", "obscene")),
            fact(3, 6, CUSTOMER, ("obscene",), direction="out"),
        ),
        examples={1: "Ты сука"},
    )
    abuse = [f for f in found if f.kind == "message_abuse"]
    assert len(abuse) == 1 and abuse[0].message_ids == (1, 2) and abuse[0].severity == "high"
    ru = abuse[0].explain("ru")
    assert "нецензурная брань, оскорбления, угрозы" in ru and "«Ты сука»" in ru
    assert "+7 916 ***-**-67" in ru
