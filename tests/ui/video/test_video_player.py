"""The player widget: exact seek, frame step both ways, jumps, J/K/L speeds, levels."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from video_support import read_number

from app.services.video.intake import open_video


def number_on_screen(widget) -> int:
    image = widget.view.image().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(height, image.bytesPerLine())[:, : width * 3]
    return read_number(rows.reshape(height, width, 3))


def wait_exact(qtbot, widget, frame: int) -> None:
    qtbot.waitUntil(lambda: widget.view.frame == frame and widget.view.exact, timeout=5000)


@pytest.fixture
def opened(qtbot, player_widget, sqlite_ctx, case_id: int, evidence_id: int):
    player_widget.open_source(open_video(sqlite_ctx, case_id, evidence_id), "Europe/Moscow")
    wait_exact(qtbot, player_widget, 0)
    return player_widget


def test_seek_shows_the_exact_frame(qtbot, opened) -> None:
    for frame in (47, 5, 89, 31):
        opened.player.seek_frame(frame)
        wait_exact(qtbot, opened, frame)
        assert number_on_screen(opened) == frame


def test_scrubber_click_seeks_to_the_frame_at_that_time(qtbot, opened) -> None:
    scrubber = opened.scrubber
    x = round(scrubber.width() * 0.5)
    qtbot.mouseClick(scrubber, Qt.MouseButton.LeftButton, pos=QPoint(x, 20))
    expected = opened.source.index.frame_at(scrubber.time_at(x))
    wait_exact(qtbot, opened, expected)
    assert number_on_screen(opened) == expected


def test_arrow_keys_step_frames_both_ways(qtbot, opened) -> None:
    opened.player.seek_frame(40)
    wait_exact(qtbot, opened, 40)
    qtbot.keyClick(opened, Qt.Key.Key_Right)
    wait_exact(qtbot, opened, 41)
    assert number_on_screen(opened) == 41
    for expected in (40, 39, 38):
        qtbot.keyClick(opened, Qt.Key.Key_Left)
        wait_exact(qtbot, opened, expected)
        assert number_on_screen(opened) == expected


def test_jumps_by_seconds_and_to_the_ends(qtbot, opened) -> None:
    qtbot.keyClick(opened, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    wait_exact(qtbot, opened, 30)
    qtbot.keyClick(opened, Qt.Key.Key_End)
    wait_exact(qtbot, opened, 89)
    qtbot.keyClick(opened, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    wait_exact(qtbot, opened, 59)
    qtbot.keyClick(opened, Qt.Key.Key_Home)
    wait_exact(qtbot, opened, 0)
    assert number_on_screen(opened) == 0


def test_jkl_speeds(qtbot, opened) -> None:
    player = opened.player
    qtbot.keyClick(opened, Qt.Key.Key_L)
    assert player.playing and player.speed == 1.0
    qtbot.keyClick(opened, Qt.Key.Key_L)
    qtbot.keyClick(opened, Qt.Key.Key_L)
    assert player.speed == 4.0
    assert opened.speed_label.text() == "4x"
    qtbot.keyClick(opened, Qt.Key.Key_K)
    assert not player.playing
    qtbot.keyClick(opened, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert player.speed == 0.5
    qtbot.keyClick(opened, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert player.speed == 0.25
    qtbot.keyClick(opened, Qt.Key.Key_J)
    assert player.speed == -1.0
    qtbot.keyClick(opened, Qt.Key.Key_Space)
    assert not player.playing


def test_playback_advances_and_stops_at_the_end(qtbot, opened) -> None:
    opened.player.seek_frame(70)
    wait_exact(qtbot, opened, 70)
    opened.player.set_speed(4.0)
    opened.player.play()
    qtbot.waitUntil(lambda: not opened.player.playing, timeout=5000)
    assert opened.view.frame == 89
    assert number_on_screen(opened) == 89


def test_backwards_from_the_first_frame_stops(qtbot, opened) -> None:
    qtbot.keyClick(opened, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: not opened.player.playing, timeout=5000)
    assert opened.view.frame == 0


def test_backwards_playback_shows_earlier_frames(qtbot, opened) -> None:
    opened.player.seek_frame(50)
    wait_exact(qtbot, opened, 50)
    opened.player.set_speed(2.0)
    opened.player.play(-1)
    qtbot.waitUntil(lambda: opened.view.exact and opened.view.frame < 35, timeout=5000)
    opened.player.pause()
    assert number_on_screen(opened) == opened.view.frame


def test_levels_change_the_view_only(qtbot, opened) -> None:
    before = opened.view.image().pixelColor(5, 200).lightness()
    opened.brightness.setValue(60)
    qtbot.waitUntil(
        lambda: opened.view.image().pixelColor(5, 200).lightness() > before + 30,
        timeout=5000,
    )
    opened.brightness.setValue(0)
    qtbot.waitUntil(
        lambda: opened.view.image().pixelColor(5, 200).lightness() == before,
        timeout=5000,
    )


def test_overlay_can_be_hidden(qtbot, opened) -> None:
    assert opened.view.overlay_visible
    qtbot.keyClick(opened, Qt.Key.Key_I)
    assert not opened.view.overlay_visible
    qtbot.keyClick(opened, Qt.Key.Key_I)
    assert opened.view.overlay_visible


def test_overlay_names_frame_and_media_time(qtbot, opened) -> None:
    opened.player.seek_frame(45)
    wait_exact(qtbot, opened, 45)
    lines = opened.overlay_lines(45, True)
    assert lines[0] == "Frame 45 of 90"
    assert lines[1] == "Media time 0:00:01.500"
    assert lines[2] == "Camera clock 2025-09-16 09:12:06.500 Europe/Moscow"
    assert lines[3] == "True time: clock not calibrated"


def test_thumbnail_strip_is_filled(qtbot, opened) -> None:
    qtbot.waitUntil(lambda: opened.scrubber.thumbnail_count() == 3, timeout=5000)


def test_calibration_at_a_frame_gives_the_true_time(qtbot, opened) -> None:
    from app.ui.video.clock_dialog import CalibrateDialog

    opened.player.seek_frame(30)
    wait_exact(qtbot, opened, 30)
    opened.calibrate_here()
    dialog = opened.findChild(CalibrateDialog)
    dialog.true_time.set_utc(datetime(2025, 9, 16, 6, 12, 10, tzinfo=UTC))
    dialog.millis.setValue(250)
    dialog.note.setText("время из журнала заказа")
    dialog.accept()
    assert opened.overlay_lines(30, True)[3] == "True time 2025-09-16 09:12:10.250 Europe/Moscow"
    assert opened.overlay_lines(60, True)[3] == "True time 2025-09-16 09:12:11.250 Europe/Moscow"
    assert opened.source.clock.offset_s == pytest.approx(4.25)


def test_calibration_dialog_starts_at_the_camera_time_and_takes_a_reading(qtbot, opened) -> None:
    from app.ui.video.clock_dialog import CalibrateDialog

    opened.player.seek_frame(30)
    wait_exact(qtbot, opened, 30)
    opened.calibrate_here()
    dialog = opened.findChildren(CalibrateDialog)[-1]
    camera = datetime(2025, 9, 16, 6, 12, 6, tzinfo=UTC)  # origin 06:12:05 + 1 s
    assert dialog.camera_time.utc() == camera
    assert dialog.true_time.utc() == camera
    assert dialog.chosen_camera_time() is None  # unchanged: the file's own clock
    # The overlay said 06:14:37 (the camera 151 s fast): typed in, it sets the offset.
    dialog.camera_time.set_utc(datetime(2025, 9, 16, 6, 14, 37, tzinfo=UTC))
    dialog.true_time.set_utc(camera)
    dialog.accept()
    assert opened.source.clock.offset_s == pytest.approx(-151.0)
    assert opened.source.clock.origin_source == "overlay"


def test_go_to_frame_media_time_and_true_time(qtbot, opened) -> None:
    from app.ui.video.goto_dialog import GoToDialog, parse_media_time

    assert parse_media_time("83.5") == 83.5
    assert parse_media_time("1:23,5") == 83.5
    assert parse_media_time("0:01:23.500") == 83.5
    assert parse_media_time("1:75") is None and parse_media_time("abc") is None

    def go(setup) -> GoToDialog:
        qtbot.keyClick(opened, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        dialog = opened.findChildren(GoToDialog)[-1]
        setup(dialog)
        dialog._accept()
        return dialog

    go(lambda d: (d.mode.setCurrentIndex(0), d.frame.setValue(77)))
    wait_exact(qtbot, opened, 77)
    go(lambda d: (d.mode.setCurrentIndex(1), d.media.setText("0:00:01.010")))
    wait_exact(qtbot, opened, 30)
    outside = go(lambda d: (d.mode.setCurrentIndex(1), d.media.setText("7")))
    assert "outside this recording" in outside.error.text()
    # Camera clock starts 06:12:05 UTC (uncalibrated: taken as true): 06:12:07.5 is frame 75.
    go(
        lambda d: (
            d.mode.setCurrentIndex(2),
            d.true_time.set_utc(datetime(2025, 9, 16, 6, 12, 7, tzinfo=UTC)),
            d.millis.setValue(500),
        )
    )
    wait_exact(qtbot, opened, 75)


def test_opening_another_file_during_seeks_never_mixes_files(
    qtbot, opened, sqlite_ctx, case_id: int, tmp_path
) -> None:
    from video_support import draw_frame, encode

    from app.services.video.dto import EvidenceDetails
    from app.services.video.intake import add_video_evidence

    other = encode(
        tmp_path / "entrance.mp4",
        frames=60,
        gop=30,
        painter=lambda n, w, h: draw_frame(n + 1000, w, h),
    )
    second = add_video_evidence(sqlite_ctx, case_id, other, EvidenceDetails("cctv")).evidence.id
    for frame in (80, 3, 71, 44, 12, 88, 29):
        opened.player.seek_frame(frame)
    opened.open_source(open_video(sqlite_ctx, case_id, second), "UTC", frame=5)
    wait_exact(qtbot, opened, 5)
    assert number_on_screen(opened) == 1005


def test_a_keyframe_sought_while_the_decoder_is_idle_is_decoded_once(
    qtbot, opened, monkeypatch
) -> None:
    """The idle exact worker decodes a keyframe from its packet alone: no stand-in worker
    decodes the same picture beside it. A frame between keyframes still gets the stand-in,
    and stepping back from it (over pictures its seek skipped) shows each exactly."""
    player = opened.player
    index = opened.source.index
    asked: list[int] = []
    monkeypatch.setattr(player._workers.preview, "submit", lambda r: asked.append(r.frame))
    key = index.keyframe_at_or_before(index.count - 1)
    assert key > 0
    qtbot.waitUntil(player._workers.exact.idle, timeout=5000)
    player.seek_frame(key)
    wait_exact(qtbot, opened, key)
    assert number_on_screen(opened) == key
    assert asked == []
    qtbot.waitUntil(player._workers.exact.idle, timeout=5000)
    player.seek_frame(key - 2)
    wait_exact(qtbot, opened, key - 2)
    assert asked == [key - 2]
    for expected in (key - 3, key - 4):
        qtbot.keyClick(opened, Qt.Key.Key_Left)
        wait_exact(qtbot, opened, expected)
        assert number_on_screen(opened) == expected
