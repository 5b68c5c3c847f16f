"""The dossier with the video feature's data: a calibrated CCTV file, an annotation saved as a
still; the correction, the annotation text and the still appear; management blurs it."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import pypdf

from app.domain.media import Region
from app.media.redaction import face_detector
from app.services import demo
from app.services.dossier.assemble import DossierOptions, dossier_choices
from app.services.dossier.export import export_dossier
from app.services.video import annotations as video_annotations
from app.services.video import clock as video_clock
from app.services.video import intake as video
from app.services.video.dto import EvidenceDetails

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from video_support import encode


def text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_corrections_annotations_and_stills(ctx, tmp_path: Path) -> None:
    case = demo.create_demo_case(ctx)
    clip = encode(tmp_path / "подъезд_2.mp4", frames=60)
    cctv = video.add_video_evidence(
        ctx, case.id, clip, EvidenceDetails("cctv", source="УК Дом-Сервис")
    )
    evidence_id = cctv.evidence.id
    video_clock.set_camera_origin(
        ctx, case.id, evidence_id, datetime(2025, 9, 14, 18, 0, 0, tzinfo=UTC)
    )
    video_clock.calibrate(
        ctx,
        case.id,
        evidence_id,
        1.0,
        datetime(2025, 9, 14, 18, 0, 13, tzinfo=UTC),
        note="часы на табло",
    )
    note = video_annotations.annotate(
        ctx,
        case.id,
        evidence_id,
        1.0,
        "Курьер звонит в дверь",
        rect=Region(20, 20, 120, 100),
        still=True,
    )
    assert note.still_id is not None
    choices = dossier_choices(ctx, case.id, "en")
    assert note.still_id in {s.id for s in choices.stills}
    assert any(e.kind == "annotation" and e.corrected for e in choices.events)

    export_dossier(ctx, case.id, DossierOptions("police", "en"), tmp_path / "p.pdf")
    body = text(tmp_path / "p.pdf")
    assert "Camera clock corrections" in body
    assert "подъезд_2.mp4" in body and "+12.0" in body.replace("\n", " ")
    assert "часы на табло" in body
    assert "Курьер звонит в дверь" in body
    assert "Video note" in body  # the event kind as the vocabulary names it

    management = export_dossier(
        ctx, case.id, DossierOptions("management", "ru"), tmp_path / "m.pdf"
    )
    assert management.pages >= 4
    blurred = (
        "Лица людей, не являющихся участниками, размыты."
        if face_detector()
        else "размыты только отмеченные области"
    )
    assert blurred in text(tmp_path / "m.pdf").replace("\n", " ")


def test_still_times_camera_and_true_and_not_established(ctx, tmp_path: Path) -> None:
    """A still shows the camera's clock and the true time; a still of an uncalibrated camera
    says its time is not established, and the export warns."""
    case = demo.create_demo_case(ctx)
    clip = encode(tmp_path / "двор.mp4", frames=60)
    yard = video.add_video_evidence(ctx, case.id, clip, EvidenceDetails("cctv", source="Двор"))
    video_clock.set_camera_origin(
        ctx, case.id, yard.evidence.id, datetime(2025, 9, 14, 18, 0, 0, tzinfo=UTC)
    )
    video_annotations.annotate(ctx, case.id, yard.evidence.id, 1.0, "Двор, курьер", still=True)
    options = DossierOptions("police", "ru")
    before = export_dossier(ctx, case.id, options, tmp_path / "before.pdf")
    assert any("двор_frame" in w and "не установлено" in w for w in before.warnings)
    body = text(tmp_path / "before.pdf").replace("\n", " ")
    assert "время не установлено (часы камеры не откалиброваны)" in body

    video_clock.calibrate(
        ctx,
        case.id,
        yard.evidence.id,
        1.0,
        datetime(2025, 9, 14, 17, 57, 30, tzinfo=UTC),
        camera_time=datetime(2025, 9, 14, 18, 0, 1, tzinfo=UTC),
    )
    after = export_dossier(ctx, case.id, options, tmp_path / "after.pdf")
    assert not [w for w in after.warnings if "двор_frame" in w]
    body = text(tmp_path / "after.pdf").replace("\n", " ")
    assert "по часам камеры: 14.09.2025 21:00:01" in body
    assert "точное время: 14.09.2025 20:57:30" in body
    assert "Часы камеры спешили на 2 мин 31 с." in body
