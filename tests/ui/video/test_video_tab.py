"""The evidence tab: list, add (bad files refused by name), open, annotate with undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from video_support import read_number

from app.services.video.annotations import list_annotations
from app.services.video.dto import VideoEvidence
from app.services.video.intake import list_case_evidence
from app.ui.video.add_dialog import EvidenceRequest


@pytest.fixture
def tab(qtbot: Any, env: Any, case_id: int) -> Any:
    from app.ui.video.tab import create_tab

    widget = create_tab(env, case_id)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    yield widget
    widget.player.shutdown()


def _request(path: Path, kind: str = "dashcam") -> EvidenceRequest:
    return EvidenceRequest(path, kind, "Подъезд 2", "служба безопасности ЖК", "Europe/Moscow")


def _opened(qtbot: Any, tab: Any, frame: int = 0) -> None:
    qtbot.waitUntil(lambda: tab.player.view.frame == frame and tab.player.view.exact, timeout=5000)


def test_tab_registers_under_the_video_key() -> None:
    from app.ui.cases.tabs import FEATURE_TABS

    keys = {t.key: t for t in FEATURE_TABS}
    assert keys["video"].title() == "Evidence"


def test_add_a_video_lists_and_opens_it(qtbot: Any, tab: Any, clip: Path) -> None:
    tab.add_evidence(_request(clip))
    assert tab.model.rowCount() == 1
    assert tab.count_label.text() == tab.tr("%n file(s)", "", 1)  # whichever translator is in
    item: VideoEvidence = tab.model.evidence_at(0)
    assert item.evidence.original_name == "courier_door.mp4"
    assert item.media is not None and item.media.frames == 90
    _opened(qtbot, tab)
    assert tab.player.source.evidence.id == item.evidence.id


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("notes.mp4", "Курьер звонил после доставки.\n".encode() * 30, "not a media file"),
        ("empty.mp4", b"", "empty file"),
    ],
)
def test_bad_file_is_refused_by_name(
    qtbot: Any, tab: Any, tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    tab.add_evidence(_request(bad))
    box = tab.findChild(QMessageBox, "errorBox")
    assert box is not None
    assert name in box.informativeText() and problem in box.informativeText()
    assert name in tab.message.text()
    assert tab.model.rowCount() == 0
    box.close()


def test_truncated_file_names_the_missing_moov(qtbot: Any, tab: Any, tmp_path: Path, clip: Path):
    whole = clip.read_bytes()
    cut = tmp_path / "dashcam_cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    tab.add_evidence(_request(cut))
    box = tab.findChild(QMessageBox, "errorBox")
    assert "dashcam_cut.mp4" in box.informativeText()
    assert "moov atom not found" in box.informativeText()
    box.close()
    # The app keeps working: a good file goes in afterwards.
    tab.add_evidence(_request(clip))
    assert tab.model.rowCount() == 1


def test_annotate_with_rectangle_then_undo_and_redo(
    qtbot: Any, tab: Any, clip: Path, env: Any, case_id: int
) -> None:
    tab.add_evidence(_request(clip))
    _opened(qtbot, tab)
    tab.player.player.seek_frame(42)
    _opened(qtbot, tab, 42)
    panel = tab.annotations
    panel.text.setPlainText("Курьер звонит в дверь второй раз")
    panel.tags.setText("дверь, повторно")
    panel.draw.setChecked(True)
    assert tab.player.view.drawing_region
    tab.player.view.region_drawn.emit(QRect(10, 20, 100, 80))
    assert not tab.player.view.drawing_region
    panel.add_at_current_frame()
    saved = list_annotations(env.ctx, case_id)
    assert [(a.frame_index, a.rect, a.tags) for a in saved] == [
        (42, [10, 20, 100, 80], ["дверь", "повторно"])
    ]
    assert panel.list.count() == 1
    assert tab.player.view._marks == [QRect(10, 20, 100, 80)]
    assert tab.player.scrubber._marks == [pytest.approx(1.4)]

    stack = env.undo_stack_for(case_id)
    stack.undo()
    assert list_annotations(env.ctx, case_id) == []
    assert panel.list.count() == 0
    stack.redo()
    assert len(list_annotations(env.ctx, case_id)) == 1

    panel.list.setCurrentRow(0)
    panel.text.setPlainText("Курьер у двери")
    panel.save_selected()
    assert list_annotations(env.ctx, case_id)[0].text == "Курьер у двери"
    stack.undo()
    assert list_annotations(env.ctx, case_id)[0].text == "Курьер звонит в дверь второй раз"

    panel.list.setCurrentRow(0)
    panel.delete_selected()
    assert list_annotations(env.ctx, case_id) == []
    stack.undo()
    assert len(list_annotations(env.ctx, case_id)) == 1


def test_jump_to_annotation_and_still(qtbot: Any, tab: Any, clip: Path, env: Any, case_id: int):
    tab.add_evidence(_request(clip))
    _opened(qtbot, tab)
    tab.player.player.seek_frame(61)
    _opened(qtbot, tab, 61)
    panel = tab.annotations
    panel.text.setPlainText("Лицо курьера видно")
    panel.still.setChecked(True)
    panel.add_at_current_frame()
    assert list_annotations(env.ctx, case_id)[0].still_id is not None
    assert tab.model.rowCount() == 2  # the video and its still, listed at once
    tab.player.player.home()
    _opened(qtbot, tab, 0)
    panel.list.itemClicked.emit(panel.list.item(0))
    _opened(qtbot, tab, 61)
    # The still opens as a picture: the frame with nothing drawn (no rectangle was set).
    tab._open_index(tab.model.index(1, 0))
    assert tab.player.source is None
    assert tab.player.view._overlay == ["courier_door_frame61.png"]
    image = tab.player.view.image().convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    assert read_number(rows.reshape(image.height(), image.width(), 3)) == 61
    assert not tab.annotations.add_button.isEnabled()


def test_stored_file_gone_is_named_and_the_tab_recovers(
    qtbot: Any, tab: Any, clip: Path, env: Any, case_id: int
) -> None:
    from app.services.video.intake import open_video

    tab.add_evidence(_request(clip))
    _opened(qtbot, tab)
    evidence_id = tab.player.source.evidence.id
    stored = open_video(env.ctx, case_id, evidence_id).path
    moved = stored.with_name("elsewhere")
    stored.rename(moved)  # the evidence drive was disconnected
    try:
        tab.open_evidence(evidence_id)
        qtbot.waitUntil(lambda: "file not found" in tab.player.view._notice, timeout=5000)
        assert tab.player.view._notice.startswith("courier_door.mp4: ")
        assert "courier_door.mp4" in tab.player.status.text()
    finally:
        moved.rename(stored)
    tab.open_evidence(evidence_id)
    _opened(qtbot, tab)
    assert tab.player.view._notice == ""


def test_bad_file_message_in_russian(qtbot: Any, tab: Any, tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtCore import QLocale

    from app.ui.i18n import install_translators

    translators = install_translators(qapp, "ru")
    try:
        bad = tmp_path / "объяснение.mp4"
        bad.write_bytes("Курьер звонил после доставки.\n".encode() * 30)
        tab.add_evidence(_request(bad))
        box = tab.findChild(QMessageBox, "errorBox")
        assert box.informativeText() == "объяснение.mp4: это не медиафайл"
        box.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_cancelled_add_stores_nothing(qtbot: Any, sqlite_ctx: Any, case_id: int, clip: Path):
    import threading

    from app.ui.env import UiEnv
    from app.ui.tasks import TaskRunner
    from app.ui.video.tab import create_tab

    runner = TaskRunner(cpu_threads=1)
    env = UiEnv(sqlite_ctx, runner)
    tab = create_tab(env, case_id)
    qtbot.addWidget(tab)
    release = threading.Event()
    runner.run_cpu(lambda _p: release.wait(10), title="busy")  # holds the only CPU thread
    try:
        tab.add_evidence(_request(clip))
        adding = [t for t in runner.active_tasks() if t.title.startswith("Adding")]
        assert len(adding) == 1
        adding[0].cancel()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not runner.active_tasks(), timeout=5000)
    assert tab.message.text() == "Adding courier_door.mp4 was cancelled; nothing was stored."
    assert list_case_evidence(sqlite_ctx, case_id) == []
    assert tab.findChild(QMessageBox, "errorBox") is None
    tab.player.shutdown()
    runner.shutdown()
