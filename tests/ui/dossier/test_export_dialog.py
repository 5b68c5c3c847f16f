"""The export dialog on the demo case: choices, selection, regions, preview, save."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.services import demo
from app.services.core import audit, evidence_files


@pytest.fixture
def case_id(sqlite_ctx: Any, tmp_path: Path) -> int:
    case = demo.create_demo_case(sqlite_ctx)
    image = np.full((360, 640, 3), 80, np.uint8)
    path = tmp_path / "door.png"
    path.write_bytes(cv2.imencode(".png", image)[1].tobytes())
    evidence_files.add_evidence(sqlite_ctx, case.id, path, kind="still", source="CCTV")
    return int(case.id)


@pytest.fixture
def dialog(qtbot: Any, env: Any, case_id: int) -> Any:
    from app.ui.dossier.dialog import ExportDialog

    widget = ExportDialog(env, case_id)
    qtbot.addWidget(widget)
    return widget


def test_choices_loaded_and_selection_used(dialog: Any) -> None:
    assert dialog.events.count() >= 4
    assert dialog.stills.count() >= 1  # ours, and any the demo's video part adds
    for row in range(1, dialog.events.count()):
        dialog.events.item(row).setCheckState(Qt.CheckState.Unchecked)
    options = dialog.options()
    assert options.events == {dialog.events.item(0).data(Qt.ItemDataRole.UserRole)}
    assert options.stills is not None and len(options.stills) == dialog.stills.count()
    dialog.lang.setCurrentIndex(1)  # English: texts change, the choice stays
    assert dialog.options().events == options.events
    assert dialog.options().lang == "en"


def test_profile_switches_addressee_and_note(dialog: Any) -> None:
    assert dialog.addressee.isEnabled()
    police_note = dialog.profile_note.text()
    dialog.profile.setCurrentIndex(1)
    assert not dialog.addressee.isEnabled()
    assert dialog.profile_note.text() != police_note
    assert dialog.options().profile == "management"


def test_drawn_region_becomes_a_redaction(qtbot: Any, dialog: Any) -> None:
    dialog.show()
    dialog.pick.setCurrentIndex(1)
    dialog.stills.setCurrentRow(0)
    editor = dialog.editor
    editor.resize(640, 360)
    qtbot.mousePress(editor, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(editor, QPoint(200, 180))
    qtbot.mouseRelease(editor, Qt.MouseButton.LeftButton, pos=QPoint(200, 180))
    still_id = dialog.stills.item(0).data(Qt.ItemDataRole.UserRole)
    blur = dialog.options().redactions[still_id].blur
    assert len(blur) == 1 and blur[0].w > 50 and blur[0].h > 40
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=QPoint(150, 140))
    assert dialog.options().redactions[still_id].blur == ()


def test_preview_and_save(dialog: Any, sqlite_ctx: Any, tmp_path: Path) -> None:
    dialog.profile.setCurrentIndex(1)
    dialog.preview()
    assert dialog.document.pageCount() >= 4
    assert dialog.preview_button.isEnabled()
    target = tmp_path / "out" / "dossier.pdf"
    dialog.save_dossier_to(target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert digest in dialog.status.text()
    exports = [e for e in audit.list_entries(sqlite_ctx) if e.action == "export"]
    assert exports and (exports[0].after or {}).get("sha256") == digest
    dialog.save_package_to(tmp_path / "out" / "package.zip")
    assert dialog.last_saved == tmp_path / "out" / "package.zip"


def test_failure_is_shown_not_raised(dialog: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    dialog.save_dossier_to(blocker / "dossier.pdf")
    assert dialog.status.text().startswith("Export failed")
    assert dialog.save_button.isEnabled()


def test_preview_off_the_gui_thread(qtbot: Any, sqlite_ctx: Any, case_id: int) -> None:
    """With the real task runner the build runs in the CPU pool and the preview arrives."""
    from app.ui.dossier.dialog import ExportDialog
    from app.ui.env import UiEnv
    from app.ui.tasks import TaskRunner

    tasks = TaskRunner()
    env = UiEnv(sqlite_ctx, tasks)
    dialog = ExportDialog(env, case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.events.count() > 0, timeout=10_000)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=20_000)
    assert dialog.preview_button.isEnabled()
    assert tasks.shutdown()


def test_saving_warns_about_stills_without_a_true_time(
    qtbot: Any, env: Any, sqlite_ctx: Any, case_id: int, tmp_path: Path
) -> None:
    from app.services.video.annotations import annotate
    from app.services.video.intake import list_case_evidence
    from app.ui.dossier.dialog import ExportDialog

    dash = next(v for v in list_case_evidence(sqlite_ctx, case_id) if v.evidence.kind == "dashcam")
    annotate(sqlite_ctx, case_id, dash.evidence.id, 1.0, "Машина у подъезда", still=True)
    dialog = ExportDialog(env, case_id)  # the dash-cam's clock is not calibrated
    qtbot.addWidget(dialog)
    dialog.save_dossier_to(tmp_path / "dossier.pdf")
    assert "не установлено: часы камеры не откалиброваны" in dialog.status.text()
