"""Self-test step of the video feature: intake, pts index, exact frames and a still."""

from __future__ import annotations

from pathlib import Path

from app.media.frames import FrameReader
from app.media.selftest_clip import FRAMES, level_of, luma_of, write_clip
from app.services.core import cases
from app.services.core.context import ServiceContext
from app.services.video.annotations import annotate
from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence, open_video

_PROBES = (40, 7, 23, 0)


def selftest_step(ctx: ServiceContext, workdir: Path) -> str:
    clip = write_clip(workdir / "selftest_video.mp4")
    case = cases.create_case(
        ctx, cases.CaseInput(title="Самопроверка видео", region="TEST", tz="Europe/Moscow")
    )
    added = add_video_evidence(ctx, case.id, clip, EvidenceDetails("cctv"))
    if added.media is None or added.media.frames != FRAMES:
        raise RuntimeError(f"indexed {added.media and added.media.frames} frames, not {FRAMES}")
    source = open_video(ctx, case.id, added.evidence.id)
    with FrameReader(source.path, source.index, one_shot=True) as reader:
        for number in _PROBES:
            got = luma_of(reader.frame(number))
            if abs(got - level_of(number)) > 1.5:
                raise RuntimeError(f"frame {number} came back with level {got:.1f}")
    note = annotate(
        ctx, case.id, added.evidence.id, source.index.pts_of(23), "selftest", still=True
    )
    if note.still_id is None:
        raise RuntimeError("no still was stored")
    return (
        f"{added.media.codec}: {FRAMES} frames indexed, exact frames "
        f"{', '.join(map(str, _PROBES))} read back, still stored"
    )
