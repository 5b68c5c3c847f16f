"""A realistic case for the call-log UI tests and screenshots: a courier who kept calling a
customer after the delivery, directly and from other numbers, at night, among ordinary masked
calls of other orders. Written as a cp1251 `;` virtual-PBX export, imported for real."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.services.core.cases import CaseInput, create_case
from app.services.core.parties import PartyInput, add_party
from app.services.core.records import OrderInput, add_order

COURIER = "+79161234567"
COURIER_SIM2 = "+79265550102"
CUSTOMER = "+79037654321"
VIRTUAL = "+74951112233"
STRANGERS = ("+79771002030", "+79998887766", "+79654321098")
MSK = timedelta(hours=3)
HEADER = (
    "Дата и время;Направление;Кто звонил;Кому звонили;Виртуальный номер;"
    "Длительность разговора;Статус;Номер заказа;ID звонка"
)


def _moscow(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2025, 10, day, hour, minute, second, tzinfo=UTC) - MSK


def _line(n: int, at: datetime, caller: str, callee: str, virtual: str, talk: int,
          order: str = "", direction: str = "Исходящий") -> str:  # fmt: skip
    local = (at + MSK).strftime("%d.%m.%Y %H:%M:%S")
    status = "Отвечен" if talk else "Не отвечен"
    duration = f"{talk // 3600:02d}:{talk % 3600 // 60:02d}:{talk % 60:02d}"
    return f"{local};{direction};{caller};{callee};{virtual};{duration};{status};{order};c-{n:04d}"


def write_export(path: Path, noise: int = 120) -> Path:
    rows = [
        (_moscow(9, 14, 3, 11), COURIER, CUSTOMER, VIRTUAL, 65, "ORD-1001"),
        (_moscow(9, 14, 10), COURIER, CUSTOMER, VIRTUAL, 0, "ORD-1001"),
        (_moscow(9, 14, 12), CUSTOMER, COURIER, VIRTUAL, 130, "ORD-1001"),
        (_moscow(9, 18, 45), COURIER, CUSTOMER, "", 42, ""),
        (_moscow(9, 19, 10), STRANGERS[0], CUSTOMER, "", 0, ""),
        (_moscow(9, 19, 25), STRANGERS[1], CUSTOMER, "", 12, ""),
        (_moscow(9, 20, 2), STRANGERS[2], CUSTOMER, "", 0, ""),
        (_moscow(9, 23, 15), COURIER_SIM2, CUSTOMER, "", 0, ""),
        (_moscow(9, 23, 18), COURIER_SIM2, CUSTOMER, "", 0, ""),
        (_moscow(9, 23, 20), COURIER_SIM2, CUSTOMER, "", 25, ""),
        (_moscow(9, 23, 31), COURIER_SIM2, CUSTOMER, "", 0, ""),
    ]
    rng = random.Random(7)
    for i in range(noise):
        at = _moscow(9 + i % 4, 9 + rng.randrange(10), rng.randrange(60), rng.randrange(60))
        courier = f"+7916{rng.randrange(10**7):07d}"
        customer = f"+7903{rng.randrange(10**7):07d}"
        virtual = f"+7495{rng.randrange(10**7):07d}"
        rows.append((at, courier, customer, virtual, rng.choice((0, 35, 61, 95, 240)),
                     f"ORD-{2000 + i}"))  # fmt: skip
    rows.sort(key=lambda r: r[0])
    lines = [HEADER]
    lines += [_line(n, *row) for n, row in enumerate(rows, 1)]
    lines.append("31.02.2025 10:00:00;Исходящий;+79161234567;+79037654321;;00:00:10;Отвечен;;x-1")
    lines.append("10.10.2025 09:15:00;Исходящий;;+79037654321;;00:00:10;Отвечен;;x-2")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


def build_case(ctx: Any, folder: Path, noise: int = 120) -> int:
    """Create the case with its parties, the delivered order and the imported export."""
    case = create_case(
        ctx,
        CaseInput(
            title="Звонки клиентке после доставки",
            region="Москва",
            tz="Europe/Moscow",
            category="repeated_calls",
        ),
    )
    courier = add_party(
        ctx,
        case.id,
        PartyInput(
            role="subject",
            name="Петров И. (курьер)",
            phones=(COURIER, COURIER_SIM2),
            courier_id="C-1077",
        ),
    ).party
    customer = add_party(
        ctx, case.id, PartyInput(role="complainant", name="Иванова А. С.", phones=(CUSTOMER,))
    ).party
    add_order(
        ctx,
        case.id,
        OrderInput(
            number="ORD-1001",
            courier_party_id=courier.id,
            customer_party_id=customer.id,
            events=(
                ("assigned", _moscow(9, 13, 40)),
                ("picked_up", _moscow(9, 13, 55)),
                ("delivered", _moscow(9, 14, 31)),
            ),
        ),
    )
    export = write_export(folder / "vpbx_export_2025-10.csv", noise)
    import_calls(ctx, case.id, export, ImportOptions(tz="Europe/Moscow"))
    return int(case.id)
