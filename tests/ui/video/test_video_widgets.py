"""Zoom and pan, activity jumps on the scrubber, latest seek wins, the evidence model, the add
dialog, frame export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from video_support import decode_all, read_number

from app.services.video.intake import list_case_evidence, open_video


@pytest.fixture
def opened(qtbot: Any, player_widget: Any, sqlite_ctx: Any, case_id: int, evidence_id: int):
    player_widget.open_source(open_video(sqlite_ctx, case_id, evidence_id), "Europe/Moscow")
    qtbot.waitUntil(lambda: player_widget.view.exact, timeout=5000)
    return player_widget


def test_zoom_keys_wheel_pan_and_fit(qtbot: Any, opened: Any) -> None:
    view = opened.view
    fitted = view.zoom
    qtbot.keyClick(opened, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(fitted * 1.25)
    centre = QPointF(view.width() / 2, view.height() / 2)
    under_centre = view.to_frame(centre)
    view.zoom_by(2.0, centre)
    assert view.to_frame(centre).x() == pytest.approx(under_centre.x())  # zoom keeps the point
    before = view.to_frame(QPointF(100, 100))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(view, QPoint(260, 230))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(260, 230))
    after = view.to_frame(QPointF(100, 100))
    assert after.x() < before.x() and after.y() < before.y()  # the picture moved right, down
    qtbot.keyClick(opened, Qt.Key.Key_0)
    assert view.zoom == pytest.approx(fitted)


def test_rectangle_drawn_on_the_picture_is_in_frame_pixels(qtbot: Any, opened: Any) -> None:
    view = opened.view
    view.drawing_region = True
    origin = view.to_frame(QPointF(0, 0))
    scale = view.zoom
    start = QPoint(round(-origin.x() * scale + 40 * scale), round(-origin.y() * scale + 30 * scale))
    end = QPoint(round(start.x() + 100 * scale), round(start.y() + 50 * scale))
    with qtbot.waitSignal(opened.region_drawn) as drawn:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view, end)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    rect = drawn.args[0]
    assert abs(rect.x() - 40) <= 1 and abs(rect.y() - 30) <= 1
    assert abs(rect.width() - 100) <= 2 and abs(rect.height() - 50) <= 2


def test_next_and_previous_activity(qtbot: Any, opened: Any) -> None:
    opened.scrubber.set_segments([(0.5, 1.0), (2.0, 2.5)])
    qtbot.keyClick(opened, Qt.Key.Key_BracketRight)
    qtbot.waitUntil(lambda: opened.view.frame == 15 and opened.view.exact, timeout=5000)
    opened.next_activity.click()
    qtbot.waitUntil(lambda: opened.view.frame == 60 and opened.view.exact, timeout=5000)
    qtbot.keyClick(opened, Qt.Key.Key_BracketLeft)
    qtbot.waitUntil(lambda: opened.view.frame == 15 and opened.view.exact, timeout=5000)


def test_a_burst_of_seeks_ends_on_the_last_one(qtbot: Any, opened: Any) -> None:
    shown: list[tuple[int, bool]] = []
    opened.player.frame_shown.connect(lambda frame, exact, _image: shown.append((frame, exact)))
    for frame in (80, 10, 70, 20, 65, 33):
        opened.player.seek_frame(frame)
    qtbot.waitUntil(lambda: opened.view.frame == 33 and opened.view.exact, timeout=5000)
    assert shown[-1] == (33, True)
    # Only keyframes (previews) and the last target were put on screen.
    assert all(not exact or frame == 33 for frame, exact in shown)
    image = opened.view.image()
    assert image.width() == 320


def test_evidence_model(qtmodeltester: Any, sqlite_ctx: Any, case_id: int, evidence_id: int):
    from app.ui.video.evidence_model import EvidenceModel

    model = EvidenceModel()
    model.set_rows(list_case_evidence(sqlite_ctx, case_id))
    qtmodeltester.check(model)
    assert model.data(model.index(0, EvidenceModel.KIND)) == "Dash-cam"
    assert model.data(model.index(0, EvidenceModel.DURATION)) == "0:00:03"
    assert "90 frames" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_add_dialog_checks_file_and_zone(qtbot: Any, tmp_path: Path, clip: Path) -> None:
    from app.ui.video.add_dialog import AddEvidenceDialog

    dialog = AddEvidenceDialog("Europe/Moscow")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "missing.mp4"))
    dialog.path_edit.editingFinished.emit()  # typed, then Tab: said at once
    assert dialog.error.text() == f"There is no file {tmp_path / 'missing.mp4'}"
    dialog._accept()
    assert dialog.error.text() == "Choose an existing file."
    dialog.path_edit.setText(f'"{clip}"')  # pasted with Windows' "Copy as path" quotes
    dialog.path_edit.editingFinished.emit()
    assert dialog.request().path == clip and dialog.error.text() == ""
    dialog.set_path(clip)
    assert dialog.kind.currentData() == "dashcam"
    dialog.tz.setCurrentText("Europe/Nowhere")
    dialog._accept()
    assert "Europe/Nowhere" in dialog.error.text()
    dialog.tz.setCurrentText("Asia/Yekaterinburg")
    dialog.source.setText("Камера подъезда")
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    request = dialog.request()
    assert (request.path, request.kind, request.tz) == (clip, "dashcam", "Asia/Yekaterinburg")


def test_export_frame_writes_the_exact_frame(
    qtbot: Any, opened: Any, tmp_path: Path, clip: Path
) -> None:
    import cv2

    opened.brightness.setValue(70)  # viewing only: the export is the evidence's own frame
    opened.contrast.setValue(-40)
    opened.player.seek_frame(52)
    qtbot.waitUntil(lambda: opened.view.frame == 52 and opened.view.exact, timeout=5000)
    out = tmp_path / "frame52.png"
    opened.export_frame_to(out)
    picture = cv2.cvtColor(cv2.imread(str(out)), cv2.COLOR_BGR2RGB)
    assert read_number(picture) == 52
    assert np.array_equal(picture, decode_all(clip)[52])
    assert "frame52.png" in opened.status.text()


def test_a_smaller_stand_in_keeps_the_frames_geometry(qtbot: Any) -> None:
    """A stand-in decoded at half size replaces and is replaced by the whole frame without
    the zoom, the picture's place or a region's frame pixels moving."""
    from app.ui.video.decoder_worker import wrap_display
    from app.ui.video.view import FrameView

    view = FrameView()
    qtbot.addWidget(view)
    view.resize(800, 450)
    whole = np.zeros((1080, 1920, 4), np.uint8)
    half = np.full((540, 960, 4), 200, np.uint8)
    view.set_image(7, True, wrap_display(whole))
    zoom, point = view.zoom, view.to_frame(QPointF(123, 77))
    stand_in = wrap_display(half, 0.5)
    assert (stand_in.width(), stand_in.deviceIndependentSize().width()) == (960, 1920)
    view.set_image(60, False, stand_in)
    assert view.zoom == pytest.approx(zoom)
    assert view.to_frame(QPointF(123, 77)) == point
    grabbed = view.grab().toImage()  # painted over the whole view's picture area, scaled up
    assert grabbed.pixelColor(400, 225).red() == 200


def test_non_square_pixels_are_drawn_stretched_with_regions_in_frame_pixels(qtbot: Any) -> None:
    """A 16:15-pixel PAL frame (720×576) is drawn 768 wide for 576 high; a point and a region
    map back to the file's own pixels."""
    from app.ui.video.decoder_worker import wrap_display
    from app.ui.video.view import FrameView

    view = FrameView()
    qtbot.addWidget(view)
    view.resize(768 + 200, 576)  # room on both sides: the picture is centred
    pixels = np.zeros((576, 720, 4), np.uint8)
    pixels[:, :, 1] = 220  # green picture on the view's dark background
    view.set_image(1, True, wrap_display(pixels))
    view.set_pixel_stretch((16 / 15, 1.0))
    assert view.zoom == pytest.approx(1.0)  # fits by height: 576 rows in 576 pixels
    grabbed = view.grab().toImage()
    row = [grabbed.pixelColor(x, 288).green() > 150 for x in range(view.width())]
    assert row.index(True) == 100 and len(row) - row[::-1].index(True) == 868  # 768 wide
    corner = view.to_frame(QPointF(100 + 768, 576))
    assert (corner.x(), corner.y()) == (pytest.approx(720), pytest.approx(576))
    view.set_pixel_stretch((1.0, 1.0))
    assert view.zoom == pytest.approx(1.0)
    assert view.to_frame(QPointF(124 + 720, 576)).x() == pytest.approx(720)
