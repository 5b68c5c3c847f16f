"""The dossier with the calls feature's data: a courier who called the customer after the
delivery, directly and from a second SIM at night. Police: findings with unmasked calls and
the annex (revealed through the audited reveal); management: masked calls and statistics."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf

from app.domain.phones import display
from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.services.core import audit
from app.services.core.cases import CaseInput, create_case
from app.services.core.parties import PartyInput, add_party
from app.services.core.records import OrderInput, add_order
from app.services.dossier.assemble import DossierOptions
from app.services.dossier.export import export_dossier

COURIER, SIM2, CUSTOMER, VIRTUAL = "+79161234567", "+79265550102", "+79037654321", "+74951112233"
OTHER_COURIER, OTHER_CUSTOMER = "+79991112233", "+79994445566"  # another order, not this case
MSK = timedelta(hours=3)


def moscow(hour: int, minute: int) -> datetime:
    return datetime(2025, 10, 9, hour, minute, tzinfo=UTC) - MSK


def write_log(path: Path) -> Path:
    rows = [
        (moscow(14, 3), COURIER, CUSTOMER, VIRTUAL, 65, "ORD-1001"),
        (moscow(18, 45), COURIER, CUSTOMER, "", 42, ""),
        (moscow(23, 15), SIM2, CUSTOMER, "", 0, ""),
        (moscow(23, 18), SIM2, CUSTOMER, "", 0, ""),
        (moscow(23, 20), SIM2, CUSTOMER, "", 25, ""),
        (moscow(23, 31), SIM2, CUSTOMER, "", 0, ""),
        (moscow(12, 0), OTHER_COURIER, OTHER_CUSTOMER, VIRTUAL, 30, "ORD-2002"),
    ]
    lines = [
        "Дата и время;Кто звонил;Кому звонили;Виртуальный номер;Длительность;Статус;Номер заказа"
    ]
    for at, caller, callee, virtual, talk, order in rows:
        status = "Отвечен" if talk else "Не отвечен"
        local = (at + MSK).strftime("%d.%m.%Y %H:%M:%S")
        lines.append(
            f"{local};{caller};{callee};{virtual};00:{talk // 60:02d}:{talk % 60:02d};"
            f"{status};{order}"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_findings_annex_and_statistics(ctx, tmp_path: Path) -> None:
    case = create_case(
        ctx,
        CaseInput(
            title="Звонки после доставки",
            region="MSK",
            tz="Europe/Moscow",
            category="repeated_calls",
        ),
    )
    courier = add_party(
        ctx,
        case.id,
        PartyInput(role="subject", name="Петров И.", phones=(COURIER, SIM2), courier_id="C-1077"),
    )
    customer = add_party(
        ctx, case.id, PartyInput(role="complainant", name="Иванова А. С.", phones=(CUSTOMER,))
    )
    add_order(
        ctx,
        case.id,
        OrderInput(
            number="ORD-1001",
            courier_party_id=courier.party.id,
            customer_party_id=customer.party.id,
            events=(("picked_up", moscow(13, 55)), ("delivered", moscow(14, 31))),
        ),
    )
    import_calls(ctx, case.id, write_log(tmp_path / "log.csv"), ImportOptions(tz="Europe/Moscow"))

    export_dossier(ctx, case.id, DossierOptions("police", "en"), tmp_path / "p.pdf")
    text = pdf_text(tmp_path / "p.pdf")
    assert "Annex. Call log" in text and "6 records" in text
    assert display(OTHER_CUSTOMER) not in text and "ORD-2002" not in text
    assert "Calls this finding rests on" in text
    assert display(SIM2) in text and display(CUSTOMER) in text
    reveals = [e for e in audit.list_entries(ctx, case_id=case.id) if e.action == "reveal"]
    assert reveals and (reveals[0].after or {}).get("count") == 6

    export_dossier(ctx, case.id, DossierOptions("management", "en"), tmp_path / "m.pdf")
    text = pdf_text(tmp_path / "m.pdf")
    dialled = re.sub(r"[\s\-()]", "", text)
    assert "Call statistics" in text and "Calls in the log" in text
    assert "Calls per day" in text and "In the annex" in text
    assert "Calls this finding rests on" in text
    assert "Annex" not in text
    for number in (COURIER, SIM2, CUSTOMER):
        assert number not in dialled and number[-7:] not in dialled
