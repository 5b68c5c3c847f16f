"""The video part of the demo case: the entrance camera (151 s fast, calibrated against the
doorbell moment the customer's call log pins down) and the courier's dash-cam, with notes and a
still at the moment the courier stands at door 48."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from app.domain.media import Region
from app.media.demo_clips import write_clip
from app.services.core.context import ServiceContext
from app.services.core.demo_clock import TZ, local
from app.services.video.annotations import annotate
from app.services.video.clock import calibrate
from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence

# The intercom log of the building says the bell of flat 48 rang at 21:00:00; on the entrance
# camera the courier's hand reaches the bell 16 s into the clip. That moment calibrates the
# camera, whose own clock runs 151 s fast.
BELL_TRUE_TIME = local(2025, 9, 14, 21, 0)
BELL_MEDIA_TIME_S = 16.0
ENTRANCE_TRUE_START = BELL_TRUE_TIME - timedelta(seconds=BELL_MEDIA_TIME_S)
ENTRANCE_CLOCK_ERROR_S = 151
DASHCAM_TRUE_START = local(2025, 9, 14, 20, 55, 5)


def add_demo(ctx: ServiceContext, case_id: int, parties: dict[str, int]) -> None:
    with tempfile.TemporaryDirectory(prefix="casebook-demo-") as tmp:
        folder = Path(tmp)
        entrance_clip = write_clip(
            folder / "CAM02_entrance_20250914.mp4",
            ENTRANCE_TRUE_START + timedelta(seconds=ENTRANCE_CLOCK_ERROR_S),
            "CAM-02",
            "cctv",
            TZ,
        )
        dash_clip = write_clip(
            folder / "DVR_CR-104233_0914.mp4", DASHCAM_TRUE_START, "DVR", "dashcam", TZ
        )
        entrance = add_video_evidence(
            ctx,
            case_id,
            entrance_clip,
            EvidenceDetails(
                "cctv",
                source="Подъезд 2, камера CAM-02",
                provided_by="Управляющая компания дома",
                tz="Europe/Moscow",
            ),
        ).evidence
        add_video_evidence(
            ctx,
            case_id,
            dash_clip,
            EvidenceDetails(
                "dashcam",
                source="Автомобиль курьера CR-104233",
                provided_by="Служба доставки",
                tz="Europe/Moscow",
            ),
        )
    calibrate(
        ctx,
        case_id,
        entrance.id,
        BELL_MEDIA_TIME_S,
        BELL_TRUE_TIME,
        note="звонок в кв. 48 по журналу домофона",
    )
    annotate(
        ctx,
        case_id,
        entrance.id,
        6.0,
        "Человек в куртке курьера подходит к двери кв. 48",
        tags=("курьер",),
    )
    annotate(
        ctx,
        case_id,
        entrance.id,
        12.0,
        "Курьер стоит у двери кв. 48, звонит",
        rect=Region(340, 120, 220, 170),
        tags=("курьер", "дверь"),
        still=True,
    )
