"""The demo case offered on the first start: the story of DOMAIN.md (a courier who came to the
customer's door and kept calling her from different numbers), so that a newcomer sees a
populated workstation. Everything goes through the ordinary services, audited as usual.

The call-log and video parts of the story live beside their features (`calls.demo`,
`video.demo`: `add_demo(ctx, case_id, roles)`)."""

from __future__ import annotations

from app.services.calls import demo as calls_demo
from app.services.core import cases, parties, records
from app.services.core.cases import CaseInput
from app.services.core.context import ServiceContext
from app.services.core.demo_clock import TZ, local
from app.services.core.dto import CaseSummary
from app.services.core.parties import PartyInput
from app.services.core.records import EventInput, OrderInput, StatementInput
from app.services.video import demo as video_demo

DEMO_NUMBER = "MSK-2025-0001"


def create_demo_case(ctx: ServiceContext) -> CaseSummary:
    """Create the demo case and return it; call once on an empty database."""
    case = cases.create_case(
        ctx,
        CaseInput(
            title="Курьер звонил клиентке с разных номеров после доставки",
            region="MSK",
            tz=TZ,
            category="repeated_calls",
            source="official_inquiry",
            received_at=local(2025, 9, 16, 10, 30),
            opened_at=local(2025, 9, 16, 11, 5),  # the story's day, not the day of the demo
            summary=(
                "Клиентка сообщила, что после доставки заказа курьер пришёл к её двери, вёл себя "
                "агрессивно, а затем звонил ей ночью с нескольких разных номеров."
            ),
            number=DEMO_NUMBER,
        ),
    )
    customer = parties.add_party(
        ctx,
        case.id,
        PartyInput(
            role="complainant",
            name="Смирнова Ольга Викторовна",
            phones=("+7 916 123-45-67",),
            address="г. Москва, ул. Профсоюзная, д. 12, кв. 48",
        ),
    ).party
    supervisor = parties.add_party(
        ctx,
        case.id,
        PartyInput(
            role="supervisor", name="Кузнецов Андрей Павлович", phones=("+7 495 600-10-20",)
        ),
    ).party
    courier = parties.add_party(
        ctx,
        case.id,
        PartyInput(
            role="subject",
            name="Петров Игорь Сергеевич",
            courier_id="CR-104233",
            phones=("+7 926 555-01-01",),
            supervisor_id=supervisor.id,
            address="г. Москва, ул. Обручева, д. 3, кв. 7",
        ),
    ).party
    witness = parties.add_party(
        ctx,
        case.id,
        PartyInput(role="witness", name="Соседка Лебедева Н. И.", phones=("+7 903 777-12-34",)),
    ).party
    records.add_order(
        ctx,
        case.id,
        OrderInput(
            number="87612345-0042",
            slot_start=local(2025, 9, 14, 13),
            slot_end=local(2025, 9, 14, 15),
            courier_party_id=courier.id,
            customer_party_id=customer.id,
            address="г. Москва, ул. Профсоюзная, д. 12, кв. 48",
            events=(
                ("assigned", local(2025, 9, 14, 11, 40)),
                ("picked_up", local(2025, 9, 14, 12, 55)),
                ("delivered", local(2025, 9, 14, 14, 5)),
            ),
        ),
        source="order system",
    )
    records.add_statement(
        ctx,
        case.id,
        StatementInput(
            party_id=customer.id,
            taken_at=local(2025, 9, 17, 11),
            taken_by="Орлова Е. А. (СБ)",
            text=(
                "14 сентября около 14:00 курьер доставил заказ. Около 21:00 он вернулся, звонил в "
                "дверь, кричал и требовал открыть. С 21:30 до часу ночи мне звонили с четырёх "
                "незнакомых номеров; в одном голосе я узнала курьера."
            ),
        ),
    )
    records.add_statement(
        ctx,
        case.id,
        StatementInput(
            party_id=courier.id,
            taken_at=local(2025, 9, 18, 15),
            taken_by="Орлова Е. А. (СБ)",
            text=(
                "Заказ доставил вовремя, после доставки к клиентке не возвращался и ей не звонил. "
                "Вечером был дома."
            ),
        ),
    )
    records.add_event(
        ctx,
        case.id,
        EventInput(
            at=local(2025, 9, 14, 21),
            uncertainty_s=15 * 60,
            text="Курьер у двери клиентки, шум на лестничной площадке",
            source="показания соседки",
            party_id=witness.id,
        ),
    )
    roles = {
        "complainant": customer.id,
        "subject": courier.id,
        "supervisor": supervisor.id,
        "witness": witness.id,
    }
    for extension in (calls_demo, video_demo):
        extension.add_demo(ctx, case.id, roles)
    return cases.search_cases(ctx, text=DEMO_NUMBER).rows[0]


def is_empty(ctx: ServiceContext) -> bool:
    """True when the database holds no case yet (the first start offers the demo)."""
    return cases.search_cases(ctx, limit=1).total == 0


__all__ = ["DEMO_NUMBER", "create_demo_case", "is_empty", "local"]
