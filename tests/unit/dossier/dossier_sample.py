"""A sample `DossierData` for the dossier tests: Cyrillic everywhere, hostile markup in names,
stills generated as real JPEG files."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np

from app.domain.phones import display, mask
from app.reports.model import (
    CallEntry,
    CallStatistics,
    CaseInfo,
    CorrectionEntry,
    DossierData,
    EventEntry,
    EvidenceEntry,
    FindingEntry,
    PartyEntry,
    Profile,
    Region,
    StatementEntry,
    StillEntry,
)

HOSTILE = '<b>Иванов</b> & Co <img src="x">'
CUSTOMER_PHONE = "+79161234567"
COURIER_PHONE = "+79035550011"
CUSTOMER_ADDRESS = "г. Москва, ул. Лесная, д. 7, кв. 12"
START = datetime(2025, 10, 9, 8, 0, tzinfo=UTC)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def make_still(path: Path, index: int, width: int = 1280, height: int = 720) -> Path:
    """A JPEG still with its number drawn in, like a frame of a generated test video."""
    image = np.full((height, width, 3), (40 + index * 7 % 150, 90, 140), dtype=np.uint8)
    cv2.rectangle(image, (width // 4, height // 4), (width // 2, height // 2), (0, 200, 255), -1)
    cv2.putText(
        image, f"still {index}", (40, height - 60), cv2.FONT_HERSHEY_SIMPLEX, 3, (255, 255, 255), 5
    )
    ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    path.write_bytes(jpeg.tobytes())
    return path


def calls(count: int, reveal: bool) -> tuple[CallEntry, ...]:
    show = display if reveal else mask
    out = []
    for i in range(count):
        caller = f"+7903555{i % 97:04d}" if i % 5 else COURIER_PHONE
        out.append(
            CallEntry(
                start=START + timedelta(minutes=7 * i),
                duration_s=(i * 13) % 400,
                caller=show(caller),
                callee=show(CUSTOMER_PHONE),
                via="" if i % 3 == 0 else show("+74951112233"),
                answered=i % 4 != 0,
                order_ref=f"ORD-{100200 + i // 50}",
            )
        )
    return tuple(out)


def sample(
    tmp: Path,
    profile: Profile = "police",
    lang: str = "ru",
    *,
    events: int = 12,
    call_count: int = 30,
    still_count: int = 2,
) -> DossierData:
    reveal = profile == "police"
    show = display if reveal else mask
    case = CaseInfo(
        number="СБ-2025/0142",
        category="Звонки после доставки",
        region="Москва",
        tz="Europe/Moscow",
        received_at=START,
        status="open",
        summary=(
            f"Курьер продолжал звонить клиентке после закрытия заказа.\n\nУпомянут {HOSTILE}."
        ),
        measure="blacklist",
        investigator="Петрова А. С.",
        addressee="Начальнику ОМВД России по району Лефортово\nг. Москва",
        organisation="Служба безопасности, Московский регион",
    )
    parties = (
        PartyEntry(
            "complainant",
            "Смирнова Ольга Викторовна",
            (show(CUSTOMER_PHONE),),
            CUSTOMER_ADDRESS if reveal else "г. Москва, ***",
        ),
        PartyEntry(
            "subject",
            HOSTILE,
            (show(COURIER_PHONE),),
            "",
            courier_id="C-55821",
            supervisor="Орлов Д. И.",
        ),
    )
    all_calls = calls(call_count, reveal)
    stills = tuple(
        StillEntry(
            image=make_still(tmp / f"still{i}.jpg", i),
            caption=f"Подъезд, курьер у двери {i}",
            source="CCTV подъезд 2",
            taken_at=START + timedelta(hours=2, seconds=i),
            frame_index=1000 + i,
            sha256=digest(f"still {i}"),
            note=f"Отметка: {HOSTILE}",
            regions=(Region(0.25, 0.25, 0.25, 0.25, "курьер"),),
            redaction="" if reveal else "faces",
        )
        for i in range(still_count)
    )
    evidence = tuple(
        EvidenceEntry(
            name=f"запись_{i}.mp4",
            kind="cctv",
            sha256=digest(f"evidence {i}"),
            size=1_000_000 * (i + 1),
            acquired_at=START,
            source="Управляющая компания",
        )
        for i in range(4)
    )
    return DossierData(
        profile=profile,
        lang=lang,  # type: ignore[arg-type]
        case=case,
        generated_at=START + timedelta(days=3),
        audit_head="ab" * 32,
        audit_entries=57,
        parties=parties,
        events=tuple(
            EventEntry(
                START + timedelta(minutes=i),
                "call",
                "журнал звонков",
                f"Событие {i}: {HOSTILE}",
                corrected=i % 4 == 0,
            )
            for i in range(events)
        ),
        findings=(
            FindingEntry(
                "after_delivery_contact",
                "",
                "Звонки через 2 часа после доставки.",
                "high",
                all_calls[:60],
            ),
            FindingEntry("multiple_numbers", "", "", "medium", all_calls[:3]),
        ),
        calls=all_calls if reveal else (),
        statistics=CallStatistics(
            len(all_calls),
            20,
            12,
            3600,
            START,
            START + timedelta(days=1),
            (("after_delivery_contact", 8),),
            ((show(COURIER_PHONE), 6),),
        ),
        stills=stills,
        statements=(
            StatementEntry(
                "Смирнова О. В.",
                "complainant",
                START,
                "Петрова А. С.",
                f"Он звонил мне ночью.\n\nЕщё: {HOSTILE}",
            ),
        ),
        corrections=(
            CorrectionEntry(
                "CCTV подъезд 2", 12.5, 3.0, "По часам в кадре", "Петрова А. С.", START
            ),
        ),
        evidence=evidence,
    )


def with_lang(data: DossierData, lang: str) -> DossierData:
    return replace(data, lang=lang)  # type: ignore[arg-type]
