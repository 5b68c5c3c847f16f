"""One writer lane: while a long call import holds SQLite's write lock on the database lane,
adding a video, exporting a police dossier and saving an annotation all succeed (their writes
wait for the lane instead of meeting the 5 s busy timeout); a write from a pool raises."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from video_support import encode

from app.domain.progress import Progress
from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.services.core import audit, cases, lanes
from app.services.core.cases import CaseInput
from app.services.video.annotations import list_annotations
from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence, list_case_evidence
from app.ui.video.add_dialog import EvidenceRequest

CALLS = Path(__file__).resolve().parents[1] / "data" / "calls" / "ru_vpbx_cp1251.csv"


class HoldingProgress:
    """The import's progress: once the import holds the write lock, it waits for `release`."""

    def __init__(self, inner: Progress, db_file: Path) -> None:
        self._inner = inner
        self._db_file = db_file
        self.holding = threading.Event()
        self.release = threading.Event()

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        self._inner.report(done, total, message)
        if not self.holding.is_set() and self._write_locked():
            self.holding.set()
            assert self.release.wait(120), "the test never released the import"

    def cancelled(self) -> bool:
        return self._inner.cancelled()

    def _write_locked(self) -> bool:
        probe = sqlite3.connect(self._db_file, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()


@pytest.fixture
def threaded_env(qapp: Any, sqlite_ctx: Any) -> Any:
    from app.ui.env import UiEnv
    from app.ui.tasks import TaskRunner

    tasks = TaskRunner()
    env = UiEnv(sqlite_ctx, tasks)
    yield env
    tasks.shutdown()
    env.deleteLater()
    tasks.deleteLater()


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return encode(tmp_path / "door.mp4", frames=60, gop=30, bframes=2)


def test_long_import_does_not_block_other_writes(
    qtbot: Any, threaded_env: Any, sqlite_ctx: Any, clip: Path, tmp_path: Path
) -> None:
    from app.ui.dossier.dialog import ExportDialog
    from app.ui.video.tab import create_tab

    env, ctx = threaded_env, sqlite_ctx
    case_id = cases.create_case(
        ctx,
        CaseInput(
            title="Звонки после доставки",
            region="MSK",
            tz="Europe/Moscow",
            received_at=datetime(2025, 10, 9, 12, 0, tzinfo=UTC),
        ),
    ).id
    first = add_video_evidence(ctx, case_id, clip, EvidenceDetails("dashcam", tz="Europe/Moscow"))
    second_clip = encode(tmp_path / "entrance.mp4", frames=45, gop=15, bframes=2)
    tab = create_tab(env, case_id)
    qtbot.addWidget(tab)
    tab.show()
    tab.open_evidence(first.evidence.id)
    qtbot.waitUntil(lambda: tab.player.view.exact, timeout=20_000)
    dialog = ExportDialog(env, case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.choices is not None, timeout=20_000)
    police = dialog.profile.findData("police")
    dialog.profile.setCurrentIndex(police)

    # 1. A long import on the lane, holding the write lock until the others are queued.
    db_file = Path(str(ctx.engine.url.database))
    holder: list[HoldingProgress] = []
    imported: list[Any] = []

    def long_import(progress: Progress) -> Any:
        holder.append(HoldingProgress(progress, db_file))
        return import_calls(ctx, case_id, CALLS, ImportOptions(tz="Europe/Moscow"), holder[0])

    env.tasks.run_db(long_import, imported.append, pytest.fail, title="import")
    qtbot.waitUntil(lambda: bool(holder) and holder[0].holding.is_set(), timeout=30_000)

    # 2. Meanwhile: a video is added, a dossier exported, an annotation saved.
    errors: list[BaseException] = []
    tab._failed = errors.append  # any failure of the tab lands here instead of a dialog
    tab.add_evidence(
        EvidenceRequest(second_clip, "cctv", "Подъезд 2", "управляющая компания", "Europe/Moscow")
    )
    out = tmp_path / "dossier.pdf"
    dialog.save_dossier_to(out)
    tab.annotations.text.setPlainText("Курьер у двери")
    tab.annotations._failed = errors.append
    tab.annotations.add_at_current_frame()

    # Their CPU parts finish while the import holds the lock; their writes queue on the lane.
    # (a commit queued as a lane task, or a write deep in the dossier waiting for the lane's turn)
    qtbot.waitUntil(
        lambda: (
            sum(t.lane == "db" for t in env.tasks.active_tasks()) + env.tasks.waiting_for_lane()
            == 4
        ),
        timeout=60_000,
    )
    assert holder[0].holding.is_set() and not imported
    holder[0].release.set()

    # 3. Everything lands, in order, nothing failed.
    qtbot.waitUntil(lambda: not env.tasks.active_tasks(), timeout=60_000)
    assert errors == [] and "failed" not in dialog.status.text().lower()
    assert imported and imported[0].imported > 0
    names = sorted(e.evidence.original_name for e in list_case_evidence(ctx, case_id))
    assert "door.mp4" in names and "entrance.mp4" in names
    assert out.is_file() and dialog.last_saved == out
    exports = [e for e in audit.list_entries(ctx, case_id=case_id) if e.action == "export"]
    assert exports
    assert [a.text for a in list_annotations(ctx, case_id)] == ["Курьер у двери"]


def test_a_write_from_the_cpu_pool_raises(qtbot: Any, threaded_env: Any) -> None:
    env = threaded_env
    failures: list[BaseException] = []
    env.tasks.run_cpu(
        lambda _p: cases.create_case(env.ctx, CaseInput(title="x", region="MSK", tz="UTC")),
        on_error=failures.append,
    )
    qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
    assert isinstance(failures[0], lanes.LaneViolation)
    assert cases.search_cases(env.ctx).total == 0


def test_a_write_on_the_forbidden_gui_thread_raises(sqlite_ctx: Any) -> None:
    lanes.forbid_writes_here()
    try:
        with pytest.raises(lanes.LaneViolation):
            cases.create_case(sqlite_ctx, CaseInput(title="x", region="MSK", tz="UTC"))
    finally:
        lanes.allow_writes_here()
    assert cases.search_cases(sqlite_ctx).total == 0
